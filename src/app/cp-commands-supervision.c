/* cp-commands-supervision.c: cpkit export-supervision, a supervision sheet without a display
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-commands"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "cp-commands-private.h"
#include "export/cp-export-supervision.h"
#include "store/cp-store.h"

/* cpkit export-supervision --workspace FILE (--person ID | --session ID) --output PATH
 *                          [--force]
 *
 * A person's sheet (their record number, as export-plan takes it) or a session's (its
 * ID, as the app shows it). --output is a file, or a folder to write the file into under
 * its own name (the case reference or the session's date: never a person's name). An
 * existing file is never replaced without --force. Goal Attainment Scaling comes from
 * the app's settings when they are installed. Each sheet is logged in the disclosure log
 * of everyone on it, so the workspace is opened for writing: while the app has it open,
 * make the sheet from there. Exit status 0 when written, 1 otherwise. */

#define COMMAND "export-supervision"

int
_cp_commands_export_supervision (int    argc,
                                 char **argv)
{
  g_autofree char *workspace = NULL;
  g_autofree char *session = NULL;
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(CpSupervisionSheet) sheet = NULL;
  gint64 person_id = 0;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace (default: your own)"), N_("FILE") },
    { "person", 'p', 0, G_OPTION_ARG_INT64, &person_id,
      N_("A person’s sheet: their number in the workspace"), N_("ID") },
    { "session", 's', 0, G_OPTION_ARG_STRING, &session,
      N_("A session’s sheet: the session’s ID"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, or a folder to write it into"), N_("PATH") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the file if it exists"), NULL },
    { NULL }
  };
  CpSupervisionSheetOptions options = { 0 };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write a supervision sheet as a PDF, pseudonymised "
                                           "(initials and case references): a person across "
                                           "their supervision sessions, or one session with "
                                           "everyone discussed at it. Exit status 0 when "
                                           "written, 1 otherwise."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cpkit " COMMAND ": %s\n", error->message);
      return 1;
    }
  if (argc > 1 || output == NULL || (person_id <= 0 && session == NULL))
    {
      g_printerr ("cpkit " COMMAND ": %s\n",
                  _("use --person ID or --session ID, and --output PATH"));
      return 1;
    }
  if (person_id > 0 && session != NULL)
    {
      g_printerr ("cpkit " COMMAND ": %s\n",
                  _("--person and --session make different sheets; give one of them"));
      return 1;
    }

  if (!(store = _cp_commands_open_store (COMMAND, workspace,
                                         _("the workspace is open in the app; make the sheet "
                                           "from there, or close it and try again"))))
    return 1;
  settings = _cp_commands_app_settings ();
  if (settings != NULL)
    options.goal_scaling = g_settings_get_boolean (settings, "goal-scaling");
  options.replace = force;

  if (session != NULL)
    sheet = cp_supervision_sheet_new_for_session (store, session, &options, &error);
  else
    sheet = cp_supervision_sheet_new_for_person (store, person_id, &options, &error);
  if (sheet == NULL)
    {
      if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND))
        g_printerr ("cpkit " COMMAND ": %s\n",
                    session != NULL ? _("no supervision session has that ID in this workspace")
                                    : _("no person has that number in this workspace"));
      else
        g_printerr ("cpkit " COMMAND ": %s\n", error->message);
      return 1;
    }

  if (!(path = _cp_commands_output_path (COMMAND, output,
                                         cp_supervision_sheet_get_file_name (sheet), force)))
    return 1;
  if (!cp_supervision_sheet_write (sheet, store, path, &error))
    {
      g_printerr ("cpkit " COMMAND ": %s\n", error->message);
      return 1;
    }
  g_print ("%s\n", path);
  return 0;
}
