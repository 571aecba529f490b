/* test-store-util.c: helpers shared by the store tests
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "test-store-util.h"

char *
store_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cpkit-store-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);

  return dir;
}

void
store_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have taken the write bit away. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          store_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
store_test_exec (sqlite3    *db,
                 const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("SQL failed (%s): %s", sql, message);
}

static gboolean
exec_sql (CpStore   *store,
          sqlite3   *db,
          gpointer   sql,
          GError   **error)
{
  return _cp_db_exec (db, sql, error);
}

void
store_test_edit (CpStore    *store,
                 const char *label,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!_cp_store_edit (store, label, NULL, exec_sql, (gpointer) sql, &error))
    g_error ("Edit failed (%s): %s", sql, error->message);
}

int
store_test_int (sqlite3    *db,
                const char *sql)
{
  int value = -1;
  g_autoptr(GError) error = NULL;

  _cp_db_get_int (db, sql, &value, &error);
  g_assert_no_error (error);

  return value;
}

sqlite3 *
store_test_open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL), ==, SQLITE_OK);

  return db;
}

char *
store_test_dump (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
      g_autoptr(sqlite3_stmt) rows = NULL;

      g_string_append_printf (out, "[%s]\n", table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);

      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              if (sqlite3_column_type (rows, i) == SQLITE_NULL)
                g_string_append (out, "NULL");
              else
                g_string_append_printf (out, "'%s'", sqlite3_column_text (rows, i));
              g_string_append_c (out, i + 1 < sqlite3_column_count (rows) ? '|' : '\n');
            }
        }
    }

  return g_string_free (out, FALSE);
}

static char *
normalise_sql (const char *sql)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = sql; *p; p++)
    {
      if (p[0] == '-' && p[1] == '-')
        {
          while (*p && *p != '\n')
            p++;
          if (!*p)
            break;
        }

      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }

      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
store_test_schema (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, tbl_name, sql FROM sqlite_master "
                                       "WHERE sql IS NOT NULL ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *sql = normalise_sql ((const char *) sqlite3_column_text (stmt, 3));

      g_string_append_printf (out, "%s %s %s: %s\n",
                              sqlite3_column_text (stmt, 0),
                              sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2),
                              sql);
    }

  return g_string_free (out, FALSE);
}

char *
store_test_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

gint64
store_test_mtime_usec (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);

  return (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
}

guint
store_test_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

GPid
store_test_spawn_helper (const char * const   *argv,
                         GSpawnChildSetupFunc  setup,
                         gpointer              setup_data,
                         int                  *stdin_fd,
                         int                  *stdout_fd)
{
  const char *helper = g_getenv ("CPKIT_CRASH_HELPER");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_nonnull (helper);
  g_ptr_array_add (args, (char *) helper);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  /* g_spawn, not a bare fork: the test process may have GLib threads by now. */
  g_spawn_async_with_pipes (NULL, (char **) args->pdata, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD |
                              (stdin_fd == NULL ? G_SPAWN_STDIN_FROM_DEV_NULL : 0) |
                              (stdout_fd == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0),
                            setup, setup_data, &pid, stdin_fd, stdout_fd, NULL, &error);
  g_assert_no_error (error);

  return pid;
}

int
store_test_wait_child (GPid  pid,
                       guint timeout_sec)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_sec * G_USEC_PER_SEC;
  int status = 0;

  for (;;)
    {
      pid_t got = waitpid (pid, &status, WNOHANG);

      if (got == pid)
        break;
      g_assert_cmpint (got, ==, 0);
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          g_error ("helper %d did not end within %u s", (int) pid, timeout_sec);
        }
      /* Nothing to wake us: block briefly in poll on no descriptors. */
      poll (NULL, 0, 5);
    }
  g_spawn_close_pid (pid);

  return status;
}

void
store_test_lines_init (StoreTestLines *lines,
                       int             fd)
{
  lines->fd = fd;
  lines->buf = g_string_new (NULL);
  lines->eof = FALSE;
}

void
store_test_lines_clear (StoreTestLines *lines)
{
  if (lines->fd >= 0)
    close (lines->fd);
  lines->fd = -1;
  if (lines->buf != NULL)
    g_string_free (lines->buf, TRUE);
  lines->buf = NULL;
}

char *
store_test_lines_next (StoreTestLines *lines,
                       gint64          deadline_usec)
{
  for (;;)
    {
      char *nl = memchr (lines->buf->str, '\n', lines->buf->len);
      struct pollfd pfd = { lines->fd, POLLIN, 0 };
      gint64 left;
      char chunk[4096];
      gssize n;

      if (nl != NULL)
        {
          char *line = g_strndup (lines->buf->str, nl - lines->buf->str);

          g_string_erase (lines->buf, 0, nl - lines->buf->str + 1);
          return line;
        }

      if (lines->eof)
        return NULL;

      left = (deadline_usec - g_get_monotonic_time ()) / 1000;
      if (left <= 0)
        return NULL;

      if (poll (&pfd, 1, (int) MIN (left, 1000)) <= 0)
        continue;

      n = read (lines->fd, chunk, sizeof chunk);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n <= 0)
        lines->eof = TRUE;
      else
        g_string_append_len (lines->buf, chunk, n);
    }
}

static gboolean
memmem_bytes (const guint8 *data,
              gsize         len,
              const char   *needle,
              gsize         needle_len)
{
  if (needle_len == 0 || needle_len > len)
    return FALSE;

  return memmem (data, len, needle, needle_len) != NULL;
}

gboolean
store_test_bytes_hold (GBytes     *haystack,
                       const char *needle)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (haystack, &len);
  g_autofree gunichar2 *utf16 = NULL;
  glong n16 = 0;

  if (memmem_bytes (data, len, needle, strlen (needle)))
    return TRUE;

  utf16 = g_utf8_to_utf16 (needle, -1, NULL, &n16, NULL);
  g_assert_nonnull (utf16);

  for (int big = 0; big < 2; big++)
    {
      g_autofree guint8 *enc = g_new (guint8, n16 * 2);

      for (glong i = 0; i < n16; i++)
        {
          enc[2 * i + (big ? 1 : 0)] = utf16[i] & 0xff;
          enc[2 * i + (big ? 0 : 1)] = utf16[i] >> 8;
        }
      if (memmem_bytes (data, len, (const char *) enc, n16 * 2))
        return TRUE;
    }

  return FALSE;
}

gboolean
store_test_files_hold (const char  *path,
                       const char  *needle,
                       char       **out_which)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len = 0;

      if (!g_file_get_contents (file, &contents, &len, NULL))
        continue;
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      if (store_test_bytes_hold (bytes, needle))
        {
          if (out_which != NULL)
            *out_which = g_steal_pointer (&file);
          return TRUE;
        }
    }

  return FALSE;
}
