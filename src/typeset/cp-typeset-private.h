/* cp-typeset-private.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include "cp-typeset-cmark-private.h"
#include <pango/pangocairo.h>

#include "cp-typeset.h"

G_BEGIN_DECLS

typedef struct
{
  char        *file;
  char        *text;
  char        *id;          /* id of the level-1 heading */
  cmark_node  *root;
  guint        index;
} CpTsChapter;

typedef struct
{
  int          level;       /* 1..3 */
  char        *id;
  char        *title;       /* plain text, id stripped */
  char        *number;      /* "2.3" or NULL */
  const char  *file;
  int          line;
  guint        chapter;
  gboolean     explicit_id;
  cmark_node  *node;
  /* after pagination */
  int          page;        /* 1-based */
  double       y;
} CpTsHeading;

typedef struct
{
  char        *name;
  guint        chapter;
} CpTsMarker;

typedef struct
{
  int          start;       /* byte range in the layout text */
  int          end;
  char        *dest;        /* heading id, or NULL */
  char        *uri;
} CpTsLink;

/* A block of text: one PangoLayout, drawn line by line across pages. */
typedef struct
{
  PangoLayout *layout;
  GArray      *links;       /* CpTsLink */
  const char  *file;
  int          line;
} CpTsText;

/* A structure element of the tagged PDF. */
typedef struct _CpTsElem CpTsElem;
struct _CpTsElem
{
  const char  *name;
  CpTsElem    *parent;
  char        *alt;         /* figures: alternative text */
};

typedef enum
{
  CP_TS_CHUNK_LINE,         /* one line of a CpTsText */
  CP_TS_CHUNK_HEADING,      /* a whole heading layout */
  CP_TS_CHUNK_FIGURE,
  CP_TS_CHUNK_TABLE_ROW,
  CP_TS_CHUNK_RULE,
  CP_TS_CHUNK_TOC_ENTRY,
  CP_TS_CHUNK_TITLE_PAGE,
} CpTsChunkKind;

typedef struct _CpTsTable CpTsTable;

typedef struct
{
  CpTsChunkKind kind;
  double        x;              /* from the left margin */
  double        width;
  double        height;
  double        space_before;
  gboolean      keep_with_next;
  gboolean      page_break_before;
  gboolean      fill;           /* figure: takes the rest of the page */
  int           box;            /* call-out box index or -1 */
  CpTsElem     *elem;           /* innermost structure element */
  /* LINE / HEADING / TOC_ENTRY */
  CpTsText     *text;
  int           line_index;
  double        baseline;       /* from the chunk top */
  double        line_y;         /* top of the line inside the layout */
  PangoLayout  *label;          /* list bullet or number, drawn left of x */
  CpTsElem     *label_elem;
  CpTsHeading  *heading;
  /* FIGURE */
  char         *figure;
  gboolean      symbol;         /* a caller's symbol: small, its label beside it */
  CpTsText     *caption;
  /* TABLE_ROW */
  CpTsTable    *table;
  int           row;
  gboolean      repeat_header;  /* first on a page: the header row is drawn again above */
  /* placement */
  int           page;           /* 1-based */
  double        y;              /* top of the chunk on its page */
} CpTsChunk;

struct _CpTsTable
{
  int           n_cols;
  int           n_rows;
  double       *col_x;          /* from the table's x */
  double       *col_w;
  CpTsText    **cells;          /* n_rows * n_cols */
  CpTsElem    **cell_elems;
  CpTsElem    **row_elems;
  double        pad;
  CpTsChunk    *header;         /* the header row's chunk, or NULL */
};

typedef struct
{
  double        x;
  double        width;
} CpTsBox;

struct _CpTypesetDocument
{
  CpTypesetOptions  options;
  char             *header_text;
  char             *footer_text;
  char             *font_dir;
  char             *date;
  char             *meta[7];          /* title subtitle author subject keywords language licence */
  GPtrArray        *chapters;         /* CpTsChapter */
  GPtrArray        *headings;         /* CpTsHeading */
  GHashTable       *ids;              /* id -> CpTsHeading */
  GPtrArray        *markers;          /* CpTsMarker */
  GKeyFile         *practice;
  char             *practice_file;
  GHashTable       *caller_figures;   /* name -> CpTsCallerFigure (cp-typeset-caller.c) */
  cmark_syntax_extension *table_ext;

  /* layout state (cp-typeset-layout.c) */
  PangoFontMap     *font_map;
  PangoContext     *pango;
  GPtrArray        *chunks;           /* CpTsChunk */
  GPtrArray        *texts;            /* CpTsText, owned */
  GPtrArray        *elems;            /* CpTsElem, owned */
  GPtrArray        *tables;           /* CpTsTable, owned */
  GArray           *boxes;            /* CpTsBox */
  GPtrArray        *figure_alts;      /* char *, in drawing order */
  int               n_pages;
  int               n_figures;
};

#define CP_TS_MAX_HEADING_LEVEL 3

/* A figure or symbol the caller draws (cp_typeset_document_add_figure ()). */
typedef struct
{
  double             aspect;
  gboolean           symbol;
  CpTypesetDrawFunc  draw;
  gpointer           user_data;
  GDestroyNotify     destroy;
} CpTsCallerFigure;

/* cp-typeset-caller.c */
const CpTsCallerFigure *_cp_ts_caller_figure (CpTypesetDocument *doc,
                                              const char        *name);
void          _cp_ts_caller_figures_free  (CpTypesetDocument *doc);

/* cp-typeset-parse.c */
gboolean      _cp_ts_validate_utf8        (const char        *file,
                                           const char        *text,
                                           gsize              length,
                                           GError           **error);
gboolean      _cp_ts_parse_chapter        (CpTypesetDocument *doc,
                                           CpTsChapter       *chapter,
                                           GError           **error);
gboolean      _cp_ts_resolve              (CpTypesetDocument *doc,
                                           GError           **error);
int           _cp_ts_find_line            (const char        *text,
                                           int                from_line,
                                           const char        *needle);
char         *_cp_ts_node_plain_text      (cmark_node        *node);
void          _cp_ts_heading_free         (gpointer           data);

/* cp-typeset-fonts.c */
PangoFontMap *_cp_ts_font_map_new         (const char        *font_dir,
                                           GError           **error);
PangoContext *_cp_ts_context_new          (PangoFontMap      *font_map,
                                           const char        *language);
gboolean      _cp_ts_check_layout         (PangoLayout       *layout,
                                           const char        *file,
                                           int                line,
                                           GError           **error);
PangoLayout  *_cp_ts_layout_new           (PangoContext      *context,
                                           const char        *text,
                                           double             size,
                                           PangoWeight        weight,
                                           PangoStyle         style,
                                           double             width);

void          _cp_ts_no_ligatures         (PangoAttrList     *attrs);
void          _cp_ts_widen_space          (PangoLayout       *layout,
                                           gsize              pos,
                                           double             extra);
void          _cp_ts_show_run             (cairo_t           *cr,
                                           PangoLayoutRun    *run,
                                           double             x,
                                           double             baseline,
                                           gboolean           space_at_end);
gboolean      _cp_ts_line_ends_with_space (PangoLayoutLine   *line);
void          _cp_ts_show_layout          (cairo_t           *cr,
                                           PangoLayout       *layout,
                                           double             x,
                                           double             y);

/* cp-typeset-build.c: cmark tree -> chunks */
gboolean      _cp_ts_build_chunks         (CpTypesetDocument *doc,
                                           GError           **error);
CpTsElem     *_cp_ts_elem_new             (CpTypesetDocument *doc,
                                           const char        *name,
                                           CpTsElem          *parent);
CpTsText     *_cp_ts_text_new             (CpTypesetDocument *doc,
                                           const char        *file,
                                           int                line);
CpTsChunk    *_cp_ts_chunk_new            (CpTypesetDocument *doc,
                                           CpTsChunkKind      kind);
void          _cp_ts_add_text_lines       (CpTypesetDocument *doc,
                                           CpTsText          *text,
                                           double             x,
                                           double             width,
                                           double             space_before,
                                           int                box,
                                           CpTsElem          *elem);
void          _cp_ts_build_front          (CpTypesetDocument *doc,
                                           CpTsElem          *root);
double        _cp_ts_body_width           (CpTypesetDocument *doc);
double        _cp_ts_body_top             (CpTypesetDocument *doc);
double        _cp_ts_body_bottom          (CpTypesetDocument *doc);

/* cp-typeset-layout.c: pagination and drawing */
void          _cp_ts_paginate             (CpTypesetDocument *doc);
gboolean      _cp_ts_draw                 (CpTypesetDocument *doc,
                                           cairo_t           *cr,
                                           GError           **error);

/* cp-typeset-pdf.c */
gboolean      _cp_ts_postprocess          (const char        *path,
                                           const char        *language,
                                           GPtrArray         *figure_alts,
                                           GError           **error);

G_END_DECLS
