/* cp-reviews-page.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-reviews-page"

#include <glib/gi18n.h>

#include "cp-goal-chart-view.h"
#include "cp-goal-words.h"
#include "cp-review-form.h"
#include "cp-review-ui.h"
#include "cp-reviews-page.h"
#include "ui/cp-a11y.h"
#include "ui/cp-person-summary.h"
#include "store/cp-store-reviews.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

struct _CpReviewsPage
{
  GtkWidget   parent_instance;

  CpStore    *store;
  CpPerson   *person;
  GSettings  *settings;
  gboolean    with_person;
  gulong      person_notify_id;

  GtkWidget  *stack;
  GtkWidget  *next_section;
  GtkWidget  *next_status;
  GtkWidget  *next_row;
  GtkWidget  *next_message;
  GtkWidget  *suggest_button;
  GtkWidget  *record_button;
  GtkWidget  *history;
  GtkWidget  *form;
  CpPlan     *plan;       /* what the history shows; its rows are filled when opened */
};

G_DEFINE_FINAL_TYPE (CpReviewsPage, cp_reviews_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WITH_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- The next review ------------------------------------------------------------------- */

/* The suggestion when no next review is set: the "review-weeks" setting after the day the
 * plan was agreed, or after today when that is past or not recorded. */
static char *
suggest_next (CpReviewsPage *self)
{
  guint weeks = g_settings_get_uint (self->settings, "review-weeks");
  g_autofree char *today = cp_date_today ();
  g_autofree char *from_plan = cp_review_schedule (cp_person_get_plan_agreed_on (self->person),
                                                   weeks);

  if (from_plan != NULL && strcmp (from_plan, today) >= 0)
    return g_steal_pointer (&from_plan);
  return cp_review_schedule (today, weeks);
}

static void
update_next (CpReviewsPage *self)
{
  g_autofree char *today = cp_date_today ();
  g_autofree char *summary = cp_person_dup_summary (self->person, today);
  g_autofree char *check_in = cp_person_dup_check_in (self->person, today);
  const char *next = cp_person_get_next_review (self->person);
  gboolean active = cp_person_get_status (self->person) == CP_PERSON_STATUS_ACTIVE;

  if (check_in != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", summary, check_in);

      gtk_label_set_label (GTK_LABEL (self->next_status), both);
    }
  else
    gtk_label_set_label (GTK_LABEL (self->next_status), summary);
  if (cp_person_needs_attention (self->person, today))
    gtk_widget_add_css_class (self->next_status, "error");
  else
    gtk_widget_remove_css_class (self->next_status, "error");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->next_row)), next ? next : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->next_row), next ? next : "");
  gtk_widget_set_visible (self->suggest_button, active && next == NULL);
  if (active && next == NULL)
    {
      g_autofree char *date = suggest_next (self);
      g_autofree char *words = cp_date_format_long (date);
      g_autofree char *label = g_strdup_printf (_("Set to %s"), words);

      gtk_button_set_label (GTK_BUTTON (self->suggest_button), label);
    }
}

static void
save_next (CpReviewsPage *self,
           const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = cp_review_ui_check_date (text, FALSE, NULL, NULL, &date);

  cp_review_ui_show_message (self->next_message, message);
  if (message != NULL)
    return;
  if (!cp_store_set_person_next_review (self->store, cp_person_get_id (self->person), date,
                                        &error))
    {
      if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
        cp_review_ui_show_message (self->next_message, error->message);
      else
        cp_toaster_report_error (GTK_WIDGET (self), error);
    }
}

static void
next_apply_cb (AdwEntryRow   *row,
               CpReviewsPage *self)
{
  save_next (self, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
suggest_clicked_cb (GtkButton     *button,
                    CpReviewsPage *self)
{
  g_autofree char *date = suggest_next (self);

  save_next (self, date);
}

/* ---- History --------------------------------------------------------------------------- */

/* Facing the person (@with_person) a level is said in words, never as a number. */
static char *
rating_words (const CpRatingInfo *rating,
              gboolean            with_person)
{
  const char *what = _("Not rated");

  if (rating->level != CP_GOAL_NOT_SET && with_person)
    what = cp_gas_level_label (rating->level);
  else if (rating->level != CP_GOAL_NOT_SET)
    return g_strdup_printf ("%+d: %s", rating->level, cp_gas_level_label (rating->level));
  if (rating->progress != CP_PROGRESS_NONE)
    what = cp_progress_label (rating->progress);
  if (rating->note != NULL && rating->note[0] != '\0')
    return g_strdup_printf ("%s — %s", what, rating->note);
  return g_strdup (what);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");

  return row;
}

/* An expander row is filled the first time it is opened: a person with a year of
 * reviews has hundreds of detail rows, and building them all up front made the tab slow
 * to open (bench-overview). */
typedef void (*FillRow) (CpReviewsPage *self,
                         GtkWidget     *row,
                         guint          index);

typedef struct
{
  CpReviewsPage *self;
  FillRow        fill;
  guint          index;
  gboolean       filled;
} LazyRow;

static void
lazy_row_free (gpointer  data,
               GClosure *closure)
{
  g_free (data);
}

static void
expanded_cb (GtkWidget  *row,
             GParamSpec *pspec,
             LazyRow    *lazy)
{
  if (lazy->filled || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row))
      || lazy->self->plan == NULL)
    return;
  lazy->filled = TRUE;
  lazy->fill (lazy->self, row, lazy->index);
}

static GtkWidget *
expander (CpReviewsPage *self,
          const char    *title,
          const char    *subtitle,
          FillRow        fill,
          guint          index)
{
  GtkWidget *row = adw_expander_row_new ();
  LazyRow *lazy = g_new0 (LazyRow, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* GTK 4.8 leaves an expander row's own list item unnamed. */
  {
    g_autofree char *spoken = g_strjoin (", ", title, subtitle, NULL);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    spoken, -1);
  }
  cp_a11y_name_inner_lists (row, title);
  lazy->self = self;
  lazy->fill = fill;
  lazy->index = index;
  g_signal_connect_data (row, "notify::expanded", G_CALLBACK (expanded_cb), lazy,
                         lazy_row_free, 0);

  return row;
}

static void
add_chart (CpReviewsPage *self,
           const CpPlan  *plan)
{
  g_autoptr(GArray) points = cp_plan_dup_history (plan);
  gboolean gas = g_settings_get_boolean (self->settings, "goal-scaling");
  GtkWidget *section = cp_review_ui_section (self->history, _("Progress across reviews"));
  GtkWidget *chart = cp_goal_chart_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  cp_goal_chart_view_set_points (CP_GOAL_CHART_VIEW (chart), points,
                                 gas ? CP_GOAL_CHART_T_SCORE : CP_GOAL_CHART_FURTHER_ON);
  gtk_widget_set_name (chart, "review-chart");
  gtk_frame_set_child (GTK_FRAME (frame), chart);
  gtk_box_append (GTK_BOX (section), frame);
  gtk_box_append (GTK_BOX (section),
                  cp_review_ui_label (cp_goal_chart_view_get_description (CP_GOAL_CHART_VIEW (chart)),
                                      "caption"));
}

static void
fill_goal_history (CpReviewsPage *self,
                   GtkWidget     *row,
                   guint          index)
{
  const CpGoalInfo *goal = g_ptr_array_index (self->plan->goals, index);
  g_autoptr(GPtrArray) ratings = g_ptr_array_new ();
  g_autoptr(GPtrArray) reviews = g_ptr_array_new ();

  cp_plan_get_goal_history (self->plan, goal->id, ratings, reviews);
  for (guint i = ratings->len; i-- > 0;)
    {
      const CpReviewInfo *review = g_ptr_array_index (reviews, i);
      g_autofree char *day = cp_date_format_long (review->held_on);
      g_autofree char *words = rating_words (g_ptr_array_index (ratings, i), self->with_person);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (day, words));
    }
}

static void
add_goal_histories (CpReviewsPage *self,
                    const CpPlan  *plan)
{
  const char *title = _("Each goal over time");
  GtkWidget *section = cp_review_ui_section (self->history, title);
  GtkWidget *list = cp_review_ui_boxed_list (section, title);

  for (guint g = 0; g < plan->goals->len; g++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (plan->goals, g);
      const CpReviewInfo *review = NULL;
      const CpRatingInfo *latest = cp_plan_get_latest_rating (plan, goal->id, &review);
      g_autofree char *words = NULL;
      g_autofree char *day = NULL;
      g_autofree char *subtitle = NULL;

      if (latest == NULL)
        continue;
      words = rating_words (latest, self->with_person);
      day = cp_date_format_long (review->held_on);
      subtitle = g_strdup_printf (_("Latest: %s (%s)"), words, day);
      gtk_list_box_append (GTK_LIST_BOX (list),
                           expander (self, goal->text, subtitle, fill_goal_history, g));
    }
  if (gtk_widget_get_first_child (list) == NULL)
    gtk_box_append (GTK_BOX (section), cp_review_ui_label (_("No goal has been rated yet."),
                                                           "dim-label"));
}

static void
add_detail (GtkWidget  *row,
            const char *title,
            const char *text)
{
  if (text != NULL && text[0] != '\0')
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (title, text));
}

static char *
barrier_words (const CpReviewInfo *review)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < review->barriers->len; i++)
    {
      const CpReviewBarrier *b = g_ptr_array_index (review->barriers, i);

      if (s->len > 0)
        g_string_append (s, "\n");
      g_string_append (s, cp_barrier_label (b->barrier));
      if (b->barrier == CP_BARRIER_SAFETY)
        g_string_append_printf (s, " — %s", _("recorded in the case record"));
      else if (b->note != NULL && b->note[0] != '\0')
        g_string_append_printf (s, " — %s", b->note);
    }

  return g_string_free (s, FALSE);
}

static void
fill_review (CpReviewsPage *self,
             GtkWidget     *row,
             guint          index)
{
  const CpReviewInfo *review = g_ptr_array_index (self->plan->reviews, index);
  g_autofree char *barriers = barrier_words (review);

  add_detail (row, _("Who attended"), review->attended);
  add_detail (row, _("Their own view"), review->own_view);
  if (!self->with_person)
    {
      add_detail (row, _("What happened"), review->notes);
      add_detail (row, _("New contacts made"), review->new_contacts);
      add_detail (row, _("What got in the way"), barriers);
    }
  for (guint i = 0; i < review->ratings->len; i++)
    {
      const CpRatingInfo *rating = g_ptr_array_index (review->ratings, i);
      const CpGoalInfo *goal = cp_plan_find_goal (self->plan, rating->goal_id);
      g_autofree char *words = rating_words (rating, self->with_person);

      if (goal != NULL)
        add_detail (row, goal->text, words);
    }
  add_detail (row, _("Next steps"), review->next_steps);
}

static void
add_reviews (CpReviewsPage *self,
             const CpPlan  *plan)
{
  const char *title = _("Past reviews");
  GtkWidget *section = cp_review_ui_section (self->history, title);
  GtkWidget *list = cp_review_ui_boxed_list (section, title);

  for (guint r = plan->reviews->len; r-- > 0;)
    {
      const CpReviewInfo *review = g_ptr_array_index (plan->reviews, r);
      g_autofree char *day = cp_date_format_long (review->held_on);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           expander (self, day, review->own_view, fill_review, r));
    }
}

static void
update_history (CpReviewsPage *self)
{
  g_autoptr(GError) error = NULL;
  CpPlan *plan;

  cp_review_ui_clear_box (self->history);
  g_clear_pointer (&self->plan, cp_plan_free);
  self->plan = plan = cp_store_read_plan (self->store, cp_person_get_id (self->person), &error);
  if (plan == NULL)
    {
      /* The person was deleted: the page goes with them. */
      if (!g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND))
        cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_widget_set_visible (self->record_button, plan->reviews->len > 0);
  if (plan->reviews->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record a Review"));

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Reviews Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Every few weeks, look back at the plan together: "
                                         "how each goal is going, what got in the way, and "
                                         "what comes next."));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reviews.record");
      cp_a11y_fix_names (button);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
      gtk_box_append (GTK_BOX (self->history), status);
      return;
    }
  if (!self->with_person)
    add_chart (self, plan);
  add_goal_histories (self, plan);
  add_reviews (self, plan);
}

static void
store_changed_cb (CpStore            *store,
                  const char * const *tables,
                  CpReviewsPage      *self)
{
  update_history (self);
}

/* ---- Recording ------------------------------------------------------------------------- */

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CpReviewsPage *self = CP_REVIEWS_PAGE (widget);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "form");
  cp_review_form_reset (CP_REVIEW_FORM (self->form));
}

static void
recorded_cb (CpReviewForm  *form,
             gint64         review_id,
             CpReviewsPage *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "history");
  cp_toaster_add_undoable (GTK_WIDGET (self), _("Review recorded"));
  gtk_widget_grab_focus (self->record_button);
}

static void
cancelled_cb (CpReviewForm  *form,
              CpReviewsPage *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "history");
  gtk_widget_grab_focus (self->record_button);
}

/* ---- Building -------------------------------------------------------------------------- */

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  g_object_set (child, "margin-top", 18, "margin-bottom", 24, "margin-start", 12,
                "margin-end", 12, NULL);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  return scroller;
}

static void
build (CpReviewsPage *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  const char *title = _("Next review");
  GtkWidget *section = cp_review_ui_section (page, title);
  GtkWidget *list = cp_review_ui_boxed_list (section, title);

  self->next_section = section;

  self->next_status = cp_review_ui_label (NULL, NULL);
  gtk_box_insert_child_after (GTK_BOX (section), self->next_status,
                              gtk_widget_get_first_child (section));
  self->next_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->next_row),
                                 _("Next review (YYYY-MM-DD)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->next_row), TRUE);
  g_signal_connect (self->next_row, "apply", G_CALLBACK (next_apply_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (list), self->next_row);
  self->next_message = cp_review_ui_message_new ();
  gtk_box_append (GTK_BOX (section), self->next_message);
  self->suggest_button = gtk_button_new_with_label ("");
  gtk_widget_set_halign (self->suggest_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->suggest_button,
                               _("The next review, as many weeks on as Preferences says"));
  g_signal_connect (self->suggest_button, "clicked", G_CALLBACK (suggest_clicked_cb), self);
  gtk_box_append (GTK_BOX (section), self->suggest_button);

  self->record_button = gtk_button_new_with_mnemonic (_("_Record a Review"));
  cp_a11y_fix_names (self->record_button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->record_button), "reviews.record");
  gtk_widget_set_halign (self->record_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->record_button, "suggested-action");
  gtk_box_append (GTK_BOX (page), self->record_button);

  self->history = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (page), self->history);

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled (page), "history");
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled (self->form), "form");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  g_signal_connect (self->form, "recorded", G_CALLBACK (recorded_cb), self);
  g_signal_connect (self->form, "cancelled", G_CALLBACK (cancelled_cb), self);
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
cp_reviews_page_dispose (GObject *object)
{
  CpReviewsPage *self = CP_REVIEWS_PAGE (object);

  if (self->person != NULL)
    g_clear_signal_handler (&self->person_notify_id, self->person);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->plan, cp_plan_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_reviews_page_parent_class)->dispose (object);
}

static void
cp_reviews_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CpReviewsPage *self = CP_REVIEWS_PAGE (object);

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
cp_reviews_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CpReviewsPage *self = CP_REVIEWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_WITH_PERSON:
      if (self->with_person != g_value_get_boolean (value))
        {
          self->with_person = g_value_get_boolean (value);
          if (self->form != NULL)
            g_object_set (self->form, "with-person", self->with_person, NULL);
          /* Where the work stands is the practitioner's; the view says the next meeting. */
          if (self->next_section != NULL)
            gtk_widget_set_visible (self->next_section, !self->with_person);
          if (self->store != NULL)
            update_history (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_reviews_page_class_init (CpReviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_reviews_page_dispose;
  object_class->get_property = cp_reviews_page_get_property;
  object_class->set_property = cp_reviews_page_set_property;

  /* The with-person view: no score, chart, notes or barriers. */
  properties[PROP_WITH_PERSON] =
    g_param_spec_boolean ("with-person", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "reviews.record", NULL, record_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cp_reviews_page_init (CpReviewsPage *self)
{
  self->settings = g_settings_new (APP_ID);
}

GtkWidget *
cp_reviews_page_new (CpStore  *store,
                     CpPerson *person)
{
  CpReviewsPage *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (CP_IS_PERSON (person), NULL);

  self = g_object_new (CP_TYPE_REVIEWS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->person = g_object_ref (person);
  self->form = cp_review_form_new (store, person);
  build (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::goal-scaling",
                           G_CALLBACK (update_history), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::review-weeks",
                           G_CALLBACK (update_next), self, G_CONNECT_SWAPPED);
  self->person_notify_id = g_signal_connect_swapped (person, "notify",
                                                     G_CALLBACK (update_next), self);
  update_next (self);
  update_history (self);

  return GTK_WIDGET (self);
}
