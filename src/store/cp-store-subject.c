/* cp-store-subject.c: "Everything held about this person" (subject access)
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

/* Plain text, one section per record, every field labelled. Third parties are the
 * people on the person's maps: their names, and every note about a map member, are
 * wrapped as [REDACT: …]; their names are also marked where they appear inside the
 * person's own texts (notes, goals, reviews), so the practitioner sees what to review
 * before sending. Nothing of any other person on the caseload is read. */

typedef struct
{
  sqlite3    *db;
  GString    *out;
  GPtrArray  *third_names;    /* names to mark inside free text, longest first */
  GHashTable *lineage_names;  /* lineage (gint64) -> marked name */
} Report;

static const char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

static const char *
or_dash (sqlite3_stmt *stmt,
         int           column)
{
  const char *text = text_at (stmt, column);

  return *text ? text : "-";
}

static char *
mark (const char *text)
{
  return g_strdup_printf ("[REDACT: %s]", text);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '\'';
}

/* Marks every whole-word occurrence of a third party's name in @text. */
static char *
mark_names_in (Report     *r,
               const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text ? text : "";

  while (*p)
    {
      gboolean done = FALSE;
      gboolean at_word_start = p == text || !is_word_char (g_utf8_get_char (g_utf8_prev_char (p)));

      for (guint i = 0; at_word_start && i < r->third_names->len; i++)
        {
          const char *name = g_ptr_array_index (r->third_names, i);
          size_t len = strlen (name);

          if (strncmp (p, name, len) == 0 &&
              (p[len] == '\0' || !is_word_char (g_utf8_get_char (p + len))))
            {
              g_string_append_printf (out, "[REDACT: %s]", name);
              p += len;
              done = TRUE;
              break;
            }
        }

      if (!done)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  return g_string_free (out, FALSE);
}

static void
field (Report     *r,
       const char *label,
       const char *value)
{
  if (value == NULL || *value == '\0')
    g_string_append_printf (r->out, "%s: %s\n", label, _("(none)"));
  else
    g_string_append_printf (r->out, "%s: %s\n", label, value);
}

static void
text_field (Report     *r,
            const char *label,
            const char *value)
{
  g_autofree char *marked = mark_names_in (r, value);

  field (r, label, marked);
}

static gboolean
prepare (Report         *r,
         sqlite3_stmt  **stmt,
         const char     *sql,
         gint64          id,
         GError        **error)
{
  if (!(*stmt = _cp_db_prepare (r->db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (*stmt, 1, id);

  return TRUE;
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  size_t x = strlen (*(const char * const *) a);
  size_t y = strlen (*(const char * const *) b);

  return (x < y) - (x > y);
}

/* The map members who are people: their names, whole and before " (" ("Sam" of
 * "Sam (sister)"), and the newest name of each lineage. */
static gboolean
collect_third_parties (Report  *r,
                       gint64   person_id,
                       GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  if (!prepare (r, &stmt,
                "SELECT m.lineage, m.name, m.kind FROM member m "
                "JOIN snapshot s ON s.id = m.snapshot_id WHERE s.person_id = ?1 "
                "ORDER BY s.taken_on, s.id, m.id",
                person_id, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *lineage = g_new (gint64, 1);
      const char *name = text_at (stmt, 1);
      gboolean is_person = g_strcmp0 (text_at (stmt, 2), "person") == 0;
      g_autofree char *short_name = NULL;
      const char *paren = strstr (name, " (");

      *lineage = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (r->lineage_names, lineage,
                           is_person ? mark (name) : g_strdup (name));

      if (!is_person)
        continue;

      if (!g_hash_table_contains (seen, name))
        {
          char *copy = g_strdup (name);

          g_ptr_array_add (r->third_names, copy);
          g_hash_table_add (seen, copy);
        }
      if (paren != NULL && paren > name)
        {
          short_name = g_strndup (name, paren - name);
          if (!g_hash_table_contains (seen, short_name))
            {
              char *copy = g_steal_pointer (&short_name);

              g_ptr_array_add (r->third_names, copy);
              g_hash_table_add (seen, copy);
            }
        }
    }

  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, r->db, sqlite3_extended_errcode (r->db));
      return FALSE;
    }

  g_ptr_array_sort (r->third_names, compare_longest_first);

  return TRUE;
}

static const char *
lineage_name (Report *r,
              gint64  lineage)
{
  const char *name = g_hash_table_lookup (r->lineage_names, &lineage);

  return name ? name : _("(someone no longer on the map)");
}

static gboolean
write_person (Report  *r,
              gint64   id,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) needs = g_string_new (NULL);
  g_autofree char *record = NULL;
  const char *status;
  int rc;

  if (!prepare (r, &stmt,
                "SELECT name, case_ref, status, pause_reason, closed_on, focus, next_review, "
                "agreed_on, keep_agreed_on, sharing, large_print, easy_read, interpreter, "
                "interpreter_language, communication, notes, created_at, updated_at "
                "FROM person WHERE id = ?1",
                id, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("That person is no longer in the workspace."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _cp_db_set_error (error, r->db, sqlite3_extended_errcode (r->db));
      return FALSE;
    }

  g_string_append_printf (r->out, "\n== %s ==\n", _("The person"));
  record = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  field (r, _("Record number"), record);
  field (r, _("Name"), text_at (stmt, 0));
  field (r, _("Case reference"), text_at (stmt, 1));
  status = text_at (stmt, 2);
  if (g_str_equal (status, "paused"))
    {
      g_autofree char *s = g_strdup_printf (_("paused (%s)"), text_at (stmt, 3));

      field (r, _("Status"), s);
    }
  else if (g_str_equal (status, "closed"))
    {
      g_autofree char *s = g_strdup_printf (_("closed on %s"), text_at (stmt, 4));

      field (r, _("Status"), s);
    }
  else
    field (r, _("Status"), status);
  field (r, _("Step of the work (practitioner’s note)"), text_at (stmt, 5));
  field (r, _("Next review"), text_at (stmt, 6));
  field (r, _("Agreed to the work on"), text_at (stmt, 7));
  field (r, _("Agreed to their map and plan being kept in this app on"), text_at (stmt, 8));
  text_field (r, _("What may be shared, and with whom"), text_at (stmt, 9));

  if (sqlite3_column_int (stmt, 10))
    g_string_append_printf (needs, "%s; ", _("large print"));
  if (sqlite3_column_int (stmt, 11))
    g_string_append_printf (needs, "%s; ", _("easy read"));
  if (sqlite3_column_int (stmt, 12))
    g_string_append_printf (needs, _("interpreter (%s); "),
                            *text_at (stmt, 13) ? text_at (stmt, 13) : _("language not noted"));
  if (*text_at (stmt, 14))
    g_string_append_printf (needs, "%s; ", text_at (stmt, 14));
  if (needs->len >= 2)
    g_string_truncate (needs, needs->len - 2);
  text_field (r, _("Communication needs"), needs->str);
  text_field (r, _("Notes"), text_at (stmt, 15));
  field (r, _("Record made"), text_at (stmt, 16));
  field (r, _("Record last changed"), text_at (stmt, 17));

  return TRUE;
}

static gboolean
write_maps (Report  *r,
            gint64   id,
            GError **error)
{
  g_autoptr(sqlite3_stmt) maps = NULL;
  g_autoptr(sqlite3_stmt) members = NULL;
  g_autoptr(sqlite3_stmt) ties = NULL;

  if (!prepare (r, &maps,
                "SELECT id, label, taken_on, notes, created_at, updated_at FROM snapshot "
                "WHERE person_id = ?1 ORDER BY taken_on, id", id, error) ||
      !(members = _cp_db_prepare (r->db,
                                  "SELECT name, kind, sector, ring, helps_me, hard_going, "
                                  "want_more, frequency, years_known, support_types, "
                                  "direction, paid, met_through_us, caution, added_on, notes "
                                  "FROM member WHERE snapshot_id = ?1 ORDER BY id", error)) ||
      !(ties = _cp_db_prepare (r->db,
                               "SELECT a.name, a.kind, b.name, b.kind, t.strength FROM tie t "
                               "JOIN member a ON a.id = t.a_id JOIN member b ON b.id = t.b_id "
                               "WHERE t.snapshot_id = ?1 ORDER BY t.id", error)))
    return FALSE;

  while (sqlite3_step (maps) == SQLITE_ROW)
    {
      gint64 snapshot_id = sqlite3_column_int64 (maps, 0);

      g_string_append_printf (r->out, "\n== %s: %s, %s ==\n", _("Network map"),
                              text_at (maps, 1), text_at (maps, 2));
      text_field (r, _("Notes"), text_at (maps, 3));
      field (r, _("Record made"), text_at (maps, 4));
      field (r, _("Record last changed"), text_at (maps, 5));
      g_string_append_printf (r->out, "%s:\n", _("On the map"));

      sqlite3_reset (members);
      sqlite3_bind_int64 (members, 1, snapshot_id);
      while (sqlite3_step (members) == SQLITE_ROW)
        {
          gboolean is_person = g_strcmp0 (text_at (members, 1), "person") == 0;
          g_autofree char *name = is_person ? mark (text_at (members, 0))
                                            : g_strdup (text_at (members, 0));
          g_autofree char *notes = *text_at (members, 15) ? mark (text_at (members, 15))
                                                          : g_strdup (_("(none)"));

          g_string_append_printf (r->out,
                                  "- %s (%s): %s %s, %s %d; %s %d, %s %d, %s %d, %s %s, "
                                  "%s %s, %s %d, %s %s, %s %d, %s %d, %s %d; %s %s; %s %s\n",
                                  name, text_at (members, 1),
                                  _("area"), text_at (members, 2),
                                  _("ring"), sqlite3_column_int (members, 3),
                                  _("helps"), sqlite3_column_int (members, 4),
                                  _("hard going"), sqlite3_column_int (members, 5),
                                  _("would like more"), sqlite3_column_int (members, 6),
                                  _("how often (0–4)"), or_dash (members, 7),
                                  _("years known (0–2)"), or_dash (members, 8),
                                  _("kinds of support (bits)"), sqlite3_column_int (members, 9),
                                  _("direction"), or_dash (members, 10),
                                  _("paid"), sqlite3_column_int (members, 11),
                                  _("met through us"), sqlite3_column_int (members, 12),
                                  _("caution"), sqlite3_column_int (members, 13),
                                  _("added on"), text_at (members, 14),
                                  _("notes"), notes);
        }

      sqlite3_reset (ties);
      sqlite3_bind_int64 (ties, 1, snapshot_id);
      while (sqlite3_step (ties) == SQLITE_ROW)
        {
          g_autofree char *a = g_strcmp0 (text_at (ties, 1), "person") == 0
                               ? mark (text_at (ties, 0)) : g_strdup (text_at (ties, 0));
          g_autofree char *b = g_strcmp0 (text_at (ties, 3), "person") == 0
                               ? mark (text_at (ties, 2)) : g_strdup (text_at (ties, 2));

          g_string_append_printf (r->out, "- %s: %s — %s (%s)\n", _("Link"), a, b,
                                  text_at (ties, 4));
        }
    }

  return TRUE;
}

static gboolean
write_goals (Report  *r,
             gint64   id,
             GError **error)
{
  static const char *goal_labels[] = {
    N_("Goal"), N_("Area of life"), N_("Specific"), N_("Measurable"), N_("Achievable"),
    N_("Relevant"), N_("Target date"), N_("Level −2"), N_("Level −1"), N_("Level 0"),
    N_("Level +1"), N_("Level +2"), N_("Level at the start"), N_("Importance (0–3)"),
    N_("Difficulty (0–3)"), N_("Status"), N_("Record made"), N_("Record last changed"),
  };
  g_autoptr(sqlite3_stmt) goals = NULL;
  g_autoptr(sqlite3_stmt) steps = NULL;
  g_autoptr(sqlite3_stmt) helpers = NULL;

  if (!prepare (r, &goals,
                "SELECT id, text, life_area, specific, measurable, achievable, relevant, "
                "target_on, level_minus2, level_minus1, level_0, level_plus1, level_plus2, "
                "baseline_level, importance, difficulty, status, created_at, updated_at "
                "FROM goal WHERE person_id = ?1 ORDER BY position, id", id, error) ||
      !(steps = _cp_db_prepare (r->db,
                                "SELECT text, owner, owner_lineage, due_on, done_on FROM step "
                                "WHERE goal_id = ?1 ORDER BY position, id", error)) ||
      !(helpers = _cp_db_prepare (r->db,
                                  "SELECT lineage FROM goal_member WHERE goal_id = ?1 "
                                  "ORDER BY id", error)))
    return FALSE;

  while (sqlite3_step (goals) == SQLITE_ROW)
    {
      gint64 goal_id = sqlite3_column_int64 (goals, 0);

      g_string_append_printf (r->out, "\n== %s ==\n", _("Goal"));
      for (int i = 1; i <= 18; i++)
        text_field (r, _(goal_labels[i - 1]), text_at (goals, i));

      sqlite3_reset (steps);
      sqlite3_bind_int64 (steps, 1, goal_id);
      while (sqlite3_step (steps) == SQLITE_ROW)
        {
          g_autofree char *text = mark_names_in (r, text_at (steps, 0));
          const char *owner = text_at (steps, 1);

          if (g_str_equal (owner, "member"))
            owner = lineage_name (r, sqlite3_column_int64 (steps, 2));
          else if (g_str_equal (owner, "person"))
            owner = _("the person");
          else
            owner = _("the practitioner");

          g_string_append_printf (r->out, "- %s: %s; %s %s; %s %s; %s %s\n", _("Step"), text,
                                  _("who"), owner,
                                  _("due"), or_dash (steps, 3),
                                  _("done"), or_dash (steps, 4));
        }

      sqlite3_reset (helpers);
      sqlite3_bind_int64 (helpers, 1, goal_id);
      while (sqlite3_step (helpers) == SQLITE_ROW)
        g_string_append_printf (r->out, "- %s: %s\n", _("Helps with this goal"),
                                lineage_name (r, sqlite3_column_int64 (helpers, 0)));
    }

  return TRUE;
}

static gboolean
write_reviews (Report  *r,
               gint64   id,
               GError **error)
{
  g_autoptr(sqlite3_stmt) reviews = NULL;
  g_autoptr(sqlite3_stmt) ratings = NULL;

  if (!prepare (r, &reviews,
                "SELECT id, held_on, notes, next_review_on, created_at, updated_at "
                "FROM review WHERE person_id = ?1 ORDER BY held_on, id", id, error) ||
      !(ratings = _cp_db_prepare (r->db,
                                  "SELECT g.text, ra.level, ra.note FROM rating ra "
                                  "JOIN goal g ON g.id = ra.goal_id WHERE ra.review_id = ?1 "
                                  "ORDER BY ra.id", error)))
    return FALSE;

  while (sqlite3_step (reviews) == SQLITE_ROW)
    {
      g_string_append_printf (r->out, "\n== %s: %s ==\n", _("Review"), text_at (reviews, 1));
      text_field (r, _("Notes"), text_at (reviews, 2));
      field (r, _("Next review"), text_at (reviews, 3));
      field (r, _("Record made"), text_at (reviews, 4));
      field (r, _("Record last changed"), text_at (reviews, 5));

      sqlite3_reset (ratings);
      sqlite3_bind_int64 (ratings, 1, sqlite3_column_int64 (reviews, 0));
      while (sqlite3_step (ratings) == SQLITE_ROW)
        {
          g_autofree char *goal = mark_names_in (r, text_at (ratings, 0));
          g_autofree char *note = mark_names_in (r, text_at (ratings, 2));

          g_string_append_printf (r->out, "- %s: %s: %+d; %s %s\n", _("Goal level"), goal,
                                  sqlite3_column_int (ratings, 1), _("note"),
                                  *note ? note : _("(none)"));
        }
    }

  return TRUE;
}

char *
cp_store_dup_subject_access_text (CpStore     *self,
                                  gint64       id,
                                  GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) lineages = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *written = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *workspace = NULL;
  Report r;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                           _("The workspace is closed."));
      return NULL;
    }

  r.db = self->db;
  r.out = out;
  r.third_names = names;
  r.lineage_names = lineages;
  workspace = cp_store_dup_display_name (self);

  g_string_append_printf (out, "%s\n", _("Everything held about this person"));
  g_string_append_printf (out, "%s: %s\n", _("Workspace"), workspace);
  g_string_append_printf (out, "%s: %s\n", _("Written on"), written);
  g_string_append_printf (out, "%s\n",
                          _("Text marked [REDACT: …] is about other people: review it, and "
                            "remove it where the law says so, before this is sent."));

  /* One read transaction: every section sees the same state. */
  if (!_cp_db_exec (self->db, "BEGIN", error))
    return NULL;

  if (!collect_third_parties (&r, id, error) ||
      !write_person (&r, id, error) ||
      !write_maps (&r, id, error) ||
      !write_goals (&r, id, error) ||
      !write_reviews (&r, id, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }

  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
