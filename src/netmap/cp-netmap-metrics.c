/* cp-netmap-metrics.c: the numbers a map gives, and how they change between two maps
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <glib/gi18n.h>
#include <string.h>

#include "cp-netmap-metrics.h"

static const CpNetmapSupport supports[CP_NETMAP_N_SUPPORTS] = {
  CP_NETMAP_SUPPORT_EMOTIONAL, CP_NETMAP_SUPPORT_PRACTICAL,
  CP_NETMAP_SUPPORT_INFORMATION, CP_NETMAP_SUPPORT_COMPANY,
};

static const struct
{
  const char *label;
  const char *formula;
} texts[CP_NETMAP_N_MEASURES] = {
  [CP_NETMAP_MEASURE_SIZE] = {
    N_("Size"),
    N_("n = the people, places and activities in the three rings; the outer zone and "
       "anyone who has died are not counted") },
  [CP_NETMAP_MEASURE_PEOPLE] = { N_("People"), N_("people in the three rings") },
  [CP_NETMAP_MEASURE_PLACES] = { N_("Places"), N_("places in the three rings") },
  [CP_NETMAP_MEASURE_ACTIVITIES] = { N_("Activities"), N_("activities in the three rings") },
  [CP_NETMAP_MEASURE_CLOSEST] = { N_("Closest to me"), N_("how many are in this ring") },
  [CP_NETMAP_MEASURE_IMPORTANT] = { N_("Important to me"), N_("how many are in this ring") },
  [CP_NETMAP_MEASURE_AROUND] = { N_("Around me"), N_("how many are in this ring") },
  [CP_NETMAP_MEASURE_OUTER_ZONE] = {
    N_("I\xe2\x80\x99" "d like / lost touch"),
    N_("how many are in the outer zone; they are not counted in n") },
  [CP_NETMAP_MEASURE_FAMILY] = { N_("Family & home"), N_("how many of n are in this sector") },
  [CP_NETMAP_MEASURE_FRIENDS] = { N_("Friends"), N_("how many of n are in this sector") },
  [CP_NETMAP_MEASURE_NEIGHBOURS] = {
    N_("Neighbours & local"), N_("how many of n are in this sector") },
  [CP_NETMAP_MEASURE_WORK] = {
    N_("Work, learning & volunteering"), N_("how many of n are in this sector") },
  [CP_NETMAP_MEASURE_GROUPS] = {
    N_("Clubs, groups & faith"), N_("how many of n are in this sector") },
  [CP_NETMAP_MEASURE_SERVICES] = {
    N_("Services & paid support"), N_("how many of n are in this sector") },
  [CP_NETMAP_MEASURE_SECTORS_PRESENT] = {
    N_("Sectors present"), N_("sectors with at least one of n, out of 6") },
  [CP_NETMAP_MEASURE_FAMILY_SHARE] = { N_("Family share"), N_("family & home \xc3\xb7 n") },
  [CP_NETMAP_MEASURE_SERVICES_SHARE] = {
    N_("Services share"), N_("services & paid support \xc3\xb7 n") },
  [CP_NETMAP_MEASURE_PAID_SHARE] = {
    N_("Paid"), N_("paid \xc3\xb7 those of n with paid or unpaid recorded") },
  [CP_NETMAP_MEASURE_DIVERSITY] = {
    N_("Diversity"),
    N_("Blau\xe2\x80\x99s index: 1 \xe2\x88\x92 \xce\xa3p\xc2\xb2, where p is each "
       "sector\xe2\x80\x99s share of n") },
  [CP_NETMAP_MEASURE_DENSITY] = {
    N_("Density"),
    N_("2L \xc3\xb7 (n(n \xe2\x88\x92 1)), where n is the people in the rings and L the pairs "
       "of them who know each other") },
  [CP_NETMAP_MEASURE_EMOTIONAL] = {
    N_("Emotional support"),
    N_("those of n who give emotional support \xc3\xb7 those of n with details recorded") },
  [CP_NETMAP_MEASURE_PRACTICAL] = {
    N_("Practical help"),
    N_("those of n who give practical help \xc3\xb7 those of n with details recorded") },
  [CP_NETMAP_MEASURE_INFORMATION] = {
    N_("Information"),
    N_("those of n who give information \xc3\xb7 those of n with details recorded") },
  [CP_NETMAP_MEASURE_COMPANY] = {
    N_("Company"),
    N_("those of n who give company \xc3\xb7 those of n with details recorded") },
  [CP_NETMAP_MEASURE_RECIPROCITY] = {
    N_("Reciprocity"),
    N_("people in the rings with help both ways \xc3\xb7 people in the rings with the "
       "direction of help recorded") },
  [CP_NETMAP_MEASURE_HARD_GOING_SHARE] = {
    N_("Hard going"), N_("those of n marked \xe2\x80\x9chard going\xe2\x80\x9d \xc3\xb7 n") },
  [CP_NETMAP_MEASURE_STRESSFUL_TIES] = {
    N_("Hard-going ties"), N_("ties between members drawn as hard going") },
  [CP_NETMAP_MEASURE_MET_THROUGH_US] = {
    N_("Met through our work"), N_("those of n met through our work \xc3\xb7 n") },
  [CP_NETMAP_MEASURE_DIED] = {
    N_("Kept on my map"), N_("members who have died and are kept on the map; not counted "
                             "in any other measure") },
};

static gboolean
in_n (const CpNetmapMember *m)
{
  return !m->died && m->ring <= CP_NETMAP_RING_AROUND;
}

static void
set_count (CpNetmapMetrics *metrics,
           CpNetmapMeasure  measure,
           guint            count)
{
  metrics->values[measure] = (CpNetmapValue) { CP_NETMAP_VALUE_KNOWN, count, count, 0 };
}

/* count ÷ base; @recorded FALSE when none of what it needs is recorded */
static void
set_share (CpNetmapMetrics *metrics,
           CpNetmapMeasure  measure,
           guint            count,
           guint            base,
           guint            n,
           gboolean         recorded)
{
  CpNetmapValue *v = &metrics->values[measure];

  v->count = count;
  v->base = base;
  v->value = 0;
  if (n < 2)
    v->state = CP_NETMAP_VALUE_NOT_ENOUGH;
  else if (!recorded)
    v->state = CP_NETMAP_VALUE_NOT_RECORDED;
  else if (base < 2)
    v->state = CP_NETMAP_VALUE_NOT_ENOUGH;
  else
    {
      v->state = CP_NETMAP_VALUE_KNOWN;
      v->value = (double) count / base;
    }
}

void
cp_netmap_metrics_compute (CpNetmapModel   *model,
                           CpNetmapMetrics *metrics)
{
  guint per_ring[CP_NETMAP_N_RINGS + 1] = { 0 };
  guint per_sector[CP_NETMAP_N_SECTORS] = { 0 };
  guint per_kind[CP_NETMAP_N_KINDS] = { 0 };
  guint support[CP_NETMAP_N_SUPPORTS] = { 0 };
  guint n = 0;
  guint died = 0;
  guint detailed = 0;
  guint paid = 0;
  guint paid_recorded = 0;
  guint directed = 0;
  guint both_ways = 0;
  guint hard = 0;
  guint met = 0;
  guint ties = 0;
  guint stressful = 0;
  guint present = 0;
  double sum_squares = 0;
  guint i;
  int k;

  g_return_if_fail (CP_IS_NETMAP_MODEL (model));
  g_return_if_fail (metrics != NULL);

  memset (metrics, 0, sizeof *metrics);
  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (m->died)
        {
          died++;
          continue;
        }
      per_ring[m->ring]++;
      if (!in_n (m))
        continue;
      n++;
      per_sector[m->sector]++;
      per_kind[m->kind]++;
      hard += m->hard_going;
      met += m->met_through_us;
      if (cp_netmap_member_has_details (m))
        {
          detailed++;
          for (k = 0; k < CP_NETMAP_N_SUPPORTS; k++)
            support[k] += (m->support & supports[k]) != 0;
        }
      if (m->paid >= 0)
        {
          paid_recorded++;
          paid += m->paid == 1;
        }
      if (m->kind == CP_NETMAP_KIND_PERSON && m->direction != CP_NETMAP_DIRECTION_NOT_RECORDED)
        {
          directed++;
          both_ways += m->direction == CP_NETMAP_DIRECTION_BOTH;
        }
    }
  for (i = 0; i < cp_netmap_model_get_n_ties (model); i++)
    {
      const CpNetmapTie *t = cp_netmap_model_get_tie (model, i);
      const CpNetmapMember *a = cp_netmap_model_find (model, t->a);
      const CpNetmapMember *b = cp_netmap_model_find (model, t->b);

      if (a == NULL || b == NULL || a->died || b->died)
        continue;
      stressful += t->strength == CP_NETMAP_TIE_STRESSFUL;
      ties += in_n (a) && in_n (b) && a->kind == CP_NETMAP_KIND_PERSON &&
              b->kind == CP_NETMAP_KIND_PERSON;
    }

  set_count (metrics, CP_NETMAP_MEASURE_SIZE, n);
  set_count (metrics, CP_NETMAP_MEASURE_PEOPLE, per_kind[CP_NETMAP_KIND_PERSON]);
  set_count (metrics, CP_NETMAP_MEASURE_PLACES, per_kind[CP_NETMAP_KIND_PLACE]);
  set_count (metrics, CP_NETMAP_MEASURE_ACTIVITIES, per_kind[CP_NETMAP_KIND_ACTIVITY]);
  for (k = 0; k < CP_NETMAP_N_RINGS; k++)
    set_count (metrics, CP_NETMAP_MEASURE_CLOSEST + k, per_ring[k + 1]);
  for (k = 0; k < CP_NETMAP_N_SECTORS; k++)
    {
      set_count (metrics, CP_NETMAP_MEASURE_FAMILY + k, per_sector[k]);
      present += per_sector[k] > 0;
      if (n > 0)
        sum_squares += ((double) per_sector[k] / n) * ((double) per_sector[k] / n);
    }
  set_count (metrics, CP_NETMAP_MEASURE_SECTORS_PRESENT, present);
  set_count (metrics, CP_NETMAP_MEASURE_STRESSFUL_TIES, stressful);
  set_count (metrics, CP_NETMAP_MEASURE_DIED, died);

  set_share (metrics, CP_NETMAP_MEASURE_FAMILY_SHARE, per_sector[CP_NETMAP_SECTOR_FAMILY], n, n,
             TRUE);
  set_share (metrics, CP_NETMAP_MEASURE_SERVICES_SHARE, per_sector[CP_NETMAP_SECTOR_SERVICES],
             n, n, TRUE);
  set_share (metrics, CP_NETMAP_MEASURE_PAID_SHARE, paid, paid_recorded, n, paid_recorded > 0);
  set_share (metrics, CP_NETMAP_MEASURE_HARD_GOING_SHARE, hard, n, n, TRUE);
  set_share (metrics, CP_NETMAP_MEASURE_MET_THROUGH_US, met, n, n, TRUE);
  for (k = 0; k < CP_NETMAP_N_SUPPORTS; k++)
    set_share (metrics, CP_NETMAP_MEASURE_EMOTIONAL + k, support[k], detailed, n, detailed > 0);
  set_share (metrics, CP_NETMAP_MEASURE_RECIPROCITY, both_ways, directed,
             per_kind[CP_NETMAP_KIND_PERSON], directed > 0);

  /* Blau's index over the sectors of n */
  set_share (metrics, CP_NETMAP_MEASURE_DIVERSITY, present, n, n, TRUE);
  if (metrics->values[CP_NETMAP_MEASURE_DIVERSITY].state == CP_NETMAP_VALUE_KNOWN)
    metrics->values[CP_NETMAP_MEASURE_DIVERSITY].value = 1 - sum_squares;

  /* density: 2L / (n(n − 1)) over the people in n */
  {
    guint people = per_kind[CP_NETMAP_KIND_PERSON];
    guint pairs = people * (people - 1) / 2;

    metrics->ties = ties;
    set_share (metrics, CP_NETMAP_MEASURE_DENSITY, ties, pairs, people,
               cp_netmap_model_get_n_ties (model) > 0);
    if (metrics->values[CP_NETMAP_MEASURE_DENSITY].state == CP_NETMAP_VALUE_NOT_ENOUGH &&
        people >= 2)
      {
        /* two people make one pair: a share of one is still a density */
        metrics->values[CP_NETMAP_MEASURE_DENSITY].state = CP_NETMAP_VALUE_KNOWN;
        metrics->values[CP_NETMAP_MEASURE_DENSITY].value = (double) ties / pairs;
      }
  }
}

gboolean
cp_netmap_measure_is_count (CpNetmapMeasure measure)
{
  return measure <= CP_NETMAP_MEASURE_SECTORS_PRESENT ||
         measure == CP_NETMAP_MEASURE_STRESSFUL_TIES || measure == CP_NETMAP_MEASURE_DIED;
}

const char *
cp_netmap_measure_label (CpNetmapMeasure measure)
{
  g_return_val_if_fail ((guint) measure < CP_NETMAP_N_MEASURES, "");
  return _(texts[measure].label);
}

const char *
cp_netmap_measure_formula (CpNetmapMeasure measure)
{
  g_return_val_if_fail ((guint) measure < CP_NETMAP_N_MEASURES, "");
  return _(texts[measure].formula);
}

char *
cp_netmap_value_format (CpNetmapMeasure      measure,
                        const CpNetmapValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  switch (value->state)
    {
    case CP_NETMAP_VALUE_NOT_ENOUGH:
      return g_strdup (_("not enough to say"));
    case CP_NETMAP_VALUE_NOT_RECORDED:
      return g_strdup (_("not recorded"));
    case CP_NETMAP_VALUE_KNOWN:
      if (measure == CP_NETMAP_MEASURE_SECTORS_PRESENT)
        /* TRANSLATORS: how many of the six sectors have someone in them */
        return g_strdup_printf (_("%u of 6"), (guint) value->value);
      if (cp_netmap_measure_is_count (measure))
        return g_strdup_printf ("%u", (guint) value->value);
      return g_strdup_printf ("%.2f", value->value);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- change between two maps ---- */

static gboolean
has_tie (CpNetmapModel     *model,
         const CpNetmapTie *t)
{
  return cp_netmap_model_find_tie (model, t->a, t->b) != NULL;
}

CpNetmapChange *
cp_netmap_change_new (CpNetmapModel *before,
                      CpNetmapModel *after)
{
  CpNetmapChange *c;
  guint i;
  int k;

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (before), NULL);
  g_return_val_if_fail (CP_IS_NETMAP_MODEL (after), NULL);

  c = g_new0 (CpNetmapChange, 1);
  cp_netmap_metrics_compute (before, &c->before);
  cp_netmap_metrics_compute (after, &c->after);
  for (k = 0; k < CP_NETMAP_N_MEASURES; k++)
    {
      const CpNetmapValue *a = &c->before.values[k];
      const CpNetmapValue *b = &c->after.values[k];
      CpNetmapValue *d = &c->delta[k];

      if (a->state == CP_NETMAP_VALUE_KNOWN && b->state == CP_NETMAP_VALUE_KNOWN)
        *d = (CpNetmapValue) { CP_NETMAP_VALUE_KNOWN, b->value - a->value, 0, 0 };
      else if (a->state == CP_NETMAP_VALUE_NOT_RECORDED || b->state == CP_NETMAP_VALUE_NOT_RECORDED)
        *d = (CpNetmapValue) { CP_NETMAP_VALUE_NOT_RECORDED, 0, 0, 0 };
      else
        *d = (CpNetmapValue) { CP_NETMAP_VALUE_NOT_ENOUGH, 0, 0, 0 };
    }

  c->added = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->not_now = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->closer = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->further = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->other_sector = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->died = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->ties_added = g_array_new (FALSE, FALSE, sizeof (CpNetmapTie));
  c->ties_removed = g_array_new (FALSE, FALSE, sizeof (CpNetmapTie));
  c->ties_changed = g_array_new (FALSE, FALSE, sizeof (CpNetmapTie));

  for (i = 0; i < cp_netmap_model_get_n_members (after); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (after, i);
      const CpNetmapMember *was = cp_netmap_model_find (before, m->lineage);

      if (was == NULL)
        g_array_append_val (c->added, m->lineage);
      else if (m->ring < was->ring)
        g_array_append_val (c->closer, m->lineage);
      else if (m->ring > was->ring)
        g_array_append_val (c->further, m->lineage);
      else if (m->sector != was->sector)
        g_array_append_val (c->other_sector, m->lineage);
      if (was != NULL && m->died && !was->died)
        g_array_append_val (c->died, m->lineage);
    }
  for (i = 0; i < cp_netmap_model_get_n_members (before); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (before, i);

      if (cp_netmap_model_find (after, m->lineage) == NULL)
        g_array_append_val (c->not_now, m->lineage);
    }
  for (i = 0; i < cp_netmap_model_get_n_ties (after); i++)
    {
      const CpNetmapTie *t = cp_netmap_model_get_tie (after, i);
      const CpNetmapTie *was = cp_netmap_model_find_tie (before, t->a, t->b);

      if (was == NULL)
        g_array_append_val (c->ties_added, *t);
      else if (was->strength != t->strength)
        g_array_append_val (c->ties_changed, *t);
    }
  for (i = 0; i < cp_netmap_model_get_n_ties (before); i++)
    {
      const CpNetmapTie *t = cp_netmap_model_get_tie (before, i);

      if (!has_tie (after, t))
        g_array_append_val (c->ties_removed, *t);
    }
  return c;
}

void
cp_netmap_change_free (CpNetmapChange *change)
{
  if (change == NULL)
    return;
  g_array_unref (change->added);
  g_array_unref (change->not_now);
  g_array_unref (change->closer);
  g_array_unref (change->further);
  g_array_unref (change->other_sector);
  g_array_unref (change->died);
  g_array_unref (change->ties_added);
  g_array_unref (change->ties_removed);
  g_array_unref (change->ties_changed);
  g_free (change);
}
