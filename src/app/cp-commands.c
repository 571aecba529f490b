/* cp-commands.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-commands"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "cp-commands.h"
#include "cp-commands-private.h"
#include "store/cp-store.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static int
check_command (int    argc,
               char **argv)
{
  g_autofree char *workspace = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace to check (default: your own)"), N_("FILE") },
    { NULL }
  };
  gboolean ok;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Check a workspace’s integrity and schema version "
                                           "without changing it. Exit status 0 when all is "
                                           "well, 1 otherwise."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cpkit check: %s\n", error->message);
      return 1;
    }
  if (argc > 1)
    {
      g_printerr ("cpkit check: %s\n", _("unexpected argument; use --workspace FILE"));
      return 1;
    }
  if (workspace == NULL)
    workspace = cp_store_dup_default_path ();

  ok = cp_store_check_file (workspace, report, &error);
  g_print ("%s", report->str);
  if (report->len > 0 && report->str[report->len - 1] != '\n')
    g_print ("\n");
  if (!ok)
    {
      if (error != NULL)
        g_printerr ("cpkit check: %s\n", error->message);
      return 1;
    }
  return 0;
}

GSettings *
_cp_commands_app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;
  return g_settings_new (APP_ID);
}

CpStore *
_cp_commands_open_store (const char *command,
                         const char *workspace,
                         const char *when_locked)
{
  g_autofree char *path = workspace != NULL ? g_strdup (workspace)
                                            : cp_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  CpStore *store;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("cpkit %s: %s\n", command, _("there is no workspace at that path"));
      return NULL;
    }
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    {
      if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED))
        g_printerr ("cpkit %s: %s\n", command, when_locked);
      else
        g_printerr ("cpkit %s: %s\n", command, error->message);
    }
  return store;
}

char *
_cp_commands_output_path (const char *command,
                          const char *output,
                          const char *name,
                          gboolean    force)
{
  g_autofree char *path = NULL;

  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    path = g_build_filename (output, name, NULL);
  else
    path = g_strdup (output);
  if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("cpkit %s: %s: %s\n", command, path,
                  _("the file exists already; use --force to replace it"));
      return NULL;
    }
  return g_steal_pointer (&path);
}

static const Command commands[] = {
  { "check", N_("check a workspace’s integrity and schema version"), check_command },
  { "export-network", N_("export a person’s network map as GraphML, CSV, PNG, SVG or PDF"),
    _cp_commands_export_network },
  { "import-network", N_("import a network map from GraphML or CSV as a new map"),
    _cp_commands_import_network },
  { "export-plan", N_("write a person’s plan as a PDF"), _cp_commands_export_plan },
  { "export-supervision", N_("write a supervision sheet, for a person or a session, as a PDF"),
    _cp_commands_export_supervision },
};

gboolean
cp_commands_handles (int    argc,
                     char **argv)
{
  if (argc < 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

int
cp_commands_run (int    argc,
                 char **argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("cpkit %s", commands[i].name);

          g_set_prgname (prgname);
          /* Drop the program name so the subcommand parses its own options. */
          return commands[i].run (argc - 1, argv + 1);
        }
    }
  return 2;
}
