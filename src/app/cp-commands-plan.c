/* cp-commands-plan.c: cpkit export-plan, a person's plan as a PDF without a display
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
#include "export/cp-export-plan.h"
#include "store/cp-store.h"

/* cpkit export-plan --workspace FILE --person ID --copy person|practitioner
 *                   --format pdf --output PATH [--force] [--easy-read] [--large-print]
 *                   [--discreet] [--include-scores] [--team-phone NUMBER]
 *
 * --output is a file, or a folder to write the file into under its case-reference name
 * (never a person's name). An existing file is never replaced without --force. The
 * person's copy follows the person's recorded format (large print, easy read) and the
 * switches add to it. The team's number and Goal Attainment Scaling come from the
 * app's settings when they are installed; --team-phone overrides. Each copy is logged in
 * the person's disclosure log, so the workspace is opened for writing: while the app
 * has it open, export from the app instead. */

int
_cp_commands_export_plan (int    argc,
                          char **argv)
{
  g_autofree char *workspace = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *team_phone = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *settings_phone = NULL;
  gint64 person_id = 0;
  gboolean force = FALSE;
  gboolean easy_read = FALSE;
  gboolean large_print = FALSE;
  gboolean discreet = FALSE;
  gboolean include_scores = FALSE;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace (default: your own)"), N_("FILE") },
    { "person", 'p', 0, G_OPTION_ARG_INT64, &person_id,
      N_("The person’s number in the workspace"), N_("ID") },
    { "copy", 'c', 0, G_OPTION_ARG_STRING, &copy,
      N_("Whose copy: person or practitioner"), N_("COPY") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("The file format: pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, or a folder to write it into"), N_("PATH") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the file if it exists"), NULL },
    { "easy-read", 0, 0, G_OPTION_ARG_NONE, &easy_read,
      N_("The person’s copy in easy read"), NULL },
    { "large-print", 0, 0, G_OPTION_ARG_NONE, &large_print,
      N_("The person’s copy in large print"), NULL },
    { "discreet", 0, 0, G_OPTION_ARG_NONE, &discreet,
      N_("The person’s copy without the mental health team heading"), NULL },
    { "include-scores", 0, 0, G_OPTION_ARG_NONE, &include_scores,
      N_("Put the latest ratings on the person’s copy"), NULL },
    { "team-phone", 0, 0, G_OPTION_ARG_STRING, &team_phone,
      N_("The team’s phone number (default: from Preferences)"), N_("NUMBER") },
    { NULL }
  };
  CpPlanExportOptions options;
  CpPlanCopy which;
  CpPerson *person;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write a person’s plan as a PDF: their own copy or "
                                           "the practitioner’s. Exit status 0 when written, "
                                           "1 otherwise."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cpkit export-plan: %s\n", error->message);
      return 1;
    }
  if (argc > 1 || person_id <= 0 || output == NULL)
    {
      g_printerr ("cpkit export-plan: %s\n",
                  _("use --person ID --copy person|practitioner --output PATH"));
      return 1;
    }
  if (format != NULL && g_ascii_strcasecmp (format, "pdf") != 0)
    {
      g_printerr ("cpkit export-plan: %s\n", _("the only format is pdf"));
      return 1;
    }
  if (g_strcmp0 (copy, "person") == 0)
    which = CP_PLAN_COPY_PERSON;
  else if (g_strcmp0 (copy, "practitioner") == 0)
    which = CP_PLAN_COPY_PRACTITIONER;
  else
    {
      g_printerr ("cpkit export-plan: %s\n", _("--copy is person or practitioner"));
      return 1;
    }
  if (!(store = _cp_commands_open_store ("export-plan", workspace,
                                         _("the workspace is open in the app; export the plan "
                                           "from there, or close it and try again"))))
    return 1;
  if ((person = cp_store_find_person (store, person_id)) == NULL)
    {
      g_printerr ("cpkit export-plan: %s\n", _("no person has that number in this workspace"));
      return 1;
    }

  /* a folder: the file takes the case-reference name */
  name = cp_export_plan_file_name (person, which);
  if (!(path = _cp_commands_output_path ("export-plan", output, name, force)))
    return 1;

  cp_plan_export_options_init (&options, which, person);
  options.easy_read |= easy_read;
  options.large_print |= large_print;
  options.discreet = discreet;
  options.include_scores = include_scores;
  options.replace = force;
  settings = _cp_commands_app_settings ();
  if (settings != NULL)
    {
      options.goal_scaling = g_settings_get_boolean (settings, "goal-scaling");
      settings_phone = g_settings_get_string (settings, "team-phone");
    }
  options.team_phone = team_phone != NULL ? team_phone : settings_phone;

  if (!cp_export_plan_pdf (store, person_id, &options, path, &error))
    {
      g_printerr ("cpkit export-plan: %s\n", error->message);
      return 1;
    }
  g_print ("%s\n", path);
  return 0;
}
