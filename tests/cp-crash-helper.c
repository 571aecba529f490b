/* cp-crash-helper.c: a separate process for the trust tests. It edits a workspace
 * through the store and reports on stdout, so that a test can kill it at any moment.
 *
 *   cp-crash-helper edits PATH FIRST COUNT
 *       edit i = FIRST .. FIRST+COUNT-1: prints "begin i", then (for the slow kind)
 *       "open i" once its transaction is open, then "committed i" after the store
 *       returned. Edit i adds a person named "E<i>"; every third edit is a slow one that
 *       adds the person, a map and MEMBERS members in one transaction.
 *   cp-crash-helper backup PATH DEST KILL_AT_WRITE   (0: never)
 *   cp-crash-helper migrate PATH KILL_AT_WRITE       (0: never)
 *       prints "start", then saves a copy / opens (and so migrates) the workspace, and
 *       prints "writes N" (the xWrite calls it made) when it lived to the end.
 *   cp-crash-helper hold PATH        opens it, prints "ready", waits for stdin to close.
 *   cp-crash-helper probe PATH       prints "open <code|ok>" and "read-only <code|n>".
 *   cp-crash-helper power PATH FIRST COUNT CUT_AT
 *       the edits in power mode (cp-fault-vfs.h), the power cut at the CUT_AT-th call of
 *       the VFS (0: never; then "calls N" at the end).
 *   cp-crash-helper syncfail PATH once|sticky edit|undo
 *       adds a person (or undoes adding one) with the sync failing, prints what the
 *       store said and showed, and is killed.
 *   cp-crash-helper look PATH        opens it read-only: "people N" and "warnings W"
 *                                    (CpStoreWarnings), or "error CODE".
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-crash-helper"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cp-fault-vfs.h"
#include "store/cp-store-private.h"

#define MEMBERS 60

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  size_t len;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  /* One write per line, unbuffered: the reader must see it before we go on. */
  len = strlen (line);
  if (write (STDOUT_FILENO, line, len) != (ssize_t) len)
    _exit (3);
}

/* One edit's statements, run inside its transaction. */
static gboolean
add_person_with_map (CpStore   *store,
                     sqlite3   *db,
                     gpointer   user_data,
                     GError   **error)
{
  guint i = GPOINTER_TO_UINT (user_data);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = g_strdup_printf ("E%u", i);
  g_autofree char *now = _cp_db_now ();
  gint64 person_id;
  gint64 snapshot_id;

  say ("open %u\n", i);

  if (!(stmt = _cp_db_prepare (db, "INSERT INTO person (name, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?2)", error)))
    return FALSE;
  _cp_db_bind_text (stmt, 1, name);
  _cp_db_bind_text (stmt, 2, now);
  if (!_cp_db_step_done (stmt, error))
    return FALSE;
  person_id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _cp_db_prepare (db, "INSERT INTO snapshot (person_id, label, taken_on, "
                                   "created_at, updated_at) VALUES (?1, 'Baseline', "
                                   "'2026-01-01', ?2, ?2)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _cp_db_bind_text (stmt, 2, now);
  if (!_cp_db_step_done (stmt, error))
    return FALSE;
  snapshot_id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _cp_db_prepare (db, "INSERT INTO member (snapshot_id, lineage, name, sector, "
                                   "ring, added_on, notes, created_at, updated_at) VALUES "
                                   "(?1, ?2, ?3, 'friends', 2, '2026-01-01', "
                                   "printf('%.100c', 'x'), ?4, ?4)", error)))
    return FALSE;
  for (guint m = 1; m <= MEMBERS; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%u-%u", i, m);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, snapshot_id);
      sqlite3_bind_int (stmt, 2, (int) m);
      _cp_db_bind_text (stmt, 3, member);
      _cp_db_bind_text (stmt, 4, now);
      if (!_cp_db_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
slow_edit (CpStore  *store,
           guint     i,
           GError  **error)
{
  return _cp_store_edit (store, "Add person with map", NULL, add_person_with_map,
                         GUINT_TO_POINTER (i), error);
}

static int
edit_loop (CpStore *store,
           guint    first,
           guint    count)
{
  g_autoptr(GError) error = NULL;

  for (guint i = first; i < first + count; i++)
    {
      say ("begin %u\n", i);
      if (i % 3 == 0)
        {
          if (!slow_edit (store, i, &error))
            break;
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("E%u", i);

          if (cp_store_add_person (store, name, &error) == 0)
            break;
        }
      say ("committed %u\n", i);
    }

  if (error != NULL)
    {
      g_printerr ("edit failed: %s\n", error->message);
      return 1;
    }

  return 0;
}

static int
run_edits (const char *path,
           guint       first,
           guint       count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);

  if (store == NULL)
    {
      g_printerr ("open failed: %s\n", error->message);
      return 1;
    }

  return edit_loop (store, first, count);
}

/* The same edits with the power cut at the @cut_at-th call of the VFS (power mode, from
 * before the open: the recovery of the last cut is part of the run). Lived to the end:
 * closes, writes everything back, prints "calls N". */
static int
run_power (const char *path,
           guint       first,
           guint       count,
           guint       cut_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  int rc;

  cp_fault_vfs_power_mode ();
  cp_fault_vfs_power_cut_at (cut_at);

  if (!(store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error)))
    {
      g_printerr ("open failed: %s\n", error->message);
      return 1;
    }

  rc = edit_loop (store, first, count);
  g_clear_object (&store);
  say ("calls %u\n", cp_fault_vfs_get_power_calls ());
  cp_fault_vfs_power_flush ();
  return rc;
}

static int
run_backup (const char *path,
            const char *dest,
            guint       kill_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);

  if (store == NULL)
    {
      g_printerr ("open failed: %s\n", error->message);
      return 1;
    }

  say ("start\n");
  if (kill_at > 0)
    cp_fault_vfs_kill_at (CP_FAULT_WRITE, kill_at);
  else
    cp_fault_vfs_disarm ();

  if (!cp_store_save_copy (store, dest, FALSE, &error))
    {
      g_printerr ("copy failed: %s\n", error->message);
      return 1;
    }

  say ("writes %u\n", cp_fault_vfs_get_count (CP_FAULT_WRITE));
  return 0;
}

static int
run_migrate (const char *path,
             guint       kill_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;

  say ("start\n");
  if (kill_at > 0)
    cp_fault_vfs_kill_at (CP_FAULT_WRITE, kill_at);
  else
    cp_fault_vfs_disarm ();

  if (!(store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error)))
    {
      g_printerr ("open failed: %s\n", error->message);
      return 1;
    }

  say ("writes %u\n", cp_fault_vfs_get_count (CP_FAULT_WRITE));
  return 0;
}

static int
run_hold (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  char buf[64];

  if (store == NULL)
    {
      g_printerr ("open failed: %s\n", error->message);
      return 1;
    }

  say ("ready\n");
  while (read (STDIN_FILENO, buf, sizeof buf) > 0)
    ;

  return 0;
}

static int
run_probe (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);

  if (store != NULL)
    say ("open ok\n");
  else
    say ("open %d\n", error->code);
  g_clear_object (&store);
  g_clear_error (&error);

  store = cp_store_open (path, CP_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    say ("read-only %u\n", g_list_model_get_n_items (cp_store_get_people (store)));
  else
    say ("read-only error %d\n", error->code);

  return 0;
}

/* An edit whose commit fails at its sync (every sync from then on, with @sticky), then
 * the process is killed: "result ok|error", "message …", "model N" (people shown). The
 * test then reads what the file holds. With @undo, the failing step is an undo of the
 * edit instead. */
static int
run_syncfail (const char *path,
              gboolean    sticky,
              gboolean    undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  gboolean ok;

  if (store == NULL || cp_store_add_person (store, "Before", &error) == 0 ||
      (undo && cp_store_add_person (store, "Maybe", &error) == 0))
    {
      g_printerr ("setting up failed: %s\n", error->message);
      return 1;
    }

  cp_fault_vfs_arm (CP_FAULT_SYNC, 1, SQLITE_IOERR_FSYNC, sticky);
  ok = undo ? cp_store_undo (store, &error) : cp_store_add_person (store, "Maybe", &error) != 0;

  say ("result %s\n", ok ? "ok" : "error");
  say ("message %s\n", ok ? "" : error->message);
  say ("model %u\n", g_list_model_get_n_items (cp_store_get_people (store)));
  say ("can-undo %d\n", cp_store_can_undo (store));
  say ("fired %d\n", cp_fault_vfs_fired ());
  kill (getpid (), SIGKILL);
  return 1;
}

/* Opens @path read-only, as a reader would: "people N" and "warnings W", or "error C". */
static int
run_look (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_READ_ONLY, &error);

  if (store == NULL)
    {
      say ("error %d\n", error->code);
      return 0;
    }

  say ("people %u\n", g_list_model_get_n_items (cp_store_get_people (store)));
  say ("warnings %d\n", (int) cp_store_get_warnings (store));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  /* Every connection goes through the fault VFS; it only counts until armed. */
  cp_fault_vfs_install ();

  if (argc == 5 && g_str_equal (argv[1], "edits"))
    return run_edits (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10),
                      (guint) g_ascii_strtoull (argv[4], NULL, 10));
  if (argc == 5 && g_str_equal (argv[1], "backup"))
    return run_backup (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10));
  if (argc == 4 && g_str_equal (argv[1], "migrate"))
    return run_migrate (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "hold"))
    return run_hold (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "probe"))
    return run_probe (argv[2]);
  if (argc == 6 && g_str_equal (argv[1], "power"))
    return run_power (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10),
                      (guint) g_ascii_strtoull (argv[4], NULL, 10),
                      (guint) g_ascii_strtoull (argv[5], NULL, 10));
  if (argc == 5 && g_str_equal (argv[1], "syncfail"))
    return run_syncfail (argv[2], g_str_equal (argv[3], "sticky"), g_str_equal (argv[4], "undo"));
  if (argc == 3 && g_str_equal (argv[1], "look"))
    return run_look (argv[2]);

  g_printerr ("usage: %s edits|backup|migrate|hold|probe PATH …\n", argv[0]);
  return 2;
}
