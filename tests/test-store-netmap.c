/* test-store-netmap.c: a person's maps in the workspace: snapshots, the current map,
 * lineages, imports, the disclosure log and the migration that made room for them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-netmap"

#include <string.h>

#include "store/cp-migrations.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-netmap.h"
#include "test-store-netmap-util.h"
#include "util/cp-date.h"

static gint64
add (NetmapFixture  *f,
     gint64          snapshot,
     const char     *name,
     CpNetmapSector  sector,
     int             ring)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cp_store_add_member (f->store, snapshot, CP_NETMAP_KIND_PERSON, name, sector,
                                   ring, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static const CpNetmapMember *
member_named (CpNetmapModel *model,
              const char    *name)
{
  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (g_strcmp0 (m->name, name) == 0)
        return m;
    }

  g_error ("no member named %s", name);
  return NULL;
}

static gint64
current (NetmapFixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = -1;

  g_assert_true (cp_store_get_current_snapshot (f->store, f->person, &id, &error));
  g_assert_no_error (error);

  return id;
}

/* ---- The first map and review maps ---------------------------------------------------- */

static void
test_start_maps (NetmapFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CpNetmapModel) baseline = NULL;
  g_autoptr(CpNetmapModel) review = NULL;
  g_autofree char *before = NULL;
  g_autofree char *notes = NULL;
  const CpSnapshotInfo *info;
  gint64 base, rev, sam, mum, gp;

  /* No map yet: none is current, and there is nothing to review. */
  g_assert_cmpint (current (f), ==, 0);
  before = netmap_fixture_dump (f);
  g_assert_cmpint (cp_store_start_review_map (f->store, f->person, &error), ==, 0);
  netmap_fixture_assert_refused (f, error, before, "no map to start a review map from");
  g_clear_error (&error);

  base = cp_store_start_map (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Start map");
  netmap_fixture_assert_changed (f, "snapshot");
  g_assert_cmpint (current (f), ==, base);

  /* One first map only. */
  g_clear_pointer (&before, g_free);
  before = netmap_fixture_dump (f);
  g_assert_cmpint (cp_store_start_map (f->store, f->person, &error), ==, 0);
  netmap_fixture_assert_refused (f, error, before, "start a review map instead");
  g_clear_error (&error);

  sam = add (f, base, "Sam", CP_NETMAP_SECTOR_FAMILY, 1);
  mum = add (f, base, "Mum", CP_NETMAP_SECTOR_FAMILY, 2);
  gp = add (f, base, "GP", CP_NETMAP_SECTOR_SERVICES, 3);
  g_assert_true (cp_store_set_tie (f->store, sam, mum, CP_NETMAP_TIE_STRESSFUL, &error));
  g_assert_true (cp_store_set_tie (f->store, mum, gp, CP_NETMAP_TIE_WEAK, &error));
  g_assert_true (cp_store_set_member_notes (f->store, sam, "Phones on Sundays", &error));
  g_assert_true (cp_store_set_member_chips (f->store, sam, TRUE, FALSE, TRUE, &error));
  g_assert_no_error (error);

  /* A review map, later: the same members with the same lineages, ties and notes. */
  cp_date_set_today_for_testing ("2026-04-12");
  rev = cp_store_start_review_map (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (current (f), ==, rev);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Start review map");

  list = cp_store_list_snapshots (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpint (info->id, ==, base);
  g_assert_cmpstr (info->label, ==, "Baseline");
  g_assert_cmpstr (info->taken_on, ==, NETMAP_TODAY);
  info = g_ptr_array_index (list, 1);
  g_assert_cmpint (info->id, ==, rev);
  g_assert_cmpstr (info->label, ==, "Review 1");
  g_assert_cmpstr (info->taken_on, ==, "2026-04-12");

  baseline = cp_store_load_snapshot (f->store, base, &error);
  review = cp_store_load_snapshot (f->store, rev, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (review), ==, 3);
  g_assert_cmpuint (cp_netmap_model_get_n_ties (review), ==, 2);
  for (guint i = 0; i < cp_netmap_model_get_n_members (baseline); i++)
    {
      const CpNetmapMember *b = cp_netmap_model_get_member (baseline, i);
      const CpNetmapMember *r = cp_netmap_model_find (review, b->lineage);

      g_assert_nonnull (r);
      g_assert_cmpint (r->id, !=, b->id);
      g_assert_cmpstr (r->name, ==, b->name);
      g_assert_cmpint (r->sector, ==, b->sector);
      g_assert_cmpint (r->ring, ==, b->ring);
      g_assert_cmpfloat (r->angle, ==, b->angle);
      g_assert_cmpint (r->helps_me, ==, b->helps_me);
      g_assert_cmpstr (r->added_on, ==, NETMAP_TODAY);
    }
  g_assert_cmpint (cp_netmap_model_find_tie (review, member_named (review, "Sam")->lineage,
                                             member_named (review, "Mum")->lineage)->strength,
                   ==, CP_NETMAP_TIE_STRESSFUL);
  notes = cp_store_dup_member_notes (f->store, member_named (review, "Sam")->id, &error);
  g_assert_cmpstr (notes, ==, "Phones on Sundays");

  /* A second review is "Review 2"; undoing it leaves the first as it was. */
  g_clear_pointer (&before, g_free);
  before = netmap_fixture_dump (f);
  g_assert_cmpint (cp_store_start_review_map (f->store, f->person, &error), >, rev);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cp_store_list_snapshots (f->store, f->person, &error);
  g_assert_cmpstr (((CpSnapshotInfo *) g_ptr_array_index (list, 2))->label, ==, "Review 2");
  netmap_fixture_undo (f);
  {
    g_autofree char *after = netmap_fixture_dump (f);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpint (current (f), ==, rev);
}

/* Latest taken_on, then the one made last: the same rule wherever "current" is asked. */
static void
test_current_rule (NetmapFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  CpLineageState state;
  g_autofree char *name = NULL;
  gint64 first, second, sam;

  first = cp_store_start_map (f->store, f->person, &error);
  sam = add (f, first, "Sam", CP_NETMAP_SECTOR_FRIENDS, 1);
  /* The same day twice: the one made last is current. */
  second = cp_store_start_review_map (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);
  g_assert_cmpint (current (f), ==, second);

  /* The newer map renames Sam: the lineage's name is the current map's. */
  {
    g_autoptr(CpNetmapModel) model = cp_store_load_snapshot (f->store, second, &error);

    g_assert_true (cp_store_rename_member (f->store, member_named (model, "Sam")->id,
                                           "Sam (best friend)", &error));
  }
  g_assert_true (cp_store_lookup_lineage (f->store, f->person, 1, &state, &name, &error));
  g_assert_cmpint (state, ==, CP_LINEAGE_ON_CURRENT_MAP);
  g_assert_cmpstr (name, ==, "Sam (best friend)");
  g_clear_pointer (&name, g_free);

  /* Dated back before the first, it is no longer current, and the list follows. */
  g_assert_true (cp_store_set_snapshot_date (f->store, second, "2026-02-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (current (f), ==, first);
  list = cp_store_list_snapshots (f->store, f->person, &error);
  g_assert_cmpint (((CpSnapshotInfo *) g_ptr_array_index (list, 0))->id, ==, second);
  g_assert_cmpint (((CpSnapshotInfo *) g_ptr_array_index (list, 1))->id, ==, first);
  g_assert_true (cp_store_lookup_lineage (f->store, f->person, 1, &state, &name, &error));
  g_assert_cmpstr (name, ==, "Sam");
  g_clear_pointer (&name, g_free);

  /* Removed from the current map: "no longer on the map", named as it was. */
  g_assert_true (cp_store_delete_member (f->store, sam, &error));
  g_assert_true (cp_store_lookup_lineage (f->store, f->person, 1, &state, &name, &error));
  g_assert_cmpint (state, ==, CP_LINEAGE_NO_LONGER_ON_MAP);
  g_assert_cmpstr (name, ==, "Sam (best friend)");
  g_clear_pointer (&name, g_free);

  /* Undo brings it back with its lineage. */
  netmap_fixture_undo (f);
  g_assert_true (cp_store_lookup_lineage (f->store, f->person, 1, &state, &name, &error));
  g_assert_cmpint (state, ==, CP_LINEAGE_ON_CURRENT_MAP);
  g_clear_pointer (&name, g_free);

  g_assert_true (cp_store_lookup_lineage (f->store, f->person, 77, &state, &name, &error));
  g_assert_cmpint (state, ==, CP_LINEAGE_NEVER_ON_MAP);
  g_assert_null (name);

  g_assert_false (cp_store_lookup_lineage (f->store, 999, 1, &state, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

/* ---- Lineages ------------------------------------------------------------------------- */

static void
test_lineages (NetmapFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  g_autofree char *sql = NULL;
  gint64 base, rev, d, e, other_map;

  base = cp_store_start_map (f->store, f->person, &error);
  add (f, base, "A", CP_NETMAP_SECTOR_FAMILY, 1);
  add (f, base, "B", CP_NETMAP_SECTOR_FAMILY, 1);
  add (f, base, "C", CP_NETMAP_SECTOR_WORK, 4);
  rev = cp_store_start_review_map (f->store, f->person, &error);
  g_assert_no_error (error);

  /* The person's highest lineage + 1, across all their maps. */
  d = add (f, rev, "D", CP_NETMAP_SECTOR_GROUPS, 2);
  e = add (f, base, "E", CP_NETMAP_SECTOR_GROUPS, 2);
  model = cp_store_load_snapshot (f->store, rev, &error);
  g_assert_cmpint (cp_netmap_model_find (model, 4)->id, ==, d);
  g_assert_cmpstr (cp_netmap_model_find (model, 4)->added_on, ==, NETMAP_TODAY);
  g_clear_object (&model);
  model = cp_store_load_snapshot (f->store, base, &error);
  g_assert_cmpint (cp_netmap_model_find (model, 5)->id, ==, e);
  g_clear_object (&model);

  /* Deleted and brought back: the same row, the same lineage. */
  g_assert_true (cp_store_delete_member (f->store, d, &error));
  netmap_fixture_undo (f);
  model = cp_store_load_snapshot (f->store, rev, &error);
  g_assert_cmpint (cp_netmap_model_find (model, 4)->id, ==, d);
  g_assert_cmpstr (cp_netmap_model_find (model, 4)->name, ==, "D");
  g_clear_object (&model);

  /* A lineage a step still names is never handed to someone new. */
  sql = g_strdup_printf ("INSERT INTO goal (id, person_id, text, created_at, updated_at) "
                         "VALUES (1, %" G_GINT64_FORMAT ", 'Swim', '2026-03-01T00:00:00Z', "
                         "'2026-03-01T00:00:00Z');"
                         "INSERT INTO step (goal_id, text, owner, owner_lineage, created_at, "
                         "updated_at) VALUES (1, 'Ring them', 'member', 9, "
                         "'2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');", f->person);
  cp_test_edit (f->store, "Test rows", sql);
  add (f, rev, "F", CP_NETMAP_SECTOR_FRIENDS, 3);
  model = cp_store_load_snapshot (f->store, rev, &error);
  g_assert_nonnull (cp_netmap_model_find (model, 10));
  g_assert_null (cp_netmap_model_find (model, 9));
  g_clear_object (&model);

  /* Another person's lineages are their own. */
  {
    gint64 other = cp_store_add_person (f->store, "Other", &error);

    other_map = cp_store_start_map (f->store, other, &error);
    add (f, other_map, "X", CP_NETMAP_SECTOR_FRIENDS, 1);
    model = cp_store_load_snapshot (f->store, other_map, &error);
    g_assert_nonnull (cp_netmap_model_find (model, 1));
  }
}

/* ---- Import --------------------------------------------------------------------------- */

static void
test_import (NetmapFixture *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) in = cp_netmap_model_new ();
  g_autoptr(CpNetmapModel) out = NULL;
  g_autofree char *before = NULL;
  CpNetmapMember *m;
  gint64 base, map;

  base = cp_store_start_map (f->store, f->person, &error);
  add (f, base, "A", CP_NETMAP_SECTOR_FAMILY, 1);
  add (f, base, "B", CP_NETMAP_SECTOR_FAMILY, 1);

  /* The file's own numbering says nothing about this person's lineages. */
  m = cp_netmap_model_add (in, 1, CP_NETMAP_KIND_PERSON, "Lee", CP_NETMAP_SECTOR_FRIENDS, 1);
  m->depth = 0.25;
  m->mostly_online = TRUE;
  m->frequency = 3;
  m->direction = CP_NETMAP_DIRECTION_BOTH;
  m->added_on = g_strdup ("2025-12-24");
  m = cp_netmap_model_add (in, 7, CP_NETMAP_KIND_PLACE, "Library", CP_NETMAP_SECTOR_NEIGHBOURS, 2);
  m->died = FALSE;
  cp_netmap_model_add (in, 3, CP_NETMAP_KIND_ACTIVITY, "Choir", CP_NETMAP_SECTOR_GROUPS, 4);
  cp_netmap_model_set_tie (in, 1, 7, CP_NETMAP_TIE_WEAK);
  cp_netmap_model_set_tie (in, 7, 3, CP_NETMAP_TIE_STRONG);

  map = cp_store_import_snapshot (f->store, f->person, in, NULL, "2026-02-20", &error);
  g_assert_no_error (error);
  g_assert_cmpint (map, >, base);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Import map");
  netmap_fixture_assert_changed (f, "member");
  g_assert_cmpint (current (f), ==, base);   /* dated before the baseline */

  out = cp_store_load_snapshot (f->store, map, &error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (out), ==, 3);
  /* Fresh lineages after the person's highest (2), in the model's order. */
  g_assert_cmpstr (cp_netmap_model_find (out, 3)->name, ==, "Lee");
  g_assert_cmpstr (cp_netmap_model_find (out, 4)->name, ==, "Library");
  g_assert_cmpstr (cp_netmap_model_find (out, 5)->name, ==, "Choir");
  g_assert_cmpfloat (cp_netmap_model_find (out, 3)->depth, ==, 0.25);
  g_assert_true (cp_netmap_model_find (out, 3)->mostly_online);
  g_assert_cmpint (cp_netmap_model_find (out, 3)->frequency, ==, 3);
  g_assert_cmpint (cp_netmap_model_find (out, 3)->direction, ==, CP_NETMAP_DIRECTION_BOTH);
  g_assert_cmpstr (cp_netmap_model_find (out, 3)->added_on, ==, "2025-12-24");
  g_assert_cmpstr (cp_netmap_model_find (out, 4)->added_on, ==, "2026-02-20");
  g_assert_cmpint (cp_netmap_model_find (out, 4)->kind, ==, CP_NETMAP_KIND_PLACE);
  g_assert_cmpuint (cp_netmap_model_get_n_ties (out), ==, 2);
  g_assert_cmpint (cp_netmap_model_find_tie (out, 3, 4)->strength, ==, CP_NETMAP_TIE_WEAK);
  g_assert_cmpint (cp_netmap_model_find_tie (out, 4, 5)->strength, ==, CP_NETMAP_TIE_STRONG);
  {
    g_autoptr(GPtrArray) list = cp_store_list_snapshots (f->store, f->person, &error);

    g_assert_cmpstr (((CpSnapshotInfo *) g_ptr_array_index (list, 0))->label, ==,
                     "Imported map");
  }

  /* One undo step takes all of it away. */
  netmap_fixture_undo (f);
  g_assert_null (cp_store_load_snapshot (f->store, map, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A model with a bad member imports nothing at all. */
  before = netmap_fixture_dump (f);
  m = cp_netmap_model_add (in, 9, CP_NETMAP_KIND_PERSON, "Bad", CP_NETMAP_SECTOR_FRIENDS, 1);
  m->ring = 5;
  g_assert_cmpint (cp_store_import_snapshot (f->store, f->person, in, "Bad", NULL, &error), ==, 0);
  netmap_fixture_assert_refused (f, error, before, "three rings and an outer zone");
  g_clear_error (&error);
  m->ring = 1;
  cp_netmap_member_set_name (m, "  ");
  g_assert_cmpint (cp_store_import_snapshot (f->store, f->person, in, "Bad", NULL, &error), ==, 0);
  netmap_fixture_assert_refused (f, error, before, "needs a name");
  g_clear_error (&error);
  m->sector = 17;
  cp_netmap_member_set_name (m, "Bad sector");
  g_assert_cmpint (cp_store_import_snapshot (f->store, f->person, in, "Bad", NULL, &error), ==, 0);
  netmap_fixture_assert_refused (f, error, before, "six sectors");
  g_clear_error (&error);
  m->sector = CP_NETMAP_SECTOR_FRIENDS;
  g_assert_cmpint (cp_store_import_snapshot (f->store, f->person, in, "Bad", "2026-13-01",
                                             &error), ==, 0);
  netmap_fixture_assert_refused (f, error, before, "real date");
  g_clear_error (&error);
  g_assert_cmpint (cp_store_import_snapshot (f->store, 999, in, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

/* ---- The disclosure log --------------------------------------------------------------- */

static void
test_disclosure_log (NetmapFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *before = NULL;
  const CpDisclosure *d;
  const char *undo_label;
  gint64 id;

  g_assert_true (cp_store_rename_person (f->store, f->person, "Robin R", &error));
  undo_label = cp_store_get_undo_label (f->store);
  f->n_changed = 0;

  id = cp_store_add_disclosure (f->store, f->person, CP_DISCLOSURE_IDENTIFIABLE_EXPORT,
                                " network map as GraphML ", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  netmap_fixture_assert_changed (f, "disclosure");
  /* A fact, not an edit: Ctrl+Z still undoes the rename. */
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, undo_label);
  cp_store_add_disclosure (f->store, f->person, CP_DISCLOSURE_SUPERVISION_PACK, NULL,
                           "line supervisor", &error);
  g_assert_no_error (error);

  log = cp_store_list_disclosures (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  d = g_ptr_array_index (log, 0);
  g_assert_cmpint (d->id, ==, id);
  g_assert_cmpint (d->what, ==, CP_DISCLOSURE_IDENTIFIABLE_EXPORT);
  g_assert_cmpstr (d->detail, ==, "network map as GraphML");
  g_assert_cmpstr (d->to_whom, ==, "");
  g_assert_true (g_str_has_suffix (d->made_at, "Z"));
  g_assert_cmpuint (strlen (d->made_at), >=, 20);
  d = g_ptr_array_index (log, 1);
  g_assert_cmpint (d->what, ==, CP_DISCLOSURE_SUPERVISION_PACK);
  g_assert_cmpstr (d->to_whom, ==, "line supervisor");
  g_clear_pointer (&log, g_ptr_array_unref);

  /* Undo goes past the entries to the rename, and leaves them. */
  netmap_fixture_undo (f);
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (f->store, f->person)), ==,
                   "Robin");
  log = cp_store_list_disclosures (f->store, f->person, &error);
  g_assert_cmpuint (log->len, ==, 2);
  g_clear_pointer (&log, g_ptr_array_unref);

  /* Bad input changes nothing. */
  before = netmap_fixture_dump (f);
  g_assert_cmpint (cp_store_add_disclosure (f->store, f->person, 42, NULL, NULL, &error), ==, 0);
  netmap_fixture_assert_refused (f, error, before, "disclosure log");
  g_clear_error (&error);
  g_assert_cmpint (cp_store_add_disclosure (f->store, 999, CP_DISCLOSURE_SUMMARY, NULL, NULL,
                                            &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cp_store_list_disclosures (f->store, 999, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The entries go with the person, and come back with them. */
  g_assert_true (cp_store_delete_person (f->store, f->person, &error));
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store),
                                   "SELECT count(*) FROM disclosure"), ==, 0);
  netmap_fixture_undo (f);
  log = cp_store_list_disclosures (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
}

/* ---- Migration ------------------------------------------------------------------------ */

/* A workspace from before 0006 keeps its maps: members and ties as they were, each member
 * in the middle of its ring's depth, on no one's "died" or "mostly online" list. */
static void
test_migration_keeps_maps (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  guint n_steps;
  sqlite3 *db;


  /* The version just before 0006, then every later step. */
  db = cp_test_db_open_before (path, "0006", &n_steps);
  cp_test_db_exec (db,
                   "PRAGMA foreign_keys = ON;"
                   "INSERT INTO person (id, name, created_at, updated_at) VALUES "
                   "(1, 'Old', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                   "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, updated_at) "
                   "VALUES (1, 1, 'Baseline', '2026-01-01', '2026-01-01T00:00:00Z', "
                   "'2026-01-01T00:00:00Z');"
                   "INSERT INTO member (id, snapshot_id, lineage, kind, name, sector, ring, "
                   "angle, helps_me, caution, frequency, notes, added_on, created_at, updated_at) "
                   "VALUES (1, 1, 1, 'person', 'Sam', 'family', 1, 0.25, 1, 1, 3, 'Kind', "
                   "'2026-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                   "(2, 1, 2, 'place', 'Park', 'neighbours', 3, 0.5, 0, 0, NULL, '', "
                   "'2026-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                   "INSERT INTO tie (snapshot_id, a_id, b_id, strength, created_at, updated_at) "
                   "VALUES (1, 1, 2, 'weak', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");
  sqlite3_close (db);

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_schema_version (store), ==, (int) n_steps);
  model = cp_store_load_snapshot (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (model), ==, 2);
  g_assert_cmpstr (cp_netmap_model_find (model, 1)->name, ==, "Sam");
  g_assert_cmpfloat (cp_netmap_model_find (model, 1)->angle, ==, 0.25);
  g_assert_cmpfloat (cp_netmap_model_find (model, 1)->depth, ==, 0.5);
  g_assert_true (cp_netmap_model_find (model, 1)->caution);
  g_assert_cmpint (cp_netmap_model_find (model, 1)->frequency, ==, 3);
  g_assert_false (cp_netmap_model_find (model, 1)->died);
  g_assert_false (cp_netmap_model_find (model, 1)->mostly_online);
  g_assert_cmpint (cp_netmap_model_find_tie (model, 1, 2)->strength, ==, CP_NETMAP_TIE_WEAK);

  /* The tie still follows its member (the foreign key survived the rebuild). */
  g_assert_true (cp_store_delete_member (store, 2, &error));
  g_assert_no_error (error);
  db = _cp_store_get_db (store);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM tie"), ==, 0);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_clear_object (&store);
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  NETMAP_TEST_ADD ("/cp/store/netmap/start-maps", test_start_maps);
  NETMAP_TEST_ADD ("/cp/store/netmap/current-rule", test_current_rule);
  NETMAP_TEST_ADD ("/cp/store/netmap/lineages", test_lineages);
  NETMAP_TEST_ADD ("/cp/store/netmap/import", test_import);
  NETMAP_TEST_ADD ("/cp/store/netmap/disclosure-log", test_disclosure_log);
  g_test_add_func ("/cp/store/netmap/migration-keeps-maps", test_migration_keeps_maps);

  return g_test_run ();
}
