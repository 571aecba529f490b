/* cp-typeset-build.c: the CommonMark tree as a list of chunks (lines, headings, rows, figures)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <string.h>

#include "cp-typeset-figures.h"
#include "cp-typeset-private.h"

#define LINE_SPACING 1.32

typedef struct
{
  CpTypesetDocument *doc;
  CpTsChapter       *chapter;
  GHashTable        *node_headings;    /* cmark_node -> CpTsHeading */
  double             x;
  double             width;
  int                box;
  CpTsElem          *parent;
  double             space;             /* space before the next block */
  int                list_depth;
  GError            *error;
} Ctx;

double
_cp_ts_body_width (CpTypesetDocument *doc)
{
  return doc->options.page_width - doc->options.margin_left - doc->options.margin_right;
}

/* Room for the running header above the text. */
double
_cp_ts_body_top (CpTypesetDocument *doc)
{
  return doc->options.margin_top + doc->options.base_font_size * 2.6;
}

double
_cp_ts_body_bottom (CpTypesetDocument *doc)
{
  return doc->options.page_height - doc->options.margin_bottom -
         doc->options.base_font_size * 2.4;
}

CpTsElem *
_cp_ts_elem_new (CpTypesetDocument *doc,
                 const char        *name,
                 CpTsElem          *parent)
{
  CpTsElem *e = g_new0 (CpTsElem, 1);

  e->name = name;
  e->parent = parent;
  g_ptr_array_add (doc->elems, e);
  return e;
}

CpTsText *
_cp_ts_text_new (CpTypesetDocument *doc,
                 const char        *file,
                 int                line)
{
  CpTsText *t = g_new0 (CpTsText, 1);

  t->links = g_array_new (FALSE, TRUE, sizeof (CpTsLink));
  t->file = file;
  t->line = line;
  g_ptr_array_add (doc->texts, t);
  return t;
}

CpTsChunk *
_cp_ts_chunk_new (CpTypesetDocument *doc,
                  CpTsChunkKind      kind)
{
  CpTsChunk *c = g_new0 (CpTsChunk, 1);

  c->kind = kind;
  c->box = -1;
  g_ptr_array_add (doc->chunks, c);
  return c;
}

/* One chunk per line; the first two and last two lines keep together. */
void
_cp_ts_add_text_lines (CpTypesetDocument *doc,
                       CpTsText          *text,
                       double             x,
                       double             width,
                       double             space_before,
                       int                box,
                       CpTsElem          *elem)
{
  PangoLayoutIter *iter = pango_layout_get_iter (text->layout);
  int n = pango_layout_get_line_count (text->layout);
  int i = 0;

  do
    {
      CpTsChunk *c = _cp_ts_chunk_new (doc, CP_TS_CHUNK_LINE);
      int y0;
      int y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      c->x = x;
      c->width = width;
      c->text = text;
      c->line_index = i;
      c->line_y = (double) y0 / PANGO_SCALE;
      c->height = (double) (y1 - y0) / PANGO_SCALE;
      c->baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - c->line_y;
      c->space_before = i == 0 ? space_before : 0;
      c->keep_with_next = (i == 0 && n > 1) || (i == n - 2);
      c->box = box;
      c->elem = elem;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
add_attr (PangoAttrList  *attrs,
          PangoAttribute *attr,
          gsize           start,
          gsize           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
append_inlines (Ctx           *ctx,
                GString       *s,
                PangoAttrList *attrs,
                GArray        *links,
                cmark_node    *parent)
{
  cmark_node *node;

  for (node = cmark_node_first_child (parent); node != NULL; node = cmark_node_next (node))
    {
      gsize start = s->len;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          g_string_append (s, cmark_node_get_literal (node));
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (s, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          g_string_append (s, "\xe2\x80\xa8");
          break;
        case CMARK_NODE_CODE:
          g_string_append (s, cmark_node_get_literal (node));
          add_attr (attrs, pango_attr_family_new ("DejaVu Sans Mono"), start, s->len);
          break;
        case CMARK_NODE_EMPH:
          append_inlines (ctx, s, attrs, links, node);
          add_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, s->len);
          break;
        case CMARK_NODE_STRONG:
          append_inlines (ctx, s, attrs, links, node);
          add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, s->len);
          break;
        case CMARK_NODE_LINK:
          {
            CpTsLink link = { 0 };
            const char *url = cmark_node_get_url (node);

            append_inlines (ctx, s, attrs, links, node);
            link.start = (int) start;
            link.end = (int) s->len;
            if (url[0] == '#')
              link.dest = g_strdup (url + 1);
            else
              link.uri = g_strdup (url);
            g_array_append_val (links, link);
            add_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start, s->len);
            add_attr (attrs, pango_attr_foreground_new (0x1010, 0x3030, 0x8080), start, s->len);
          }
          break;
        default:
          append_inlines (ctx, s, attrs, links, node);
          break;
        }
    }
}

static CpTsText *
inline_text (Ctx        *ctx,
             cmark_node *node,
             double      width,
             double      size,
             gboolean    bold)
{
  CpTypesetDocument *doc = ctx->doc;
  CpTsText *t = _cp_ts_text_new (doc, ctx->chapter->file, cmark_node_get_start_line (node));
  GString *s = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  append_inlines (ctx, s, attrs, t->links, node);
  _cp_ts_no_ligatures (attrs);
  t->layout = _cp_ts_layout_new (doc->pango, NULL, size,
                                 bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                 PANGO_STYLE_NORMAL, width);
  pango_layout_set_wrap (t->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (t->layout, LINE_SPACING);
  pango_layout_set_text (t->layout, s->str, (int) s->len);
  pango_layout_set_attributes (t->layout, attrs);
  pango_attr_list_unref (attrs);
  g_string_free (s, TRUE);
  if (ctx->error == NULL)
    _cp_ts_check_layout (t->layout, t->file, t->line, &ctx->error);
  return t;
}

static void build_blocks (Ctx        *ctx,
                          cmark_node *parent);

static void
build_heading (Ctx        *ctx,
               cmark_node *node)
{
  CpTypesetDocument *doc = ctx->doc;
  CpTsHeading *h = g_hash_table_lookup (ctx->node_headings, node);
  double b = doc->options.base_font_size;
  static const double sizes[] = { 0, 2.0, 1.45, 1.18 };
  static const double before[] = { 0, 0, 1.5, 1.1 };
  static const double after[] = { 0, 1.3, 0.45, 0.3 };
  static const char * const tags[] = { "", "H1", "H2", "H3" };
  g_autofree char *label = NULL;
  CpTsText *t;
  CpTsChunk *c;
  PangoRectangle logical;

  label = h->number != NULL ? g_strdup_printf ("%s %s", h->number, h->title)
                            : g_strdup (h->title);
  t = _cp_ts_text_new (doc, h->file, h->line);
  t->layout = _cp_ts_layout_new (doc->pango, label, b * sizes[h->level], PANGO_WEIGHT_BOLD,
                                 PANGO_STYLE_NORMAL, ctx->width);
  pango_layout_set_wrap (t->layout, PANGO_WRAP_WORD);
  pango_layout_set_line_spacing (t->layout, 1.15);
  if (h->number != NULL)
    _cp_ts_widen_space (t->layout, strlen (h->number), b * sizes[h->level] * 0.2);
  if (ctx->error == NULL)
    _cp_ts_check_layout (t->layout, t->file, t->line, &ctx->error);
  pango_layout_get_extents (t->layout, NULL, &logical);

  c = _cp_ts_chunk_new (doc, CP_TS_CHUNK_HEADING);
  c->x = ctx->x;
  c->width = ctx->width;
  c->text = t;
  c->heading = h;
  c->height = (double) logical.height / PANGO_SCALE + b * after[h->level];
  c->space_before = MAX (ctx->space, b * before[h->level]);
  c->keep_with_next = TRUE;
  c->page_break_before = h->level == 1 && doc->options.chapter_new_page;
  c->elem = _cp_ts_elem_new (doc, tags[h->level], ctx->parent);
  c->box = ctx->box;
  if (h->level == 1)
    c->space_before = b * 1.0;
  ctx->space = 0;
}

/* A caller's symbol: a square twice the body size, its label in bold beside it,
 * unnumbered and kept with what follows (the goal it marks). */
static void
build_symbol (Ctx        *ctx,
              cmark_node *image,
              const char *name)
{
  CpTypesetDocument *doc = ctx->doc;
  double b = doc->options.base_font_size;
  double size = b * 2.0;
  CpTsChunk *c = _cp_ts_chunk_new (doc, CP_TS_CHUNK_FIGURE);
  g_autofree char *plain = _cp_ts_node_plain_text (image);
  PangoRectangle logical;

  g_strstrip (plain);
  c->figure = g_strdup (name);
  c->symbol = TRUE;
  c->caption = _cp_ts_text_new (doc, ctx->chapter->file, cmark_node_get_start_line (image));
  c->caption->layout = _cp_ts_layout_new (doc->pango, plain, b, PANGO_WEIGHT_BOLD,
                                          PANGO_STYLE_NORMAL, ctx->width - size - b * 0.6);
  if (ctx->error == NULL)
    _cp_ts_check_layout (c->caption->layout, c->caption->file, c->caption->line, &ctx->error);
  pango_layout_get_extents (c->caption->layout, NULL, &logical);
  c->x = ctx->x;
  c->width = size;
  c->line_y = 0;
  c->height = MAX (size, (double) logical.height / PANGO_SCALE);
  c->space_before = MAX (ctx->space, b * 1.0);
  c->keep_with_next = TRUE;
  c->elem = _cp_ts_elem_new (doc, "Figure", ctx->parent);
  c->elem->alt = g_strdup (plain);
  c->label_elem = _cp_ts_elem_new (doc, "Caption", ctx->parent);
  ctx->space = b * 0.4;
}

static void
build_figure (Ctx        *ctx,
              cmark_node *image)
{
  CpTypesetDocument *doc = ctx->doc;
  double b = doc->options.base_font_size;
  const char *name = cmark_node_get_url (image) + strlen ("figure:");
  CpTsChunk *c = _cp_ts_chunk_new (doc, CP_TS_CHUNK_FIGURE);
  g_autofree char *plain = _cp_ts_node_plain_text (image);
  g_autofree char *caption = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoRectangle logical;
  const CpTsCallerFigure *caller = _cp_ts_caller_figure (doc, name);
  int n;
  gsize prefix;

  doc->n_figures++;
  n = doc->n_figures;
  caption = g_strdup_printf ("Figure %d. %s", n, g_strstrip (plain));
  prefix = strlen (caption) - strlen (plain);
  c->figure = g_strdup (name);
  c->caption = _cp_ts_text_new (doc, ctx->chapter->file, cmark_node_get_start_line (image));
  c->caption->layout = _cp_ts_layout_new (doc->pango, caption, b * 0.9, PANGO_WEIGHT_NORMAL,
                                          PANGO_STYLE_NORMAL, ctx->width);
  pango_layout_set_line_spacing (c->caption->layout, 1.2);
  add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, prefix);
  _cp_ts_no_ligatures (attrs);
  pango_layout_set_attributes (c->caption->layout, attrs);
  pango_attr_list_unref (attrs);
  _cp_ts_widen_space (c->caption->layout, prefix - 1, b * 0.9 * 0.2);
  if (ctx->error == NULL)
    _cp_ts_check_layout (c->caption->layout, c->caption->file, c->caption->line, &ctx->error);
  pango_layout_get_extents (c->caption->layout, NULL, &logical);
  c->x = ctx->x;
  c->width = ctx->width;
  c->height = caller != NULL ? caller->aspect * ctx->width
                             : cp_typeset_figure_height (name, ctx->width);
  c->fill = c->height <= 0;
  if (c->fill)
    {
      /* a full-page figure takes its heading and instructions along to its page */
      guint k;

      for (k = doc->chunks->len - 1; k > 0 && doc->chunks->len - k < 16; k--)
        {
          CpTsChunk *prev = g_ptr_array_index (doc->chunks, k - 1);

          if (prev->kind == CP_TS_CHUNK_FIGURE || prev->page_break_before)
            break;
          prev->keep_with_next = TRUE;
          if (prev->kind == CP_TS_CHUNK_HEADING)
            break;
        }
    }
  /* caption height in line_y; figure height plus caption in height */
  c->line_y = (double) logical.height / PANGO_SCALE + b * 0.6;
  c->height += c->line_y;
  c->space_before = MAX (ctx->space, b * 1.0);
  c->elem = _cp_ts_elem_new (doc, "Figure", ctx->parent);
  c->elem->alt = g_strdup (g_strstrip (plain));
  /* a sibling: cairo 1.16 leaves the content of an element with children untagged */
  c->label_elem = _cp_ts_elem_new (doc, "Caption", ctx->parent);
  ctx->space = b * 1.0;
}

static void
build_paragraph (Ctx        *ctx,
                 cmark_node *node)
{
  CpTypesetDocument *doc = ctx->doc;
  cmark_node *first = cmark_node_first_child (node);
  CpTsText *t;

  if (first != NULL && cmark_node_get_type (first) == CMARK_NODE_IMAGE)
    {
      const char *name = cmark_node_get_url (first) + strlen ("figure:");
      const CpTsCallerFigure *caller = _cp_ts_caller_figure (doc, name);

      if (caller != NULL && caller->symbol)
        build_symbol (ctx, first, name);
      else
        build_figure (ctx, first);
      return;
    }
  t = inline_text (ctx, node, ctx->width, doc->options.base_font_size, FALSE);
  _cp_ts_add_text_lines (doc, t, ctx->x, ctx->width, ctx->space, ctx->box,
                         _cp_ts_elem_new (doc, "P", ctx->parent));
  ctx->space = doc->options.base_font_size * 0.65;
}

static void
build_list (Ctx        *ctx,
            cmark_node *node)
{
  CpTypesetDocument *doc = ctx->doc;
  double b = doc->options.base_font_size;
  gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
  gboolean tight = cmark_node_get_list_tight (node);
  int number = cmark_node_get_list_start (node);
  double indent = ordered ? b * 1.9 : b * 1.3;
  CpTsElem *list = _cp_ts_elem_new (doc, "L", ctx->parent);
  CpTsElem *saved_parent = ctx->parent;
  double saved_x = ctx->x;
  double saved_w = ctx->width;
  guint list_start = doc->chunks->len;
  guint last_item_start = doc->chunks->len;
  cmark_node *item;

  for (item = cmark_node_first_child (node); item != NULL; item = cmark_node_next (item))
    {
      CpTsElem *li = _cp_ts_elem_new (doc, "LI", list);
      guint first_chunk = doc->chunks->len;
      /* a bullet, or an en dash in a nested list */
      g_autofree char *label = ordered ? g_strdup_printf ("%d.", number++) :
                               g_strdup (ctx->list_depth > 0 ? "\xe2\x80\x93" : "\xe2\x80\xa2");

      ctx->parent = _cp_ts_elem_new (doc, "LBody", li);
      ctx->x = saved_x + indent;
      ctx->width = saved_w - indent;
      if (item != cmark_node_first_child (node))
        ctx->space = tight ? b * 0.3 : b * 0.6;
      ctx->list_depth++;
      build_blocks (ctx, item);
      ctx->list_depth--;
      if (first_chunk < doc->chunks->len)
        {
          CpTsChunk *c = g_ptr_array_index (doc->chunks, first_chunk);

          c->label = _cp_ts_layout_new (doc->pango, label, b, PANGO_WEIGHT_NORMAL,
                                        PANGO_STYLE_NORMAL, -1);
          c->label_elem = _cp_ts_elem_new (doc, "Lbl", li);
        }
      last_item_start = first_chunk;
    }
  /* no list item alone at the foot or the head of a page: the first two lines of a
   * list, and its last two, stay together */
  if (doc->chunks->len - list_start >= 3)
    {
      ((CpTsChunk *) g_ptr_array_index (doc->chunks, list_start))->keep_with_next = TRUE;
      if (doc->chunks->len - last_item_start == 1)
        ((CpTsChunk *) g_ptr_array_index (doc->chunks, doc->chunks->len - 2))->keep_with_next = TRUE;
    }
  ctx->parent = saved_parent;
  ctx->x = saved_x;
  ctx->width = saved_w;
  ctx->space = b * 0.65;
}

static void
build_quote (Ctx        *ctx,
             cmark_node *node)
{
  CpTypesetDocument *doc = ctx->doc;
  double b = doc->options.base_font_size;
  double pad = b * 0.9;
  CpTsElem *saved_parent = ctx->parent;
  double saved_x = ctx->x;
  double saved_w = ctx->width;
  int saved_box = ctx->box;
  guint first_chunk;

  if (ctx->box < 0)
    {
      CpTsBox box = { ctx->x, ctx->width };

      g_array_append_val (doc->boxes, box);
      ctx->box = (int) doc->boxes->len - 1;
      ctx->space = MAX (ctx->space, b * 0.8) + pad;
      ctx->x += pad + 3;
      ctx->width -= 2 * pad + 3;
    }
  else
    {
      ctx->x += pad;
      ctx->width -= pad;
    }
  ctx->parent = _cp_ts_elem_new (doc, "BlockQuote", ctx->parent);
  first_chunk = doc->chunks->len;
  build_blocks (ctx, node);
  if (saved_box < 0)
    {
      /* a call-out shorter than a third of a page is never split */
      double total = 0;
      guint k;

      for (k = first_chunk; k < doc->chunks->len; k++)
        {
          CpTsChunk *c = g_ptr_array_index (doc->chunks, k);

          total += c->height + (k > first_chunk ? c->space_before : 0);
        }
      for (k = first_chunk; total < (_cp_ts_body_bottom (doc) - _cp_ts_body_top (doc)) / 3 &&
                            k + 1 < doc->chunks->len; k++)
        ((CpTsChunk *) g_ptr_array_index (doc->chunks, k))->keep_with_next = TRUE;
    }
  ctx->parent = saved_parent;
  ctx->x = saved_x;
  ctx->width = saved_w;
  if (saved_box < 0)
    ctx->space = pad + b * 0.9;
  ctx->box = saved_box;
}

static void
build_table (Ctx        *ctx,
             cmark_node *node)
{
  CpTypesetDocument *doc = ctx->doc;
  double b = doc->options.base_font_size;
  CpTsTable *table = g_new0 (CpTsTable, 1);
  CpTsElem *telem = _cp_ts_elem_new (doc, "Table", ctx->parent);
  cmark_node *row;
  double *nat;
  double *min;
  double sum_nat = 0;
  double sum_min = 0;
  int r;
  int col;

  table->n_cols = cmark_gfm_extensions_get_table_columns (node);
  for (row = cmark_node_first_child (node); row != NULL; row = cmark_node_next (row))
    table->n_rows++;
  table->pad = b * 0.4;
  table->col_x = g_new0 (double, table->n_cols + 1);
  table->col_w = g_new0 (double, table->n_cols);
  table->cells = g_new0 (CpTsText *, table->n_rows * table->n_cols);
  table->cell_elems = g_new0 (CpTsElem *, table->n_rows * table->n_cols);
  table->row_elems = g_new0 (CpTsElem *, table->n_rows);
  g_ptr_array_add (doc->tables, table);
  nat = g_new0 (double, table->n_cols);
  min = g_new0 (double, table->n_cols);

  /* measure */
  for (row = cmark_node_first_child (node), r = 0; row != NULL; row = cmark_node_next (row), r++)
    {
      cmark_node *cell;
      gboolean header = cmark_gfm_extensions_get_table_row_is_header (row);

      for (cell = cmark_node_first_child (row), col = 0; cell != NULL && col < table->n_cols;
           cell = cmark_node_next (cell), col++)
        {
          CpTsText *t = inline_text (ctx, cell, -1, b * 0.92, header);
          PangoRectangle logical;

          table->cells[r * table->n_cols + col] = t;
          pango_layout_get_extents (t->layout, NULL, &logical);
          nat[col] = MAX (nat[col], (double) logical.width / PANGO_SCALE);
          pango_layout_set_wrap (t->layout, PANGO_WRAP_WORD);
          pango_layout_set_width (t->layout, 1);
          pango_layout_get_extents (t->layout, NULL, &logical);
          min[col] = MAX (min[col], (double) logical.width / PANGO_SCALE);
        }
    }
  for (col = 0; col < table->n_cols; col++)
    {
      nat[col] += 2 * table->pad;
      min[col] += 2 * table->pad;
      sum_nat += nat[col];
      sum_min += min[col];
    }
  if (sum_min > ctx->width + 0.5 && ctx->error == NULL)
    {
      /* even one word per line would not fit: a reader would see broken words */
      g_set_error (&ctx->error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "%s:%d: the table is too wide for the page (its longest words need %.0f pt, "
                   "the page has %.0f pt); use fewer or shorter columns",
                   ctx->chapter->file, cmark_node_get_start_line (node), sum_min, ctx->width);
    }
  for (col = 0; col < table->n_cols; col++)
    {
      if (sum_nat <= ctx->width)
        table->col_w[col] = nat[col] + (ctx->width - sum_nat) * nat[col] / sum_nat;
      else if (sum_min <= ctx->width && sum_nat > sum_min)
        table->col_w[col] = min[col] + (ctx->width - sum_min) * (nat[col] - min[col]) /
                                       (sum_nat - sum_min);
      else
        table->col_w[col] = ctx->width * min[col] / sum_min;
      table->col_x[col + 1] = table->col_x[col] + table->col_w[col];
    }
  g_free (nat);
  g_free (min);

  /* one chunk per row */
  for (row = cmark_node_first_child (node), r = 0; row != NULL; row = cmark_node_next (row), r++)
    {
      CpTsChunk *c = _cp_ts_chunk_new (doc, CP_TS_CHUNK_TABLE_ROW);
      gboolean header = cmark_gfm_extensions_get_table_row_is_header (row);
      double h = 0;

      table->row_elems[r] = _cp_ts_elem_new (doc, "TR", telem);
      for (col = 0; col < table->n_cols; col++)
        {
          CpTsText *t = table->cells[r * table->n_cols + col];
          PangoRectangle logical;

          table->cell_elems[r * table->n_cols + col] =
            _cp_ts_elem_new (doc, header ? "TH" : "TD", table->row_elems[r]);
          if (t == NULL)
            continue;
          pango_layout_set_wrap (t->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_width (t->layout, (int) ((table->col_w[col] - 2 * table->pad) * PANGO_SCALE));
          pango_layout_set_line_spacing (t->layout, 1.2);
          pango_layout_get_extents (t->layout, NULL, &logical);
          h = MAX (h, (double) logical.height / PANGO_SCALE);
        }
      c->table = table;
      c->row = r;
      if (header && r == 0)
        table->header = c;
      c->x = ctx->x;
      c->width = ctx->width;
      c->height = h + 2 * table->pad;
      c->space_before = r == 0 ? MAX (ctx->space, b * 0.8) : 0;
      c->keep_with_next = header || r == 0;
      c->box = ctx->box;
      c->elem = table->row_elems[r];
    }
  ctx->space = b * 1.0;
}

static void
build_blocks (Ctx        *ctx,
              cmark_node *parent)
{
  CpTypesetDocument *doc = ctx->doc;
  cmark_node *node;

  for (node = cmark_node_first_child (parent); node != NULL && ctx->error == NULL;
       node = cmark_node_next (node))
    {
      const char *type_name = cmark_node_get_type_string (node);

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HEADING:
          build_heading (ctx, node);
          break;
        case CMARK_NODE_PARAGRAPH:
          build_paragraph (ctx, node);
          break;
        case CMARK_NODE_LIST:
          build_list (ctx, node);
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          build_quote (ctx, node);
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          {
            CpTsChunk *c = _cp_ts_chunk_new (doc, CP_TS_CHUNK_RULE);

            c->x = ctx->x;
            c->width = ctx->width;
            c->height = doc->options.base_font_size;
            c->space_before = ctx->space;
            ctx->space = doc->options.base_font_size * 0.5;
          }
          break;
        case CMARK_NODE_CODE_BLOCK:
          {
            CpTsText *t = _cp_ts_text_new (doc, ctx->chapter->file,
                                           cmark_node_get_start_line (node));

            t->layout = _cp_ts_layout_new (doc->pango, cmark_node_get_literal (node),
                                           doc->options.base_font_size * 0.9,
                                           PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, ctx->width);
            {
              PangoFontDescription *d = pango_font_description_from_string ("DejaVu Sans Mono");

              pango_font_description_set_size (d, (int) (doc->options.base_font_size * 0.9 * PANGO_SCALE));
              pango_layout_set_font_description (t->layout, d);
              pango_font_description_free (d);
            }
            if (ctx->error == NULL)
              _cp_ts_check_layout (t->layout, t->file, t->line, &ctx->error);
            _cp_ts_add_text_lines (doc, t, ctx->x, ctx->width, ctx->space, ctx->box,
                                   _cp_ts_elem_new (doc, "Code", ctx->parent));
            ctx->space = doc->options.base_font_size * 0.65;
          }
          break;
        default:
          if (g_strcmp0 (type_name, "table") == 0)
            build_table (ctx, node);
          else
            {
              g_set_error (&ctx->error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                           "%s:%d: unsupported block '%s'", ctx->chapter->file,
                           cmark_node_get_start_line (node), type_name);
            }
          break;
        }
    }
}

gboolean
_cp_ts_build_chunks (CpTypesetDocument *doc,
                     GError           **error)
{
  Ctx ctx = { 0 };
  /* One Document root (poppler wants one); page breaks split the elements below it. */
  CpTsElem *root = _cp_ts_elem_new (doc, "Document", NULL);
  guint i;

  ctx.doc = doc;
  ctx.node_headings = g_hash_table_new (NULL, NULL);
  for (i = 0; i < doc->headings->len; i++)
    {
      CpTsHeading *h = g_ptr_array_index (doc->headings, i);

      g_hash_table_insert (ctx.node_headings, h->node, h);
    }
  _cp_ts_build_front (doc, root);
  for (i = 0; i < doc->chapters->len && ctx.error == NULL; i++)
    {
      ctx.chapter = g_ptr_array_index (doc->chapters, i);
      ctx.x = 0;
      ctx.width = _cp_ts_body_width (doc);
      ctx.box = -1;
      ctx.parent = root;
      ctx.space = 0;
      build_blocks (&ctx, ctx.chapter->root);
    }
  g_hash_table_unref (ctx.node_headings);
  if (ctx.error != NULL)
    {
      g_propagate_error (error, ctx.error);
      return FALSE;
    }
  return TRUE;
}
