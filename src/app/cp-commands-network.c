/* cp-commands-network.c: cpkit export-network and cpkit import-network
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
#include "export/cp-export-network.h"
#include "export/cp-import-network.h"
#include "store/cp-store-netmap.h"

static int
fail (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return 1;
}

/* Parses @argv with @entries; prints the problem and returns FALSE on a bad command line. */
static gboolean
parse (int                 argc,
       char              **argv,
       const GOptionEntry *entries,
       const char         *summary)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fail (error->message);
      return FALSE;
    }
  if (argc > 1)
    {
      fail (_("unexpected argument; see --help"));
      return FALSE;
    }
  return TRUE;
}

/* The workspace named, which must exist: a headless job never makes a new one. */
static char *
workspace_path (char *given)
{
  g_autofree char *path = given != NULL ? given : cp_store_dup_default_path ();

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("there is no workspace at %s"), path);

      fail (message);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static gboolean
person_id (gint64    given,
           CpStore  *store)
{
  if (given <= 0 || cp_store_find_person (store, given) == NULL)
    {
      fail (_("there is no person with that id in the workspace (see --person)"));
      return FALSE;
    }
  return TRUE;
}

int
_cp_commands_export_network (int    argc,
                             char **argv)
{
  g_autofree char *workspace = NULL;
  g_autofree char *format_word = NULL;
  g_autofree char *output = NULL;
  g_autofree char *to_whom = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) written = NULL;
  gint64 person = 0;
  gint64 snapshot = 0;
  gboolean identifiable = FALSE;
  gboolean hard_going = FALSE;
  CpNetworkExportOptions options = { 0 };
  int format;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace to read (default: your own)"), N_("FILE") },
    { "person", 'p', 0, G_OPTION_ARG_INT64, &person,
      N_("The person whose map to export, by their record number"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_word,
      N_("graphml, csv, png, svg or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write; for csv a folder, or a prefix for NAME-members.csv and "
         "NAME-ties.csv. An existing file is never replaced"), N_("PATH") },
    { "snapshot", 's', 0, G_OPTION_ARG_INT64, &snapshot,
      N_("Which of the person’s maps (default: the current one)"), N_("ID") },
    { "identifiable", 0, 0, G_OPTION_ARG_NONE, &identifiable,
      N_("Names instead of initials; recorded in the person’s disclosure log"), NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_whom,
      N_("Who the identifiable export is for, for the disclosure log"), N_("WHOM") },
    { "hard-going", 0, 0, G_OPTION_ARG_NONE, &hard_going,
      N_("Pictures: show the “hard going” marks, left out by default"), NULL },
    { NULL }
  };

  if (!parse (argc, argv, entries,
              _("Export a person’s network map as GraphML, CSV, PNG, SVG or PDF without "
                "changing the workspace (an identifiable export adds an entry to the "
                "person’s disclosure log). Members are shown by their initials unless "
                "--identifiable is given; notes and caution flags are never exported. "
                "Exit status 0 when the files were written, 1 otherwise.")))
    return 1;
  if (person == 0 || format_word == NULL || output == NULL)
    return fail (_("--person, --format and --output are needed; see --help"));
  if ((format = cp_network_format_from_string (format_word)) < 0)
    return fail (_("the format is graphml, csv, png, svg or pdf"));
  if (to_whom != NULL && !identifiable)
    return fail (_("--to goes with --identifiable: a pseudonymised export is not logged"));
  if (!(workspace = workspace_path (g_steal_pointer (&workspace))))
    return 1;

  /* Read-only, unless the disclosure log must be written. */
  store = cp_store_open (workspace,
                         identifiable ? CP_STORE_OPEN_NO_BACKUP : CP_STORE_OPEN_READ_ONLY,
                         &error);
  if (store == NULL)
    return fail (error->message);
  if (!person_id (person, store))
    return 1;

  options.format = format;
  options.identifiable = identifiable;
  options.hard_going = hard_going;
  options.to_whom = to_whom;
  if (!cp_network_export_write (store, person, snapshot, &options, output, &written, &error))
    return fail (error->message);

  if (format == CP_NETWORK_FORMAT_CSV)
    g_print (g_file_test (output, G_FILE_TEST_IS_DIR) ?
             _("%s is a folder: the two files went into it.\n") :
             _("%s is taken as the start of the two files’ names.\n"), output);
  for (guint i = 0; written[i] != NULL; i++)
    g_print ("%s\n", written[i]);
  if (identifiable)
    g_print ("%s\n", _("The export is recorded in the person’s disclosure log."));
  return 0;
}

int
_cp_commands_import_network (int    argc,
                             char **argv)
{
  g_autofree char *workspace = NULL;
  g_autofree char *input = NULL;
  g_autofree char *ties = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person = 0;
  gint64 snapshot;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace to import into (default: your own)"), N_("FILE") },
    { "person", 'p', 0, G_OPTION_ARG_INT64, &person,
      N_("The person the map is of, by their record number"), N_("ID") },
    { "input", 'i', 0, G_OPTION_ARG_FILENAME, &input,
      N_("A GraphML file, or a CSV members file (columns name, kind, sector, ring)"),
      N_("PATH") },
    { "ties", 't', 0, G_OPTION_ARG_FILENAME, &ties,
      N_("With a CSV members file: the ties file (columns source, target, strength)"),
      N_("PATH") },
    { NULL }
  };

  if (!parse (argc, argv, entries,
              _("Import a network map from GraphML or CSV as a new map of a person. The "
                "file is checked whole first: on any problem nothing is imported and the "
                "workspace is left exactly as it was. Prints the new map’s id; exit status "
                "0 when it was imported, 1 otherwise.")))
    return 1;
  if (person == 0 || input == NULL)
    return fail (_("--person and --input are needed; see --help"));
  if (!(workspace = workspace_path (g_steal_pointer (&workspace))))
    return 1;

  /* The whole file is read and checked before the workspace is opened for writing. */
  if (!(model = cp_network_import_read (input, ties, &error)))
    return fail (error->message);

  if (!(store = cp_store_open (workspace, CP_STORE_OPEN_DEFAULT, &error)))
    return fail (error->message);
  if (!person_id (person, store))
    return 1;
  if ((snapshot = cp_store_import_snapshot (store, person, model, NULL, NULL, &error)) == 0)
    return fail (error->message);
  g_print ("%" G_GINT64_FORMAT "\n", snapshot);
  return 0;
}
