/* cp-pack-send-dialog.c: "Send Supervision Pack…": who, to whom, what leaves, the passphrase
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pack-send-dialog"

#include <glib/gi18n.h>

#include "cp-pack-send-dialog.h"
#include "cp-pack-ui.h"
#include "netmap/cp-netmap-layout.h"
#include "store/cp-store-pack.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-supervision-pack.h"
#include "ui/cp-a11y.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-first-rows.h"
#include "ui/cp-toaster.h"

struct _CpPackSendDialog
{
  AdwWindow        parent_instance;

  CpStore         *store;
  GHashTable      *pseudonyms;      /* person id (gint64 *) → what the pack calls them */
  GHashTable      *chosen;          /* person ids ticked */

  GtkStack        *stack;           /* "choose", "saved" */
  GtkWidget       *cancel_button;
  GtkWidget       *save_button;
  GtkSpinner      *spinner;
  GtkCheckButton  *supervisor_check;
  GtkCheckButton  *educator_check;
  GtkSwitch       *review_text_switch;
  GtkLabel        *preview_label;
  GtkWidget       *passphrase_group;
  AdwStatusPage   *saved_page;
  gboolean         writing;
};

G_DEFINE_FINAL_TYPE (CpPackSendDialog, cp_pack_send_dialog, ADW_TYPE_WINDOW)

/* ---- The choice ------------------------------------------------------------------------------ */

/* @choice's people point into @ids (free it after @choice). */
static GArray *
read_choice (CpPackSendDialog *self,
             CpPackChoice     *choice)
{
  GArray *ids = cp_dialog_ticked_people (self->chosen, cp_store_get_people (self->store));

  choice->recipient = gtk_check_button_get_active (self->educator_check)
                      ? CP_PACK_RECIPIENT_PRACTICE_EDUCATOR
                      : CP_PACK_RECIPIENT_LINE_SUPERVISOR;
  choice->person_ids = (const gint64 *) (gpointer) ids->data;
  choice->n_people = ids->len;
  choice->include_review_text = gtk_switch_get_active (self->review_text_switch);
  return ids;
}

static void
update (CpPackSendDialog *self)
{
  CpPackChoice choice;
  g_autoptr(GArray) ids = read_choice (self, &choice);
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;

  if (choice.n_people == 0)
    preview = g_strdup (_("Choose at least one person. Nothing leaves until you save the "
                          "pack."));
  else
    {
      preview = cp_store_describe_pack (self->store, &choice, &error);
      if (preview == NULL)
        preview = g_strdup (error->message);
    }
  gtk_label_set_label (self->preview_label, preview);
  gtk_widget_set_sensitive (self->save_button,
                            !self->writing && choice.n_people > 0 && error == NULL
                            && cp_pack_passphrase_group_is_set (self->passphrase_group));
}

/* ---- Saving ------------------------------------------------------------------------------------ */

typedef struct
{
  CpPackSendDialog *self;
  char             *pack_uuid;
  GArray           *ids;
  CpPackChoice      choice;
} Sending;

static void
sending_free (Sending *s)
{
  g_object_unref (s->self);
  g_free (s->pack_uuid);
  g_array_unref (s->ids);
  g_free (s);
}

static void
set_writing (CpPackSendDialog *self,
             gboolean          writing)
{
  self->writing = writing;
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !writing);
  gtk_widget_set_sensitive (self->cancel_button, !writing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), writing);
  gtk_spinner_set_spinning (self->spinner, writing);
  update (self);
}

static void
written_cb (GtkWidget    *from,
            const char   *path,
            const GError *error,
            gpointer      user_data)
{
  Sending *s = user_data;
  CpPackSendDialog *self = s->self;
  g_autoptr(GError) record_error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *passphrase = NULL;
  g_autofree char *words = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;

  set_writing (self, FALSE);
  if (error != NULL)
    {
      cp_toaster_report_error (from, error);
      return;
    }
  /* The file is there: now it has left, and each person's log says so. */
  if (!cp_store_record_sent_pack (self->store, s->pack_uuid, &s->choice, &record_error))
    {
      cp_toaster_report_error (from, record_error);
      return;
    }

  passphrase = cp_pack_passphrase_group_dup (self->passphrase_group);
  words = g_markup_escape_text (passphrase, -1);
  cp_pack_passphrase_free (g_steal_pointer (&passphrase));
  /* Translators: %s is the file's name, then the passphrase, in bold */
  description = g_strdup_printf (_("Saved as “%s”, and logged on each person’s Details tab."
                                   "\n\nThe passphrase is <b>%s</b>\n\nGive it by phone, "
                                   "not with the file. The app does not keep it: note it "
                                   "now if you need to."), escaped, words);
  adw_status_page_set_description (self->saved_page, description);
  cp_pack_passphrase_free (g_steal_pointer (&words));
  gtk_stack_set_visible_child_name (self->stack, "saved");
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Done"));
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->cancel_button);
  gtk_widget_grab_focus (self->cancel_button);

  /* Translators: %s is the file's name, e.g. supervision-pack-2026-12-06-practitioner.cpkpack */
  title = g_strdup_printf (_("Supervision pack saved as “%s”"), escaped);
  cp_toaster_add_toast (from, adw_toast_new (title));
}

void
cp_pack_send_dialog_save_to (CpPackSendDialog *self,
                             GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *path = NULL;
  g_autofree char *workspace_uuid = NULL;
  g_autofree char *role = NULL;
  Sending *s;

  g_return_if_fail (CP_IS_PACK_SEND_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->writing)
    return;
  path = g_file_get_path (file);
  s = g_new0 (Sending, 1);
  s->self = g_object_ref (self);
  s->pack_uuid = g_uuid_string_random ();
  s->ids = read_choice (self, &s->choice);
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Choose a folder on this computer."));
  else
    payload = cp_store_build_pack_payload (self->store, &s->choice, s->pack_uuid, &error);
  if (payload == NULL)
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      sending_free (s);
      return;
    }

  workspace_uuid = cp_store_dup_workspace_uuid (self->store);
  role = cp_pack_dup_practitioner_role ();
  set_writing (self, TRUE);
  /* An existing name was already asked about ("Replace?") by the chooser. */
  cp_pack_write_async (GTK_WIDGET (self), path, cp_file_dialog_replace_confirmed (file),
                       CP_PACK_KIND_PACK, workspace_uuid, s->pack_uuid, role, payload,
                       cp_pack_passphrase_group_dup (self->passphrase_group),
                       _("Sealing the supervision pack…"), written_cb, s,
                       (GDestroyNotify) sending_free);
}

static void
file_chosen_cb (gpointer  owner,
                GFile    *file,
                gpointer  user_data)
{
  cp_pack_send_dialog_save_to (CP_PACK_SEND_DIALOG (owner), file);
}

char *
cp_pack_send_dialog_dup_file_name (CpPackSendDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *role = cp_pack_dup_practitioner_role ();

  g_return_val_if_fail (CP_IS_PACK_SEND_DIALOG (self), NULL);
  return cp_supervision_pack_file_name (CP_PACK_KIND_PACK, now, role);
}

static void
save_clicked_cb (CpPackSendDialog *self)
{
  g_autofree char *name = cp_pack_send_dialog_dup_file_name (self);
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .title = _("Save the Supervision Pack"),
    .accept_label = _("_Save"),
    .suggested_name = name,
    .kind = CP_FILE_KIND_PACK,
  };

  cp_file_dialog_show (self, GTK_WINDOW (self), &options, file_chosen_cb, NULL, NULL);
}

/* ---- Building it --------------------------------------------------------------------------- */

/* People's rows made at a time, and the most the list is tall before it scrolls. */
#define PEOPLE_STEP   50
#define PEOPLE_HEIGHT 360

static GtkWidget *
person_row_new (gpointer item,
                gpointer user_data)
{
  CpPackSendDialog *self = user_data;
  gint64 id = cp_person_get_id (item);
  gboolean paused = cp_person_get_status (item) == CP_PERSON_STATUS_PAUSED;
  const char *case_ref = cp_person_get_case_ref (item);
  g_autofree char *title = g_markup_escape_text (g_hash_table_lookup (self->pseudonyms, &id),
                                                 -1);
  g_autofree char *subtitle = g_strdup_printf ("%s%s%s",
                                               case_ref != NULL ? case_ref
                                                                : _("No case reference"),
                                               paused ? " · " : "", paused ? _("paused") : "");
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  g_autofree char *name = g_strdup_printf ("person-%" G_GINT64_FORMAT, id);
  GtkWidget *check = cp_dialog_tick_new (self->chosen, id);
  GtkWidget *row = cp_dialog_choice_row_new (title, escaped, check, TRUE);

  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (check, name);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update), self);
  return row;
}

/* A scrolled window in the dialog's own scrolling page is given its least height, which
 * is one row: once its rows can be measured, it asks for their height, up to
 * PEOPLE_HEIGHT. */
static void
fit_people_cb (GtkWidget *scroll,
               GtkWidget *list)
{
  int natural;

  gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll),
                                              MIN (natural, PEOPLE_HEIGHT));
}

/* The active and paused people, in a list of their own that scrolls past a few rows, so
 * that the rest of the dialog is in reach with a caseload of thousands; its rows come a
 * few screens at a time (cp-first-rows.c). What the pack calls each is worked out for
 * everyone at once: it counts up through the caseload. */
static GtkWidget *
people_group_new (CpPackSendDialog *self)
{
  g_autoptr(GListModel) people = cp_dialog_open_people (cp_store_get_people (self->store));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *scroll, *list;
  g_autoptr(GtkSliceListModel) rows = NULL;
  guint counter = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("People"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Active and paused people. They are shown as "
                                           "the pack shows them: by initials."));
  if (g_list_model_get_n_items (people) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No one to send"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add a person in People first; closed people are "
                                     "never sent."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return group;
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (people, i);
      gint64 id = cp_person_get_id (person);

      g_hash_table_insert (self->pseudonyms, g_memdup2 (&id, sizeof id),
                           cp_netmap_pseudonym (cp_person_get_name (person), &counter));
    }
  scroll = gtk_scrolled_window_new ();
  list = gtk_list_box_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), PEOPLE_HEIGHT);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), list);
  rows = cp_first_rows_new_growing (g_object_ref (people),
                                    GTK_SCROLLED_WINDOW (scroll), PEOPLE_STEP);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (rows), person_row_new, self,
                           NULL);
  g_signal_connect (scroll, "map", G_CALLBACK (fit_people_cb), list);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scroll);
  return group;
}

static GtkWidget *
choose_page_new (CpPackSendDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *intro = gtk_label_new (_("A pseudonymised, read-only extract of the chosen "
                                      "people’s plans, sealed with a passphrase, for a "
                                      "supervisor who is not at this computer. They can "
                                      "send back comments, actions and sign-offs in a reply."));
  GtkWidget *recipient = adw_preferences_group_new ();
  GtkWidget *reviews = adw_preferences_group_new ();
  GtkWidget *preview = adw_preferences_group_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), people_group_new (self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (recipient), _("Recipient"));
  self->supervisor_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  self->educator_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_group (self->educator_check, self->supervisor_check);
  gtk_check_button_set_active (self->supervisor_check, TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->supervisor_check), "line-supervisor");
  gtk_widget_set_name (GTK_WIDGET (self->educator_check), "practice-educator");
  cp_dialog_add_choice_row (recipient, _("_Line supervisor in the organisation"),
                            _("Case references go with the initials"),
                            GTK_WIDGET (self->supervisor_check), TRUE);
  cp_dialog_add_choice_row (recipient, _("External practice _educator"),
                            _("Case references are left out"),
                            GTK_WIDGET (self->educator_check), TRUE);
  g_signal_connect_swapped (self->educator_check, "toggled", G_CALLBACK (update), self);
  gtk_box_append (GTK_BOX (box), recipient);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (reviews), _("Reviews"));
  self->review_text_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (self->review_text_switch), "review-text");
  cp_dialog_add_choice_row (reviews, _("Include what was _written at reviews"),
                            _("Initials do not hide what free text says: “choir at St "
                              "Mary’s” can tell who someone is. Leave this off unless the "
                              "supervisor needs it."),
                            GTK_WIDGET (self->review_text_switch), FALSE);
  g_signal_connect_swapped (self->review_text_switch, "notify::active", G_CALLBACK (update),
                            self);
  gtk_box_append (GTK_BOX (box), reviews);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (preview), _("What Leaves"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (preview),
                                         _("Exactly what the pack holds, as chosen above"));
  self->preview_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->preview_label), "preview-label");
  gtk_label_set_wrap (self->preview_label, TRUE);
  gtk_label_set_wrap_mode (self->preview_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->preview_label, 0);
  gtk_label_set_selectable (self->preview_label, TRUE);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (GTK_WIDGET (self->preview_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->preview_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->preview_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->preview_label), 12);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->preview_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (preview), card);
  gtk_box_append (GTK_BOX (box), preview);

  self->passphrase_group = cp_pack_passphrase_group_new ();
  g_signal_connect_object (g_object_get_data (G_OBJECT (self->passphrase_group),
                                              "cp-passphrase-row"),
                           "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->passphrase_group);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static void
build (CpPackSendDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Send Supervision Pack"), NULL));
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save…"));
  gtk_widget_set_name (self->save_button, "save-button");
  gtk_widget_set_tooltip_text (self->save_button,
                               _("Choose where to save the sealed pack"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, choose_page_new (self), "choose");
  self->saved_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_set_name (GTK_WIDGET (self->saved_page), "saved-page");
  adw_status_page_set_icon_name (self->saved_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->saved_page, _("Supervision Pack Saved"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->saved_page), "saved");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);

  update (self);
  cp_a11y_fix_names (GTK_WIDGET (self));
}

static gboolean
cp_pack_send_dialog_close_request (GtkWindow *window)
{
  /* Not while the pack is being written: what it says next belongs here. */
  if (CP_PACK_SEND_DIALOG (window)->writing)
    return TRUE;
  return GTK_WINDOW_CLASS (cp_pack_send_dialog_parent_class)->close_request (window);
}

static void
cp_pack_send_dialog_dispose (GObject *object)
{
  CpPackSendDialog *self = CP_PACK_SEND_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->pseudonyms, g_hash_table_unref);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  G_OBJECT_CLASS (cp_pack_send_dialog_parent_class)->dispose (object);
}

static void
cp_pack_send_dialog_class_init (CpPackSendDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cp_pack_send_dialog_dispose;
  window_class->close_request = cp_pack_send_dialog_close_request;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_pack_send_dialog_init (CpPackSendDialog *self)
{
  self->pseudonyms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->chosen = cp_dialog_ticks_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Send Supervision Pack"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 720);
  gtk_widget_set_size_request (GTK_WIDGET (self), 340, 360);
}

CpPackSendDialog *
cp_pack_send_dialog_present (GtkWindow *parent,
                             CpStore   *store)
{
  CpPackSendDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_PACK_SEND_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  build (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
