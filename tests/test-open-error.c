/* test-open-error.c: every kind of bad workspace gets a dialog with the right choices,
 * and the file is left exactly as it was.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-open-error"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "app/cp-application-private.h"
#include "app/cp-open-error.h"
#include "app/cp-window-private.h"
#include "cp-fault-vfs.h"
#include "cp-test-ui.h"
#include "people/cp-people-page.h"

typedef struct
{
  char *dir;
  char *path;
  char *sha256;
  gint64 mtime;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 50; i++)
    g_ptr_array_add (people, g_strdup_printf ("Person %d", i));
  g_ptr_array_add (people, NULL);
  f->dir = cp_test_make_tmpdir ();
  f->path = cp_test_make_workspace (f->dir, "Team caseload.cpkit",
                                    (const char * const *) people->pdata);
  /* Opened as the app opens it: with today's backup. */
  store = cp_store_open (f->path, CP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cp_store_close (store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->path, 0600);
  cp_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_free (f->sha256);
}

static void
remember_file (Fixture *f)
{
  g_free (f->sha256);
  f->sha256 = cp_test_sha256 (f->path);
  f->mtime = cp_test_mtime_usec (f->path);
}

static void
assert_file_unchanged (Fixture *f)
{
  g_autofree char *now = cp_test_sha256 (f->path);

  g_assert_cmpstr (now, ==, f->sha256);
  g_assert_cmpint (cp_test_mtime_usec (f->path), ==, f->mtime);
}

/* Opens the file as the app would and returns the dialog it would show. */
static AdwMessageDialog *
dialog_for (Fixture      *f,
            CpStoreError  expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) backups = cp_store_list_backups_for_path (f->path);
  CpStore *store = cp_store_open (f->path, CP_STORE_OPEN_DEFAULT, &error);
  AdwMessageDialog *dialog;

  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, (int) expected);
  dialog = cp_open_error_dialog_new (NULL, f->path, error, backups ? backups[0] : NULL);
  /* The message names the workspace, never a person. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Team caseload"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "Person "));
  g_assert_true (adw_message_dialog_has_response (dialog, CP_OPEN_RESPONSE_CLOSE));
  g_assert_true (adw_message_dialog_has_response (dialog, CP_OPEN_RESPONSE_OTHER));
  return dialog;
}

/* A read-only window: the banner says so and nothing offers to change the file. */
static void
assert_read_only_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  CpWindow *window;

  g_assert_no_error (error);
  g_assert_true (cp_store_get_read_only (store));
  window = cp_window_new (NULL, store, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->read_only_revealer));
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                         "Read-only — changes cannot be saved here"));
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Person 0"));
  gtk_widget_activate_action (window->people_page, "people.add", NULL);
  cp_test_flush_main_context ();
  g_assert_null (cp_test_find_widget (window->people_page, GTK_TYPE_POPOVER, NULL));
  g_assert_cmpint (cp_store_add_person (store, "Not saved", &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  gtk_window_destroy (GTK_WINDOW (window));
  cp_test_flush_main_context ();
  cp_store_close (store);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) holder = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_autoptr(AdwMessageDialog) dialog = NULL;

  g_assert_no_error (error);
  remember_file (f);
  dialog = g_object_ref_sink (dialog_for (f, CP_STORE_ERROR_LOCKED));
  g_assert_true (adw_message_dialog_has_response (dialog, CP_OPEN_RESPONSE_READ_ONLY));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==,
                   CP_OPEN_RESPONSE_READ_ONLY);
  assert_read_only_window (f);
  assert_file_unchanged (f);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AdwMessageDialog) dialog = NULL;

  /* Root can write through 0444, so the mode bits must decide. */
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  remember_file (f);
  dialog = g_object_ref_sink (dialog_for (f, CP_STORE_ERROR_READ_ONLY));
  g_assert_true (adw_message_dialog_has_response (dialog, CP_OPEN_RESPONSE_READ_ONLY));
  assert_read_only_window (f);
  assert_file_unchanged (f);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AdwMessageDialog) dialog = NULL;

  cp_test_db_scribble (f->path, "person");
  remember_file (f);

  dialog = g_object_ref_sink (dialog_for (f, CP_STORE_ERROR_CORRUPT));
  /* The way out is yesterday's copy, opened read-only; the damaged file is kept. */
  g_assert_true (adw_message_dialog_has_response (dialog, CP_OPEN_RESPONSE_BACKUP));
  g_assert_false (adw_message_dialog_has_response (dialog, CP_OPEN_RESPONSE_READ_ONLY));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, CP_OPEN_RESPONSE_BACKUP);
  assert_file_unchanged (f);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_not_a_workspace (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AdwMessageDialog) text_dialog = NULL;
  g_autoptr(AdwMessageDialog) empty_dialog = NULL;

  g_assert_true (g_file_set_contents (f->path, "name,notes\nJo,hello\n", -1, NULL));
  remember_file (f);
  text_dialog = g_object_ref_sink (dialog_for (f, CP_STORE_ERROR_NOT_SQLITE));
  g_assert_false (adw_message_dialog_has_response (text_dialog, CP_OPEN_RESPONSE_READ_ONLY));
  assert_file_unchanged (f);

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  remember_file (f);
  empty_dialog = g_object_ref_sink (dialog_for (f, CP_STORE_ERROR_NOT_SQLITE));
  assert_file_unchanged (f);
  gtk_window_destroy (GTK_WINDOW (text_dialog));
  gtk_window_destroy (GTK_WINDOW (empty_dialog));
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AdwMessageDialog) dialog = NULL;
  sqlite3 *db = cp_test_db_open_raw (f->path);

  cp_test_db_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);
  remember_file (f);
  dialog = g_object_ref_sink (dialog_for (f, CP_STORE_ERROR_TOO_NEW));
  g_assert_false (adw_message_dialog_has_response (dialog, CP_OPEN_RESPONSE_READ_ONLY));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer version"));
  assert_file_unchanged (f);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
toast_shown (gpointer data)
{
  return cp_test_find_widget (data, GTK_TYPE_LABEL,
                              "Not saved: The disk is full or could not be written. "
                              "The change was not saved.") != NULL;
}

/* A full disk while typing: the user is told it was not saved, the page shows what is
 * really in the workspace, and the file stays valid. */
static void
test_disk_full_while_editing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  CpWindow *window;
  GtkWidget *name_row;
  gint64 id;

  g_assert_no_error (error);
  id = cp_store_add_person (store, "AB", &error);
  g_assert_cmpint (id, >, 0);
  window = cp_window_new (NULL, store, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  cp_people_page_open_person (CP_PEOPLE_PAGE (window->people_page),
                              cp_store_find_person (store, id));
  /* The record is the Details tab (Ctrl+5). */
  g_assert_true (gtk_widget_activate_action (window->people_page, "person.tab", "i", 4));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  name_row = cp_test_find_widget (window->people_page, ADW_TYPE_ENTRY_ROW,
                                  "Preferred name or initials");
  g_assert_nonnull (name_row);

  cp_fault_vfs_arm (CP_FAULT_WRITE, 1, SQLITE_FULL, TRUE);
  cp_test_type_text (GTK_EDITABLE (name_row), "C");
  g_signal_emit_by_name (window->people_page, "flush");
  g_assert_true (cp_fault_vfs_fired ());
  g_assert_true (cp_test_wait_until (toast_shown, window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "AB");
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (store, id)), ==, "AB");

  /* Room again: the next edit is saved. */
  cp_fault_vfs_disarm ();
  cp_test_type_text (GTK_EDITABLE (name_row), "D");
  g_signal_emit_by_name (window->people_page, "flush");
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (store, id)), ==, "ABD");

  gtk_window_destroy (GTK_WINDOW (window));
  cp_test_flush_main_context ();
  cp_store_close (store);
  {
    sqlite3 *db = cp_test_db_open_raw (f->path);

    g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person WHERE name = 'ABD'"), ==, 1);
    sqlite3_close (db);
  }
}

/* The workspace a launch opens while GTK starts: only when the arguments make it
 * certain, so no other launch opens (or locks) a workspace it was not asked for. */
static void
test_early_path (void)
{
  g_autofree char *own = cp_store_dup_default_path ();
  g_autofree char *practice_path = cp_store_dup_practice_path ();
  g_autoptr(GError) error = NULL;
  const char * const never[][5] = {
    { "cpkit", "--version", NULL }, { "cpkit", "--help", NULL },
    { "cpkit", "--workspace", "missing.cpkit", NULL }, { "cpkit", "other.cpkit", NULL },
    { "cpkit", "--workspace", "other.cpkit", "a.pdf" },
    { "cpkit", "from-supervisor.cpkpack", NULL }, { "cpkit", "reply.cpkreply", NULL },
    { "cpkit", "a.pdf", "b.pdf", NULL }, { "cpkit", "--practice", "a.pdf", NULL },
    { "cpkit", "-h", NULL },
  };
  gboolean practice = TRUE;
  char *path;

  path = _cp_application_early_path ((const char * const[]) { "cpkit", NULL }, &practice);
  g_assert_cmpstr (path, ==, own);
  g_assert_false (practice);
  g_free (path);
  path = _cp_application_early_path ((const char * const[]) { "cpkit", "Manual.PDF", NULL },
                                     &practice);
  g_assert_cmpstr (path, ==, own);
  g_free (path);

  /* The practice workspace only once it is there: a new one is made as before. */
  g_assert_null (_cp_application_early_path ((const char * const[]) { "cpkit", "--practice",
                                                                      NULL }, &practice));
  g_assert_true (cp_store_create_practice (practice_path, &error));
  g_assert_no_error (error);
  path = _cp_application_early_path ((const char * const[]) { "cpkit", "--practice", NULL },
                                     &practice);
  g_assert_cmpstr (path, ==, practice_path);
  g_assert_true (practice);
  g_free (path);

  /* A workspace that is there, by the path the command line makes of it: relative to
   * where the app was started. */
  {
    g_autofree char *dir = cp_test_make_tmpdir ();
    g_autofree char *here = g_get_current_dir ();
    g_autofree char *want = cp_test_make_workspace (dir, "other.cpkit",
                                                    (const char * const[]) { NULL });

    g_assert_cmpint (g_chdir (dir), ==, 0);
    path = _cp_application_early_path ((const char * const[]) { "cpkit", "--workspace",
                                                                "other.cpkit", NULL },
                                       &practice);
    g_assert_cmpint (g_chdir (here), ==, 0);
    g_assert_cmpstr (path, ==, want);
    g_assert_false (practice);
    g_free (path);
    cp_test_rm_rf (dir);
  }

  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    g_assert_null (_cp_application_early_path (never[i], &practice));
}

/* GTK starts without GL unless the user steers it (GSK_RENDERER, GDK_DEBUG); once it has
 * started, programs the app opens get the user's environment back. */
static void
test_without_gl (void)
{
  g_autofree char *renderer = g_strdup (g_getenv ("GSK_RENDERER"));
  g_autofree char *debug = g_strdup (g_getenv ("GDK_DEBUG"));
  GObject *display = G_OBJECT (gdk_display_get_default ());

  g_assert_true (_cp_application_skips_gl (NULL, NULL));
  g_assert_true (_cp_application_skips_gl ("", ""));
  g_assert_true (_cp_application_skips_gl ("Cairo", NULL));
  g_assert_false (_cp_application_skips_gl ("gl", NULL));
  g_assert_false (_cp_application_skips_gl ("vulkan", NULL));
  g_assert_false (_cp_application_skips_gl (NULL, "interactive"));

  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  g_assert_true (_cp_application_start_gtk_without_gl ());
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
  _cp_application_draw_without_gl ();
  g_assert_null (g_getenv ("GDK_DEBUG"));
  g_assert_cmpstr (g_object_get_data (display, "gsk-renderer"), ==, "cairo");
  g_object_set_data (display, "gsk-renderer", NULL);

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_false (_cp_application_start_gtk_without_gl ());
  g_assert_null (g_getenv ("GDK_DEBUG"));

  /* As the test found them. */
  g_unsetenv ("GSK_RENDERER");
  if (renderer != NULL)
    g_setenv ("GSK_RENDERER", renderer, TRUE);
  if (debug != NULL)
    g_setenv ("GDK_DEBUG", debug, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  cp_fault_vfs_install ();

#define ADD(name, func) \
  g_test_add ("/cp/app/open-error/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("locked", test_locked);
  ADD ("read-only-file", test_read_only_file);
  ADD ("corrupt", test_corrupt);
  ADD ("not-a-workspace", test_not_a_workspace);
  ADD ("disk-full-while-editing", test_disk_full_while_editing);
  ADD ("too-new", test_too_new);
#undef ADD
  g_test_add_func ("/cp/app/open-error/early-path", test_early_path);
  g_test_add_func ("/cp/app/open-error/without-gl", test_without_gl);

  return g_test_run ();
}
