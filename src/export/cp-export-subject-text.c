/* cp-export-subject-text.c: "everything held about this person" in words
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-export-subject-private.h"

/* Plain text, one section per record, every field labelled in everyday words. Third
 * parties are the people on the person's maps: their names, and every note about a map
 * member, are wrapped as [REDACT: …]; their names are also marked where they appear
 * inside the person's own texts (notes, goals, reviews), so the practitioner sees what
 * to review before sending. */


/* ---- Words for the stored values ------------------------------------------------------ */

/* A member's kind inside a sentence ("Sam, a person"); sectors, rings and link strengths
 * are the map's own words (cp_netmap_sector_label () …). */
static const char *
kind_words (CpNetmapKind kind)
{
  switch (kind)
    {
    case CP_NETMAP_KIND_PLACE:
      return _("a place");
    case CP_NETMAP_KIND_ACTIVITY:
      return _("an activity");
    case CP_NETMAP_KIND_PERSON:
    default:
      return _("a person");
    }
}

static const char *
frequency_words (int frequency)
{
  switch (frequency)
    {
    case 0:
      return _("in touch hardly ever");
    case 1:
      return _("in touch a few times a year");
    case 2:
      return _("in touch about once a month");
    case 3:
      return _("in touch about once a week");
    case 4:
      return _("in touch daily");
    default:
      return NULL;
    }
}

static const char *
years_words (int years_known)
{
  switch (years_known)
    {
    case 0:
      return _("known for under a year");
    case 1:
      return _("known for 1 to 5 years");
    case 2:
      return _("known for over 5 years");
    default:
      return NULL;
    }
}

static const char *
direction_words (CpNetmapDirection direction)
{
  switch (direction)
    {
    case CP_NETMAP_DIRECTION_BOTH:
      return _("help goes both ways");
    case CP_NETMAP_DIRECTION_TO_THEM:
      return _("help goes from the person to them");
    case CP_NETMAP_DIRECTION_FROM_THEM:
      return _("help goes from them to the person");
    case CP_NETMAP_DIRECTION_NOT_RECORDED:
    default:
      return NULL;
    }
}

static const char *
disclosure_words (CpDisclosureKind what)
{
  switch (what)
    {
    case CP_DISCLOSURE_PERSON_COPY:
      return _("the person’s own copy of their plan");
    case CP_DISCLOSURE_IDENTIFIABLE_EXPORT:
      return _("an export with names in it");
    case CP_DISCLOSURE_SUPERVISION_PACK:
      return _("a supervision pack");
    case CP_DISCLOSURE_SUBJECT_ACCESS:
      return _("a report of everything held");
    case CP_DISCLOSURE_SUPERVISION_SHEET:
      return _("a supervision sheet");
    case CP_DISCLOSURE_SUMMARY:
    default:
      return _("a summary for the case record");
    }
}

static const char *
pause_words (CpPauseReason reason)
{
  switch (reason)
    {
    case CP_PAUSE_REASON_HOSPITAL:
      return _("in hospital");
    case CP_PAUSE_REASON_CRISIS:
      return _("in crisis");
    case CP_PAUSE_REASON_CHOICE:
      return _("the person’s choice");
    case CP_PAUSE_REASON_NONE:
    default:
      return _("no reason noted");
    }
}

static const char *
focus_words (CpFocus focus)
{
  switch (focus)
    {
    case CP_FOCUS_MAPPING:
      return C_("step of the work", "mapping the network");
    case CP_FOCUS_PLANNING:
      return C_("step of the work", "planning");
    case CP_FOCUS_SUPPORTING:
      return C_("step of the work", "supporting the plan");
    case CP_FOCUS_REVIEWING:
      return C_("step of the work", "reviewing");
    case CP_FOCUS_NONE:
    default:
      return NULL;
    }
}

/* ---- Marking third parties ------------------------------------------------------------ */

static char *
mark (const char *text)
{
  /* Translators: wraps text about someone else, for the practitioner to review */
  return g_strdup_printf (_("[REDACT: %s]"), text);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '\'';
}

/* Marks every whole-word occurrence of a third party's name in @text. */
char *
_cp_subject_mark_names_in (Writer     *w,
                           const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text ? text : "";

  while (*p)
    {
      gboolean done = FALSE;
      gboolean at_word_start = p == text || !is_word_char (g_utf8_get_char (g_utf8_prev_char (p)));

      for (guint i = 0; at_word_start && i < w->third_names->len; i++)
        {
          const char *name = g_ptr_array_index (w->third_names, i);
          size_t len = strlen (name);

          if (strncmp (p, name, len) == 0 &&
              (p[len] == '\0' || !is_word_char (g_utf8_get_char (p + len))))
            {
              g_autofree char *marked = mark (name);

              g_string_append (out, marked);
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

static char *
member_name (const char   *name,
             CpNetmapKind  kind)
{
  return kind == CP_NETMAP_KIND_PERSON ? mark (name) : g_strdup (name);
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  size_t x = strlen (*(const char * const *) a);
  size_t y = strlen (*(const char * const *) b);

  return (x < y) - (x > y);
}

static void
add_third_name (Writer     *w,
                GHashTable *seen,
                char       *name)
{
  if (g_hash_table_contains (seen, name))
    {
      g_free (name);
      return;
    }
  g_ptr_array_add (w->third_names, name);
  g_hash_table_add (seen, name);
}

/* The map members who are people: their names, whole and before " (" ("Sam" of
 * "Sam (sister)"), and the newest name of each lineage (maps are oldest first). */
static void
collect_third_parties (Writer                *w,
                       const CpSubjectAccess *access)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < access->maps->len; i++)
    {
      const CpSubjectMap *map = g_ptr_array_index (access->maps, i);

      for (guint j = 0; j < map->members->len; j++)
        {
          const CpSubjectMember *member = g_ptr_array_index (map->members, j);
          const char *paren = strstr (member->name, " (");
          gint64 *lineage = g_new (gint64, 1);

          *lineage = member->lineage;
          g_hash_table_insert (w->lineage_names, lineage,
                               member_name (member->name, member->kind));

          if (member->kind != CP_NETMAP_KIND_PERSON)
            continue;

          add_third_name (w, seen, g_strdup (member->name));
          if (paren != NULL && paren > member->name)
            add_third_name (w, seen, g_strndup (member->name, paren - member->name));
        }
    }

  g_ptr_array_sort (w->third_names, compare_longest_first);
}

const char *
_cp_subject_lineage_name (Writer *w,
                          gint64  lineage)
{
  const char *name = g_hash_table_lookup (w->lineage_names, &lineage);

  return name ? name : _("someone no longer on the map");
}

/* ---- Lines ---------------------------------------------------------------------------- */

void
_cp_subject_heading (Writer     *w,
                     const char *title)
{
  g_string_append_printf (w->out, "\n== %s ==\n", title);
}

void
_cp_subject_field (Writer     *w,
                   const char *label,
                   const char *value)
{
  g_string_append_printf (w->out, "%s: %s\n", label,
                          value != NULL && *value != '\0' ? value : _("(none)"));
}

/* One item of a list: a member, a link, a step, a rating. */
void
_cp_subject_item (Writer     *w,
                  const char *label,
                  const char *value)
{
  g_string_append_printf (w->out, "- %s: %s\n", label, value);
}

/* A field in the person's own words, with third parties marked. */
void
_cp_subject_text_field (Writer     *w,
                        const char *label,
                        const char *value)
{
  g_autofree char *marked = _cp_subject_mark_names_in (w, value);

  _cp_subject_field (w, label, marked);
}

/* Adds @part to @line after @separator (none before the first); nothing for NULL. */
static void
join (GString    *line,
      const char *separator,
      const char *part)
{
  if (part == NULL)
    return;
  if (line->len > 0)
    g_string_append (line, separator);
  g_string_append (line, part);
}

void
_cp_subject_append_part (GString    *line,
                         const char *part)
{
  join (line, "; ", part);
}

/* ---- Sections ------------------------------------------------------------------------- */

static void
write_person (Writer                *w,
              const CpSubjectAccess *access)
{
  g_autoptr(GString) needs = g_string_new (NULL);
  g_autofree char *record = g_strdup_printf ("%" G_GINT64_FORMAT, access->id);
  g_autofree char *status = NULL;

  _cp_subject_heading (w, _("The person"));
  _cp_subject_field (w, _("Record number"), record);
  _cp_subject_field (w, _("Name"), access->name);
  _cp_subject_field (w, _("Case reference"), access->case_ref);
  if (access->status == CP_PERSON_STATUS_PAUSED)
    status = g_strdup_printf (_("paused (%s)"), pause_words (access->pause_reason));
  else if (access->status == CP_PERSON_STATUS_CLOSED)
    status = g_strdup_printf (_("closed on %s"), access->closed_on ? access->closed_on : "");
  else
    status = g_strdup (C_("person", "active"));
  _cp_subject_field (w, _("Status"), status);
  _cp_subject_field (w, _("Step of the work (practitioner’s note)"), focus_words (access->focus));
  _cp_subject_field (w, _("Next review"), access->next_review);
  _cp_subject_field (w, _("Check-in date while paused"), access->check_in_on);
  _cp_subject_field (w, _("Agreed to the work on"), access->agreed_on);
  _cp_subject_field (w, _("Agreed to their map and plan being kept in this app on"),
                     access->keep_agreed_on);
  _cp_subject_field (w, _("Plan agreed on"), access->plan_agreed_on);
  _cp_subject_field (w, _("Went through the guide on"), access->guide_on);
  _cp_subject_text_field (w, _("What may be shared, and with whom"), access->sharing);

  if (access->needs & CP_COMMUNICATION_LARGE_PRINT)
    _cp_subject_append_part (needs, _("large print"));
  if (access->needs & CP_COMMUNICATION_EASY_READ)
    _cp_subject_append_part (needs, _("easy read"));
  if (access->needs & CP_COMMUNICATION_INTERPRETER)
    {
      g_autofree char *interpreter =
        g_strdup_printf (_("interpreter (%s)"),
                         access->interpreter_language != NULL ? access->interpreter_language
                                                              : _("language not noted"));

      _cp_subject_append_part (needs, interpreter);
    }
  if (*access->communication_other != '\0')
    _cp_subject_append_part (needs, access->communication_other);
  _cp_subject_text_field (w, _("Communication needs"), needs->str);
  _cp_subject_text_field (w, _("Notes"), access->notes);
  _cp_subject_field (w, _("Record made"), access->created_at);
  _cp_subject_field (w, _("Record last changed"), access->updated_at);
}

static void
write_member (Writer                *w,
              const CpSubjectMember *member)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) chips = g_string_new (NULL);
  g_autoptr(GString) support = g_string_new (NULL);
  g_autofree char *name = member_name (member->name, member->kind);
  g_autofree char *place = g_strdup_printf ("%s, %s", cp_netmap_sector_label (member->sector),
                                            cp_netmap_ring_label (member->ring));
  g_autofree char *added = g_strdup_printf (_("added on %s"), member->added_on);
  g_autofree char *notes = NULL;
  g_autofree char *label = NULL;

  _cp_subject_append_part (line, place);

  if (member->helps_me)
    join (chips, ", ", _("helps me"));
  if (member->hard_going)
    join (chips, ", ", _("hard going"));
  if (member->want_more)
    join (chips, ", ", _("want more"));
  _cp_subject_append_part (line, chips->len > 0 ? chips->str : NULL);

  _cp_subject_append_part (line, frequency_words (member->frequency));
  _cp_subject_append_part (line, years_words (member->years_known));

  if (member->support_types & CP_NETMAP_SUPPORT_EMOTIONAL)
    join (support, ", ", _("emotional support"));
  if (member->support_types & CP_NETMAP_SUPPORT_PRACTICAL)
    join (support, ", ", _("practical help"));
  if (member->support_types & CP_NETMAP_SUPPORT_INFORMATION)
    join (support, ", ", _("information"));
  if (member->support_types & CP_NETMAP_SUPPORT_COMPANY)
    join (support, ", ", _("company"));
  if (support->len > 0)
    {
      /* Translators: %s lists kinds of support, e.g. "emotional support, company" */
      g_autofree char *gives = g_strdup_printf (_("gives %s"), support->str);

      _cp_subject_append_part (line, gives);
    }

  _cp_subject_append_part (line, direction_words (member->direction));
  if (member->paid != CP_SUBJECT_NOT_RECORDED)
    _cp_subject_append_part (line, member->paid ? _("paid") : _("unpaid"));
  if (member->met_through_us)
    _cp_subject_append_part (line, _("met through our work"));
  if (member->mostly_online)
    _cp_subject_append_part (line, _("mostly online"));
  if (member->died)
    _cp_subject_append_part (line, _("has died, kept on the map"));
  if (member->caution)
    _cp_subject_append_part (line, _("caution noted by the practitioner"));
  _cp_subject_append_part (line, added);

  if (*member->notes != '\0')
    {
      g_autofree char *marked = mark (member->notes);

      notes = g_strdup_printf (_("notes: %s"), marked);
    }
  else
    notes = g_strdup (_("no notes"));
  _cp_subject_append_part (line, notes);

  /* Translators: a member of a network map and what it is, e.g. "Sam, a person" */
  label = g_strdup_printf (_("%s, %s"), name, kind_words (member->kind));
  _cp_subject_item (w, label, line->str);
}

static void
write_maps (Writer                *w,
            const CpSubjectAccess *access)
{
  for (guint i = 0; i < access->maps->len; i++)
    {
      const CpSubjectMap *map = g_ptr_array_index (access->maps, i);
      g_autofree char *label = _cp_subject_mark_names_in (w, map->label);
      g_autofree char *title = g_strdup_printf (_("Network map: %s, %s"), label, map->taken_on);
      guint n = map->members->len;
      g_autofree char *count = g_strdup_printf (ngettext ("%u person, place or activity",
                                                          "%u people, places or activities",
                                                          n),
                                                n);

      _cp_subject_heading (w, title);
      _cp_subject_text_field (w, _("Notes"), map->notes);
      _cp_subject_field (w, _("Record made"), map->created_at);
      _cp_subject_field (w, _("Record last changed"), map->updated_at);
      _cp_subject_field (w, _("On the map"), count);

      for (guint j = 0; j < n; j++)
        write_member (w, g_ptr_array_index (map->members, j));

      for (guint j = 0; j < map->ties->len; j++)
        {
          const CpSubjectTie *tie = g_ptr_array_index (map->ties, j);
          g_autofree char *a = member_name (tie->a_name, tie->a_kind);
          g_autofree char *b = member_name (tie->b_name, tie->b_kind);
          /* Translators: a link between two members of a map, and what it is like */
          g_autofree char *link = g_strdup_printf (_("%s — %s (%s)"), a, b,
                                                   cp_netmap_tie_label (tie->strength));

          _cp_subject_item (w, _("Link"), link);
        }
    }
}

static void
write_disclosures (Writer                *w,
                   const CpSubjectAccess *access)
{
  _cp_subject_heading (w, _("What was shared outside the app, and with whom"));
  if (access->disclosures->len == 0)
    g_string_append_printf (w->out, "%s\n", _("Nothing was recorded as shared."));

  for (guint i = 0; i < access->disclosures->len; i++)
    {
      const CpDisclosure *d = g_ptr_array_index (access->disclosures, i);
      g_autoptr(GString) line = g_string_new (disclosure_words (d->what));
      g_autofree char *to_whom = _cp_subject_mark_names_in (w, d->to_whom);
      g_autofree char *detail = _cp_subject_mark_names_in (w, d->detail);

      if (*to_whom != '\0')
        {
          /* Translators: whom something about the person was given to */
          g_autofree char *to = g_strdup_printf (_("to: %s"), to_whom);

          _cp_subject_append_part (line, to);
        }
      else
        _cp_subject_append_part (line, _("to: not recorded"));
      if (*detail != '\0')
        _cp_subject_append_part (line, detail);
      _cp_subject_item (w, d->made_at, line->str);
    }
}

char *
cp_export_subject_access_write_text (const CpSubjectAccess *access,
                                     const char            *workspace_name,
                                     GDateTime             *written_at)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) lineages = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *written = NULL;
  Writer w = { out, names, lineages };

  g_return_val_if_fail (access != NULL, NULL);
  g_return_val_if_fail (workspace_name != NULL, NULL);
  g_return_val_if_fail (written_at != NULL, NULL);

  written = g_date_time_format (written_at, "%Y-%m-%d %H:%M");
  collect_third_parties (&w, access);

  g_string_append_printf (out, "%s\n", _("Everything held about this person"));
  _cp_subject_field (&w, _("Workspace"), workspace_name);
  _cp_subject_field (&w, _("Written on"), written);
  g_string_append_printf (out, "%s\n",
                          _("Text marked [REDACT: …] is about other people: review it, and "
                            "remove it where the law says so, before this is sent."));

  write_person (&w, access);
  write_maps (&w, access);
  _cp_subject_write_goals (&w, access);
  _cp_subject_write_reviews (&w, access);
  _cp_subject_write_supervision (&w, access);
  write_disclosures (&w, access);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
cp_export_subject_access_text (CpStore     *store,
                               gint64       id,
                               GError     **error)
{
  g_autoptr(CpSubjectAccess) access = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *workspace = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(access = cp_store_read_subject_access (store, id, error)))
    return NULL;

  workspace = cp_store_dup_display_name (store);

  return cp_export_subject_access_write_text (access, workspace, now);
}
