/* cp-library-page-search.c: one search across every manual and the user's PDFs
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-library-page"

#include <glib/gi18n.h>

#include "cp-library-page-private.h"
#include "store/cp-store-library.h"

/* Rows shown per document; the rest is counted. */
#define MAX_ROWS_PER_DOCUMENT 40
/* Entries named in a document's one contents line. */
#define MAX_CONTENTS_ENTRIES 3

typedef struct
{
  CpLibraryPage         *self;
  CpLibrarySearchSource *source;   /* owned by self->search_sources */
  GCancellable          *cancellable;
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
search_source_free (CpLibrarySearchSource *source)
{
  g_free (source->key);
  g_free (source->title);
  g_clear_object (&source->document);
  g_ptr_array_unref (source->hits);
  g_free (source);
}

static void
search_row_free (CpLibrarySearchRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row);
}

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
  g_clear_pointer (&self->search_sources, g_ptr_array_unref);
  self->search_pending = 0;
  remove_rows (self);
  g_clear_pointer (&self->search_rows, g_ptr_array_unref);
}

void
_cp_library_page_search_forget (CpLibraryPage *self)
{
  g_clear_pointer (&self->search_documents, g_hash_table_unref);
}

/* ---- What a hit shows ---------------------------------------------------------------- */

static gboolean
is_number (const char *word)
{
  gboolean digits = FALSE;

  /* 12, 4.2, iv: page numbers and heading numbers */
  for (const char *c = word; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        digits = TRUE;
      else if (*c != '.' || !digits)
        return FALSE;
    }
  return digits;
}

static gboolean
is_leader (const char *word)
{
  /* "....." or one dot of ". . . .", or ellipses */
  for (const char *c = word; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (ch != '.' && ch != 0x2026)
        return FALSE;
    }
  return *word != '\0';
}

/* @text without dot leaders and without runs of two or more numbers (a contents page's
 * page numbers); whole words, single spaces. */
static char *
clean_text (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n; i++)
    {
      const char *w = words[i];

      if (*w == '\0' || is_leader (w))
        continue;
      if (is_number (w))
        {
          guint j = i + 1;

          while (j < n && (*words[j] == '\0' || is_number (words[j]) || is_leader (words[j])))
            j++;
          /* A run of numbers, or the number at a leader's end: page numbers. */
          if (j - i > 1 || (i > 0 && is_leader (words[i - 1])))
            {
              i = j - 1;
              continue;
            }
        }
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, w);
    }
  return g_string_free (out, FALSE);
}

/* A hit in a table of contents: dot leaders or a run of page numbers around it, or a
 * page before the first chapter of a document that has chapters. */
static gboolean
is_contents_hit (const CpPdfFindHit *hit,
                 const char         *chapter,
                 gboolean            has_outline)
{
  g_auto(GStrv) words = g_strsplit_set (hit->context, " \t\r\n", -1);
  guint run = 0;

  if (has_outline && chapter == NULL)
    return TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (is_leader (words[i]) && strlen (words[i]) >= 3)
        return TRUE;
      run = is_number (words[i]) ? run + 1 : 0;
      if (run >= 3)
        return TRUE;
    }
  return FALSE;
}

/* The contents entry a hit is in: the words between the numbers around it. */
static char *
contents_entry (const CpPdfFindHit *hit)
{
  gsize len = strlen (hit->context);
  gsize start = MIN (hit->match_start, len);
  gsize end = MIN (start + hit->match_len, len);
  g_autofree char *before = g_strndup (hit->context, start);
  g_auto(GStrv) b = g_strsplit_set (before, " \t\r\n", -1);
  g_auto(GStrv) a = g_strsplit_set (hit->context + end, " \t\r\n", -1);
  g_autofree char *match = g_strndup (hit->context + start, end - start);
  GString *entry = g_string_new (NULL);
  int first = (int) g_strv_length (b) - 1;

  while (first > 0 && !is_number (b[first - 1]) && !is_leader (b[first - 1]))
    first--;
  for (int i = first; b[i] != NULL; i++)
    if (*b[i] != '\0' || b[i + 1] == NULL)
      g_string_append_printf (entry, "%s%s", b[i], b[i + 1] != NULL ? " " : "");
  g_string_append (entry, match);
  for (guint i = 0; a[i] != NULL && !is_number (a[i]) && !is_leader (a[i]); i++)
    g_string_append_printf (entry, "%s%s", i > 0 ? " " : "", a[i]);
  {
    g_autofree char *raw = g_string_free (entry, FALSE);

    return clean_text (raw);
  }
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

/* ---- Rows ---------------------------------------------------------------------------- */

static void
append_header (CpLibraryPage *self,
               const char    *text,
               const char    *kind)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);
  gboolean top = !g_str_equal (kind, "chapter");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, top ? "heading" : "caption-heading");
  gtk_widget_set_margin_top (label, top ? 12 : 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_name (row, kind);
  gtk_list_box_append (self->search_list, row);
  g_ptr_array_add (self->search_rows, NULL);
}

/* A row of @markup that opens @source at @page. */
static void
append_row (CpLibraryPage               *self,
            const CpLibrarySearchSource *source,
            guint                        page,
            const char                  *markup,
            const char                  *kind)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *context = gtk_label_new (NULL);
  GtkWidget *where;
  CpLibrarySearchRow *target = g_new0 (CpLibrarySearchRow, 1);
  const char *label = cp_pdf_document_get_page_label (source->document, page);
  g_autofree char *page_text = NULL;
  g_autofree char *spoken = NULL;

  if (label != NULL && *label != '\0')
    page_text = g_strdup_printf (_("p. %s"), label);
  else
    page_text = g_strdup_printf (_("p. %u"), page + 1);

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
  spoken = g_strdup_printf ("%s, %s", gtk_label_get_text (GTK_LABEL (context)), page_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  gtk_widget_set_name (row, kind);
  gtk_list_box_append (self->search_list, row);

  target->key = g_strdup (source->key);
  target->page = page;
  g_ptr_array_add (self->search_rows, target);
}

static void
append_hit (CpLibraryPage               *self,
            const CpLibrarySearchSource *source,
            const CpPdfFindHit          *hit)
{
  gsize len = strlen (hit->context);
  gsize start = MIN (hit->match_start, len);
  gsize end = MIN (start + hit->match_len, len);
  g_autofree char *raw_before = g_strndup (hit->context, start);
  g_autofree char *clean_before = clean_text (raw_before);
  g_autofree char *clean_after = clean_text (hit->context + end);
  g_autofree char *before = g_markup_escape_text (clean_before, -1);
  g_autofree char *match = g_markup_escape_text (hit->context + start, (gssize) (end - start));
  g_autofree char *after = g_markup_escape_text (clean_after, -1);
  /* The spaces the cleaning took off either side of the match, as the page had them. */
  g_autofree char *markup =
    g_strdup_printf ("%s%s<b>%s</b>%s%s", before,
                     *before != '\0' && start > 0 && g_ascii_isspace (hit->context[start - 1])
                     ? " " : "",
                     match,
                     *after != '\0' && g_ascii_isspace (hit->context[end]) ? " " : "",
                     after);

  append_row (self, source, hit->page, markup, "hit");
}

/* One line for every hit in a document's contents: the entries they are in. */
static void
append_contents (CpLibraryPage               *self,
                 const CpLibrarySearchSource *source,
                 GPtrArray                   *hits)
{
  g_autoptr(GString) entries = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  const CpPdfFindHit *first = g_ptr_array_index (hits, 0);

  for (guint i = 0; i < hits->len; i++)
    {
      char *entry = contents_entry (g_ptr_array_index (hits, i));

      if (*entry == '\0' || g_ptr_array_find_with_equal_func (seen, entry, g_str_equal, NULL))
        {
          g_free (entry);
          continue;
        }
      g_ptr_array_add (seen, entry);
    }
  for (guint i = 0; i < seen->len && i < MAX_CONTENTS_ENTRIES; i++)
    g_string_append_printf (entries, "%s“%s”", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (seen, i));
  if (seen->len > MAX_CONTENTS_ENTRIES)
    g_string_append (entries, "…");

  if (entries->len > 0)
    /* Translators: %s lists contents entries, each in quotation marks */
    text = g_strdup_printf (_("In the contents: %s"), entries->str);
  else
    text = g_strdup (_("In the contents"));
  markup = g_markup_escape_text (text, -1);
  append_row (self, source, first->page, markup, "contents");
}

/* Rebuilds the list from the hits so far, in the library's order. */
static void
show_results (CpLibraryPage *self)
{
  g_autofree char *status = NULL;
  guint total = 0;

  remove_rows (self);
  for (guint i = 0; self->search_sources != NULL && i < self->search_sources->len; i++)
    {
      CpLibrarySearchSource *source = g_ptr_array_index (self->search_sources, i);
      CpPdfDocument *document = source->document;
      GListModel *outline;
      gboolean has_outline;
      g_autoptr(GPtrArray) contents = g_ptr_array_new ();
      const char *chapter = NULL;
      guint shown = 0;
      guint n_body = 0;

      if (source->hits->len == 0 || document == NULL)
        continue;
      total += source->hits->len;
      outline = cp_pdf_document_get_outline (document);
      has_outline = outline != NULL && g_list_model_get_n_items (outline) > 0;
      append_header (self, source->title,
                     g_str_has_prefix (source->key, "sha256:") ? "document" : "manual");

      for (guint h = 0; h < source->hits->len; h++)
        {
          const CpPdfFindHit *hit = g_ptr_array_index (source->hits, h);

          if (is_contents_hit (hit, chapter_of (document, hit->page), has_outline))
            g_ptr_array_add (contents, (gpointer) hit);
        }
      if (contents->len > 0)
        append_contents (self, source, contents);

      for (guint h = 0; h < source->hits->len; h++)
        {
          const CpPdfFindHit *hit = g_ptr_array_index (source->hits, h);
          const char *this_chapter;

          if (g_ptr_array_find (contents, hit, NULL))
            continue;
          n_body++;
          if (shown >= MAX_ROWS_PER_DOCUMENT)
            continue;
          this_chapter = chapter_of (document, hit->page);
          if (this_chapter != NULL && g_strcmp0 (this_chapter, chapter) != 0)
            append_header (self, this_chapter, "chapter");
          chapter = this_chapter;
          append_hit (self, source, hit);
          shown++;
        }
      if (n_body > shown)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "and %u more match in this document",
                                                                "and %u more matches in this document",
                                                                n_body - shown),
                                                   n_body - shown);

          append_header (self, more, "chapter");
        }
    }

  if (self->search_pending > 0)
    status = g_strdup (_("Searching…"));
  else if (total == 0)
    status = g_strdup (_("Nothing found in the library."));
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", total),
                              total);
  gtk_label_set_text (self->search_status, status);
}

/* ---- Searching ----------------------------------------------------------------------- */

static void
find_page_cb (CpPdfDocument *document,
              guint          page,
              GPtrArray     *hits,
              gpointer       user_data)
{
  SearchJob *job = user_data;

  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (job->source->hits, cp_pdf_find_hit_copy (g_ptr_array_index (hits, i)));
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

static void
start_find (SearchJob *job)
{
  /* page_func is never called once cancelled, and the job outlives the search. */
  cp_pdf_document_find_async (job->source->document, job->self->search_text,
                              CP_PDF_FIND_DEFAULT, find_page_cb, job, NULL, job->cancellable,
                              find_done_cb, job);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SearchJob) job = user_data;
  g_autoptr(CpPdfDocument) document = cp_pdf_document_new_finish (result, NULL);

  if (g_cancellable_is_cancelled (job->cancellable))
    return;
  if (document == NULL)
    {
      /* Moved or damaged since it was added: the others are still searched. */
      job->self->search_pending--;
      show_results (job->self);
      return;
    }
  if (job->self->search_documents == NULL)
    job->self->search_documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_object_unref);
  g_hash_table_insert (job->self->search_documents, g_strdup (job->source->key),
                       g_object_ref (document));
  job->source->document = g_steal_pointer (&document);
  start_find (g_steal_pointer (&job));
}

static CpLibrarySearchSource *
add_source (CpLibraryPage *self,
            const char    *key,
            const char    *title,
            CpPdfDocument *document)
{
  CpLibrarySearchSource *source = g_new0 (CpLibrarySearchSource, 1);

  source->key = g_strdup (key);
  source->title = g_strdup (title);
  source->document = document != NULL ? g_object_ref (document) : NULL;
  source->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_find_hit_free);
  g_ptr_array_add (self->search_sources, source);
  return source;
}

static void
search_source (CpLibraryPage         *self,
               CpLibrarySearchSource *source,
               GFile                 *file)
{
  SearchJob *job = g_new0 (SearchJob, 1);

  job->self = g_object_ref (self);
  job->source = source;
  job->cancellable = g_object_ref (self->search_cancellable);
  self->search_pending++;
  if (source->document != NULL)
    start_find (job);
  else
    cp_pdf_document_new_for_file_async (file, NULL, job->cancellable, opened_cb, job);
}

/* The user's PDFs, each under its title; locked ones are left out. */
static void
search_documents (CpLibraryPage *self)
{
  g_autoptr(GPtrArray) documents = NULL;

  if (self->store == NULL
      || !(documents = cp_store_library_list_documents (self->store, NULL)))
    return;
  for (guint i = 0; i < documents->len; i++)
    {
      const CpLibraryDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      CpLibrarySearchSource *source;

      if (document->n_pages == 0)
        continue;
      source = add_source (self, document->key,
                           *document->title != '\0' ? document->title : document->file_name,
                           self->search_documents != NULL
                           ? g_hash_table_lookup (self->search_documents, document->key)
                           : NULL);
      path = cp_store_library_dup_file_path (self->store, document->sha256);
      file = g_file_new_for_path (path);
      search_source (self, source, file);
    }
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
  self->search_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) search_row_free);
  self->search_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) search_source_free);
  gtk_widget_set_visible (self->search_box, TRUE);
  gtk_widget_set_visible (self->browse_box, FALSE);

  for (guint i = 0; i < N_MANUALS; i++)
    {
      CpPdfDocument *document = self->entries[i].document;
      const char *title;

      if (document == NULL)
        continue;
      title = cp_pdf_document_get_title (document);
      search_source (self, add_source (self, _cp_library_page_manual_id (i),
                                       title != NULL && *title != '\0'
                                       ? title : _cp_library_page_manual_id (i),
                                       document),
                     NULL);
    }
  search_documents (self);
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
  g_autofree char *key = NULL;

  if (self->search_rows == NULL || index < 0 || (guint) index >= self->search_rows->len ||
      !(target = g_ptr_array_index (self->search_rows, index)))
    return;

  dest = g_strdup_printf ("page=%u", target->page + 1);
  key = g_strdup (target->key);
  cp_library_page_open (self, key, dest);
  /* The same words, highlighted in the document. */
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
  for (guint i = 0; self->search_sources != NULL && i < self->search_sources->len; i++)
    total += ((CpLibrarySearchSource *) g_ptr_array_index (self->search_sources, i))->hits->len;
  return total;
}
