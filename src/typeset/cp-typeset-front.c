/* cp-typeset-front.c: the title page and the linked contents
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <string.h>

#include "cp-typeset-private.h"

/* A title page chunk (drawn from the metadata), then "Contents" and one entry per
 * heading of levels 1 and 2; the page numbers are filled in when the entries are drawn. */
void
_cp_ts_build_front (CpTypesetDocument *doc,
                    CpTsElem          *root)
{
  double b = doc->options.base_font_size;
  double w = _cp_ts_body_width (doc);
  CpTsChunk *c;
  guint i;

  if (doc->options.title_page)
    {
      c = _cp_ts_chunk_new (doc, CP_TS_CHUNK_TITLE_PAGE);
      c->width = w;
      c->height = _cp_ts_body_bottom (doc) - _cp_ts_body_top (doc);
      c->elem = _cp_ts_elem_new (doc, "Sect", root);
    }
  if (!doc->options.contents)
    return;

  c = _cp_ts_chunk_new (doc, CP_TS_CHUNK_HEADING);
  {
    CpTsText *t = _cp_ts_text_new (doc, "contents", 0);

    t->layout = _cp_ts_layout_new (doc->pango, "Contents", b * 2.0, PANGO_WEIGHT_BOLD,
                                   PANGO_STYLE_NORMAL, w);
    c->text = t;
    c->width = w;
    c->height = b * 2.0 * 1.2 + b * 1.3;
    c->space_before = b;
    c->page_break_before = TRUE;
    c->keep_with_next = TRUE;
    c->elem = _cp_ts_elem_new (doc, "H1", root);
  }
  {
    CpTsElem *toc = _cp_ts_elem_new (doc, "TOC", root);

    for (i = 0; i < doc->headings->len; i++)
      {
        CpTsHeading *h = g_ptr_array_index (doc->headings, i);
        double indent = h->level == 1 ? 0 : b * 2.2;
        g_autofree char *label = NULL;
        CpTsText *t;
        PangoRectangle logical;

        if (h->level > 2)
          continue;
        /* the trailing space keeps the title and page number apart in extracted text */
        label = h->number != NULL ? g_strdup_printf ("%s %s ", h->number, h->title)
                                  : g_strdup_printf ("%s ", h->title);
        t = _cp_ts_text_new (doc, h->file, h->line);
        t->layout = _cp_ts_layout_new (doc->pango, label, b,
                                       h->level == 1 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                       PANGO_STYLE_NORMAL, w - indent - b * 4);
        pango_layout_set_wrap (t->layout, PANGO_WRAP_WORD);
        pango_layout_set_line_spacing (t->layout, 1.2);
        if (h->number != NULL)
          _cp_ts_widen_space (t->layout, strlen (h->number), b * 0.2);
        pango_layout_get_extents (t->layout, NULL, &logical);
        c = _cp_ts_chunk_new (doc, CP_TS_CHUNK_TOC_ENTRY);
        c->text = t;
        c->heading = h;
        c->x = indent;
        c->width = w - indent;
        c->height = (double) logical.height / PANGO_SCALE;
        c->space_before = h->level == 1 ? b * 0.7 : b * 0.15;
        c->keep_with_next = h->level == 1;
        c->elem = _cp_ts_elem_new (doc, "TOCI", toc);
      }
  }
}
