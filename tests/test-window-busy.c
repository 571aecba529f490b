/* test-window-busy.c: file work runs in workers while the window stays usable: a banner
 * says what is going on once it takes a while, a restore holds the edits back, and a
 * damaged workspace still gets its dialog (never a window)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-window-busy"

#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "app/cp-application.h"
#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "people/cp-people-page-private.h"
#include "store/cp-store-async.h"

/* Slower than the banner's 200 ms, as a large file on a slow disk would be. */
#define SLOW_MS 700

typedef struct
{
  char     *dir;
  char     *path;
  CpStore  *store;
  CpWindow *window;
  guint     ticks;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cp_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "team.cpkit", NULL);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_add_person (f->store, "Alex", &error), >, 0);
  f->window = cp_window_new (NULL, f->store, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  _cp_store_async_set_delay_for_testing (0);
  for (GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  cp_test_flush_main_context ();
  g_clear_object (&f->store);
  cp_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
tick_cb (gpointer data)
{
  ((Fixture *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

/* TRUE when activating @action on the window opened a window (a list, a chooser). */
static gboolean
action_opens_window (Fixture    *f,
                     const char *action)
{
  GList *before = gtk_window_list_toplevels ();
  GList *after;
  gboolean opened;

  gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL);
  cp_test_flush_main_context ();
  after = gtk_window_list_toplevels ();
  opened = g_list_length (after) > g_list_length (before);
  for (GList *l = after; l; l = l->next)
    if (g_list_find (before, l->data) == NULL)
      gtk_window_destroy (l->data);
  g_list_free (before);
  g_list_free (after);
  cp_test_flush_main_context ();
  return opened;
}

static gboolean
banner_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_revealer_get_reveal_child (f->window->busy_revealer);
}

static gboolean
banner_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (((Fixture *) data)->window->busy_revealer);
}

static gboolean
not_busy (gpointer data)
{
  return !cp_window_get_busy (((Fixture *) data)->window);
}

static gboolean
label_shown (gpointer data)
{
  Fixture *f = data;

  return cp_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL,
                              g_object_get_data (G_OBJECT (f->window), "wanted")) != NULL;
}

static void
wait_for_label (Fixture    *f,
                const char *text)
{
  g_object_set_data_full (G_OBJECT (f->window), "wanted", g_strdup (text), g_free);
  g_assert_true (cp_test_wait_until (label_shown, f));
}

/* Save a Copy on a slow disk: the window keeps running its loop (a 10 ms timer keeps
 * firing), a banner says what is going on, the caseload can still be edited, and the
 * toast comes when the copy is there. Quick work shows no banner at all. */
static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.cpkit", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("CPKIT_SCREENSHOT_DIR");
  guint tick;

  _cp_store_async_set_delay_for_testing (SLOW_MS);
  tick = g_timeout_add (10, tick_cb, f);
  cp_window_save_copy_to (f->window, copy);
  g_assert_true (cp_window_get_busy (f->window));
  /* Not at once: only once it takes a while. */
  g_assert_false (gtk_revealer_get_reveal_child (f->window->busy_revealer));
  g_assert_true (cp_test_wait_until (banner_shown, f));
  g_assert_cmpstr (gtk_label_get_label (f->window->busy_label), ==,
                   "Saving a copy of the workspace…");
  /* The loop kept running meanwhile (a few times even under the sanitizers). */
  g_assert_cmpuint (f->ticks, >=, 2);

  /* Edits go on meanwhile. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window->section_stack)));
  g_assert_cmpint (cp_store_add_person (f->store, "Added meanwhile", &error), >, 0);
  g_assert_no_error (error);
  /* But no restore under a file that is being read. */
  g_assert_false (action_opens_window (f, "win.restore-backup"));

  if (dir != NULL)
    {
      g_autofree char *shot = g_build_filename (dir, "busy-banner.png", NULL);

      g_assert_true (cp_test_wait_until (banner_revealed, f));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      cp_test_save_screenshot (GTK_WIDGET (f->window), shot);
    }

  g_assert_true (cp_test_wait_until (not_busy, f));
  wait_for_label (f, "Copy of the workspace saved");
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->busy_revealer));
  g_source_remove (tick);

  /* Quick work: done before the banner would show. */
  _cp_store_async_set_delay_for_testing (0);
  g_remove (copy_path);
  cp_window_save_copy_to (f->window, copy);
  g_assert_true (cp_test_wait_until (not_busy, f));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->busy_revealer));
}

/* Exclusive work (a restore) holds every edit back, and gives them back after. */
static void
test_exclusive_blocks_edits (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = g_list_model_get_item (cp_store_get_people (f->store), 0);
  guint busy;

  g_assert_true (cp_store_rename_person (f->store, cp_person_get_id (person), "Renamed",
                                         &error));
  cp_test_flush_main_context ();
  g_assert_true (cp_store_can_undo (f->store));

  busy = _cp_window_begin_busy (f->window, "Restoring the backup…", TRUE);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (f->window->section_stack)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpstr (cp_person_get_name (person), ==, "Renamed");
  g_assert_false (action_opens_window (f, "win.save-copy"));
  g_assert_false (action_opens_window (f, "win.restore-backup"));
  cp_people_page_open_person (CP_PEOPLE_PAGE (f->window->people_page), person);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.with-person", NULL);
  cp_test_flush_main_context ();
  g_assert_false (_cp_window_get_with_person (f->window));
  /* The sidebar and its menu stay: the window is usable, only edits wait. */
  g_assert_true (gtk_widget_is_sensitive (f->window->sidebar));
  _cp_window_end_busy (f->window, busy);

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window->section_stack)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpstr (cp_person_get_name (person), ==, "Alex");
}

static gboolean
restored (gpointer data)
{
  Fixture *f = data;
  CpPerson *person = g_list_model_get_n_items (cp_store_get_people (f->store)) > 0
                     ? g_list_model_get_item (cp_store_get_people (f->store), 0) : NULL;
  gboolean done = person != NULL && g_strcmp0 (cp_person_get_name (person), "Alex") == 0;

  g_clear_object (&person);
  return done && !cp_window_get_busy (f->window);
}

static gboolean
backed_up (gpointer data)
{
  Fixture *f = data;
  g_auto(GStrv) backups = cp_store_list_backups (f->store);

  return g_strv_length (backups) == 1 && !cp_window_get_busy (f->window);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Today's backup reads the whole file: a window just shown takes it once it has drawn a
 * frame, and one comes even when nothing on the window changes. A window not shown takes
 * it at once. */
static void
test_daily_backup_after_frame (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(GStrv) none = cp_store_list_backups (f->store);
  CpWindow *hidden;

  g_assert_cmpuint (g_strv_length (none), ==, 0);
  cp_window_take_daily_backup (f->window, 7);
  g_assert_false (cp_window_get_busy (f->window));
  g_assert_true (cp_test_wait_until (backed_up, f));

  hidden = cp_window_new (NULL, f->store, FALSE);
  g_object_add_weak_pointer (G_OBJECT (hidden), (gpointer *) &hidden);
  cp_window_take_daily_backup (hidden, 7);
  g_assert_true (cp_window_get_busy (hidden));
  gtk_window_destroy (GTK_WINDOW (hidden));
  /* The backup goes on without the window, which it holds until it is done: the folder
   * must not be taken from under it (a worker that outlived the test once failed in the
   * next one). */
  g_assert_true (cp_test_wait_until (pointer_cleared, &hidden));
}

/* The whole restore through the window's action: edits are held back while it runs
 * (and undo too), the banner says so, and the workspace comes back as the backup was. */
static void
test_restore_through_window (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = g_list_model_get_item (cp_store_get_people (f->store), 0);
  g_auto(GStrv) backups = NULL;
  GtkWidget *confirm;

  g_assert_true (cp_store_backup_daily (f->store, &error));
  g_assert_true (cp_store_rename_person (f->store, cp_person_get_id (person), "Renamed",
                                         &error));
  backups = cp_store_list_backups (f->store);

  _cp_store_async_set_delay_for_testing (SLOW_MS);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore-backup", NULL);
  cp_test_flush_main_context ();
  {
    GList *toplevels = gtk_window_list_toplevels ();
    GtkWidget *row = NULL;

    for (GList *l = toplevels; l && row == NULL; l = l->next)
      if (ADW_IS_PREFERENCES_WINDOW (l->data))
        row = cp_test_find_widget (l->data, ADW_TYPE_ACTION_ROW, NULL);
    g_list_free (toplevels);
    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
  }
  cp_test_flush_main_context ();
  confirm = NULL;
  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        confirm = l->data;
    g_list_free (toplevels);
  }
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "restore");
  gtk_window_destroy (GTK_WINDOW (confirm));

  g_assert_true (cp_window_get_busy (f->window));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (f->window->section_stack)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (cp_test_wait_until (banner_shown, f));
  g_assert_cmpstr (gtk_label_get_label (f->window->busy_label), ==, "Restoring the backup…");

  g_assert_true (cp_test_wait_until (restored, f));
  wait_for_label (f, "Workspace restored from the backup");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window->section_stack)));
  g_assert_false (cp_store_can_undo (f->store));
  g_assert_nonnull (backups[0]);
}

/* The subject-access report is written in a worker, with the banner. */
static void
test_subject_access (Fixture       *f,
                     gconstpointer  data)
{
  /* Reached through the page's worker job: the report exists and the toast says so. */
  g_autofree char *pdf = g_build_filename (f->dir, "subject-access-record-1.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  CpPeoplePage *page = CP_PEOPLE_PAGE (f->window->people_page);
  g_autoptr(CpPerson) person = g_list_model_get_item (cp_store_get_people (f->store), 0);

  /* The person is shown first (their tabs are made then), as a user would see them. */
  cp_people_page_open_person (page, person);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  _cp_store_async_set_delay_for_testing (SLOW_MS);
  _cp_people_page_subject_access_to (page, file);
  g_assert_true (cp_window_get_busy (f->window));
  g_assert_true (cp_test_wait_until (banner_shown, f));
  g_assert_cmpstr (gtk_label_get_label (f->window->busy_label), ==,
                   "Writing everything held about the person…");
  g_assert_true (cp_test_wait_until (not_busy, f));
  wait_for_label (f, "Saved. Check the [REDACT: …] marks before you send it.");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GtkApplication *app;
  const char     *heading;
} AppLook;

static gboolean
dialog_up (gpointer data)
{
  AppLook *look = data;
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), look->heading) == 0)
      found = TRUE;
  g_list_free (toplevels);
  return found;
}

static CpWindow *
find_window (AppLook *look)
{
  for (GList *l = gtk_application_get_windows (look->app); l; l = l->next)
    if (CP_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
window_up (gpointer data)
{
  return find_window (data) != NULL;
}

/* The window is there and its daily backup, taken in a worker, is done. */
static gboolean
window_settled (gpointer data)
{
  CpWindow *window = find_window (data);

  return window != NULL && !cp_window_get_busy (window);
}

/* The waiting window is a plain AdwWindow: every other window of the app has a type of
 * its own. */
static void
count_waiting_windows_cb (GListModel *toplevels,
                          guint       position,
                          guint       removed,
                          guint       added,
                          guint      *count)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_OBJECT_TYPE (window) == ADW_TYPE_WINDOW)
        (*count)++;
    }
}

/* The app opens workspaces in a worker, and the check still decides: a damaged one gets
 * the same dialog and no window; a good one gets its window. */
static void
test_app_open (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "damaged.cpkit", NULL);
  g_autofree char *good = g_build_filename (dir, "good.cpkit", NULL);
  g_autoptr(CpApplication) app = cp_application_new ();
  g_autoptr(GError) error = NULL;
  AppLook look = { GTK_APPLICATION (app), "Workspace Is Damaged" };
  g_autofree char *junk = NULL;
  guint waiting_windows = 0;
  sqlite3 *db;
  int page_size, root, fd;

  {
    g_autoptr(CpStore) store = cp_store_open (bad, CP_STORE_OPEN_NO_BACKUP, &error);

    g_assert_no_error (error);
    for (int i = 0; i < 50; i++)
      g_assert_cmpint (cp_store_add_person (store, "Someone", &error), >, 0);
    cp_store_close (store);
  }
  g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
  page_size = 4096;
  sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  {
    sqlite3_stmt *stmt;

    sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_master WHERE name = 'person'", -1,
                        &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    root = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    page_size = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  junk = g_strnfill (page_size, (char) 0xa5);
  fd = g_open (bad, O_WRONLY, 0);
  g_assert_cmpint (pwrite (fd, junk, page_size, (off_t) (root - 1) * page_size), ==, page_size);
  close (fd);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE
                           | G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  cp_application_open_workspace (app, bad, FALSE);
  g_assert_true (cp_test_wait_until (dialog_up, &look));
  g_assert_false (window_up (&look));

  /* As at start-up on a slow machine: the worker opens the workspace while this thread
   * is busy (starting GTK) for longer than the app waits before it shows "Opening…".
   * The window comes straight away, with no waiting window shown and gone first. */
  g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                    G_CALLBACK (count_waiting_windows_cb), &waiting_windows);
  cp_application_open_workspace (app, good, FALSE);
  g_usleep (G_USEC_PER_SEC);
  g_assert_true (cp_test_wait_until (window_up, &look));
  g_signal_handlers_disconnect_by_func (gtk_window_get_toplevels (),
                                        count_waiting_windows_cb, &waiting_windows);
  g_assert_cmpuint (waiting_windows, ==, 0);
  /* No worker may still be writing the backup when the folder goes. */
  g_assert_true (cp_test_wait_until (window_settled, &look));

  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l; l = l->next)
      gtk_window_destroy (l->data);
    g_list_free (toplevels);
  }
  cp_test_flush_main_context ();
  g_clear_object (&app);
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/cp/app/busy/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("save-copy", test_save_copy);
  ADD ("exclusive-blocks-edits", test_exclusive_blocks_edits);
  ADD ("restore-through-window", test_restore_through_window);
  ADD ("subject-access", test_subject_access);
  ADD ("daily-backup-after-frame", test_daily_backup_after_frame);
#undef ADD
  g_test_add_func ("/cp/app/busy/app-open", test_app_open);

  return g_test_run ();
}
