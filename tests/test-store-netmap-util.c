/* test-store-netmap-util.c: the workspace the map store tests share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-netmap-util"

#include <string.h>

#include "test-store-netmap-util.h"
#include "util/cp-date.h"

static void
on_changed (CpStore            *store,
            const char * const *tables,
            NetmapFixture      *f)
{
  f->n_changed++;
  g_strfreev (f->last_tables);
  f->last_tables = g_strdupv ((GStrv) tables);
}

void
netmap_fixture_set_up (NetmapFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  cp_date_set_today_for_testing (NETMAP_TODAY);
  f->dir = cp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "maps.cpkit", NULL);
  f->store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  f->person = cp_store_add_person (f->store, "Robin", &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

void
netmap_fixture_tear_down (NetmapFixture *f,
                          gconstpointer  data)
{
  g_clear_object (&f->store);
  cp_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->last_tables, g_strfreev);
  g_clear_pointer (&f->dump_undo_label, g_free);
  cp_date_set_today_for_testing (NULL);
}

char *
netmap_fixture_dump (NetmapFixture *f)
{
  f->dump_n_changed = f->n_changed;
  g_free (f->dump_undo_label);
  f->dump_undo_label = g_strdup (cp_store_get_undo_label (f->store));

  return cp_test_db_dump (_cp_store_get_db (f->store));
}

void
netmap_fixture_assert_changed (NetmapFixture *f,
                               const char    *table)
{
  if (f->last_tables == NULL || !g_strv_contains ((const char * const *) f->last_tables, table))
    g_error ("the last ::changed did not name %s", table);
}

void
netmap_fixture_assert_refused (NetmapFixture *f,
                               const GError  *error,
                               const char    *before,
                               const char    *says)
{
  static const char *sql_words[] = { "CHECK", "constraint failed", "member.", "snapshot.",
                                     "SQL", "NULL" };
  g_autofree char *after = NULL;

  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  if (strstr (error->message, says) == NULL)
    g_error ("the message \"%s\" does not say \"%s\"", error->message, says);
  for (guint i = 0; i < G_N_ELEMENTS (sql_words); i++)
    if (strstr (error->message, sql_words[i]) != NULL)
      g_error ("the message \"%s\" shows \"%s\"", error->message, sql_words[i]);

  after = cp_test_db_dump (_cp_store_get_db (f->store));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (f->n_changed, ==, f->dump_n_changed);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, f->dump_undo_label);
}

void
netmap_fixture_assert_round_trip (NetmapFixture *f,
                                  const char    *label,
                                  const char    *table,
                                  const char    *before)
{
  g_autofree char *after = cp_test_db_dump (_cp_store_get_db (f->store));
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (after, !=, before);
  g_assert_cmpuint (f->n_changed, ==, f->dump_n_changed + 1);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, label);
  netmap_fixture_assert_changed (f, table);

  netmap_fixture_undo (f);
  undone = cp_test_db_dump (_cp_store_get_db (f->store));
  g_assert_cmpstr (undone, ==, before);
  netmap_fixture_assert_changed (f, table);

  netmap_fixture_redo (f);
  redone = cp_test_db_dump (_cp_store_get_db (f->store));
  g_assert_cmpstr (redone, ==, after);
}

void
netmap_fixture_undo (NetmapFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_no_error (error);
}

void
netmap_fixture_redo (NetmapFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_store_redo (f->store, &error));
  g_assert_no_error (error);
}
