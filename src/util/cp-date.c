/* cp-date.c: calendar dates as the store keeps them (YYYY-MM-DD) and as people read them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-date"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-date.h"

/* Fills @y, @m, @d from a strict YYYY-MM-DD; FALSE for anything else. */
static gboolean
split_iso (const char *iso,
           guint      *y,
           guint      *m,
           guint      *d)
{
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
        return FALSE;
    }

  *y = (guint) g_ascii_strtoull (iso, NULL, 10);
  *m = (guint) g_ascii_strtoull (iso + 5, NULL, 10);
  *d = (guint) g_ascii_strtoull (iso + 8, NULL, 10);

  return *y >= 1 && g_date_valid_dmy ((GDateDay) *d, (GDateMonth) *m, (GDateYear) *y);
}

gboolean
cp_date_is_valid (const char *iso)
{
  guint y, m, d;

  return split_iso (iso, &y, &m, &d);
}

char *
cp_date_to_iso (GDateTime *dt)
{
  int y, m, d;

  g_return_val_if_fail (dt != NULL, NULL);

  /* Not g_date_time_format's %Y, which gives "1" for the year 0001. */
  g_date_time_get_ymd (dt, &y, &m, &d);

  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* "Today" for tests (cp_date_set_today_for_testing, CPKIT_TODAY); NULL: the clock. Worker
 * threads ask for today too (backups), hence the lock. */
static GMutex fixed_today_lock;
static char *fixed_today;
static gboolean fixed_today_env_read;

static char *
dup_fixed_today (void)
{
  char *copy;

  g_mutex_lock (&fixed_today_lock);
  if (!fixed_today_env_read)
    {
      const char *env = g_getenv ("CPKIT_TODAY");

      fixed_today_env_read = TRUE;
      if (env != NULL && cp_date_is_valid (env))
        fixed_today = g_strdup (env);
      else if (env != NULL && *env != '\0')
        g_message ("CPKIT_TODAY is not a date (YYYY-MM-DD); the clock's date is used");
    }
  copy = g_strdup (fixed_today);
  g_mutex_unlock (&fixed_today_lock);

  return copy;
}

void
cp_date_set_today_for_testing (const char *iso)
{
  g_return_if_fail (iso == NULL || cp_date_is_valid (iso));

  g_mutex_lock (&fixed_today_lock);
  fixed_today_env_read = TRUE;
  g_free (fixed_today);
  fixed_today = g_strdup (iso);
  g_mutex_unlock (&fixed_today_lock);
}

char *
cp_date_add_days (const char *iso,
                  int         days)
{
  GDate date;
  guint y, m, d;

  if (!split_iso (iso, &y, &m, &d))
    return NULL;

  /* A calendar sum, so no time zone or daylight saving change can shift it. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -(gint64) days);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* The local time zone. GLib 2.74 reads /etc/localtime again at every
 * g_time_zone_new_local () when TZ is not set, and a list asks for today once a row:
 * the zone is kept for a second, so a change of zone is still seen. */
static GMutex local_zone_lock;
static GTimeZone *local_zone;
static gint64 local_zone_read_at;

static GTimeZone *
dup_local_zone (void)
{
  gint64 now = g_get_monotonic_time ();
  GTimeZone *zone;

  g_mutex_lock (&local_zone_lock);
  if (local_zone == NULL || now - local_zone_read_at >= G_USEC_PER_SEC)
    {
      g_clear_pointer (&local_zone, g_time_zone_unref);
      local_zone = g_time_zone_new_local ();
      local_zone_read_at = now;
    }
  zone = g_time_zone_ref (local_zone);
  g_mutex_unlock (&local_zone_lock);

  return zone;
}

char *
cp_date_from_today (int offset_days)
{
  g_autofree char *fixed = dup_fixed_today ();
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) then = NULL;

  if (fixed != NULL)
    return cp_date_add_days (fixed, offset_days);

  zone = dup_local_zone ();
  now = g_date_time_new_now (zone);
  then = g_date_time_add_days (now, offset_days);

  return cp_date_to_iso (then);
}

char *
cp_date_today (void)
{
  return cp_date_from_today (0);
}

GDateTime *
cp_date_parse (const char *iso)
{
  guint y, m, d;

  if (!split_iso (iso, &y, &m, &d))
    return NULL;

  return g_date_time_new_local ((int) y, (int) m, (int) d, 0, 0, 0);
}

char *
cp_date_format_long (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  guint y, m, d;

  /* A calendar date names the same day in every zone: UTC, which needs no look-up of
   * the local zone (see dup_local_zone ()). */
  if (!split_iso (iso, &y, &m, &d))
    return NULL;
  dt = g_date_time_new_utc ((int) y, (int) m, (int) d, 0, 0, 0);

  /* Translators: how a date is written for people to read, as a g_date_time_format ()
   * pattern: %-d is the day without a leading zero, %B the month's name, %Y the year.
   * Reorder for your language, e.g. "%B %-d, %Y".
   * xgettext:no-c-format */
  return g_date_time_format (dt, C_("long date", "%-d %B %Y"));
}
