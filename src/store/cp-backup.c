/* cp-backup.c: daily backups, restore and save-a-copy
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-backup"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-migrations.h"
#include "cp-store-private.h"
#include "util/cp-date.h"

/* Tests move the calendar (a backup a day over many days); NULL: the real date. */
static char *today_for_testing;

void
_cp_store_set_today_for_testing (const char *iso)
{
  g_free (today_for_testing);
  today_for_testing = g_strdup (iso);
}

/* The local date @offset_days from today, as YYYY-MM-DD. */
static char *
backup_day (int offset_days)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) then = NULL;

  if (today_for_testing == NULL)
    return cp_date_from_today (offset_days);

  today = cp_date_parse (today_for_testing);
  then = g_date_time_add_days (today, offset_days);
  return cp_date_to_iso (then);
}

/* Backups live in backups/ beside the workspace (folder 0700, files 0600), named
 * <workspace>-YYYY-MM-DD.cpkit for the daily ones, and
 * <workspace>-YYYY-MM-DD-HHMMSS-<why>.cpkit for those taken before a migration or a
 * restore. The daily ones beyond the number to keep are pruned; the others once older
 * than CP_STORE_SPECIAL_BACKUP_DAYS (or the daily window, when longer). */

char *
_cp_store_dup_backup_dir (const char *workspace_path)
{
  g_autofree char *dir = g_path_get_dirname (workspace_path);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
ensure_backup_dir (const char  *dir,
                   GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, CP_STORE_ERROR,
                   (saved == EACCES || saved == EROFS) ? CP_STORE_ERROR_READ_ONLY
                                                       : CP_STORE_ERROR_FAILED,
                   _("The backup folder could not be made: %s."), g_strerror (saved));
      return FALSE;
    }

  g_chmod (dir, 0700);

  return TRUE;
}

/* dir/<base>-<stamp>-<why>.cpkit, with a counter when that name is taken. */
static char *
timestamped_backup_path (const char *workspace_path,
                         const char *why)
{
  g_autofree char *dir = _cp_store_dup_backup_dir (workspace_path);
  g_autofree char *base = _cp_store_dup_base_name (workspace_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  for (guint i = 0; ; i++)
    {
      g_autofree char *name = i == 0
        ? g_strdup_printf ("%s-%s-%s.cpkit", base, stamp, why)
        : g_strdup_printf ("%s-%s-%s-%u.cpkit", base, stamp, why, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

gboolean
_cp_store_backup_before_migration (sqlite3   *db,
                                   int        from_version,
                                   gpointer   user_data,
                                   GError   **error)
{
  CpStore *self = user_data;
  g_autofree char *dir = _cp_store_dup_backup_dir (self->path);
  g_autofree char *why = g_strdup_printf ("v%d", from_version);
  g_autofree char *path = NULL;

  if (!ensure_backup_dir (dir, error))
    return FALSE;

  path = timestamped_backup_path (self->path, why);

  return _cp_db_backup_to_file (db, path, error);
}

void
cp_store_set_backup_keep (CpStore *self,
                          guint    days)
{
  g_return_if_fail (CP_IS_STORE (self));

  self->backup_keep = MAX (days, 1);
}

/* TRUE when @name is one of this workspace's backups; @daily when it is a daily one. */
static gboolean
is_backup_name (const char *name,
                const char *base,
                gboolean   *daily)
{
  gsize base_len = strlen (base);
  g_autofree char *date = NULL;

  if (!g_str_has_prefix (name, base) || name[base_len] != '-' ||
      !g_str_has_suffix (name, ".cpkit") || strstr (name, ".part-") != NULL)
    return FALSE;

  if (strlen (name + base_len + 1) < strlen ("YYYY-MM-DD.cpkit"))
    return FALSE;

  date = g_strndup (name + base_len + 1, 10);
  if (!cp_date_is_valid (date))
    return FALSE;

  *daily = strcmp (name + base_len + 11, ".cpkit") == 0;

  return TRUE;
}

typedef struct
{
  char   *path;
  gint64  mtime;
  gboolean daily;
} BackupFile;

static void
backup_file_free (gpointer data)
{
  BackupFile *file = data;

  g_free (file->path);
  g_free (file);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BackupFile *x = *(BackupFile * const *) a;
  const BackupFile *y = *(BackupFile * const *) b;

  if (x->mtime != y->mtime)
    return x->mtime > y->mtime ? -1 : 1;

  return -strcmp (x->path, y->path);
}

static GPtrArray *
collect_backups (const char *workspace_path)
{
  g_autofree char *dir_path = _cp_store_dup_backup_dir (workspace_path);
  g_autofree char *base = _cp_store_dup_base_name (workspace_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (backup_file_free);
  const char *name;

  if (dir == NULL)
    return files;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean daily = FALSE;
      BackupFile *file;
      GStatBuf st;

      if (!is_backup_name (name, base, &daily))
        continue;

      file = g_new0 (BackupFile, 1);
      file->path = g_build_filename (dir_path, name, NULL);
      file->daily = daily;
      if (g_stat (file->path, &st) == 0)
        file->mtime = st.st_mtime;
      g_ptr_array_add (files, file);
    }

  g_ptr_array_sort (files, compare_newest_first);

  return files;
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  const BackupFile *x = *(BackupFile * const *) a;
  const BackupFile *y = *(BackupFile * const *) b;

  return -strcmp (x->path, y->path);
}

static void
prune_daily (CpStore *self)
{
  g_autoptr(GPtrArray) files = collect_backups (self->path);
  g_autofree char *base = _cp_store_dup_base_name (self->path);
  g_autofree char *cutoff = backup_day (-(int) MAX (self->backup_keep,
                                                       CP_STORE_SPECIAL_BACKUP_DAYS));
  guint kept = 0;

  /* Daily names sort by date. */
  g_ptr_array_sort (files, compare_names_newest_first);

  for (guint i = 0; i < files->len; i++)
    {
      BackupFile *file = g_ptr_array_index (files, i);
      gboolean remove;

      if (file->daily)
        remove = ++kept > self->backup_keep;
      else
        {
          /* Before a migration or a restore: kept for a while, then they age out too,
           * so that a person erased from the workspace does not stay in them for ever.
           * The date is the one in the name (<base>-YYYY-MM-DD-…). */
          g_autofree char *name = g_path_get_basename (file->path);
          g_autofree char *date = g_strndup (name + strlen (base) + 1, 10);

          remove = strcmp (date, cutoff) < 0;
        }

      if (remove && g_unlink (file->path) != 0)
        g_debug ("Could not remove an old backup: %s", g_strerror (errno));
    }
}

/* A copy is written to NAME.part-XXXXXX and published whole; a crash while writing one
 * leaves the part behind, holding people's data. Only the process that holds the
 * workspace's lock writes into its backups folder, so any part file there is stale. */
static void
remove_stale_parts (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      if (strstr (name, ".cpkit.part-") == NULL)
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_unlink (path) != 0)
        g_debug ("Could not remove a stale part of a backup: %s", g_strerror (errno));
    }
}

gboolean
_cp_store_take_daily_backup (CpStore   *self,
                             gboolean   prune,
                             GError   **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  /* A read-only workspace is never written, and nor is anything beside it. */
  if (self->read_only)
    return TRUE;

  if (!_cp_store_check_writable (self, error))
    return FALSE;

  dir = _cp_store_dup_backup_dir (self->path);
  base = _cp_store_dup_base_name (self->path);
  today = backup_day (0);
  name = g_strdup_printf ("%s-%s.cpkit", base, today);
  path = g_build_filename (dir, name, NULL);

  if (!ensure_backup_dir (dir, error))
    return FALSE;

  remove_stale_parts (dir);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
      !_cp_db_backup_to_file (self->db, path, error))
    return FALSE;

  if (prune)
    prune_daily (self);

  return TRUE;
}

gboolean
cp_store_backup_daily (CpStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_take_daily_backup (self, TRUE, error);
}

GStrv
cp_store_list_backups (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return cp_store_list_backups_for_path (self->path);
}

char *
cp_store_dup_backup_date (const char *workspace_path,
                          const char *backup_path)
{
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  gboolean daily = FALSE;

  g_return_val_if_fail (workspace_path != NULL, NULL);
  g_return_val_if_fail (backup_path != NULL, NULL);

  base = _cp_store_dup_base_name (workspace_path);
  name = g_path_get_basename (backup_path);
  if (!is_backup_name (name, base, &daily))
    return NULL;
  return g_strndup (name + strlen (base) + 1, strlen ("YYYY-MM-DD"));
}

GStrv
cp_store_list_backups_for_path (const char *workspace_path)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (workspace_path != NULL, NULL);

  files = collect_backups (workspace_path);
  for (guint i = 0; i < files->len; i++)
    g_strv_builder_add (builder, ((BackupFile *) g_ptr_array_index (files, i))->path);

  return g_strv_builder_end (builder);
}

static GStrv
dup_table_names (sqlite3 *db)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = _cp_db_prepare (db,
                                                 "SELECT name FROM sqlite_master "
                                                 "WHERE type = 'table' "
                                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                                 NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}

gboolean
cp_store_restore_backup (CpStore     *self,
                         const char  *backup_path,
                         GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *safety = NULL;
  g_auto(GStrv) tables = NULL;
  CpDbInfo info;
  sqlite3 *src;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->session == NULL, FALSE);

  if (!_cp_store_check_writable (self, error))
    return FALSE;

  if (!_cp_db_probe (backup_path, &info, error))
    return FALSE;

  if (!info.exists)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("That backup is no longer there."));
      return FALSE;
    }

  if (info.application_id != CP_DB_APPLICATION_ID)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE,
                           _("That file is not a backup of a workspace."));
      return FALSE;
    }

  if (info.user_version > _cp_migrations_get_latest ())
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW,
                           _("That backup was made by a newer version of the app."));
      return FALSE;
    }

  /* First keep what is there now, so that the restore itself can be undone by hand. */
  dir = _cp_store_dup_backup_dir (self->path);
  if (!ensure_backup_dir (dir, error))
    return FALSE;
  safety = timestamped_backup_path (self->path, "before-restore");
  if (!_cp_db_backup_to_file (self->db, safety, error))
    return FALSE;

  if (!(src = _cp_db_open_ro_auto (backup_path, TRUE, error)))
    return FALSE;

  backup = sqlite3_backup_init (self->db, "main", src, "main");
  if (backup != NULL)
    {
      sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  rc = sqlite3_errcode (self->db);
  sqlite3_close_v2 (src);

  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, self->db, rc);
      return FALSE;
    }

  if (!_cp_db_exec (self->db, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  if (info.user_version < _cp_migrations_get_latest ())
    {
      g_autofree char *schema = NULL;
      g_auto(GStrv) steps = NULL;

      if (!_cp_migrations_load (&schema, &steps, error) ||
          !_cp_migrations_run (self->db, NULL, (const char * const *) steps,
                               g_strv_length (steps),
                               _cp_store_backup_before_migration, self, error))
        return FALSE;
    }

  _cp_store_clear_undo (self);
  if (!_cp_store_reload (self, error))
    return FALSE;

  tables = dup_table_names (self->db);
  _cp_store_emit_changed (self, (const char * const *) tables);

  return TRUE;
}

gboolean
cp_store_save_copy (CpStore     *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->db == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                           _("The workspace is closed."));
      return FALSE;
    }

  return _cp_db_backup_to_file (self->db, dest_path, error);
}
