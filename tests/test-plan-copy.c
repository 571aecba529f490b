/* test-plan-copy.c: the person's copy of the plan and the case-record summary from the
 * Person Menu, the disclosure log and the guide date on the Details tab
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-plan-copy"

#include <poppler.h>

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "export/cp-export-plan.h"
#include "people/cp-people-page-private.h"
#include "people/cp-person-disclosures.h"
#include "people/cp-plan-copy-dialog.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-supervision-sheet-dialog.h"
#include "ui/cp-date-row.h"
#include "ui/cp-menu-button.h"
#include "util/cp-date.h"

typedef CpTestWindow Fixture;

static const char *COPY_HEADING = "Person’s Copy of the Plan";

/* The practice workspace in the window, with Jo's page open. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CpPerson) jo = NULL;

  cp_test_workspace_set_up_practice (&f->ws, NULL);
  cp_test_window_present (f, TRUE);
  jo = cp_test_dup_person (f->ws.store, "Jo");
  cp_people_page_open_person (CP_PEOPLE_PAGE (f->window->people_page), jo);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static CpPeoplePage *
page (Fixture *f)
{
  return CP_PEOPLE_PAGE (f->window->people_page);
}

static CpPerson *
jo (Fixture *f)
{
  return _cp_people_page_get_person (page (f));
}

static guint
n_disclosures (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = cp_store_list_disclosures (f->ws.store,
                                                        cp_person_get_id (jo (f)), &error);

  g_assert_no_error (error);
  return log->len;
}

/* Whether @menu (or a section of it) has an item saying @label that runs @action. */
static gboolean
menu_has (GMenuModel *menu,
          const char *label,
          const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has (section, label, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, "label", "s", &item_label)
          && g_menu_model_get_item_attribute (menu, i, "action", "s", &item_action)
          && g_strcmp0 (item_label, label) == 0 && g_strcmp0 (item_action, action) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Chooses the Person Menu's item that runs @action, as a click on it would. */
static void
choose_from_person_menu (Fixture    *f,
                         const char *label,
                         const char *action)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (page (f)->person_menu_button);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_true (menu_has (cp_menu_button_get_menu_model (button), label, action));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (f)), action, NULL));
  cp_test_flush_main_context ();
}

static CpPlanCopyDialog *
open_copy_dialog (Fixture *f)
{
  choose_from_person_menu (f, "Person’s _Copy of the Plan…", "person.plan-copy");
  return CP_PLAN_COPY_DIALOG (cp_test_wait_for_dialog (COPY_HEADING));
}

/* The switch of the dialog's row titled @title. */
static GtkSwitch *
row_switch (CpPlanCopyDialog *dialog,
            const char       *title)
{
  GtkWidget *row = cp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return GTK_SWITCH (cp_test_find_widget (row, GTK_TYPE_SWITCH, NULL));
}

static void
show_details (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (page (f)), "person.tab", "i", 4);
  cp_test_flush_main_context ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static GtkWidget *
log_group (Fixture *f)
{
  GtkWidget *group = cp_test_find_named (GTK_WIDGET (f->window), "disclosure-log");

  g_assert_nonnull (group);
  return group;
}

static gboolean
not_busy (gpointer data)
{
  return !cp_window_get_busy (data);
}

static char *
pdf_text (const char *path)
{
  PopplerDocument *doc = cp_test_poppler_open (path);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *pdf_page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (pdf_page);

      g_string_append_printf (text, "%s ", page_text);
      g_object_unref (pdf_page);
    }
  g_object_unref (doc);
  /* Lines are broken where the page needs: one space between words. */
  words = g_strsplit_set (text->str, " \n\t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (out, FALSE);
}

/* The practitioner's full plan: logged as an identifiable export. */
static void
practitioner_plan (Fixture *f)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CpPlanCopyDialog *dialog = open_copy_dialog (f);
  GtkWidget *practitioner = cp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                 "The _practitioner’s full plan");

  g_assert_nonnull (practitioner);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cp_test_find_widget (practitioner,
                                                                      GTK_TYPE_CHECK_BUTTON,
                                                                      NULL)), TRUE);
  /* The person's copy's choices go with it. */
  g_assert_null (cp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "_Easy read"));
  cp_plan_copy_dialog_save_to (dialog, file);
  g_assert_true (cp_test_wait_until (not_busy, f->window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  show_details (f);
  g_assert_nonnull (cp_test_find_widget (log_group (f), ADW_TYPE_ACTION_ROW,
                                         "An export with names in it"));
  cp_test_rm_rf (dir);
}

/* A screenshot of the window @width wide, the Details tab scrolled to the log (only
 * with CPKIT_SCREENSHOT_DIR set: laying the window out again takes a while). */
static void
shoot_details (Fixture    *f,
               int         width,
               const char *name)
{
  GtkWidget *given;
  GtkAdjustment *adjustment;

  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  given = cp_test_find_widget (GTK_WIDGET (f->window), CP_TYPE_PERSON_DISCLOSURES, NULL);
  g_assert_nonnull (given);
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (given, GTK_TYPE_SCROLLED_WINDOW)));
  /* The log is near the end of the tab. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));
  cp_test_save_screenshot (GTK_WIDGET (f->window), name);
}

/* Person Menu → Person's Copy of the Plan…: easy read preset from Jo's needs, made
 * discreet by the user, written in a worker with the busy banner, a PDF holding Jo's
 * goal in her words; the Details tab's log shows it at once. */
static void
test_person_copy (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *name = cp_export_plan_file_name (jo (f), CP_PLAN_COPY_PERSON);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *toast = g_strdup_printf ("Saved “%s”", name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = cp_store_list_goals (f->ws.store, cp_person_get_id (jo (f)),
                                                    &error);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *today = cp_date_today ();
  g_autofree char *today_words = cp_date_format_long (today);
  CpPlanCopyDialog *dialog;
  CpPlanExportOptions preset;
  GtkWidget *row;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, >, 0);
  g_assert_null (strstr (name, "Jo"));
  show_details (f);
  row = cp_test_find_widget (log_group (f), ADW_TYPE_ACTION_ROW,
                             "Nothing about them has left the app yet");
  g_assert_nonnull (row);
  /* A log row is named by its title (and described by its subtitle) alone: a label of
   * its own is said before the title, so a screen reader said the title twice. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));

  dialog = open_copy_dialog (f);
  cp_plan_export_options_init (&preset, CP_PLAN_COPY_PERSON, jo (f));
  g_assert_cmpint (gtk_switch_get_active (row_switch (dialog, "_Large print")), ==,
                   preset.large_print);
  g_assert_cmpint (gtk_switch_get_active (row_switch (dialog, "_Easy read")), ==,
                   preset.easy_read);
  g_assert_false (gtk_switch_get_active (row_switch (dialog, "_Include how the goals are "
                                                             "going")));
  gtk_switch_set_active (row_switch (dialog, "_Easy read"), TRUE);
  gtk_switch_set_active (row_switch (dialog, "_Discreet copy"), TRUE);
  if (g_getenv ("CPKIT_SCREENSHOT_DIR") != NULL)
    {
      cp_test_save_screenshot (GTK_WIDGET (dialog), "plan-copy-dialog.png");
      gtk_window_set_default_size (GTK_WINDOW (dialog), 360, -1);
      cp_test_save_screenshot (GTK_WIDGET (dialog), "plan-copy-dialog-360.png");
    }

  cp_plan_copy_dialog_save_to (dialog, file);
  /* Written in a worker: the window is busy and still running its loop. */
  g_assert_true (cp_window_get_busy (f->window));
  g_assert_null (cp_test_find_dialog (COPY_HEADING));
  g_assert_true (cp_test_wait_until (not_busy, f->window));
  g_assert_true (cp_test_wait_for_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL, toast, TRUE));

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, ((CpGoalInfo *) goals->pdata[0])->text));
  g_assert_null (strstr (text, "mental health team"));   /* discreet */

  /* The log, live, newest first; the last copy given has today's date. */
  g_assert_cmpuint (n_disclosures (f), ==, 1);
  row = cp_test_find_widget (log_group (f), ADW_TYPE_ACTION_ROW, "Their copy of the plan");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), today_words));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "to the person"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "discreet"));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_null (cp_test_find_widget (log_group (f), ADW_TYPE_ACTION_ROW,
                                      "Nothing about them has left the app yet"));
  row = cp_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_ACTION_ROW,
                             "Their copy of the plan, last given");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, today_words);

  if (g_getenv ("CPKIT_SCREENSHOT_DIR") != NULL)
    {
      shoot_details (f, 1280, "details-disclosures.png");
      shoot_details (f, 360, "details-disclosures-360.png");
    }
  cp_test_rm_rf (dir);

  practitioner_plan (f);
}

/* A label below @root that starts with @prefix, or NULL. */
static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root)
      && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The toast that says an export failed is up. */
static gboolean
error_shown (gpointer data)
{
  return find_label_starting (data, "Not saved") != NULL;
}

/* A folder that is not there, or a "folder" that is a file: an error says so, nothing
 * is written and nothing logged (the second error's toast waits behind the first).
 * Cancel does nothing at all. */
static void
test_export_fails (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  const char *folders[] = { "missing", "file" };
  AdwMessageDialog *dialog;

  cp_test_write_file (dir, "file", "not a folder");
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (dir, folders[i], "plan.pdf", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      cp_plan_copy_dialog_save_to (open_copy_dialog (f), file);
      g_assert_true (cp_test_wait_until (not_busy, f->window));
      if (i == 0)
        g_assert_true (cp_test_wait_until (error_shown, f->window));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (n_disclosures (f), ==, 0);
      /* no temporary left either */
      g_assert_cmpuint (cp_test_count_files (dir), ==, 1);
    }

  dialog = ADW_MESSAGE_DIALOG (open_copy_dialog (f));
  cp_test_respond (dialog, "cancel");
  cp_test_flush_main_context ();
  g_assert_null (cp_test_find_dialog (COPY_HEADING));
  g_assert_null (cp_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_cmpuint (n_disclosures (f), ==, 0);
  cp_test_rm_rf (dir);
}

static gboolean
saved_shown (gpointer data)
{
  return find_label_starting (data, "Saved “supervision-") != NULL;
}

/* Person Menu → Supervision Sheet…: nothing until Jo has been discussed at a session;
 * then a chooser offers the sheet's own name, and the sheet is written in a worker,
 * logged, and said in a toast. */
static void
test_supervision_sheet (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *today = cp_date_today ();
  g_autofree char *expected = g_strdup_printf ("supervision-PRACTICE-0001-%s.pdf", today);
  g_autofree char *path = g_build_filename (dir, expected, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *session = NULL;
  g_autofree char *offered = NULL;
  gint64 id = cp_person_get_id (jo (f));
  GtkWindow *chooser;

  choose_from_person_menu (f, "Super_vision Sheet…", "person.supervision-sheet");
  g_assert_null (cp_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));

  session = cp_store_add_supervision_session (f->ws.store, today, "Team manager", &id, 1,
                                              &error);
  g_assert_no_error (error);
  cp_test_flush_main_context ();
  choose_from_person_menu (f, "Super_vision Sheet…", "person.supervision-sheet");
  chooser = cp_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (offered, ==, expected);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cp_test_flush_main_context ();
  g_assert_cmpuint (n_disclosures (f), ==, 0);

  cp_supervision_sheet_save_to (GTK_WIDGET (page (f)), f->ws.store, id, NULL, file);
  g_assert_true (cp_test_wait_until (not_busy, f->window));
  g_assert_true (cp_test_wait_until (saved_shown, f->window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (n_disclosures (f), ==, 1);
  cp_test_rm_rf (dir);
}

/* Person Menu → Copy Summary for the Case Record…: Copy logs it, and the log shows it. */
static void
case_summary (Fixture *f)
{
  AdwMessageDialog *dialog;

  show_details (f);
  choose_from_person_menu (f, "Copy _Summary for the Case Record…", "person.case-summary");
  dialog = cp_test_wait_for_dialog ("Copy Summary for the Case Record");
  cp_test_respond (dialog, "copy");
  cp_test_flush_main_context ();
  g_assert_cmpuint (n_disclosures (f), ==, 1);
  g_assert_true (cp_test_wait_for_widget (log_group (f), ADW_TYPE_ACTION_ROW,
                                          "A summary for the case record", TRUE));
}

static const char *
overview_guide (Fixture *f)
{
  GtkWidget *label = cp_test_find_named (GTK_WIDGET (page (f)->overview), "overview-guide");

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

/* "Today" on the Details tab records the guide as gone through, the Overview says so,
 * and Ctrl+Z takes it back in one step. A day still to come is refused next to it. */
static void
test_guide (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *today = cp_date_today ();
  g_autofree char *tomorrow = cp_date_add_days (today, 1);
  g_autofree char *today_words = cp_date_format_long (today);
  g_autofree char *said = g_strdup_printf ("Gone through the guide with them on %s.",
                                           today_words);
  const char *before = cp_person_get_guide_on (jo (f));
  g_autofree char *was = g_strdup (before);
  CpDateRow *row;
  GtkWidget *button;

  g_assert_cmpstr (was, !=, today);
  show_details (f);
  row = CP_DATE_ROW (cp_test_find_widget (GTK_WIDGET (f->window), CP_TYPE_DATE_ROW,
                                          "Gone through the guide"));
  g_assert_nonnull (row);
  button = cp_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, "_Today");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  cp_test_flush_main_context ();
  g_assert_cmpstr (cp_person_get_guide_on (jo (f)), ==, today);
  g_assert_cmpstr (cp_date_row_get_date (row), ==, today);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (overview_guide (f), ==, said);

  g_assert_true (cp_test_press_shortcut (GTK_WIDGET (f->window), "<Control>z"));
  cp_test_flush_main_context ();
  g_assert_cmpstr (cp_person_get_guide_on (jo (f)), ==, was);
  g_assert_cmpstr (cp_date_row_get_date (row), ==, was);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (overview_guide (f), !=, said);

  /* Tomorrow, as picked in the calendar: refused, said on the row, nothing recorded. */
  cp_date_row_set_date (row, tomorrow);
  g_signal_emit_by_name (row, "date-chosen");
  cp_test_flush_main_context ();
  g_assert_cmpstr (cp_person_get_guide_on (jo (f)), ==, was);
  g_assert_cmpstr (cp_date_row_get_date (row), ==, was);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "That day is still to come.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  /* Today then is fine, and the message goes. */
  g_signal_emit_by_name (button, "clicked");
  cp_test_flush_main_context ();
  g_assert_cmpstr (cp_person_get_guide_on (jo (f)), ==, today);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
}

/* The summary copied from the Person Menu is in the log, and so is a subject-access
 * report; the with-person view never
 * shows the log or the guide row, and the page under it lets go of what it held. */
static void
test_summary_not_with_person (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *report = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (report);
  GtkWidget *group;

  case_summary (f);
  group = log_group (f);
  /* Everything held about them, too. */
  _cp_people_page_subject_access_to (page (f), file);
  g_assert_true (cp_test_wait_until (not_busy, f->window));
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  g_assert_true (cp_test_wait_for_widget (group, ADW_TYPE_ACTION_ROW,
                                          "Everything held about them", TRUE));
  cp_test_rm_rf (dir);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.with-person", NULL);
  cp_test_flush_main_context ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (_cp_window_get_with_person (f->window));
  g_assert_false (gtk_widget_is_drawable (group));
  g_assert_null (cp_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_ACTION_ROW,
                                      "A summary for the case record"));
  g_assert_null (cp_test_find_widget (GTK_WIDGET (f->window), CP_TYPE_DATE_ROW,
                                      "Gone through the guide"));
  /* Not even hidden: the page under the view let go of the person. */
  g_assert_null (_cp_people_page_get_person (page (f)));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps the accessible properties to read */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cp_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/cp/people/plan-copy/" path, Fixture, NULL, fixture_set_up, func, \
              cp_test_window_tear_down)
  ADD ("person-copy", test_person_copy);
  ADD ("export-fails", test_export_fails);
  ADD ("summary-not-with-person", test_summary_not_with_person);
  ADD ("guide", test_guide);
  ADD ("supervision-sheet", test_supervision_sheet);
#undef ADD
  return g_test_run ();
}
