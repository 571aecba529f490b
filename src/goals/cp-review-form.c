/* cp-review-form.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-review-form"

#include <glib/gi18n.h>

#include "ui/cp-a11y.h"
#include "cp-gas.h"
#include "cp-goal-words.h"
#include "cp-review-form.h"
#include "cp-review-ui.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-reviews.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

#define N_BARRIERS (CP_BARRIER_LAST + 1)
#define MAX_CHOICES 6   /* "Not rated" and five GAS levels */

/* One active goal's rating: choices[0] is "Not rated"; then −2 .. +2 with Goal
 * Attainment Scaling, or further on, about the same, harder without. */
typedef struct
{
  gint64      goal_id;
  int         importance;
  int         difficulty;
  gboolean    gas;
  guint       n_choices;
  GtkWidget  *choices[MAX_CHOICES];
  GtkWidget  *counts_label;
  GtkWidget  *note;
} GoalRating;

struct _CpReviewForm
{
  GtkWidget   parent_instance;

  CpStore    *store;
  CpPerson   *person;
  GSettings  *settings;
  gboolean    with_person;
  gboolean    next_typed;       /* the next review was typed over: stop suggesting */
  gboolean    setting_next;
  GPtrArray  *goals;            /* GoalRating */

  GtkWidget  *box;
  GtkWidget  *date_row;
  GtkWidget  *date_message;
  GtkWidget  *attended_row;
  GtkWidget  *own_view;
  GtkWidget  *own_view_section;
  GtkWidget  *own_view_field;
  GtkWidget  *happened_section;
  GtkWidget  *notes;
  GtkWidget  *contacts_row;
  GtkWidget  *barriers_section;
  GtkWidget  *barrier_checks[N_BARRIERS];
  GtkWidget  *barrier_notes[N_BARRIERS];   /* NULL for safety */
  GtkWidget  *safety_label;
  GtkWidget  *goals_summary;
  GtkWidget  *goals_box;
  GtkWidget  *next_steps;
  GtkWidget  *next_row;
  GtkWidget  *next_message;
  GtkWidget  *message;
};

G_DEFINE_FINAL_TYPE (CpReviewForm, cp_review_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WITH_PERSON,
  N_PROPS
};

enum {
  RECORDED,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Goals ----------------------------------------------------------------------------- */

static void
goal_rating_free (GoalRating *rating)
{
  g_free (rating);
}

static int
chosen (GoalRating *rating)
{
  for (guint i = 1; i < rating->n_choices; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rating->choices[i])))
      return (int) i;
  return 0;
}

/* Whether the goal counts for the T-score, in words: the reason a goal is left out is
 * what the practitioner can fix (cp-gas.h). */
static const char *
counts_words (GoalRating *rating)
{
  CpGasGoal goal = { rating->importance, rating->difficulty, 0 };
  gboolean rated = chosen (rating) != 0;

  switch (cp_gas_goal_counts (&goal))
    {
    case CP_GAS_COUNTED:
      return rated ? _("Counts for the score") : _("Counts for the score once rated");
    case CP_GAS_WEIGHT_ZERO:
      return _("Does not count for the score: its importance or difficulty is 0");
    case CP_GAS_PARTLY_WEIGHTED:
      return _("Does not count for the score: it needs both importance and difficulty, or neither");
    case CP_GAS_NOT_RATED:
    case CP_GAS_OUT_OF_RANGE:
    default:
      return _("Does not count for the score");
    }
}

static void
update_counts (CpReviewForm *self)
{
  guint counting = 0, gas_goals = 0;

  for (guint i = 0; i < self->goals->len; i++)
    {
      GoalRating *rating = g_ptr_array_index (self->goals, i);
      CpGasGoal goal = { rating->importance, rating->difficulty, 0 };

      if (!rating->gas)
        continue;
      gas_goals++;
      /* Scores are the practitioner's: facing the person these words stay empty. */
      gtk_label_set_label (GTK_LABEL (rating->counts_label),
                           self->with_person ? "" : counts_words (rating));
      if (cp_gas_goal_counts (&goal) == CP_GAS_COUNTED)
        counting++;
    }
  if (self->with_person || gas_goals == 0)
    {
      gtk_label_set_label (GTK_LABEL (self->goals_summary), self->with_person ? ""
                           : _("How is each goal going: further on, about the same, or harder?"));
      return;
    }
  {
    g_autofree char *text =
      g_strdup_printf (ngettext ("%u of %u goal counts for the score (T-score).",
                                 "%u of %u goals count for the score (T-score).", gas_goals),
                       counting, gas_goals);

    gtk_label_set_label (GTK_LABEL (self->goals_summary), text);
  }
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   CpReviewForm    *self)
{
  if (gtk_toggle_button_get_active (button))
    update_counts (self);
}

static GtkWidget *
choice_button (const char *label,
               const char *accessible,
               const char *tooltip,
               GtkWidget  *group)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_widget_set_hexpand (button, TRUE);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);

  return button;
}

static void
add_goal (CpReviewForm     *self,
          const CpGoalInfo *goal,
          gboolean          gas)
{
  GoalRating *rating = g_new0 (GoalRating, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title = cp_review_ui_label (goal->text, "heading");
  GtkWidget *list;
  g_autofree char *note_label = NULL;

  rating->goal_id = goal->id;
  rating->importance = goal->importance;
  rating->difficulty = goal->difficulty;
  rating->gas = gas;
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (choices, "linked");
  /* Facing the person the levels are said in words, in larger text: one under another. */
  if (self->with_person)
    gtk_orientable_set_orientation (GTK_ORIENTABLE (choices), GTK_ORIENTATION_VERTICAL);
  g_object_set (box, "margin-top", 0, NULL);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_box_append (GTK_BOX (box), title);

  rating->choices[0] = choice_button (_("Not rated"), _("Not rated"), NULL, NULL);
  rating->n_choices = 1;
  if (gas)
    {
      for (int level = -2; level <= 2; level++)
        {
          const char *own = goal->levels[CP_GOAL_LEVEL_INDEX (level)];
          g_autofree char *number = level == 0 ? g_strdup ("0")
                                    : level > 0 ? g_strdup_printf ("+%d", level)
                                    : g_strdup_printf ("−%d", -level);
          /* Facing the person: the level in words, never its number. */
          g_autofree char *words = self->with_person ? g_strdup (cp_gas_level_label (level))
                                   : g_strdup_printf ("%s: %s", number, cp_gas_level_label (level));
          g_autofree char *tip = own && own[0] ? g_strdup_printf ("%s — %s", words, own)
                                               : g_strdup (words);

          rating->choices[rating->n_choices++] =
            choice_button (self->with_person ? words : number, words, tip, rating->choices[0]);
        }
    }
  else
    {
      for (CpProgress p = CP_PROGRESS_FURTHER; p <= CP_PROGRESS_HARDER; p++)
        rating->choices[rating->n_choices++] =
          choice_button (cp_progress_label (p), cp_progress_label (p), NULL, rating->choices[0]);
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (rating->choices[0]), TRUE);
  for (guint i = 0; i < rating->n_choices; i++)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (rating->choices[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, goal->text, -1);
      g_signal_connect (rating->choices[i], "toggled", G_CALLBACK (choice_toggled_cb), self);
      gtk_box_append (GTK_BOX (choices), rating->choices[i]);
    }
  gtk_widget_set_margin_start (choices, 12);
  gtk_widget_set_margin_end (choices, 12);
  gtk_box_append (GTK_BOX (box), choices);

  rating->counts_label = cp_review_ui_label (NULL, "caption");
  gtk_widget_add_css_class (rating->counts_label, "dim-label");
  gtk_widget_set_margin_start (rating->counts_label, 12);
  gtk_widget_set_margin_end (rating->counts_label, 12);
  gtk_widget_set_visible (rating->counts_label, gas && !self->with_person);
  gtk_box_append (GTK_BOX (box), rating->counts_label);

  rating->note = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rating->note), _("Note on this goal"));
  note_label = g_strdup_printf (_("Note on the goal: %s"), goal->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rating->note),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, note_label, -1);
  list = cp_review_ui_boxed_list (box, note_label);
  gtk_list_box_append (GTK_LIST_BOX (list), rating->note);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_bottom (list, 12);

  gtk_box_append (GTK_BOX (self->goals_box), box);
  g_ptr_array_add (self->goals, rating);
}

static void
load_goals (CpReviewForm *self)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  gboolean gas = g_settings_get_boolean (self->settings, "goal-scaling");
  guint n = 0;

  cp_review_ui_clear_box (self->goals_box);
  g_ptr_array_set_size (self->goals, 0);
  goals = cp_store_list_goals (self->store, cp_person_get_id (self->person), &error);
  if (goals == NULL)
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (goals, i);

      if (goal->status != CP_GOAL_STATUS_ACTIVE)
        continue;
      add_goal (self, goal, gas);
      n++;
    }
  if (n == 0)
    gtk_box_append (GTK_BOX (self->goals_box),
                    cp_review_ui_label (_("No active goals to rate. Agree goals in the Goals tab."),
                                        "dim-label"));
  gtk_widget_set_visible (self->goals_summary, !self->with_person && n > 0);
  update_counts (self);
}

/* ---- Dates ----------------------------------------------------------------------------- */

static void
suggest_next (CpReviewForm *self)
{
  g_autofree char *held = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autofree char *next = NULL;

  if (self->next_typed || !cp_date_is_valid (held))
    return;
  next = cp_review_schedule (held, g_settings_get_uint (self->settings, "review-weeks"));
  self->setting_next = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->next_row), next ? next : "");
  self->setting_next = FALSE;
}

static void
date_changed_cb (GtkEditable  *editable,
                 CpReviewForm *self)
{
  cp_review_ui_show_message (self->date_message, NULL);
  suggest_next (self);
}

static void
next_changed_cb (GtkEditable  *editable,
                 CpReviewForm *self)
{
  if (!self->setting_next)
    self->next_typed = TRUE;
  cp_review_ui_show_message (self->next_message, NULL);
}

/* ---- Barriers -------------------------------------------------------------------------- */

static void
barrier_toggled_cb (GtkCheckButton *check,
                    CpReviewForm   *self)
{
  for (guint b = 0; b < N_BARRIERS; b++)
    {
      gboolean on = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->barrier_checks[b]));

      if (self->barrier_notes[b] != NULL)
        gtk_widget_set_visible (self->barrier_notes[b], on);
      else
        gtk_widget_set_visible (self->safety_label, on);
    }
}

static void
build_barriers (CpReviewForm *self,
                GtkWidget    *section)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *notes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  for (guint b = 0; b < N_BARRIERS; b++)
    {
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = cp_review_ui_label (cp_barrier_label (b), NULL);

      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_widget_set_hexpand (check, TRUE);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, cp_barrier_label (b), -1);
      g_signal_connect (check, "toggled", G_CALLBACK (barrier_toggled_cb), self);
      gtk_grid_attach (GTK_GRID (grid), check, b % 2, b / 2, 1, 1);
      self->barrier_checks[b] = check;
      if (b == CP_BARRIER_SAFETY)
        continue;
      {
        GtkWidget *entry = gtk_entry_new ();
        g_autofree char *what = g_strdup_printf (_("Note on “%s”"), cp_barrier_label (b));

        gtk_entry_set_placeholder_text (GTK_ENTRY (entry), what);
        gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
        gtk_widget_set_visible (entry, FALSE);
        gtk_box_append (GTK_BOX (notes), entry);
        self->barrier_notes[b] = entry;
      }
    }
  self->safety_label =
    cp_review_ui_label (_("Safety: record this in the case record, not here."), "warning");
  gtk_widget_set_visible (self->safety_label, FALSE);
  gtk_box_append (GTK_BOX (notes), self->safety_label);
  gtk_box_append (GTK_BOX (section), grid);
  gtk_box_append (GTK_BOX (section), notes);
}

/* ---- Recording ------------------------------------------------------------------------- */

static void
add_ratings (CpReviewForm *self,
             CpReviewInfo *info)
{
  for (guint i = 0; i < self->goals->len; i++)
    {
      GoalRating *rating = g_ptr_array_index (self->goals, i);
      g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rating->note))));
      int choice = chosen (rating);
      int level = CP_GOAL_NOT_SET;
      CpProgress progress = CP_PROGRESS_NONE;

      if (choice != 0 && rating->gas)
        level = choice - 3;
      else if (choice != 0)
        progress = (CpProgress) choice;
      if (choice != 0 || note[0] != '\0')
        cp_review_info_add_rating (info, rating->goal_id, level, progress, note);
    }
}

static void
add_barriers (CpReviewForm *self,
              CpReviewInfo *info)
{
  if (self->with_person)
    return;
  for (guint b = 0; b < N_BARRIERS; b++)
    {
      g_autofree char *note = NULL;

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (self->barrier_checks[b])))
        continue;
      if (self->barrier_notes[b] != NULL)
        note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->barrier_notes[b]))));
      cp_review_info_add_barrier (info, b, note ? note : "");
    }
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strstrip (g_strdup (text));
}

gboolean
cp_review_form_record (CpReviewForm *self)
{
  g_autoptr(CpReviewInfo) info = cp_review_info_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = cp_date_today ();
  g_autofree char *held = NULL;
  g_autofree char *next = NULL;
  g_autofree char *held_message = NULL;
  g_autofree char *next_message = NULL;
  gint64 id;

  g_return_val_if_fail (CP_IS_REVIEW_FORM (self), FALSE);

  held_message = cp_review_ui_check_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                          TRUE, NULL, today, &held);
  cp_review_ui_show_message (self->date_message, held_message);
  if (held != NULL)
    next_message = cp_review_ui_check_date (gtk_editable_get_text (GTK_EDITABLE (self->next_row)),
                                            FALSE, held, NULL, &next);
  cp_review_ui_show_message (self->next_message, next_message);
  cp_review_ui_show_message (self->message, NULL);
  if (held_message != NULL)
    {
      gtk_widget_grab_focus (self->date_row);
      return FALSE;
    }
  if (next_message != NULL)
    {
      gtk_widget_grab_focus (self->next_row);
      return FALSE;
    }

  set_text (&info->held_on, held);
  set_text (&info->attended, gtk_editable_get_text (GTK_EDITABLE (self->attended_row)));
  g_free (info->own_view);
  info->own_view = cp_review_ui_dup_text (self->own_view);
  if (!self->with_person)
    {
      g_free (info->notes);
      info->notes = cp_review_ui_dup_text (self->notes);
      set_text (&info->new_contacts, gtk_editable_get_text (GTK_EDITABLE (self->contacts_row)));
    }
  g_free (info->next_steps);
  info->next_steps = cp_review_ui_dup_text (self->next_steps);
  add_ratings (self, info);
  add_barriers (self, info);

  id = cp_store_add_review (self->store, cp_person_get_id (self->person), info, next, &error);
  if (id == 0)
    {
      if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
        cp_review_ui_show_message (self->message, error->message);
      else
        cp_toaster_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  g_signal_emit (self, signals[RECORDED], 0, id);

  return TRUE;
}

void
cp_review_form_reset (CpReviewForm *self)
{
  g_autofree char *today = cp_date_today ();

  g_return_if_fail (CP_IS_REVIEW_FORM (self));

  self->next_typed = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->attended_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->contacts_row), "");
  cp_review_ui_set_text (self->own_view, "");
  cp_review_ui_set_text (self->notes, "");
  cp_review_ui_set_text (self->next_steps, "");
  for (guint b = 0; b < N_BARRIERS; b++)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->barrier_checks[b]), FALSE);
      if (self->barrier_notes[b] != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->barrier_notes[b]), "");
    }
  suggest_next (self);
  load_goals (self);
  cp_review_ui_show_message (self->date_message, NULL);
  cp_review_ui_show_message (self->next_message, NULL);
  cp_review_ui_show_message (self->message, NULL);
  gtk_widget_grab_focus (self->date_row);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  cp_review_form_record (CP_REVIEW_FORM (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[CANCELLED], 0);
}

/* The person's own view: "their" words for the practitioner, "my" words facing the person. */
static void
set_own_view_words (CpReviewForm *self)
{
  const char *heading = self->with_person ? _("In my words") : _("In their words");
  const char *field = self->with_person ? _("How things have gone for me")
                                        : _("Their own view of how things have gone");

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (self->own_view_section)), heading);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (self->own_view_field)), field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->own_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field, -1);
}

/* ---- Building -------------------------------------------------------------------------- */

static GtkWidget *
entry_row (GtkWidget  *section,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (cp_review_ui_boxed_list (section, title)), row);

  return row;
}

static GtkWidget *
button (const char *mnemonic,
        const char *action)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (mnemonic);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  cp_a11y_fix_names (b);

  return b;
}

static void
build (CpReviewForm *self)
{
  GtkWidget *section, *buttons, *record;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  section = cp_review_ui_section (self->box, _("The review"));
  self->date_row = entry_row (section, _("Date held (YYYY-MM-DD)"));
  self->date_message = cp_review_ui_message_new ();
  gtk_box_append (GTK_BOX (section), self->date_message);
  self->attended_row = entry_row (section, _("Who attended"));

  /* (the words are set_own_view_words ()'s) */
  self->own_view_section = section = cp_review_ui_section (self->box, "");
  self->own_view_field = cp_review_ui_text_field ("", &self->own_view);
  gtk_box_append (GTK_BOX (section), self->own_view_field);

  self->happened_section = section = cp_review_ui_section (self->box, _("What happened"));
  gtk_box_append (GTK_BOX (section),
                  cp_review_ui_text_field (_("What happened since the last review"), &self->notes));
  self->contacts_row = entry_row (section, _("New contacts made"));

  self->barriers_section = section = cp_review_ui_section (self->box, _("What got in the way"));
  build_barriers (self, section);

  section = cp_review_ui_section (self->box, _("Goals"));
  self->goals_summary = cp_review_ui_label (NULL, "dim-label");
  gtk_box_append (GTK_BOX (section), self->goals_summary);
  self->goals_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (section), self->goals_box);

  section = cp_review_ui_section (self->box, _("What next"));
  gtk_box_append (GTK_BOX (section),
                  cp_review_ui_text_field (_("Next steps"), &self->next_steps));
  self->next_row = entry_row (section, _("Next review (YYYY-MM-DD)"));
  self->next_message = cp_review_ui_message_new ();
  gtk_box_append (GTK_BOX (section), self->next_message);

  self->message = cp_review_ui_message_new ();
  gtk_box_append (GTK_BOX (self->box), self->message);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), button (_("_Cancel"), "review.cancel"));
  record = button (_("_Record Review"), "review.record");
  gtk_widget_set_tooltip_text (record, _("Record the review (Ctrl+Enter)"));
  gtk_widget_add_css_class (record, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), record);
  gtk_box_append (GTK_BOX (self->box), buttons);

  set_own_view_words (self);
  g_signal_connect (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect (self->next_row, "changed", G_CALLBACK (next_changed_cb), self);
}

static void
apply_with_person (CpReviewForm *self)
{
  set_own_view_words (self);
  gtk_widget_set_visible (self->happened_section, !self->with_person);
  gtk_widget_set_visible (self->barriers_section, !self->with_person);
  /* The rating buttons say their level in words facing the person, in numbers otherwise. */
  if (self->store != NULL)
    load_goals (self);
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
cp_review_form_dispose (GObject *object)
{
  CpReviewForm *self = CP_REVIEW_FORM (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->settings);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_review_form_parent_class)->dispose (object);
}

static void
cp_review_form_finalize (GObject *object)
{
  CpReviewForm *self = CP_REVIEW_FORM (object);

  g_ptr_array_unref (self->goals);
  G_OBJECT_CLASS (cp_review_form_parent_class)->finalize (object);
}

static void
cp_review_form_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CpReviewForm *self = CP_REVIEW_FORM (object);

  switch (prop_id)
    {
    case PROP_WITH_PERSON:
      g_value_set_boolean (value, self->with_person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_review_form_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CpReviewForm *self = CP_REVIEW_FORM (object);

  switch (prop_id)
    {
    case PROP_WITH_PERSON:
      if (self->with_person != g_value_get_boolean (value))
        {
          self->with_person = g_value_get_boolean (value);
          apply_with_person (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_review_form_class_init (CpReviewFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_review_form_dispose;
  object_class->finalize = cp_review_form_finalize;
  object_class->get_property = cp_review_form_get_property;
  object_class->set_property = cp_review_form_set_property;

  /* The with-person view: only what the person shares (see the header). */
  properties[PROP_WITH_PERSON] =
    g_param_spec_boolean ("with-person", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "review.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "review.record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "review.record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "review.cancel", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cp_review_form_init (CpReviewForm *self)
{
  self->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_rating_free);
  self->settings = g_settings_new (APP_ID);
  build (self);
}

GtkWidget *
cp_review_form_new (CpStore  *store,
                    CpPerson *person)
{
  CpReviewForm *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (CP_IS_PERSON (person), NULL);

  self = g_object_new (CP_TYPE_REVIEW_FORM, NULL);
  self->store = g_object_ref (store);
  self->person = g_object_ref (person);
  cp_review_form_reset (self);

  return GTK_WIDGET (self);
}
