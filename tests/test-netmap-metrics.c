/* test-netmap-metrics.c: the map's numbers against values worked out by hand
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-metrics"

#include <math.h>

#include "netmap/cp-netmap-metrics.h"
#include "util/cp-enum.h"
#include "test-netmap-util.h"

#define KNOWN        CP_NETMAP_VALUE_KNOWN
#define NOT_ENOUGH   CP_NETMAP_VALUE_NOT_ENOUGH
#define NOT_RECORDED CP_NETMAP_VALUE_NOT_RECORDED

static void
assert_value (const CpNetmapValue *values,
              CpNetmapMeasure      measure,
              CpNetmapValueState   state,
              double               value)
{
  const CpNetmapValue *v = &values[measure];

  if (v->state != state)
    g_error ("%s: state %d, expected %d", cp_netmap_measure_label (measure), v->state, state);
  if (state == KNOWN && fabs (v->value - value) > 5e-4)
    g_error ("%s: %.6f, expected %.6f", cp_netmap_measure_label (measure), v->value, value);
}

static void
assert_count (const CpNetmapValue *values,
              CpNetmapMeasure      measure,
              double               value)
{
  assert_value (values, measure, KNOWN, value);
}

/* ---- the edges ---- */

static void
test_empty (void)
{
  g_autoptr(CpNetmapModel) model = cp_netmap_model_new ();
  CpNetmapMetrics m;
  int k;

  cp_netmap_metrics_compute (model, &m);
  for (k = 0; k < CP_NETMAP_N_MEASURES; k++)
    {
      g_autofree char *text = cp_netmap_value_format (k, &m.values[k]);

      /* counts are 0; everything else has nothing to say, and says so */
      if (cp_netmap_measure_is_count (k))
        assert_count (m.values, k, 0);
      else
        {
          assert_value (m.values, k, NOT_ENOUGH, 0);
          g_assert_cmpstr (text, ==, "not enough to say");
        }
      g_assert_cmpstr (cp_netmap_measure_formula (k), !=, "");
    }
}

static void
test_one_member (void)
{
  g_autoptr(CpNetmapModel) model = cp_netmap_model_new ();
  CpNetmapMember *sam = cp_netmap_model_add (model, 0, CP_NETMAP_KIND_PERSON, "Sam",
                                             CP_NETMAP_SECTOR_FAMILY, 1);
  CpNetmapMetrics m;
  g_autofree char *family = NULL;

  sam->support = CP_NETMAP_SUPPORT_EMOTIONAL;
  sam->direction = CP_NETMAP_DIRECTION_BOTH;
  sam->hard_going = TRUE;
  cp_netmap_metrics_compute (model, &m);
  assert_count (m.values, CP_NETMAP_MEASURE_SIZE, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_PEOPLE, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_CLOSEST, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_FAMILY, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_SECTORS_PRESENT, 1);
  /* one is not enough to say: never a share of 1 (or 0) */
  assert_value (m.values, CP_NETMAP_MEASURE_FAMILY_SHARE, NOT_ENOUGH, 0);
  assert_value (m.values, CP_NETMAP_MEASURE_DIVERSITY, NOT_ENOUGH, 0);
  assert_value (m.values, CP_NETMAP_MEASURE_DENSITY, NOT_ENOUGH, 0);
  assert_value (m.values, CP_NETMAP_MEASURE_EMOTIONAL, NOT_ENOUGH, 0);
  assert_value (m.values, CP_NETMAP_MEASURE_RECIPROCITY, NOT_ENOUGH, 0);
  assert_value (m.values, CP_NETMAP_MEASURE_HARD_GOING_SHARE, NOT_ENOUGH, 0);
  family = cp_netmap_value_format (CP_NETMAP_MEASURE_FAMILY_SHARE,
                                   &m.values[CP_NETMAP_MEASURE_FAMILY_SHARE]);
  g_assert_cmpstr (family, ==, "not enough to say");
}

/* A small map worked out by hand.
 *
 *   A  person    family      ring 1  support emotional+company, both ways, unpaid
 *   B  person    friends     ring 2  support practical, to them, unpaid
 *   C  place     neighbours  ring 3  nothing recorded
 *   D  activity  groups      ring 2  support company, unpaid
 *   E  person    services    ring 3  support information+practical, to me, paid,
 *                                    hard going, met through our work
 *   F  person    family      ring 4  (the outer zone: not in n)
 *   G  person    friends     ring 1  died (kept on the map: not in n)
 *   ties: A–B strong, A–E weak, B–E hard going, A–G strong, C–D weak, B–F strong
 *
 * n = 5 (A B C D E); people in n = 3 (A B E); 1 place, 1 activity.
 * rings: 1, 2 (B D), 2 (C E); outer zone 1; died 1.
 * sectors: family, friends, neighbours, groups, services one each; work none: 5 present.
 * family share 1/5 = 0.2; services share 1/5 = 0.2.
 * Blau: shares 0.2 × 5, squares 0.04 × 5 = 0.2, index 1 − 0.2 = 0.8.
 * density: people A B E, pairs 3 × 2 / 2 = 3; ties among them A–B, A–E, B–E: L = 3;
 *   2 × 3 / (3 × 2) = 1.0 (A–G has died, C–D are not people, F is in the outer zone).
 * support: with details recorded A B D E (C has none): base 4; emotional A = 0.25;
 *   practical B E = 0.5; information E = 0.25; company A D = 0.5.
 * paid: recorded A B D E, paid E: 1/4 = 0.25.
 * reciprocity: people with the direction recorded A B E, both ways A: 1/3 = 0.333.
 * hard going (chip): E, 1/5 = 0.2. Hard-going ties: B–E = 1.
 * met through our work: E, 1/5 = 0.2. */
static CpNetmapModel *
small_map (void)
{
  CpNetmapModel *model = cp_netmap_model_new ();
  CpNetmapMember *a = cp_netmap_model_add (model, 1, CP_NETMAP_KIND_PERSON, "A",
                                           CP_NETMAP_SECTOR_FAMILY, 1);
  CpNetmapMember *b = cp_netmap_model_add (model, 2, CP_NETMAP_KIND_PERSON, "B",
                                           CP_NETMAP_SECTOR_FRIENDS, 2);
  CpNetmapMember *d;
  CpNetmapMember *e;

  cp_netmap_model_add (model, 3, CP_NETMAP_KIND_PLACE, "C", CP_NETMAP_SECTOR_NEIGHBOURS, 3);
  d = cp_netmap_model_add (model, 4, CP_NETMAP_KIND_ACTIVITY, "D", CP_NETMAP_SECTOR_GROUPS, 2);
  e = cp_netmap_model_add (model, 5, CP_NETMAP_KIND_PERSON, "E", CP_NETMAP_SECTOR_SERVICES, 3);
  cp_netmap_model_add (model, 6, CP_NETMAP_KIND_PERSON, "F", CP_NETMAP_SECTOR_FAMILY, 4);
  cp_netmap_model_add (model, 7, CP_NETMAP_KIND_PERSON, "G", CP_NETMAP_SECTOR_FRIENDS,
                       1)->died = TRUE;
  a->support = CP_NETMAP_SUPPORT_EMOTIONAL | CP_NETMAP_SUPPORT_COMPANY;
  a->direction = CP_NETMAP_DIRECTION_BOTH;
  a->paid = 0;
  b->support = CP_NETMAP_SUPPORT_PRACTICAL;
  b->direction = CP_NETMAP_DIRECTION_TO_THEM;
  b->paid = 0;
  d->support = CP_NETMAP_SUPPORT_COMPANY;
  d->paid = 0;
  e->support = CP_NETMAP_SUPPORT_INFORMATION | CP_NETMAP_SUPPORT_PRACTICAL;
  e->direction = CP_NETMAP_DIRECTION_FROM_THEM;
  e->paid = 1;
  e->hard_going = TRUE;
  e->met_through_us = TRUE;
  g_assert_true (cp_netmap_model_set_tie (model, 1, 2, CP_NETMAP_TIE_STRONG));
  g_assert_true (cp_netmap_model_set_tie (model, 5, 1, CP_NETMAP_TIE_WEAK));
  g_assert_true (cp_netmap_model_set_tie (model, 2, 5, CP_NETMAP_TIE_STRESSFUL));
  g_assert_true (cp_netmap_model_set_tie (model, 1, 7, CP_NETMAP_TIE_STRONG));
  g_assert_true (cp_netmap_model_set_tie (model, 3, 4, CP_NETMAP_TIE_WEAK));
  g_assert_true (cp_netmap_model_set_tie (model, 2, 6, CP_NETMAP_TIE_STRONG));
  /* no tie to oneself or to someone not on the map */
  g_assert_false (cp_netmap_model_set_tie (model, 2, 2, CP_NETMAP_TIE_STRONG));
  g_assert_false (cp_netmap_model_set_tie (model, 2, 99, CP_NETMAP_TIE_STRONG));
  return model;
}

static void
test_small_map (void)
{
  g_autoptr(CpNetmapModel) model = small_map ();
  CpNetmapMetrics m;
  g_autofree char *blau = NULL;

  cp_netmap_metrics_compute (model, &m);
  assert_count (m.values, CP_NETMAP_MEASURE_SIZE, 5);
  assert_count (m.values, CP_NETMAP_MEASURE_PEOPLE, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_PLACES, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_ACTIVITIES, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_CLOSEST, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_IMPORTANT, 2);
  assert_count (m.values, CP_NETMAP_MEASURE_AROUND, 2);
  assert_count (m.values, CP_NETMAP_MEASURE_OUTER_ZONE, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_DIED, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_FAMILY, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_WORK, 0);
  assert_count (m.values, CP_NETMAP_MEASURE_SECTORS_PRESENT, 5);
  assert_value (m.values, CP_NETMAP_MEASURE_FAMILY_SHARE, KNOWN, 0.2);
  assert_value (m.values, CP_NETMAP_MEASURE_SERVICES_SHARE, KNOWN, 0.2);
  assert_value (m.values, CP_NETMAP_MEASURE_DIVERSITY, KNOWN, 0.8);
  assert_value (m.values, CP_NETMAP_MEASURE_DENSITY, KNOWN, 1.0);
  g_assert_cmpuint (m.ties, ==, 3);
  assert_value (m.values, CP_NETMAP_MEASURE_EMOTIONAL, KNOWN, 0.25);
  assert_value (m.values, CP_NETMAP_MEASURE_PRACTICAL, KNOWN, 0.5);
  assert_value (m.values, CP_NETMAP_MEASURE_INFORMATION, KNOWN, 0.25);
  assert_value (m.values, CP_NETMAP_MEASURE_COMPANY, KNOWN, 0.5);
  g_assert_cmpuint (m.values[CP_NETMAP_MEASURE_COMPANY].count, ==, 2);
  g_assert_cmpuint (m.values[CP_NETMAP_MEASURE_COMPANY].base, ==, 4);
  assert_value (m.values, CP_NETMAP_MEASURE_PAID_SHARE, KNOWN, 0.25);
  assert_value (m.values, CP_NETMAP_MEASURE_RECIPROCITY, KNOWN, 1.0 / 3);
  assert_value (m.values, CP_NETMAP_MEASURE_HARD_GOING_SHARE, KNOWN, 0.2);
  assert_count (m.values, CP_NETMAP_MEASURE_STRESSFUL_TIES, 1);
  assert_value (m.values, CP_NETMAP_MEASURE_MET_THROUGH_US, KNOWN, 0.2);
  blau = cp_netmap_value_format (CP_NETMAP_MEASURE_DIVERSITY,
                                 &m.values[CP_NETMAP_MEASURE_DIVERSITY]);
  g_assert_cmpstr (blau, ==, "0.80");

  /* with no ties and no details at all, those measures are not recorded, not 0 */
  {
    g_autoptr(CpNetmapModel) bare = cp_netmap_model_new ();
    guint i;

    for (i = 0; i < 4; i++)
      cp_netmap_model_add (bare, 0, CP_NETMAP_KIND_PERSON, "P", i % CP_NETMAP_N_SECTORS, 2);
    cp_netmap_metrics_compute (bare, &m);
    assert_value (m.values, CP_NETMAP_MEASURE_DENSITY, NOT_RECORDED, 0);
    assert_value (m.values, CP_NETMAP_MEASURE_EMOTIONAL, NOT_RECORDED, 0);
    assert_value (m.values, CP_NETMAP_MEASURE_RECIPROCITY, NOT_RECORDED, 0);
    assert_value (m.values, CP_NETMAP_MEASURE_PAID_SHARE, NOT_RECORDED, 0);
    assert_value (m.values, CP_NETMAP_MEASURE_HARD_GOING_SHARE, KNOWN, 0);
    assert_value (m.values, CP_NETMAP_MEASURE_DIVERSITY, KNOWN, 0.75);
  }
}

/* ---- the practice maps ---- */

/* The one member of @model in (@sector, @ring) of @kind */
static CpNetmapMember *
member_at (CpNetmapModel  *model,
           CpNetmapSector  sector,
           int             ring,
           CpNetmapKind    kind)
{
  CpNetmapMember *found = NULL;
  guint i;

  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (m->sector == sector && m->ring == ring && m->kind == kind)
        {
          g_assert_null (found);
          found = m;
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* Jo, with the example ratings of the training manual's worked example ("Reading the
 * map"): Sam and Mum know each other, and at review Lena and Mo; help goes both ways with
 * Sam (and Mo), towards Jo from Mum, the GP (and Lena). */
static void
test_jo (void)
{
  g_autoptr(CpNetmapModel) base = test_netmap_practice_map ("jo", NULL);
  g_autoptr(CpNetmapModel) review = test_netmap_practice_map ("jo", base);
  g_autoptr(CpNetmapChange) change = NULL;
  CpNetmapModel *maps[2] = { base, review };
  CpNetmapMetrics m;
  int k;

  /* baseline: 4 in the rings (3 people, 1 place); rings 1, 1, 2; family 2 of 4,
   * services 1, neighbours 1: Blau 1 − (0.25 + 0.0625 + 0.0625) = 0.625 */
  cp_netmap_metrics_compute (base, &m);
  assert_count (m.values, CP_NETMAP_MEASURE_SIZE, 4);
  assert_count (m.values, CP_NETMAP_MEASURE_PEOPLE, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_PLACES, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_CLOSEST, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_IMPORTANT, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_AROUND, 2);
  assert_count (m.values, CP_NETMAP_MEASURE_OUTER_ZONE, 2);
  assert_count (m.values, CP_NETMAP_MEASURE_SECTORS_PRESENT, 3);
  assert_value (m.values, CP_NETMAP_MEASURE_FAMILY_SHARE, KNOWN, 0.5);
  assert_value (m.values, CP_NETMAP_MEASURE_SERVICES_SHARE, KNOWN, 0.25);
  assert_value (m.values, CP_NETMAP_MEASURE_DIVERSITY, KNOWN, 0.625);
  /* the practice data record no ties and no details */
  assert_value (m.values, CP_NETMAP_MEASURE_DENSITY, NOT_RECORDED, 0);
  assert_value (m.values, CP_NETMAP_MEASURE_RECIPROCITY, NOT_RECORDED, 0);
  assert_value (m.values, CP_NETMAP_MEASURE_COMPANY, NOT_RECORDED, 0);

  /* review: 8 in the rings (5 people, 2 places, 1 activity); rings 1, 4, 3; five
   * sectors at 0.25, 0.25, 0.25, 0.125, 0.125: Blau 1 − 0.21875 = 0.78125 */
  cp_netmap_metrics_compute (review, &m);
  assert_count (m.values, CP_NETMAP_MEASURE_SIZE, 8);
  assert_count (m.values, CP_NETMAP_MEASURE_PEOPLE, 5);
  assert_count (m.values, CP_NETMAP_MEASURE_PLACES, 2);
  assert_count (m.values, CP_NETMAP_MEASURE_ACTIVITIES, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_CLOSEST, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_IMPORTANT, 4);
  assert_count (m.values, CP_NETMAP_MEASURE_AROUND, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_OUTER_ZONE, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_SECTORS_PRESENT, 5);
  assert_value (m.values, CP_NETMAP_MEASURE_FAMILY_SHARE, KNOWN, 0.25);
  assert_value (m.values, CP_NETMAP_MEASURE_SERVICES_SHARE, KNOWN, 0.125);
  assert_value (m.values, CP_NETMAP_MEASURE_DIVERSITY, KNOWN, 0.78125);

  /* the manual's example ratings */
  for (k = 0; k < 2; k++)
    {
      CpNetmapMember *sam = member_at (maps[k], CP_NETMAP_SECTOR_FAMILY, 1, CP_NETMAP_KIND_PERSON);
      CpNetmapMember *mum = member_at (maps[k], CP_NETMAP_SECTOR_FAMILY, 2, CP_NETMAP_KIND_PERSON);
      CpNetmapMember *gp = member_at (maps[k], CP_NETMAP_SECTOR_SERVICES, 3,
                                      CP_NETMAP_KIND_PERSON);

      g_assert_true (cp_netmap_model_set_tie (maps[k], sam->lineage, mum->lineage,
                                              CP_NETMAP_TIE_STRONG));
      sam->direction = CP_NETMAP_DIRECTION_BOTH;
      mum->direction = CP_NETMAP_DIRECTION_FROM_THEM;
      gp->direction = CP_NETMAP_DIRECTION_FROM_THEM;
    }
  {
    CpNetmapMember *lena = member_at (review, CP_NETMAP_SECTOR_GROUPS, 2, CP_NETMAP_KIND_PERSON);
    CpNetmapMember *mo = member_at (review, CP_NETMAP_SECTOR_FRIENDS, 3, CP_NETMAP_KIND_PERSON);

    g_assert_true (cp_netmap_model_set_tie (review, lena->lineage, mo->lineage,
                                            CP_NETMAP_TIE_WEAK));
    lena->direction = CP_NETMAP_DIRECTION_FROM_THEM;
    mo->direction = CP_NETMAP_DIRECTION_BOTH;
  }
  /* density 2 × 1 / (3 × 2) = 0.33 then 2 × 2 / (5 × 4) = 0.20; reciprocity 1/3, 2/5 */
  cp_netmap_metrics_compute (base, &m);
  assert_value (m.values, CP_NETMAP_MEASURE_DENSITY, KNOWN, 1.0 / 3);
  assert_value (m.values, CP_NETMAP_MEASURE_RECIPROCITY, KNOWN, 1.0 / 3);
  cp_netmap_metrics_compute (review, &m);
  assert_value (m.values, CP_NETMAP_MEASURE_DENSITY, KNOWN, 0.2);
  assert_value (m.values, CP_NETMAP_MEASURE_RECIPROCITY, KNOWN, 0.4);

  /* four new (the group, Lena, Mo, the park); running is not on this map now; nothing
   * in the rings moved; one tie is new */
  change = cp_netmap_change_new (base, review);
  g_assert_cmpuint (change->added->len, ==, 4);
  g_assert_cmpuint (change->not_now->len, ==, 1);
  g_assert_cmpint (cp_netmap_model_find (base, g_array_index (change->not_now, gint64, 0))->kind,
                   ==, CP_NETMAP_KIND_ACTIVITY);
  g_assert_cmpuint (change->closer->len, ==, 0);
  g_assert_cmpuint (change->further->len, ==, 0);
  g_assert_cmpuint (change->ties_added->len, ==, 1);
  g_assert_cmpuint (change->ties_removed->len, ==, 0);
  assert_value (change->delta, CP_NETMAP_MEASURE_SIZE, KNOWN, 4);
  assert_value (change->delta, CP_NETMAP_MEASURE_SECTORS_PRESENT, KNOWN, 2);
  assert_value (change->delta, CP_NETMAP_MEASURE_DIVERSITY, KNOWN, 0.15625);
  assert_value (change->delta, CP_NETMAP_MEASURE_SERVICES_SHARE, KNOWN,
                -0.125);
  assert_value (change->delta, CP_NETMAP_MEASURE_DENSITY, KNOWN,
                0.2 - 1.0 / 3);
}

/* Edna: baseline 4 in the rings (family 2, neighbours 1, services 1: Blau 0.625);
 * review 6 (family 2, neighbours 2, services 1, friends 1: Blau 1 − 10/36 = 0.722);
 * new: the coffee morning and Joan; her neighbour moved closer (around me → important). */
static void
test_edna (void)
{
  g_autoptr(CpNetmapModel) base = test_netmap_practice_map ("edna", NULL);
  g_autoptr(CpNetmapModel) review = test_netmap_practice_map ("edna", base);
  g_autoptr(CpNetmapChange) change = NULL;
  CpNetmapMetrics m;
  const CpNetmapMember *moved;

  cp_netmap_metrics_compute (base, &m);
  assert_count (m.values, CP_NETMAP_MEASURE_SIZE, 4);
  assert_count (m.values, CP_NETMAP_MEASURE_PEOPLE, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_PLACES, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_OUTER_ZONE, 2);
  assert_count (m.values, CP_NETMAP_MEASURE_SECTORS_PRESENT, 3);
  assert_value (m.values, CP_NETMAP_MEASURE_FAMILY_SHARE, KNOWN, 0.5);
  assert_value (m.values, CP_NETMAP_MEASURE_DIVERSITY, KNOWN, 0.625);

  cp_netmap_metrics_compute (review, &m);
  assert_count (m.values, CP_NETMAP_MEASURE_SIZE, 6);
  assert_count (m.values, CP_NETMAP_MEASURE_PEOPLE, 4);
  assert_count (m.values, CP_NETMAP_MEASURE_ACTIVITIES, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_CLOSEST, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_IMPORTANT, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_AROUND, 2);
  assert_count (m.values, CP_NETMAP_MEASURE_SECTORS_PRESENT, 4);
  assert_value (m.values, CP_NETMAP_MEASURE_FAMILY_SHARE, KNOWN, 2.0 / 6);
  assert_value (m.values, CP_NETMAP_MEASURE_SERVICES_SHARE, KNOWN, 1.0 / 6);
  assert_value (m.values, CP_NETMAP_MEASURE_DIVERSITY, KNOWN, 26.0 / 36);

  change = cp_netmap_change_new (base, review);
  g_assert_cmpuint (change->added->len, ==, 2);
  g_assert_cmpuint (change->not_now->len, ==, 0);
  g_assert_cmpuint (change->closer->len, ==, 1);
  g_assert_cmpuint (change->further->len, ==, 0);
  moved = cp_netmap_model_find (review, g_array_index (change->closer, gint64, 0));
  g_assert_cmpint (moved->sector, ==, CP_NETMAP_SECTOR_NEIGHBOURS);
  g_assert_cmpint (moved->ring, ==, 2);
  g_assert_cmpint (cp_netmap_model_find (base, moved->lineage)->ring, ==, 3);
}

/* Tariq: baseline 6 in the rings (family 3, services 2, groups 1: Blau 1 − 14/36 =
 * 0.611), cooking programmes in the outer zone of family & home; review 10 (family 3,
 * work 3, services 2, groups 1, friends 1: Blau 1 − 0.24 = 0.76); new: the kitchen, Bea,
 * the Thursday team and Ade; the day centre moved further out; cooking programmes is not
 * on this map now. */
static void
test_tariq (void)
{
  g_autoptr(CpNetmapModel) base = test_netmap_practice_map ("tariq", NULL);
  g_autoptr(CpNetmapModel) review = test_netmap_practice_map ("tariq", base);
  g_autoptr(CpNetmapChange) change = NULL;
  CpNetmapMetrics m;
  const CpNetmapMember *cooking;

  cp_netmap_metrics_compute (base, &m);
  assert_count (m.values, CP_NETMAP_MEASURE_SIZE, 6);
  assert_count (m.values, CP_NETMAP_MEASURE_PEOPLE, 4);
  assert_count (m.values, CP_NETMAP_MEASURE_PLACES, 2);
  assert_count (m.values, CP_NETMAP_MEASURE_ACTIVITIES, 0);
  assert_count (m.values, CP_NETMAP_MEASURE_CLOSEST, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_FAMILY, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_FRIENDS, 0);
  assert_count (m.values, CP_NETMAP_MEASURE_OUTER_ZONE, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_SECTORS_PRESENT, 3);
  assert_value (m.values, CP_NETMAP_MEASURE_FAMILY_SHARE, KNOWN, 0.5);
  assert_value (m.values, CP_NETMAP_MEASURE_SERVICES_SHARE, KNOWN, 2.0 / 6);
  assert_value (m.values, CP_NETMAP_MEASURE_DIVERSITY, KNOWN, 22.0 / 36);
  cooking = member_at (base, CP_NETMAP_SECTOR_FAMILY, 4, CP_NETMAP_KIND_ACTIVITY);

  cp_netmap_metrics_compute (review, &m);
  assert_count (m.values, CP_NETMAP_MEASURE_SIZE, 10);
  assert_count (m.values, CP_NETMAP_MEASURE_PEOPLE, 6);
  assert_count (m.values, CP_NETMAP_MEASURE_PLACES, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_ACTIVITIES, 1);
  assert_count (m.values, CP_NETMAP_MEASURE_CLOSEST, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_IMPORTANT, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_AROUND, 4);
  assert_count (m.values, CP_NETMAP_MEASURE_OUTER_ZONE, 0);
  assert_count (m.values, CP_NETMAP_MEASURE_WORK, 3);
  assert_count (m.values, CP_NETMAP_MEASURE_SECTORS_PRESENT, 5);
  assert_value (m.values, CP_NETMAP_MEASURE_FAMILY_SHARE, KNOWN, 0.3);
  assert_value (m.values, CP_NETMAP_MEASURE_SERVICES_SHARE, KNOWN, 0.2);
  assert_value (m.values, CP_NETMAP_MEASURE_DIVERSITY, KNOWN, 0.76);

  change = cp_netmap_change_new (base, review);
  g_assert_cmpuint (change->added->len, ==, 4);
  g_assert_cmpuint (change->not_now->len, ==, 1);
  g_assert_cmpint (g_array_index (change->not_now, gint64, 0), ==, cooking->lineage);
  g_assert_cmpuint (change->closer->len, ==, 0);
  g_assert_cmpuint (change->further->len, ==, 1);
  g_assert_cmpint (cp_netmap_model_find (review, g_array_index (change->further, gint64, 0))->kind,
                   ==, CP_NETMAP_KIND_PLACE);
  assert_value (change->delta, CP_NETMAP_MEASURE_SIZE, KNOWN, 4);
  assert_value (change->delta, CP_NETMAP_MEASURE_OUTER_ZONE, KNOWN, -1);
  assert_value (change->delta, CP_NETMAP_MEASURE_DIVERSITY, KNOWN,
                0.76 - 22.0 / 36);
  /* no ratings either side: the change says so, it does not say 0 */
  assert_value (change->delta, CP_NETMAP_MEASURE_RECIPROCITY, NOT_RECORDED, 0);
}

/* Members who died are kept on the map but left out of size and support; a map copied
 * for a review keeps every lineage; ties that change strength are listed. */
static void
test_died_and_copies (void)
{
  g_autoptr(CpNetmapModel) before = small_map ();
  g_autoptr(CpNetmapModel) after = cp_netmap_model_copy (before);
  g_autoptr(CpNetmapChange) change = NULL;
  CpNetmapMetrics m;

  g_assert_cmpuint (cp_netmap_model_get_n_members (after), ==, 7);
  g_assert_cmpuint (cp_netmap_model_get_n_ties (after), ==, 6);
  cp_netmap_model_find (after, 1)->died = TRUE;
  cp_netmap_model_find (after, 6)->ring = 2;
  g_assert_true (cp_netmap_model_set_tie (after, 1, 2, CP_NETMAP_TIE_WEAK));
  g_assert_true (cp_netmap_model_remove (after, 3));

  cp_netmap_metrics_compute (after, &m);
  /* A died and C went: n = B D E F; A's support and ties no longer count */
  assert_count (m.values, CP_NETMAP_MEASURE_SIZE, 4);
  assert_count (m.values, CP_NETMAP_MEASURE_DIED, 2);
  assert_value (m.values, CP_NETMAP_MEASURE_EMOTIONAL, KNOWN, 0);
  assert_value (m.values, CP_NETMAP_MEASURE_COMPANY, KNOWN, 1.0 / 3);
  /* people B E F: B–E, B–F; 2 × 2 / (3 × 2) */
  assert_value (m.values, CP_NETMAP_MEASURE_DENSITY, KNOWN, 2.0 / 3);

  change = cp_netmap_change_new (before, after);
  g_assert_cmpuint (change->added->len, ==, 0);
  g_assert_cmpuint (change->not_now->len, ==, 1);
  g_assert_cmpint (g_array_index (change->not_now, gint64, 0), ==, 3);
  g_assert_cmpuint (change->died->len, ==, 1);
  g_assert_cmpuint (change->closer->len, ==, 1);
  g_assert_cmpint (g_array_index (change->closer, gint64, 0), ==, 6);
  g_assert_cmpuint (change->ties_changed->len, ==, 1);
  g_assert_cmpint (g_array_index (change->ties_changed, CpNetmapTie, 0).strength, ==,
                   CP_NETMAP_TIE_WEAK);
  g_assert_cmpuint (change->ties_removed->len, ==, 1);
}

static void
test_stored_strings (void)
{
  int v;

  g_assert_cmpstr (cp_enum_to_nick (CP_TYPE_NETMAP_DIRECTION, CP_NETMAP_DIRECTION_TO_THEM),
                   ==, "to_them");
  g_assert_cmpstr (cp_enum_to_nick (CP_TYPE_NETMAP_DIRECTION,
                                    CP_NETMAP_DIRECTION_FROM_THEM), ==, "from_them");
  g_assert_cmpstr (cp_enum_to_nick (CP_TYPE_NETMAP_SECTOR, CP_NETMAP_SECTOR_WORK), ==,
                   "work");
  g_assert_cmpstr (cp_enum_to_nick (CP_TYPE_NETMAP_TIE_STRENGTH, CP_NETMAP_TIE_STRESSFUL),
                   ==, "stressful");
  v = cp_enum_from_nick (CP_TYPE_NETMAP_KIND, "activity", -1);
  g_assert_cmpint (v, ==, CP_NETMAP_KIND_ACTIVITY);
  v = cp_enum_from_nick (CP_TYPE_NETMAP_SECTOR, "services", -1);
  g_assert_cmpint (v, ==, CP_NETMAP_SECTOR_SERVICES);
  g_assert_cmpint (cp_enum_from_nick (CP_TYPE_NETMAP_SECTOR, "online", -1), ==, -1);
  g_assert_cmpint (cp_enum_from_nick (CP_TYPE_NETMAP_KIND, NULL, -1), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cp/netmap/metrics/empty", test_empty);
  g_test_add_func ("/cp/netmap/metrics/one-member", test_one_member);
  g_test_add_func ("/cp/netmap/metrics/small-map", test_small_map);
  g_test_add_func ("/cp/netmap/metrics/jo", test_jo);
  g_test_add_func ("/cp/netmap/metrics/edna", test_edna);
  g_test_add_func ("/cp/netmap/metrics/tariq", test_tariq);
  g_test_add_func ("/cp/netmap/metrics/died-and-copies", test_died_and_copies);
  g_test_add_func ("/cp/netmap/model/stored-strings", test_stored_strings);
  return g_test_run ();
}
