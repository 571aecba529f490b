/* cp-pdf-document-text.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Text of a page, its per-character layout (selection and copy) and find,
 * streamed page by page.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-text"

#include <math.h>
#include <string.h>

#include "cp-pdf-document-private.h"

/* Characters of context on each side of a find hit. */
#define CONTEXT_CHARS 40

G_DEFINE_BOXED_TYPE (CpPdfTextLayout, cp_pdf_text_layout,
                     cp_pdf_text_layout_copy, cp_pdf_text_layout_free)
G_DEFINE_BOXED_TYPE (CpPdfFindHit, cp_pdf_find_hit, cp_pdf_find_hit_copy, cp_pdf_find_hit_free)

CpPdfTextLayout *
cp_pdf_text_layout_copy (const CpPdfTextLayout *layout)
{
  CpPdfTextLayout *copy = g_new (CpPdfTextLayout, 1);

  copy->text = g_strdup (layout->text);
  copy->n_chars = layout->n_chars;
  copy->rects = g_memdup2 (layout->rects, sizeof (CpPdfRect) * layout->n_chars);
  return copy;
}

void
cp_pdf_text_layout_free (CpPdfTextLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->text);
  g_free (layout->rects);
  g_free (layout);
}

static double
distance_to_rect (const CpPdfRect *r,
                  double           x,
                  double           y)
{
  double dx = MAX (MAX (r->x - x, 0), x - (r->x + r->width));
  double dy = MAX (MAX (r->y - y, 0), y - (r->y + r->height));

  /* Being on the same line matters more than being near in x. */
  return dx + 4 * dy;
}

/**
 * cp_pdf_text_layout_index_at:
 * @x: in points
 * @y: in points
 *
 * Returns: the index of the character nearest to (@x, @y), or -1 when the
 *   page has no text.
 */
int
cp_pdf_text_layout_index_at (const CpPdfTextLayout *layout,
                             double                 x,
                             double                 y)
{
  double best = G_MAXDOUBLE;
  int best_index = -1;

  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_chars; i++)
    {
      const CpPdfRect *r = &layout->rects[i];
      double d;

      if (r->width <= 0 && r->height <= 0)
        continue;
      d = distance_to_rect (r, x, y);
      if (d < best)
        {
          best = d;
          best_index = i;
          /* Past the middle of the character on its line: the caret goes
           * after it. */
          if (y >= r->y && y <= r->y + r->height && x > r->x + r->width / 2)
            best_index = i + 1;
        }
    }

  return best_index;
}

/**
 * cp_pdf_text_layout_dup_range:
 * @start: first character index
 * @end: one past the last character index
 *
 * Returns: (transfer full): the text of characters [@start, @end)
 */
char *
cp_pdf_text_layout_dup_range (const CpPdfTextLayout *layout,
                              guint                  start,
                              guint                  end)
{
  const char *from;
  const char *to;

  g_return_val_if_fail (layout != NULL, NULL);

  end = MIN (end, layout->n_chars);
  if (start >= end)
    return g_strdup ("");

  from = g_utf8_offset_to_pointer (layout->text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  return g_strndup (from, to - from);
}

CpPdfFindHit *
cp_pdf_find_hit_copy (const CpPdfFindHit *hit)
{
  CpPdfFindHit *copy = g_new (CpPdfFindHit, 1);

  *copy = *hit;
  copy->context = g_strdup (hit->context);
  return copy;
}

void
cp_pdf_find_hit_free (CpPdfFindHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->context);
  g_free (hit);
}

/* ------------------------------------------------------------ text jobs */

static CpPdfTextLayout *
read_layout (PopplerPage *page)
{
  CpPdfTextLayout *layout = g_new0 (CpPdfTextLayout, 1);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  glong n_chars;

  layout->text = poppler_page_get_text (page);
  if (layout->text == NULL)
    layout->text = g_strdup ("");
  n_chars = g_utf8_strlen (layout->text, -1);

  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;

  /* One rectangle per character of the text (poppler's own contract);
   * trust the shorter of the two if they ever disagree. */
  layout->n_chars = MIN ((guint) n_chars, n_rects);
  layout->rects = g_new0 (CpPdfRect, MAX (layout->n_chars, 1));
  for (guint i = 0; i < layout->n_chars; i++)
    {
      /* The layout is already in top-left page coordinates. */
      layout->rects[i].x = MIN (rects[i].x1, rects[i].x2);
      layout->rects[i].y = MIN (rects[i].y1, rects[i].y2);
      layout->rects[i].width = fabs (rects[i].x2 - rects[i].x1);
      layout->rects[i].height = fabs (rects[i].y2 - rects[i].y1);
    }
  g_free (rects);

  return layout;
}

static gboolean
text_job (CpPdfJob *job)
{
  CpPdfDocument *self = g_task_get_source_object (job->task);
  guint index = GPOINTER_TO_UINT (g_task_get_task_data (job->task));
  PopplerPage *page = poppler_document_get_page (self->poppler, index);
  gboolean want_layout = g_task_get_source_tag (job->task) == cp_pdf_document_get_text_layout_async;

  if (want_layout)
    {
      CpPdfTextLayout *layout;

      if (page != NULL)
        layout = read_layout (page);
      else
        layout = g_new0 (CpPdfTextLayout, 1);
      g_task_return_pointer (job->task, layout, (GDestroyNotify) cp_pdf_text_layout_free);
    }
  else
    {
      char *text = page != NULL ? poppler_page_get_text (page) : NULL;

      g_task_return_pointer (job->task, text != NULL ? text : g_strdup (""), g_free);
    }

  g_clear_object (&page);
  return TRUE;
}

static void
push_text_job (CpPdfDocument       *self,
               gpointer             source_tag,
               guint                page,
               int                  priority,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = _cp_pdf_document_new_page_task (self, page, source_tag, "cp-pdf-text",
                                                          cancellable, callback, user_data);

  if (task == NULL)
    return;
  g_task_set_task_data (task, GUINT_TO_POINTER (page), NULL);
  _cp_pdf_worker_push (_cp_pdf_job_new (g_steal_pointer (&task), priority, text_job));
}

/**
 * cp_pdf_document_get_text_async:
 *
 * The text of @page in reading order, lines separated by "\n".
 */
void
cp_pdf_document_get_text_async (CpPdfDocument       *self,
                                guint                page,
                                int                  priority,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CP_IS_PDF_DOCUMENT (self));

  push_text_job (self, cp_pdf_document_get_text_async, page, priority, cancellable,
                 callback, user_data);
}

char *
cp_pdf_document_get_text_finish (CpPdfDocument  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cp_pdf_document_get_text_layout_async:
 *
 * The text of @page with one rectangle per character, for selection.
 */
void
cp_pdf_document_get_text_layout_async (CpPdfDocument       *self,
                                       guint                page,
                                       int                  priority,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (CP_IS_PDF_DOCUMENT (self));

  push_text_job (self, cp_pdf_document_get_text_layout_async, page, priority, cancellable,
                 callback, user_data);
}

CpPdfTextLayout *
cp_pdf_document_get_text_layout_finish (CpPdfDocument  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ find */

typedef struct
{
  char          *text;
  CpPdfFindFlags flags;
  guint          next_page;
  guint          n_hits;
  CpPdfFindFunc  page_func;
  gpointer       page_data;
  GDestroyNotify page_data_destroy;
  GMainContext  *context;
} FindData;

typedef struct
{
  GTask     *task;
  guint      page;
  GPtrArray *hits;
  gboolean   last;
} FindPage;

static gboolean
destroy_page_data_cb (gpointer user_data)
{
  FindData *data = user_data;

  data->page_data_destroy (data->page_data);
  g_main_context_unref (data->context);
  g_free (data);
  return G_SOURCE_REMOVE;
}

static void
find_data_free (FindData *data)
{
  g_free (data->text);

  /* page_data belongs to the caller's thread: destroy it there. */
  if (data->page_data_destroy != NULL && !g_main_context_is_owner (data->context))
    {
      GSource *source = g_idle_source_new ();

      g_source_set_callback (source, destroy_page_data_cb, data, NULL);
      g_source_set_static_name (source, "[cp-pdf] find data");
      g_source_attach (source, data->context);
      g_source_unref (source);
      return;
    }

  if (data->page_data_destroy != NULL)
    data->page_data_destroy (data->page_data);
  g_main_context_unref (data->context);
  g_free (data);
}

static void
find_page_free (FindPage *result)
{
  g_object_unref (result->task);
  g_ptr_array_unref (result->hits);
  g_free (result);
}

/* Main context: hand one page's hits over, then finish after the last. */
static gboolean
deliver_page_cb (gpointer user_data)
{
  FindPage *result = user_data;
  GTask *task = result->task;
  FindData *data = g_task_get_task_data (task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)) && data->page_func != NULL)
    data->page_func (g_task_get_source_object (task), result->page, result->hits,
                     data->page_data);

  if (result->last && !g_task_had_error (task) && !g_task_get_completed (task))
    {
      if (!g_task_return_error_if_cancelled (task))
        g_task_return_int (task, data->n_hits);
    }

  return G_SOURCE_REMOVE;
}

static void
fill_context (CpPdfFindHit          *hit,
              const CpPdfTextLayout *layout,
              const char            *needle)
{
  double cx, cy;
  int first = -1;
  guint n_needle = g_utf8_strlen (needle, -1);
  guint start, end;
  g_autofree char *before = NULL;
  g_autofree char *match = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < layout->n_chars; i++)
    {
      const CpPdfRect *r = &layout->rects[i];

      cx = r->x + r->width / 2;
      cy = r->y + r->height / 2;
      if (cx >= hit->rect.x && cx <= hit->rect.x + hit->rect.width
          && cy >= hit->rect.y && cy <= hit->rect.y + hit->rect.height)
        {
          first = i;
          break;
        }
    }

  if (first < 0)
    {
      hit->context = g_strdup (needle);
      hit->match_start = 0;
      hit->match_len = strlen (needle);
      return;
    }

  start = first > CONTEXT_CHARS ? first - CONTEXT_CHARS : 0;
  end = MIN (layout->n_chars, first + n_needle + CONTEXT_CHARS);
  before = cp_pdf_text_layout_dup_range (layout, start, first);
  match = cp_pdf_text_layout_dup_range (layout, first, first + n_needle);
  after = cp_pdf_text_layout_dup_range (layout, first + n_needle, end);

  g_strdelimit (before, "\r\n\t", ' ');
  g_strdelimit (match, "\r\n\t", ' ');
  g_strdelimit (after, "\r\n\t", ' ');
  /* Whole words only: a word cut by the window is left out. */
  if (start > 0)
    {
      const char *space = strchr (before, ' ');
      char *kept = g_strdup (space != NULL ? space + 1 : "");

      g_free (before);
      before = kept;
    }
  if (end < layout->n_chars)
    {
      char *space = strrchr (after, ' ');

      if (space != NULL)
        *space = '\0';
      else
        *after = '\0';
    }
  hit->context = g_strconcat (before, match, after, NULL);
  hit->match_start = strlen (before);
  hit->match_len = strlen (match);
}

static gboolean
find_job (CpPdfJob *job)
{
  CpPdfDocument *self = g_task_get_source_object (job->task);
  FindData *data = g_task_get_task_data (job->task);
  FindPage *result = g_new0 (FindPage, 1);
  guint index = data->next_page++;
  PopplerPage *page = poppler_document_get_page (self->poppler, index);
  PopplerFindFlags flags = POPPLER_FIND_DEFAULT;
  gboolean last = data->next_page >= self->n_pages;
  GSource *source;

  if (data->flags & CP_PDF_FIND_CASE_SENSITIVE)
    flags |= POPPLER_FIND_CASE_SENSITIVE;
  if (data->flags & CP_PDF_FIND_WHOLE_WORDS)
    flags |= POPPLER_FIND_WHOLE_WORDS_ONLY;

  result->task = g_object_ref (job->task);
  result->page = index;
  result->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_find_hit_free);
  result->last = last;

  if (page != NULL)
    {
      GList *rects = poppler_page_find_text_with_options (page, data->text, flags);
      g_autoptr(CpPdfTextLayout) layout = rects != NULL ? read_layout (page) : NULL;

      for (GList *l = rects; l != NULL; l = l->next)
        {
          CpPdfFindHit *hit = g_new0 (CpPdfFindHit, 1);

          hit->page = index;
          hit->rect = _cp_pdf_rect_from_poppler (self, index, l->data);
          fill_context (hit, layout, data->text);
          g_ptr_array_add (result->hits, hit);
        }
      data->n_hits += result->hits->len;
      g_list_free_full (rects, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (page);
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_page_cb, result, (GDestroyNotify) find_page_free);
  g_source_set_static_name (source, "[cp-pdf] find page");
  g_source_attach (source, data->context);
  g_source_unref (source);

  /* result belongs to the main context from here on. */
  return last;
}

/**
 * cp_pdf_document_find_async:
 * @text: what to look for (not empty)
 * @page_func: (nullable): called per page searched, on this thread's context
 * @page_data_destroy: destroys @page_data on this thread's context
 *
 * Finds every hit of @text, page by page from the first. The task completes
 * after @page_func has seen the last page.
 */
void
cp_pdf_document_find_async (CpPdfDocument       *self,
                            const char          *text,
                            CpPdfFindFlags       flags,
                            CpPdfFindFunc        page_func,
                            gpointer             page_data,
                            GDestroyNotify       page_data_destroy,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  FindData *data;

  g_return_if_fail (CP_IS_PDF_DOCUMENT (self));
  g_return_if_fail (text != NULL && *text != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cp_pdf_document_find_async);
  g_task_set_name (task, "cp-pdf-find");

  data = g_new0 (FindData, 1);
  data->text = g_strdup (text);
  data->flags = flags;
  data->page_func = page_func;
  data->page_data = page_data;
  data->page_data_destroy = page_data_destroy;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, data, (GDestroyNotify) find_data_free);

  _cp_pdf_worker_push (_cp_pdf_job_new (task, CP_PDF_PRIORITY_BACKGROUND, find_job));
}

/**
 * cp_pdf_document_find_finish:
 * @n_hits: (out) (optional): the number of hits in the whole document
 */
gboolean
cp_pdf_document_find_finish (CpPdfDocument  *self,
                             GAsyncResult   *result,
                             guint          *n_hits,
                             GError        **error)
{
  gssize n;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (n_hits != NULL)
    *n_hits = (guint) n;
  return TRUE;
}
