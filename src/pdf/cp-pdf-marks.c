/* cp-pdf-marks.c: finding a bookmark or highlight again
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-marks"

#include "cp-pdf-marks.h"

#define NEEDLE_MAX_BYTES 60

typedef struct
{
  char   *needle;
  guint   start_page;     /* where the destination (or the page) says to look */
  double  start_top;
  gboolean found;
  guint   best_page;
  double  best_top;
} Locate;

static void
locate_free (Locate *locate)
{
  g_free (locate->needle);
  g_free (locate);
}

char *
cp_pdf_mark_dup_needle (const char *quote)
{
  g_autofree char *line = NULL;
  const char *end;

  if (quote == NULL)
    return g_strdup ("");

  end = strchr (quote, '\n');
  line = end != NULL ? g_strndup (quote, end - quote) : g_strdup (quote);
  g_strstrip (line);
  if (strlen (line) > NEEDLE_MAX_BYTES)
    {
      /* Cut at a word boundary before the limit, on a whole character. */
      const char *cut = g_utf8_find_prev_char (line, line + NEEDLE_MAX_BYTES + 1);
      const char *space = NULL;

      for (const char *p = line; p < cut; p = g_utf8_next_char (p))
        {
          if (*p == ' ')
            space = p;
        }
      return g_strndup (line, (space != NULL ? space : cut) - line);
    }
  return g_steal_pointer (&line);
}

static void
return_place (GTask  *task,
              guint   page,
              double  top)
{
  double *place = g_new (double, 2);

  place[0] = page;
  place[1] = top;
  g_task_return_pointer (task, place, g_free);
}

static void
find_page_cb (CpPdfDocument *document,
              guint          page,
              GPtrArray     *hits,
              gpointer       user_data)
{
  Locate *locate = user_data;

  for (guint i = 0; i < hits->len; i++)
    {
      const CpPdfFindHit *hit = g_ptr_array_index (hits, i);
      guint distance = hit->page > locate->start_page ? hit->page - locate->start_page
                                                      : locate->start_page - hit->page;
      guint best = locate->best_page > locate->start_page
                   ? locate->best_page - locate->start_page
                   : locate->start_page - locate->best_page;

      /* The nearest to where the destination says, after it rather than before. */
      if (!locate->found || distance < best ||
          (distance == best && hit->page >= locate->start_page && locate->best_page < locate->start_page))
        {
          locate->found = TRUE;
          locate->best_page = hit->page;
          locate->best_top = hit->rect.y;
        }
    }
}

static void
find_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Locate *locate = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint n_hits;

  if (!cp_pdf_document_find_finish (CP_PDF_DOCUMENT (source), result, &n_hits, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  if (locate->found)
    return_place (task, locate->best_page, MAX (0, locate->best_top - 12));
  else
    return_place (task, locate->start_page, locate->start_top);
}

static void
search_text (GTask *task)
{
  Locate *locate = g_task_get_task_data (task);
  CpPdfDocument *document = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (locate->needle == NULL || *locate->needle == '\0')
    {
      return_place (task, locate->start_page, locate->start_top);
      g_object_unref (task);
      return;
    }
  cp_pdf_document_find_async (document, locate->needle, CP_PDF_FIND_DEFAULT, find_page_cb,
                              locate, NULL, cancellable, find_done_cb, task);
}

static void
dest_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Locate *locate = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint page;
  double top;

  if (cp_pdf_document_find_dest_finish (CP_PDF_DOCUMENT (source), result, &page, &top, &error))
    {
      locate->start_page = page;
      locate->start_top = top;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  search_text (task);
}

void
cp_pdf_locate_mark_async (CpPdfDocument        *document,
                              const CpLibraryMark  *mark,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  GTask *task;
  Locate *locate;
  guint n_pages;

  g_return_if_fail (CP_IS_PDF_DOCUMENT (document));
  g_return_if_fail (mark != NULL);

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, cp_pdf_locate_mark_async);
  locate = g_new0 (Locate, 1);
  n_pages = cp_pdf_document_get_n_pages (document);
  locate->start_page = MIN (mark->page, n_pages > 0 ? n_pages - 1 : 0);
  locate->start_top = -1;
  locate->needle = cp_pdf_mark_dup_needle (mark->quote);
  g_task_set_task_data (task, locate, (GDestroyNotify) locate_free);

  if (mark->dest != NULL && *mark->dest != '\0')
    cp_pdf_document_find_dest_async (document, mark->dest, cancellable, dest_cb, task);
  else
    search_text (task);
}

gboolean
cp_pdf_locate_mark_finish (CpPdfDocument  *document,
                               GAsyncResult   *result,
                               guint          *page,
                               double         *top,
                               GError        **error)
{
  g_autofree double *place = NULL;

  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  if (!(place = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  if (page != NULL)
    *page = (guint) place[0];
  if (top != NULL)
    *top = place[1];
  return TRUE;
}
