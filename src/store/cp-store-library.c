/* cp-store-library.c: the Library's records in the workspace
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store-library"

#include <glib/gi18n.h>

#include "cp-store-library.h"
#include "cp-store-private.h"

static const char * const sizing_names[] = { "free", "fit-width", "fit-page" };
static const char * const night_names[] = { "system", "on", "off" };

static guint
index_of (const char * const *names,
          guint               n_names,
          const char         *name,
          guint               fallback)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], name) == 0)
        return i;
    }
  return fallback;
}

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
      state->sizing = index_of (sizing_names, G_N_ELEMENTS (sizing_names),
                                (const char *) sqlite3_column_text (stmt, 3),
                                CP_LIBRARY_SIZING_FIT_WIDTH);
      state->night_mode = index_of (night_names, G_N_ELEMENTS (night_names),
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

gboolean
cp_store_library_set_view (CpStore                  *self,
                           const char               *key,
                           const CpLibraryViewState *state,
                           GError                  **error)
{
  static const char * const tables[] = { "document_view", NULL };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_writable (self, error))
    return FALSE;

  /* Not an undo step: where a reader stopped is not an edit of anyone's record. The
   * statement changes nothing when the values are already there. */
  db = _cp_store_get_db (self);
  now = _cp_db_now ();
  if (!(stmt = _cp_db_prepare (db,
                               "INSERT INTO document_view "
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
                               error)))
    return FALSE;
  _cp_db_bind_text (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, (int) MIN (state->last_page, G_MAXINT));
  sqlite3_bind_int (stmt, 3, (int) MIN (state->n_pages, G_MAXINT));
  sqlite3_bind_double (stmt, 4, CLAMP (state->zoom, 0.25, 4.0));
  _cp_db_bind_text (stmt, 5, sizing_names[MIN ((guint) state->sizing,
                                               G_N_ELEMENTS (sizing_names) - 1)]);
  _cp_db_bind_text (stmt, 6, night_names[MIN ((guint) state->night_mode,
                                              G_N_ELEMENTS (night_names) - 1)]);
  _cp_db_bind_text (stmt, 7, now);
  if (!_cp_db_step_done (stmt, error))
    return FALSE;

  if (sqlite3_changes (db) > 0)
    _cp_store_emit_changed (self, tables);

  return TRUE;
}
