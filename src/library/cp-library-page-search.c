/* cp-library-page-search.c: one search across every manual
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-library-page"

#include <glib/gi18n.h>

#include "cp-library-page-private.h"

/* Rows shown per manual; the rest is counted. */
#define MAX_ROWS_PER_MANUAL 40

typedef struct
{
  CpLibraryPage *self;
  guint          index;
  GCancellable  *cancellable;
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->cancellable);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchJob, search_job_free)

static void
remove_rows (CpLibraryPage *self)
{
  GtkWidget *child;

  if (self->search_list != NULL)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_list))) != NULL)
        gtk_list_box_remove (self->search_list, child);
    }
  if (self->search_rows != NULL)
    g_ptr_array_set_size (self->search_rows, 0);
}

void
_cp_library_page_search_clear (CpLibraryPage *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->search_text, g_free);
  for (guint i = 0; i < N_MANUALS; i++)
    g_clear_pointer (&self->search_hits[i], g_ptr_array_unref);
  self->search_pending = 0;
  remove_rows (self);
  g_clear_pointer (&self->search_rows, g_ptr_array_unref);
}

/* The chapter (top-level outline entry) a page is in. */
static const char *
chapter_of (CpPdfDocument *document,
            guint          page)
{
  GListModel *outline = cp_pdf_document_get_outline (document);
  const char *title = NULL;
  guint n = outline != NULL ? g_list_model_get_n_items (outline) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPdfOutlineItem) item = g_list_model_get_item (outline, i);
      int start = cp_pdf_outline_item_get_page (item);

      if (start >= 0 && (guint) start <= page)
        title = cp_pdf_outline_item_get_title (item);
    }
  return title;
}

static void
append_header (CpLibraryPage *self,
               const char    *text,
               gboolean       chapter)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, chapter ? "caption-heading" : "heading");
  gtk_widget_set_margin_top (label, chapter ? 6 : 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, chapter ? 12 : 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, chapter ? "chapter" : "manual");
  gtk_list_box_append (self->search_list, row);
  g_ptr_array_add (self->search_rows, NULL);
}

static void
append_hit (CpLibraryPage      *self,
            guint               index,
            CpPdfDocument      *document,
            const CpPdfFindHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *context = gtk_label_new (NULL);
  GtkWidget *where;
  CpLibrarySearchRow *target = g_new0 (CpLibrarySearchRow, 1);
  const char *label = cp_pdf_document_get_page_label (document, hit->page);
  gsize len = strlen (hit->context);
  gsize start = MIN (hit->match_start, len);
  gsize end = MIN (start + hit->match_len, len);
  g_autofree char *before = g_markup_escape_text (hit->context, (gssize) start);
  g_autofree char *match = g_markup_escape_text (hit->context + start, (gssize) (end - start));
  g_autofree char *after = g_markup_escape_text (hit->context + end, -1);
  g_autofree char *markup = g_strdup_printf ("%s<b>%s</b>%s", before, match, after);
  g_autofree char *page_text = NULL;

  if (label != NULL && *label != '\0')
    page_text = g_strdup_printf (_("p. %s"), label);
  else
    page_text = g_strdup_printf (_("p. %u"), hit->page + 1);

  gtk_label_set_markup (GTK_LABEL (context), markup);
  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_wrap (GTK_LABEL (context), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (context), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (context, TRUE);
  where = gtk_label_new (page_text);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "numeric");
  gtk_widget_set_valign (where, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), context);
  gtk_box_append (GTK_BOX (box), where);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, "hit");
  gtk_list_box_append (self->search_list, row);

  target->manual = index;
  target->page = hit->page;
  target->top = hit->rect.y;
  g_ptr_array_add (self->search_rows, target);
}

/* Rebuilds the list from the hits so far, in the manuals' order. */
static void
show_results (CpLibraryPage *self)
{
  g_autofree char *status = NULL;
  guint total = 0;

  remove_rows (self);
  for (guint i = 0; i < N_MANUALS; i++)
    {
      CpPdfDocument *document = self->entries[i].document;
      GPtrArray *hits = self->search_hits[i];
      const char *chapter = NULL;
      const char *title;
      guint shown = 0;

      if (hits == NULL || hits->len == 0 || document == NULL)
        continue;
      total += hits->len;
      title = cp_pdf_document_get_title (document);
      append_header (self, title != NULL && *title != '\0' ? title : _cp_library_page_manual_id (i),
                     FALSE);
      for (guint h = 0; h < hits->len && shown < MAX_ROWS_PER_MANUAL; h++, shown++)
        {
          const CpPdfFindHit *hit = g_ptr_array_index (hits, h);
          const char *this_chapter = chapter_of (document, hit->page);

          if (this_chapter != NULL && g_strcmp0 (this_chapter, chapter) != 0)
            append_header (self, this_chapter, TRUE);
          chapter = this_chapter;
          append_hit (self, i, document, hit);
        }
      if (hits->len > shown)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "and %u more match in this manual",
                                                                "and %u more matches in this manual",
                                                                hits->len - shown),
                                                   hits->len - shown);

          append_header (self, more, TRUE);
        }
    }

  if (self->search_pending > 0)
    status = g_strdup (_("Searching…"));
  else if (total == 0)
    status = g_strdup (_("Nothing found in the manuals."));
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", total),
                              total);
  gtk_label_set_text (self->search_status, status);
}

static void
find_page_cb (CpPdfDocument *document,
              guint          page,
              GPtrArray     *hits,
              gpointer       user_data)
{
  SearchJob *job = user_data;

  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (job->self->search_hits[job->index],
                     cp_pdf_find_hit_copy (g_ptr_array_index (hits, i)));
}

static void
find_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SearchJob) job = user_data;
  g_autoptr(GError) error = NULL;
  guint n_hits;

  if (!cp_pdf_document_find_finish (CP_PDF_DOCUMENT (source), result, &n_hits, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_cancellable_is_cancelled (job->cancellable))
    return;
  job->self->search_pending--;
  show_results (job->self);
}

void
cp_library_page_search (CpLibraryPage *self,
                        const char    *text)
{
  g_return_if_fail (CP_IS_LIBRARY_PAGE (self));

  _cp_library_page_search_clear (self);
  if (text == NULL || g_utf8_strlen (text, -1) < 2)
    {
      gtk_widget_set_visible (self->search_box, FALSE);
      gtk_widget_set_visible (self->browse_box, TRUE);
      return;
    }

  self->search_text = g_strdup (text);
  self->search_cancellable = g_cancellable_new ();
  self->search_rows = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_visible (self->search_box, TRUE);
  gtk_widget_set_visible (self->browse_box, FALSE);

  for (guint i = 0; i < N_MANUALS; i++)
    {
      SearchJob *job;

      if (self->entries[i].document == NULL)
        continue;
      self->search_hits[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_find_hit_free);
      job = g_new0 (SearchJob, 1);
      job->self = g_object_ref (self);
      job->index = i;
      job->cancellable = g_object_ref (self->search_cancellable);
      self->search_pending++;
      /* page_func is never called once cancelled, and the job outlives the search. */
      cp_pdf_document_find_async (self->entries[i].document, text, CP_PDF_FIND_DEFAULT,
                                  find_page_cb, job, NULL, self->search_cancellable,
                                  find_done_cb, job);
    }
  show_results (self);
}

void
_cp_library_page_search_changed (CpLibraryPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_strcmp0 (text, self->search_text) == 0)
    return;
  cp_library_page_search (self, text);
}

void
_cp_library_page_search_activated (CpLibraryPage *self,
                                   GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  CpLibrarySearchRow *target;
  g_autofree char *dest = NULL;
  g_autofree char *text = g_strdup (self->search_text);

  if (self->search_rows == NULL || index < 0 || (guint) index >= self->search_rows->len ||
      !(target = g_ptr_array_index (self->search_rows, index)))
    return;

  dest = g_strdup_printf ("page=%u", target->page + 1);
  cp_library_page_open (self, _cp_library_page_manual_id (target->manual), dest);
  /* The same words, highlighted in the manual. */
  if (text != NULL && cp_pdf_viewer_get_document (self->viewer) != NULL)
    cp_pdf_viewer_find (self->viewer, text);
}

gboolean
cp_library_page_get_search_done (CpLibraryPage *self)
{
  g_return_val_if_fail (CP_IS_LIBRARY_PAGE (self), FALSE);
  return self->search_text != NULL && self->search_pending == 0;
}

guint
cp_library_page_get_n_search_hits (CpLibraryPage *self)
{
  guint total = 0;

  g_return_val_if_fail (CP_IS_LIBRARY_PAGE (self), 0);
  for (guint i = 0; i < N_MANUALS; i++)
    total += self->search_hits[i] != NULL ? self->search_hits[i]->len : 0;
  return total;
}
