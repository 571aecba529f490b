/* cp-pdf-view-selection.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Text selection (per-page text layouts from the worker, selected between
 * two points in reading order), copy, and find highlights with a distinct
 * current hit.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-view-selection"

#include <math.h>

#include "cp-pdf-view-private.h"

static const GdkRGBA selection_color = { 0.21f, 0.52f, 0.89f, 0.35f };
static const GdkRGBA hit_color = { 1.0f, 0.85f, 0.0f, 0.40f };
static const GdkRGBA current_hit_color = { 1.0f, 0.45f, 0.0f, 0.60f };
static const GdkRGBA mark_color = { 1.0f, 0.85f, 0.1f, 0.35f };

void
_cp_pdf_view_reset_document_data (CpPdfView *self)
{
  _cp_pdf_page_slots_clear (&self->links);
  _cp_pdf_page_slots_clear (&self->layouts);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  self->current_hit = -1;
  self->has_selection = FALSE;
}

/* ---------------------------------------------------------- text layouts */

static void
layout_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CpPdfPageRequest *request = user_data;
  CpPdfView *self = request->view;
  CpPdfTextLayout *layout;

  layout = cp_pdf_document_get_text_layout_finish (CP_PDF_DOCUMENT (source), result, NULL);
  if (layout != NULL && CP_PDF_DOCUMENT (source) == self->document
      && self->layouts.items != NULL)
    {
      cp_pdf_text_layout_free (g_ptr_array_index (self->layouts.items, request->page));
      g_ptr_array_index (self->layouts.items, request->page) = layout;
      if (self->has_selection)
        gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    {
      cp_pdf_text_layout_free (layout);
    }

  _cp_pdf_page_request_free (request);
}

void
_cp_pdf_view_ensure_text_layout (CpPdfView *self,
                                 guint      page)
{
  if (!_cp_pdf_page_slots_claim (&self->layouts, cp_pdf_document_get_n_pages (self->document),
                                 (GDestroyNotify) cp_pdf_text_layout_free, page))
    return;

  cp_pdf_document_get_text_layout_async (self->document, page, CP_PDF_PRIORITY_VISIBLE + 2,
                                         self->cancellable, layout_cb,
                                         _cp_pdf_page_request_new (self, page));
}

static CpPdfTextLayout *
get_layout (CpPdfView *self,
            guint      page)
{
  return _cp_pdf_page_slots_get (&self->layouts, page);
}

/* ------------------------------------------------------------- selection */

/* The selection in document order: pages first..last, and the character
 * range [*start, *end) of page, or FALSE while its text is not loaded. */
static void
ordered_ends (CpPdfView *self,
              guint     *first,
              guint     *last,
              int       *from,
              int       *to)
{
  int a = 0, b = 0;
  CpPdfTextLayout *layout;
  gboolean swap;

  layout = get_layout (self, self->sel_page[0]);
  if (layout != NULL)
    a = cp_pdf_text_layout_index_at (layout, self->sel_point[0][0], self->sel_point[0][1]);
  layout = get_layout (self, self->sel_page[1]);
  if (layout != NULL)
    b = cp_pdf_text_layout_index_at (layout, self->sel_point[1][0], self->sel_point[1][1]);

  swap = self->sel_page[0] > self->sel_page[1]
         || (self->sel_page[0] == self->sel_page[1] && a > b);
  *first = self->sel_page[swap ? 1 : 0];
  *last = self->sel_page[swap ? 0 : 1];
  *from = MAX (swap ? b : a, 0);
  *to = MAX (swap ? a : b, 0);
}

static gboolean
page_range (CpPdfView *self,
            guint      page,
            guint     *start,
            guint     *end)
{
  CpPdfTextLayout *layout = get_layout (self, page);
  guint first, last;
  int from, to;

  if (!self->has_selection || layout == NULL)
    return FALSE;

  ordered_ends (self, &first, &last, &from, &to);
  if (page < first || page > last)
    return FALSE;

  *start = page == first ? (guint) from : 0;
  *end = page == last ? (guint) to : layout->n_chars;
  return *end > *start;
}

void
cp_pdf_view_select_between (CpPdfView *self,
                            double     x1,
                            double     y1,
                            double     x2,
                            double     y2)
{
  gboolean had_selection;
  guint first, last;

  g_return_if_fail (CP_IS_PDF_VIEW (self));

  if (self->document == NULL)
    return;

  had_selection = self->has_selection;
  cp_pdf_view_widget_to_page (self, x1, y1, &self->sel_page[0],
                              &self->sel_point[0][0], &self->sel_point[0][1]);
  cp_pdf_view_widget_to_page (self, x2, y2, &self->sel_page[1],
                              &self->sel_point[1][0], &self->sel_point[1][1]);
  self->has_selection = TRUE;

  first = MIN (self->sel_page[0], self->sel_page[1]);
  last = MAX (self->sel_page[0], self->sel_page[1]);
  for (guint page = first; page <= last; page++)
    _cp_pdf_view_ensure_text_layout (self, page);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!had_selection)
    {
      g_object_notify_by_pspec (G_OBJECT (self),
                                _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_HAS_SELECTION]);
      _cp_pdf_view_update_actions (self);
    }
}

/* A point inside the layout where cp_pdf_text_layout_index_at () gives @caret back: the
 * left part of the character after it, or the right part of the last one. */
static void
caret_point (const CpPdfTextLayout *layout,
             guint                  caret,
             double                *x,
             double                *y)
{
  const CpPdfRect *r = &layout->rects[MIN (caret, layout->n_chars - 1)];

  *x = caret < layout->n_chars ? r->x + r->width * 0.25 : r->x + r->width * 0.75;
  *y = r->y + r->height / 2;
}

static gboolean
is_drawn (const CpPdfTextLayout *layout,
          guint                  i)
{
  return i < layout->n_chars && (layout->rects[i].width > 0 || layout->rects[i].height > 0);
}

void
cp_pdf_view_extend_selection (CpPdfView *self,
                              int        chars,
                              int        lines)
{
  CpPdfTextLayout *layout;
  guint page;
  int caret;

  g_return_if_fail (CP_IS_PDF_VIEW (self));

  if (self->document == NULL)
    return;

  if (!self->has_selection)
    {
      /* The caret starts at the first character of the page in view. */
      page = cp_pdf_view_get_page (self);
      layout = get_layout (self, page);
      if (layout == NULL || layout->n_chars == 0)
        {
          _cp_pdf_view_ensure_text_layout (self, page);
          return;
        }
      self->sel_page[0] = self->sel_page[1] = page;
      caret_point (layout, 0, &self->sel_point[0][0], &self->sel_point[0][1]);
      self->sel_point[1][0] = self->sel_point[0][0];
      self->sel_point[1][1] = self->sel_point[0][1];
      self->has_selection = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self),
                                _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_HAS_SELECTION]);
      _cp_pdf_view_update_actions (self);
    }

  layout = get_layout (self, self->sel_page[1]);
  if (layout == NULL || layout->n_chars == 0)
    return;

  caret = cp_pdf_text_layout_index_at (layout, self->sel_point[1][0], self->sel_point[1][1]);
  if (lines != 0)
    {
      const CpPdfRect *r = &layout->rects[CLAMP (caret, 0, (int) layout->n_chars - 1)];

      caret = cp_pdf_text_layout_index_at (layout, self->sel_point[1][0],
                                           r->y + r->height / 2 + lines * r->height * 1.3);
    }
  else
    {
      /* Over the line breaks poppler inserts: they have no place on the page. */
      for (int step = chars > 0 ? 1 : -1, n = ABS (chars); n > 0; n--)
        {
          caret = CLAMP (caret + step, 0, (int) layout->n_chars);
          while (caret > 0 && caret < (int) layout->n_chars && !is_drawn (layout, caret))
            caret += step;
        }
    }
  caret_point (layout, CLAMP (caret, 0, (int) layout->n_chars),
               &self->sel_point[1][0], &self->sel_point[1][1]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cp_pdf_view_select_none (CpPdfView *self)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  if (!self->has_selection)
    return;
  self->has_selection = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_HAS_SELECTION]);
  _cp_pdf_view_update_actions (self);
}

gboolean
cp_pdf_view_get_has_selection (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), FALSE);
  return self->has_selection;
}

/**
 * cp_pdf_view_dup_selected_text:
 *
 * Returns: (transfer full) (nullable): the selected text (pages joined by
 *   a line break; a page whose text is still loading is left out), or
 *   %NULL without a selection.
 */
char *
cp_pdf_view_dup_selected_text (CpPdfView *self)
{
  GString *text;
  guint first, last;
  int from, to;

  g_return_val_if_fail (CP_IS_PDF_VIEW (self), NULL);

  if (!self->has_selection)
    return NULL;

  text = g_string_new (NULL);
  ordered_ends (self, &first, &last, &from, &to);
  for (guint page = first; page <= last; page++)
    {
      CpPdfTextLayout *layout = get_layout (self, page);
      g_autofree char *part = NULL;
      guint start, end;

      if (!page_range (self, page, &start, &end))
        continue;
      part = cp_pdf_text_layout_dup_range (layout, start, end);
      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append (text, part);
    }
  return g_string_free (text, FALSE);
}

void
cp_pdf_view_copy_selection (CpPdfView *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CP_IS_PDF_VIEW (self));

  text = cp_pdf_view_dup_selected_text (self);
  if (text != NULL && *text != '\0')
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* ------------------------------------------------------------------ find */

static void
scroll_to_hit (CpPdfView *self)
{
  CpPdfFindHit *hit;
  graphene_rect_t rect;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double dx = 0, dy = 0;

  if (self->hits == NULL || self->current_hit < 0 || (guint) self->current_hit >= self->hits->len)
    return;

  hit = g_ptr_array_index (self->hits, self->current_hit);
  if (!self->layout_valid || width <= 0)
    {
      cp_pdf_view_scroll_to_location (self, hit->page, hit->rect.y - 36);
      return;
    }
  if (!_cp_pdf_view_page_rect_to_widget (self, hit->page, &hit->rect, &rect))
    return;

  /* Bring it in a third of the way down unless it is fully in view. */
  if (rect.origin.y < 0 || rect.origin.y + rect.size.height > height)
    dy = rect.origin.y - height / 3.0;
  if (rect.origin.x < 0 || rect.origin.x + rect.size.width > width)
    dx = rect.origin.x - width / 3.0;
  _cp_pdf_view_scroll_by (self, dx, dy);
}

/**
 * cp_pdf_view_set_find_hits:
 *
 * Passing the same array again (after appending streamed hits) keeps the
 * view where it is while the current hit stays the same.
 */
void
cp_pdf_view_set_find_hits (CpPdfView *self,
                           GPtrArray *hits,
                           int        current)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  if (hits != self->hits)
    {
      if (hits != NULL)
        g_ptr_array_ref (hits);
      g_clear_pointer (&self->hits, g_ptr_array_unref);
      self->hits = hits;
      self->current_hit = -1;
    }
  cp_pdf_view_set_current_hit (self, current);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cp_pdf_view_set_current_hit (CpPdfView *self,
                             int        current)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  if (self->hits == NULL || current < 0 || (guint) current >= self->hits->len)
    current = -1;
  if (self->current_hit == current)
    return;
  self->current_hit = current;
  scroll_to_hit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
cp_pdf_view_get_current_hit (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), -1);
  return self->current_hit;
}

/* ------------------------------------------------------------- drawing */

static void
snapshot_selection (CpPdfView   *self,
                    GtkSnapshot *snapshot,
                    guint        page)
{
  CpPdfTextLayout *layout = get_layout (self, page);
  guint start, end;
  graphene_rect_t run;
  gboolean have_run = FALSE;

  if (!page_range (self, page, &start, &end))
    return;

  /* Merge the characters of a line into one rectangle. */
  for (guint i = start; i < end; i++)
    {
      graphene_rect_t r;

      if (layout->rects[i].width <= 0 || layout->rects[i].height <= 0)
        continue;
      if (!_cp_pdf_view_page_rect_to_widget (self, page, &layout->rects[i], &r))
        continue;
      if (have_run
          && fabs (r.origin.y - run.origin.y) < 1
          && fabs (r.size.height - run.size.height) < 1
          && r.origin.x >= run.origin.x - 1)
        {
          graphene_rect_union (&run, &r, &run);
          continue;
        }
      if (have_run)
        gtk_snapshot_append_color (snapshot, &selection_color, &run);
      run = r;
      have_run = TRUE;
    }
  if (have_run)
    gtk_snapshot_append_color (snapshot, &selection_color, &run);
}

void
cp_pdf_view_set_marks (CpPdfView *self,
                       GPtrArray *marks)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  if (marks != NULL)
    g_ptr_array_ref (marks);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  self->marks = marks;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
cp_pdf_view_dup_selection_rects (CpPdfView *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_find_hit_free);
  guint n_pages;

  g_return_val_if_fail (CP_IS_PDF_VIEW (self), out);

  n_pages = self->document != NULL ? cp_pdf_document_get_n_pages (self->document) : 0;
  for (guint page = 0; self->has_selection && page < n_pages; page++)
    {
      CpPdfTextLayout *layout = get_layout (self, page);
      CpPdfFindHit *run = NULL;
      guint start, end;

      if (!page_range (self, page, &start, &end))
        continue;
      /* One rectangle per line, as the selection is drawn. */
      for (guint i = start; i < end; i++)
        {
          const CpPdfRect *r = &layout->rects[i];

          if (r->width <= 0 || r->height <= 0)
            continue;
          if (run != NULL && fabs (r->y - run->rect.y) < 1 && fabs (r->height - run->rect.height) < 1
              && r->x >= run->rect.x - 1)
            {
              double right = MAX (run->rect.x + run->rect.width, r->x + r->width);

              run->rect.width = right - run->rect.x;
              continue;
            }
          run = g_new0 (CpPdfFindHit, 1);
          run->page = page;
          run->rect = *r;
          run->context = g_strdup ("");
          g_ptr_array_add (out, run);
        }
    }
  return out;
}

void
_cp_pdf_view_snapshot_highlights (CpPdfView   *self,
                                  GtkSnapshot *snapshot,
                                  guint        page)
{
  if (self->marks != NULL)
    for (guint i = 0; i < self->marks->len; i++)
      {
        CpPdfFindHit *mark = g_ptr_array_index (self->marks, i);
        graphene_rect_t r;

        if (mark->page == page && _cp_pdf_view_page_rect_to_widget (self, page, &mark->rect, &r))
          gtk_snapshot_append_color (snapshot, &mark_color, &r);
      }

  if (self->hits != NULL)
    for (guint i = 0; i < self->hits->len; i++)
      {
        CpPdfFindHit *hit = g_ptr_array_index (self->hits, i);
        graphene_rect_t r;

        if (hit->page != page || !_cp_pdf_view_page_rect_to_widget (self, page, &hit->rect, &r))
          continue;
        gtk_snapshot_append_color (snapshot,
                                   (int) i == self->current_hit ? &current_hit_color : &hit_color,
                                   &r);
      }

  snapshot_selection (self, snapshot, page);
}
