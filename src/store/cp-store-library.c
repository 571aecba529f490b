/* cp-store-library.c: the Library's records in the workspace
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store-library"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-store-library.h"
#include "cp-store-private.h"
#include "util/cp-enum.h"

static void
view_state_defaults (CpLibraryViewState *state)
{
  state->last_page = 0;
  state->n_pages = 0;
  state->zoom = 1.0;
  state->sizing = CP_LIBRARY_SIZING_FIT_WIDTH;
  state->night_mode = CP_LIBRARY_NIGHT_SYSTEM;
}

gboolean
cp_store_library_get_view (CpStore             *self,
                           const char          *key,
                           CpLibraryViewState  *state,
                           gboolean            *found,
                           GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  view_state_defaults (state);
  if (found != NULL)
    *found = FALSE;

  if ((db = _cp_store_get_db (self)) == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                           _("The workspace is closed."));
      return FALSE;
    }

  if (!(stmt = _cp_db_prepare (db,
                               "SELECT last_page, n_pages, zoom, sizing, night_mode "
                               "FROM document_view WHERE key = ?1",
                               error)))
    return FALSE;
  _cp_db_bind_text (stmt, 1, key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->last_page = (guint) MAX (0, sqlite3_column_int (stmt, 0));
      state->n_pages = (guint) MAX (0, sqlite3_column_int (stmt, 1));
      state->zoom = CLAMP (sqlite3_column_double (stmt, 2), 0.25, 4.0);
      state->sizing = cp_enum_from_nick (CP_TYPE_LIBRARY_SIZING,
                                         (const char *) sqlite3_column_text (stmt, 3),
                                         CP_LIBRARY_SIZING_FIT_WIDTH);
      state->night_mode = cp_enum_from_nick (CP_TYPE_LIBRARY_NIGHT_MODE,
                                             (const char *) sqlite3_column_text (stmt, 4),
                                             CP_LIBRARY_NIGHT_SYSTEM);
      if (found != NULL)
        *found = TRUE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

/* A value out of range is stored as @fallback. */
static const char *
nick_or (GType type,
         int   value,
         int   fallback)
{
  const char *nick = cp_enum_to_nick (type, value);

  return nick != NULL ? nick : cp_enum_to_nick (type, fallback);
}

static gboolean
store_view (CpStore                  *self,
            const char               *key,
            const CpLibraryViewState *state,
            GError                  **error)
{
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = {
    CP_DB_TEXT (key),
    CP_DB_INT (MIN (state->last_page, G_MAXINT)),
    CP_DB_INT (MIN (state->n_pages, G_MAXINT)),
    CP_DB_REAL (CLAMP (state->zoom, 0.25, 4.0)),
    CP_DB_TEXT (nick_or (CP_TYPE_LIBRARY_SIZING, state->sizing, CP_LIBRARY_SIZING_FIT_WIDTH)),
    CP_DB_TEXT (nick_or (CP_TYPE_LIBRARY_NIGHT_MODE, state->night_mode,
                         CP_LIBRARY_NIGHT_SYSTEM)),
    CP_DB_TEXT (now),
  };
  /* The statement changes nothing when the values are already there. */
  const CpStoreStatement statements[] = {
    { "INSERT INTO document_view "
      "(key, last_page, n_pages, zoom, sizing, night_mode, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
      "ON CONFLICT (key) DO UPDATE SET "
      "last_page = excluded.last_page, n_pages = excluded.n_pages, "
      "zoom = excluded.zoom, sizing = excluded.sizing, "
      "night_mode = excluded.night_mode, "
      "updated_at = excluded.updated_at "
      "WHERE last_page IS NOT excluded.last_page "
      "OR n_pages IS NOT excluded.n_pages "
      "OR zoom IS NOT excluded.zoom "
      "OR sizing IS NOT excluded.sizing "
      "OR night_mode IS NOT excluded.night_mode",
      values, G_N_ELEMENTS (values), NULL },
  };

  /* Not an undo step: where a reader stopped is not an edit of anyone's record. */
  return _cp_store_edit_statements (self, NULL, NULL, statements, G_N_ELEMENTS (statements),
                                    NULL, error);
}

gboolean
cp_store_library_set_view (CpStore                  *self,
                           const char               *key,
                           const CpLibraryViewState *state,
                           GError                  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store_view (self, key, state, error);
}

/* ---- Imported documents ------------------------------------------------------------------ */

void
cp_library_document_free (CpLibraryDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->key);
  g_free (document->title);
  g_free (document->file_name);
  g_free (document->sha256);
  g_free (document->added_at);
  g_free (document);
}

gboolean
cp_library_is_sha256 (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;
  for (const char *p = sha256; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
        return FALSE;
    }
  return TRUE;
}

static char *
library_folder_of (const char *workspace_path)
{
  g_autofree char *dir = g_path_get_dirname (workspace_path);
  g_autofree char *base = _cp_store_dup_base_name (workspace_path);

  return g_build_filename (dir, "library", base, NULL);
}

/* Beside the workspace's real path, so every name of it shares one folder. */
char *
cp_store_library_dup_folder (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return library_folder_of (cp_store_get_real_path (self));
}

char *
cp_store_library_dup_file_path (CpStore    *self,
                                const char *sha256)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  /* Checked here, at run time, whatever the schema of the file said: a crafted
   * workspace must not point the library at "../" or anywhere else. */
  if (!cp_library_is_sha256 (sha256))
    return NULL;

  folder = cp_store_library_dup_folder (self);
  name = g_strconcat (sha256, ".pdf", NULL);
  path = g_build_filename (folder, name, NULL);

  /* Older versions kept the folder beside the name the workspace was opened by (a
   * symlink): a file imported then is still found there. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *given = g_canonicalize_filename (cp_store_get_path (self), NULL);
      g_autofree char *legacy_folder = library_folder_of (given);
      g_autofree char *legacy = g_build_filename (legacy_folder, name, NULL);

      if (g_strcmp0 (legacy_folder, folder) != 0 && g_file_test (legacy, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&legacy);
    }

  return g_steal_pointer (&path);
}

#define DOCUMENT_GONE N_("That document is not in the library.")

#define DOCUMENT_COLUMNS "id, key, title, file_name, sha256, n_pages, added_at"

#define DOCUMENT_DAMAGED N_("That document’s record in the workspace is damaged.")

/* NULL for a row whose sha256 could not name a file in the library folder (a crafted or
 * damaged workspace: the schema's own CHECK may not be there). */
static CpLibraryDocument *
document_from_row (sqlite3_stmt *stmt)
{
  CpLibraryDocument *document;

  if (!cp_library_is_sha256 ((const char *) sqlite3_column_text (stmt, 4)))
    {
      g_debug ("Skipped a library row whose sha256 is not 64 hex digits");
      return NULL;
    }

  document = g_new0 (CpLibraryDocument, 1);

  document->id = sqlite3_column_int64 (stmt, 0);
  document->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  document->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  document->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  document->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  document->n_pages = (guint) MAX (0, sqlite3_column_int (stmt, 5));
  document->added_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  return document;
}

static sqlite3 *
get_open_db (CpStore  *self,
             GError  **error)
{
  sqlite3 *db = _cp_store_get_db (self);

  if (db == NULL)
    g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                         _("The workspace is closed."));
  return db;
}

GPtrArray *
cp_store_library_list_documents (CpStore  *self,
                                 GError  **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_open_db (self, error)) == NULL)
    return NULL;
  if (!(stmt = _cp_db_prepare (db,
                               "SELECT " DOCUMENT_COLUMNS " FROM document "
                               "ORDER BY added_at DESC, id DESC",
                               error)))
    return NULL;

  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_library_document_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpLibraryDocument *document = document_from_row (stmt);

      if (document != NULL)
        g_ptr_array_add (documents, document);
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, rc);
      return NULL;
    }
  return g_steal_pointer (&documents);
}

CpLibraryDocument *
cp_store_library_find_document (CpStore     *self,
                                const char  *key,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_open_db (self, error)) == NULL)
    return NULL;
  if (!(stmt = _cp_db_prepare (db,
                               "SELECT " DOCUMENT_COLUMNS " FROM document WHERE key = ?1",
                               error)))
    return NULL;
  _cp_db_bind_text (stmt, 1, key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      CpLibraryDocument *document = document_from_row (stmt);

      if (document == NULL)
        g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                             _(DOCUMENT_DAMAGED));
      return document;
    }
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND, _(DOCUMENT_GONE));
  else
    _cp_db_set_error (error, db, rc);
  return NULL;
}

gboolean
cp_store_library_add_document (CpStore     *self,
                               const char  *sha256,
                               const char  *title,
                               const char  *file_name,
                               guint        n_pages,
                               GError     **error)
{
  g_autofree char *key = g_strconcat (CP_LIBRARY_SHA256_PREFIX, sha256, NULL);
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = {
    CP_DB_TEXT (key),
    CP_DB_TEXT (title != NULL ? title : ""),
    CP_DB_TEXT (file_name != NULL ? file_name : ""),
    CP_DB_TEXT (sha256),
    CP_DB_INT (MIN (n_pages, G_MAXINT)),
    CP_DB_TEXT (now),
  };
  /* Already there: nothing changes, so no undo step. */
  const CpStoreStatement statements[] = {
    { "INSERT INTO document (key, title, file_name, sha256, n_pages, added_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) "
      "ON CONFLICT (key) DO NOTHING",
      values, G_N_ELEMENTS (values), NULL },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cp_library_is_sha256 (sha256))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                           _("That is not a document the library knows."));
      return FALSE;
    }

  return _cp_store_edit_statements (self, _("Add to library"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

gboolean
cp_store_library_remove_document (CpStore     *self,
                                  const char  *key,
                                  GError     **error)
{
  const CpDbValue values[] = { CP_DB_TEXT (key) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM bookmark WHERE doc_key = ?1", values, 1, NULL },
    { "DELETE FROM document WHERE key = ?1", values, 1, _(DOCUMENT_GONE) },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Remove from library"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

/* The sha256 column of the document rows in one undo or redo step. */
static void
add_changeset_files (GHashTable *files,
                     int         n_changeset,
                     void       *changeset)
{
  sqlite3_changeset_iter *iter = NULL;

  if (changeset == NULL || n_changeset <= 0 ||
      sqlite3changeset_start (&iter, n_changeset, changeset) != SQLITE_OK)
    return;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      sqlite3_value *value = NULL;

      if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) != SQLITE_OK ||
          g_strcmp0 (table, "document") != 0 || n_columns < 5)
        continue;
      /* Column 4 is sha256 (id, key, title, file_name, sha256, …). */
      if (op != SQLITE_INSERT && sqlite3changeset_old (iter, 4, &value) == SQLITE_OK &&
          value != NULL && sqlite3_value_type (value) == SQLITE_TEXT)
        g_hash_table_add (files, g_strdup ((const char *) sqlite3_value_text (value)));
      value = NULL;
      if (op != SQLITE_DELETE && sqlite3changeset_new (iter, 4, &value) == SQLITE_OK &&
          value != NULL && sqlite3_value_type (value) == SQLITE_TEXT)
        g_hash_table_add (files, g_strdup ((const char *) sqlite3_value_text (value)));
    }
  sqlite3changeset_finalize (iter);
}

static void
add_queue_files (GHashTable *files,
                 GQueue     *steps)
{
  for (GList *l = steps->head; l != NULL; l = l->next)
    {
      CpUndoStep *step = l->data;

      add_changeset_files (files, step->n_changeset, step->changeset);
    }
}

gboolean
cp_store_library_collect_files (CpStore  *self,
                                guint    *n_deleted,
                                GError  **error)
{
  g_autoptr(GHashTable) referred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint deleted = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_deleted != NULL)
    *n_deleted = 0;
  if (cp_store_get_read_only (self))
    return TRUE;
  if ((db = get_open_db (self, error)) == NULL)
    return FALSE;

  if (!(stmt = _cp_db_prepare (db, "SELECT sha256 FROM document", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (referred, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, rc);
      return FALSE;
    }
  add_queue_files (referred, &self->undo_stack);
  add_queue_files (referred, &self->redo_stack);

  folder = cp_store_library_dup_folder (self);
  if (!(dir = g_dir_open (folder, 0, NULL)))
    return TRUE;   /* nothing imported yet */

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *sha256 = NULL;

      if (g_str_has_suffix (name, ".pdf"))
        sha256 = g_strndup (name, strlen (name) - 4);
      if (sha256 != NULL && cp_library_is_sha256 (sha256))
        {
          if (g_hash_table_contains (referred, sha256))
            continue;
        }
      else if (g_str_has_prefix (name, ".import-"))
        {
          GStatBuf buf;

          /* Left by an import that never finished; one in progress is younger. */
          if (g_stat (path, &buf) != 0 || (gint64) buf.st_mtime > g_get_real_time () / G_USEC_PER_SEC - 600)
            continue;
        }
      else
        continue;   /* not ours: leave it */

      if (g_unlink (path) == 0)
        deleted++;
      else
        g_debug ("Could not delete a library file: %s", g_strerror (errno));
    }

  if (n_deleted != NULL)
    *n_deleted = deleted;
  return TRUE;
}

/* ---- Bookmarks and highlights ---------------------------------------------------------------- */

void
cp_library_mark_free (CpLibraryMark *mark)
{
  if (mark == NULL)
    return;
  g_free (mark->doc_key);
  g_free (mark->dest);
  g_free (mark->quote);
  g_free (mark->rects);
  g_free (mark->note);
  g_free (mark->colour);
  g_free (mark->created_at);
  g_free (mark);
}

#define MARK_COLUMNS "id, doc_key, kind, page, dest, quote, rects, note, colour, created_at"

static CpLibraryMark *
mark_from_row (sqlite3_stmt *stmt)
{
  CpLibraryMark *mark = g_new0 (CpLibraryMark, 1);

  mark->id = sqlite3_column_int64 (stmt, 0);
  mark->doc_key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  mark->kind = cp_enum_from_nick (CP_TYPE_LIBRARY_MARK_KIND,
                                  (const char *) sqlite3_column_text (stmt, 2),
                                  CP_LIBRARY_MARK_BOOKMARK);
  mark->page = (guint) MAX (0, sqlite3_column_int (stmt, 3));
  mark->dest = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  mark->quote = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  mark->rects = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  mark->note = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  mark->colour = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  mark->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  return mark;
}

GPtrArray *
cp_store_library_list_marks (CpStore     *self,
                             const char  *doc_key,
                             const char  *search,
                             GError     **error)
{
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *folded = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_open_db (self, error)) == NULL)
    return NULL;
  /* Matched in C: SQLite's lower () knows only ASCII. */
  if (search != NULL && *search != '\0')
    folded = g_utf8_casefold (search, -1);
  if (!(stmt = _cp_db_prepare (db,
                               "SELECT " MARK_COLUMNS " FROM bookmark "
                               "WHERE ?1 IS NULL OR doc_key = ?1 "
                               "ORDER BY doc_key, page, id",
                               error)))
    return NULL;
  _cp_db_bind_text (stmt, 1, doc_key);

  marks = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_library_mark_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CpLibraryMark) mark = mark_from_row (stmt);

      if (folded != NULL)
        {
          g_autofree char *note = g_utf8_casefold (mark->note, -1);
          g_autofree char *quote = g_utf8_casefold (mark->quote, -1);

          if (strstr (note, folded) == NULL && strstr (quote, folded) == NULL)
            continue;
        }
      g_ptr_array_add (marks, g_steal_pointer (&mark));
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, rc);
      return NULL;
    }
  return g_steal_pointer (&marks);
}

static gint64
insert_mark (CpStore              *self,
             const CpLibraryMark  *mark,
             GError              **error)
{
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = {
    CP_DB_TEXT (mark->doc_key),
    CP_DB_TEXT (nick_or (CP_TYPE_LIBRARY_MARK_KIND, mark->kind, CP_LIBRARY_MARK_BOOKMARK)),
    CP_DB_INT (MIN (mark->page, G_MAXINT)),
    CP_DB_TEXT (mark->dest),
    CP_DB_TEXT (mark->quote != NULL ? mark->quote : ""),
    CP_DB_TEXT (mark->rects != NULL ? mark->rects : ""),
    CP_DB_TEXT (mark->note != NULL ? mark->note : ""),
    CP_DB_TEXT (mark->colour != NULL ? mark->colour : "yellow"),
    CP_DB_TEXT (now),
  };
  const CpStoreStatement statements[] = {
    { "INSERT INTO bookmark (doc_key, kind, page, dest, quote, rects, "
      "note, colour, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
      values, G_N_ELEMENTS (values), NULL },
  };
  gint64 id = 0;

  if (!_cp_store_edit_statements (self,
                                  mark->kind == CP_LIBRARY_MARK_HIGHLIGHT ? _("Add highlight")
                                                                          : _("Add bookmark"),
                                  NULL, statements, G_N_ELEMENTS (statements), &id, error))
    return 0;

  return id;
}

gint64
cp_store_library_add_mark (CpStore              *self,
                           const CpLibraryMark  *mark,
                           GError              **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (mark != NULL && mark->doc_key != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return insert_mark (self, mark, error);
}

gboolean
cp_store_library_set_mark_note (CpStore     *self,
                                gint64       id,
                                const char  *note,
                                GError     **error)
{
  g_autofree char *merge_key = g_strdup_printf ("bookmark-note-%" G_GINT64_FORMAT, id);
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = {
    CP_DB_INT (id), CP_DB_TEXT (note != NULL ? note : ""), CP_DB_TEXT (now)
  };
  /* The same note, or no such mark: nothing changes, so no step. */
  const CpStoreStatement statements[] = {
    { "UPDATE bookmark SET note = ?2, updated_at = ?3 WHERE id = ?1 AND note IS NOT ?2",
      values, G_N_ELEMENTS (values), NULL },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Edit note"), merge_key, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

gboolean
cp_store_library_remove_mark (CpStore     *self,
                              gint64       id,
                              GError     **error)
{
  const CpDbValue values[] = { CP_DB_INT (id) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM bookmark WHERE id = ?1", values, 1, _("That bookmark is gone.") },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Remove bookmark"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}
