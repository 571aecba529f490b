/* cp-backup.c: daily backups and save-a-copy
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

#include "cp-store-private.h"
#include "util/cp-date.h"
#include "util/cp-file.h"

/* Backups live in backups/ beside the workspace (folder 0700, files 0600), named
 * <workspace>-YYYY-MM-DD.cpkit for the daily ones, and
 * <workspace>-YYYY-MM-DD-HHMMSS-<why>.cpkit for those taken before a migration or a
 * restore. The daily ones beyond the number to keep are pruned; the others once older
 * than CP_STORE_SPECIAL_BACKUP_DAYS (or the daily window, when longer).
 *
 * The folder is found from the workspace's real path (symlinks resolved), so every name
 * of one workspace shares one backups/ folder. Versions before that put it beside the
 * name the workspace was opened by: backups there, named after that name, are still
 * listed, restorable and pruned ("legacy" below).
 *
 * The work that reads the workspace and writes files is done on a connection, not on
 * the store: a worker thread can open its own (_cp_db_open_ro_auto) and call
 * _cp_backup_take_daily or _cp_backup_save_copy_for_path. */

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

char *
_cp_backup_new_path (const char *real_path,
                     const char *why,
                     GError    **error)
{
  g_autofree char *dir = _cp_store_dup_backup_dir (real_path);
  g_autofree char *base = _cp_store_dup_base_name (real_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  if (!ensure_backup_dir (dir, error))
    return NULL;

  /* dir/<base>-<stamp>-<why>.cpkit, with a counter when that name is taken. */
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
  g_autofree char *why = g_strdup_printf ("v%d", from_version);
  g_autofree char *path = _cp_backup_new_path (self->real_path, why, error);

  return path != NULL && _cp_db_backup_to_file (db, path, FALSE, error);
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
  char     *path;
  char     *rest;    /* the name after "<base>-": YYYY-MM-DD…, which sorts by date */
  gint64    mtime;
  gboolean  daily;
} BackupFile;

static void
backup_file_free (gpointer data)
{
  BackupFile *file = data;

  g_free (file->path);
  g_free (file->rest);
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

static void
collect_in (GPtrArray  *files,
            const char *workspace_path)
{
  g_autofree char *dir_path = _cp_store_dup_backup_dir (workspace_path);
  g_autofree char *base = _cp_store_dup_base_name (workspace_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gboolean daily = FALSE;
      BackupFile *file;
      GStatBuf st;

      if (!is_backup_name (name, base, &daily))
        continue;

      file = g_new0 (BackupFile, 1);
      file->path = g_build_filename (dir_path, name, NULL);
      file->rest = g_strdup (name + strlen (base) + 1);
      file->daily = daily;
      if (g_stat (file->path, &st) == 0)
        file->mtime = st.st_mtime;
      g_ptr_array_add (files, file);
    }
}

/* The name a workspace was opened by, when its backups would have been found elsewhere
 * by older versions (another folder or another name than the real path's); else NULL. */
static char *
dup_legacy_path (const char *real_path,
                 const char *given_path)
{
  g_autofree char *given = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *given_dir = NULL;
  g_autofree char *real_base = NULL;
  g_autofree char *given_base = NULL;

  if (given_path == NULL)
    return NULL;

  given = g_canonicalize_filename (given_path, NULL);
  real_dir = _cp_store_dup_backup_dir (real_path);
  given_dir = _cp_store_dup_backup_dir (given);
  real_base = _cp_store_dup_base_name (real_path);
  given_base = _cp_store_dup_base_name (given);

  if (g_strcmp0 (real_dir, given_dir) == 0 && g_strcmp0 (real_base, given_base) == 0)
    return NULL;

  return g_steal_pointer (&given);
}

/* Newest first. */
static GPtrArray *
collect_backups (const char *real_path,
                 const char *given_path)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (backup_file_free);
  g_autofree char *legacy = dup_legacy_path (real_path, given_path);

  collect_in (files, real_path);
  if (legacy != NULL)
    collect_in (files, legacy);
  g_ptr_array_sort (files, compare_newest_first);

  return files;
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  const BackupFile *x = *(BackupFile * const *) a;
  const BackupFile *y = *(BackupFile * const *) b;
  int by_name = -strcmp (x->rest, y->rest);

  return by_name != 0 ? by_name : -strcmp (x->path, y->path);
}

static void
prune (const char *real_path,
       const char *given_path,
       guint       keep)
{
  g_autoptr(GPtrArray) files = collect_backups (real_path, given_path);
  g_autofree char *cutoff = cp_date_from_today (-(int) MAX (keep, CP_STORE_SPECIAL_BACKUP_DAYS));
  guint kept = 0;

  /* Daily names sort by date. */
  g_ptr_array_sort (files, compare_names_newest_first);

  for (guint i = 0; i < files->len; i++)
    {
      BackupFile *file = g_ptr_array_index (files, i);
      gboolean remove;

      if (file->daily)
        remove = ++kept > keep;
      else
        {
          /* Before a migration or a restore: kept for a while, then they age out too,
           * so that a person erased from the workspace does not stay in them for ever.
           * The date is the one in the name (<base>-YYYY-MM-DD-…). */
          g_autofree char *date = g_strndup (file->rest, 10);

          remove = strcmp (date, cutoff) < 0;
        }

      if (remove && g_unlink (file->path) != 0)
        g_debug ("Could not remove an old backup: %s", g_strerror (errno));
    }
}

/* A copy is written to a temporary file and published whole; a crash while writing one
 * leaves it behind, holding people's data. cp_file_publish clears its own kind
 * (.cpkit.part-*) when no one holds them; this also clears what older versions left
 * (NAME.cpkit.part-XXXXXX), which only the process holding the workspace's lock
 * writes. */
static void
remove_stale_parts (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  cp_file_remove_stale_temporaries (dir);

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      if (strstr (name, ".cpkit.part-") == NULL || name[0] == '.')
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_unlink (path) != 0)
        g_debug ("Could not remove a stale part of a backup: %s", g_strerror (errno));
    }
}

gboolean
_cp_backup_take_daily (const char  *real_path,
                       const char  *given_path,
                       sqlite3     *db,
                       guint        keep,
                       gboolean     prune_old,
                       GError     **error)
{
  g_autofree char *dir = _cp_store_dup_backup_dir (real_path);
  g_autofree char *base = _cp_store_dup_base_name (real_path);
  g_autofree char *today = cp_date_today ();
  g_autofree char *name = g_strdup_printf ("%s-%s.cpkit", base, today);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *legacy = dup_legacy_path (real_path, given_path);

  if (!ensure_backup_dir (dir, error))
    return FALSE;

  remove_stale_parts (dir);

  /* Today's may be in the legacy folder, taken by an older version this morning. */
  if (legacy != NULL)
    {
      g_autofree char *legacy_dir = _cp_store_dup_backup_dir (legacy);
      g_autofree char *legacy_base = _cp_store_dup_base_name (legacy);
      g_autofree char *legacy_name = g_strdup_printf ("%s-%s.cpkit", legacy_base, today);
      g_autofree char *legacy_today = g_build_filename (legacy_dir, legacy_name, NULL);

      if (g_file_test (legacy_today, G_FILE_TEST_EXISTS))
        g_clear_pointer (&path, g_free);
    }

  if (path != NULL && !g_file_test (path, G_FILE_TEST_EXISTS) &&
      !_cp_db_backup_to_file (db, path, FALSE, error))
    return FALSE;

  if (prune_old)
    prune (real_path, given_path, keep);

  return TRUE;
}

gboolean
_cp_store_take_daily_backup (CpStore   *self,
                             gboolean   prune_old,
                             GError   **error)
{
  /* A read-only workspace is never written, and nor is anything beside it. */
  if (self->read_only)
    return TRUE;

  if (!_cp_store_check_writable (self, error))
    return FALSE;

  return _cp_backup_take_daily (self->real_path, self->path, self->db, self->backup_keep,
                                prune_old, error);
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
  g_autofree char *real = NULL;
  g_autofree char *name = NULL;
  const char *paths[2];

  g_return_val_if_fail (workspace_path != NULL, NULL);
  g_return_val_if_fail (backup_path != NULL, NULL);

  real = _cp_store_resolve_path (workspace_path);
  name = g_path_get_basename (backup_path);
  paths[0] = real;
  paths[1] = workspace_path;
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *base = _cp_store_dup_base_name (paths[i]);
      gboolean daily = FALSE;

      if (is_backup_name (name, base, &daily))
        return g_strndup (name + strlen (base) + 1, strlen ("YYYY-MM-DD"));
    }

  return NULL;
}

GStrv
cp_store_list_backups_for_path (const char *workspace_path)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *real = NULL;

  g_return_val_if_fail (workspace_path != NULL, NULL);

  real = _cp_store_resolve_path (workspace_path);
  files = collect_backups (real, workspace_path);
  for (guint i = 0; i < files->len; i++)
    g_strv_builder_add (builder, ((BackupFile *) g_ptr_array_index (files, i))->path);

  return g_strv_builder_end (builder);
}

/* ---- Save a copy ------------------------------------------------------------------------- */

/* The workspace itself, or one of the files SQLite and the lock keep beside it. */
static gboolean
is_workspace_file (const char *real_path,
                   const char *dest_path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };
  g_autofree char *dest = _cp_store_resolve_path (dest_path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (real_path, suffixes[i], NULL);
      GStatBuf a, b;

      if (g_strcmp0 (dest, side) == 0 ||
          (g_stat (side, &a) == 0 && g_stat (dest, &b) == 0 &&
           a.st_dev == b.st_dev && a.st_ino == b.st_ino))
        return TRUE;
    }

  return FALSE;
}

/* A copy is another workspace: it gets a UUID of its own (a supervision pack's reply
 * finds its workspace by it), in the same write as the copy. */
static const char new_workspace_uuid_sql[] =
  "INSERT OR REPLACE INTO workspace_meta (key, value) VALUES ('uuid', "
  "lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' || "
  "substr (lower (hex (randomblob (2))), 2) || '-' || "
  "substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2) || "
  "'-' || lower (hex (randomblob (6))))";

gboolean
_cp_backup_save_copy (const char  *real_path,
                      sqlite3     *db,
                      const char  *dest_path,
                      gboolean     replace,
                      GError     **error)
{
  if (is_workspace_file (real_path, dest_path))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                           _("A copy cannot go over the workspace itself. Choose another "
                             "name."));
      return FALSE;
    }

  return _cp_db_copy_to_file (db, dest_path, replace, new_workspace_uuid_sql, error);
}

gboolean
_cp_backup_save_copy_for_path (const char  *workspace_path,
                               const char  *dest_path,
                               gboolean     replace,
                               GError     **error)
{
  g_autofree char *real = _cp_store_resolve_path (workspace_path);
  sqlite3 *db = _cp_db_open_ro_auto (real, FALSE, NULL, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;

  ok = _cp_backup_save_copy (real, db, dest_path, replace, error);
  sqlite3_close_v2 (db);

  return ok;
}

gboolean
cp_store_save_copy (CpStore     *self,
                    const char  *dest_path,
                    gboolean     replace,
                    GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_open (self, error))
    return FALSE;

  return _cp_backup_save_copy (self->real_path, self->db, dest_path, replace, error);
}
