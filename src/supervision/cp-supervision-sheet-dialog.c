/* cp-supervision-sheet-dialog.c: "Supervision Sheet…": where to save one, then saving it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision-sheet"

#include <glib/gi18n.h>

#include "cp-supervision-sheet-dialog.h"
#include "export/cp-export-supervision.h"
#include "store/cp-store-supervision.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-export-job.h"
#include "ui/cp-toaster.h"

/* Which sheet, waiting for its file. */
typedef struct
{
  CpStore  *store;
  gint64    person_id;
  char     *session_uuid;   /* a session's sheet; NULL: the person's */
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_object_unref (request->store);
  g_free (request->session_uuid);
  g_free (request);
}

static const CpExportJobFuncs sheet_job = {
  .stage = (gboolean (*) (gpointer, const char *, GError **)) cp_supervision_sheet_stage,
  .publish = (gboolean (*) (gpointer, CpStore *, GError **)) cp_supervision_sheet_publish,
  .free = (GDestroyNotify) cp_supervision_sheet_free,
};

void
cp_supervision_sheet_save_to (GtkWidget  *from,
                              CpStore    *store,
                              gint64      person_id,
                              const char *session_uuid,
                              GFile      *file)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  CpSupervisionSheetOptions options = { 0 };
  CpSupervisionSheet *sheet;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (CP_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  options.goal_scaling = g_settings_get_boolean (settings, "goal-scaling");
  /* An existing name was already asked about ("Replace?") by the chooser. */
  options.replace = cp_file_dialog_replace_confirmed (file);
  /* Read now, on this thread, as it stands when the file was chosen. */
  if (session_uuid != NULL)
    sheet = cp_supervision_sheet_new_for_session (store, session_uuid, &options, &error);
  else
    sheet = cp_supervision_sheet_new_for_person (store, person_id, &options, &error);
  if (sheet == NULL)
    {
      cp_toaster_report_error (from, error);
      return;
    }
  cp_export_job_run (from, store, sheet, &sheet_job, file,
                     _("Writing the supervision sheet…"));
}

static void
file_chosen_cb (gpointer  owner,
                GFile    *file,
                gpointer  user_data)
{
  Request *request = user_data;

  cp_supervision_sheet_save_to (GTK_WIDGET (owner), request->store, request->person_id,
                                request->session_uuid, file);
}

static void
ask_for_file (GtkWidget  *from,
              CpStore    *store,
              gint64      person_id,
              const char *session_uuid,
              const char *name)
{
  Request *request = g_new0 (Request, 1);
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .title = _("Save the Supervision Sheet"),
    .accept_label = _("_Save"),
    .suggested_name = name,
    .kind = CP_FILE_KIND_PDF,
  };

  request->store = g_object_ref (store);
  request->person_id = person_id;
  request->session_uuid = g_strdup (session_uuid);
  cp_file_dialog_show (from, NULL, &options, file_chosen_cb, request, request_free);
}

void
cp_supervision_sheet_save_for_person (GtkWidget *from,
                                      CpStore   *store,
                                      gint64     person_id)
{
  g_autofree char *name = NULL;
  CpPerson *person;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (CP_IS_STORE (store));

  if ((person = cp_store_find_person (store, person_id)) == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                                                     _("This person is no longer in the "
                                                       "workspace."));

      cp_toaster_report_error (from, error);
      return;
    }
  name = cp_supervision_sheet_person_file_name (person, NULL);
  ask_for_file (from, store, person_id, NULL, name);
}

void
cp_supervision_sheet_save_for_session (GtkWidget  *from,
                                       CpStore    *store,
                                       const char *session_uuid)
{
  g_autoptr(CpSupervisionSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (CP_IS_STORE (store));
  g_return_if_fail (session_uuid != NULL);

  if (!(session = cp_store_get_supervision_session (store, session_uuid, &error)))
    {
      cp_toaster_report_error (from, error);
      return;
    }
  name = cp_supervision_sheet_session_file_name (session->held_on);
  ask_for_file (from, store, 0, session_uuid, name);
}
