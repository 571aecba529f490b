/* cp-test-util-store.c: workspaces, people and bare SQLite connections for the tests
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-test-util"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "store/cp-migrations.h"

#define DEFAULT_FILE_NAME "workspace.cpkit"

/* ---- Workspaces --------------------------------------------------------------------- */

void
cp_test_workspace_init (CpTestWorkspace *ws,
                        const char      *file_name)
{
  g_autoptr(GError) error = NULL;

  ws->dir = cp_test_make_tmpdir ();
  ws->path = g_build_filename (ws->dir, file_name, NULL);
  ws->store = cp_store_open (ws->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws->store);
}

void
cp_test_workspace_clear (CpTestWorkspace *ws)
{
  if (ws->store != NULL)
    cp_store_close (ws->store);
  g_clear_object (&ws->store);
  if (ws->dir != NULL)
    cp_test_rm_rf (ws->dir);
  g_clear_pointer (&ws->dir, g_free);
  g_clear_pointer (&ws->path, g_free);
}

void
cp_test_workspace_reopen (CpTestWorkspace *ws)
{
  g_autoptr(GError) error = NULL;

  cp_store_close (ws->store);
  g_clear_object (&ws->store);
  ws->store = cp_store_open (ws->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws->store);
}

void
cp_test_workspace_set_up (CpTestWorkspace *ws,
                          gconstpointer    data)
{
  cp_test_workspace_init (ws, data != NULL ? data : DEFAULT_FILE_NAME);
}

void
cp_test_workspace_set_up_practice (CpTestWorkspace *ws,
                                   gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  ws->dir = cp_test_make_tmpdir ();
  ws->path = g_build_filename (ws->dir, "practice.cpkit", NULL);
  g_assert_true (cp_store_create_practice (ws->path, &error));
  ws->store = cp_store_open (ws->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
}

void
cp_test_workspace_tear_down (CpTestWorkspace *ws,
                             gconstpointer    data)
{
  cp_test_workspace_clear (ws);
}

char *
cp_test_make_workspace (const char         *dir,
                        const char         *file_name,
                        const char * const *names)
{
  char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    cp_test_add_person (store, names[i]);
  cp_store_close (store);
  return path;
}

gint64
cp_test_add_person (CpStore    *store,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cp_store_add_person (store, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

CpPerson *
cp_test_dup_person (CpStore    *store,
                    const char *name)
{
  GListModel *people = cp_store_get_people (store);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (cp_person_get_name (person), name) == 0)
        return g_steal_pointer (&person);
    }
  g_error ("no one called '%s' in the workspace", name);
  return NULL;
}

gint64
cp_test_person_id (CpStore    *store,
                   const char *name)
{
  g_autoptr(CpPerson) person = cp_test_dup_person (store, name);

  return cp_person_get_id (person);
}

GPid
cp_test_hold_in_other_process (const char *path,
                               int        *release_fd)
{
  const char *argv[] = { "hold", path, NULL };
  g_autofree char *line = NULL;
  CpTestLines lines;
  int stdout_fd = -1;
  GPid pid;

  pid = cp_test_spawn_helper (argv, NULL, NULL, release_fd, &stdout_fd);
  cp_test_lines_init (&lines, stdout_fd);
  line = cp_test_lines_next (&lines, g_get_monotonic_time () + 30 * G_USEC_PER_SEC);
  cp_test_lines_clear (&lines);
  g_assert_cmpstr (line, ==, "ready");
  return pid;
}

void
cp_test_release_other_process (GPid pid,
                               int  release_fd)
{
  close (release_fd);
  g_assert_true (g_spawn_check_wait_status (cp_test_wait_child (pid, 30), NULL));
}

gboolean
cp_test_workspace_files_hold (const char  *path,
                              const char  *needle,
                              char       **out_which)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len = 0;

      if (!g_file_get_contents (file, &contents, &len, NULL))
        continue;
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      if (cp_test_bytes_hold (bytes, needle))
        {
          if (out_which != NULL)
            *out_which = g_steal_pointer (&file);
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- Bare connections ------------------------------------------------------------- */

sqlite3 *
cp_test_db_open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL), ==, SQLITE_OK);
  return db;
}

sqlite3 *
cp_test_db_open_before (const char *path,
                        const char *migration,
                        guint      *out_version)
{
  g_autofree char *schema = NULL;
  g_autofree char *prefix = g_strconcat ("-- ", migration, NULL);
  g_auto(GStrv) steps = NULL;
  g_autoptr(GError) error = NULL;
  guint before = 0;
  sqlite3 *db;

  g_assert_true (_cp_migrations_load (&schema, &steps, &error));
  g_assert_no_error (error);
  while (steps[before] != NULL && !g_str_has_prefix (steps[before], prefix))
    before++;
  g_assert_nonnull (steps[before]);
  if (out_version != NULL)
    *out_version = g_strv_length (steps);
  db = cp_test_db_open_raw (path);
  g_assert_true (_cp_migrations_run (db, NULL, (const char * const *) steps, before,
                                     NULL, NULL, &error));
  g_assert_no_error (error);
  return db;
}

void
cp_test_db_exec (sqlite3    *db,
                 const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
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
cp_test_edit (CpStore    *store,
              const char *label,
              const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!_cp_store_edit (store, label, NULL, exec_sql, (gpointer) sql, &error))
    g_error ("Edit failed (%s): %s", sql, error->message);
}

int
cp_test_db_int (sqlite3    *db,
                const char *sql)
{
  g_autoptr(GError) error = NULL;
  int value = -1;

  _cp_db_get_int (db, sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

void
cp_test_db_scribble (const char *path,
                     const char *table)
{
  sqlite3 *db = cp_test_db_open_raw (path);
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_master WHERE name = '%s'",
                                          table);
  int page_size = cp_test_db_int (db, "PRAGMA page_size");
  int root = cp_test_db_int (db, sql);
  g_autofree char *junk = g_strnfill (page_size, (char) 0xa5);
  int fd;

  sqlite3_close (db);
  g_assert_cmpint (root, >, 1);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, page_size, (off_t) (root - 1) * page_size), ==, page_size);
  close (fd);
}

char *
cp_test_db_dump (sqlite3 *db)
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
cp_test_db_schema (sqlite3 *db)
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
