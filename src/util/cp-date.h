/* cp-date.h: calendar dates as the store keeps them (YYYY-MM-DD) and as people read them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Today in local time, as YYYY-MM-DD. */
char      *cp_date_today        (void);
/* Parses YYYY-MM-DD; NULL when @iso is NULL or not a valid date. Free with g_date_time_unref. */
GDateTime *cp_date_parse        (const char *iso);
/* "3 December 2026"; NULL when @iso is not a date. */
char      *cp_date_format_long  (const char *iso);
/* YYYY-MM-DD of @dt */
char      *cp_date_to_iso       (GDateTime  *dt);

G_END_DECLS
