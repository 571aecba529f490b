/* cp-people-page-actions.c: what can be done to the chosen person — delete (undoable),
 * erase permanently, "everything held about this person", their copy of the plan, the
 * summary for the case record and the supervision sheet
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-people-page"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ui/cp-dialogs.h"
#include "ui/cp-toaster.h"
#include "cp-people-page-private.h"
#include "export/cp-export-file.h"
#include "cp-person-editor.h"
#include "cp-plan-copy-dialog.h"
#include "goals/cp-summary-dialog.h"
#include "export/cp-export-subject-access.h"
#include "store/cp-store-async.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-supervision-sheet-dialog.h"

static CpPerson *
chosen (CpPeoplePage *self)
{
  return _cp_people_page_get_person (self);
}

static gboolean
was_discussed (CpPeoplePage *self,
               CpPerson     *person)
{
  g_autofree char *last = cp_store_dup_last_discussed_on (self->store,
                                                          cp_person_get_id (person), NULL);

  return last != NULL && *last != '\0';
}

void
_cp_people_page_update_actions (CpPeoplePage *self)
{
  CpPerson *person = chosen (self);
  gboolean writable = !cp_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.delete",
                                 person != NULL && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.erase",
                                 person != NULL && writable
                                 && cp_person_get_status (person) == CP_PERSON_STATUS_CLOSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.subject-access", person != NULL);
  /* Each copy is logged in the person's disclosure log: not in a read-only workspace. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.plan-copy",
                                 person != NULL && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.case-summary",
                                 person != NULL && writable);
  /* A supervision sheet: once they have been discussed at a session. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.supervision-sheet",
                                 person != NULL && writable && was_discussed (self, person));
}

/* ---- Delete (undoable) ---------------------------------------------------------------- */

/* The person's page has gone, and the button pressed with it: the keyboard goes to the
 * list, where GTK would have left it nowhere. */
static void
keyboard_to_list (CpPeoplePage *self)
{
  /* (With no one left the list is not shown, but its empty page's buttons are.) */
  if (!gtk_widget_is_drawable (GTK_WIDGET (self->list_view))
      || !gtk_widget_grab_focus (GTK_WIDGET (self->list_view)))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  CpPerson *person = chosen (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (person == NULL)
    return;

  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  id = cp_person_get_id (person);
  cp_people_page_open_person (self, NULL);
  if (!cp_store_delete_person (self->store, id, &error))
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  /* No name in the toast: the screen may be shared. */
  cp_toaster_add_undoable (GTK_WIDGET (self), _("Person deleted"));
  keyboard_to_list (self);
}

/* ---- Erase permanently ---------------------------------------------------------------- */

static void
erase_confirmed_cb (GtkWidget *from,
                    gpointer   user_data)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (from);
  GArray *ids = user_data;   /* gint64 */
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint erased = 0;

  cp_people_page_open_person (self, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      if (!cp_store_erase_person (self->store, g_array_index (ids, gint64, i), &error))
        {
          cp_toaster_report_error (from, error);
          break;
        }
      erased++;
    }
  if (erased == 0)
    return;
  message = g_strdup_printf (ngettext ("%u person erased", "%u people erased", erased), erased);
  cp_toaster_add_toast (from, adw_toast_new (message));
  keyboard_to_list (self);
}

/* What the erase question says about the copies that outlive it: each kind of copy,
 * and for how long, as the store keeps them (cp_store_backup_daily () prunes the daily
 * backups to @keep and the others after CP_STORE_SPECIAL_BACKUP_DAYS, or @keep days when
 * that is longer, each time the workspace is opened); what the user saved or exported
 * is theirs, and never touched. */
char *
_cp_people_page_erase_body (guint keep)
{
  guint special = MAX (keep, CP_STORE_SPECIAL_BACKUP_DAYS);
  g_autofree char *daily = NULL;
  g_autofree char *before = NULL;

  daily = g_strdup_printf (ngettext ("Daily backups keep a copy until %u newer daily backup "
                                     "has replaced it (one is taken each day the workspace "
                                     "is opened).",
                                     "Daily backups keep a copy until %u newer daily backups "
                                     "have replaced it (one is taken each day the workspace "
                                     "is opened).", keep), keep);
  before = g_strdup_printf (ngettext ("Backups taken before an update or a restore keep a "
                                      "copy for %u day.",
                                      "Backups taken before an update or a restore keep a "
                                      "copy for %u days.", special), special);
  return g_strdup_printf ("%s\n\n• %s\n• %s\n• %s",
                          _("Everything recorded about them here — details, network maps, "
                            "goals and reviews — is removed from this workspace, and the "
                            "undo history is cleared. This cannot be undone."),
                          daily, before,
                          _("Copies you saved and reports you exported are not touched: "
                            "they keep everything until you delete them yourself."));
}

/* Asks before erasing @ids: it cannot be undone. */
static void
confirm_erase (CpPeoplePage *self,
               GArray       *ids)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  heading = g_strdup_printf (ngettext ("Erase %u Person Permanently?",
                                       "Erase %u People Permanently?", ids->len), ids->len);
  body = _cp_people_page_erase_body (g_settings_get_uint (settings, "backup-days"));
  cp_confirm (GTK_WIDGET (self), heading, body, _("_Cancel"), "erase", _("_Erase Permanently"),
              ADW_RESPONSE_DESTRUCTIVE, erase_confirmed_cb, g_array_ref (ids),
              (GDestroyNotify) g_array_unref);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  CpPerson *person = chosen (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  if (person == NULL || cp_person_get_status (person) != CP_PERSON_STATUS_CLOSED)
    return;
  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  id = cp_person_get_id (person);
  g_array_append_val (ids, id);
  confirm_erase (self, ids);
}

static guint
erase_after_days (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_uint (settings, "erase-after-days");
}

void
_cp_people_page_update_erasable (CpPeoplePage *self)
{
  guint erasable;
  g_autofree char *ago = NULL;
  g_autofree char *text = NULL;
  guint days = erase_after_days ();

  if (cp_store_get_read_only (self->store))
    {
      gtk_revealer_set_reveal_child (self->erase_revealer, FALSE);
      return;
    }
  erasable = cp_store_count_erasable (self->store, days);
  /* Two counts, each with its own plural: the time first, then the sentence around it. */
  /* Translators: how long ago, used in "… were closed more than %s ago" */
  ago = g_strdup_printf (ngettext ("%u day", "%u days", days), days);
  /* Translators: %u is how many people, %s how long ago, e.g. "30 days" */
  text = g_strdup_printf (ngettext ("%u person was closed more than %s ago",
                                    "%u people were closed more than %s ago",
                                    erasable), erasable, ago);
  gtk_label_set_label (self->erase_label, text);
  gtk_revealer_set_reveal_child (self->erase_revealer, erasable > 0);
}

static void
erase_closed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  g_autoptr(GPtrArray) erasable = cp_store_list_erasable (self->store, erase_after_days ());
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < erasable->len; i++)
    {
      gint64 id = cp_person_get_id (g_ptr_array_index (erasable, i));

      g_array_append_val (ids, id);
    }
  if (ids->len > 0)
    confirm_erase (self, ids);
}

/* ---- Everything held about this person ------------------------------------------------ */

typedef struct
{
  gint64    id;
  char     *path;
  gboolean  replace;
} SubjectAccessJob;

static void
subject_access_job_free (gpointer data)
{
  SubjectAccessJob *job = data;

  g_free (job->path);
  g_free (job);
}

/* In a worker, on a connection of its own: the whole record is read and typeset there. */
static gboolean
subject_access_worker (CpStore       *worker,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  SubjectAccessJob *job = data;

  return cp_export_subject_access_pdf (worker, job->id, job->path, job->replace, error);
}

typedef struct
{
  CpPeoplePage *self;
  CpBusy       *busy;
  gint64        id;
  char         *path;
} SubjectAccessWait;

/* The report is out: the person's disclosure log records it, or else it is taken back,
 * so that none leaves unrecorded. A read-only workspace cannot record it, and the
 * person's right to see what is held comes first: there it is kept, unlogged. */
static gboolean
log_subject_access (CpPeoplePage  *self,
                    gint64         id,
                    const char    *path,
                    GError       **error)
{
  if (cp_store_get_read_only (self->store)
      || cp_store_add_disclosure (self->store, id, CP_DISCLOSURE_SUBJECT_ACCESS,
                               _("everything held about them, as a PDF"), NULL, error) != 0)
    return TRUE;
  g_unlink (path);
  return FALSE;
}

static void
subject_access_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  SubjectAccessWait *wait = user_data;
  g_autoptr(CpPeoplePage) self = wait->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = wait->path;
  gboolean saved = cp_store_run_finish (CP_STORE (source), result, &error);

  cp_busy_end (wait->busy);
  saved = saved && log_subject_access (self, wait->id, path, &error);
  g_free (wait);
  /* The page may have left its window meanwhile: then there is no one to tell. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  if (!saved)
    cp_toaster_report_error (GTK_WIDGET (self), error);
  else
    cp_toaster_add_toast (GTK_WIDGET (self),
                          adw_toast_new (_("Saved. Check the [REDACT: …] marks before "
                                           "you send it.")));
}

static void
write_subject_access (CpPeoplePage *self,
                      gint64        id,
                      GFile        *file)
{
  SubjectAccessJob *job;
  SubjectAccessWait *wait;

  job = g_new0 (SubjectAccessJob, 1);
  job->id = id;
  job->path = g_file_get_path (file);
  /* An existing name was already asked about ("Replace?") by the chooser. */
  job->replace = cp_file_dialog_replace_confirmed (file);
  wait = g_new0 (SubjectAccessWait, 1);
  wait->self = g_object_ref (self);
  wait->id = id;
  wait->path = g_strdup (job->path);
  wait->busy = cp_toaster_begin_busy (GTK_WIDGET (self),
                                      _("Writing everything held about the person…"));
  cp_store_run_async (self->store, subject_access_worker, job, subject_access_job_free, NULL,
                      subject_access_done_cb, wait);
}

static void
subject_access_chosen_cb (gpointer  owner,
                          GFile    *file,
                          gpointer  user_data)
{
  write_subject_access (CP_PEOPLE_PAGE (owner), *(gint64 *) user_data, file);
}

void
_cp_people_page_subject_access_to (CpPeoplePage *self,
                                   GFile        *file)
{
  CpPerson *person = chosen (self);

  if (person != NULL)
    write_subject_access (self, cp_person_get_id (person), file);
}

/* "subject-access-REF.pdf": the case-record reference or the record number, never a name. */
char *
_cp_people_page_subject_access_name (CpPerson *person)
{
  g_autofree char *ref = cp_export_file_reference (person);

  if (ref == NULL)
    return g_strdup_printf ("subject-access-record-%" G_GINT64_FORMAT ".pdf",
                            cp_person_get_id (person));
  return g_strdup_printf ("subject-access-%s.pdf", ref);
}

static void
subject_access_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  CpPerson *person = chosen (self);
  g_autofree char *name = NULL;
  gint64 *id;
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .title = _("Everything Held About This Person"),
    .accept_label = _("_Save"),
    .kind = CP_FILE_KIND_PDF,
  };

  if (person == NULL)
    return;
  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  name = _cp_people_page_subject_access_name (person);
  options.suggested_name = name;
  id = g_new (gint64, 1);
  *id = cp_person_get_id (person);
  cp_file_dialog_show (self, NULL, &options, subject_access_chosen_cb, id, g_free);
}

/* ---- Copies of the plan ---------------------------------------------------------------- */

/* "Person's Copy of the Plan…", "Copy Summary for the Case Record…" and "Supervision
 * Sheet…": each asks what to copy or where first, and logs what leaves. */
static void
copy_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  CpPerson *person = chosen (self);

  if (person == NULL)
    return;
  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  if (g_str_equal (action_name, "person.plan-copy"))
    cp_plan_copy_dialog_present (widget, self->store, person);
  else if (g_str_equal (action_name, "person.supervision-sheet"))
    cp_supervision_sheet_save_for_person (widget, self->store, cp_person_get_id (person));
  else
    cp_summary_dialog_present (widget, self->store, cp_person_get_id (person));
}

void
_cp_people_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "person.erase", NULL, erase_action);
  gtk_widget_class_install_action (widget_class, "person.subject-access", NULL,
                                   subject_access_action);
  gtk_widget_class_install_action (widget_class, "person.plan-copy", NULL, copy_out_action);
  gtk_widget_class_install_action (widget_class, "person.case-summary", NULL, copy_out_action);
  gtk_widget_class_install_action (widget_class, "person.supervision-sheet", NULL,
                                   copy_out_action);
  gtk_widget_class_install_action (widget_class, "people.erase-closed", NULL,
                                   erase_closed_action);
}
