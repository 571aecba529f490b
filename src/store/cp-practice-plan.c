/* cp-practice-plan.c: the practice people's goals, steps and first review
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-practice"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-store-records-private.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

/* Reads the plan keys of a [person:ID] group of practice.ini (see its header) and writes
 * the rows as the store's edits would: members named by lineage (looked up by their
 * name on the person's newest map that has it), goals agreed on the day the plan was,
 * the first review on the day of the review map. Dates are days from the day the
 * workspace is made. */

typedef struct
{
  sqlite3    *db;
  const char *now;
  GKeyFile   *keyfile;
  const char *group;
  gint64      person_id;
  char       *plan_on;
} Plan;

static gboolean
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
               _("The practice data is damaged (%s)."), what);
  return FALSE;
}

static char *
get_optional (Plan       *p,
              const char *key)
{
  g_autofree char *value = g_key_file_get_string (p->keyfile, p->group, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    return NULL;

  return g_steal_pointer (&value);
}

static char *
get_keyed (Plan       *p,
           const char *prefix,
           guint       n)
{
  g_autofree char *key = g_strdup_printf ("%s-%u", prefix, n);

  return get_optional (p, key);
}

/* Items of a ';' list, each stripped; an empty list for a missing key. */
static GStrv
get_list (Plan       *p,
          const char *key)
{
  g_autofree char *value = get_optional (p, key);
  GStrv items = g_strsplit (value != NULL ? value : "", ";", -1);

  for (guint i = 0; items[i] != NULL; i++)
    g_strstrip (items[i]);

  if (value == NULL)
    g_clear_pointer (&items[0], g_free);

  return items;
}

static char *
days_ago (const char *text)
{
  return cp_date_from_today (-(int) g_ascii_strtoll (text, NULL, 10));
}

static gboolean
lineage_of (Plan        *p,
            const char  *name,
            gint64      *out,
            GError     **error)
{
  const CpDbValue values[] = { CP_DB_INT (p->person_id), CP_DB_TEXT (name) };
  gboolean found = FALSE;

  if (!_cp_store_query_int64 (p->db,
                              "SELECT m.lineage FROM member m "
                              "JOIN snapshot s ON s.id = m.snapshot_id "
                              "WHERE s.person_id = ?1 AND m.name = ?2 "
                              "ORDER BY s.taken_on DESC, s.id DESC LIMIT 1",
                              values, G_N_ELEMENTS (values), out, &found, error))
    return FALSE;

  return found || invalid (error, name);
}

/* text|owner|due-in-days[|done-days-ago]; owner person, practitioner, together,
 * someone:ROLE or member:NAME. */
static gboolean
insert_step (Plan        *p,
             gint64       goal_id,
             const char  *item,
             guint        position,
             GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (item, "|", 4);
  g_autofree char *due_on = NULL;
  g_autofree char *done_on = NULL;
  const char *owner;
  const char *role = NULL;
  gint64 lineage = 0;
  guint n = g_strv_length (fields);

  if (n < 3)
    return invalid (error, "steps");

  owner = fields[1];
  if (g_str_has_prefix (owner, "someone:"))
    {
      role = owner + strlen ("someone:");
      owner = "someone";
    }
  else if (g_str_has_prefix (owner, "member:"))
    {
      if (!lineage_of (p, owner + strlen ("member:"), &lineage, error))
        return FALSE;
      owner = "member";
    }

  due_on = cp_date_from_today ((int) g_ascii_strtoll (fields[2], NULL, 10));
  if (n == 4)
    done_on = days_ago (fields[3]);

  {
    const CpDbValue values[] = {
      CP_DB_INT (goal_id), CP_DB_TEXT (fields[0]), CP_DB_TEXT (owner), CP_DB_TEXT (role),
      lineage != 0 ? CP_DB_INT (lineage) : CP_DB_NULL, CP_DB_TEXT (due_on),
      CP_DB_TEXT (done_on), CP_DB_INT (position), CP_DB_TEXT (p->now)
    };

    return _cp_db_run (p->db,
                       "INSERT INTO step (goal_id, text, owner, owner_role, owner_lineage, "
                       "due_on, done_on, position, created_at, updated_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                       values, G_N_ELEMENTS (values), NULL, error);
  }
}

static gboolean
insert_goal_parts (Plan        *p,
                   gint64       goal_id,
                   guint        n,
                   GError     **error)
{
  g_autofree char *steps_key = g_strdup_printf ("steps-%u", n);
  g_autofree char *barriers_key = g_strdup_printf ("barriers-%u", n);
  g_autofree char *helpers_key = g_strdup_printf ("helpers-%u", n);
  g_auto(GStrv) steps = get_list (p, steps_key);
  g_auto(GStrv) barriers = get_list (p, barriers_key);
  g_auto(GStrv) helpers = get_list (p, helpers_key);

  for (guint i = 0; steps[i] != NULL; i++)
    if (!insert_step (p, goal_id, steps[i], i, error))
      return FALSE;

  for (guint i = 0; barriers[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (barriers[i], "|", 2);
      const CpDbValue values[] = {
        CP_DB_INT (goal_id), CP_DB_TEXT (fields[0]),
        CP_DB_TEXT (fields[0] != NULL && fields[1] != NULL ? fields[1] : ""),
        CP_DB_INT (i), CP_DB_TEXT (p->now)
      };

      if (!_cp_db_run (p->db,
                       "INSERT INTO goal_barrier (goal_id, barrier, tackle, position, "
                       "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                       values, G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }

  for (guint i = 0; helpers[i] != NULL; i++)
    {
      gint64 lineage = 0;

      if (!lineage_of (p, helpers[i], &lineage, error))
        return FALSE;

      {
        const CpDbValue values[] = {
          CP_DB_INT (goal_id), CP_DB_INT (lineage), CP_DB_TEXT (p->now)
        };

        if (!_cp_db_run (p->db, "INSERT INTO goal_member (goal_id, lineage, created_at) "
                         "VALUES (?1, ?2, ?3)", values, G_N_ELEMENTS (values), NULL, error))
          return FALSE;
      }
    }

  return TRUE;
}

/* goals, areas, if-hard-N, status-N (achieved|days-ago or stopped|days-ago) and the
 * parts above; the new goals' ids in @out_ids, in order. */
static gboolean
insert_goals (Plan       *p,
              GArray     *out_ids,
              GError    **error)
{
  g_auto(GStrv) goals = get_list (p, "goals");
  g_auto(GStrv) areas = get_list (p, "areas");

  for (guint i = 0; goals[i] != NULL; i++)
    {
      g_autofree char *if_hard = get_keyed (p, "if-hard", i + 1);
      g_autofree char *status = get_keyed (p, "status", i + 1);
      g_auto(GStrv) status_fields = g_strsplit (status != NULL ? status : "active", "|", 2);
      g_autofree char *status_on = NULL;
      const char *area = i < g_strv_length (areas) && *areas[i] != '\0' ? areas[i] : NULL;
      gint64 goal_id;

      if (area != NULL && cp_enum_from_nick (CP_TYPE_LIFE_AREA, area, -1) < 0)
        return invalid (error, "areas");
      if (status_fields[1] != NULL)
        status_on = days_ago (status_fields[1]);

      {
        const CpDbValue values[] = {
          CP_DB_INT (p->person_id), CP_DB_TEXT (goals[i]), CP_DB_TEXT (area),
          CP_DB_TEXT (if_hard != NULL ? if_hard : ""), CP_DB_TEXT (status_fields[0]),
          CP_DB_TEXT (status_on), CP_DB_TEXT (p->plan_on), CP_DB_INT (i), CP_DB_TEXT (p->now)
        };

        if (!_cp_db_run (p->db,
                         "INSERT INTO goal (person_id, text, life_area, if_hard, status, "
                         "status_on, made_on, position, created_at, updated_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                         values, G_N_ELEMENTS (values), NULL, error))
          return FALSE;
      }

      goal_id = sqlite3_last_insert_rowid (p->db);
      g_array_append_val (out_ids, goal_id);
      if (!insert_goal_parts (p, goal_id, i + 1, error))
        return FALSE;
    }

  return TRUE;
}

/* The first review, on the day of the review map (review-days-ago): review-attended,
 * review-own-view, review-notes, review-new-contacts, review-next-steps; review-ratings
 * per goal in order (further|note, same|note, harder|note); review-barriers (kind|note). */
static gboolean
insert_review (Plan        *p,
               GArray      *goal_ids,
               GError     **error)
{
  g_autofree char *own_view = get_optional (p, "review-own-view");
  g_autofree char *attended = get_optional (p, "review-attended");
  g_autofree char *notes = get_optional (p, "review-notes");
  g_autofree char *contacts = get_optional (p, "review-new-contacts");
  g_autofree char *next_steps = get_optional (p, "review-next-steps");
  g_autofree char *held_days = get_optional (p, "review-days-ago");
  g_auto(GStrv) ratings = get_list (p, "review-ratings");
  g_auto(GStrv) picks = get_list (p, "review-barriers");
  g_autofree char *held_on = NULL;
  gint64 review_id;

  if (own_view == NULL)
    return TRUE;
  if (held_days == NULL)
    return invalid (error, "review-days-ago");

  held_on = days_ago (held_days);
  {
    const CpDbValue values[] = {
      CP_DB_INT (p->person_id), CP_DB_TEXT (held_on), CP_DB_TEXT (attended ? attended : ""),
      CP_DB_TEXT (own_view), CP_DB_TEXT (notes ? notes : ""),
      CP_DB_TEXT (contacts ? contacts : ""), CP_DB_TEXT (next_steps ? next_steps : ""),
      CP_DB_TEXT (p->now)
    };

    if (!_cp_db_run (p->db,
                     "INSERT INTO review (person_id, held_on, attended, own_view, notes, "
                     "new_contacts, next_steps, created_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                     values, G_N_ELEMENTS (values), NULL, error))
      return FALSE;
  }
  review_id = sqlite3_last_insert_rowid (p->db);

  for (guint i = 0; ratings[i] != NULL && i < goal_ids->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (ratings[i], "|", 2);
      const CpDbValue values[] = {
        CP_DB_INT (review_id), CP_DB_INT (g_array_index (goal_ids, gint64, i)),
        CP_DB_TEXT (fields[0]), CP_DB_TEXT (fields[0] && fields[1] ? fields[1] : ""),
        CP_DB_TEXT (p->now)
      };

      if (cp_enum_from_nick (CP_TYPE_PROGRESS, fields[0], -1) <= CP_PROGRESS_NONE)
        return invalid (error, "review-ratings");
      if (!_cp_db_run (p->db,
                       "INSERT INTO rating (review_id, goal_id, progress, note, created_at, "
                       "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                       values, G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }

  for (guint i = 0; picks[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (picks[i], "|", 2);
      const CpDbValue values[] = {
        CP_DB_INT (review_id), CP_DB_TEXT (fields[0]),
        CP_DB_TEXT (fields[0] && fields[1] ? fields[1] : ""), CP_DB_TEXT (p->now)
      };

      if (cp_enum_from_nick (CP_TYPE_BARRIER, fields[0], -1) < 0)
        return invalid (error, "review-barriers");
      if (!_cp_db_run (p->db,
                       "INSERT INTO review_barrier (review_id, barrier, note, created_at) "
                       "VALUES (?1, ?2, ?3, ?4)",
                       values, G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_cp_practice_insert_plan (sqlite3     *db,
                          const char  *now,
                          GKeyFile    *keyfile,
                          const char  *group,
                          gint64       person_id,
                          const char  *agreed_on,
                          GError     **error)
{
  g_autofree char *plan_days = NULL;
  g_autofree char *check_in = NULL;
  g_autofree char *check_in_on = NULL;
  g_autofree char *paused = NULL;
  g_autofree char *paused_on = NULL;
  g_autoptr(GArray) goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Plan p = { db, now, keyfile, group, person_id, NULL };
  gboolean ok;

  plan_days = get_optional (&p, "plan-agreed-days-ago");
  p.plan_on = plan_days != NULL ? days_ago (plan_days) : g_strdup (agreed_on);
  check_in = get_optional (&p, "check-in-in");
  if (check_in != NULL)
    check_in_on = cp_date_from_today ((int) g_ascii_strtoll (check_in, NULL, 10));
  paused = get_optional (&p, "paused-days-ago");
  if (paused != NULL)
    paused_on = days_ago (paused);

  {
    const CpDbValue values[] = {
      CP_DB_INT (person_id), CP_DB_TEXT (plan_days != NULL ? p.plan_on : NULL),
      CP_DB_TEXT (check_in_on), CP_DB_TEXT (paused_on)
    };

    ok = _cp_db_run (db, "UPDATE person SET plan_agreed_on = ?2, check_in_on = ?3, "
                     "paused_on = ?4 WHERE id = ?1", values, G_N_ELEMENTS (values), NULL, error) &&
         insert_goals (&p, goal_ids, error) &&
         insert_review (&p, goal_ids, error);
  }

  g_free (p.plan_on);

  return ok;
}
