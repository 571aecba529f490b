/* test-autosave.c: typing is saved on a pause, as one edit per burst of typing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-autosave"

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "people/cp-people-page.h"
#include "store/cp-store.h"

typedef struct
{
  CpStore    *store;
  gint64      id;
  const char *name;
} NameLookup;

static gboolean
name_saved (gpointer data)
{
  NameLookup *l = data;

  return g_strcmp0 (cp_person_get_name (cp_store_find_person (l->store, l->id)), l->name) == 0;
}

/* Keys typed in a burst are not saved one by one; the pause saves them, without anything
 * else happening, and one undo takes the whole burst back. */
static void
test_name_saved_on_pause (void)
{
  g_autoptr(GError) error = NULL;
  CpTestWindow f = { 0 };
  NameLookup saved = { NULL, 0, "ABXYZ" };
  CpStore *store;
  CpWindow *window;
  GtkWidget *name_row;

  cp_test_workspace_init (&f.ws, "autosave.cpkit");
  store = saved.store = f.ws.store;
  saved.id = cp_test_add_person (store, "AB");
  cp_test_window_present (&f, FALSE);
  window = f.window;
  cp_people_page_open_person (CP_PEOPLE_PAGE (window->people_page),
                              cp_store_find_person (store, saved.id));
  /* The record is the Details tab (Ctrl+5). */
  g_assert_true (gtk_widget_activate_action (window->people_page, "person.tab", "i", 4));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  name_row = cp_test_find_widget (window->people_page, ADW_TYPE_ENTRY_ROW,
                                  "Preferred name or initials");
  g_assert_nonnull (name_row);

  /* Three keys in quick succession, each a change of the field. */
  gtk_widget_grab_focus (name_row);
  for (const char *key = "XYZ"; *key != '\0'; key++)
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (name_row));

      gtk_editable_insert_text (GTK_EDITABLE (name_row), key, 1, &position);
      gtk_editable_set_position (GTK_EDITABLE (name_row), position);
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "ABXYZ");
  /* Nothing is written per key… */
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (store, saved.id)), ==, "AB");
  /* …the pause saves the burst, with nothing else done. */
  g_assert_true (cp_test_wait_until (name_saved, &saved));

  g_assert_true (cp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (store, saved.id)), ==, "AB");

  cp_test_window_tear_down (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add_func ("/cp/app/autosave/name-saved-on-pause", test_name_saved_on_pause);

  return g_test_run ();
}
