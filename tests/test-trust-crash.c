/* test-trust-crash.c: SIGKILL at random moments loses no committed edit and never
 * damages the workspace
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-trust-crash"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "store/cp-migrations.h"

/* The helper (tests/cp-crash-helper.c, started with g_spawn) edits the workspace through
 * the store and reports "begin i", "open i" (a slow edit's transaction is open) and
 * "committed i". Edit i adds person "E<i>"; every third one also adds a map with
 * HELPER_MEMBERS members in the same transaction.
 *
 *  - Edits: this process kills the helper with SIGKILL on a seeded random report line
 *    (mostly "open" lines, so the helper is inside a transaction), then checks the file.
 *  - Copies and migrations: the helper kills itself with SIGKILL at a seeded random
 *    xWrite (tests/cp-fault-vfs.c), so that the kill lands inside the copy or the
 *    migration for certain.
 *
 * After every kill: PRAGMA integrity_check and foreign_key_check pass, every edit
 * reported committed is there, and every slow edit that is there is whole.
 * CPKIT_CRASH_SEED fixes the seed; CPKIT_CRASH_QUICK=1 (or running under ASan) runs a
 * shorter version. */

#define HELPER_MEMBERS 60

typedef struct
{
  guint committed;
  guint tx_kills;
  guint backup_kills;
  guint migration_kills;
  guint people_v1;
} Targets;

typedef struct
{
  GRand      *rand;
  const char *dir;
  char       *path;
  GArray     *committed;     /* guint: every edit reported committed */
  guint       next;          /* the next edit number to hand out */
  guint       tx_kills;
  guint       kills;
} Crash;

static sqlite3 *
open_plain (const char *path)
{
  sqlite3 *db = NULL;

  /* As the app would after a crash: a read-write open recovers the WAL. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, "unix"), ==, SQLITE_OK);

  return db;
}

static void
assert_sound (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

/* Integrity, every committed edit present, every present slow edit whole. Returns
 * whether edit @probe (0: none) is in the file. */
static gboolean
verify_edits (Crash *c,
              guint  probe)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = open_plain (c->path);

  assert_sound (db);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT substr(p.name, 2), "
                                       "(SELECT count(*) FROM member m JOIN snapshot s "
                                       " ON s.id = m.snapshot_id WHERE s.person_id = p.id) "
                                       "FROM person p WHERE p.name GLOB 'E[0-9]*'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint i = (guint) sqlite3_column_int (stmt, 0);
      int members = sqlite3_column_int (stmt, 1);

      g_hash_table_add (present, GUINT_TO_POINTER (i));
      /* All or nothing. */
      g_assert_cmpint (members, ==, i % 3 == 0 ? HELPER_MEMBERS : 0);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  for (guint k = 0; k < c->committed->len; k++)
    {
      guint i = g_array_index (c->committed, guint, k);

      if (!g_hash_table_contains (present, GUINT_TO_POINTER (i)))
        g_error ("edit %u was reported committed but is not in the workspace", i);
    }

  return probe != 0 && g_hash_table_contains (present, GUINT_TO_POINTER (probe));
}

typedef enum
{
  KILL_ON_OPEN,       /* inside a slow edit's transaction */
  KILL_ON_BEGIN,      /* as an edit starts */
  KILL_ON_COMMITTED,  /* just after a commit */
} KillOn;

static void
edit_round (Crash *c)
{
  g_autofree char *first = g_strdup_printf ("%u", c->next);
  const char *argv[] = { "edits", c->path, first, "400", NULL };
  guint r = (guint) g_rand_int_range (c->rand, 0, 10);
  KillOn kill_on = r < 6 ? KILL_ON_OPEN : r < 8 ? KILL_ON_BEGIN : KILL_ON_COMMITTED;
  guint skip = (guint) g_rand_int_range (c->rand, 0, kill_on == KILL_ON_OPEN ? 12 : 30);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  CpTestLines lines;
  gboolean killed = FALSE;
  guint open_at_kill = 0;
  guint last_begun = c->next - 1;
  int stdout_fd = -1;
  char *line;
  GPid pid;
  int status;

  pid = cp_test_spawn_helper (argv, NULL, NULL, NULL, &stdout_fd);
  cp_test_lines_init (&lines, stdout_fd);

  while ((line = cp_test_lines_next (&lines, deadline)) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (line, " ", 2);
      guint i = parts[1] ? (guint) g_ascii_strtoull (parts[1], NULL, 10) : 0;
      gboolean event = FALSE;

      g_free (line);
      g_assert_nonnull (parts[1]);

      if (g_str_equal (parts[0], "begin"))
        {
          last_begun = i;
          event = kill_on == KILL_ON_BEGIN;
        }
      else if (g_str_equal (parts[0], "open"))
        event = kill_on == KILL_ON_OPEN;
      else if (g_str_equal (parts[0], "committed"))
        {
          g_array_append_val (c->committed, i);
          if (open_at_kill == i)
            open_at_kill = 0;   /* it made it before the kill landed */
          event = kill_on == KILL_ON_COMMITTED;
        }
      else
        g_error ("unexpected line from the helper: %s", parts[0]);

      if (event && !killed && skip-- == 0)
        {
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          killed = TRUE;
          if (kill_on == KILL_ON_OPEN)
            open_at_kill = i;
          /* Keep reading: lines written before the kill landed still count. */
        }
    }
  g_assert_true (lines.eof);
  cp_test_lines_clear (&lines);

  status = cp_test_wait_child (pid, 60);
  if (killed)
    {
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      c->kills++;
    }
  else
    {
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  /* Not reported committed and not in the file: the kill came while its transaction
   * was open. (In the file but not reported: committed just before the kill.) */
  if (!verify_edits (c, open_at_kill) && open_at_kill != 0)
    c->tx_kills++;

  c->next = last_begun + 1;
}

static guint
parse_writes (const char * const *argv)
{
  CpTestLines lines;
  int stdout_fd = -1;
  guint writes = 0;
  char *line;
  GPid pid = cp_test_spawn_helper (argv, NULL, NULL, NULL, &stdout_fd);
  int status;

  cp_test_lines_init (&lines, stdout_fd);
  while ((line = cp_test_lines_next (&lines, g_get_monotonic_time () + 120 * G_USEC_PER_SEC)))
    {
      if (g_str_has_prefix (line, "writes "))
        writes = (guint) g_ascii_strtoull (line + 7, NULL, 10);
      g_free (line);
    }
  cp_test_lines_clear (&lines);
  status = cp_test_wait_child (pid, 120);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpuint (writes, >, 0);

  return writes;
}

/* TRUE when the helper was killed (SIGKILL, as the test asked); else it must have ended
 * cleanly. */
static gboolean
was_killed (int status)
{
  if (WIFSIGNALED (status))
    {
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      return TRUE;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return FALSE;
}

/* Runs the helper to be killed at write @kill_at; TRUE when it was. */
static gboolean
run_to_kill (const char * const *argv)
{
  GPid pid = cp_test_spawn_helper (argv, NULL, NULL, NULL, NULL);

  return was_killed (cp_test_wait_child (pid, 120));
}

static guint
count_parts (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".part-") != NULL)
      n++;

  return n;
}

/* Copies into the workspace's backups folder, killed part-way. */
static void
backup_kills (Crash         *c,
              const Targets *t)
{
  g_autofree char *backups = g_build_filename (c->dir, "backups", NULL);
  g_autofree char *calibrate = g_build_filename (backups, "calibrate-copy.cpkit", NULL);
  const char *argv[] = { "backup", c->path, calibrate, "0", NULL };
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint writes;
  guint kills = 0;

  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  writes = parse_writes (argv);

  g_test_message ("a copy takes %u writes", writes);
  for (guint round = 0; kills < t->backup_kills && round < t->backup_kills * 3; round++)
    {
      g_autofree char *dest = g_strdup_printf ("%s/copy-%u.cpkit", backups, round);
      g_autofree char *at = g_strdup_printf ("%d", g_rand_int_range (c->rand, 1, writes + 1));
      const char *kill_argv[] = { "backup", c->path, dest, at, NULL };

      if (run_to_kill (kill_argv))
        {
          kills++;
          /* A copy is published only when whole. */
          g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
        }
      verify_edits (c, 0);
    }
  g_assert_cmpuint (kills, >=, t->backup_kills);

  /* The parts the kills left hold people's data: the next daily backup clears them. */
  g_test_message ("%u parts of copies left by the kills", count_parts (backups));
  store = cp_store_open (c->path, CP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_parts (backups), ==, 0);
  g_clear_object (&store);
  verify_edits (c, 0);
}

static void
write_v1_template (const char *path,
                   guint       n_people)
{
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (_cp_migrations_load (&schema, &steps, &error));
  db = cp_test_db_open_raw (path);
  cp_test_db_exec (db, "PRAGMA journal_mode = DELETE");
  g_assert_true (_cp_migrations_run (db, NULL, (const char * const *) steps, 1, NULL, NULL,
                                     &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < %u) "
                         "INSERT INTO person (name, communication, notes, created_at, "
                         "updated_at) SELECT 'V' || i, CASE i %% 3 WHEN 0 THEN 'large print' "
                         "ELSE '' END, printf('%%.200c', 'n'), '2026-01-01T00:00:00Z', "
                         "'2026-01-01T00:00:00Z' FROM n", n_people);
  cp_test_db_exec (db, sql);
  sqlite3_close (db);
}

static void
verify_migration (const char *path,
                  guint       n_people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  sqlite3 *db = open_plain (path);
  int version;

  assert_sound (db);
  version = cp_test_db_int (db, "PRAGMA user_version");
  g_assert_cmpint (version, >=, 1);
  g_assert_cmpint (version, <=, _cp_migrations_get_latest ());
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person"), ==, n_people);
  sqlite3_close (db);

  /* Opening again finishes the job, with every row. */
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_schema_version (store), ==, _cp_migrations_get_latest ());
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, n_people);
  g_assert_cmpint (cp_person_get_communication_needs (cp_store_find_person (store, 3)), ==,
                   CP_COMMUNICATION_LARGE_PRINT);
}

static void
migration_kills (Crash         *c,
                 const Targets *t)
{
  g_autofree char *template = g_build_filename (c->dir, "v1-template.cpkit", NULL);
  g_autofree char *calibrate_dir = g_build_filename (c->dir, "calibrate", NULL);
  g_autofree char *calibrate = g_build_filename (calibrate_dir, "v1.cpkit", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  guint writes;
  guint kills = 0;

  write_v1_template (template, t->people_v1);
  g_assert_true (g_file_get_contents (template, &contents, &len, NULL));

  g_assert_cmpint (g_mkdir (calibrate_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (calibrate, contents, len, NULL));
  {
    const char *argv[] = { "migrate", calibrate, "0", NULL };

    writes = parse_writes (argv);
  }
  g_test_message ("migrating %u people from version 1 takes %u writes (with its backup)",
                  t->people_v1, writes);
  verify_migration (calibrate, t->people_v1);

  for (guint round = 0; kills < t->migration_kills && round < t->migration_kills * 3; round++)
    {
      g_autofree char *round_dir = g_strdup_printf ("%s/migrate-%u", c->dir, round);
      g_autofree char *path = g_build_filename (round_dir, "v1.cpkit", NULL);
      g_autofree char *at = g_strdup_printf ("%d", g_rand_int_range (c->rand, 1, writes + 1));
      const char *argv[] = { "migrate", path, at, NULL };

      g_assert_cmpint (g_mkdir (round_dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, contents, len, NULL));
      if (run_to_kill (argv))
        kills++;
      verify_migration (path, t->people_v1);
      cp_test_rm_rf (round_dir);
    }
  g_assert_cmpuint (kills, >=, t->migration_kills);
}

/* One run of the helper in power mode, the power cut at a seeded random call of the VFS
 * (from 1 to @calls, what a whole run takes); its committed edits are noted. Returns
 * whether the power went before the end. */
static gboolean
power_round (Crash *c,
             guint  cut_at,
             guint *out_calls)
{
  g_autofree char *first = g_strdup_printf ("%u", c->next);
  g_autofree char *cut = g_strdup_printf ("%u", cut_at);
  const char *argv[] = { "power", c->path, first, "60", cut, NULL };
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  guint last_begun = c->next - 1;
  CpTestLines lines;
  int stdout_fd = -1;
  char *line;
  GPid pid;
  int status;

  pid = cp_test_spawn_helper (argv, NULL, NULL, NULL, &stdout_fd);
  cp_test_lines_init (&lines, stdout_fd);
  while ((line = cp_test_lines_next (&lines, deadline)) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (line, " ", 2);
      guint i = parts[1] ? (guint) g_ascii_strtoull (parts[1], NULL, 10) : 0;

      g_free (line);
      if (g_str_equal (parts[0], "begin"))
        last_begun = i;
      else if (g_str_equal (parts[0], "committed"))
        g_array_append_val (c->committed, i);
      else if (g_str_equal (parts[0], "calls") && out_calls != NULL)
        *out_calls = i;
    }
  g_assert_true (lines.eof);
  cp_test_lines_clear (&lines);

  status = cp_test_wait_child (pid, 120);
  c->next = last_begun + 1;
  return was_killed (status);
}

/* A power cut, not a killed process: everything written since a file's last successful
 * sync is gone (tests/cp-fault-vfs.c, power mode). Every edit reported committed must
 * survive, and the file must stay sound: what synchronous=FULL promises, and what OFF or
 * NORMAL would break (SIGKILL alone cannot tell them apart: the page cache survives it). */
static void
test_power_cut (void)
{
  const char *seed_text = g_getenv ("CPKIT_CRASH_SEED");
  gboolean quick = g_getenv ("CPKIT_CRASH_QUICK") != NULL || g_getenv ("ASAN_OPTIONS") != NULL;
  guint32 seed = seed_text ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                           : (guint32) g_get_real_time ();
  guint rounds = quick ? 12 : 40;
  guint calls = 0;
  guint cuts = 0;
  guint before;
  Crash c = { 0, };

  g_test_message ("seed %u (set CPKIT_CRASH_SEED=%u to repeat)", seed, seed);
  c.rand = g_rand_new_with_seed (seed);
  c.dir = cp_test_tmpdir ();
  c.path = g_build_filename (c.dir, "power.cpkit", NULL);
  c.committed = g_array_new (FALSE, FALSE, sizeof (guint));
  c.next = 1;

  /* A whole run, to learn how many calls one takes. */
  g_assert_false (power_round (&c, 0, &calls));
  g_assert_cmpuint (calls, >, 0);
  g_assert_cmpuint (c.committed->len, ==, 60);
  verify_edits (&c, 0);
  g_test_message ("a run of 60 edits takes %u calls of the VFS", calls);

  for (guint r = 0; r < rounds; r++)
    {
      before = c.committed->len;
      if (power_round (&c, (guint) g_rand_int_range (c.rand, 1, (gint32) calls + 1), NULL))
        cuts++;
      g_test_message ("round %u: %u edits committed before the cut", r,
                      c.committed->len - before);
      verify_edits (&c, 0);
    }
  g_test_message ("%u power cuts, %u edits committed in all", cuts, c.committed->len);
  g_assert_cmpuint (cuts, >=, rounds / 2);

  g_free (c.path);
  g_array_unref (c.committed);
  g_rand_free (c.rand);
}

static void
test_crash (void)
{
  const char *seed_text = g_getenv ("CPKIT_CRASH_SEED");
  gboolean quick = g_getenv ("CPKIT_CRASH_QUICK") != NULL || g_getenv ("ASAN_OPTIONS") != NULL;
  guint32 seed = seed_text ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                           : (guint32) g_get_real_time ();
  Targets t = quick ? (Targets) { 200, 10, 2, 2, 4000 }
                    : (Targets) { 1000, 50, 6, 6, 20000 };
  gint64 start = g_get_monotonic_time ();
  Crash c = { 0, };
  guint rounds = 0;

  g_test_message ("seed %u (set CPKIT_CRASH_SEED=%u to repeat)%s", seed, seed,
                  quick ? ", quick run" : "");

  c.rand = g_rand_new_with_seed (seed);
  c.dir = cp_test_tmpdir ();
  c.path = g_build_filename (c.dir, "crash.cpkit", NULL);
  c.committed = g_array_new (FALSE, FALSE, sizeof (guint));
  c.next = 1;

  while (c.committed->len < t.committed || c.tx_kills < t.tx_kills)
    {
      edit_round (&c);
      rounds++;
      g_assert_cmpuint (rounds, <, 2000);
    }
  g_test_message ("%u edits committed, %u kills in %u runs, %u of them inside an open "
                  "transaction (%.1f s)",
                  c.committed->len, c.kills, rounds, c.tx_kills,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  backup_kills (&c, &t);
  migration_kills (&c, &t);
  g_test_message ("%u kills during copies, %u during migrations (%.1f s in all)",
                  t.backup_kills, t.migration_kills,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (c.committed->len, >=, t.committed);
  g_assert_cmpuint (c.tx_kills, >=, t.tx_kills);

  g_free (c.path);
  g_array_unref (c.committed);
  g_rand_free (c.rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cp/trust/crash/sigkill", test_crash);
  g_test_add_func ("/cp/trust/crash/power-cut", test_power_cut);

  return g_test_run ();
}
