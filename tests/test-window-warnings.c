/* test-window-warnings.c: what the open found about the workspace's files (a folder
 * others can list, a file they could read, a second name, recent changes that could not
 * be read) is shown in a banner; a store that goes read-only says so
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-window-warnings"

#include <unistd.h>
#include <glib/gstdio.h>

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "people/cp-people-page.h"

typedef struct
{
  char     *dir;
  char     *path;
  CpStore  *store;
  CpWindow *window;
} Fixture;

/* A workspace with one person, closed again, in a private folder. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const people[] = { "Robin", NULL };

  f->dir = cp_test_make_tmpdir ();
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  f->path = cp_test_make_workspace (f->dir, "team.cpkit", people);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  cp_test_flush_main_context ();
  g_clear_object (&f->store);
  cp_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Opens the workspace as the app does and shows its window. */
static void
show_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  f->window = cp_window_new (NULL, f->store, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static gboolean
banner_shown (Fixture *f)
{
  return gtk_widget_is_visible (GTK_WIDGET (f->window->warning_revealer)) &&
         gtk_revealer_get_reveal_child (f->window->warning_revealer);
}

/* The banner's text, as the user reads it. */
static const char *
banner_text (Fixture *f)
{
  return gtk_label_get_label (f->window->warning_label);
}

/* A workspace in a private folder with one name: nothing to say. */
static void
test_none (Fixture       *f,
           gconstpointer  data)
{
  show_window (f);
  g_assert_cmpint (cp_store_get_warnings (f->store), ==, CP_STORE_WARNING_NONE);
  g_assert_false (banner_shown (f));
}

/* A folder other users can list: the banner says so, in the store's words, until it is
 * dismissed; the person's view never shows it. */
static void
test_folder_shared (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(GStrv) messages = NULL;
  g_autoptr(CpPerson) robin = NULL;

  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  show_window (f);
  messages = cp_store_dup_warning_messages (f->store);
  g_assert_cmpuint (g_strv_length (messages), ==, 1);
  g_assert_true (banner_shown (f));
  g_assert_cmpstr (banner_text (f), ==, messages[0]);
  g_assert_nonnull (strstr (banner_text (f), "can see the folder"));
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL,
                                         messages[0]));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "window-warning-folder.png");

  /* Facing the person: the practitioner's banners go. */
  robin = cp_test_dup_person (f->store, "Robin");
  cp_people_page_open_person (CP_PEOPLE_PAGE (f->window->people_page), robin);
  cp_test_flush_main_context ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.with-person", NULL);
  g_assert_true (_cp_window_get_with_person (f->window));
  g_assert_false (banner_shown (f));
  _cp_window_leave_with_person (f->window);
  g_assert_true (banner_shown (f));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.dismiss-warnings", NULL);
  g_assert_false (banner_shown (f));
}

/* A workspace copied in open to everyone (0644) in a folder everyone can list: the
 * file is the user's alone once opened, and the banner says both what was and what is. */
static void
test_file_shared (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  show_window (f);

  g_assert_cmpuint (cp_test_file_mode (f->path), ==, 0600);
  g_assert_true (banner_shown (f));
  lines = g_strsplit (banner_text (f), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "can see the folder"));
  g_assert_nonnull (strstr (lines[1], "could read this workspace file"));
  g_assert_nonnull (strstr (lines[1], "private to you now"));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "window-warning-file.png");

  /* Opened again, nothing is open to others any more but the folder. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_clear_object (&f->store);
  cp_test_flush_main_context ();
  show_window (f);
  g_assert_cmpstr (banner_text (f), ==,
                   "Other people who use this computer can see the folder this workspace "
                   "is in. Keep it in a private folder.");
}

/* A second name for the file (a hard link), and recent changes that could not be read:
 * one sentence each, every one shown. */
static void
test_several (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *second = g_build_filename (f->dir, "second.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (link (f->path, second), ==, 0);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_warnings (f->store), ==, CP_STORE_WARNING_HARD_LINKED);
  /* Only a read-only open in a folder no one may write finds this one (the store's
   * tests make it); the window shows whatever the store found. */
  f->store->warnings |= CP_STORE_WARNING_RECENT_UNREADABLE;
  f->window = cp_window_new (NULL, f->store, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_true (banner_shown (f));
  lines = g_strsplit (banner_text (f), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "Recent changes"));
  g_assert_nonnull (strstr (lines[1], "more than one name"));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "window-warning-several.png");
}

/* The store goes on read-only when its file cannot be written again (after a failed
 * sync): the read-only banner comes, and undo goes. */
static void
test_goes_read_only (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CpPerson) robin = NULL;
  g_autoptr(GError) error = NULL;

  show_window (f);
  robin = cp_test_dup_person (f->store, "Robin");
  g_assert_true (cp_store_rename_person (f->store, cp_person_get_id (robin), "Rob", &error));
  g_assert_no_error (error);
  g_assert_false (gtk_revealer_get_reveal_child (f->window->read_only_revealer));

  f->store->read_only = TRUE;
  _cp_store_notify_read_only (f->store);
  g_assert_true (gtk_revealer_get_reveal_child (f->window->read_only_revealer));
  /* Undo is off: Ctrl+Z does nothing, and says nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpstr (cp_person_get_name (robin), ==, "Rob");
  g_assert_true (cp_store_can_undo (f->store));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/cp/app/warnings/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("none", test_none);
  ADD ("folder-shared", test_folder_shared);
  ADD ("file-shared", test_file_shared);
  ADD ("several", test_several);
  ADD ("goes-read-only", test_goes_read_only);
#undef ADD

  return g_test_run ();
}
