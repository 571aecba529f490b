/* cp-store-supervision.c: editing the supervision record
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n.h>

#include "cp-store-records-private.h"
#include "cp-store-supervision.h"
#include "util/cp-date.h"

/* Reading is in cp-store-supervision-read.c. As with goals, every edit checks its input
 * here, in C, before any SQL runs, so a bad field is named in words and nothing is
 * written; the schema's CHECKs are the second line. */

#define SESSION_GONE   N_("That supervision session is no longer in the workspace.")
#define COMMENT_GONE   N_("That comment is no longer in the workspace.")
#define ACTION_GONE    N_("That action is no longer in the workspace.")
#define NOT_DISCUSSED  N_("That person’s plan was not discussed at this session.")
#define NO_ONE         N_("A supervision session needs at least one person whose plan was " \
                          "discussed.")

/* ---- Checking ------------------------------------------------------------------------- */

/* A trimmed copy of @text; CONSTRAINT with @empty when there is nothing left. */
static char *
required_text (const char  *text,
               const char  *empty,
               GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*clean == '\0')
    {
      _cp_store_constraint (error, empty);
      return NULL;
    }

  return g_steal_pointer (&clean);
}

/* @date, which must be a real date; NULL or "" is NULL when @optional. */
static gboolean
check_date (const char  **date,
            gboolean      optional,
            const char   *invalid,
            GError      **error)
{
  if (optional && (*date == NULL || **date == '\0'))
    {
      *date = NULL;
      return TRUE;
    }

  if (*date == NULL || !cp_date_is_valid (*date))
    return _cp_store_constraint (error, invalid);

  return TRUE;
}

static gboolean
check_not_after_today (const char  *date,
                       const char  *message,
                       GError     **error)
{
  g_autofree char *today = cp_date_today ();

  if (date != NULL && g_strcmp0 (date, today) > 0)
    return _cp_store_constraint (error, message);

  return TRUE;
}

static char *
merge_key (const char *kind,
           const char *uuid)
{
  return g_strconcat (kind, ":", uuid, NULL);
}

/* ---- Sessions ------------------------------------------------------------------------- */

typedef struct
{
  const char   *uuid;
  const char   *held_on;
  const char   *attended;
  const gint64 *person_ids;
  guint         n_people;
  const char   *now;
} NewSession;

static gboolean
insert_session (CpStore   *store,
                sqlite3   *db,
                gpointer   user_data,
                GError   **error)
{
  NewSession *s = user_data;
  const CpDbValue values[] = {
    CP_DB_TEXT (s->uuid), CP_DB_TEXT (s->held_on), CP_DB_TEXT (s->attended),
    CP_DB_TEXT (s->now)
  };

  if (!_cp_db_run (db,
                   "INSERT INTO supervision_session (uuid, held_on, attended, created_at, "
                   "updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                   values, G_N_ELEMENTS (values), NULL, error))
    return FALSE;

  for (guint i = 0; i < s->n_people; i++)
    {
      const CpDbValue person[] = {
        CP_DB_TEXT (s->uuid), CP_DB_INT (s->person_ids[i]), CP_DB_TEXT (s->now)
      };

      if (!_cp_db_run (db,
                       "INSERT OR IGNORE INTO supervision_person (session_uuid, person_id, "
                       "created_at) VALUES (?1, ?2, ?3)",
                       person, G_N_ELEMENTS (person), NULL, error))
        return FALSE;
    }

  return TRUE;
}

char *
cp_store_add_supervision_session (CpStore      *self,
                                  const char   *held_on,
                                  const char   *attended,
                                  const gint64 *person_ids,
                                  guint         n_people,
                                  GError      **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _cp_db_now ();
  g_autofree char *roles = g_strstrip (g_strdup (attended != NULL ? attended : ""));
  NewSession s = { uuid, held_on, roles, person_ids, n_people, now };

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_date (&s.held_on, FALSE, _("A session needs the day it was held."), error))
    return NULL;
  if (n_people == 0)
    {
      _cp_store_constraint (error, _(NO_ONE));
      return NULL;
    }
  for (guint i = 0; i < n_people; i++)
    if (!_cp_store_check_person (self, person_ids[i], error))
      return NULL;

  if (!_cp_store_edit (self, _("Record supervision"), NULL, insert_session, &s, error))
    return NULL;

  return g_steal_pointer (&uuid);
}

gboolean
cp_store_update_supervision_session (CpStore     *self,
                                     const char  *uuid,
                                     const char  *held_on,
                                     const char  *attended,
                                     GError     **error)
{
  g_autofree char *roles = g_strstrip (g_strdup (attended != NULL ? attended : ""));
  g_autofree char *now = _cp_db_now ();
  g_autofree char *key = merge_key ("supervision-session", uuid);
  const CpDbValue values[] = {
    CP_DB_TEXT (uuid), CP_DB_TEXT (held_on), CP_DB_TEXT (roles), CP_DB_TEXT (now)
  };
  const CpStoreStatement statements[] = {
    { "SELECT 1 FROM supervision_session WHERE uuid = ?1", values, 1, _(SESSION_GONE) },
    { "UPDATE supervision_session SET held_on = ?2, attended = ?3, updated_at = ?4 "
      "WHERE uuid = ?1 AND (held_on IS NOT ?2 OR attended IS NOT ?3)",
      values, G_N_ELEMENTS (values), NULL },
  };
  gint64 later_signoffs = 0;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_date (&held_on, FALSE, _("A session needs the day it was held."), error) ||
      !_cp_store_check_open (self, error))
    return FALSE;

  if (!_cp_store_query_int64 (_cp_store_get_db (self),
                              "SELECT count(*) FROM supervision_signoff "
                              "WHERE session_uuid = ?1 AND signed_on < ?2",
                              values, 2, &later_signoffs, NULL, error))
    return FALSE;
  if (later_signoffs > 0)
    return _cp_store_constraint (error, _("A plan was signed off before that day. Change "
                                          "the sign-off first."));

  return _cp_store_edit_statements (self, _("Edit supervision session"), key, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

gboolean
cp_store_delete_supervision_session (CpStore     *self,
                                     const char  *uuid,
                                     GError     **error)
{
  const CpDbValue values[] = { CP_DB_TEXT (uuid) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM supervision_session WHERE uuid = ?1", values, 1, _(SESSION_GONE) },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Delete supervision session"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

gboolean
cp_store_add_supervision_person (CpStore     *self,
                                 const char  *session_uuid,
                                 gint64       person_id,
                                 GError     **error)
{
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = {
    CP_DB_TEXT (session_uuid), CP_DB_INT (person_id), CP_DB_TEXT (now)
  };
  const CpStoreStatement statements[] = {
    { "SELECT 1 FROM supervision_session WHERE uuid = ?1", values, 1, _(SESSION_GONE) },
    { "INSERT INTO supervision_person (session_uuid, person_id, created_at) "
      "VALUES (?1, ?2, ?3)", values, G_N_ELEMENTS (values), NULL },
  };
  gint64 already = 0;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_person (self, person_id, error) ||
      !_cp_store_query_int64 (_cp_store_get_db (self),
                              "SELECT count(*) FROM supervision_person "
                              "WHERE session_uuid = ?1 AND person_id = ?2",
                              values, 2, &already, NULL, error))
    return FALSE;
  if (already)
    return _cp_store_constraint (error, _("That person’s plan is already on this session."));

  return _cp_store_edit_statements (self, _("Add person to supervision"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

gboolean
cp_store_remove_supervision_person (CpStore     *self,
                                    const char  *session_uuid,
                                    gint64       person_id,
                                    GError     **error)
{
  const CpDbValue values[] = { CP_DB_TEXT (session_uuid), CP_DB_INT (person_id) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM supervision_person WHERE session_uuid = ?1 AND person_id = ?2",
      values, G_N_ELEMENTS (values), _(NOT_DISCUSSED) },
  };
  gint64 others = 0;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_open (self, error) ||
      !_cp_store_query_int64 (_cp_store_get_db (self),
                              "SELECT count(*) FROM supervision_person "
                              "WHERE session_uuid = ?1 AND person_id != ?2",
                              values, 2, &others, NULL, error))
    return FALSE;
  if (others == 0)
    {
      gint64 here = 0;

      if (!_cp_store_query_int64 (_cp_store_get_db (self),
                                  "SELECT count(*) FROM supervision_person "
                                  "WHERE session_uuid = ?1 AND person_id = ?2",
                                  values, 2, &here, NULL, error))
        return FALSE;
      if (here)
        return _cp_store_constraint (error, _(NO_ONE));
    }

  return _cp_store_edit_statements (self, _("Take person off supervision"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

/* ---- Comments ------------------------------------------------------------------------- */

char *
cp_store_add_supervision_comment (CpStore     *self,
                                  const char  *session_uuid,
                                  gint64       person_id,
                                  const char  *text,
                                  GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _cp_db_now ();
  g_autofree char *clean = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (session_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(clean = required_text (text, _("A comment needs some words."), error)))
    return NULL;

  {
    const CpDbValue values[] = {
      CP_DB_TEXT (session_uuid), CP_DB_INT (person_id), CP_DB_TEXT (uuid), CP_DB_TEXT (clean),
      CP_DB_TEXT (now)
    };
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM supervision_person WHERE session_uuid = ?1 AND person_id = ?2",
        values, 2, _(NOT_DISCUSSED) },
      { "INSERT INTO supervision_comment (uuid, session_uuid, person_id, text, created_at, "
        "updated_at) VALUES (?3, ?1, ?2, ?4, ?5, ?5)", values, G_N_ELEMENTS (values), NULL },
    };

    if (!_cp_store_edit_statements (self, _("Add supervision comment"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error))
      return NULL;
  }

  return g_steal_pointer (&uuid);
}

gboolean
cp_store_update_supervision_comment (CpStore     *self,
                                     const char  *uuid,
                                     const char  *text,
                                     GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = _cp_db_now ();
  g_autofree char *key = merge_key ("supervision-comment", uuid);

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(clean = required_text (text, _("A comment needs some words."), error)))
    return FALSE;

  {
    const CpDbValue values[] = { CP_DB_TEXT (uuid), CP_DB_TEXT (clean), CP_DB_TEXT (now) };
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM supervision_comment WHERE uuid = ?1", values, 1, _(COMMENT_GONE) },
      { "UPDATE supervision_comment SET text = ?2, updated_at = ?3 "
        "WHERE uuid = ?1 AND text IS NOT ?2", values, G_N_ELEMENTS (values), NULL },
    };

    return _cp_store_edit_statements (self, _("Edit supervision comment"), key, statements,
                                      G_N_ELEMENTS (statements), NULL, error);
  }
}

gboolean
cp_store_delete_supervision_comment (CpStore     *self,
                                     const char  *uuid,
                                     GError     **error)
{
  const CpDbValue values[] = { CP_DB_TEXT (uuid) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM supervision_comment WHERE uuid = ?1", values, 1, _(COMMENT_GONE) },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Delete supervision comment"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

/* ---- Actions -------------------------------------------------------------------------- */

static gboolean
check_action (const char  *text,
              const char  *owner,
              const char **due_on,
              char       **out_text,
              char       **out_owner,
              GError     **error)
{
  g_autofree char *clean_text = NULL;
  g_autofree char *clean_owner = NULL;

  if (!(clean_text = required_text (text, _("An action needs some words."), error)) ||
      !(clean_owner = required_text (owner, _("An action needs someone who will do it."),
                                     error)) ||
      !check_date (due_on, TRUE, _("A due date needs to be a real date."), error))
    return FALSE;

  *out_text = g_steal_pointer (&clean_text);
  *out_owner = g_steal_pointer (&clean_owner);

  return TRUE;
}

char *
cp_store_add_supervision_action (CpStore     *self,
                                 const char  *session_uuid,
                                 gint64       person_id,
                                 const char  *text,
                                 const char  *owner,
                                 const char  *due_on,
                                 GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _cp_db_now ();
  g_autofree char *clean_text = NULL;
  g_autofree char *clean_owner = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (session_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_action (text, owner, &due_on, &clean_text, &clean_owner, error))
    return NULL;

  {
    const CpDbValue values[] = {
      CP_DB_TEXT (session_uuid), CP_DB_INT (person_id), CP_DB_TEXT (uuid),
      CP_DB_TEXT (clean_text), CP_DB_TEXT (clean_owner), CP_DB_TEXT (due_on), CP_DB_TEXT (now)
    };
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM supervision_person WHERE session_uuid = ?1 AND person_id = ?2",
        values, 2, _(NOT_DISCUSSED) },
      { "INSERT INTO supervision_action (uuid, session_uuid, person_id, text, owner, due_on, "
        "created_at, updated_at) VALUES (?3, ?1, ?2, ?4, ?5, ?6, ?7, ?7)",
        values, G_N_ELEMENTS (values), NULL },
    };

    if (!_cp_store_edit_statements (self, _("Add supervision action"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error))
      return NULL;
  }

  return g_steal_pointer (&uuid);
}

gboolean
cp_store_update_supervision_action (CpStore     *self,
                                    const char  *uuid,
                                    const char  *text,
                                    const char  *owner,
                                    const char  *due_on,
                                    GError     **error)
{
  g_autofree char *now = _cp_db_now ();
  g_autofree char *clean_text = NULL;
  g_autofree char *clean_owner = NULL;
  g_autofree char *key = merge_key ("supervision-action", uuid);

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_action (text, owner, &due_on, &clean_text, &clean_owner, error))
    return FALSE;

  {
    const CpDbValue values[] = {
      CP_DB_TEXT (uuid), CP_DB_TEXT (clean_text), CP_DB_TEXT (clean_owner),
      CP_DB_TEXT (due_on), CP_DB_TEXT (now)
    };
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM supervision_action WHERE uuid = ?1", values, 1, _(ACTION_GONE) },
      { "UPDATE supervision_action SET text = ?2, owner = ?3, due_on = ?4, updated_at = ?5 "
        "WHERE uuid = ?1 AND (text IS NOT ?2 OR owner IS NOT ?3 OR due_on IS NOT ?4)",
        values, G_N_ELEMENTS (values), NULL },
    };

    return _cp_store_edit_statements (self, _("Edit supervision action"), key, statements,
                                      G_N_ELEMENTS (statements), NULL, error);
  }
}

gboolean
cp_store_set_supervision_action_done (CpStore     *self,
                                      const char  *uuid,
                                      const char  *done_on,
                                      GError     **error)
{
  g_autofree char *now = _cp_db_now ();

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_date (&done_on, TRUE, _("Done needs a real date."), error) ||
      !check_not_after_today (done_on, _("An action cannot be done on a day still to come."),
                              error))
    return FALSE;

  {
    const CpDbValue values[] = { CP_DB_TEXT (uuid), CP_DB_TEXT (done_on), CP_DB_TEXT (now) };
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM supervision_action WHERE uuid = ?1", values, 1, _(ACTION_GONE) },
      { "UPDATE supervision_action SET done_on = ?2, updated_at = ?3 "
        "WHERE uuid = ?1 AND done_on IS NOT ?2", values, G_N_ELEMENTS (values), NULL },
    };

    return _cp_store_edit_statements (self,
                                      done_on != NULL ? _("Mark action done")
                                                      : _("Mark action not done"),
                                      NULL, statements, G_N_ELEMENTS (statements), NULL,
                                      error);
  }
}

gboolean
cp_store_delete_supervision_action (CpStore     *self,
                                    const char  *uuid,
                                    GError     **error)
{
  const CpDbValue values[] = { CP_DB_TEXT (uuid) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM supervision_action WHERE uuid = ?1", values, 1, _(ACTION_GONE) },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Delete supervision action"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

/* ---- Sign-off ------------------------------------------------------------------------- */

gboolean
cp_store_sign_off_supervision (CpStore     *self,
                               const char  *session_uuid,
                               gint64       person_id,
                               const char  *name,
                               const char  *role,
                               const char  *signed_on,
                               GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _cp_db_now ();
  g_autofree char *today = cp_date_today ();
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_role = NULL;
  gint64 before_session = 0;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (signed_on == NULL)
    signed_on = today;

  if (!(clean_name = required_text (name, _("A sign-off needs the supervisor’s name."),
                                    error)) ||
      !(clean_role = required_text (role, _("A sign-off needs the supervisor’s role."),
                                    error)) ||
      !check_date (&signed_on, FALSE, _("A sign-off needs a real date."), error) ||
      !check_not_after_today (signed_on,
                              _("A sign-off cannot be dated on a day still to come."), error) ||
      !_cp_store_check_open (self, error))
    return FALSE;

  {
    const CpDbValue values[] = {
      CP_DB_TEXT (session_uuid), CP_DB_INT (person_id), CP_DB_TEXT (uuid),
      CP_DB_TEXT (clean_name), CP_DB_TEXT (clean_role), CP_DB_TEXT (signed_on),
      CP_DB_TEXT (now)
    };
    const CpDbValue session[] = { CP_DB_TEXT (session_uuid), CP_DB_TEXT (signed_on) };
    /* Signing again keeps the sign-off's UUID: it is the same sign-off, changed. */
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM supervision_person WHERE session_uuid = ?1 AND person_id = ?2",
        values, 2, _(NOT_DISCUSSED) },
      { "INSERT INTO supervision_signoff (uuid, session_uuid, person_id, name, role, "
        "signed_on, created_at, updated_at) VALUES (?3, ?1, ?2, ?4, ?5, ?6, ?7, ?7) "
        "ON CONFLICT (session_uuid, person_id) DO UPDATE SET name = ?4, role = ?5, "
        "signed_on = ?6, updated_at = ?7 "
        "WHERE name IS NOT ?4 OR role IS NOT ?5 OR signed_on IS NOT ?6",
        values, G_N_ELEMENTS (values), NULL },
    };

    if (!_cp_store_query_int64 (_cp_store_get_db (self),
                                "SELECT count(*) FROM supervision_session "
                                "WHERE uuid = ?1 AND held_on > ?2",
                                session, G_N_ELEMENTS (session), &before_session, NULL, error))
      return FALSE;
    if (before_session)
      return _cp_store_constraint (error, _("A sign-off cannot be dated before the session."));

    return _cp_store_edit_statements (self, _("Sign off plan"), NULL, statements,
                                      G_N_ELEMENTS (statements), NULL, error);
  }
}

gboolean
cp_store_remove_supervision_signoff (CpStore     *self,
                                     const char  *session_uuid,
                                     gint64       person_id,
                                     GError     **error)
{
  const CpDbValue values[] = { CP_DB_TEXT (session_uuid), CP_DB_INT (person_id) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM supervision_signoff WHERE session_uuid = ?1 AND person_id = ?2",
      values, G_N_ELEMENTS (values), _("That plan was not signed off at this session.") },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Remove sign-off"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

/* ---- The worker's reflection ---------------------------------------------------------- */

gboolean
cp_store_set_worker_reflection (CpStore     *self,
                                const char  *session_uuid,
                                const char  *text,
                                GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *now = _cp_db_now ();
  g_autofree char *key = merge_key ("worker-reflection", session_uuid);
  const CpDbValue values[] = { CP_DB_TEXT (session_uuid), CP_DB_TEXT (clean), CP_DB_TEXT (now) };
  const CpStoreStatement set[] = {
    { "SELECT 1 FROM supervision_session WHERE uuid = ?1", values, 1, _(SESSION_GONE) },
    { "INSERT INTO worker_reflection (session_uuid, text, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?3) ON CONFLICT (session_uuid) DO UPDATE SET text = ?2, "
      "updated_at = ?3 WHERE text IS NOT ?2", values, G_N_ELEMENTS (values), NULL },
  };
  const CpStoreStatement clear[] = {
    { "SELECT 1 FROM supervision_session WHERE uuid = ?1", values, 1, _(SESSION_GONE) },
    { "DELETE FROM worker_reflection WHERE session_uuid = ?1", values, 1, NULL },
  };
  gboolean empty = *clean == '\0';

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Edit reflection"), key,
                                    empty ? clear : set,
                                    empty ? G_N_ELEMENTS (clear) : G_N_ELEMENTS (set),
                                    NULL, error);
}
