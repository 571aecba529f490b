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
/* Today in local time, as YYYY-MM-DD. */
char      *cp_date_today        (void);
/* The local date @offset_days from today (negative: before), as YYYY-MM-DD. */
char      *cp_date_from_today   (int         offset_days);
/* Parses YYYY-MM-DD (cp_date_is_valid); NULL when @iso is NULL or not a valid date.
 * Free with g_date_time_unref. */
GDateTime *cp_date_parse        (const char *iso);
/* "3 December 2026" in the user's language; NULL when @iso is not a date. */
char      *cp_date_format_long  (const char *iso);
/* YYYY-MM-DD of @dt */
char      *cp_date_to_iso       (GDateTime  *dt);

G_END_DECLS
