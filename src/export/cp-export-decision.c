/* cp-export-decision.c: a supervision decision as plain text, for the case record
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <glib/gi18n.h>

#include "cp-export-decision.h"
#include "cp-export-plan-private.h"
#include "store/cp-store-supervision.h"

/* Who was there, one role a line as stored, as one line: "team manager, practitioner". */
static char *
attended_words (const char *attended)
{
  g_auto(GStrv) lines = g_strsplit (attended != NULL ? attended : "", "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, lines[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
write_action (GString                   *out,
              const CpSupervisionAction *action)
{
  g_autofree char *due = _cp_plan_date (action->due_on);
  g_autofree char *done = _cp_plan_date (action->done_on);

  g_string_append_printf (out, "- %s — %s", action->text, action->owner);
  if (done != NULL)
    /* Translators: an action of a supervision decision was done on this day */
    g_string_append_printf (out, _(", done on %s"), done);
  else if (due != NULL)
    /* Translators: an action of a supervision decision is due by this day */
    g_string_append_printf (out, _(", by %s"), due);
  g_string_append_c (out, '\n');
}

char *
cp_export_decision_text (CpStore     *store,
                         const char  *session_uuid,
                         gint64       person_id,
                         GError     **error)
{
  g_autoptr(CpSupervisionSession) session = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *held_on = NULL;
  g_autofree char *attended = NULL;
  const CpSupervisionDiscussed *discussed;
  CpPerson *person;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (session_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(session = cp_store_get_supervision_session (store, session_uuid, error)))
    return NULL;
  person = cp_store_find_person (store, person_id);
  discussed = cp_supervision_session_find (session, person_id);
  if (person == NULL || discussed == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("That person’s plan was not discussed at this session."));
      return NULL;
    }

  out = g_string_new (NULL);
  first_name = _cp_plan_first_name (person);
  held_on = _cp_plan_date (session->held_on);
  attended = attended_words (session->attended);
  g_string_append_printf (out, "%s\n", _("Supervision decision · from Connecting People Kit"));
  g_string_append_printf (out, "%s %s\n", _("About:"), first_name);
  if (*attended != '\0')
    /* Translators: the day of a supervision session, and who was there */
    g_string_append_printf (out, _("Session: %s, with %s\n\n"), held_on, attended);
  else
    g_string_append_printf (out, _("Session: %s\n\n"), held_on);

  if (discussed->signoff != NULL)
    {
      g_autofree char *signed_on = _cp_plan_date (discussed->signoff->signed_on);

      /* Translators: the sign-off: the day, the supervisor's name and their role */
      g_string_append_printf (out, _("Plan reviewed in supervision on %s by %s, %s.\n\n"),
                              signed_on, discussed->signoff->name, discussed->signoff->role);
    }
  else
    g_string_append_printf (out, "%s\n\n", _("The plan is not signed off yet."));

  g_string_append_printf (out, "%s\n", _("Agreed actions"));
  for (guint i = 0; i < discussed->actions->len; i++)
    write_action (out, g_ptr_array_index (discussed->actions, i));
  if (discussed->actions->len == 0)
    g_string_append_printf (out, "- %s\n", _("None agreed."));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
