/* test-pdf-leaving.c: what leaves the app from a document: links (only web pages and
 * email addresses, after a question that names where they go) and print jobs (never
 * named after the document)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-leaving"

#include <cairo-pdf.h>

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "library/cp-library-page.h"
#include "pdf/cp-pdf-print.h"
#include "pdf/cp-pdf-viewer.h"
#include "store/cp-store.h"
#include "cp-test-util.h"

#define REFUSED_TOAST "Link not opened: only web and email links are allowed"

static CpTestPdfFixtures *fx;

typedef struct
{
  char        *dir;
  CpStore     *store;
  CpWindow    *window;
  CpPdfViewer *viewer;
} Fixture;

static gboolean
viewer_loaded (gpointer data)
{
  return cp_pdf_viewer_get_loaded (data);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fx->sample);

  f->dir = cp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "links.cpkit", NULL);
  f->store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  f->window = cp_window_new (NULL, f->store, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  cp_window_open_pdf (f->window, file);
  f->viewer = cp_library_page_get_viewer (CP_LIBRARY_PAGE (f->window->library_page));
  g_assert_true (cp_test_wait_until (viewer_loaded, f->viewer));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  cp_test_flush_main_context ();
  g_clear_object (&f->store);
  cp_test_rm_rf (f->dir);
  g_free (f->dir);
}

static AdwMessageDialog *
find_question (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
question_shown (gpointer data)
{
  return find_question () != NULL;
}

static void
activate (Fixture    *f,
          const char *uri)
{
  CpPdfLink link = { CP_PDF_LINK_EXTERNAL, { 0, 0, 10, 10 }, -1, -1, NULL, (char *) uri };

  cp_pdf_view_activate_link (cp_pdf_viewer_get_view (f->viewer), &link);
}

/* Asks about @uri and returns the question's body; answers Cancel. */
static char *
question_for (Fixture    *f,
              const char *uri)
{
  AdwMessageDialog *question;
  char *body;

  activate (f, uri);
  g_assert_true (cp_test_wait_until (question_shown, NULL));
  question = find_question ();
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Open Link?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  body = g_strdup (adw_message_dialog_get_body (question));
  adw_message_dialog_response (question, "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  cp_test_flush_main_context ();
  return body;
}

/* The question names the host the browser will contact, not the part before "@". */
static void
test_web_link_names_host (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *plain = question_for (f, "https://www.example.org/guide");
  g_autofree char *tricky = question_for (f, "https://good.example@evil.example/login");

  g_assert_nonnull (strstr (plain, "web site www.example.org"));
  g_assert_nonnull (strstr (tricky, "web site evil.example"));
  g_assert_null (strstr (tricky, "good.example"));
}

static void
test_mail_link_names_address (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *body = question_for (f, "mailto:team@example.org?subject=Hello");

  g_assert_nonnull (strstr (body, "email to team@example.org"));
}

static gboolean
refused_toast_shown (gpointer data)
{
  return cp_test_find_widget (data, GTK_TYPE_LABEL, REFUSED_TOAST) != NULL;
}

/* Files, shares, scripts, data and other apps' schemes are never handed over, and never
 * even asked about: the user is told instead. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const char * const refused[] = {
    "file:///etc/passwd", "smb://server/share/run.exe", "javascript:alert(1)",
    "data:text/html,<b>hello</b>", "vscode://file/etc/passwd", "HTTP:/\\evil.example",
    "  java\tscript:alert(1)",
  };
  const char *dir = g_getenv ("CPKIT_SCREENSHOT_DIR");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      activate (f, refused[i]);
      cp_test_flush_main_context ();
      g_assert_null (find_question ());
      if (i == 0)
        g_assert_true (cp_test_wait_until (refused_toast_shown, f->window));
    }

  if (dir != NULL)
    {
      g_autofree char *shot = g_build_filename (dir, "link-refused.png", NULL);

      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      cp_test_save_screenshot (GTK_WIDGET (f->window), shot);
    }
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CpPdfDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = cp_pdf_document_new_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
document_opened (gpointer data)
{
  return *(CpPdfDocument **) data != NULL;
}

/* A document whose own title is a person's name prints as a neutral job: print queues
 * are seen by others. */
static void
test_print_job_name (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *job_name = NULL;
  CpPdfDocument *document = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 200, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Wilhelmina Canary");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  cp_pdf_document_new_for_file_async (file, NULL, NULL, opened_cb, &document);
  g_assert_true (cp_test_wait_until (document_opened, &document));
  g_assert_cmpstr (cp_pdf_document_get_title (document), ==, "Wilhelmina Canary");

  operation = cp_pdf_print_operation_new (document);
  g_object_get (operation, "job-name", &job_name, NULL);
  g_assert_cmpstr (job_name, ==, "Connecting People Kit document");

  g_object_unref (document);
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cp_test_ui_init (&argc, &argv);
  fx = cp_test_pdf_fixtures_new ();

#define ADD(path, func) \
  g_test_add ("/cp/pdf/leaving/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("web-link-names-host", test_web_link_names_host);
  ADD ("mail-link-names-address", test_mail_link_names_address);
  ADD ("refused", test_refused);
#undef ADD
  g_test_add_func ("/cp/pdf/leaving/print-job-name", test_print_job_name);

  status = g_test_run ();
  cp_test_pdf_fixtures_free (fx);
  cp_pdf_document_shutdown ();
  return status;
}
