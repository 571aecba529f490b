/* cp-pdf-viewer-find.c: the find bar and the list of matches
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-viewer"

#include <glib/gi18n.h>

#include "cp-pdf-viewer-private.h"

static void
remove_results (CpPdfViewer *self)
{
  GtkWidget *child;

  if (self->results_list == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static void
update_count (CpPdfViewer *self)
{
  g_autofree char *text = NULL;
  guint n = self->hits != NULL ? self->hits->len : 0;

  if (self->find_text == NULL)
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (self->find_done ? _("No matches") : "…");
  else if (self->current_hit >= 0)
    /* TRANSLATORS: current match of all matches, e.g. "3 of 12" */
    text = g_strdup_printf (_("%d of %u%s"), self->current_hit + 1, n,
                            self->find_done ? "" : "…");
  else
    text = g_strdup_printf ("%u%s", n, self->find_done ? "" : "…");
  gtk_label_set_text (self->find_count, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.find", self->loaded);
}

void
_cp_pdf_viewer_find_clear (CpPdfViewer *self)
{
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->find_text, g_free);
  self->current_hit = -1;
  self->find_done = FALSE;
  if (self->view != NULL)
    cp_pdf_view_set_find_hits (self->view, NULL, -1);
  remove_results (self);
  if (self->sidebar_stack != NULL)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");
  if (self->find_count != NULL)
    update_count (self);
}

static GtkWidget *
result_row_new (CpPdfViewer        *self,
                const CpPdfFindHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where, *context;
  const char *label = cp_pdf_document_get_page_label (self->document, hit->page);
  g_autofree char *where_text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *match = NULL;
  g_autofree char *after = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *spoken = NULL;
  gsize len = strlen (hit->context);
  gsize start = MIN (hit->match_start, len);
  gsize end = MIN (start + hit->match_len, len);

  where_text = g_strdup_printf (_("Page %s"), label != NULL && *label != '\0' ? label : "");
  if (label == NULL || *label == '\0')
    {
      g_free (where_text);
      where_text = g_strdup_printf (_("Page %u"), hit->page + 1);
    }
  where = gtk_label_new (where_text);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");

  before = g_markup_escape_text (hit->context, (gssize) start);
  match = g_markup_escape_text (hit->context + start, (gssize) (end - start));
  after = g_markup_escape_text (hit->context + end, -1);
  markup = g_strdup_printf ("%s<b>%s</b>%s", before, match, after);
  context = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (context), markup);
  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_wrap (GTK_LABEL (context), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (context), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (context), 3);
  gtk_label_set_ellipsize (GTK_LABEL (context), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (context), 30);

  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), context);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  spoken = g_strdup_printf ("%s, %s", where_text, hit->context);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);

  return row;
}

static void
select_result_row (CpPdfViewer *self)
{
  GtkListBoxRow *row;

  if (self->current_hit < 0)
    {
      gtk_list_box_unselect_all (self->results_list);
      return;
    }
  row = gtk_list_box_get_row_at_index (self->results_list, self->current_hit);
  if (row != NULL)
    gtk_list_box_select_row (self->results_list, row);
}

static void
find_page_cb (CpPdfDocument *document,
              guint          page,
              GPtrArray     *hits,
              gpointer       user_data)
{
  CpPdfViewer *self = user_data;
  guint view_page = cp_pdf_view_get_page (self->view);
  gboolean set_current = FALSE;

  if (hits->len == 0)
    return;

  for (guint i = 0; i < hits->len; i++)
    {
      const CpPdfFindHit *hit = g_ptr_array_index (hits, i);

      /* The first match at or after the page being read becomes the current one. */
      if (self->current_hit < 0 && hit->page >= view_page)
        {
          self->current_hit = (int) self->hits->len;
          set_current = TRUE;
        }
      g_ptr_array_add (self->hits, cp_pdf_find_hit_copy (hit));
      gtk_list_box_append (self->results_list, result_row_new (self, hit));
    }

  cp_pdf_view_set_find_hits (self->view, self->hits, self->current_hit);
  if (set_current)
    select_result_row (self);
  update_count (self);
}

static void
find_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CpPdfViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_hits = 0;

  if (!cp_pdf_document_find_finish (CP_PDF_DOCUMENT (source), result, &n_hits, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Find failed: %s", error->message);
      return;
    }

  self->find_done = TRUE;
  g_clear_object (&self->find_cancellable);
  /* Every match was before the page being read: wrap to the first. */
  if (self->current_hit < 0 && self->hits->len > 0)
    {
      self->current_hit = 0;
      cp_pdf_view_set_current_hit (self->view, 0);
      select_result_row (self);
    }
  update_count (self);
}

void
_cp_pdf_viewer_find_changed (CpPdfViewer *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  /* The entry reports a change a moment after cp_pdf_viewer_find () started it. */
  if (self->find_text != NULL && g_strcmp0 (self->find_text, text) == 0)
    return;

  _cp_pdf_viewer_find_clear (self);
  if (self->document == NULL || text == NULL || *text == '\0')
    return;

  self->find_text = g_strdup (text);
  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_find_hit_free);
  self->find_cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
  if (!adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  update_count (self);

  /* page_func is never called after the cancellable is cancelled, and clearing cancels
   * it, so it needs no reference of its own. */
  cp_pdf_document_find_async (self->document, text, CP_PDF_FIND_DEFAULT,
                              find_page_cb, self, NULL,
                              self->find_cancellable, find_done_cb, g_object_ref (self));
}

void
_cp_pdf_viewer_find_step (CpPdfViewer *self,
                          int          direction)
{
  int n;

  if (self->hits == NULL || self->hits->len == 0)
    return;

  n = (int) self->hits->len;
  if (self->current_hit < 0)
    self->current_hit = direction > 0 ? 0 : n - 1;
  else
    self->current_hit = (self->current_hit + direction + n) % n;
  cp_pdf_view_set_current_hit (self->view, self->current_hit);
  select_result_row (self);
  update_count (self);
}

void
_cp_pdf_viewer_find_show (CpPdfViewer *self)
{
  if (self->document == NULL)
    return;
  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  /* Ctrl+F again: back to the entry, with its text selected to type over. */
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

void
_cp_pdf_viewer_find_stop (CpPdfViewer *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  _cp_pdf_viewer_find_clear (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

void
_cp_pdf_viewer_find_result_activated (CpPdfViewer   *self,
                                      GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->hits == NULL || index < 0 || (guint) index >= self->hits->len)
    return;
  self->current_hit = index;
  cp_pdf_view_set_current_hit (self->view, index);
  update_count (self);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

void
cp_pdf_viewer_find (CpPdfViewer *self,
                    const char  *text)
{
  g_return_if_fail (CP_IS_PDF_VIEWER (self));

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
  /* Now, not after the entry's typing delay. */
  _cp_pdf_viewer_find_changed (self);
}

guint
cp_pdf_viewer_get_n_find_hits (CpPdfViewer *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEWER (self), 0);
  return self->hits != NULL ? self->hits->len : 0;
}

gboolean
cp_pdf_viewer_get_find_done (CpPdfViewer *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEWER (self), FALSE);
  return self->find_done;
}
