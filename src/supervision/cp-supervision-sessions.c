/* cp-supervision-sessions.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-supervision-session-editor.h"
#include "cp-supervision-sessions-dialog.h"
#include "cp-supervision-sessions.h"
#include "netmap/cp-netmap-layout.h"
#include "store/cp-person.h"
#include "store/cp-store-pack.h"
#include "store/cp-store-supervision.h"
#include "ui/cp-a11y.h"
#include "ui/cp-stack-pages.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

struct _CpSupervisionSessions
{
  GtkWidget    parent_instance;

  CpStore     *store;

  GtkStack    *stack;
  GtkLabel    *count_label;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (CpSupervisionSessions, cp_supervision_sessions, GTK_TYPE_WIDGET)

char *
cp_supervision_person_label (CpStore *store,
                             gint64   person_id)
{
  CpPerson *person;
  g_autofree char *initials = NULL;
  const char *case_ref;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  person = cp_store_find_person (store, person_id);
  if (person == NULL)
    return g_strdup (_("Someone no longer in the workspace"));
  initials = cp_netmap_initials (cp_person_get_name (person));
  if (initials == NULL || *initials == '\0')
    {
      g_free (initials);
      initials = g_strdup ("?");
    }
  case_ref = cp_person_get_case_ref (person);
  if (case_ref == NULL || *case_ref == '\0')
    return g_steal_pointer (&initials);
  /* Translators: a person in supervision: their initials and case reference */
  return g_strdup_printf (_("%s · %s"), initials, case_ref);
}

gboolean
cp_supervision_can_edit (CpStore *store)
{
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);

  return cp_store_can_edit_supervision (store);
}

void
cp_supervision_set_message (GtkWidget  *about,
                            GtkLabel   *message,
                            const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (about));
  g_return_if_fail (GTK_IS_LABEL (message));

  gtk_label_set_text (message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (message), text != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (about), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "", -1);
}

/* "With team manager, practitioner · RL · CR-104, AM · 2 actions open" */
static char *
describe_session (CpSupervisionSessions      *self,
                  const CpSupervisionSession *session)
{
  g_auto(GStrv) roles = g_strsplit (session->attended, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) who = g_string_new (NULL);
  g_autoptr(GString) people = g_string_new (NULL);
  guint open = 0;

  for (guint i = 0; roles[i] != NULL; i++)
    {
      g_strstrip (roles[i]);
      if (roles[i][0] != '\0')
        g_string_append_printf (who, "%s%s", who->len > 0 ? ", " : "", roles[i]);
    }
  for (guint i = 0; i < session->people->len; i++)
    {
      const CpSupervisionDiscussed *discussed = g_ptr_array_index (session->people, i);
      g_autofree char *label = cp_supervision_person_label (self->store, discussed->person_id);

      g_string_append_printf (people, "%s%s", i > 0 ? ", " : "", label);
      for (guint a = 0; a < discussed->actions->len; a++)
        open += ((CpSupervisionAction *) discussed->actions->pdata[a])->done_on == NULL;
    }
  if (who->len > 0)
    /* Translators: who was at a supervision session, by role */
    g_string_append_printf (out, _("With %s"), who->str);
  if (people->len > 0)
    /* Translators: the people whose plans a supervision session discussed (initials) */
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", people->str);
  g_string_append (out, " · ");
  if (open > 0)
    g_string_append_printf (out, ngettext ("%u action open", "%u actions open", open), open);
  else
    g_string_append (out, _("no actions open"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
make_row (CpSupervisionSessions      *self,
          const CpSupervisionSession *session)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = cp_date_format_long (session->held_on);
  g_autofree char *subtitle = describe_session (self, session);
  g_autofree char *name = g_strconcat ("session-", session->uuid, NULL);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the session"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             cp_a11y_decorative_image_new ("go-next-symbolic"));
  return row;
}

static void
rebuild (CpSupervisionSessions *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focus_name = NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;

  sessions = cp_store_list_supervision_sessions (self->store, &error);
  if (sessions == NULL)
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      focus_name = row != NULL ? g_strdup (gtk_widget_get_name (row)) : NULL;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < sessions->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (sessions, i));

      gtk_list_box_append (self->list, row);
      if (focus_name != NULL && g_strcmp0 (focus_name, gtk_widget_get_name (row)) == 0)
        gtk_widget_grab_focus (row);
    }
  count = g_strdup_printf (ngettext ("%u session, newest first", "%u sessions, newest first",
                                     sessions->len), sessions->len);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, sessions->len > 0 ? "list" : "empty");
}

static gboolean
concerns_sessions (const char * const *tables)
{
  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    if (g_str_has_prefix (tables[i], "supervision_") || g_str_equal (tables[i], "person"))
      return TRUE;
  return FALSE;
}

static void
store_changed_cb (CpStore               *store,
                  const char * const    *tables,
                  CpSupervisionSessions *self)
{
  if (concerns_sessions (tables))
    rebuild (self);
}

/* ---- Opening and recording ------------------------------------------------------------ */

GtkWindow *
cp_supervision_sessions_open (CpSupervisionSessions *self,
                              const char            *uuid)
{
  GtkRoot *root;
  GtkWindow *editor;

  g_return_val_if_fail (CP_IS_SUPERVISION_SESSIONS (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = GTK_WINDOW (cp_supervision_session_editor_new (self->store, uuid));
  if (editor == NULL)
    return NULL;
  gtk_window_set_transient_for (editor, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (editor);
  return editor;
}

static void
row_activated_cb (CpSupervisionSessions *self,
                  GtkListBoxRow         *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  if (g_str_has_prefix (name, "session-"))
    cp_supervision_sessions_open (self, name + strlen ("session-"));
}

static void
recorded_cb (CpSupervisionSessions *self,
             const char            *uuid)
{
  cp_supervision_sessions_open (self, uuid);
}

GtkWindow *
cp_supervision_sessions_record (CpSupervisionSessions *self)
{
  GtkRoot *root;
  CpSupervisionSessionsDialog *dialog;

  g_return_val_if_fail (CP_IS_SUPERVISION_SESSIONS (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = cp_supervision_sessions_dialog_new (self->store,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cp_supervision_sessions_record (CP_SUPERVISION_SESSIONS (widget));
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cp_supervision_sessions_dispose (GObject *object)
{
  CpSupervisionSessions *self = CP_SUPERVISION_SESSIONS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_SUPERVISION_SESSIONS);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_supervision_sessions_parent_class)->dispose (object);
}

static void
cp_supervision_sessions_class_init (CpSupervisionSessionsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_supervision_sessions_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH
                                               "/ui/cp-supervision-sessions.ui");
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessions, stack);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessions, count_label);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessions, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "sessions.record", NULL, record_action);
  /* Ctrl+digit is the person page's; while this view shows, Ctrl+Shift+N for new. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "sessions.record", NULL);
}

static void
cp_supervision_sessions_init (CpSupervisionSessions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_stack_icons_when_shown (self->stack, "empty", "x-office-calendar-symbolic", NULL);
  cp_a11y_fix_names (GTK_WIDGET (self));
  cp_a11y_shortcuts_while_shown (GTK_WIDGET (self));
}

GtkWidget *
cp_supervision_sessions_new (CpStore *store)
{
  CpSupervisionSessions *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_SUPERVISION_SESSIONS, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.record",
                                 cp_supervision_can_edit (store));
  rebuild (self);

  return GTK_WIDGET (self);
}
