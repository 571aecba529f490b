/* bench-pack.c: how long a supervision pack takes to send and a reply to take back
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The caseload of bench-supervision (60 people with 20 goals each, 3 steps a goal, a map
 * of 15, 3 reviews) in one pack. Export: the pseudonymised extract
 * (cp_store_build_pack_payload) and its sealing (cp_pack_seal: the Argon2id key is most
 * of it). Open: the pack unsealed and opened as a store in memory. Import: a reply with a
 * comment, an action and a sign-off for every person, unsealed and merged
 * (cp_store_import_reply), undone between runs so each one merges. Medians of 5 runs.
 * Prints; asserts no time.
 *
 * Usage: bench-pack
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-pack"

#include <stdlib.h>

#include "bench-caseload.h"
#include "store/cp-store-pack.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-pack.h"
#include "util/cp-date.h"
#include "../cp-test-util.h"

#define N_RUNS     5
#define PASSPHRASE "river maple stone lamp"

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-pack: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
median (GArray *ms)
{
  g_array_sort (ms, cp_test_compare_doubles);
  return g_array_index (ms, double, ms->len / 2);
}

static GBytes *
seal (CpPackKind   kind,
      const char  *workspace,
      const char  *pack_uuid,
      GBytes      *payload)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CpPackHeader) header = cp_pack_header_new (kind, workspace, pack_uuid, now,
                                                       "Practitioner");
  g_autoptr(GError) error = NULL;
  GBytes *sealed = cp_pack_seal (header, payload, PASSPHRASE, &error);

  if (sealed == NULL)
    die ("seal", error);
  return sealed;
}

/* The supervisor's work: a session of their own discussing everyone, and per person a
 * comment, an action and a sign-off. */
static void
supervise (CpStore      *pack,
           const gint64 *people)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = cp_date_today ();
  g_autofree char *session = cp_store_add_supervision_session (pack, today, "line supervisor",
                                                               people, BENCH_CASELOAD_PEOPLE,
                                                               &error);

  if (session == NULL)
    die ("session", error);
  for (int i = 0; i < BENCH_CASELOAD_PEOPLE; i++)
    {
      g_autofree char *comment = cp_store_add_supervision_comment (pack, session, people[i],
                                                                   "Check the steps", &error);
      g_autofree char *action = cp_store_add_supervision_action (pack, session, people[i],
                                                                 "Walk the route",
                                                                 "practitioner", NULL,
                                                                 &error);

      if (comment == NULL || action == NULL ||
          !cp_store_sign_off_supervision (pack, session, people[i], "Pat Lee",
                                          "Team manager", NULL, &error))
        die ("supervise", error);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bench.cpkit", NULL);
  g_autofree char *pack_uuid = g_uuid_string_random ();
  g_autofree char *workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpStore) pack = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GBytes) sealed_reply = NULL;
  g_autoptr(GArray) extract_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) merge_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 people[BENCH_CASELOAD_PEOPLE];
  CpPackChoice choice = { CP_PACK_RECIPIENT_LINE_SUPERVISOR, people, BENCH_CASELOAD_PEOPLE,
                          FALSE };
  guint n_merged = 0;

  for (int i = 0; i < BENCH_CASELOAD_PEOPLE; i++)
    people[i] = i + 1;

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  bench_caseload_fill (store);
  workspace = cp_store_dup_workspace_uuid (store);

  /* Export: the extract, then sealed. */
  for (int i = 0; i < N_RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double extract, all;

      g_clear_pointer (&payload, g_bytes_unref);
      g_clear_pointer (&sealed, g_bytes_unref);
      if (!(payload = cp_store_build_pack_payload (store, &choice, pack_uuid, &error)))
        die ("extract", error);
      extract = ms_since (t0);
      sealed = seal (CP_PACK_KIND_PACK, workspace, pack_uuid, payload);
      all = ms_since (t0);
      g_array_append_val (extract_ms, extract);
      g_array_append_val (export_ms, all);
    }
  if (!cp_store_record_sent_pack (store, pack_uuid, &choice, &error))
    die ("record", error);

  /* Open: unsealed and opened as a store in memory. */
  for (int i = 0; i < N_RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GBytes) opened = cp_pack_open (sealed, PASSPHRASE, NULL, &error);
      double ms;

      if (opened == NULL)
        die ("unseal", error);
      g_clear_object (&pack);
      if (!(pack = cp_store_open_pack (opened, &error)))
        die ("open pack", error);
      ms = ms_since (t0);
      g_array_append_val (open_ms, ms);
    }

  supervise (pack, people);
  if (!(reply = cp_store_build_reply_payload (pack, &error)))
    die ("reply", error);
  sealed_reply = seal (CP_PACK_KIND_REPLY, workspace, pack_uuid, reply);

  /* Import: unsealed and merged, then undone for the next run. */
  for (int i = 0; i < N_RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GBytes) opened = cp_pack_open (sealed_reply, PASSPHRASE, NULL, &error);
      gint64 t1;
      double all, merge;

      if (opened == NULL)
        die ("unseal reply", error);
      t1 = g_get_monotonic_time ();
      if (!cp_store_import_reply (store, pack_uuid, opened, &n_merged, &error) ||
          n_merged != 3 * BENCH_CASELOAD_PEOPLE)
        die ("import", error);
      merge = ms_since (t1);
      all = ms_since (t0);
      g_array_append_val (merge_ms, merge);
      g_array_append_val (import_ms, all);
      if (!cp_store_undo (store, &error))
        die ("undo", error);
    }

  g_print ("Supervision pack: %d people x %d goals (%d steps each), maps of %d, "
           "median of %d\n", BENCH_CASELOAD_PEOPLE, BENCH_CASELOAD_GOALS,
           BENCH_CASELOAD_STEPS, BENCH_CASELOAD_MEMBERS, N_RUNS);
  g_print ("  payload %zu kB, sealed %zu kB; reply %zu kB\n",
           g_bytes_get_size (payload) / 1024, g_bytes_get_size (sealed) / 1024,
           g_bytes_get_size (reply) / 1024);
  g_print ("  export: the extract (cp_store_build_pack_payload)  %7.1f ms\n",
           median (extract_ms));
  g_print ("  export: extract + sealed (Argon2id key)            %7.1f ms\n",
           median (export_ms));
  g_print ("  open: unsealed + opened as a store in memory       %7.1f ms\n",
           median (open_ms));
  g_print ("  import: the merge (cp_store_import_reply, %d rows) %7.1f ms\n",
           3 * BENCH_CASELOAD_PEOPLE, median (merge_ms));
  g_print ("  import: unsealed + merged                          %7.1f ms\n",
           median (import_ms));

  g_clear_object (&pack);
  g_clear_object (&store);
  cp_test_rm_rf (dir);

  return 0;
}
