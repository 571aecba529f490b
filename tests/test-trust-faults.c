/* test-trust-faults.c: a write or sync that fails part-way, and a full disk
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-trust-faults"

#include <string.h>

#include "cp-fault-vfs.h"
#include "cp-test-util.h"

/* Every connection of this process goes through the fault VFS (tests/cp-fault-vfs.c),
 * which fails the Nth xWrite or xSync. For N = 1, 2, … until the edit no longer hits
 * the fault: the edit fails with FULL and a plain message, the people model and the undo
 * history show the last committed state, and the file, reopened through the plain
 * "unix" VFS, passes integrity_check and holds exactly what was committed before. */

#define FULL_MESSAGE "The disk is full or could not be written. The change was not saved."

typedef enum
{
  EDIT_NOTES,    /* a long note: many pages in one transaction */
  EDIT_DELETE,   /* delete a person with a map: a cascade */
  EDIT_UNDO,     /* undo the long note */
} EditKind;

typedef struct
{
  CpFaultKind kind;
  int         rc;
  gboolean    sticky;
  EditKind    edit;
} Case;

static char *
model_names (CpStore *store)
{
  GListModel *people = cp_store_get_people (store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) p = g_list_model_get_item (people, i);

      g_string_append_printf (out, "%s|%s;", cp_person_get_name (p), cp_person_get_notes (p));
    }

  return g_string_free (out, FALSE);
}

static gint64
fill (CpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = g_strnfill (48 * 1024, 'n');
  gint64 id;
  gint64 mapped;
  g_autofree char *sql = NULL;

  id = cp_store_add_person (store, "Anna", &error);
  g_assert_no_error (error);
  mapped = cp_store_add_person (store, "Bilal", &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_set_person_case_ref (store, id, "REF-1", &error));
  g_assert_no_error (error);

  /* Bilal has a map, so deleting him cascades (written outside the store's API). */
  sql = g_strdup_printf ("INSERT INTO snapshot (id, person_id, label, taken_on, created_at, "
                         "updated_at) VALUES (1, %" G_GINT64_FORMAT ", 'Baseline', "
                         "'2026-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                         "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 "
                         "FROM n WHERE value < 60) "
                         "INSERT INTO member (snapshot_id, lineage, name, sector, ring, "
                         "added_on, notes, created_at, updated_at) "
                         "SELECT 1, value, 'M' || value, 'family', 2, '2026-01-01', "
                         "printf('%%.300c', 'm'), '2026-01-01T00:00:00Z', "
                         "'2026-01-01T00:00:00Z' FROM n",
                         mapped);
  cp_test_db_exec (_cp_store_get_db (store), sql);

  g_assert_true (cp_store_set_person_notes (store, id, notes, &error));
  g_assert_no_error (error);

  return id;
}

static gboolean
do_edit (CpStore   *store,
         EditKind   edit,
         gint64     id,
         GError   **error)
{
  g_autofree char *notes = g_strnfill (64 * 1024, 'z');

  switch (edit)
    {
    case EDIT_NOTES:
      return cp_store_set_person_notes (store, id, notes, error);
    case EDIT_DELETE:
      return cp_store_delete_person (store, id + 1, error);
    case EDIT_UNDO:
      return cp_store_undo (store, error);
    default:
      g_assert_not_reached ();
    }
}

static void
check_on_disk (const char *path,
               const char *want_dump)
{
  g_autofree char *dump = NULL;
  g_autofree char *check = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* The plain unix VFS, not the fault one. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, "unix"), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (check, ==, "ok");

  dump = cp_test_db_dump (db);
  g_assert_cmpstr (dump, ==, want_dump);
  sqlite3_close (db);
}

static void
test_fault (gconstpointer data)
{
  const Case *c = data;
  /* Under ASan (or CPKIT_FAULT_QUICK), every point up to 8, then every fifth. */
  gboolean quick = g_getenv ("ASAN_OPTIONS") != NULL || g_getenv ("CPKIT_FAULT_QUICK") != NULL;
  guint n_failed = 0;
  guint n;

  for (n = 1; n < 500; n += (quick && n >= 8) ? 5 : 1)
    {
      g_autofree char *dir = cp_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "faults.cpkit", NULL);
      g_autofree char *dump_before = NULL;
      g_autofree char *dump_after = NULL;
      g_autofree char *names_before = NULL;
      g_autofree char *names_after = NULL;
      g_autofree char *undo_label = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CpStore) store = NULL;
      guint undo_depth;
      gboolean can_redo;
      gboolean ok;
      gint64 id;

      cp_fault_vfs_disarm ();
      store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
      g_assert_no_error (error);
      id = fill (store);

      dump_before = cp_test_db_dump (_cp_store_get_db (store));
      names_before = model_names (store);
      undo_label = g_strdup (cp_store_get_undo_label (store));
      undo_depth = g_queue_get_length (&store->undo_stack);
      can_redo = cp_store_can_redo (store);

      cp_fault_vfs_arm (c->kind, n, c->rc, c->sticky);
      ok = do_edit (store, c->edit, id, &error);

      if (!cp_fault_vfs_fired ())
        {
          /* The edit needs fewer than n writes (syncs): every earlier n was tried. */
          cp_fault_vfs_disarm ();
          g_assert_no_error (error);
          g_assert_true (ok);
          cp_test_rm_rf (dir);
          break;
        }

      n_failed++;
      g_assert_false (ok);
      if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_UNCERTAIN))
        {
          /* Every sync fails from the commit on: its frames were written, so the store
           * reopened the file, found the change there and said so (cp-store-settle.c;
           * test-trust-sync.c kills the process then). The models and the file agree. */
          g_assert_true (c->kind == CP_FAULT_SYNC && c->sticky);
          cp_fault_vfs_disarm ();
          dump_after = cp_test_db_dump (_cp_store_get_db (store));
          g_assert_cmpstr (dump_after, !=, dump_before);
          g_assert_true (cp_store_can_undo (store));
          g_clear_object (&store);
          check_on_disk (path, dump_after);
          cp_test_rm_rf (dir);
          continue;
        }
      g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FULL);
      g_assert_cmpstr (error->message, ==, FULL_MESSAGE);
      g_clear_error (&error);

      if (c->sticky)
        {
          /* The disk is still full: the next try fails the same way, and changes
           * nothing either. */
          g_assert_false (do_edit (store, c->edit, id, &error));
          g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FULL);
          g_clear_error (&error);
        }
      cp_fault_vfs_disarm ();

      /* What the UI shows is the last committed state. */
      names_after = model_names (store);
      g_assert_cmpstr (names_after, ==, names_before);
      g_assert_cmpstr (cp_store_get_undo_label (store), ==, undo_label);
      g_assert_cmpuint (g_queue_get_length (&store->undo_stack), ==, undo_depth);
      g_assert_cmpint (cp_store_can_redo (store), ==, can_redo);
      g_assert_true (sqlite3_get_autocommit (_cp_store_get_db (store)));
      dump_after = cp_test_db_dump (_cp_store_get_db (store));
      g_assert_cmpstr (dump_after, ==, dump_before);

      g_clear_object (&store);
      check_on_disk (path, dump_before);

      /* And the workspace keeps working once there is room again. */
      store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
      g_assert_no_error (error);
      g_assert_true (do_edit (store, c->edit == EDIT_UNDO ? EDIT_NOTES : c->edit, id, &error));
      g_assert_no_error (error);
      g_clear_object (&store);

      cp_test_rm_rf (dir);
    }

  g_test_message ("%u fault points tried, %u failed the edit", n, n_failed);
  g_assert_cmpuint (n, <, 500);
  g_assert_cmpuint (n_failed, >=, 1);
  if (c->kind == CP_FAULT_WRITE)
    g_assert_cmpuint (n_failed, >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { CP_FAULT_WRITE, SQLITE_FULL, FALSE, EDIT_NOTES },
    { CP_FAULT_WRITE, SQLITE_IOERR_WRITE, FALSE, EDIT_NOTES },
    { CP_FAULT_WRITE, SQLITE_FULL, TRUE, EDIT_NOTES },
    { CP_FAULT_WRITE, SQLITE_FULL, FALSE, EDIT_DELETE },
    { CP_FAULT_WRITE, SQLITE_IOERR_WRITE, TRUE, EDIT_UNDO },
    { CP_FAULT_SYNC, SQLITE_IOERR_FSYNC, FALSE, EDIT_NOTES },
    { CP_FAULT_SYNC, SQLITE_IOERR_FSYNC, TRUE, EDIT_DELETE },
    { CP_FAULT_SYNC, SQLITE_IOERR_FSYNC, FALSE, EDIT_UNDO },
  };
  static const char *names[] = {
    "/cp/trust/faults/write-full-notes",
    "/cp/trust/faults/write-ioerr-notes",
    "/cp/trust/faults/write-full-sticky-notes",
    "/cp/trust/faults/write-full-delete-cascade",
    "/cp/trust/faults/write-ioerr-sticky-undo",
    "/cp/trust/faults/sync-notes",
    "/cp/trust/faults/sync-sticky-delete-cascade",
    "/cp/trust/faults/sync-undo",
  };

  g_test_init (&argc, &argv, NULL);
  cp_fault_vfs_install ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (names[i], &cases[i], test_fault);

  return g_test_run ();
}
