/* test-netmap-io-util.c: the map the export and import tests write and read back
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-io"

#include <string.h>

#include "test-netmap-io-util.h"
#include "export/cp-export-network.h"
#include "store/cp-store-netmap.h"
#include "util/cp-date.h"

#define NR CP_NETMAP_NOT_RECORDED
#define NO_DIR CP_NETMAP_DIRECTION_NOT_RECORDED

/* Names a spreadsheet would read as formulas, a name without letters, accents, a name
 * in brackets, a member who died, one with details recorded. */
const NetmapIoMember netmap_io_members[] = {
  { "Alexandra Quinn", "AQ", CP_NETMAP_KIND_PERSON, CP_NETMAP_SECTOR_FAMILY, 1,
    TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, 4, 2,
    CP_NETMAP_SUPPORT_EMOTIONAL | CP_NETMAP_SUPPORT_PRACTICAL, CP_NETMAP_DIRECTION_BOTH, 0 },
  { "Bartholomew (neighbour)", "B", CP_NETMAP_KIND_PERSON, CP_NETMAP_SECTOR_NEIGHBOURS, 2,
    FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, NR, NR, 0, NO_DIR, NR },
  { "=SUM(A1:A9)", "S", CP_NETMAP_KIND_ACTIVITY, CP_NETMAP_SECTOR_GROUPS, 3,
    FALSE, FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, NR, NR, 0, NO_DIR, NR },
  { "-Zed Hollingsworth", "ZH", CP_NETMAP_KIND_PERSON, CP_NETMAP_SECTOR_FRIENDS, 2,
    FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, 1, NR, 0, NO_DIR, NR },
  { "@Clarissa", "C", CP_NETMAP_KIND_PERSON, CP_NETMAP_SECTOR_WORK, 3,
    FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, NR, 0, 0, NO_DIR, NR },
  { "+44 Club", "4C", CP_NETMAP_KIND_PLACE, CP_NETMAP_SECTOR_GROUPS, 4,
    FALSE, FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, NR, NR, 0, NO_DIR, NR },
  { "12345", "P1", CP_NETMAP_KIND_PLACE, CP_NETMAP_SECTOR_SERVICES, 3,
    FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, NR, NR, 0, NO_DIR, NR },
  { "Dr Evangeline Moss", "DEM", CP_NETMAP_KIND_PERSON, CP_NETMAP_SECTOR_SERVICES, 2,
    TRUE, FALSE, FALSE, TRUE, FALSE, FALSE, TRUE, 2, 1, CP_NETMAP_SUPPORT_INFORMATION,
    CP_NETMAP_DIRECTION_FROM_THEM, 1 },
  { "Gran Philippa", "GP", CP_NETMAP_KIND_PERSON, CP_NETMAP_SECTOR_FAMILY, 4,
    FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, FALSE, NR, NR, 0, NO_DIR, NR },
  { "\xc3\x96" "d\xc3\xb6n \xc3\x9cnal", "\xc3\x96\xc3\x9c", CP_NETMAP_KIND_PERSON,
    CP_NETMAP_SECTOR_FRIENDS, 1,
    FALSE, FALSE, FALSE, FALSE, TRUE, FALSE, FALSE, NR, NR, CP_NETMAP_SUPPORT_COMPANY,
    CP_NETMAP_DIRECTION_TO_THEM, NR },
};
const guint netmap_io_n_members = G_N_ELEMENTS (netmap_io_members);

const NetmapIoTie netmap_io_ties[] = {
  { 0, 1, CP_NETMAP_TIE_STRONG },
  { 0, 7, CP_NETMAP_TIE_WEAK },
  { 1, 3, CP_NETMAP_TIE_STRESSFUL },
  { 2, 4, CP_NETMAP_TIE_STRONG },
  { 8, 9, CP_NETMAP_TIE_WEAK },
};
const guint netmap_io_n_ties = G_N_ELEMENTS (netmap_io_ties);

const char * const netmap_io_name_words[] = {
  "Robin", "Marsh", "Taylor", "Alexandra", "Quinn", "Bartholomew", "SUM(",
  "Hollingsworth", "Clarissa", "Club", "12345", "Evangeline", "Moss", "Gran", "Philippa",
  "\xc3\x96" "d\xc3\xb6n", "\xc3\x9cnal", "Fenwick", "Secret", NULL,
};

gint64
netmap_io_fill (CpStore     *store,
                const char  *case_ref,
                gint64      *out_snapshot)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (netmap_io_members)];
  gint64 person;
  gint64 snapshot;

  cp_date_set_today_for_testing (NETMAP_IO_TODAY);
  person = cp_test_add_person (store, NETMAP_IO_PERSON);
  if (case_ref != NULL)
    g_assert_true (cp_store_set_person_case_ref (store, person, case_ref, &error));
  snapshot = cp_store_start_map (store, person, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < netmap_io_n_members; i++)
    {
      const NetmapIoMember *m = &netmap_io_members[i];

      ids[i] = cp_store_add_member (store, snapshot, m->kind, m->name, m->sector, m->ring,
                                    &error);
      g_assert_no_error (error);
      if (m->helps_me || m->hard_going || m->want_more)
        g_assert_true (cp_store_set_member_chips (store, ids[i], m->helps_me, m->hard_going,
                                                  m->want_more, &error));
      if (m->frequency >= 0 || m->years_known >= 0 || m->support != 0 ||
          m->direction != NO_DIR || m->paid >= 0)
        g_assert_true (cp_store_set_member_details (store, ids[i], m->frequency,
                                                    m->years_known, m->support, m->direction,
                                                    m->paid, &error));
      if (m->met_through_us)
        g_assert_true (cp_store_set_member_mark (store, ids[i], CP_MEMBER_MARK_MET_THROUGH_US,
                                                 TRUE, &error));
      if (m->mostly_online)
        g_assert_true (cp_store_set_member_mark (store, ids[i], CP_MEMBER_MARK_MOSTLY_ONLINE,
                                                 TRUE, &error));
      if (m->died)
        g_assert_true (cp_store_set_member_mark (store, ids[i], CP_MEMBER_MARK_DIED, TRUE,
                                                 &error));
      if (m->caution)
        {
          g_assert_true (cp_store_set_member_mark (store, ids[i], CP_MEMBER_MARK_CAUTION, TRUE,
                                                   &error));
          g_assert_true (cp_store_set_member_notes (store, ids[i], NETMAP_IO_NOTE, &error));
        }
      g_assert_no_error (error);
    }
  for (guint i = 0; i < netmap_io_n_ties; i++)
    {
      g_assert_true (cp_store_set_tie (store, ids[netmap_io_ties[i].a], ids[netmap_io_ties[i].b],
                                       netmap_io_ties[i].strength, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cp_store_set_snapshot_notes (store, snapshot, NETMAP_IO_NOTE, &error));
  if (out_snapshot != NULL)
    *out_snapshot = snapshot;
  return person;
}

static const CpNetmapMember *
find_by_name (CpNetmapModel *model,
              const char    *name)
{
  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (strcmp (m->name, name) == 0)
        return m;
    }
  g_error ("no member “%s” on the map", name);
  return NULL;
}

void
netmap_io_assert_same (CpNetmapModel *model)
{
  g_assert_cmpuint (cp_netmap_model_get_n_members (model), ==, netmap_io_n_members);
  g_assert_cmpuint (cp_netmap_model_get_n_ties (model), ==, netmap_io_n_ties);
  for (guint i = 0; i < netmap_io_n_members; i++)
    {
      const NetmapIoMember *want = &netmap_io_members[i];
      const CpNetmapMember *m = find_by_name (model, want->name);

      g_assert_cmpint (m->kind, ==, want->kind);
      g_assert_cmpint (m->sector, ==, want->sector);
      g_assert_cmpint (m->ring, ==, want->ring);
      g_assert_cmpint (m->helps_me, ==, want->helps_me);
      g_assert_cmpint (m->hard_going, ==, want->hard_going);
      g_assert_cmpint (m->want_more, ==, want->want_more);
      g_assert_cmpint (m->met_through_us, ==, want->met_through_us);
      g_assert_cmpint (m->mostly_online, ==, want->mostly_online);
      g_assert_cmpint (m->died, ==, want->died);
      g_assert_false (m->caution);
      g_assert_cmpint (m->frequency, ==, want->frequency);
      g_assert_cmpint (m->years_known, ==, want->years_known);
      g_assert_cmpint (m->support, ==, want->support);
      g_assert_cmpint (m->direction, ==, want->direction);
      g_assert_cmpint (m->paid, ==, want->paid);
      g_assert_cmpstr (m->added_on, ==, NETMAP_IO_TODAY);
    }
  for (guint i = 0; i < netmap_io_n_ties; i++)
    {
      const CpNetmapMember *a = find_by_name (model, netmap_io_members[netmap_io_ties[i].a].name);
      const CpNetmapMember *b = find_by_name (model, netmap_io_members[netmap_io_ties[i].b].name);
      const CpNetmapTie *t = cp_netmap_model_find_tie (model, a->lineage, b->lineage);

      g_assert_nonnull (t);
      g_assert_cmpint (t->strength, ==, netmap_io_ties[i].strength);
    }
}

GStrv
netmap_io_export (CpStore    *store,
                  gint64      person,
                  int         format,
                  gboolean    identifiable,
                  const char *dir,
                  const char *name)
{
  CpNetworkExportOptions options = { .format = format, .identifiable = identifiable };
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GStrv paths = NULL;

  g_assert_true (cp_network_export_write (store, person, 0, &options, path, &paths, &error));
  g_assert_no_error (error);
  return paths;
}

char *
netmap_io_pdf_text (const char *path)
{
  PopplerDocument *doc = cp_test_poppler_open (path);
  GString *out = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (out, text);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (out, FALSE);
}
