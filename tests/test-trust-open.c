/* test-trust-open.c: bad workspaces lose nothing: locked, read-only (also as `nobody`),
 * corrupt, not SQLite, empty, too new
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-trust-open"

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"

#define CANARY "Ottoline Brackenbury-5512"

typedef struct
{
  char   *sha256;
  gint64  mtime;
} FileFacts;

static void
facts_take (FileFacts  *facts,
            const char *path)
{
  facts->sha256 = cp_test_sha256 (path);
  facts->mtime = cp_test_mtime_usec (path);
}

static void
facts_assert_same (FileFacts  *facts,
                   const char *path)
{
  g_autofree char *sha256 = cp_test_sha256 (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_cmpstr (sha256, ==, facts->sha256);
  g_assert_cmpint (cp_test_mtime_usec (path), ==, facts->mtime);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_clear_pointer (&facts->sha256, g_free);
}

/* What a person may read: no SQL, no one's name. */
static void
assert_plain_message (const GError *error)
{
  static const char *sql_words[] = { "SELECT", "INSERT", "UPDATE", "DELETE", "PRAGMA",
                                     "sqlite_", "CREATE", "SQLITE_" };

  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_null (strstr (error->message, CANARY));
  for (guint i = 0; i < G_N_ELEMENTS (sql_words); i++)
    g_assert_null (strstr (error->message, sql_words[i]));
}

/* Two people, the first of them the canary. */
static const char * const people[] = { CANARY, "Second", NULL };

/* Opens @path read-write and read-only; each must fail with @code and leave the file. */
static void
assert_refused (const char *path,
                int         code,
                int         read_only_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  FileFacts facts;

  facts_take (&facts, path);

  store = cp_store_open (path, CP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, code);
  assert_plain_message (error);
  g_clear_error (&error);

  store = cp_store_open (path, CP_STORE_OPEN_READ_ONLY, &error);
  if (read_only_code < 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (store);
      g_clear_object (&store);
    }
  else
    {
      g_assert_null (store);
      g_assert_error (error, CP_STORE_ERROR, read_only_code);
      assert_plain_message (error);
    }

  facts_assert_same (&facts, path);
}

static void
test_corrupt (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = cp_test_make_workspace (dir, "corrupt.cpkit", people);

  /* Scribble over the person table's root page: the header still says SQLite. */
  cp_test_db_scribble (path, "person");

  assert_refused (path, CP_STORE_ERROR_CORRUPT, CP_STORE_ERROR_CORRUPT);
}

static void
test_not_sqlite_and_empty (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "letter.cpkit", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.cpkit", NULL);
  g_autofree char *png = g_build_filename (dir, "picture.cpkit", NULL);
  static const char png_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06";

  g_assert_true (g_file_set_contents (text, "Dear " CANARY ",\nthis is a letter.\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (png, png_bytes, sizeof png_bytes, NULL));

  assert_refused (text, CP_STORE_ERROR_NOT_SQLITE, CP_STORE_ERROR_NOT_SQLITE);
  assert_refused (empty, CP_STORE_ERROR_NOT_SQLITE, CP_STORE_ERROR_NOT_SQLITE);
  assert_refused (png, CP_STORE_ERROR_NOT_SQLITE, CP_STORE_ERROR_NOT_SQLITE);
  g_assert_cmpint (cp_test_file_mode (empty) & 0600, ==, 0600);
}

static void
test_too_new (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = cp_test_make_workspace (dir, "newer.cpkit", people);
  sqlite3 *db = cp_test_db_open_raw (path);

  cp_test_db_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  sqlite3_close (db);

  assert_refused (path, CP_STORE_ERROR_TOO_NEW, CP_STORE_ERROR_TOO_NEW);
}

static void
test_read_only_file (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = cp_test_make_workspace (dir, "ro.cpkit", people);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_refused (path, CP_STORE_ERROR_READ_ONLY, -1);
}

/* Another process has it: the refusal names that process, and read-only still opens
 * and shows what the other process committed. */
static void
test_locked_by_other_process (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = cp_test_make_workspace (dir, "held.cpkit", people);
  g_autofree char *pid_text = NULL;
  g_autofree char *host = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  int release = -1;
  int holder_pid = 0;
  GPid pid;

  pid = cp_test_hold_in_other_process (path, &release);
  g_assert_true (cp_store_get_lock_holder (path, &holder_pid, &host));
  g_assert_cmpint (holder_pid, ==, pid);
  g_assert_cmpstr (host, ==, g_get_host_name ());

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED);
  assert_plain_message (error);
  pid_text = g_strdup_printf ("(process %d)", (int) pid);
  g_assert_nonnull (strstr (error->message, pid_text));
  g_assert_nonnull (strstr (error->message, "another window of Connecting People Kit"));
  g_clear_error (&error);

  /* "Open read-only anyway" works while the other process holds the lock. */
  store = cp_store_open (path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_get_read_only (store));
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 2);
  g_assert_cmpint (cp_store_add_person (store, "Z", &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&store);

  cp_test_release_other_process (pid, release);

  /* Gone with the process: no stale lock. */
  g_assert_false (cp_store_get_lock_holder (path, NULL, NULL));
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
}

typedef struct
{
  uid_t uid;
  gid_t gid;
} Nobody;

static void
drop_to_nobody (gpointer data)
{
  Nobody *nobody = data;

  /* In the child, before exec: only async-signal-safe calls. */
  if (setgroups (0, NULL) != 0 || setgid (nobody->gid) != 0 || setuid (nobody->uid) != 0)
    _exit (97);
}

/* Whether a stranger can get to @path: search permission on every folder above it, and
 * @mode_other on the file itself. */
static gboolean
others_can_reach (const char *path,
                  guint       mode_other)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_stat (path, &st) != 0 || (st.st_mode & mode_other) != mode_other)
    return FALSE;

  while (!g_str_equal (dir, "/") && !g_str_equal (dir, "."))
    {
      char *parent;

      if (g_stat (dir, &st) != 0 || (st.st_mode & S_IXOTH) == 0)
        return FALSE;
      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }

  return TRUE;
}

static void
test_read_only_as_nobody (void)
{
  const char *dir;
  g_autofree char *path = NULL;
  g_autofree char *open_line = NULL;
  g_autofree char *ro_line = NULL;
  const char *argv[] = { "probe", NULL, NULL };
  struct passwd *pw;
  CpTestLines lines;
  FileFacts facts;
  Nobody nobody;
  int stdout_fd = -1;
  GPid pid;
  int status;

  if (getuid () != 0)
    {
      g_test_skip ("needs root, to drop to nobody");
      return;
    }
  if ((pw = getpwnam ("nobody")) == NULL)
    {
      g_test_skip ("no user nobody");
      return;
    }
  nobody.uid = pw->pw_uid;
  nobody.gid = pw->pw_gid;

  /* A root-owned 0644 workspace in a 0755 folder: nobody may read, not write. */
  dir = cp_test_tmpdir ();
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  path = cp_test_make_workspace (dir, "root.cpkit", people);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  facts_take (&facts, path);

  if (!others_can_reach (g_getenv ("CPKIT_CRASH_HELPER"), S_IXOTH) ||
      !others_can_reach (path, S_IROTH))
    {
      g_test_skip ("nobody cannot reach the helper or the temporary folder");
      g_clear_pointer (&facts.sha256, g_free);
      return;
    }

  argv[1] = path;
  pid = cp_test_spawn_helper (argv, drop_to_nobody, &nobody, NULL, &stdout_fd);
  cp_test_lines_init (&lines, stdout_fd);
  open_line = cp_test_lines_next (&lines, g_get_monotonic_time () + 30 * G_USEC_PER_SEC);
  ro_line = cp_test_lines_next (&lines, g_get_monotonic_time () + 30 * G_USEC_PER_SEC);
  status = cp_test_wait_child (pid, 30);
  cp_test_lines_clear (&lines);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  {
    g_autofree char *want = g_strdup_printf ("open %d", CP_STORE_ERROR_READ_ONLY);

    g_assert_cmpstr (open_line, ==, want);
  }
  g_assert_cmpstr (ro_line, ==, "read-only 2");

  facts_assert_same (&facts, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cp/trust/open/corrupt", test_corrupt);
  g_test_add_func ("/cp/trust/open/not-sqlite-and-empty", test_not_sqlite_and_empty);
  g_test_add_func ("/cp/trust/open/too-new", test_too_new);
  g_test_add_func ("/cp/trust/open/read-only-file", test_read_only_file);
  g_test_add_func ("/cp/trust/open/locked-by-other-process", test_locked_by_other_process);
  g_test_add_func ("/cp/trust/open/read-only-as-nobody", test_read_only_as_nobody);

  return g_test_run ();
}
