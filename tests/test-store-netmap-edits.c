/* test-store-netmap-edits.c: every edit of a map is one undo step, and bad input is
 * refused with a readable message, changing nothing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-netmap-edits"

#include <math.h>
#include <string.h>

#include "store/cp-store-netmap.h"
#include "test-store-netmap-util.h"

typedef struct
{
  gint64 map;
  gint64 a;     /* "Ann", family & home, closest to me */
  gint64 b;     /* "Ben", friends, important to me */
  gint64 c;     /* "Cal", clubs, groups & faith, around me */
} Map;

static void
make_map (NetmapFixture *f,
          Map           *m)
{
  g_autoptr(GError) error = NULL;

  m->map = cp_store_start_map (f->store, f->person, &error);
  m->a = cp_store_add_member (f->store, m->map, CP_NETMAP_KIND_PERSON, "Ann",
                              CP_NETMAP_SECTOR_FAMILY, 1, &error);
  m->b = cp_store_add_member (f->store, m->map, CP_NETMAP_KIND_PERSON, "Ben",
                              CP_NETMAP_SECTOR_FRIENDS, 2, &error);
  m->c = cp_store_add_member (f->store, m->map, CP_NETMAP_KIND_PERSON, "Cal",
                              CP_NETMAP_SECTOR_GROUPS, 3, &error);
  g_assert_no_error (error);
  g_assert_true (m->map > 0 && m->a > 0 && m->b > 0 && m->c > 0);
}

static CpNetmapModel *
load (NetmapFixture *f,
      gint64         map)
{
  g_autoptr(GError) error = NULL;
  CpNetmapModel *model = cp_store_load_snapshot (f->store, map, &error);

  g_assert_no_error (error);

  return model;
}

static const CpNetmapMember *
by_id (CpNetmapModel *model,
       gint64         id)
{
  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (m->id == id)
        return m;
    }

  return NULL;
}

#define EDIT NETMAP_EDIT

static void
test_every_edit (NetmapFixture *f,
                 gconstpointer  data)
{
  g_autoptr(CpNetmapModel) model = NULL;
  g_autoptr(GError) err = NULL;
  const CpNetmapMember *m;
  gint64 d = 0;
  Map map;

  make_map (f, &map);

  /* Add: the next lineage, today, somewhere inside its cell. */
  EDIT (f, "Add to map", "member",
        (d = cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_ACTIVITY, " Darts ",
                                  CP_NETMAP_SECTOR_WORK, 2, error)) > 0);
  model = load (f, map.map);
  m = by_id (model, d);
  g_assert_cmpstr (m->name, ==, "Darts");
  g_assert_cmpint (m->lineage, ==, 4);
  g_assert_cmpint (m->kind, ==, CP_NETMAP_KIND_ACTIVITY);
  g_assert_cmpint (m->sector, ==, CP_NETMAP_SECTOR_WORK);
  g_assert_cmpint (m->ring, ==, 2);
  g_assert_cmpstr (m->added_on, ==, NETMAP_TODAY);
  g_assert_true (m->angle > 0 && m->angle < 1 && m->depth > 0 && m->depth < 1);
  g_assert_false (cp_netmap_member_has_details (m));
  g_clear_object (&model);

  /* Move to a given place, then to a free spot of a cell someone is in already. */
  EDIT (f, "Move on map", "member",
        cp_store_move_member (f->store, map.a, CP_NETMAP_SECTOR_NEIGHBOURS, 3, 0.2, 0.8, error));
  model = load (f, map.map);
  m = by_id (model, map.a);
  g_assert_cmpint (m->sector, ==, CP_NETMAP_SECTOR_NEIGHBOURS);
  g_assert_cmpint (m->ring, ==, 3);
  g_assert_cmpfloat (m->angle, ==, 0.2);
  g_assert_cmpfloat (m->depth, ==, 0.8);
  g_clear_object (&model);
  EDIT (f, "Move on map", "member",
        cp_store_move_member (f->store, map.a, CP_NETMAP_SECTOR_FRIENDS, 2,
                              CP_STORE_FREE_SPOT, 0, error));
  model = load (f, map.map);
  m = by_id (model, map.a);
  g_assert_cmpint (m->sector, ==, CP_NETMAP_SECTOR_FRIENDS);
  g_assert_true (fabs (m->angle - by_id (model, map.b)->angle) > 0.1 ||
                 fabs (m->depth - by_id (model, map.b)->depth) > 0.1);
  g_clear_object (&model);

  EDIT (f, "Rename member", "member", cp_store_rename_member (f->store, map.b, "Ben (cousin)",
                                                             error));
  EDIT (f, "Change member kind", "member",
        cp_store_set_member_kind (f->store, map.c, CP_NETMAP_KIND_PLACE, error));
  EDIT (f, "Change chips", "member",
        cp_store_set_member_chips (f->store, map.a, TRUE, TRUE, FALSE, error));
  EDIT (f, "Change support details", "member",
        cp_store_set_member_details (f->store, map.b, 4, 2,
                                     CP_NETMAP_SUPPORT_EMOTIONAL | CP_NETMAP_SUPPORT_COMPANY,
                                     CP_NETMAP_DIRECTION_FROM_THEM, 0, error));
  model = load (f, map.map);
  m = by_id (model, map.b);
  g_assert_cmpstr (m->name, ==, "Ben (cousin)");
  g_assert_cmpint (m->frequency, ==, 4);
  g_assert_cmpint (m->years_known, ==, 2);
  g_assert_cmpint (m->support, ==, CP_NETMAP_SUPPORT_EMOTIONAL | CP_NETMAP_SUPPORT_COMPANY);
  g_assert_cmpint (m->direction, ==, CP_NETMAP_DIRECTION_FROM_THEM);
  g_assert_cmpint (m->paid, ==, 0);
  g_assert_cmpint (by_id (model, map.c)->kind, ==, CP_NETMAP_KIND_PLACE);
  g_assert_true (by_id (model, map.a)->helps_me);
  g_assert_true (by_id (model, map.a)->hard_going);
  g_assert_false (by_id (model, map.a)->want_more);
  g_clear_object (&model);
  /* Back to "not recorded", which is not zero. */
  EDIT (f, "Change support details", "member",
        cp_store_set_member_details (f->store, map.b, CP_NETMAP_NOT_RECORDED,
                                     CP_NETMAP_NOT_RECORDED, 0,
                                     CP_NETMAP_DIRECTION_NOT_RECORDED,
                                     CP_NETMAP_NOT_RECORDED, error));
  model = load (f, map.map);
  g_assert_false (cp_netmap_member_has_details (by_id (model, map.b)));
  g_clear_object (&model);

  EDIT (f, "Change “met through our work”", "member",
        cp_store_set_member_mark (f->store, map.a, CP_MEMBER_MARK_MET_THROUGH_US, TRUE, error));
  EDIT (f, "Change “mostly online”", "member",
        cp_store_set_member_mark (f->store, map.a, CP_MEMBER_MARK_MOSTLY_ONLINE, TRUE, error));
  EDIT (f, "Change “died — keep on my map”", "member",
        cp_store_set_member_mark (f->store, map.c, CP_MEMBER_MARK_DIED, TRUE, error));
  EDIT (f, "Change caution flag", "member",
        cp_store_set_member_mark (f->store, map.b, CP_MEMBER_MARK_CAUTION, TRUE, error));
  model = load (f, map.map);
  g_assert_true (by_id (model, map.a)->met_through_us);
  g_assert_true (by_id (model, map.a)->mostly_online);
  g_assert_false (by_id (model, map.a)->died);
  g_assert_true (by_id (model, map.c)->died);
  g_assert_true (by_id (model, map.b)->caution);
  g_assert_false (by_id (model, map.a)->caution);
  g_clear_object (&model);

  EDIT (f, "Edit member notes", "member",
        cp_store_set_member_notes (f->store, map.a, "Visits on Fridays", error));
  {
    g_autofree char *notes = cp_store_dup_member_notes (f->store, map.a, &err);

    g_assert_cmpstr (notes, ==, "Visits on Fridays");
  }

  /* Ties: made, made harder, taken away; always stored once, lowest id first. */
  EDIT (f, "Link members", "tie", cp_store_set_tie (f->store, map.c, map.a,
                                                    CP_NETMAP_TIE_STRONG, error));
  EDIT (f, "Link members", "tie", cp_store_set_tie (f->store, map.a, map.c,
                                                    CP_NETMAP_TIE_STRESSFUL, error));
  model = load (f, map.map);
  g_assert_cmpuint (cp_netmap_model_get_n_ties (model), ==, 1);
  g_assert_cmpint (cp_netmap_model_find_tie (model, 1, 3)->strength, ==, CP_NETMAP_TIE_STRESSFUL);
  g_clear_object (&model);
  EDIT (f, "Remove link", "tie", cp_store_remove_tie (f->store, map.c, map.a, error));
  EDIT (f, "Link members", "tie", cp_store_set_tie (f->store, map.b, map.c,
                                                    CP_NETMAP_TIE_WEAK, error));

  /* Removing a member takes its ties; undo (in round_trip) brings both back. */
  EDIT (f, "Remove from map", "member", cp_store_delete_member (f->store, map.c, error));
  model = load (f, map.map);
  g_assert_null (by_id (model, map.c));
  g_assert_cmpuint (cp_netmap_model_get_n_ties (model), ==, 0);
  g_clear_object (&model);

  /* The map itself. */
  EDIT (f, "Rename map", "snapshot", cp_store_rename_snapshot (f->store, map.map, " First ",
                                                               error));
  EDIT (f, "Change map date", "snapshot",
        cp_store_set_snapshot_date (f->store, map.map, "2026-02-14", error));
  EDIT (f, "Edit map notes", "snapshot",
        cp_store_set_snapshot_notes (f->store, map.map, "Drawn at the library", error));
  {
    g_autoptr(GPtrArray) list = cp_store_list_snapshots (f->store, f->person, &err);
    const CpSnapshotInfo *info = g_ptr_array_index (list, 0);

    g_assert_cmpstr (info->label, ==, "First");
    g_assert_cmpstr (info->taken_on, ==, "2026-02-14");
    g_assert_cmpstr (info->notes, ==, "Drawn at the library");
  }
  EDIT (f, "Delete map", "snapshot", cp_store_delete_snapshot (f->store, map.map, error));
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store), "SELECT count(*) FROM member"),
                   ==, 0);
}

/* Tidy re-spaces a crowded sector in one step. */
static void
test_tidy (NetmapFixture *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  g_autofree char *before = NULL;
  gint64 ids[4];
  Map map;

  make_map (f, &map);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ids[i] = cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_PERSON, "Same place",
                                    CP_NETMAP_SECTOR_WORK, 1, &error);
      /* All on top of each other. */
      g_assert_true (cp_store_move_member (f->store, ids[i], CP_NETMAP_SECTOR_WORK, 1, 0.5, 0.5,
                                           &error));
    }
  g_assert_no_error (error);

  before = netmap_fixture_dump (f);
  g_assert_true (cp_store_tidy_sector (f->store, map.map, CP_NETMAP_SECTOR_WORK, &error));
  g_assert_no_error (error);
  netmap_fixture_assert_round_trip (f, "Tidy sector", "member", before);

  model = load (f, map.map);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (ids); j++)
      g_assert_cmpfloat (fabs (by_id (model, ids[i])->angle - by_id (model, ids[j])->angle), >,
                         0.1);
  /* Other sectors are left where they were. */
  g_assert_cmpint (by_id (model, map.a)->sector, ==, CP_NETMAP_SECTOR_FAMILY);

  /* Tidy again: nothing to do, no step. */
  g_clear_pointer (&before, g_free);
  before = netmap_fixture_dump (f);
  g_assert_true (cp_store_tidy_sector (f->store, map.map, CP_NETMAP_SECTOR_WORK, &error));
  g_assert_cmpuint (f->n_changed, ==, f->dump_n_changed);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Tidy sector");
}

/* New members of a cell never land on each other. */
static void
test_free_spots (NetmapFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  gint64 map = cp_store_start_map (f->store, f->person, &error);

  for (guint i = 0; i < 8; i++)
    cp_store_add_member (f->store, map, CP_NETMAP_KIND_PERSON, "Someone",
                         CP_NETMAP_SECTOR_NEIGHBOURS, 2, &error);
  g_assert_no_error (error);

  model = load (f, map);
  for (guint i = 0; i < 8; i++)
    for (guint j = i + 1; j < 8; j++)
      {
        const CpNetmapMember *p = cp_netmap_model_get_member (model, i);
        const CpNetmapMember *q = cp_netmap_model_get_member (model, j);

        g_assert_true (fabs (p->angle - q->angle) > 1e-6 || fabs (p->depth - q->depth) > 1e-6);
      }
}

#define REFUSED NETMAP_REFUSED

static void
test_bad_input (NetmapFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  gint64 other_map;
  gint64 other;
  Map map;

  make_map (f, &map);
  other = cp_store_add_person (f->store, "Other", &err);
  other_map = cp_store_start_map (f->store, other, &err);
  other = cp_store_add_member (f->store, other_map, CP_NETMAP_KIND_PERSON, "Olly",
                               CP_NETMAP_SECTOR_FRIENDS, 1, &err);
  g_assert_no_error (err);

  REFUSED (f, "needs a name", cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_PERSON, "",
                                                   CP_NETMAP_SECTOR_FRIENDS, 1, error) > 0);
  REFUSED (f, "needs a name", cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_PERSON,
                                                   " \t ", CP_NETMAP_SECTOR_FRIENDS, 1,
                                                   error) > 0);
  REFUSED (f, "needs a name", cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_PERSON,
                                                   NULL, CP_NETMAP_SECTOR_FRIENDS, 1,
                                                   error) > 0);
  REFUSED (f, "three rings and an outer zone",
           cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_PERSON, "Ring five",
                                CP_NETMAP_SECTOR_FRIENDS, 5, error) > 0);
  REFUSED (f, "three rings and an outer zone",
           cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_PERSON, "Ring zero",
                                CP_NETMAP_SECTOR_FRIENDS, 0, error) > 0);
  REFUSED (f, "six sectors",
           cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_PERSON, "Nowhere",
                                (CpNetmapSector) 6, 1, error) > 0);
  REFUSED (f, "six sectors",
           cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_PERSON, "Nowhere",
                                (CpNetmapSector) -1, 1, error) > 0);
  REFUSED (f, "a person, a place or an activity",
           cp_store_add_member (f->store, map.map, (CpNetmapKind) 3, "What",
                                CP_NETMAP_SECTOR_FRIENDS, 1, error) > 0);
  REFUSED (f, "needs a name", cp_store_rename_member (f->store, map.a, "  ", error));
  REFUSED (f, "three rings and an outer zone",
           cp_store_move_member (f->store, map.a, CP_NETMAP_SECTOR_FAMILY, 5, 0.5, 0.5, error));
  REFUSED (f, "six sectors",
           cp_store_move_member (f->store, map.a, (CpNetmapSector) 9, 1, 0.5, 0.5, error));
  REFUSED (f, "not on the map",
           cp_store_move_member (f->store, map.a, CP_NETMAP_SECTOR_FAMILY, 1, 1.5, 0.5, error));
  REFUSED (f, "not on the map",
           cp_store_move_member (f->store, map.a, CP_NETMAP_SECTOR_FAMILY, 1, 0.5, NAN, error));
  REFUSED (f, "six sectors",
           cp_store_tidy_sector (f->store, map.map, (CpNetmapSector) 6, error));
  REFUSED (f, "a person, a place or an activity",
           cp_store_set_member_kind (f->store, map.a, (CpNetmapKind) 9, error));
  REFUSED (f, "support details",
           cp_store_set_member_details (f->store, map.a, 5, CP_NETMAP_NOT_RECORDED, 0,
                                        CP_NETMAP_DIRECTION_BOTH, CP_NETMAP_NOT_RECORDED, error));
  REFUSED (f, "support details",
           cp_store_set_member_details (f->store, map.a, 1, 1, 16, CP_NETMAP_DIRECTION_BOTH, 0,
                                        error));
  REFUSED (f, "support details",
           cp_store_set_member_details (f->store, map.a, 1, 1, 0, (CpNetmapDirection) 4, 2,
                                        error));
  REFUSED (f, "mark", cp_store_set_member_mark (f->store, map.a, (CpMemberMark) 4, TRUE, error));

  /* Ties: never to itself, never across maps, only the three strengths. */
  REFUSED (f, "linked to itself", cp_store_set_tie (f->store, map.a, map.a,
                                                    CP_NETMAP_TIE_STRONG, error));
  REFUSED (f, "same map", cp_store_set_tie (f->store, map.a, other, CP_NETMAP_TIE_STRONG,
                                            error));
  REFUSED (f, "strong, weak or hard going",
           cp_store_set_tie (f->store, map.a, map.b, (CpNetmapTieStrength) 3, error));

  /* The map's own fields. */
  REFUSED (f, "needs a label", cp_store_rename_snapshot (f->store, map.map, " ", error));
  REFUSED (f, "real date", cp_store_set_snapshot_date (f->store, map.map, "2026-02-30", error));
  REFUSED (f, "real date", cp_store_set_snapshot_date (f->store, map.map, "1/3/2026", error));
  REFUSED (f, "real date", cp_store_set_snapshot_date (f->store, map.map, NULL, error));
}

/* Things that are gone say so; edits that change nothing make no step. */
static void
test_gone_and_no_op (NetmapFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  Map map;

  make_map (f, &map);
  g_assert_true (cp_store_delete_member (f->store, map.c, &error));

  g_assert_false (cp_store_rename_member (f->store, map.c, "Cal", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cp_store_move_member (f->store, map.c, CP_NETMAP_SECTOR_FAMILY, 1,
                                        CP_STORE_FREE_SPOT, 0, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cp_store_set_tie (f->store, map.a, map.c, CP_NETMAP_TIE_WEAK, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cp_store_remove_tie (f->store, map.a, map.b, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cp_store_dup_member_notes (f->store, map.c, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  before = netmap_fixture_dump (f);
  g_assert_true (cp_store_rename_member (f->store, map.a, "Ann", &error));
  g_assert_true (cp_store_set_member_chips (f->store, map.a, FALSE, FALSE, FALSE, &error));
  g_assert_true (cp_store_set_member_mark (f->store, map.a, CP_MEMBER_MARK_DIED, FALSE, &error));
  g_assert_true (cp_store_rename_snapshot (f->store, map.map, "Baseline", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, f->dump_n_changed);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, f->dump_undo_label);

  g_assert_true (cp_store_delete_snapshot (f->store, map.map, &error));
  g_assert_cmpint (cp_store_add_member (f->store, map.map, CP_NETMAP_KIND_PERSON, "Late",
                                        CP_NETMAP_SECTOR_FAMILY, 1, &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cp_store_tidy_sector (f->store, map.map, CP_NETMAP_SECTOR_FAMILY, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cp_store_delete_snapshot (f->store, map.map, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

/* A read-only workspace shows the map and changes nothing. */
static void
test_read_only (NetmapFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) ro = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  g_autofree char *path = g_strdup (cp_store_get_path (f->store));
  Map map;

  make_map (f, &map);
  g_clear_object (&f->store);

  ro = cp_store_open (path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  model = cp_store_load_snapshot (ro, map.map, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (model), ==, 3);
  g_assert_cmpint (cp_store_add_member (ro, map.map, CP_NETMAP_KIND_PERSON, "New",
                                        CP_NETMAP_SECTOR_FAMILY, 1, &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (cp_store_start_review_map (ro, f->person, &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  NETMAP_TEST_ADD ("/cp/store/netmap-edits/every-edit-undo-redo", test_every_edit);
  NETMAP_TEST_ADD ("/cp/store/netmap-edits/tidy", test_tidy);
  NETMAP_TEST_ADD ("/cp/store/netmap-edits/free-spots", test_free_spots);
  NETMAP_TEST_ADD ("/cp/store/netmap-edits/bad-input", test_bad_input);
  NETMAP_TEST_ADD ("/cp/store/netmap-edits/gone-and-no-op", test_gone_and_no_op);
  NETMAP_TEST_ADD ("/cp/store/netmap-edits/read-only", test_read_only);

  return g_test_run ();
}
