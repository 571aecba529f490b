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

const char *
cp_pause_reason_words (CpPauseReason reason)
{
  switch (reason)
    {
    case CP_PAUSE_REASON_HOSPITAL:
      return _("in hospital");
    case CP_PAUSE_REASON_CRISIS:
      return _("crisis");
    case CP_PAUSE_REASON_CHOICE:
      return _("their choice");
    case CP_PAUSE_REASON_NONE:
    default:
      return NULL;
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
      {
        const char *reason = cp_pause_reason_words (cp_person_get_pause_reason (person));

        /* Translators: "Paused — in hospital" */
        return reason ? g_strdup_printf (_("Paused — %s"), reason) : g_strdup (_("Paused"));
      }

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

char *
cp_person_dup_check_in (CpPerson   *person,
                        const char *today)
{
  g_autofree char *check_in = NULL;

  g_return_val_if_fail (CP_IS_PERSON (person), NULL);

  if (cp_person_get_status (person) != CP_PERSON_STATUS_PAUSED)
    return NULL;
  check_in = cp_date_format_long (cp_person_get_check_in_on (person));
  if (check_in == NULL)
    return g_strdup (_("No check-in date"));
  if (cp_person_is_check_in_due (person, today))
    return g_strdup_printf (_("Check-in was due %s"), check_in);
  return g_strdup_printf (_("Check-in %s"), check_in);
}

gboolean
cp_person_needs_attention (CpPerson   *person,
                           const char *today)
{
  g_return_val_if_fail (CP_IS_PERSON (person), FALSE);

  switch (cp_person_get_review_due (person, today))
    {
    case CP_REVIEW_DUE_OVERDUE:
    case CP_REVIEW_DUE_CHECK_IN_MISSING:
    case CP_REVIEW_DUE_CHECK_IN_PASSED:
      return TRUE;
    case CP_REVIEW_DUE_NONE:
    case CP_REVIEW_DUE_ON_TIME:
    case CP_REVIEW_DUE_PAUSED:
    default:
      return FALSE;
    }
}
