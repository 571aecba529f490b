/* test-store-netmap-util.h: the workspace the map store tests share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-test-util.h"

G_BEGIN_DECLS

/* "Today" in these tests (cp_date_set_today_for_testing) */
#define NETMAP_TODAY "2026-03-01"

/* A fresh workspace with one person, "Robin", and today fixed. Counts CpStore::changed
 * and keeps the tables it named last. */
typedef struct
{
  char       *dir;
  CpStore    *store;
  gint64      person;
  guint       n_changed;
  GStrv       last_tables;
  /* what netmap_fixture_dump () saw, for netmap_fixture_assert_refused () */
  guint       dump_n_changed;
  char       *dump_undo_label;
} NetmapFixture;

#define NETMAP_TEST_ADD(path, func) \
  g_test_add ((path), NetmapFixture, NULL, netmap_fixture_set_up, (func), \
              netmap_fixture_tear_down)

void   netmap_fixture_set_up          (NetmapFixture  *f,
                                       gconstpointer   data);
void   netmap_fixture_tear_down       (NetmapFixture  *f,
                                       gconstpointer   data);
/* Every row of the workspace, as text (cp_test_db_dump), remembering the undo label and
 * the ::changed count of the moment. */
char  *netmap_fixture_dump            (NetmapFixture  *f);
/* The last ::changed named @table. */
void   netmap_fixture_assert_changed  (NetmapFixture  *f,
                                       const char     *table);
/* @error is CONSTRAINT with a message for people (holding @says, no SQL), and since
 * @before (netmap_fixture_dump) nothing changed: no row, no undo step, no ::changed. */
void   netmap_fixture_assert_refused  (NetmapFixture  *f,
                                       const GError   *error,
                                       const char     *before,
                                       const char     *says);
void   netmap_fixture_undo            (NetmapFixture  *f);
void   netmap_fixture_redo            (NetmapFixture  *f);

G_END_DECLS
