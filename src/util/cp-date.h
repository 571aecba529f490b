/* cp-date.h: calendar dates as the store keeps them (YYYY-MM-DD) and as people read them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @iso is exactly YYYY-MM-DD (ten characters, digits and two hyphens, nothing
 * before or after) and a real calendar date: the rule the workspace's schema holds every
 * date to (date(x) IS x). "2026-1-5", "2026-02-30" and " 2026-01-05" are refused (and
 * year 0000, which the schema would take: GLib's calendar starts at year 1). The
 * store and the UI both check dates with this one function. */
gboolean   cp_date_is_valid     (const char *iso);
/* Today in local time, as YYYY-MM-DD. Every part of the app that needs today (the
 * store's new members and maps, closing, overdue reviews, backups, the UI) asks here, so
 * one setting moves them all: cp_date_set_today_for_testing (), or else the environment
 * variable CPKIT_TODAY=YYYY-MM-DD, read once (for tests that run the app or a headless
 * command in a child process). Both are for tests; neither is a user setting. */
char      *cp_date_today        (void);
/* The local date @offset_days from today (negative: before), as YYYY-MM-DD. */
char      *cp_date_from_today   (int         offset_days);
/* The date @days days after @iso (before, for a negative @days), as YYYY-MM-DD: a
 * calendar sum (2028-02-22 + 7 is 2028-02-29; 2026-01-31 + 1 is 2026-02-01), never shifted
 * by a time zone or a daylight saving change. NULL when @iso is not a valid date. */
char      *cp_date_add_days     (const char *iso,
                                 int         days);
/* Makes "today" @iso (YYYY-MM-DD, a valid date) for the whole process, until set again;
 * NULL goes back to the real clock (and CPKIT_TODAY is no longer read). */
void       cp_date_set_today_for_testing (const char *iso);
/* Parses YYYY-MM-DD (cp_date_is_valid); NULL when @iso is NULL or not a valid date.
 * Free with g_date_time_unref. */
GDateTime *cp_date_parse        (const char *iso);
/* "3 December 2026" in the user's language; NULL when @iso is not a date. */
char      *cp_date_format_long  (const char *iso);
/* YYYY-MM-DD of @dt */
char      *cp_date_to_iso       (GDateTime  *dt);

G_END_DECLS
