/* test-store-util.c: helpers shared by the store tests
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

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
