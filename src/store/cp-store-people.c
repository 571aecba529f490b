/* cp-store-people.c: the people model and the people edits
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-store-private.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

#define PERSON_COLUMNS \
  "id, name, case_ref, status, pause_reason, closed_on, focus, next_review, notes, updated_at, " \
  "agreed_on, keep_agreed_on, sharing, large_print, easy_read, interpreter, " \
  "interpreter_language, communication, plan_agreed_on, check_in_on, guide_on"

/* ---- Reading -------------------------------------------------------------------------- */

/* One person's row as the model shows it; strings are borrowed. */
typedef struct
{
  const char           *name;
  const char           *case_ref;
  CpPersonStatus        status;
  CpPauseReason         pause_reason;
  const char           *closed_on;
  CpFocus               focus;
  const char           *next_review;
  const char           *notes;
  const char           *updated_at;
  const char           *agreed_on;
  const char           *keep_agreed_on;
  const char           *sharing;
  CpCommunicationNeeds  needs;
  const char           *interpreter_language;
  const char           *communication;
  const char           *plan_agreed_on;
  const char           *check_in_on;
  const char           *guide_on;
} PersonRow;

typedef enum
{
  FIELD_TEXT,
  FIELD_STATUS,
  FIELD_PAUSE_REASON,
  FIELD_FOCUS,
  FIELD_FLAG,
} FieldKind;

typedef struct
{
  const char *column;
  FieldKind   kind;
  gsize       offset;   /* FIELD_TEXT: of the string in PersonRow; FIELD_FLAG: the need */
} PersonField;

#define TEXT_FIELD(column) { #column, FIELD_TEXT, G_STRUCT_OFFSET (PersonRow, column) }

/* PERSON_COLUMNS after the id, in its order. */
static const PersonField person_fields[] = {
  TEXT_FIELD (name),
  TEXT_FIELD (case_ref),
  { "status", FIELD_STATUS, 0 },
  { "pause_reason", FIELD_PAUSE_REASON, 0 },
  TEXT_FIELD (closed_on),
  { "focus", FIELD_FOCUS, 0 },
  TEXT_FIELD (next_review),
  TEXT_FIELD (notes),
  TEXT_FIELD (updated_at),
  TEXT_FIELD (agreed_on),
  TEXT_FIELD (keep_agreed_on),
  TEXT_FIELD (sharing),
  { "large_print", FIELD_FLAG, CP_COMMUNICATION_LARGE_PRINT },
  { "easy_read", FIELD_FLAG, CP_COMMUNICATION_EASY_READ },
  { "interpreter", FIELD_FLAG, CP_COMMUNICATION_INTERPRETER },
  TEXT_FIELD (interpreter_language),
  TEXT_FIELD (communication),
  TEXT_FIELD (plan_agreed_on),
  TEXT_FIELD (check_in_on),
  TEXT_FIELD (guide_on),
};

static void
row_set_text (PersonRow         *row,
              const PersonField *field,
              const char        *text)
{
  switch (field->kind)
    {
    case FIELD_TEXT:
      G_STRUCT_MEMBER (const char *, row, field->offset) = text;
      break;
    case FIELD_STATUS:
      row->status = cp_enum_from_nick (CP_TYPE_PERSON_STATUS, text, CP_PERSON_STATUS_ACTIVE);
      break;
    case FIELD_PAUSE_REASON:
      row->pause_reason = cp_enum_from_nick (CP_TYPE_PAUSE_REASON, text, CP_PAUSE_REASON_NONE);
      break;
    case FIELD_FOCUS:
      row->focus = cp_enum_from_nick (CP_TYPE_FOCUS, text, CP_FOCUS_NONE);
      break;
    case FIELD_FLAG:
    default:
      g_assert_not_reached ();
    }
}

static void
row_set_flag (PersonRow         *row,
              const PersonField *field,
              gboolean           on)
{
  if (on)
    row->needs |= field->offset;
  else
    row->needs &= ~field->offset;
}

/* @stmt is on a row of PERSON_COLUMNS. */
static void
row_from_stmt (PersonRow    *row,
               sqlite3_stmt *stmt)
{
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    {
      const PersonField *field = &person_fields[i];

      if (field->kind == FIELD_FLAG)
        row_set_flag (row, field, sqlite3_column_int (stmt, i + 1) != 0);
      else
        row_set_text (row, field, (const char *) sqlite3_column_text (stmt, i + 1));
    }
}

static void
row_from_person (PersonRow *row,
                 CpPerson  *person)
{
  *row = (PersonRow) {
    .name = cp_person_get_name (person),
    .case_ref = cp_person_get_case_ref (person),
    .status = cp_person_get_status (person),
    .pause_reason = cp_person_get_pause_reason (person),
    .closed_on = cp_person_get_closed_on (person),
    .focus = cp_person_get_focus (person),
    .next_review = cp_person_get_next_review (person),
    .notes = cp_person_get_notes (person),
    .updated_at = cp_person_get_updated_at (person),
    .agreed_on = cp_person_get_agreed_on (person),
    .keep_agreed_on = cp_person_get_keep_agreed_on (person),
    .sharing = cp_person_get_sharing (person),
    .needs = cp_person_get_communication_needs (person),
    .interpreter_language = cp_person_get_interpreter_language (person),
    .communication = cp_person_get_communication_other (person),
    .plan_agreed_on = cp_person_get_plan_agreed_on (person),
    .check_in_on = cp_person_get_check_in_on (person),
    .guide_on = cp_person_get_guide_on (person),
  };
}

/* Notifies only the properties that changed. */
static void
row_apply (const PersonRow *row,
           CpPerson        *person)
{
  _cp_person_update (person, row->name, row->case_ref, row->status, row->pause_reason,
                     row->closed_on, row->focus, row->next_review, row->notes,
                     row->updated_at);
  _cp_person_update_agreement (person, row->agreed_on, row->keep_agreed_on, row->sharing,
                               row->needs, row->interpreter_language, row->communication);
  _cp_person_update_plan (person, row->plan_agreed_on, row->check_in_on, row->guide_on);
}

static void
update_from_row (CpPerson     *person,
                 sqlite3_stmt *stmt)
{
  PersonRow row = { 0 };

  row_from_stmt (&row, stmt);
  row_apply (&row, person);
}

static gint64
id_at (CpStore *self,
       guint    position)
{
  g_autoptr(CpPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), position);

  return person ? cp_person_get_id (person) : G_MAXINT64;
}

/* First position whose id is >= @id. */
static guint
lower_bound (CpStore *self,
             gint64   id)
{
  guint lo = 0;
  guint hi = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (id_at (self, mid) < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
add_to_index (CpStore  *self,
              CpPerson *person)
{
  gint64 *key = g_new (gint64, 1);

  *key = cp_person_get_id (person);
  g_hash_table_insert (self->people_by_id, key, person);
}

static CpPerson *
new_person_from_row (sqlite3_stmt *stmt)
{
  CpPerson *person = _cp_person_new (sqlite3_column_int64 (stmt, 0));

  update_from_row (person, stmt);
  /* The list sorts by it: made here, on the worker that opens the store, it is not made
   * for each of thousands on the window's thread as the list first shows. */
  cp_person_get_name_key (person);

  return person;
}

/* Brings one person of the model in line with the database. */
static gboolean
refresh_person (CpStore       *self,
                sqlite3_stmt  *stmt,
                gint64         id,
                GError       **error)
{
  CpPerson *existing = g_hash_table_lookup (self->people_by_id, &id);
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      if (existing != NULL)
        update_from_row (existing, stmt);
      else
        {
          g_autoptr(CpPerson) person = new_person_from_row (stmt);

          add_to_index (self, person);
          g_list_store_insert (self->people, lower_bound (self, id), person);
          _cp_store_by_name_add (self, &person, 1);
        }
      return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, self->db, sqlite3_extended_errcode (self->db));
      return FALSE;
    }

  if (existing != NULL)
    {
      guint position = lower_bound (self, id);

      g_hash_table_remove (self->people_by_id, &id);
      g_list_store_remove (self->people, position);
      /* Still alive: the other list holds it. */
      _cp_store_by_name_remove (self, &existing, 1);
    }

  return TRUE;
}

/* Brings @person in line with the UPDATE of its row that @iter is on: a changeset holds
 * the values the row has now for every column the edit changed, so the row need not be
 * read again. FALSE when the changeset's columns are not the table's as this connection
 * knows them: then the row is read. */
static gboolean
update_from_change (CpStore                *self,
                    CpPerson               *person,
                    sqlite3_changeset_iter *iter,
                    int                     n_columns)
{
  sqlite3_stmt *columns = _cp_store_prepare_cached (self, "SELECT * FROM person", NULL);
  PersonRow row;

  if (columns == NULL || sqlite3_column_count (columns) != n_columns)
    return FALSE;

  row_from_person (&row, person);
  for (int i = 0; i < n_columns; i++)
    {
      const char *column = sqlite3_column_name (columns, i);
      sqlite3_value *value = NULL;

      /* No value: the column did not change. */
      if (sqlite3changeset_new (iter, i, &value) != SQLITE_OK || value == NULL)
        continue;

      for (guint f = 0; f < G_N_ELEMENTS (person_fields); f++)
        {
          const PersonField *field = &person_fields[f];

          if (strcmp (field->column, column) != 0)
            continue;
          if (field->kind == FIELD_FLAG)
            row_set_flag (&row, field, sqlite3_value_int (value) != 0);
          else
            row_set_text (&row, field, (const char *) sqlite3_value_text (value));
          break;
        }
    }
  row_apply (&row, person);

  return TRUE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

void
_cp_store_after_change (CpStore    *self,
                        const void *changeset,
                        int         n_changeset)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  sqlite3_changeset_iter *iter = NULL;

  if (sqlite3changeset_start (&iter, n_changeset, (void *) changeset) == SQLITE_OK)
    {
      while (sqlite3changeset_next (iter) == SQLITE_ROW)
        {
          const char *table = NULL;
          int n_columns = 0;
          int op = 0;
          int indirect = 0;

          sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);

          if (!g_ptr_array_find_with_equal_func (tables, table, g_str_equal, NULL))
            g_ptr_array_add (tables, g_strdup (table));

          if (g_strcmp0 (table, "person") == 0)
            {
              sqlite3_value *value = NULL;

              /* A name may have changed. */
              self->by_name_in_order = FALSE;

              if (op == SQLITE_INSERT)
                sqlite3changeset_new (iter, 0, &value);
              else
                sqlite3changeset_old (iter, 0, &value);

              if (value != NULL)
                {
                  gint64 id = sqlite3_value_int64 (value);
                  CpPerson *existing = NULL;

                  if (op == SQLITE_UPDATE)
                    existing = g_hash_table_lookup (self->people_by_id, &id);
                  if (existing == NULL ||
                      !update_from_change (self, existing, iter, n_columns))
                    g_array_append_val (ids, id);
                }
            }
        }
      sqlite3changeset_finalize (iter);
    }

  if (ids->len > 0)
    {
      g_autoptr(GError) error = NULL;

      g_array_sort (ids, compare_int64);
      stmt = _cp_store_prepare_cached (self, "SELECT " PERSON_COLUMNS " FROM person "
                                       "WHERE id = ?1", &error);

      for (guint i = 0; stmt != NULL && i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);

          if (i > 0 && id == g_array_index (ids, gint64, i - 1))
            continue;

          if (!refresh_person (self, stmt, id, &error))
            break;
        }

      _cp_store_done_with (stmt);
      if (error != NULL)
        g_debug ("Could not refresh the people model: %s", error->message);
    }

  g_ptr_array_add (tables, NULL);
  _cp_store_emit_changed (self, (const char * const *) tables->pdata);
}

static void
flush_pending (CpStore   *self,
               GPtrArray *pending,
               guint     *position)
{
  if (pending->len == 0)
    return;

  g_list_store_splice (self->people, *position, 0, pending->pdata, pending->len);
  _cp_store_by_name_add (self, (CpPerson **) pending->pdata, pending->len);
  *position += pending->len;
  g_ptr_array_set_size (pending, 0);
}

/* Removes @n_removed items at @position, which are old[first .. first + n_removed). */
static void
remove_run (CpStore   *self,
            GPtrArray *old,
            guint      first,
            guint      n_removed,
            guint      position)
{
  if (n_removed == 0)
    return;

  for (guint i = first; i < first + n_removed; i++)
    {
      gint64 gone = cp_person_get_id (g_ptr_array_index (old, i));

      g_hash_table_remove (self->people_by_id, &gone);
    }
  g_list_store_splice (self->people, position, n_removed, NULL, 0);
  _cp_store_by_name_remove (self, (CpPerson **) old->pdata + first, n_removed);
}

gboolean
_cp_store_reload (CpStore  *self,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->people);
  guint n_old = g_list_model_get_n_items (model);
  guint position = 0;   /* in the store */
  guint next = 0;       /* in old */
  int rc;

  if (!(stmt = _cp_db_prepare (self->db, "SELECT " PERSON_COLUMNS " FROM person ORDER BY id",
                               error)))
    return FALSE;

  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (old, g_list_model_get_item (model, i));
  /* Names may change below. */
  if (n_old > 0)
    self->by_name_in_order = FALSE;

  /* A merge of two id-ordered lists: existing objects are updated in place, runs of new
   * and removed ones change the model in one splice each. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint first = next;

      while (next < n_old && cp_person_get_id (g_ptr_array_index (old, next)) < id)
        next++;

      if (next > first)
        {
          flush_pending (self, pending, &position);
          remove_run (self, old, first, next - first, position);
        }

      if (next < n_old && cp_person_get_id (g_ptr_array_index (old, next)) == id)
        {
          flush_pending (self, pending, &position);
          update_from_row (g_ptr_array_index (old, next), stmt);
          next++;
          position++;
        }
      else
        {
          CpPerson *person = new_person_from_row (stmt);

          add_to_index (self, person);
          g_ptr_array_add (pending, person);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, self->db, sqlite3_extended_errcode (self->db));
      return FALSE;
    }

  flush_pending (self, pending, &position);
  remove_run (self, old, next, n_old - next, position);

  return TRUE;
}

GListModel *
cp_store_get_people (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->people);
}

CpPerson *
cp_store_find_person (CpStore *self,
                      gint64   id)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->people_by_id, &id);
}

/* ---- Edits ---------------------------------------------------------------------------- */

gboolean
_cp_store_edit_person (CpStore     *self,
                       gint64       id,
                       const char  *label,
                       const char  *merge_key,
                       const char  *sql,
                       const char  *a,
                       const char  *b,
                       const char  *c,
                       GError     **error)
{
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = {
    CP_DB_INT (id), CP_DB_TEXT (now), CP_DB_TEXT (a), CP_DB_TEXT (b), CP_DB_TEXT (c)
  };
  const CpStoreStatement statements[] = {
    { "SELECT 1 FROM person WHERE id = ?1", values, 1, _(CP_STORE_PERSON_GONE) },
    { sql, values, G_N_ELEMENTS (values), NULL },
  };

  return _cp_store_edit_statements (self, label, merge_key, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

static gboolean
check_date (const char  *date,
            const char  *invalid,
            GError     **error)
{
  if (date == NULL || cp_date_is_valid (date))
    return TRUE;

  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT, invalid);
  return FALSE;
}

gboolean
_cp_store_set_person_date (CpStore     *self,
                           gint64       id,
                           const char  *date,
                           const char  *label,
                           const char  *invalid,
                           const char  *sql,
                           GError     **error)
{
  if (date != NULL && *date == '\0')
    date = NULL;

  if (!check_date (date, invalid, error))
    return FALSE;

  return _cp_store_edit_person (self, id, label, NULL, sql, date, NULL, NULL, error);
}

gint64
cp_store_add_person (CpStore     *self,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = { CP_DB_TEXT (clean), CP_DB_TEXT (now) };
  const CpStoreStatement statements[] = {
    { "INSERT INTO person (name, created_at, updated_at) VALUES (?1, ?2, ?2)",
      values, G_N_ELEMENTS (values), NULL },
  };
  gint64 id = 0;

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_cp_store_edit_statements (self, _("Add person"), NULL, statements,
                                  G_N_ELEMENTS (statements), &id, error))
    return 0;

  return id;
}

gboolean
cp_store_rename_person (CpStore     *self,
                        gint64       id,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_person (self, id, _("Rename person"), NULL,
                                "UPDATE person SET name = ?3, updated_at = ?2 "
                                "WHERE id = ?1 AND name IS NOT ?3",
                                clean, NULL, NULL, error);
}

gboolean
cp_store_set_person_case_ref (CpStore     *self,
                              gint64       id,
                              const char  *case_ref,
                              GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (case_ref ? case_ref : ""));

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_person (self, id, _("Change case reference"), NULL,
                                "UPDATE person SET case_ref = ?3, updated_at = ?2 "
                                "WHERE id = ?1 AND case_ref IS NOT ?3",
                                *clean ? clean : NULL, NULL, NULL, error);
}

gboolean
cp_store_set_person_status (CpStore        *self,
                            gint64          id,
                            CpPersonStatus  status,
                            CpPauseReason   reason,
                            const char     *closed_on,
                            GError        **error)
{
  g_autofree char *today = NULL;
  const char *reason_text = NULL;
  const char *closed_text = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) status > CP_PERSON_STATUS_CLOSED || (guint) reason > CP_PAUSE_REASON_CHOICE)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                           _("That is not a status the workspace knows."));
      return FALSE;
    }

  if (status == CP_PERSON_STATUS_PAUSED)
    {
      /* NONE gives NULL, which the schema refuses with a message that says why. */
      reason_text = cp_pause_reason_to_string (reason);
    }
  else if (status == CP_PERSON_STATUS_CLOSED)
    {
      if (closed_on == NULL)
        closed_on = today = cp_date_today ();
      if (!check_date (closed_on, _("Closing needs a real date."), error))
        return FALSE;
      closed_text = closed_on;
    }

  /* ?5 is the day closed, or the day paused (today; kept while the person stays paused,
   * whatever the reason becomes). */
  if (status == CP_PERSON_STATUS_PAUSED)
    closed_text = today = cp_date_today ();

  return _cp_store_edit_person (self, id, _("Change status"), NULL,
                                "UPDATE person SET status = ?3, pause_reason = ?4, "
                                "closed_on = CASE WHEN ?3 = 'closed' THEN ?5 END, "
                                "paused_on = CASE WHEN ?3 != 'paused' THEN NULL "
                                "WHEN status = 'paused' THEN paused_on ELSE ?5 END, "
                                "updated_at = ?2, "
                                "check_in_on = CASE WHEN ?3 = 'paused' THEN check_in_on END "
                                "WHERE id = ?1 AND (status IS NOT ?3 OR pause_reason IS NOT ?4 "
                                "OR closed_on IS NOT CASE WHEN ?3 = 'closed' THEN ?5 END)",
                                cp_person_status_to_string (status), reason_text, closed_text,
                                error);
}

gboolean
cp_store_set_person_focus (CpStore     *self,
                           gint64       id,
                           CpFocus      focus,
                           GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) focus > CP_FOCUS_REVIEWING)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                           _("That is not a focus the workspace knows."));
      return FALSE;
    }

  return _cp_store_edit_person (self, id, _("Change focus"), NULL,
                                "UPDATE person SET focus = ?3, updated_at = ?2 "
                                "WHERE id = ?1 AND focus IS NOT ?3",
                                cp_focus_to_string (focus), NULL, NULL, error);
}

gboolean
cp_store_set_person_next_review (CpStore     *self,
                                 gint64       id,
                                 const char  *date,
                                 GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_set_person_date (self, id, date, _("Change next review"),
                                    _("The next review needs a real date."),
                                    "UPDATE person SET next_review = ?3, updated_at = ?2 "
                                    "WHERE id = ?1 AND next_review IS NOT ?3",
                                    error);
}

gboolean
cp_store_set_person_notes (CpStore     *self,
                           gint64       id,
                           const char  *notes,
                           GError     **error)
{
  g_autofree char *merge_key = g_strdup_printf ("notes:%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_person (self, id, _("Edit notes"), merge_key,
                                "UPDATE person SET notes = ?3, updated_at = ?2 "
                                "WHERE id = ?1 AND notes IS NOT ?3",
                                notes ? notes : "", NULL, NULL, error);
}

gboolean
cp_store_delete_person (CpStore     *self,
                        gint64       id,
                        GError     **error)
{
  const CpDbValue values[] = { CP_DB_INT (id) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM person WHERE id = ?1", values, 1, _(CP_STORE_PERSON_GONE) },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The person's maps, goals and reviews go with them (ON DELETE CASCADE), inside the
   * same undo step. */
  return _cp_store_edit_statements (self, _("Delete person"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}
