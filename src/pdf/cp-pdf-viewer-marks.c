/* cp-pdf-viewer-marks.c: bookmarks and highlights in the sidebar
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-viewer"

#include <glib/gi18n.h>

#include "pdf/cp-pdf-marks.h"
#include "cp-pdf-viewer-private.h"
#include "store/cp-store-library.h"

/* ---- Rows --------------------------------------------------------------------------------- */

static gint64
row_id (GtkWidget *row)
{
  const char *name = gtk_widget_get_name (row);

  return g_str_has_prefix (name, "mark-") ? g_ascii_strtoll (name + 5, NULL, 10) : 0;
}

static void
note_changed_cb (GtkEditable *entry,
                 CpPdfViewer *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(GError) error = NULL;

  if (self->marks_updating || self->store == NULL || row == NULL)
    return;
  if (!cp_store_library_set_mark_note (self->store, row_id (row),
                                       gtk_editable_get_text (entry), &error))
    g_debug ("Could not save a note: %s", error->message);
}

static void
remove_clicked_cb (GtkButton   *button,
                   CpPdfViewer *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || row == NULL)
    return;
  if (!cp_store_library_remove_mark (self->store, row_id (row), &error))
    g_debug ("Could not remove a bookmark: %s", error->message);
}

static char *
where_text (CpPdfViewer         *self,
            const CpLibraryMark *mark)
{
  const char *label = NULL;

  if (self->document != NULL && mark->page < cp_pdf_document_get_n_pages (self->document))
    label = cp_pdf_document_get_page_label (self->document, mark->page);
  if (label != NULL && *label != '\0')
    return g_strdup_printf (mark->kind == CP_LIBRARY_MARK_HIGHLIGHT ? _("Highlight, page %s")
                                                                   : _("Bookmark, page %s"),
                            label);
  return g_strdup_printf (mark->kind == CP_LIBRARY_MARK_HIGHLIGHT ? _("Highlight, page %u")
                                                                 : _("Bookmark, page %u"),
                          mark->page + 1);
}

static GtkWidget *
mark_row_new (CpPdfViewer         *self,
              const CpLibraryMark *mark)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *where, *quote, *note, *remove;
  g_autofree char *where_label = where_text (self, mark);
  g_autofree char *name = g_strdup_printf ("mark-%" G_GINT64_FORMAT, mark->id);

  where = gtk_label_new (where_label);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_set_hexpand (where, TRUE);
  gtk_widget_add_css_class (where, "caption-heading");
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (top), where);
  gtk_box_append (GTK_BOX (top), remove);

  quote = gtk_label_new (mark->quote);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 28);
  gtk_widget_add_css_class (quote, "dim-label");

  note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Add a note"));
  gtk_editable_set_text (GTK_EDITABLE (note), mark->note);
  gtk_widget_set_name (note, "mark-note");
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  g_signal_connect_object (note, "changed", G_CALLBACK (note_changed_cb), self, 0);

  gtk_box_append (GTK_BOX (box), top);
  if (*mark->quote != '\0')
    gtk_box_append (GTK_BOX (box), quote);
  else
    g_object_unref (g_object_ref_sink (quote));
  gtk_box_append (GTK_BOX (box), note);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  where_label, -1);
  gtk_widget_set_name (row, name);
  return row;
}

/* Every highlight of the document, drawn on its page from the rectangles it was saved
 * with ("x y w h;…" in points). */
static void
show_highlights (CpPdfViewer *self)
{
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GPtrArray) shown = NULL;

  if (self->view == NULL)
    return;
  if (self->store == NULL || self->key == NULL || self->document == NULL
      || !(marks = cp_store_library_list_marks (self->store, self->key, NULL, NULL)))
    {
      cp_pdf_view_set_marks (self->view, NULL);
      return;
    }
  shown = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_find_hit_free);
  for (guint i = 0; i < marks->len; i++)
    {
      CpLibraryMark *mark = g_ptr_array_index (marks, i);
      g_auto(GStrv) rects = NULL;

      if (mark->kind != CP_LIBRARY_MARK_HIGHLIGHT || mark->rects == NULL)
        continue;
      rects = g_strsplit (mark->rects, ";", -1);
      for (guint j = 0; rects[j] != NULL; j++)
        {
          g_auto(GStrv) v = g_strsplit (g_strstrip (rects[j]), " ", -1);
          CpPdfFindHit *hit;

          if (g_strv_length (v) != 4)
            continue;
          hit = g_new0 (CpPdfFindHit, 1);
          hit->page = mark->page;
          hit->rect.x = g_ascii_strtod (v[0], NULL);
          hit->rect.y = g_ascii_strtod (v[1], NULL);
          hit->rect.width = g_ascii_strtod (v[2], NULL);
          hit->rect.height = g_ascii_strtod (v[3], NULL);
          hit->context = g_strdup ("");
          g_ptr_array_add (shown, hit);
        }
    }
  cp_pdf_view_set_marks (self->view, shown);
}

void
_cp_pdf_viewer_marks_reload (CpPdfViewer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  const char *search;
  GtkWidget *child;
  gboolean same = TRUE;
  guint i = 0;

  if (self->marks_list == NULL)
    return;

  show_highlights (self);
  if (self->store != NULL && self->key != NULL && self->document != NULL)
    {
      search = gtk_editable_get_text (GTK_EDITABLE (self->marks_search));
      if (!(marks = cp_store_library_list_marks (self->store, self->key, search, &error)))
        g_debug ("Could not list the bookmarks: %s", error->message);
    }

  /* The same marks: keep the rows (and the note being typed), update the rest. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->marks_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      if (marks == NULL || i >= marks->len ||
          row_id (child) != ((CpLibraryMark *) g_ptr_array_index (marks, i))->id)
        same = FALSE;
      i++;
    }
  if (same && marks != NULL && i == marks->len)
    {
      self->marks_updating = TRUE;
      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->marks_list)), i = 0;
           child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *note;

          if (!GTK_IS_LIST_BOX_ROW (child))
            continue;
          note = gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child)));
          /* Never under the fingers of someone typing in it. */
          if (GTK_IS_EDITABLE (note) &&
              !gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (note)))) &&
              g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (note)),
                         ((CpLibraryMark *) g_ptr_array_index (marks, i))->note) != 0)
            gtk_editable_set_text (GTK_EDITABLE (note),
                                   ((CpLibraryMark *) g_ptr_array_index (marks, i))->note);
          i++;
        }
      self->marks_updating = FALSE;
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->marks_list))) != NULL)
    gtk_list_box_remove (self->marks_list, child);
  for (i = 0; marks != NULL && i < marks->len; i++)
    gtk_list_box_append (self->marks_list, mark_row_new (self, g_ptr_array_index (marks, i)));
}

static void
store_changed_cb (CpPdfViewer        *self,
                  const char * const *tables)
{
  if (tables == NULL || g_strv_contains (tables, "bookmark"))
    _cp_pdf_viewer_marks_reload (self);
}

void
_cp_pdf_viewer_marks_init (CpPdfViewer *self)
{
  GtkWidget *placeholder = gtk_label_new (_("No bookmarks yet. Add one from the menu "
                                            "(Ctrl+D), or select text and highlight it."));

  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->marks_list, placeholder);

  if (self->store == NULL)
    {
      gtk_stack_page_set_visible (gtk_stack_get_page (self->nav_stack,
                                                      gtk_stack_get_child_by_name (self->nav_stack, "bookmarks")),
                                  FALSE);
      return;
    }
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- Adding ----------------------------------------------------------------------------------- */

typedef struct
{
  CpPdfViewer       *self;
  CpLibraryMarkKind  kind;
  guint              page;
  double             top;
  char              *dest;
  char              *quote;
  char              *key;
  char              *rects;
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_object_unref (job->self);
  g_free (job->dest);
  g_free (job->quote);
  g_free (job->key);
  g_free (job->rects);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddJob, add_job_free)

static void
store_mark (AddJob *job)
{
  CpPdfViewer *self = job->self;
  g_autoptr(GError) error = NULL;
  CpLibraryMark mark = { 0, };

  mark.doc_key = job->key;
  mark.kind = job->kind;
  mark.page = job->page;
  mark.dest = job->dest;
  mark.quote = job->quote != NULL ? job->quote : (char *) "";
  mark.rects = job->rects != NULL ? job->rects : (char *) "";
  mark.note = (char *) "";
  mark.colour = (char *) "yellow";
  if (cp_store_library_add_mark (self->store, &mark, &error) == 0)
    {
      g_debug ("Could not add a bookmark: %s", error->message);
      return;
    }
  /* Show where it went. */
  gtk_stack_set_visible_child_name (self->nav_stack, "bookmarks");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");
  if (!adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* The line of text at the top of the view: what a bookmark quotes. */
static void
layout_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AddJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfTextLayout) layout = NULL;
  const char *text, *start, *end;
  guint i;

  layout = cp_pdf_document_get_text_layout_finish (CP_PDF_DOCUMENT (source), result, &error);
  if (layout == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (layout != NULL && layout->text != NULL && layout->n_chars > 0)
    {
      for (i = 0; i < layout->n_chars; i++)
        {
          const CpPdfRect *rect = &layout->rects[i];

          if (rect->y + rect->height / 2 >= job->top)
            break;
        }
      if (i == layout->n_chars)
        i = 0;
      text = layout->text;
      start = g_utf8_offset_to_pointer (text, i);
      while (start > text && *(start - 1) != '\n')
        start--;
      end = strchr (start, '\n');
      job->quote = end != NULL ? g_strndup (start, end - start) : g_strdup (start);
      g_strstrip (job->quote);
    }
  store_mark (job);
}

static gboolean
can_mark (CpPdfViewer *self)
{
  return self->loaded && self->store != NULL && self->key != NULL &&
         !cp_store_get_read_only (self->store);
}

static AddJob *
add_job_new (CpPdfViewer       *self,
             CpLibraryMarkKind  kind)
{
  AddJob *job = g_new0 (AddJob, 1);
  int width = gtk_widget_get_width (GTK_WIDGET (self->view));
  double px;
  const CpOutlineEntry *entry;

  job->self = g_object_ref (self);
  job->kind = kind;
  job->key = g_strdup (self->key);
  if (!cp_pdf_view_widget_to_page (self->view, width / 2.0, 1, &job->page, &px, &job->top))
    {
      job->page = cp_pdf_view_get_page (self->view);
      job->top = 0;
    }
  /* A heading at the very top of the view (as a jump to it leaves it) is the section
   * the bookmark is in. */
  entry = _cp_pdf_viewer_outline_entry_at (self, job->page, job->top + 36);
  if (entry != NULL)
    job->dest = g_strdup (cp_pdf_outline_item_get_dest (entry->item));
  return job;
}

void
cp_pdf_viewer_add_bookmark (CpPdfViewer *self)
{
  AddJob *job;

  g_return_if_fail (CP_IS_PDF_VIEWER (self));

  if (!can_mark (self))
    return;
  job = add_job_new (self, CP_LIBRARY_MARK_BOOKMARK);
  cp_pdf_document_get_text_layout_async (self->document, job->page, CP_PDF_PRIORITY_VISIBLE,
                                         NULL, layout_cb, job);
}

void
cp_pdf_viewer_add_highlight (CpPdfViewer *self)
{
  g_autoptr(AddJob) job = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CP_IS_PDF_VIEWER (self));

  if (!can_mark (self) || !(text = cp_pdf_view_dup_selected_text (self->view)) || *text == '\0')
    return;
  job = add_job_new (self, CP_LIBRARY_MARK_HIGHLIGHT);
  job->quote = g_strstrip (g_steal_pointer (&text));
  /* Drawn where the text was selected: the lines of its first page, in points. */
  {
    g_autoptr(GPtrArray) rects = cp_pdf_view_dup_selection_rects (self->view);
    GString *out = g_string_new (NULL);

    for (guint i = 0; i < rects->len; i++)
      {
        CpPdfFindHit *r = g_ptr_array_index (rects, i);
        char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
        char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

        if (i == 0)
          job->page = r->page;
        if (r->page != job->page)
          break;
        g_string_append_printf (out, "%s%s %s %s %s", out->len > 0 ? ";" : "",
                                g_ascii_formatd (x, sizeof x, "%.2f", r->rect.x),
                                g_ascii_formatd (y, sizeof y, "%.2f", r->rect.y),
                                g_ascii_formatd (w, sizeof w, "%.2f", r->rect.width),
                                g_ascii_formatd (h, sizeof h, "%.2f", r->rect.height));
      }
    job->rects = g_string_free (out, FALSE);
  }
  store_mark (job);
}

/* ---- Jumping -------------------------------------------------------------------------------- */

static void
located_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CpPdfViewer) self = user_data;
  guint page;
  double top;

  if (!cp_pdf_locate_mark_finish (CP_PDF_DOCUMENT (source), result, &page, &top, NULL))
    return;
  if (CP_PDF_DOCUMENT (source) != self->document)
    return;
  cp_pdf_view_scroll_to_location (self->view, page, top);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

void
_cp_pdf_viewer_mark_row_activated (CpPdfViewer   *self,
                                   GtkListBoxRow *row)
{
  g_autoptr(GPtrArray) marks = NULL;
  gint64 id = row_id (GTK_WIDGET (row));

  if (self->store == NULL || self->document == NULL || self->key == NULL)
    return;
  if (!(marks = cp_store_library_list_marks (self->store, self->key, NULL, NULL)))
    return;
  for (guint i = 0; i < marks->len; i++)
    {
      CpLibraryMark *mark = g_ptr_array_index (marks, i);

      if (mark->id == id)
        cp_pdf_locate_mark_async (self->document, mark, NULL, located_cb,
                                      g_object_ref (self));
    }
}
