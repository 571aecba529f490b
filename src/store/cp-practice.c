/* cp-practice.c: the fictional practice workspace
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-practice"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-store-records-private.h"
#include "util/cp-date.h"

#define PRACTICE_RESOURCE RESOURCE_PATH "/practice/practice.ini"

typedef struct
{
  sqlite3 *db;
  char    *now;
} Practice;

static gboolean
invalid_data (GError **error,
              const char *what)
{
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
               _("The practice data is damaged (%s)."), what);
  return FALSE;
}

static char *
dup_optional (GKeyFile   *keyfile,
              const char *group,
              const char *key)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    return NULL;

  return g_steal_pointer (&value);
}

/* A map of the practice data into a new snapshot. @baseline, when given, is the map the
 * model's lineages were matched against: its members keep the day they were added. */
static gboolean
insert_map (Practice       *p,
            gint64          person_id,
            const char     *label,
            const char     *taken_on,
            CpNetmapModel  *model,
            CpNetmapModel  *baseline,
            const char     *baseline_on,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 snapshot_id;

  if (!(stmt = _cp_db_prepare (p->db,
                               "INSERT INTO snapshot (person_id, label, taken_on, created_at, "
                               "updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                               error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  _cp_db_bind_text (stmt, 2, label);
  _cp_db_bind_text (stmt, 3, taken_on);
  _cp_db_bind_text (stmt, 4, p->now);
  if (!_cp_db_step_done (stmt, error))
    return FALSE;
  snapshot_id = sqlite3_last_insert_rowid (p->db);

  for (guint i = 0; baseline != NULL && i < cp_netmap_model_get_n_members (model); i++)
    {
      CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (cp_netmap_model_find (baseline, m->lineage) != NULL)
        {
          g_free (m->added_on);
          m->added_on = g_strdup (baseline_on);
        }
    }

  /* The lineages are the ones the practice data matched: Sam is Sam on every map. */
  return _cp_store_insert_model (p->db, snapshot_id, model, 0, taken_on, error);
}

/* The baseline map, made on the day the person agreed to the work, and the map at the
 * first review when the data has one (review-members, review-days-ago). */
static gboolean
insert_maps (Practice    *p,
             GKeyFile    *keyfile,
             const char  *id,
             gint64       person_id,
             const char  *agreed_on,
             GError     **error)
{
  g_autofree char *group = g_strconcat ("person:", id, NULL);
  g_autoptr(CpNetmapModel) baseline = NULL;
  g_autoptr(CpNetmapModel) review = NULL;
  g_autofree char *review_on = NULL;
  g_autofree char *review_label = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_key_file_has_key (keyfile, group, "members", NULL))
    baseline = cp_netmap_model_new_from_practice (keyfile, id, "members", NULL, &local_error);
  else
    baseline = cp_netmap_model_new ();
  if (baseline == NULL)
    return invalid_data (error, "members");

  if (!insert_map (p, person_id, _("Baseline"), agreed_on, baseline, NULL, NULL, error))
    return FALSE;

  if (!g_key_file_has_key (keyfile, group, "review-members", NULL))
    return TRUE;

  review = cp_netmap_model_new_from_practice (keyfile, id, "review-members", baseline,
                                              &local_error);
  review_on = cp_date_from_today (-g_key_file_get_integer (keyfile, group, "review-days-ago",
                                                           NULL));
  if (review == NULL)
    return invalid_data (error, "review-members");
  if (!g_key_file_has_key (keyfile, group, "review-days-ago", NULL) ||
      g_strcmp0 (review_on, agreed_on) <= 0)
    return invalid_data (error, "review-days-ago");

  review_label = _cp_store_review_label (1);

  return insert_map (p, person_id, review_label, review_on, review, baseline, agreed_on,
                     error);
}

static gboolean
insert_person (Practice    *p,
               GKeyFile    *keyfile,
               const char  *id,
               GError     **error)
{
  g_autofree char *group = g_strconcat ("person:", id, NULL);
  g_autofree char *name = dup_optional (keyfile, group, "name");
  g_autofree char *case_ref = dup_optional (keyfile, group, "case-ref");
  g_autofree char *status = dup_optional (keyfile, group, "status");
  g_autofree char *reason = dup_optional (keyfile, group, "pause-reason");
  g_autofree char *focus = dup_optional (keyfile, group, "focus");
  g_autofree char *communication = dup_optional (keyfile, group, "communication");
  g_autofree char *notes = dup_optional (keyfile, group, "notes");
  g_autofree char *next_review = NULL;
  g_autofree char *agreed_on = NULL;
  g_autofree char *closed_on = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) other = g_string_new (NULL);
  g_auto(GStrv) needs = NULL;
  gboolean large_print = FALSE;
  gboolean easy_read = FALSE;
  gint64 person_id;

  if (name == NULL)
    return invalid_data (error, "name");

  /* communication= is a comma-separated list: "large print", "easy read", or anything
   * else, which is kept as other needs. */
  needs = g_strsplit (communication ? communication : "", ",", -1);
  for (guint i = 0; needs[i] != NULL; i++)
    {
      const char *need = g_strstrip (needs[i]);

      if (g_ascii_strcasecmp (need, "large print") == 0)
        large_print = TRUE;
      else if (g_ascii_strcasecmp (need, "easy read") == 0)
        easy_read = TRUE;
      else if (*need != '\0')
        g_string_append_printf (other, "%s%s", other->len ? ", " : "", need);
    }

  if (status == NULL)
    status = g_strdup ("active");
  if (g_str_equal (status, "closed"))
    closed_on = cp_date_today ();
  if (!g_str_equal (status, "paused"))
    g_clear_pointer (&reason, g_free);

  if (g_key_file_has_key (keyfile, group, "next-review-in", NULL))
    next_review = cp_date_from_today (g_key_file_get_integer (keyfile, group,
                                                              "next-review-in", NULL));
  agreed_on = cp_date_from_today (-g_key_file_get_integer (keyfile, group,
                                                           "agreed-days-ago", NULL));

  if (!(stmt = _cp_db_prepare (p->db,
                               "INSERT INTO person (name, case_ref, status, pause_reason, "
                               "closed_on, focus, next_review, agreed_on, keep_agreed_on, "
                               "large_print, easy_read, communication, notes, "
                               "created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?12, ?13, ?9, ?10, "
                               "?11, ?11)",
                               error)))
    return FALSE;

  _cp_db_bind_text (stmt, 1, name);
  _cp_db_bind_text (stmt, 2, case_ref);
  _cp_db_bind_text (stmt, 3, status);
  _cp_db_bind_text (stmt, 4, reason);
  _cp_db_bind_text (stmt, 5, closed_on);
  _cp_db_bind_text (stmt, 6, focus);
  _cp_db_bind_text (stmt, 7, next_review);
  _cp_db_bind_text (stmt, 8, agreed_on);
  _cp_db_bind_text (stmt, 9, other->str);
  _cp_db_bind_text (stmt, 10, notes ? notes : "");
  _cp_db_bind_text (stmt, 11, p->now);
  sqlite3_bind_int (stmt, 12, large_print);
  sqlite3_bind_int (stmt, 13, easy_read);
  if (!_cp_db_step_done (stmt, error))
    return FALSE;
  person_id = sqlite3_last_insert_rowid (p->db);

  /* The maps first: the plan names their members by lineage. */
  return insert_maps (p, keyfile, id, person_id, agreed_on, error) &&
         _cp_practice_insert_plan (p->db, p->now, keyfile, group, person_id, agreed_on, error);
}

static gboolean
fill (Practice  *p,
      GKeyFile  *keyfile,
      GError   **error)
{
  g_autofree char *workspace_name = dup_optional (keyfile, "workspace", "name");
  g_auto(GStrv) people = g_key_file_get_string_list (keyfile, "workspace", "people", NULL, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (people == NULL)
    return invalid_data (error, "people");

  if (!(stmt = _cp_db_prepare (p->db,
                               "INSERT OR REPLACE INTO workspace_meta (key, value) "
                               "VALUES ('kind', 'practice'), ('name', ?1)",
                               error)))
    return FALSE;
  _cp_db_bind_text (stmt, 1, workspace_name ? workspace_name : "");
  if (!_cp_db_step_done (stmt, error))
    return FALSE;

  for (guint i = 0; people[i] != NULL; i++)
    if (!insert_person (p, keyfile, g_strstrip (people[i]), error))
      return FALSE;

  return TRUE;
}

static void
remove_workspace (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

gboolean
cp_store_create_practice (const char  *path,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  Practice p = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                           _("There is already a file at that place."));
      return FALSE;
    }

  bytes = g_resources_lookup_data (PRACTICE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL ||
      !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, NULL))
    return invalid_data (error, "resource");

  if (!(store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, error)))
    return FALSE;

  /* Creation, not an edit: no undo step. */
  p.db = _cp_store_get_db (store);
  p.now = _cp_db_now ();

  ok = _cp_db_exec (p.db, "BEGIN IMMEDIATE", &local_error) &&
       fill (&p, keyfile, &local_error) &&
       _cp_db_exec (p.db, "COMMIT", &local_error);

  g_free (p.now);

  if (!ok)
    {
      if (!sqlite3_get_autocommit (p.db))
        sqlite3_exec (p.db, "ROLLBACK", NULL, NULL, NULL);
      cp_store_close (store);
      remove_workspace (path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  cp_store_close (store);

  return TRUE;
}
