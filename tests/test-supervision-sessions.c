/* test-supervision-sessions.c: the supervision record as a user works it, under Xvfb
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session recorded through "Record a Session…" (refused with no one discussed: the
 * message next to the list, nothing made), then in its editor: a comment, an action
 * (refused without an owner: the message under the owner field, nothing saved), a
 * sign-off (refused on a day still to come), each undone and redone with the window's
 * Ctrl+Z and the editor following; the worker's reflection saved apart and in neither
 * the decision nor the subject access text; "Copy Decision for the Case Record…" through
 * the preview, logged; the last person never taken off; the person's Overview line, never
 * facing the person; Delete Session and its undo. Screenshots at 1280 and 360 px.
 */

#include "config.h"

#define G_LOG_DOMAIN "test-supervision-sessions"

#include <string.h>

#include "cp-test-ui.h"
#include "export/cp-export-decision.h"
#include "export/cp-export-subject-access.h"
#include "goals/cp-overview-page.h"
#include "goals/cp-summary-dialog.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-supervision-session-editor.h"
#include "supervision/cp-supervision-sessions-dialog.h"
#include "supervision/cp-supervision-sessions.h"
#include "ui/cp-date-row.h"
#include "util/cp-date.h"

#define TODAY      "2026-03-01"
#define REFLECTION "Robin has my personal mobile number."
#define SIGNED_OFF "Plan reviewed in supervision on 1 March 2026 by Pat Lee, Team manager."

typedef struct
{
  CpTestWorkspace  ws;
  gint64           robin;
  gint64           alex;
  GtkWidget       *window;
  GtkWidget       *sessions;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 carol;

  cp_date_set_today_for_testing (TODAY);
  cp_test_workspace_set_up (&f->ws, NULL);
  f->robin = cp_test_add_person (f->ws.store, "Robin Lee");
  f->alex = cp_test_add_person (f->ws.store, "Alex Moss");
  carol = cp_test_add_person (f->ws.store, "Carol Closed");
  g_assert_true (cp_store_set_person_case_ref (f->ws.store, f->robin, "CR-104", &error));
  g_assert_true (cp_store_set_person_status (f->ws.store, f->alex, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_HOSPITAL, NULL, &error));
  g_assert_true (cp_store_set_person_status (f->ws.store, carol, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  cp_test_flush_main_context ();
  cp_test_workspace_tear_down (&f->ws, NULL);
  cp_date_set_today_for_testing (NULL);
}

static void
show_sessions (Fixture *f,
               int      width)
{
  f->sessions = cp_supervision_sessions_new (f->ws.store);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), f->sessions);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *text)
{
  GtkWidget *widget = cp_test_find_widget (root, type, text);

  if (widget == NULL)
    g_error ("no %s '%s'", g_type_name (type), text != NULL ? text : "(any)");
  return widget;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = cp_test_find_named (root, name);

  if (widget == NULL)
    g_error ("nothing named '%s'", name);
  return widget;
}

/* Clicks @button as the user would: its action or its ::clicked. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cp_test_flush_main_context ();
}

static void
type_into_view (GtkWidget  *view,
                const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_widget_grab_focus (view);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static CpSupervisionSession *
only_session (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = cp_store_list_supervision_sessions (f->ws.store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  return g_ptr_array_steal_index (sessions, 0);
}

static const CpSupervisionDiscussed *
robin_part (Fixture              *f,
            CpSupervisionSession *session)
{
  const CpSupervisionDiscussed *part = cp_supervision_session_find (session, f->robin);

  g_assert_nonnull (part);
  return part;
}

/* The message under @field (its next row) says @says; the field is marked. */
static void
assert_message_under (GtkWidget  *field,
                      const char *says)
{
  GtkWidget *row = gtk_widget_get_next_sibling (field);
  GtkWidget *label = cp_test_find_widget (row, GTK_TYPE_LABEL, says);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
}

/* The editor's window Ctrl+Z / Shift+Ctrl+Z. */
static void
undo (GtkWidget *editor,
      gboolean   redo)
{
  g_assert_true (cp_test_press_shortcut (editor, redo ? "<Control><Shift>z" : "<Control>z"));
  cp_test_flush_main_context ();
}

static GtkWidget *
record_session (Fixture *f)
{
  g_autofree char *robin_row = g_strdup_printf ("person-%" G_GINT64_FORMAT, f->robin);
  g_autofree char *alex_row = g_strdup_printf ("person-%" G_GINT64_FORMAT, f->alex);
  GtkWidget *dialog;
  GtkWidget *message;
  GtkWidget *list;
  GtkWidget *editor;

  /* The empty state says what to do; Ctrl+Shift+N in the view asks. */
  find (f->sessions, ADW_TYPE_STATUS_PAGE, "No Supervision Recorded Yet");
  cp_test_save_screenshot (f->window, "supervision-sessions-empty.png");
  g_assert_true (cp_test_press_shortcut (f->sessions, "<Control><Shift>n"));
  dialog = GTK_WIDGET (cp_test_wait_for_window (CP_TYPE_SUPERVISION_SESSIONS_DIALOG));
  gtk_test_widget_wait_for_draw (dialog);
  /* the active and the paused, pseudonymised; never the closed */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named (dialog, robin_row))),
                   ==, "RL · CR-104");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named (dialog, alex_row))),
                   ==, "AM");
  list = named (dialog, robin_row);
  list = gtk_widget_get_parent (list);
  g_assert_cmpuint (cp_test_count_rows (list), ==, 2);
  g_assert_cmpstr (cp_date_row_get_date (CP_DATE_ROW (find (dialog, CP_TYPE_DATE_ROW, NULL))),
                   ==, TODAY);
  cp_test_type_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, NULL)),
                     "team manager, practitioner");
  cp_test_save_screenshot (dialog, "supervision-record-dialog.png");

  /* No one discussed: refused, said next to the list, nothing made. */
  click (find (dialog, GTK_TYPE_BUTTON, "_Record"));
  message = find (dialog, GTK_TYPE_LABEL,
                  "A supervision session needs at least one person whose plan was discussed.");
  g_assert_true (gtk_widget_get_parent (message) == gtk_widget_get_parent (list));
  {
    g_autoptr(GPtrArray) none = cp_store_list_supervision_sessions (f->ws.store, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }
  g_assert_true (gtk_widget_get_visible (dialog));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (named (dialog, robin_row),
                                                       GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  g_assert_false (gtk_widget_get_visible (message));
  click (find (dialog, GTK_TYPE_BUTTON, "_Record"));

  /* Made, and open in the editor; the list shows it without the name. */
  editor = GTK_WIDGET (cp_test_wait_for_window (CP_TYPE_SUPERVISION_SESSION_EDITOR));
  g_assert_null (cp_test_find_window (CP_TYPE_SUPERVISION_SESSIONS_DIALOG));
  {
    g_autoptr(CpSupervisionSession) session = only_session (f);
    g_autofree char *row_name = g_strconcat ("session-", session->uuid, NULL);
    GtkWidget *row;

    g_assert_cmpstr (session->held_on, ==, TODAY);
    g_assert_cmpstr (session->attended, ==, "team manager, practitioner");
    g_assert_cmpuint (session->people->len, ==, 1);
    row = named (f->sessions, row_name);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "1 March 2026");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "With team manager, practitioner · RL · CR-104 · no actions open");
  }
  gtk_test_widget_wait_for_draw (editor);
  return editor;
}

static void
test_record_and_edit (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *panel_name = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  GtkWidget *panel;
  GtkWidget *field;

  show_sessions (f, 1280);
  editor = record_session (f);
  cp_test_save_screenshot (editor, "supervision-editor-new-1280.png");
  panel_name = g_strdup_printf ("discussed-%" G_GINT64_FORMAT, f->robin);
  panel = named (editor, panel_name);
  g_assert_nonnull (find (panel, GTK_TYPE_LABEL, "RL · CR-104"));
  g_assert_nonnull (find (panel, GTK_TYPE_LABEL, "The person can ask to see this."));

  /* A comment, saved as typed; the window's Ctrl+Z takes it back, the editor follows. */
  type_into_view (named (panel, "comment-new"), "Let Robin own a step.");
  cp_supervision_session_editor_flush (CP_SUPERVISION_SESSION_EDITOR (editor));
  {
    g_autoptr(CpSupervisionSession) session = only_session (f);
    const CpSupervisionDiscussed *part = robin_part (f, session);
    g_autofree char *name = NULL;
    g_autofree char *shown = NULL;

    g_assert_cmpuint (part->comments->len, ==, 1);
    g_assert_cmpstr (((CpSupervisionComment *) part->comments->pdata[0])->text, ==,
                     "Let Robin own a step.");
    /* it keeps the field it was typed in, and a new one follows */
    name = g_strconcat ("comment-", ((CpSupervisionComment *) part->comments->pdata[0])->uuid,
                        NULL);
    shown = view_text (named (panel, name));
    g_assert_cmpstr (shown, ==, "Let Robin own a step.");
    g_assert_true (gtk_root_get_focus (gtk_widget_get_root (panel)) == named (panel, name));
    g_free (shown);
    shown = view_text (named (panel, "comment-new"));
    g_assert_cmpstr (shown, ==, "");

    undo (editor, FALSE);
    g_assert_null (cp_test_find_named (panel, name));
    g_clear_pointer (&session, cp_supervision_session_free);
    session = only_session (f);
    g_assert_cmpuint (robin_part (f, session)->comments->len, ==, 0);
    undo (editor, TRUE);
    g_free (shown);
    shown = view_text (named (panel, name));
    g_assert_cmpstr (shown, ==, "Let Robin own a step.");
  }

  /* An action without an owner: said under the owner field, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (find (panel, ADW_TYPE_ENTRY_ROW, "What will be done")),
                         "Look for a walking group");
  cp_date_row_set_date (CP_DATE_ROW (find (panel, CP_TYPE_DATE_ROW, "Due by")), "2026-03-14");
  click (find (panel, GTK_TYPE_BUTTON, "_Add Action"));
  field = find (panel, ADW_TYPE_ENTRY_ROW, "Who will do it (a role)");
  assert_message_under (field, "An action needs someone who will do it.");
  {
    g_autoptr(CpSupervisionSession) session = only_session (f);

    g_assert_cmpuint (robin_part (f, session)->actions->len, ==, 0);
  }
  gtk_editable_set_text (GTK_EDITABLE (field), "practitioner");
  click (find (panel, GTK_TYPE_BUTTON, "_Add Action"));
  g_assert_false (gtk_widget_has_css_class (field, "error"));
  g_assert_nonnull (find (panel, ADW_TYPE_ACTION_ROW, "Look for a walking group"));
  g_assert_nonnull (find (panel, GTK_TYPE_LABEL, "practitioner · by 14 March 2026"));
  undo (editor, FALSE);
  g_assert_null (cp_test_find_widget (panel, ADW_TYPE_ACTION_ROW, "Look for a walking group"));
  g_assert_nonnull (find (panel, GTK_TYPE_LABEL, "No actions agreed yet."));
  undo (editor, TRUE);
  g_assert_nonnull (find (panel, ADW_TYPE_ACTION_ROW, "Look for a walking group"));
  g_assert_nonnull (find (f->sessions, GTK_TYPE_LABEL,
                          "With team manager, practitioner · RL · CR-104 · 1 action open"));

  /* A sign-off dated in the future: said under the date, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (find (panel, ADW_TYPE_ENTRY_ROW, "Supervisor’s name")),
                         "Pat Lee");
  gtk_editable_set_text (GTK_EDITABLE (find (panel, ADW_TYPE_ENTRY_ROW, "Supervisor’s role")),
                         "Team manager");
  field = find (panel, CP_TYPE_DATE_ROW, "Signed on");
  cp_date_row_set_date (CP_DATE_ROW (field), "2026-03-05");
  click (find (panel, GTK_TYPE_BUTTON, "_Sign Off"));
  assert_message_under (field, "A sign-off cannot be dated on a day still to come.");
  g_assert_nonnull (find (panel, GTK_TYPE_LABEL, "Not signed off yet."));
  {
    g_autoptr(CpSupervisionSession) session = only_session (f);

    g_assert_null (robin_part (f, session)->signoff);
  }
  cp_date_row_set_date (CP_DATE_ROW (field), TODAY);
  click (find (panel, GTK_TYPE_BUTTON, "_Sign Off"));
  g_assert_nonnull (find (panel, GTK_TYPE_LABEL, SIGNED_OFF));
  undo (editor, FALSE);
  g_assert_nonnull (find (panel, GTK_TYPE_LABEL, "Not signed off yet."));
  undo (editor, TRUE);
  g_assert_nonnull (find (panel, GTK_TYPE_LABEL, SIGNED_OFF));

  /* The worker's reflection: saved apart, in no text about the person. */
  type_into_view (named (editor, "reflection"), REFLECTION);
  cp_supervision_session_editor_flush (CP_SUPERVISION_SESSION_EDITOR (editor));
  {
    g_autoptr(CpSupervisionSession) session = only_session (f);
    g_autofree char *reflection = cp_store_dup_worker_reflection (f->ws.store, session->uuid,
                                                                  &error);
    g_autofree char *decision = cp_export_decision_text (f->ws.store, session->uuid, f->robin,
                                                         &error);
    g_autofree char *access = cp_export_subject_access_text (f->ws.store, f->robin, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (reflection, ==, REFLECTION);
    g_assert_null (strstr (decision, "mobile"));
    g_assert_null (strstr (access, "mobile"));
    undo (editor, FALSE);
    g_free (reflection);
    reflection = view_text (named (editor, "reflection"));
    g_assert_cmpstr (reflection, ==, "");
    undo (editor, TRUE);
  }
  cp_test_save_screenshot (editor, "supervision-editor-1280.png");

  /* Taking the last person off is refused, next to the list. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.remove-person", "x", f->robin));
  g_assert_true (gtk_widget_get_visible (find (editor, GTK_TYPE_LABEL,
                                               "A supervision session needs at least one "
                                               "person whose plan was discussed.")));
}

/* The decision through the preview: exactly the text, logged as it leaves. */
static void
test_copy_decision (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *panel_name = g_strdup_printf ("discussed-%" G_GINT64_FORMAT, f->robin);
  AdwMessageDialog *dialog;
  GtkWidget *editor;
  char *uuid;

  show_sessions (f, 1280);
  editor = record_session (f);
  uuid = g_strdup (cp_supervision_session_editor_get_uuid (CP_SUPERVISION_SESSION_EDITOR (editor)));
  g_free (cp_store_add_supervision_action (f->ws.store, uuid, f->robin, "Ring the housing officer",
                                           "team manager", NULL, &error));
  g_assert_true (cp_store_sign_off_supervision (f->ws.store, uuid, f->robin, "Pat Lee",
                                                "Team manager", NULL, &error));
  g_assert_no_error (error);

  cp_summary_dialog_set_clear_delay (100);
  click (find (named (editor, panel_name), GTK_TYPE_BUTTON,
               "_Copy Decision for the Case Record…"));
  dialog = cp_test_wait_for_dialog ("Copy Decision for the Case Record");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (editor));
  expected = cp_export_decision_text (f->ws.store, uuid, f->robin, &error);
  shown = view_text (find (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL));
  g_assert_cmpstr (shown, ==, expected);
  g_assert_nonnull (strstr (shown, "Plan reviewed in supervision on 1 March 2026 by Pat Lee, "
                                   "Team manager."));
  g_assert_nonnull (strstr (shown, "- Ring the housing officer — team manager\n"));
  cp_test_respond (dialog, "copy");

  log = cp_store_list_disclosures (f->ws.store, f->robin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((CpDisclosure *) log->pdata[0])->detail, ==, "the supervision decision");
  g_assert_cmpstr (((CpDisclosure *) log->pdata[0])->to_whom, ==, "the case record");
  g_free (uuid);
}

/* The practitioner's overview: the last supervision and its open actions; never facing
 * the person. */
static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GtkWidget *page = cp_overview_page_new (f->ws.store, cp_store_find_person (f->ws.store,
                                                                             f->robin));
  gint64 robin[1] = { f->robin };
  GtkWidget *line;

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 900);
  gtk_window_set_child (GTK_WINDOW (f->window), page);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (page, "overview-supervision"))), ==,
                   "Not discussed in supervision yet.");

  uuid = cp_store_add_supervision_session (f->ws.store, "2026-02-27", NULL, robin, 1, &error);
  g_free (cp_store_add_supervision_action (f->ws.store, uuid, f->robin, "Look for a walking group",
                                           "practitioner", "2026-03-14", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (page, "overview-supervision"))), ==,
                   "Last discussed in supervision on 27 February 2026.");
  line = named (page, "overview-supervision-action");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (line)), ==,
                   "• Look for a walking group — practitioner, by 14 March 2026");
  cp_test_save_screenshot (f->window, "supervision-overview-360.png");

  g_object_set (page, "with-person", TRUE, NULL);
  g_assert_null (cp_test_find_named (page, "overview-supervision"));
  g_assert_null (cp_test_find_named (page, "overview-supervision-action"));
  g_assert_null (cp_test_find_widget (page, GTK_TYPE_LABEL, "Supervision"));
}

/* Delete Session asks first; the editor goes with it; undo brings it back. At 360 px. */
static void
test_delete_and_narrow (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  AdwMessageDialog *confirm;
  GtkWidget *editor;
  gint64 both[2] = { f->robin, f->alex };

  uuid = cp_store_add_supervision_session (f->ws.store, "2026-02-27", "team manager", both, 2,
                                           &error);
  g_free (cp_store_add_supervision_action (f->ws.store, uuid, f->robin, "Look for a walking group",
                                           "practitioner", "2026-03-14", &error));
  g_free (cp_store_add_supervision_comment (f->ws.store, uuid, f->alex,
                                            "The map is out of date.", &error));
  g_assert_no_error (error);
  show_sessions (f, 360);
  cp_test_save_screenshot (f->window, "supervision-sessions-360.png");

  editor = cp_supervision_session_editor_new (f->ws.store, uuid);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 1600);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (editor);
  g_assert_cmpint (gtk_widget_get_width (editor), <=, 360);
  cp_test_save_screenshot (editor, "supervision-editor-360.png");
  {
    CpSupervisionSessionsDialog *dialog =
      cp_supervision_sessions_dialog_new (f->ws.store, GTK_WINDOW (f->window));

    gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 600);
    gtk_window_present (GTK_WINDOW (dialog));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
    cp_test_save_screenshot (GTK_WIDGET (dialog), "supervision-record-dialog-360.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  confirm = cp_test_wait_for_dialog ("Delete This Session?");
  cp_test_respond (confirm, "cancel");
  g_assert_nonnull (cp_test_find_window (CP_TYPE_SUPERVISION_SESSION_EDITOR));

  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  confirm = cp_test_wait_for_dialog ("Delete This Session?");
  cp_test_respond (confirm, "delete");
  g_assert_true (cp_test_wait_for_widget (f->sessions, ADW_TYPE_STATUS_PAGE,
                                          "No Supervision Recorded Yet", TRUE));
  g_assert_null (cp_test_find_window (CP_TYPE_SUPERVISION_SESSION_EDITOR));

  g_assert_true (cp_store_undo (f->ws.store, &error));
  g_assert_true (cp_test_wait_for_widget (f->sessions, GTK_TYPE_LABEL,
                                          "With team manager · RL · CR-104, AM · 1 action open",
                                          TRUE));
}

/* A caseload of 120 more: the dialog opens with the first fifty people (a row each at
 * once would be thousands for a large workspace), the next come as the list is scrolled
 * to its end, and who was ticked before stays ticked; the session holds the ticked, in
 * the workspace's order. */
static void
test_record_long_caseload (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *robin_row = g_strdup_printf ("person-%" G_GINT64_FORMAT, f->robin);
  g_autoptr(CpSupervisionSession) session = NULL;
  GtkWidget *dialog, *list, *far;
  GtkScrolledWindow *scroll;
  GtkAdjustment *adjustment;
  gint64 far_id = 0;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);

      far_id = cp_test_add_person (f->ws.store, name);  /* the last: far down the list */
    }
  show_sessions (f, 1000);
  g_assert_true (cp_test_press_shortcut (f->sessions, "<Control><Shift>n"));
  dialog = GTK_WIDGET (cp_test_wait_for_window (CP_TYPE_SUPERVISION_SESSIONS_DIALOG));
  gtk_test_widget_wait_for_draw (dialog);
  list = gtk_widget_get_parent (named (dialog, robin_row));
  g_assert_cmpuint (cp_test_count_rows (list), ==, 50);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (named (dialog, robin_row),
                                                       GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);

  scroll = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroll);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));
  cp_test_wait_for_rows (list, 100);
  gtk_test_widget_wait_for_draw (dialog);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));
  cp_test_wait_for_rows (list, 122);  /* everyone but the closed */
  {
    g_autofree char *far_row = g_strdup_printf ("person-%" G_GINT64_FORMAT, far_id);

    far = named (dialog, far_row);
  }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (far, GTK_TYPE_CHECK_BUTTON, NULL)),
                               TRUE);
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (find (named (dialog, robin_row), GTK_TYPE_CHECK_BUTTON, NULL))));
  click (find (dialog, GTK_TYPE_BUTTON, "_Record"));
  cp_test_wait_for_window (CP_TYPE_SUPERVISION_SESSION_EDITOR);

  session = only_session (f);
  g_assert_cmpuint (session->people->len, ==, 2);
  g_assert_cmpint (((CpSupervisionDiscussed *) session->people->pdata[0])->person_id, ==,
                   f->robin);
  g_assert_cmpint (((CpSupervisionDiscussed *) session->people->pdata[1])->person_id, ==,
                   far_id);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add ("/cp/supervision/sessions/record-and-edit", Fixture, NULL, set_up,
              test_record_and_edit, tear_down);
  g_test_add ("/cp/supervision/sessions/copy-decision", Fixture, NULL, set_up,
              test_copy_decision, tear_down);
  g_test_add ("/cp/supervision/sessions/overview", Fixture, NULL, set_up, test_overview,
              tear_down);
  g_test_add ("/cp/supervision/sessions/delete-and-narrow", Fixture, NULL, set_up,
              test_delete_and_narrow, tear_down);
  g_test_add ("/cp/supervision/sessions/record-long-caseload", Fixture, NULL, set_up,
              test_record_long_caseload, tear_down);

  return g_test_run ();
}
