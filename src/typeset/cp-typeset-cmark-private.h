/* cp-typeset-cmark-private.h: cmark-gfm, loaded when the first chapter is parsed
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * cmark-gfm and its extensions are not linked: the app typesets only when a document is
 * saved, so start-up does not load them (see util/cp-lazy-lib.h). Every function the
 * typesetter calls is listed here and called through the loaded library with its own
 * prototype. Included by cp-typeset-private.h, after the cmark-gfm headers.
 */

#pragma once

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "util/cp-lazy-lib.h"

G_BEGIN_DECLS

#define CP_CMARK_SYMBOLS(X) \
  X (cmark_find_syntax_extension) \
  X (cmark_iter_free) \
  X (cmark_iter_get_node) \
  X (cmark_iter_new) \
  X (cmark_iter_next) \
  X (cmark_node_first_child) \
  X (cmark_node_free) \
  X (cmark_node_get_heading_level) \
  X (cmark_node_get_list_start) \
  X (cmark_node_get_list_tight) \
  X (cmark_node_get_list_type) \
  X (cmark_node_get_literal) \
  X (cmark_node_get_start_line) \
  X (cmark_node_get_type) \
  X (cmark_node_get_type_string) \
  X (cmark_node_get_url) \
  X (cmark_node_last_child) \
  X (cmark_node_next) \
  X (cmark_node_parent) \
  X (cmark_node_set_literal) \
  X (cmark_parser_attach_syntax_extension) \
  X (cmark_parser_feed) \
  X (cmark_parser_finish) \
  X (cmark_parser_free) \
  X (cmark_parser_new)

#define CP_CMARK_EXTENSIONS_SYMBOLS(X) \
  X (cmark_gfm_core_extensions_ensure_registered) \
  X (cmark_gfm_extensions_get_table_columns) \
  X (cmark_gfm_extensions_get_table_row_is_header)

CP_LAZY_LIB_DECLARE (_cp_ts_cmark, CP_CMARK_SYMBOLS)
CP_LAZY_LIB_DECLARE (_cp_ts_cmark_extensions, CP_CMARK_EXTENSIONS_SYMBOLS)

gboolean _cp_ts_markdown_load (GError **error);

#define cmark_find_syntax_extension CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_find_syntax_extension)
#define cmark_iter_free CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_iter_free)
#define cmark_iter_get_node CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_iter_get_node)
#define cmark_iter_new CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_iter_new)
#define cmark_iter_next CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_iter_next)
#define cmark_node_first_child CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_first_child)
#define cmark_node_free CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_free)
#define cmark_node_get_heading_level CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_get_heading_level)
#define cmark_node_get_list_start CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_get_list_start)
#define cmark_node_get_list_tight CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_get_list_tight)
#define cmark_node_get_list_type CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_get_list_type)
#define cmark_node_get_literal CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_get_literal)
#define cmark_node_get_start_line CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_get_start_line)
#define cmark_node_get_type CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_get_type)
#define cmark_node_get_type_string CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_get_type_string)
#define cmark_node_get_url CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_get_url)
#define cmark_node_last_child CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_last_child)
#define cmark_node_next CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_next)
#define cmark_node_parent CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_parent)
#define cmark_node_set_literal CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_node_set_literal)
#define cmark_parser_attach_syntax_extension \
  CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_parser_attach_syntax_extension)
#define cmark_parser_feed CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_parser_feed)
#define cmark_parser_finish CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_parser_finish)
#define cmark_parser_free CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_parser_free)
#define cmark_parser_new CP_LAZY_LIB_CALL (_cp_ts_cmark, cmark_parser_new)

#define cmark_gfm_core_extensions_ensure_registered \
  CP_LAZY_LIB_CALL (_cp_ts_cmark_extensions, cmark_gfm_core_extensions_ensure_registered)
#define cmark_gfm_extensions_get_table_columns \
  CP_LAZY_LIB_CALL (_cp_ts_cmark_extensions, cmark_gfm_extensions_get_table_columns)
#define cmark_gfm_extensions_get_table_row_is_header \
  CP_LAZY_LIB_CALL (_cp_ts_cmark_extensions, cmark_gfm_extensions_get_table_row_is_header)

G_END_DECLS
