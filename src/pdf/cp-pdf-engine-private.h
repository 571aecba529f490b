/* cp-pdf-engine-private.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The PDF engine (poppler-glib) is not linked: it is loaded the first time a document
 * opens, so that start-up does not load and relocate poppler, its C++ runtime users and
 * NSS before the first frame. Every poppler function the document layer calls is listed
 * below; a call goes through a pointer looked up once (the same prototype, from
 * <poppler.h>; see util/cp-lazy-lib.h). Include this header after <poppler.h> and nowhere
 * but cp-pdf-document*.
 */

#pragma once

#include <poppler.h>

#include "util/cp-lazy-lib.h"

G_BEGIN_DECLS

#define CP_PDF_ENGINE_SYMBOLS(X) \
  X (poppler_action_free) \
  X (poppler_dest_free) \
  X (poppler_document_find_dest) \
  X (poppler_document_get_n_pages) \
  X (poppler_document_get_page) \
  X (poppler_document_get_title) \
  X (poppler_document_new_from_bytes) \
  X (poppler_document_new_from_fd) \
  X (poppler_error_quark) \
  X (poppler_index_iter_free) \
  X (poppler_index_iter_get_action) \
  X (poppler_index_iter_get_child) \
  X (poppler_index_iter_is_open) \
  X (poppler_index_iter_new) \
  X (poppler_index_iter_next) \
  X (poppler_page_find_text_with_options) \
  X (poppler_page_free_link_mapping) \
  X (poppler_page_get_label) \
  X (poppler_page_get_link_mapping) \
  X (poppler_page_get_size) \
  X (poppler_page_get_text) \
  X (poppler_page_get_text_layout) \
  X (poppler_page_render) \
  X (poppler_page_render_for_printing) \
  X (poppler_rectangle_free)

CP_LAZY_LIB_DECLARE (_cp_pdf_engine, CP_PDF_ENGINE_SYMBOLS)

/* @name's own prototype, called through the loaded engine (see cp-lazy-lib.h). */
#define CP_PDF_ENGINE(name) CP_LAZY_LIB_CALL (_cp_pdf_engine, name)

#define poppler_action_free CP_PDF_ENGINE (poppler_action_free)
#define poppler_dest_free CP_PDF_ENGINE (poppler_dest_free)
#define poppler_document_find_dest CP_PDF_ENGINE (poppler_document_find_dest)
#define poppler_document_get_n_pages CP_PDF_ENGINE (poppler_document_get_n_pages)
#define poppler_document_get_page CP_PDF_ENGINE (poppler_document_get_page)
#define poppler_document_get_title CP_PDF_ENGINE (poppler_document_get_title)
#define poppler_document_new_from_bytes CP_PDF_ENGINE (poppler_document_new_from_bytes)
#define poppler_document_new_from_fd CP_PDF_ENGINE (poppler_document_new_from_fd)
#define poppler_error_quark CP_PDF_ENGINE (poppler_error_quark)
#define poppler_index_iter_free CP_PDF_ENGINE (poppler_index_iter_free)
#define poppler_index_iter_get_action CP_PDF_ENGINE (poppler_index_iter_get_action)
#define poppler_index_iter_get_child CP_PDF_ENGINE (poppler_index_iter_get_child)
#define poppler_index_iter_is_open CP_PDF_ENGINE (poppler_index_iter_is_open)
#define poppler_index_iter_new CP_PDF_ENGINE (poppler_index_iter_new)
#define poppler_index_iter_next CP_PDF_ENGINE (poppler_index_iter_next)
#define poppler_page_find_text_with_options CP_PDF_ENGINE (poppler_page_find_text_with_options)
#define poppler_page_free_link_mapping CP_PDF_ENGINE (poppler_page_free_link_mapping)
#define poppler_page_get_label CP_PDF_ENGINE (poppler_page_get_label)
#define poppler_page_get_link_mapping CP_PDF_ENGINE (poppler_page_get_link_mapping)
#define poppler_page_get_size CP_PDF_ENGINE (poppler_page_get_size)
#define poppler_page_get_text CP_PDF_ENGINE (poppler_page_get_text)
#define poppler_page_get_text_layout CP_PDF_ENGINE (poppler_page_get_text_layout)
#define poppler_page_render CP_PDF_ENGINE (poppler_page_render)
#define poppler_page_render_for_printing CP_PDF_ENGINE (poppler_page_render_for_printing)
#define poppler_rectangle_free CP_PDF_ENGINE (poppler_rectangle_free)

G_END_DECLS
