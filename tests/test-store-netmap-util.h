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
/* After an edit (since @before, netmap_fixture_dump): the rows changed, with one
 * ::changed naming @table and one undo step named @label; undo gives back @before
 * exactly, and redo what the edit made. */
void   netmap_fixture_assert_round_trip (NetmapFixture *f,
                                         const char    *label,
                                         const char    *table,
                                         const char    *before);
void   netmap_fixture_undo            (NetmapFixture  *f);
void   netmap_fixture_redo            (NetmapFixture  *f);

/* @call, an edit that returns non-zero (TRUE, an id, a new UUID), given `error` (a
 * GError **) to fill: it works, and is one undo step named @label touching @table. */
#define NETMAP_EDIT(f, label, table, call)                                 \
  G_STMT_START {                                                           \
    g_autofree char *edit_before = netmap_fixture_dump (f);                \
    g_autoptr(GError) edit_error = NULL;                                   \
    GError **error = &edit_error;                                          \
                                                                           \
    g_assert_true ((call) != 0);                                           \
    g_assert_no_error (edit_error);                                        \
    netmap_fixture_assert_round_trip ((f), (label), (table), edit_before); \
  } G_STMT_END

/* @call is refused with CONSTRAINT and a message holding @says; nothing changed. */
#define NETMAP_REFUSED(f, says, call)                                              \
  G_STMT_START {                                                                   \
    g_autofree char *refused_before = netmap_fixture_dump (f);                     \
    g_autoptr(GError) refused_error = NULL;                                        \
    GError **error = &refused_error;                                               \
                                                                                   \
    g_assert_true ((call) == 0);                                                   \
    netmap_fixture_assert_refused ((f), refused_error, refused_before, (says));    \
  } G_STMT_END

G_END_DECLS
