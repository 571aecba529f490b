/* cp-supervision-caseload-item.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision-caseload"

#include <stdio.h>
#include <glib/gi18n.h>

#include "cp-supervision-caseload-item.h"
#include "goals/cp-goal-words.h"
#include "netmap/cp-netmap-layout.h"
#include "ui/cp-person-summary.h"
#include "util/cp-locale.h"

struct _CpSupervisionCaseloadItem
{
  GObject           parent_instance;

  CpSupervisionRow *row;
  char             *initials;
  char             *text[CP_CASELOAD_N_COLUMNS];
  gboolean          flagged[CP_CASELOAD_N_COLUMNS];
  /* what the columns sort by */
  gint64            keys[CP_CASELOAD_N_COLUMNS];
  char             *name_key;
  char             *initials_key;
  char             *case_ref_key;
};

G_DEFINE_FINAL_TYPE (CpSupervisionCaseloadItem, cp_supervision_caseload_item, G_TYPE_OBJECT)

/* ---- Columns -------------------------------------------------------------------------- */

const char *
cp_caseload_column_title (CpCaseloadColumn column)
{
  switch (column)
    {
    case CP_CASELOAD_PERSON:    return _("Person");
    case CP_CASELOAD_STEPS:     return _("Steps overdue");
    case CP_CASELOAD_COPY:      return _("Copy and guide");
    case CP_CASELOAD_COMMUNITY: return _("Community");
    case CP_CASELOAD_MAP:       return _("Map");
    case CP_CASELOAD_GOALS:     return _("Goals");
    case CP_CASELOAD_BARRIERS:  return _("Last barriers");
    case CP_CASELOAD_REVIEW:    return _("Review");
    case CP_CASELOAD_N_COLUMNS:
    default:                    return "";
    }
}

const char *
cp_caseload_column_question (CpCaseloadColumn column)
{
  switch (column)
    {
    case CP_CASELOAD_PERSON:
      return _("Who: initials and case reference, or names when shown");
    case CP_CASELOAD_STEPS:
      return _("Are the steps happening? Steps past their due date: yours (with those done "
               "together), the person’s, and anyone else’s");
    case CP_CASELOAD_COPY:
      return _("Has the person their copy of the plan, and been through the guide?");
    case CP_CASELOAD_COMMUNITY:
      return _("Does the plan name a community opportunity: a place or activity outside "
               "services?");
    case CP_CASELOAD_MAP:
      return _("Is the map current? The date of the latest map; flagged when there is none "
               "or it is older than the weeks set in Preferences");
    case CP_CASELOAD_GOALS:
      return _("Are the goals the person’s own and linked to something outside services? "
               "Goals, goals with steps, goals linked outside services and paid support");
    case CP_CASELOAD_BARRIERS:
      return _("What got in the way? The barriers picked at the last review");
    case CP_CASELOAD_REVIEW:
      return _("Is the review on time? The next review, or how long a paused person has "
               "been paused");
    case CP_CASELOAD_N_COLUMNS:
    default:
      return "";
    }
}

/* ---- Words ---------------------------------------------------------------------------- */

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gint64
day_number (const char *iso)
{
  GDate date;

  return parse_date (iso, &date) ? g_date_get_julian (&date) : 0;
}

/* "3 Feb 2026": short enough for a table cell. */
static char *
short_date (const char *iso)
{
  GDate date;
  char buf[64];

  if (!parse_date (iso, &date))
    return NULL;
  /* Translators: a short date in the Supervision table, strftime () format */
  if (g_date_strftime (buf, sizeof buf, _("%-d %b %Y"), &date) == 0)
    return g_strdup (iso);
  return g_strdup (buf);
}

static char *
review_words (const CpSupervisionRow *row,
              gboolean               *flagged)
{
  g_autofree char *date = NULL;

  if (row->status == CP_PERSON_STATUS_PAUSED)
    {
      const char *reason = cp_pause_reason_words (row->pause_reason);
      g_autofree char *paused = NULL;

      if (row->days_paused < 0)
        paused = g_strdup (_("Paused"));
      else if (row->days_paused < 7)
        paused = g_strdup (_("Paused under a week"));
      else
        paused = g_strdup_printf (ngettext ("Paused %d week", "Paused %d weeks",
                                            row->days_paused / 7),
                                  row->days_paused / 7);
      *flagged = FALSE;
      /* Translators: "Paused 6 weeks — in hospital" */
      return reason ? g_strdup_printf (_("%s — %s"), paused, reason) : g_steal_pointer (&paused);
    }
  date = short_date (row->next_review);
  *flagged = date == NULL || row->review_overdue;
  if (date == NULL)
    return g_strdup (_("No review date"));
  if (row->review_overdue)
    return g_strdup_printf (_("Overdue since %s"), date);
  return g_strdup_printf (_("Next %s"), date);
}

static char *
copy_words (const CpSupervisionRow *row)
{
  g_autofree char *copy = short_date (row->copy_given_on);
  g_autofree char *guide = short_date (row->guide_on);
  g_autofree char *copy_text = copy ? g_strdup_printf (_("Copy given %s"), copy)
                                    : g_strdup (_("No copy given"));
  g_autofree char *guide_text = guide ? g_strdup_printf (_("guide gone through %s"), guide)
                                      : g_strdup (_("guide not gone through"));

  /* Translators: "Copy given 3 Feb 2026; guide not gone through" */
  return g_strdup_printf (_("%s; %s"), copy_text, guide_text);
}

static char *
goals_words (const CpSupervisionRow *row)
{
  g_autofree char *goals = NULL;

  if (row->n_goals == 0)
    return g_strdup (_("No goals"));
  goals = g_strdup_printf (ngettext ("%u goal", "%u goals", row->n_goals), row->n_goals);
  /* Translators: "3 goals: 2 with steps, 1 linked outside services" */
  return g_strdup_printf (_("%s: %u with steps, %u linked outside services"), goals,
                          row->n_goals_with_steps, row->n_goals_outside);
}

static char *
barrier_words (const CpSupervisionRow *row)
{
  g_autoptr(GString) s = NULL;

  if (row->last_review_on == NULL)
    return g_strdup (_("No review yet"));
  if (row->barriers == 0)
    return g_strdup (_("None picked"));
  s = g_string_new (NULL);
  for (guint b = 0; b < 32; b++)
    if (row->barriers & (1u << b))
      {
        if (s->len > 0)
          g_string_append (s, _(", "));
        g_string_append (s, cp_barrier_label ((CpBarrier) b));
      }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
steps_words (const CpSupervisionRow *row)
{
  const guint *n = row->steps_overdue;

  if (n[CP_SUPERVISION_OWNER_PRACTITIONER] + n[CP_SUPERVISION_OWNER_PERSON]
      + n[CP_SUPERVISION_OWNER_OTHERS] == 0)
    return g_strdup (_("None overdue"));
  /* Translators: steps overdue: the practitioner's, the person's, anyone else's */
  return g_strdup_printf (_("%u yours, %u theirs, %u others"),
                          n[CP_SUPERVISION_OWNER_PRACTITIONER], n[CP_SUPERVISION_OWNER_PERSON],
                          n[CP_SUPERVISION_OWNER_OTHERS]);
}

static char *
map_words (const CpSupervisionRow *row)
{
  g_autofree char *date = short_date (row->map_on);

  if (date == NULL)
    return g_strdup (_("No map"));
  if (row->map_stale)
    /* Translators: the date of the latest map */
    return g_strdup_printf (_("%s — out of date"), date);
  return g_steal_pointer (&date);
}

static void
fill (CpSupervisionCaseloadItem *self)
{
  const CpSupervisionRow *row = self->row;
  const guint *n = row->steps_overdue;
  guint total = n[0] + n[1] + n[2];
  gint64 *keys = self->keys;

  self->initials = cp_netmap_initials (row->name ? row->name : "");
  if (self->initials[0] == '\0')
    {
      g_free (self->initials);
      self->initials = g_strdup ("?");
    }
  self->name_key = cp_locale_sort_key (row->name);
  self->initials_key = cp_locale_sort_key (self->initials);
  self->case_ref_key = cp_locale_sort_key (row->case_ref);

  self->text[CP_CASELOAD_PERSON] = g_strdup (row->case_ref ? row->case_ref
                                                           : _("No case reference"));
  self->text[CP_CASELOAD_STEPS] = steps_words (row);
  self->flagged[CP_CASELOAD_STEPS] = total > 0;
  keys[CP_CASELOAD_STEPS] = total * 1000 + n[CP_SUPERVISION_OWNER_PRACTITIONER];

  self->text[CP_CASELOAD_COPY] = copy_words (row);
  self->flagged[CP_CASELOAD_COPY] = row->copy_given_on == NULL && row->n_goals > 0;
  keys[CP_CASELOAD_COPY] = day_number (row->copy_given_on) * 10000000
                           + day_number (row->guide_on);

  self->text[CP_CASELOAD_COMMUNITY] = g_strdup (row->community ? _("Yes") : _("No"));
  self->flagged[CP_CASELOAD_COMMUNITY] = !row->community;
  keys[CP_CASELOAD_COMMUNITY] = row->community;

  self->text[CP_CASELOAD_MAP] = map_words (row);
  self->flagged[CP_CASELOAD_MAP] = row->map_stale;
  keys[CP_CASELOAD_MAP] = day_number (row->map_on);

  self->text[CP_CASELOAD_GOALS] = goals_words (row);
  self->flagged[CP_CASELOAD_GOALS] = row->n_goals == 0 || row->n_goals_outside == 0;
  keys[CP_CASELOAD_GOALS] = (gint64) row->n_goals * 1000000
                            + row->n_goals_with_steps * 1000 + row->n_goals_outside;

  self->text[CP_CASELOAD_BARRIERS] = barrier_words (row);
  /* by how many were picked */
  for (guint b = row->barriers; b != 0; b &= b - 1)
    keys[CP_CASELOAD_BARRIERS] += 100000;
  keys[CP_CASELOAD_BARRIERS] += row->barriers;

  self->text[CP_CASELOAD_REVIEW] = review_words (row, &self->flagged[CP_CASELOAD_REVIEW]);
  /* Overdue first, then by date; no date after everyone dated; paused people last,
   * longest paused last. */
  if (row->status == CP_PERSON_STATUS_PAUSED)
    keys[CP_CASELOAD_REVIEW] = 30000000 + MAX (row->days_paused, 0);
  else
    keys[CP_CASELOAD_REVIEW] = row->next_review ? day_number (row->next_review) : 20000000;
}

static void
cp_supervision_caseload_item_finalize (GObject *object)
{
  CpSupervisionCaseloadItem *self = CP_SUPERVISION_CASELOAD_ITEM (object);

  g_clear_pointer (&self->row, cp_supervision_row_free);
  g_free (self->initials);
  for (guint i = 0; i < CP_CASELOAD_N_COLUMNS; i++)
    g_free (self->text[i]);
  g_free (self->name_key);
  g_free (self->initials_key);
  g_free (self->case_ref_key);
  G_OBJECT_CLASS (cp_supervision_caseload_item_parent_class)->finalize (object);
}

static void
cp_supervision_caseload_item_class_init (CpSupervisionCaseloadItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_supervision_caseload_item_finalize;
}

static void
cp_supervision_caseload_item_init (CpSupervisionCaseloadItem *self)
{
}

/* ---- Public --------------------------------------------------------------------------- */

CpSupervisionCaseloadItem *
cp_supervision_caseload_item_new (CpSupervisionRow *row)
{
  CpSupervisionCaseloadItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (CP_TYPE_SUPERVISION_CASELOAD_ITEM, NULL);
  self->row = row;
  fill (self);
  return self;
}

const CpSupervisionRow *
cp_supervision_caseload_item_get_row (CpSupervisionCaseloadItem *self)
{
  g_return_val_if_fail (CP_IS_SUPERVISION_CASELOAD_ITEM (self), NULL);
  return self->row;
}

const char *
cp_supervision_caseload_item_get_person (CpSupervisionCaseloadItem *self,
                                         gboolean                   names)
{
  g_return_val_if_fail (CP_IS_SUPERVISION_CASELOAD_ITEM (self), NULL);
  return names && self->row->name != NULL ? self->row->name : self->initials;
}

const char *
cp_supervision_caseload_item_get_text (CpSupervisionCaseloadItem *self,
                                       CpCaseloadColumn           column)
{
  g_return_val_if_fail (CP_IS_SUPERVISION_CASELOAD_ITEM (self), NULL);
  g_return_val_if_fail (column < CP_CASELOAD_N_COLUMNS, NULL);
  return self->text[column];
}

gboolean
cp_supervision_caseload_item_get_flagged (CpSupervisionCaseloadItem *self,
                                          CpCaseloadColumn           column)
{
  g_return_val_if_fail (CP_IS_SUPERVISION_CASELOAD_ITEM (self), FALSE);
  g_return_val_if_fail (column < CP_CASELOAD_N_COLUMNS, FALSE);
  return self->flagged[column];
}

char *
cp_supervision_caseload_item_dup_summary (CpSupervisionCaseloadItem *self,
                                          gboolean                   names)
{
  GString *s;

  g_return_val_if_fail (CP_IS_SUPERVISION_CASELOAD_ITEM (self), NULL);

  s = g_string_new (NULL);
  /* Translators: the person as shown (initials or name), then the case reference */
  g_string_append_printf (s, _("%s, %s."), cp_supervision_caseload_item_get_person (self, names),
                          self->text[CP_CASELOAD_PERSON]);
  for (guint c = CP_CASELOAD_PERSON + 1; c < CP_CASELOAD_N_COLUMNS; c++)
    /* Translators: a column's heading and its answer, in a screen reader's summary */
    g_string_append_printf (s, _(" %s: %s."), cp_caseload_column_title (c), self->text[c]);
  return g_string_free (s, FALSE);
}

int
cp_supervision_caseload_item_compare (CpSupervisionCaseloadItem *a,
                                      CpSupervisionCaseloadItem *b,
                                      CpCaseloadColumn           column,
                                      gboolean                   names)
{
  int order;

  g_return_val_if_fail (CP_IS_SUPERVISION_CASELOAD_ITEM (a), 0);
  g_return_val_if_fail (CP_IS_SUPERVISION_CASELOAD_ITEM (b), 0);

  if (column != CP_CASELOAD_PERSON && column < CP_CASELOAD_N_COLUMNS
      && a->keys[column] != b->keys[column])
    return a->keys[column] < b->keys[column] ? -1 : 1;
  order = strcmp (names ? a->name_key : a->initials_key, names ? b->name_key : b->initials_key);
  if (order == 0)
    order = strcmp (a->case_ref_key, b->case_ref_key);
  if (order == 0)
    order = (a->row->person_id > b->row->person_id) - (a->row->person_id < b->row->person_id);
  return order;
}

static CpSupervisionCaseloadItem *
probe_new (const char *person,
           gint64      key)
{
  CpSupervisionCaseloadItem *self = g_object_new (CP_TYPE_SUPERVISION_CASELOAD_ITEM, NULL);

  self->row = g_new0 (CpSupervisionRow, 1);
  self->initials = g_strdup (person);
  for (guint c = 0; c < CP_CASELOAD_N_COLUMNS; c++)
    {
      self->text[c] = g_strdup ("");
      self->keys[c] = key;
    }
  self->name_key = g_strdup (person);
  self->initials_key = g_strdup (person);
  self->case_ref_key = g_strdup ("");
  return self;
}

void
_cp_supervision_caseload_item_probes (CpCaseloadColumn            column,
                                      CpSupervisionCaseloadItem **low,
                                      CpSupervisionCaseloadItem **high)
{
  gboolean person = column == CP_CASELOAD_PERSON;

  /* first by @column, last by every other one */
  *low = probe_new (person ? "a" : "b", 1);
  *high = probe_new (person ? "b" : "a", 0);
  if (!person)
    {
      (*low)->keys[column] = 0;
      (*high)->keys[column] = 1;
    }
}
