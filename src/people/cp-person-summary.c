/* cp-person-summary.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-person-summary"

#include <glib/gi18n.h>

#include "cp-person-summary.h"
#include "util/cp-date.h"

static const char *
pause_reason_label (CpPauseReason reason)
{
  switch (reason)
    {
    case CP_PAUSE_REASON_HOSPITAL:
      return _("Paused — in hospital");
    case CP_PAUSE_REASON_CRISIS:
      return _("Paused — crisis");
    case CP_PAUSE_REASON_CHOICE:
      return _("Paused — their choice");
    case CP_PAUSE_REASON_NONE:
    default:
      return _("Paused");
    }
}

char *
cp_person_dup_summary (CpPerson   *person,
                       const char *today)
{
  g_autofree char *review = NULL;

  g_return_val_if_fail (CP_IS_PERSON (person), NULL);

  switch (cp_person_get_status (person))
    {
    case CP_PERSON_STATUS_PAUSED:
      return g_strdup (pause_reason_label (cp_person_get_pause_reason (person)));

    case CP_PERSON_STATUS_CLOSED:
      {
        g_autofree char *closed = cp_date_format_long (cp_person_get_closed_on (person));

        return closed ? g_strdup_printf (_("Closed on %s"), closed) : g_strdup (_("Closed"));
      }

    case CP_PERSON_STATUS_ACTIVE:
    default:
      break;
    }

  review = cp_date_format_long (cp_person_get_next_review (person));
  if (review == NULL)
    return g_strdup (_("No review date"));
  if (cp_person_is_overdue (person, today))
    return g_strdup_printf (_("Review overdue since %s"), review);
  return g_strdup_printf (_("Next review %s"), review);
}
