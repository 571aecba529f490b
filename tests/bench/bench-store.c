/* bench-store.c: how fast the workspace opens and saves
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * (a) open a workspace of 10,000 people and read the model size, median of 5;
 * (b) one durable edit (cp_store_rename_person) against the floor: the same UPDATE
 *     through bare sqlite3 calls on a copy with the same pragmas; beside them the same
 *     UPDATE recorded by SQLite's session extension instead of the store's own recording
 *     (BEGIN IMMEDIATE, a session, its changeset, COMMIT), for comparison; the three take
 *     turns edit by edit. Then where the store's time goes (transaction, recording,
 *     statements, changeset, commit, undo step, refresh and signals);
 * (c) a network map of 300 members and 1,000 ties: importing it, loading it into a model
 *     (what the map page does after every edit), one member added, "Start review map".
 * Prints; asserts no time.
 *
 * Usage: bench-store [FOLDER]   (default: the temporary folder; fsync cost depends on it)
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-store"

#include <glib/gstdio.h>

#include "netmap/cp-netmap-geometry.h"
#include "store/cp-db.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-private.h"
#include "../cp-test-util.h"

#define N_PEOPLE 10000
#define N_OPENS  5
#define N_EDITS  200
#define N_MAP_MEMBERS 300
#define N_MAP_TIES    1000
#define N_LOADS       50

static double
median (GArray *ms)
{
  g_array_sort (ms, cp_test_compare_doubles);

  return g_array_index (ms, double, ms->len / 2);
}

static double
percentile (GArray *ms,
            double  p)
{
  g_array_sort (ms, cp_test_compare_doubles);

  return g_array_index (ms, double, MIN (ms->len - 1, (guint) (p * ms->len)));
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-store: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static gboolean
insert_people (CpStore   *store,
               sqlite3   *db,
               gpointer   user_data,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cp_db_now ();

  if (!(stmt = _cp_db_prepare (db,
                               "INSERT INTO person (name, case_ref, focus, next_review, notes, "
                               "created_at, updated_at) VALUES (?1, ?2, 'planning', ?3, ?4, "
                               "?5, ?5)",
                               error)))
    return FALSE;

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%05u", i);
      g_autofree char *ref = g_strdup_printf ("REF-%05u", i);
      g_autofree char *date = g_strdup_printf ("2027-%02u-%02u", 1 + i % 12, 1 + i % 28);

      sqlite3_reset (stmt);
      _cp_db_bind_text (stmt, 1, name);
      _cp_db_bind_text (stmt, 2, ref);
      _cp_db_bind_text (stmt, 3, date);
      _cp_db_bind_text (stmt, 4, "Some notes of an ordinary length, a sentence or two about "
                                 "what the person would like to do next.");
      _cp_db_bind_text (stmt, 5, now);
      if (!_cp_db_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
fill (CpStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!_cp_store_edit (store, "Fill", NULL, insert_people, NULL, &error))
    die ("fill", error);
}

static void
bench_open (const char *path,
            double     *out_median,
            double     *out_max)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_OPENS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpStore) store = NULL;
      double t0 = now_ms ();
      double t;
      guint n;

      store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
      if (store == NULL)
        die ("open", error);
      n = g_list_model_get_n_items (cp_store_get_people (store));
      t = now_ms () - t0;

      if (n != N_PEOPLE)
        die ("model size", NULL);
      g_array_append_val (ms, t);
    }

  *out_max = percentile (ms, 1.0);
  *out_median = median (ms);
}

static const char *phase_names[CP_STORE_EDIT_N_PHASES] = {
  "BEGIN IMMEDIATE",
  "recording of its changes started",
  "statements prepared and run (changes recorded)",
  "changeset made from what was recorded",
  "COMMIT (durable write)",
  "undo step pushed",
  "object refresh + ::changed",
  "undo/redo notify signals",
};

/* One bare edit on @db: the floor. */
static double
bare_edit (sqlite3_stmt *stmt,
           guint         i)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Bare %u", i);
  g_autofree char *now = NULL;
  double t0 = now_ms ();

  now = _cp_db_now ();
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, 1 + (i * 37) % N_PEOPLE);
  _cp_db_bind_text (stmt, 2, now);
  _cp_db_bind_text (stmt, 3, name);
  if (!_cp_db_step_done (stmt, &error))
    die ("bare update", error);
  return now_ms () - t0;
}

/* The same bare edit recorded by SQLite's session extension, and no more: one
 * transaction, a session on every table, the changeset taken before COMMIT. */
static double
session_edit (sqlite3      *db,
              sqlite3_stmt *stmt,
              sqlite3_stmt *begin,
              sqlite3_stmt *commit,
              guint         i)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Session %u", i);
  g_autofree char *now = NULL;
  sqlite3_session *session = NULL;
  void *changeset = NULL;
  int n = 0;
  double t0 = now_ms ();

  now = _cp_db_now ();
  sqlite3_reset (begin);
  if (!_cp_db_step_done (begin, &error))
    die ("session begin", error);
  if (sqlite3session_create (db, "main", &session) != SQLITE_OK ||
      sqlite3session_attach (session, NULL) != SQLITE_OK)
    die ("session", NULL);
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, 1 + (i * 37) % N_PEOPLE);
  _cp_db_bind_text (stmt, 2, now);
  _cp_db_bind_text (stmt, 3, name);
  if (!_cp_db_step_done (stmt, &error))
    die ("session update", error);
  if (sqlite3session_changeset (session, &n, &changeset) != SQLITE_OK || n == 0)
    die ("changeset", NULL);
  sqlite3_free (changeset);
  sqlite3session_delete (session);
  sqlite3_reset (commit);
  if (!_cp_db_step_done (commit, &error))
    die ("session commit", error);
  return now_ms () - t0;
}

/* N_EDITS renames through the store on @path, each next to the same UPDATE through bare
 * sqlite3 on @copy, with and without the undo capture, so all see the disk as it is at
 * that moment (a shared machine's fsync varies tenfold from one second to the next).
 * @phases: one GArray of ms per CpStoreEditPhase, filled in. */
static void
bench_edits (const char  *path,
             const char  *copy,
             GArray      *phases[CP_STORE_EDIT_N_PHASES],
             GArray     **out_store_ms,
             GArray     **out_bare_ms,
             GArray     **out_session_ms)
{
  GArray *store_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *session_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) begin = NULL;
  g_autoptr(sqlite3_stmt) commit = NULL;
  sqlite3 *db = NULL;
  CpStoreEditTimes times;

  if (store == NULL)
    die ("open", error);
  /* The floor: the same pragmas, the same statement, autocommit, no session, no model. */
  if (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !_cp_db_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                        "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
                        "PRAGMA temp_store = MEMORY; PRAGMA trusted_schema = OFF;", &error) ||
      !(stmt = _cp_db_prepare (db, "UPDATE person SET name = ?3, updated_at = ?2 "
                                   "WHERE id = ?1 AND name IS NOT ?3", &error)) ||
      !(begin = _cp_db_prepare (db, "BEGIN IMMEDIATE", &error)) ||
      !(commit = _cp_db_prepare (db, "COMMIT", &error)))
    die ("bare open", error);

  for (guint p = 0; p < CP_STORE_EDIT_N_PHASES; p++)
    phases[p] = g_array_new (FALSE, FALSE, sizeof (double));
  _cp_store_set_edit_times (store, &times);
  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Renamed %u", i);
      gint64 id = 1 + (i * 37) % N_PEOPLE;

      /* Which goes first rotates: a sync right after another one costs the second less
       * on some disks, and no side should always get that. */
      for (guint k = 0; k < 3; k++)
        {
          double t0;
          double t;

          switch ((i + k) % 3)
            {
            case 0:
              t0 = now_ms ();
              if (!cp_store_rename_person (store, id, name, &error))
                die ("rename", error);
              t = now_ms () - t0;
              g_array_append_val (store_ms, t);
              for (guint p = 0; p < CP_STORE_EDIT_N_PHASES; p++)
                {
                  double phase_ms = times.usec[p] / 1000.0;

                  g_array_append_val (phases[p], phase_ms);
                }
              break;
            case 1:
              t = bare_edit (stmt, i);
              g_array_append_val (bare_ms, t);
              break;
            default:
              t = session_edit (db, stmt, begin, commit, i);
              g_array_append_val (session_ms, t);
              break;
            }
        }
    }
  _cp_store_set_edit_times (store, NULL);

  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&begin, sqlite3_finalize);
  g_clear_pointer (&commit, sqlite3_finalize);
  sqlite3_close_v2 (db);
  *out_store_ms = store_ms;
  *out_bare_ms = bare_ms;
  *out_session_ms = session_ms;
}

typedef struct
{
  double import_ms;
  double load_median;
  double load_max;
  double add_median;
  double review_ms;
} MapFigures;

/* A map as big as the benchmark asks: 300 members over every cell, 1,000 ties. */
static CpNetmapModel *
big_map (void)
{
  CpNetmapModel *model = cp_netmap_model_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  guint n_ties = 0;

  for (guint i = 0; i < N_MAP_MEMBERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", i);

      cp_netmap_model_add (model, i + 1, i % CP_NETMAP_N_KINDS, name,
                           i % CP_NETMAP_N_SECTORS, 1 + (i / CP_NETMAP_N_SECTORS) % 4);
    }
  for (guint s = 0; s < CP_NETMAP_N_SECTORS; s++)
    cp_netmap_tidy_sector (model, s);

  while (n_ties < N_MAP_TIES)
    {
      gint64 a = g_rand_int_range (rand, 1, N_MAP_MEMBERS + 1);
      gint64 b = g_rand_int_range (rand, 1, N_MAP_MEMBERS + 1);

      if (a != b && cp_netmap_model_find_tie (model, a, b) == NULL &&
          cp_netmap_model_set_tie (model, a, b, (a + b) % 3))
        n_ties++;
    }

  return model;
}

static void
bench_map (const char *path,
           MapFigures *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_autoptr(CpNetmapModel) model = big_map ();
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) adds = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 person;
  gint64 map;
  double t0;

  if (store == NULL || (person = cp_store_add_person (store, "Map", &error)) == 0)
    die ("map person", error);

  t0 = now_ms ();
  if ((map = cp_store_import_snapshot (store, person, model, NULL, NULL, &error)) == 0)
    die ("import", error);
  out->import_ms = now_ms () - t0;

  for (guint i = 0; i < N_LOADS; i++)
    {
      g_autoptr(CpNetmapModel) loaded = NULL;
      double t;

      t0 = now_ms ();
      loaded = cp_store_load_snapshot (store, map, &error);
      t = now_ms () - t0;
      if (loaded == NULL || cp_netmap_model_get_n_ties (loaded) != N_MAP_TIES)
        die ("load", error);
      g_array_append_val (loads, t);
    }

  /* An edit as the page makes it: the store's call, then the model again. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(CpNetmapModel) loaded = NULL;
      double t;

      t0 = now_ms ();
      if (cp_store_add_member (store, map, CP_NETMAP_KIND_PERSON, "New", i % 6, 2, &error) == 0 ||
          (loaded = cp_store_load_snapshot (store, map, &error)) == NULL)
        die ("add", error);
      t = now_ms () - t0;
      g_array_append_val (adds, t);
    }

  t0 = now_ms ();
  if (cp_store_start_review_map (store, person, &error) == 0)
    die ("review map", error);
  out->review_ms = now_ms () - t0;

  out->load_max = percentile (loads, 1.0);
  out->load_median = median (loads);
  out->add_median = median (adds);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GArray) store_ms = NULL;
  g_autoptr(GArray) bare_ms = NULL;
  g_autoptr(GArray) session_ms = NULL;
  GArray *phases[CP_STORE_EDIT_N_PHASES];
  double phases_sum = 0;
  double open_median, open_max, create_ms;
  double store_median, store_p90, bare_median, bare_p90, session_median, session_p90;
  MapFigures map = { 0 };

  /* An optional folder to measure on another disk; the system's temporary folder else. */
  if (argc > 1)
    {
      dir = g_build_filename (argv[1], "cpkit-bench-store-XXXXXX", NULL);
      if (g_mkdtemp_full (dir, 0700) == NULL)
        die ("folder", NULL);
    }
  else if ((dir = g_dir_make_tmp ("cpkit-bench-store-XXXXXX", &error)) == NULL)
    die ("tmp", error);
  path = g_build_filename (dir, "bench.cpkit", NULL);
  copy = g_build_filename (dir, "bare.cpkit", NULL);

  {
    g_autoptr(CpStore) store = NULL;
    double t0 = now_ms ();

    if (!(store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error)))
      die ("create", error);
    fill (store);
    if (!cp_store_save_copy (store, copy, FALSE, &error))
      die ("copy", error);
    create_ms = now_ms () - t0;
  }

  bench_open (path, &open_median, &open_max);

  bench_edits (path, copy, phases, &store_ms, &bare_ms, &session_ms);
  store_p90 = percentile (store_ms, 0.9);
  store_median = median (store_ms);
  bare_p90 = percentile (bare_ms, 0.9);
  bare_median = median (bare_ms);
  session_p90 = percentile (session_ms, 0.9);
  session_median = median (session_ms);
  bench_map (path, &map);

  g_print ("\nbench-store (sqlite %s, %s)\n\n", sqlite3_libversion (), dir);
  g_print ("  %-52s %10s %10s\n", "measure", "median ms", "other ms");
  g_print ("  %-52s %10s %10s\n", "-------", "---------", "--------");
  g_print ("  %-52s %10.1f %10s\n", "create 10,000 people (one transaction, once)", create_ms, "");
  g_print ("  %-52s %10.2f %10.2f max\n", "(a) cp_store_open + first get_n_items, 10,000 people",
           open_median, open_max);
  g_print ("  %-52s %10.3f %10.3f p90\n", "(b) cp_store_rename_person, durable (200 edits)",
           store_median, store_p90);
  g_print ("  %-52s %10.3f %10.3f p90\n", "    floor: bare sqlite3 UPDATE, same pragmas",
           bare_median, bare_p90);
  g_print ("  %-52s %10.2f   [goal <= 1.3]\n", "    ratio store / floor (median)",
           bare_median > 0 ? store_median / bare_median : 0.0);
  g_print ("  %-52s %10.3f %10.3f p90\n", "    floor + session extension's recording instead",
           session_median, session_p90);
  g_print ("  %-52s %10.2f\n", "    ratio store / (floor + session extension)",
           session_median > 0 ? store_median / session_median : 0.0);
  g_print ("  %-52s\n", "    where a store edit's time goes (median per phase):");
  for (guint p = 0; p < CP_STORE_EDIT_N_PHASES; p++)
    {
      double m = median (phases[p]);

      phases_sum += m;
      g_print ("        %-46s %10.3f\n", phase_names[p], m);
      g_array_unref (phases[p]);
    }
  g_print ("  %-52s %10.3f\n", "        outside _cp_store_edit (arguments, clock)",
           MAX (0.0, store_median - phases_sum));
  g_print ("  %-52s %10.1f\n", "(c) import a map of 300 members, 1,000 ties (once)",
           map.import_ms);
  g_print ("  %-52s %10.2f %10.2f max\n", "    cp_store_load_snapshot, that map (50 loads)",
           map.load_median, map.load_max);
  g_print ("  %-52s %10.2f\n", "    add a member + load the map again (20 edits)",
           map.add_median);
  g_print ("  %-52s %10.1f\n", "    Start review map (copies all of it, once)",
           map.review_ms);
  g_print ("\n");

  {
    static const char *suffixes[] = { "", "-wal", "-shm", ".lock" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *a = g_strconcat (path, suffixes[i], NULL);
        g_autofree char *b = g_strconcat (copy, suffixes[i], NULL);

        g_unlink (a);
        g_unlink (b);
      }
    g_rmdir (dir);
  }

  return 0;
}
