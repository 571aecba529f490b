/* cp-typeset-layout.c: pagination, and drawing the pages with tags, links and destinations
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <cairo-pdf.h>
#include <string.h>

#include "cp-typeset-figures.h"
#include "cp-typeset-private.h"

#define FILL_MIN_SHARE 0.55

static double
box_pad (CpTypesetDocument *doc)
{
  return doc->options.base_font_size * 0.9;
}

/* Height of chunk @i and every chunk it keeps with: a heading keeps with at least two
 * lines (or rows) of what follows it, through any further headings. */
static double
chain_height (CpTypesetDocument *doc,
              guint              i,
              double             body_h)
{
  double h = 0;
  int need = 0;
  guint j;

  for (j = i; j < doc->chunks->len; j++)
    {
      CpTsChunk *c = g_ptr_array_index (doc->chunks, j);

      if (j > i && c->page_break_before)
        break;
      h += (j > i ? c->space_before : 0) +
           (c->fill ? body_h * FILL_MIN_SHARE + c->line_y : c->height);
      if (c->kind == CP_TS_CHUNK_HEADING && c->heading != NULL)
        {
          need = 2;
          continue;
        }
      if (need > 0 && --need > 0 && !c->fill)
        continue;
      if (!c->keep_with_next)
        break;
    }
  return h;
}

void
_cp_ts_paginate (CpTypesetDocument *doc)
{
  double top = _cp_ts_body_top (doc);
  double bottom = _cp_ts_body_bottom (doc);
  double body_h = bottom - top;
  double y = top;
  int page = 1;
  gboolean first = TRUE;
  gboolean force_break = FALSE;
  guint i;

  for (i = 0; i < doc->chunks->len; i++)
    {
      CpTsChunk *c = g_ptr_array_index (doc->chunks, i);
      double sb;
      double h;

      if ((c->page_break_before || force_break) && !first)
        {
          page++;
          y = top;
          first = TRUE;
        }
      force_break = FALSE;
      sb = first ? (c->box >= 0 ? box_pad (doc) : 0) : c->space_before;
      if (!first)
        {
          double chain = chain_height (doc, i, body_h);
          double remaining = bottom - y - sb;

          if ((chain > remaining && chain <= body_h) ||
              (!c->fill && c->height > remaining) ||
              (c->fill && remaining < body_h * FILL_MIN_SHARE + c->line_y))
            {
              page++;
              y = top;
              first = TRUE;
              sb = c->box >= 0 ? box_pad (doc) : 0;
            }
        }
      if (c->kind == CP_TS_CHUNK_TABLE_ROW && first && c->table->header != NULL &&
          c->table->header != c)
        {
          c->repeat_header = TRUE;
          sb += c->table->header->height;
        }
      h = c->fill ? bottom - y - sb : c->height;
      if (c->fill)
        c->height = h;
      c->page = page;
      c->y = y + sb;
      y = c->y + h;
      first = FALSE;
      if (c->heading != NULL && c->kind == CP_TS_CHUNK_HEADING)
        {
          c->heading->page = page;
          c->heading->y = c->y;
        }
      if (c->kind == CP_TS_CHUNK_TITLE_PAGE)
        force_break = TRUE;
    }
  doc->n_pages = page;
}

/* ---- drawing ---- */

typedef struct
{
  CpTypesetDocument *doc;
  cairo_t           *cr;
  GPtrArray         *open;       /* CpTsElem, outermost first */
  GError            *error;
} Draw;

/* Closes every open element but the Document root, which spans the pages. */
static void
close_all (Draw     *d,
           gboolean  root_too)
{
  while (d->open->len > (root_too ? 0 : 1))
    {
      CpTsElem *e = g_ptr_array_index (d->open, d->open->len - 1);

      cairo_tag_end (d->cr, e->name);
      g_ptr_array_remove_index (d->open, d->open->len - 1);
    }
}

static void
enter (Draw     *d,
       CpTsElem *target)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  CpTsElem *e;
  guint common = 0;
  guint i;

  for (e = target; e != NULL; e = e->parent)
    g_ptr_array_insert (path, 0, e);
  while (common < path->len && common < d->open->len &&
         g_ptr_array_index (path, common) == g_ptr_array_index (d->open, common))
    common++;
  while (d->open->len > common)
    {
      e = g_ptr_array_index (d->open, d->open->len - 1);
      cairo_tag_end (d->cr, e->name);
      g_ptr_array_remove_index (d->open, d->open->len - 1);
    }
  for (i = common; i < path->len; i++)
    {
      e = g_ptr_array_index (path, i);
      cairo_tag_begin (d->cr, e->name, "");
      g_ptr_array_add (d->open, e);
    }
}

static char *
fmt (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", v));
}

static char *
link_attrs (const char *dest,
            const char *uri,
            double      x,
            double      y,
            double      w,
            double      h)
{
  g_autofree char *sx = fmt (x);
  g_autofree char *sy = fmt (y);
  g_autofree char *sw = fmt (w);
  g_autofree char *sh = fmt (h);
  g_autoptr(GString) esc = g_string_new (NULL);
  const char *p;

  if (dest != NULL)
    return g_strdup_printf ("dest='%s' rect=[%s %s %s %s]", dest, sx, sy, sw, sh);
  for (p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (esc, '\\');
      g_string_append_c (esc, *p);
    }
  return g_strdup_printf ("uri='%s' rect=[%s %s %s %s]", esc->str, sx, sy, sw, sh);
}

static CpTsLink *
find_link (CpTsText *text,
           int       index)
{
  guint i;

  for (i = 0; i < text->links->len; i++)
    {
      CpTsLink *l = &g_array_index (text->links, CpTsLink, i);

      if (index >= l->start && index < l->end)
        return l;
    }
  return NULL;
}

/* One line of @text. In a text with links, each link's runs go inside a Link element
 * (text and annotation together) and the rest inside Span elements: cairo 1.16 leaves
 * the content of an element that has children untagged. */
static void
show_line (Draw            *d,
           CpTsText        *text,
           PangoLayoutLine *line,
           double           x,
           double           baseline,
           double           top,
           double           height)
{
  cairo_t *cr = d->cr;
  gboolean spans = text->links->len > 0;
  gboolean span_open = FALSE;
  gboolean end_space = _cp_ts_line_ends_with_space (line);
  PangoRectangle logical;
  double rx;
  GSList *l;

  pango_layout_line_get_extents (line, NULL, &logical);
  rx = x + (double) logical.x / PANGO_SCALE;
  for (l = line->runs; l != NULL; l = l->next)
    {
      PangoLayoutRun *run = l->data;
      double w = (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
      CpTsLink *link = spans ? find_link (text, run->item->offset) : NULL;

      if (link != NULL)
        {
          g_autofree char *attrs = link_attrs (link->dest, link->uri, rx, top, w, height);

          if (span_open)
            cairo_tag_end (cr, "Span");
          span_open = FALSE;
          cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
          _cp_ts_show_run (cr, run, rx, baseline, l->next == NULL && end_space);
          cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
      else
        {
          if (spans && !span_open)
            cairo_tag_begin (cr, "Span", "");
          span_open = spans;
          _cp_ts_show_run (cr, run, rx, baseline, l->next == NULL && end_space);
        }
      rx += w;
    }
  if (span_open)
    cairo_tag_end (cr, "Span");
}

static void
show_text_block (Draw     *d,
                 CpTsText *text,
                 double    x,
                 double    y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (text->layout);

  do
    {
      int y0;
      int y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      show_line (d, text, pango_layout_iter_get_line_readonly (iter), x,
                 y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE,
                 y + (double) y0 / PANGO_SCALE, (double) (y1 - y0) / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_title_page (Draw      *d,
                 CpTsChunk *c,
                 double     X)
{
  CpTypesetDocument *doc = d->doc;
  double b = doc->options.base_font_size;
  double w = c->width;
  double y = c->y + (c->height) * 0.22;
  const char *title = doc->meta[0] != NULL ? doc->meta[0] : "";
  g_autoptr(PangoLayout) t = _cp_ts_layout_new (doc->pango, title, b * 2.6, PANGO_WEIGHT_BOLD,
                                                PANGO_STYLE_NORMAL, w);
  PangoRectangle logical;

  pango_layout_set_wrap (t, PANGO_WRAP_WORD);
  pango_layout_set_line_spacing (t, 1.1);
  if (d->error == NULL)
    _cp_ts_check_layout (t, "manual.ini", 0, &d->error);
  cairo_set_source_rgb (d->cr, 0.25, 0.25, 0.25);
  cairo_rectangle (d->cr, X, y - b * 2.2, w * 0.25, 5);
  cairo_fill (d->cr);
  cairo_set_source_rgb (d->cr, 0, 0, 0);
  enter (d, _cp_ts_elem_new (doc, "H", c->elem));
  _cp_ts_show_layout (d->cr, t, X, y);
  pango_layout_get_extents (t, NULL, &logical);
  y += (double) logical.height / PANGO_SCALE + b * 1.5;
  if (doc->meta[1] != NULL)
    {
      g_autoptr(PangoLayout) s = _cp_ts_layout_new (doc->pango, doc->meta[1], b * 1.35,
                                                    PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, w);

      if (d->error == NULL)
        _cp_ts_check_layout (s, "manual.ini", 0, &d->error);
      enter (d, _cp_ts_elem_new (doc, "P", c->elem));
      _cp_ts_show_layout (d->cr, s, X, y);
      pango_layout_get_extents (s, NULL, &logical);
      y += (double) logical.height / PANGO_SCALE + b * 3;
    }
  if (doc->meta[2] != NULL)
    {
      g_autoptr(PangoLayout) a = _cp_ts_layout_new (doc->pango, doc->meta[2], b * 1.1,
                                                    PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, w);

      enter (d, _cp_ts_elem_new (doc, "P", c->elem));
      _cp_ts_show_layout (d->cr, a, X, y);
    }
  if (doc->meta[6] != NULL)
    {
      g_autofree char *text = g_strdup_printf ("The text of this document is licensed under %s.",
                                               doc->meta[6]);
      g_autoptr(PangoLayout) l = _cp_ts_layout_new (doc->pango, text, b * 0.9,
                                                    PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, w);

      if (d->error == NULL)
        _cp_ts_check_layout (l, "manual.ini", 0, &d->error);
      pango_layout_get_extents (l, NULL, &logical);
      enter (d, _cp_ts_elem_new (doc, "P", c->elem));
      _cp_ts_show_layout (d->cr, l, X, c->y + c->height - (double) logical.height / PANGO_SCALE);
    }
  cairo_new_path (d->cr);
}

static void
draw_row (Draw      *d,
          CpTsChunk *c,
          double     X,
          double     y,
          gboolean   tagged)
{
  cairo_t *cr = d->cr;
  CpTsTable *t = c->table;
  int col;
  gboolean header = g_str_equal (t->cell_elems[c->row * t->n_cols]->name, "TH");

  if (tagged)
    enter (d, c->elem);
  if (header)
    {
      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_rectangle (cr, X, y, c->width, c->height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, header || c->row == t->n_rows - 1 ? 1.0 : 0.5);
  cairo_move_to (cr, X, y + c->height);
  cairo_line_to (cr, X + c->width, y + c->height);
  cairo_stroke (cr);
  if (c->row == 0 || !tagged)
    {
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, X, y);
      cairo_line_to (cr, X + c->width, y);
      cairo_stroke (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (col = 0; col < t->n_cols; col++)
    {
      CpTsText *text = t->cells[c->row * t->n_cols + col];

      if (tagged)
        enter (d, t->cell_elems[c->row * t->n_cols + col]);
      if (text == NULL)
        continue;
      if (tagged)
        show_text_block (d, text, X + t->col_x[col] + t->pad, y + t->pad);
      else
        {
          _cp_ts_show_layout (cr, text->layout, X + t->col_x[col] + t->pad, y + t->pad);
        }
    }
}

static void
draw_chunk (Draw      *d,
            CpTsChunk *c)
{
  CpTypesetDocument *doc = d->doc;
  cairo_t *cr = d->cr;
  double X = doc->options.margin_left + c->x;
  double b = doc->options.base_font_size;
  guint i;

  switch (c->kind)
    {
    case CP_TS_CHUNK_LINE:
      {
        PangoLayoutLine *line = pango_layout_get_line_readonly (c->text->layout, c->line_index);

        if (c->label != NULL)
          {
            PangoRectangle logical;

            enter (d, c->label_elem);
            pango_layout_get_extents (c->label, NULL, &logical);
            _cp_ts_show_layout (cr, c->label, X - b * 0.5 - (double) logical.width / PANGO_SCALE,
                                c->y + c->baseline -
                                (double) pango_layout_get_baseline (c->label) / PANGO_SCALE);
          }
        enter (d, c->elem);
        show_line (d, c->text, line, X, c->y + c->baseline, c->y, c->height);
      }
      break;
    case CP_TS_CHUNK_HEADING:
      enter (d, c->elem);
      if (c->heading != NULL)
        {
          g_autofree char *sx = fmt (X);
          g_autofree char *sy = fmt (MAX (0, c->y - b));
          g_autofree char *attrs = g_strdup_printf ("name='%s' x=%s y=%s", c->heading->id, sx, sy);

          cairo_tag_begin (cr, CAIRO_TAG_DEST, attrs);
          cairo_tag_end (cr, CAIRO_TAG_DEST);
          for (i = 0; i < doc->markers->len && c->heading->level == 1; i++)
            {
              CpTsMarker *m = g_ptr_array_index (doc->markers, i);

              if (m->chapter == c->heading->chapter && g_strcmp0 (m->name, c->heading->id) != 0)
                {
                  g_autofree char *mattrs = g_strdup_printf ("name='%s' x=%s y=%s", m->name, sx, sy);

                  cairo_tag_begin (cr, CAIRO_TAG_DEST, mattrs);
                  cairo_tag_end (cr, CAIRO_TAG_DEST);
                }
            }
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      _cp_ts_show_layout (cr, c->text->layout, X, c->y);
      if (c->heading != NULL && c->heading->level == 1)
        {
          PangoRectangle logical;

          pango_layout_get_extents (c->text->layout, NULL, &logical);
          cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
          cairo_rectangle (cr, X, c->y + (double) logical.height / PANGO_SCALE + b * 0.35,
                           c->width, 1.2);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      break;
    case CP_TS_CHUNK_TOC_ENTRY:
      {
        g_autofree char *num = g_strdup_printf ("%d", c->heading->page);
        g_autoptr(PangoLayout) pl = _cp_ts_layout_new (doc->pango, num, b,
                                                       c->heading->level == 1 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                                       PANGO_STYLE_NORMAL, -1);
        PangoRectangle logical;
        PangoLayoutIter *iter = pango_layout_get_iter (c->text->layout);
        PangoRectangle line_logical;
        g_autofree char *link = NULL;
        double last_base = 0;
        double num_x;
        double dot_x;

        do
          {
            last_base = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
            pango_layout_iter_get_line_extents (iter, NULL, &line_logical);
          }
        while (pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
        enter (d, c->elem);
        /* the entry's text and page number inside its Link */
        link = link_attrs (c->heading->id, NULL, X, c->y, c->width, c->height);
        cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
        _cp_ts_show_layout (cr, c->text->layout, X, c->y);
        pango_layout_get_extents (pl, NULL, &logical);
        num_x = doc->options.margin_left + _cp_ts_body_width (doc) - (double) logical.width / PANGO_SCALE;
        _cp_ts_show_layout (cr, pl, num_x,
                            c->y + last_base - (double) pango_layout_get_baseline (pl) / PANGO_SCALE);
        cairo_tag_end (cr, CAIRO_TAG_LINK);
        /* dot leaders, drawn as shapes so they stay out of the text */
        cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
        for (dot_x = X + (double) (line_logical.x + line_logical.width) / PANGO_SCALE + b * 0.8;
             dot_x < num_x - b * 0.8; dot_x += b * 0.45)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, dot_x, c->y + last_base - 0.7, 0.55, 0, 2 * G_PI);
          }
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 0, 0, 0);
      }
      break;
    case CP_TS_CHUNK_FIGURE:
      {
        /* labels in figures stay at most 13 pt, so the large print keeps room to write */
        CpTypesetFigureContext fctx = { doc->pango, doc->practice, doc->practice_file, MIN (b, 13.0) };
        const CpTsCallerFigure *caller = _cp_ts_caller_figure (doc, c->figure);
        double fig_h = c->height - c->line_y;
        GError *local = NULL;

        enter (d, c->elem);
        g_ptr_array_add (doc->figure_alts, g_strdup (c->elem->alt));
        cairo_save (cr);
        cairo_translate (cr, X, c->y);
        cairo_set_source_rgb (cr, 0, 0, 0);
        if (caller != NULL && c->symbol)
          {
            PangoRectangle logical;
            double label_h;

            /* the symbol, then its label beside it, centred on it */
            caller->draw (cr, c->width, c->width, caller->user_data);
            cairo_restore (cr);
            enter (d, c->label_elem);
            pango_layout_get_extents (c->caption->layout, NULL, &logical);
            label_h = (double) logical.height / PANGO_SCALE;
            _cp_ts_show_layout (cr, c->caption->layout, X + c->width + b * 0.6,
                                c->y + MAX (0, (c->width - label_h) / 2));
            break;
          }
        if (caller != NULL)
          caller->draw (cr, c->width, fig_h, caller->user_data);
        else if (!cp_typeset_figure_draw (c->figure, cr, c->width, fig_h, &fctx, &local) &&
                 d->error == NULL)
          {
            g_set_error (&d->error, CP_TYPESET_ERROR, local->code, "%s:%d: %s",
                         c->caption->file, c->caption->line, local->message);
          }
        g_clear_error (&local);
        cairo_restore (cr);
        enter (d, c->label_elem);
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        _cp_ts_show_layout (cr, c->caption->layout, X, c->y + fig_h + b * 0.6);
        cairo_set_source_rgb (cr, 0, 0, 0);
      }
      break;
    case CP_TS_CHUNK_TABLE_ROW:
      if (c->repeat_header)
        {
          /* the header again above a table continued from the last page (untagged) */
          CpTsChunk *h = c->table->header;

          draw_row (d, h, X, c->y - h->height, FALSE);
        }
      draw_row (d, c, X, c->y, TRUE);
      break;
    case CP_TS_CHUNK_RULE:
      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, X, c->y + c->height / 2);
      cairo_line_to (cr, X + c->width, c->y + c->height / 2);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      break;
    case CP_TS_CHUNK_TITLE_PAGE:
      draw_title_page (d, c, X);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
draw_furniture (Draw       *d,
                int         page,
                const char *running)
{
  CpTypesetDocument *doc = d->doc;
  double b = doc->options.base_font_size;
  double L = doc->options.margin_left;
  double W = _cp_ts_body_width (doc);
  g_autofree char *num = g_strdup_printf ("%d", page);
  g_autoptr(PangoLayout) pl = _cp_ts_layout_new (doc->pango, num, b * 0.85, PANGO_WEIGHT_NORMAL,
                                                 PANGO_STYLE_NORMAL, -1);
  PangoRectangle logical;

  cairo_set_source_rgb (d->cr, 0.2, 0.2, 0.2);
  if (running != NULL)
    {
      g_autoptr(PangoLayout) hl = _cp_ts_layout_new (doc->pango, running, b * 0.85,
                                                     PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, W);

      pango_layout_set_ellipsize (hl, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (hl, PANGO_ALIGN_RIGHT);
      if (d->error == NULL)
        _cp_ts_check_layout (hl, "header", 0, &d->error);
      _cp_ts_show_layout (d->cr, hl, L, doc->options.margin_top);
      pango_layout_get_extents (hl, NULL, &logical);
      cairo_set_line_width (d->cr, 0.5);
      cairo_move_to (d->cr, L, doc->options.margin_top + (double) logical.height / PANGO_SCALE + 3);
      cairo_line_to (d->cr, L + W, doc->options.margin_top + (double) logical.height / PANGO_SCALE + 3);
      cairo_stroke (d->cr);
    }
  pango_layout_get_extents (pl, NULL, &logical);
  if (doc->footer_text != NULL)
    {
      /* the caller's line on the left, the page number on the right */
      double num_w = (double) logical.width / PANGO_SCALE;
      double foot_y = doc->options.page_height - doc->options.margin_bottom -
                      (double) logical.height / PANGO_SCALE;
      g_autoptr(PangoLayout) fl = _cp_ts_layout_new (doc->pango, doc->footer_text, b * 0.85,
                                                     PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                                     MAX (W - num_w - b, b));

      pango_layout_set_ellipsize (fl, PANGO_ELLIPSIZE_END);
      if (d->error == NULL)
        _cp_ts_check_layout (fl, "footer", 0, &d->error);
      _cp_ts_show_layout (d->cr, fl, L, foot_y);
      _cp_ts_show_layout (d->cr, pl, L + W - num_w, foot_y);
    }
  else
    _cp_ts_show_layout (d->cr, pl, L + W / 2 - (double) logical.width / PANGO_SCALE / 2,
                        doc->options.page_height - doc->options.margin_bottom -
                        (double) logical.height / PANGO_SCALE);
  cairo_set_source_rgb (d->cr, 0, 0, 0);
}

static void
draw_boxes (Draw  *d,
            guint  from,
            guint  to)
{
  CpTypesetDocument *doc = d->doc;
  double pad = box_pad (doc);
  guint b;

  for (b = 0; b < doc->boxes->len; b++)
    {
      CpTsBox *box = &g_array_index (doc->boxes, CpTsBox, b);
      double y0 = G_MAXDOUBLE;
      double y1 = -G_MAXDOUBLE;
      guint i;

      for (i = from; i < to; i++)
        {
          CpTsChunk *c = g_ptr_array_index (doc->chunks, i);

          if (c->box != (int) b)
            continue;
          y0 = MIN (y0, c->y);
          y1 = MAX (y1, c->y + c->height);
        }
      if (y0 > y1)
        continue;
      cairo_set_source_rgb (d->cr, 0.92, 0.92, 0.92);
      cairo_rectangle (d->cr, doc->options.margin_left + box->x, y0 - pad, box->width,
                       y1 - y0 + 2 * pad);
      cairo_fill (d->cr);
      cairo_set_source_rgb (d->cr, 0.35, 0.35, 0.35);
      cairo_rectangle (d->cr, doc->options.margin_left + box->x, y0 - pad, 3, y1 - y0 + 2 * pad);
      cairo_fill (d->cr);
    }
  cairo_set_source_rgb (d->cr, 0, 0, 0);
}

gboolean
_cp_ts_draw (CpTypesetDocument *doc,
             cairo_t           *cr,
             GError           **error)
{
  Draw d = { doc, cr, g_ptr_array_new (), NULL };
  g_autofree char *chapter = NULL;
  guint i = 0;
  int page;

  for (page = 1; page <= doc->n_pages; page++)
    {
      guint j;
      gboolean title = FALSE;
      gboolean opening = FALSE;
      const char *running;

      for (j = i; j < doc->chunks->len; j++)
        {
          CpTsChunk *c = g_ptr_array_index (doc->chunks, j);

          if (c->page != page)
            break;
          title |= c->kind == CP_TS_CHUNK_TITLE_PAGE;
          if (c->kind == CP_TS_CHUNK_HEADING && c->heading != NULL && c->heading->level == 1)
            {
              opening = TRUE;
              g_free (chapter);
              chapter = c->heading->number != NULL
                ? g_strdup_printf ("%s \xc2\xb7 %s", c->heading->number, c->heading->title)
                : g_strdup (c->heading->title);
            }
        }
      if (page > 1)
        cairo_show_page (cr);
      /* the caller's header text, else the chapter title, else "Contents" */
      running = doc->header_text;
      if (running == NULL && chapter != NULL)
        running = chapter;
      else if (running == NULL && doc->options.contents)
        running = "Contents";
      if (!title)
        draw_furniture (&d, page, opening ? NULL : running);
      draw_boxes (&d, i, j);
      for (; i < j; i++)
        draw_chunk (&d, g_ptr_array_index (doc->chunks, i));
      close_all (&d, page == doc->n_pages);
    }
  g_ptr_array_unref (d.open);
  if (d.error != NULL)
    {
      g_propagate_error (error, d.error);
      return FALSE;
    }
  return TRUE;
}
