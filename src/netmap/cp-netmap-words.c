/* cp-netmap-words.c: what a map's numbers and the change between two maps say, in words
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <glib/gi18n.h>
#include <math.h>

#include "cp-netmap-layout.h"
#include "cp-netmap-words.h"

static gboolean
is_share (CpNetmapMeasure measure)
{
  switch (measure)
    {
    case CP_NETMAP_MEASURE_FAMILY_SHARE:
    case CP_NETMAP_MEASURE_SERVICES_SHARE:
    case CP_NETMAP_MEASURE_PAID_SHARE:
    case CP_NETMAP_MEASURE_EMOTIONAL:
    case CP_NETMAP_MEASURE_PRACTICAL:
    case CP_NETMAP_MEASURE_INFORMATION:
    case CP_NETMAP_MEASURE_COMPANY:
    case CP_NETMAP_MEASURE_RECIPROCITY:
    case CP_NETMAP_MEASURE_HARD_GOING_SHARE:
    case CP_NETMAP_MEASURE_MET_THROUGH_US:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
cp_netmap_value_describe (CpNetmapMeasure      measure,
                          const CpNetmapValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (value->state != CP_NETMAP_VALUE_KNOWN || !is_share (measure))
    return cp_netmap_value_format (measure, value);

  /* Translators: a share, e.g. "3 of 8 (38%)" */
  return g_strdup_printf (_("%u of %u (%.0f%%)"), value->count, value->base,
                          value->value * 100.0);
}

char *
cp_netmap_delta_describe (CpNetmapMeasure      measure,
                          const CpNetmapValue *delta)
{
  double v;

  g_return_val_if_fail (delta != NULL, NULL);

  if (delta->state != CP_NETMAP_VALUE_KNOWN)
    return NULL;
  v = delta->value;
  if (cp_netmap_measure_is_count (measure) || measure == CP_NETMAP_MEASURE_SECTORS_PRESENT)
    {
      guint n = (guint) fabs (v);

      if (n == 0)
        return g_strdup (_("no change"));
      if (v > 0)
        return g_strdup_printf (ngettext ("%u more", "%u more", n), n);
      return g_strdup_printf (ngettext ("%u fewer", "%u fewer", n), n);
    }
  if (is_share (measure))
    {
      int points = (int) lround (v * 100.0);

      if (points == 0)
        return g_strdup (_("no change"));
      if (points > 0)
        return g_strdup_printf (ngettext ("up %d point", "up %d points", points), points);
      return g_strdup_printf (ngettext ("down %d point", "down %d points", -points), -points);
    }
  if (fabs (v) < 0.005)
    return g_strdup (_("no change"));
  return v > 0 ? g_strdup_printf (_("up %.2f"), v) : g_strdup_printf (_("down %.2f"), -v);
}

static char *
dup_name (CpNetmapModel *model,
          gint64         lineage,
          gboolean       initials_only)
{
  CpNetmapMember *m = cp_netmap_model_find (model, lineage);

  if (m == NULL)
    return g_strdup ("?");
  return initials_only ? cp_netmap_initials (m->name) : g_strdup (m->name);
}

static char *
join (GPtrArray *parts)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: the last separator of a list, "Sam, Mum and Ali" */
        g_string_append (out, i + 1 == parts->len ? _(" and ") : ", ");
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
cp_netmap_join_names (CpNetmapModel *model,
                      const GArray  *lineages,
                      gboolean       initials_only)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (model), NULL);

  if (lineages == NULL || lineages->len == 0)
    return NULL;
  for (guint i = 0; i < lineages->len; i++)
    g_ptr_array_add (parts, dup_name (model, g_array_index (lineages, gint64, i),
                                      initials_only));
  return join (parts);
}

/* "Sam (around me → important to me)" for each member that moved */
static char *
join_moves (const GArray  *lineages,
            CpNetmapModel *before,
            CpNetmapModel *after,
            gboolean       by_sector,
            gboolean       initials_only)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lineages->len; i++)
    {
      gint64 lineage = g_array_index (lineages, gint64, i);
      CpNetmapMember *was = cp_netmap_model_find (before, lineage);
      CpNetmapMember *now = cp_netmap_model_find (after, lineage);
      g_autofree char *name = dup_name (after, lineage, initials_only);

      if (was == NULL || now == NULL)
        continue;
      /* Translators: a member who moved, e.g. "Sam (around me → important to me)" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s (%s → %s)"), name,
                                               by_sector ? cp_netmap_sector_label (was->sector)
                                                         : cp_netmap_ring_label (was->ring),
                                               by_sector ? cp_netmap_sector_label (now->sector)
                                                         : cp_netmap_ring_label (now->ring)));
    }
  return parts->len > 0 ? join (parts) : NULL;
}

/* "Sam and Ali (strong)" for each tie; with @was, "Sam and Mum, now hard going (was
 * strong)" */
static char *
join_ties (const GArray  *ties,
           CpNetmapModel *names,
           CpNetmapModel *was,
           gboolean       initials_only)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ties->len; i++)
    {
      const CpNetmapTie *tie = &g_array_index (ties, CpNetmapTie, i);
      g_autofree char *a = dup_name (names, tie->a, initials_only);
      g_autofree char *b = dup_name (names, tie->b, initials_only);
      const CpNetmapTie *old = was ? cp_netmap_model_find_tie (was, tie->a, tie->b) : NULL;

      if (old != NULL)
        /* Translators: a tie that changed, e.g. "Sam and Mum, now hard going (was strong)" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s and %s, now %s (was %s)"), a, b,
                                                 cp_netmap_tie_label (tie->strength),
                                                 cp_netmap_tie_label (old->strength)));
      else
        /* Translators: a tie, e.g. "Sam and Ali (strong)" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s and %s (%s)"), a, b,
                                                 cp_netmap_tie_label (tie->strength)));
    }
  return parts->len > 0 ? join (parts) : NULL;
}

/* A sentence for a list of names, when there is one (@format: a translated literal) */
#define ADD_SENTENCE(sentences, format, list) \
  G_STMT_START { \
    g_autofree char *list_ = (list); \
    if (list_ != NULL) \
      g_ptr_array_add ((sentences), g_strdup_printf ((format), list_)); \
  } G_STMT_END

GPtrArray *
cp_netmap_change_sentences (const CpNetmapChange *change,
                            CpNetmapModel        *before,
                            CpNetmapModel        *after,
                            gboolean              initials_only)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (change != NULL, sentences);

  /* Translators: %s is a list of names on a map */
  ADD_SENTENCE (sentences, _("New on this map: %s."),
                cp_netmap_join_names (after, change->added, initials_only));
  ADD_SENTENCE (sentences, _("Not on this map now: %s."),
                cp_netmap_join_names (before, change->not_now, initials_only));
  ADD_SENTENCE (sentences, _("Moved closer: %s."),
                join_moves (change->closer, before, after, FALSE, initials_only));
  ADD_SENTENCE (sentences, _("Moved further out: %s."),
                join_moves (change->further, before, after, FALSE, initials_only));
  ADD_SENTENCE (sentences, _("In another part of the map now: %s."),
                join_moves (change->other_sector, before, after, TRUE, initials_only));
  ADD_SENTENCE (sentences, _("Marked “died — keep on my map”: %s."),
                cp_netmap_join_names (after, change->died, initials_only));
  ADD_SENTENCE (sentences, _("New ties: %s."),
                join_ties (change->ties_added, after, NULL, initials_only));
  ADD_SENTENCE (sentences, _("Ties not on this map now: %s."),
                join_ties (change->ties_removed, before, NULL, initials_only));
  ADD_SENTENCE (sentences, _("Ties that changed: %s."),
                join_ties (change->ties_changed, after, before, initials_only));
  if (sentences->len == 0)
    g_ptr_array_add (sentences, g_strdup (_("Nothing changed between these maps.")));
  return sentences;
}
