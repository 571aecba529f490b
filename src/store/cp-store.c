/* cp-store.c: the workspace object, opening and closing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-migrations.h"
#include "cp-store-private.h"

G_DEFINE_FINAL_TYPE (CpStore, cp_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cp-store-error-quark, cp_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cp_store_dispose (GObject *object)
{
  CpStore *self = (CpStore *)object;

  cp_store_close (self);
  if (self->people != NULL)
    g_list_store_remove_all (self->people);
  if (self->people_by_name != NULL)
    g_list_store_remove_all (self->people_by_name);
  g_hash_table_remove_all (self->people_by_id);

  G_OBJECT_CLASS (cp_store_parent_class)->dispose (object);
}

static void
cp_store_finalize (GObject *object)
{
  CpStore *self = (CpStore *)object;

  g_clear_object (&self->people);
  g_clear_object (&self->people_by_name);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->real_path, g_free);
  g_clear_pointer (&self->notified_undo_label, g_free);
  g_clear_pointer (&self->notified_redo_label, g_free);
  g_clear_pointer (&self->pack_origin, g_bytes_unref);

  G_OBJECT_CLASS (cp_store_parent_class)->finalize (object);
}

static void
cp_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CpStore *self = CP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cp_store_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cp_store_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, cp_store_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, cp_store_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_store_class_init (CpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cp_store_dispose;
  object_class->finalize = cp_store_finalize;
  object_class->get_property = cp_store_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CpStore::changed:
   * @tables: (array zero-terminated=1): names of the tables that changed
   *
   * Emitted after every committed edit, undo, redo and restore, once the people model
   * has been refreshed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
cp_store_init (CpStore *self)
{
  self->people = g_list_store_new (CP_TYPE_PERSON);
  self->people_by_name = g_list_store_new (CP_TYPE_PERSON);
  self->people_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->undo_stack);
  g_queue_init (&self->redo_stack);
  self->backup_keep = 7;
  self->lock_fd = -1;
  self->inode_fd = -1;
}

/* ---- Internal helpers shared by the store's files ------------------------------------- */

void
_cp_store_notify_undo (CpStore  *self,
                       gboolean  could_undo,
                       gboolean  could_redo)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (could_undo != cp_store_can_undo (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
  if (could_redo != cp_store_can_redo (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
  if (g_strcmp0 (self->notified_undo_label, cp_store_get_undo_label (self)) != 0)
    {
      g_free (self->notified_undo_label);
      self->notified_undo_label = g_strdup (cp_store_get_undo_label (self));
      g_object_notify_by_pspec (object, properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (self->notified_redo_label, cp_store_get_redo_label (self)) != 0)
    {
      g_free (self->notified_redo_label);
      self->notified_redo_label = g_strdup (cp_store_get_redo_label (self));
      g_object_notify_by_pspec (object, properties[PROP_REDO_LABEL]);
    }
  g_object_thaw_notify (object);
}

void
_cp_store_notify_read_only (CpStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

void
_cp_store_emit_changed (CpStore            *self,
                        const char * const *tables)
{
  g_signal_emit (self, signals[CHANGED], 0, tables);
}

gboolean
_cp_store_check_open (CpStore  *self,
                      GError  **error)
{
  if (self->db != NULL)
    return TRUE;

  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                       _("The workspace is closed."));
  return FALSE;
}

gboolean
_cp_store_check_writable (CpStore  *self,
                          GError  **error)
{
  if (!_cp_store_check_open (self, error))
    return FALSE;

  /* A pack lets its connection judge each write (cp-store-pack.c: only the supervision
   * record may change). */
  if (self->read_only && !self->pack)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                           _("The workspace is open read-only; the change was not saved."));
      return FALSE;
    }

  /* A change now would be in neither the "before-restore" backup nor the restored file. */
  if (self->restoring)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED,
                           _("A backup is being restored into the workspace; the change was "
                             "not saved. Try again in a moment."));
      return FALSE;
    }

  return TRUE;
}

sqlite3 *
_cp_store_get_db (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return self->db;
}

void
_cp_store_set_now_for_testing (CpStore *self,
                               gint64   monotonic_usec)
{
  g_return_if_fail (CP_IS_STORE (self));

  self->now_for_testing = monotonic_usec;
}

char *
_cp_store_dup_base_name (const char *workspace_path)
{
  g_autofree char *base = g_path_get_basename (workspace_path);

  if (g_str_has_suffix (base, ".cpkit") && strlen (base) > strlen (".cpkit"))
    base[strlen (base) - strlen (".cpkit")] = '\0';

  return g_steal_pointer (&base);
}

/* ---- Opening -------------------------------------------------------------------------- */

static gboolean
write_fresh_meta (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cp_db_now ();
  int has_meta = 0;

  if (!_cp_db_get_int (db,
                       "SELECT count(*) FROM sqlite_master "
                       "WHERE type = 'table' AND name = 'workspace_meta'",
                       &has_meta, error))
    return FALSE;

  if (!has_meta)
    return TRUE;

  if (!(stmt = _cp_db_prepare (db,
                               "INSERT OR IGNORE INTO workspace_meta (key, value) "
                               "VALUES ('created-by', ?1), ('created-at', ?2)",
                               error)))
    return FALSE;

  _cp_db_bind_text (stmt, 1, PACKAGE_NAME " " PACKAGE_VERSION);
  _cp_db_bind_text (stmt, 2, now);

  return _cp_db_step_done (stmt, error);
}

/* A workspace holds special-category data: the file and its side files are the user's
 * alone (0600), whatever mode a copy brought with it; when it was open to others, the UI
 * says so (they may have read it), and says so too when it cannot be closed to them. The
 * folder is the user's to set; when other users can list it, the UI says so. */
static void
tighten_modes (CpStore *self)
{
  g_autofree char *dir = g_path_get_dirname (self->real_path);
  GStatBuf st;

  if (g_stat (self->real_path, &st) == 0 && (st.st_mode & 0777) != 0600)
    {
      gboolean was_open = (st.st_mode & 0077) != 0;

      if (g_chmod (self->real_path, 0600) != 0)
        g_debug ("Could not make the workspace private: %s", g_strerror (errno));
      /* Some file systems (FAT) accept the call and keep the mode they always show. */
      if (was_open && g_stat (self->real_path, &st) == 0)
        self->warnings |= (st.st_mode & 0077) != 0 ? CP_STORE_WARNING_NOT_PRIVATE
                                                   : CP_STORE_WARNING_MADE_PRIVATE;
    }

  _cp_db_fix_side_modes (self->real_path);

  if (g_stat (dir, &st) == 0 && (st.st_mode & (S_IROTH | S_IXOTH)) != 0)
    self->warnings |= CP_STORE_WARNING_FOLDER_SHARED;
}

CpStore *
_cp_store_open_with_migrations (const char          *path,
                                CpStoreOpenFlags     flags,
                                const char          *schema,
                                const char * const  *steps,
                                guint                n_steps,
                                GError             **error)
{
  g_autoptr(CpStore) self = NULL;
  CpDbInfo info;
  gboolean read_only = (flags & CP_STORE_OPEN_READ_ONLY) != 0;
  const char *real;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  /* Resolved once: the lock, the backups and the library follow the file, not the name. */
  self->real_path = _cp_store_resolve_path (path);
  self->flags = flags;
  self->read_only = read_only;
  real = self->real_path;

  if (!_cp_db_probe (real, &info, error))
    return NULL;

  if (info.exists)
    {
      if (info.user_version > (int) n_steps)
        {
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW,
                       _("The workspace was made by a newer version of the app. "
                         "Open it with that version; this one will not change it."));
          return NULL;
        }

      if (info.application_id != CP_DB_APPLICATION_ID &&
          (info.application_id != 0 || info.n_objects > 0))
        {
          g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE,
                               _("The file is a database, but not a workspace of this app."));
          return NULL;
        }
    }
  else if (read_only)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                           _("There is no workspace at that place."));
      return NULL;
    }

  /* Everything is in a -wal that cannot be read here: the file alone is not a workspace
   * yet, and must not be shown (or made) as an empty one. */
  if (info.exists && info.wal_unreadable && info.n_objects == 0)
    {
      _cp_db_set_wal_unreadable_error (error);
      return NULL;
    }

  if (!read_only && !_cp_store_check_can_write (real, error))
    return NULL;

  if (!_cp_store_lock (self, error))
    return NULL;

  if (self->read_only)
    {
      gboolean stale = FALSE;

      if (!(self->db = _cp_db_open_ro_auto (real, FALSE, &stale, error)) ||
          !_cp_db_get_int (self->db, "PRAGMA user_version", &self->schema_version, error))
        return NULL;
      if (stale)
        self->warnings |= CP_STORE_WARNING_RECENT_UNREADABLE;
    }
  else
    {
      gboolean fresh = !info.exists;

      if (fresh && !_cp_db_create_file (real, error))
        return NULL;
      if (fresh && !_cp_store_lock_inode (self, error))
        {
          g_unlink (real);
          return NULL;
        }

      /* Before SQLite opens it: the -wal and -shm it makes take the file's mode. */
      tighten_modes (self);

      if (!(self->db = _cp_db_open_rw (real, error)))
        {
          if (fresh)
            g_unlink (real);
          return NULL;
        }

      _cp_db_fix_side_modes (real);

      if (!_cp_migrations_run (self->db, schema, steps, n_steps,
                               _cp_store_backup_before_migration, self, error))
        {
          g_clear_pointer (&self->db, sqlite3_close_v2);
          if (fresh)
            g_unlink (real);
          return NULL;
        }

      if (fresh && !write_fresh_meta (self->db, error))
        return NULL;

      self->schema_version = (int) n_steps;
    }

  if (!_cp_store_reload (self, error))
    return NULL;

  if (!self->read_only && (flags & CP_STORE_OPEN_NO_BACKUP) == 0)
    {
      g_autoptr(GError) backup_error = NULL;

      /* A failed daily backup must not keep people from their work. Nothing is pruned
       * here: the number of days to keep is the caller's (cp_store_set_backup_keep), and
       * cp_store_backup_daily prunes once it is set. */
      if (!_cp_store_take_daily_backup (self, FALSE, &backup_error))
        g_message ("Daily backup failed: %s", backup_error->message);
    }

  return g_steal_pointer (&self);
}

CpStore *
cp_store_open (const char        *path,
               CpStoreOpenFlags   flags,
               GError           **error)
{
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cp_migrations_load (&schema, &steps, error))
    return NULL;

  return _cp_store_open_with_migrations (path, flags, schema,
                                         (const char * const *) steps,
                                         g_strv_length (steps), error);
}

char *
cp_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cpkit", "workspace.cpkit", NULL);
}

char *
cp_store_dup_practice_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cpkit", "practice.cpkit", NULL);
}

const char *
cp_store_get_path (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return self->path;
}

const char *
cp_store_get_real_path (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return self->real_path;
}

CpStoreWarnings
cp_store_get_warnings (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), CP_STORE_WARNING_NONE);

  return self->warnings;
}

GStrv
cp_store_dup_warning_messages (CpStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  if (self->warnings & CP_STORE_WARNING_RECENT_UNREADABLE)
    g_strv_builder_add (builder,
                        _("Recent changes to this workspace could not be read: it is "
                          "read-only and its folder cannot be written. It shows an older "
                          "state. Open it where it can be written to see them."));
  if (self->warnings & CP_STORE_WARNING_HARD_LINKED)
    g_strv_builder_add (builder,
                        _("This workspace file has more than one name (a hard link). Open "
                          "it by one name only: each name keeps its own recent changes."));
  if (self->warnings & CP_STORE_WARNING_FOLDER_SHARED)
    g_strv_builder_add (builder,
                        _("Other people who use this computer can see the folder this "
                          "workspace is in. Keep it in a private folder."));
  if (self->warnings & CP_STORE_WARNING_MADE_PRIVATE)
    g_strv_builder_add (builder,
                        _("Other people who use this computer could read this workspace "
                          "file. It is private to you now."));
  if (self->warnings & CP_STORE_WARNING_NOT_PRIVATE)
    g_strv_builder_add (builder,
                        _("Other people who use this computer can read this workspace file, "
                          "and the app could not change that. Move it to a folder of your "
                          "own on this computer's disk."));

  return g_strv_builder_end (builder);
}

char *
cp_store_dup_display_name (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return _cp_store_dup_base_name (self->path);
}

char *
cp_store_dup_display_name_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return _cp_store_dup_base_name (path);
}

gboolean
cp_store_get_read_only (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), TRUE);

  return self->read_only;
}

int
cp_store_get_schema_version (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), 0);

  return self->schema_version;
}

void
cp_store_close (CpStore *self)
{
  g_return_if_fail (CP_IS_STORE (self));

  _cp_store_clear_undo (self);
  _cp_store_forget_statements (self);

  if (self->db != NULL)
    {
      int rc = sqlite3_close_v2 (self->db);

      if (rc != SQLITE_OK)
        g_debug ("sqlite3_close_v2: %s", sqlite3_errstr (rc));
      self->db = NULL;
    }

  _cp_store_unlock (self);
}
