/* cp-date.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cp-date.h"

char *
cp_date_to_iso (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);
  return g_date_time_format (dt, "%Y-%m-%d");
}

char *
cp_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return cp_date_to_iso (now);
}

GDateTime *
cp_date_parse (const char *iso)
{
  int y, m, d;
  char tail;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

char *
cp_date_format_long (const char *iso)
{
  g_autoptr(GDateTime) dt = cp_date_parse (iso);

  if (dt == NULL)
    return NULL;
  /* Translators: how a date is written for people to read, "3 December 2026", in the
   * codes of g_date_time_format().
   * xgettext:no-c-format */
  return g_date_time_format (dt, C_("long date", "%-d %B %Y"));
}
