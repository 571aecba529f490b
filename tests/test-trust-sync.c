/* test-trust-sync.c: after a failed sync, what the app says is what the file holds
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-trust-sync"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "cp-test-util.h"

/* A COMMIT whose sync fails has written its frames to the -wal already: SQLite reports
 * the error, but WAL recovery after a crash can bring the edit back, and Linux may have
 * dropped the dirty pages. The store must make the state certain before it speaks: the
 * helper (tests/cp-crash-helper.c) makes the edit with the sync failing once or for
 * good, prints what the store said and how many people its model shows, and is killed.
 * Reopened, the file must hold what the message said: not saved means not there. */

typedef struct
{
  gboolean sticky;
  gboolean undo;
} Case;

static void
test_sync_fails (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sync.cpkit", NULL);
  const char *argv[] = { "syncfail", path, c->sticky ? "sticky" : "once",
                         c->undo ? "undo" : "edit", NULL };
  g_autofree char *result = NULL;
  g_autofree char *message = NULL;
  guint model = 0;
  gboolean fired = FALSE;
  gboolean said_saved;
  CpTestLines lines;
  int stdout_fd = -1;
  char *line;
  GPid pid;
  int status;
  int maybe;
  int people;
  sqlite3 *db = NULL;

  pid = cp_test_spawn_helper (argv, NULL, NULL, NULL, &stdout_fd);
  cp_test_lines_init (&lines, stdout_fd);
  while ((line = cp_test_lines_next (&lines, g_get_monotonic_time () + 60 * G_USEC_PER_SEC)))
    {
      if (g_str_has_prefix (line, "result "))
        result = g_strdup (line + 7);
      else if (g_str_has_prefix (line, "message "))
        message = g_strdup (line + 8);
      else if (g_str_has_prefix (line, "model "))
        model = (guint) g_ascii_strtoull (line + 6, NULL, 10);
      else if (g_str_has_prefix (line, "fired "))
        fired = line[6] == '1';
      g_free (line);
    }
  cp_test_lines_clear (&lines);
  status = cp_test_wait_child (pid, 60);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_assert_nonnull (result);
  g_assert_true (fired);
  g_test_message ("the store said: %s %s; its model showed %u people", result, message, model);

  /* As the app would after the crash: a read-write open recovers the -wal. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, "unix"), ==, SQLITE_OK);
  maybe = cp_test_db_int (db, "SELECT count(*) FROM person WHERE name = 'Maybe'");
  people = cp_test_db_int (db, "SELECT count(*) FROM person");
  sqlite3_close (db);
  g_test_message ("the file holds %d people", people);

  /* What the store showed is what the file holds. */
  g_assert_cmpint (people, ==, (int) model);

  /* And what it said: an edit is saved (there) or not saved (not there); an undo the
   * other way round. */
  said_saved = strstr (message, "not saved") == NULL;
  if (c->undo)
    g_assert_cmpint (maybe, ==, said_saved ? 0 : 1);
  else
    g_assert_cmpint (maybe, ==, said_saved ? 1 : 0);

  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { FALSE, FALSE },
    { TRUE, FALSE },
    { FALSE, TRUE },
    { TRUE, TRUE },
  };
  static const char *names[] = {
    "/cp/trust/sync/fails-once/edit",
    "/cp/trust/sync/fails-for-good/edit",
    "/cp/trust/sync/fails-once/undo",
    "/cp/trust/sync/fails-for-good/undo",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (names[i], &cases[i], test_sync_fails);

  return g_test_run ();
}
