/* cp-overview-page.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-overview-page"

#include <glib/gi18n.h>

#include "cp-goal-words.h"
#include "cp-overview-page.h"
#include "cp-review-ui.h"
#include "netmap/cp-netmap-metrics.h"
#include "ui/cp-person-summary.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-reviews.h"
#include "store/cp-store-supervision.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

struct _CpOverviewPage
{
  GtkWidget   parent_instance;

  CpStore    *store;
  CpPerson   *person;
  gboolean    with_person;
  gulong      person_notify_id;

  GtkWidget  *scroller;
  GtkWidget  *box;
};

G_DEFINE_FINAL_TYPE (CpOverviewPage, cp_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WITH_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- The network ----------------------------------------------------------------------- */

typedef struct
{
  guint     n_maps;
  guint     size_now;
  guint     size_baseline;
  char     *baseline_on;
  gboolean  caution;
} Network;

static guint
map_size (CpNetmapModel *model)
{
  CpNetmapMetrics metrics;

  cp_netmap_metrics_compute (model, &metrics);

  return (guint) metrics.values[CP_NETMAP_MEASURE_SIZE].value;
}

/* The size of the current map and of the first (the baseline), and whether a member of
 * the current map carries the caution flag. */
static gboolean
read_network (CpOverviewPage  *self,
              Network         *net,
              GError         **error)
{
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(CpNetmapModel) now = NULL;
  const CpSnapshotInfo *current, *baseline;

  maps = cp_store_list_snapshots (self->store, cp_person_get_id (self->person), error);
  if (maps == NULL)
    return FALSE;
  net->n_maps = maps->len;
  if (maps->len == 0)
    return TRUE;
  current = g_ptr_array_index (maps, maps->len - 1);
  if ((now = cp_store_load_snapshot (self->store, current->id, error)) == NULL)
    return FALSE;
  net->size_now = map_size (now);
  for (guint i = 0; i < cp_netmap_model_get_n_members (now); i++)
    net->caution |= cp_netmap_model_get_member (now, i)->caution;
  baseline = g_ptr_array_index (maps, 0);
  net->baseline_on = g_strdup (baseline->taken_on);
  if (maps->len == 1)
    net->size_baseline = net->size_now;
  else
    {
      g_autoptr(CpNetmapModel) first = cp_store_load_snapshot (self->store, baseline->id, error);

      if (first == NULL)
        return FALSE;
      net->size_baseline = map_size (first);
    }

  return TRUE;
}

static char *
network_words (const Network *net)
{
  g_autofree char *since = cp_date_format_long (net->baseline_on);
  g_autofree char *size = NULL;
  int change = (int) net->size_now - (int) net->size_baseline;

  if (net->n_maps == 0)
    return g_strdup (_("No network map yet."));
  size = g_strdup_printf (ngettext ("%u connection on the map", "%u connections on the map",
                                    net->size_now), net->size_now);
  if (net->n_maps == 1)
    return g_strdup_printf (_("%s (the baseline, %s)."), size, since);
  if (change > 0)
    return g_strdup_printf (ngettext ("%s: %d more than at the baseline on %s.",
                                      "%s: %d more than at the baseline on %s.", change),
                            size, change, since);
  if (change < 0)
    return g_strdup_printf (ngettext ("%s: %d fewer than at the baseline on %s.",
                                      "%s: %d fewer than at the baseline on %s.", -change),
                            size, -change, since);
  return g_strdup_printf (_("%s: the same number as at the baseline on %s."), size, since);
}

/* ---- Sections -------------------------------------------------------------------------- */

/* GTK measures how narrow a wrapping label can get by laying it out 0 px wide: with
 * words broken at any character that is a line, and a shaping, per character, at every
 * measure, and the overview has a goal heading per goal. The page is never narrower than
 * a phone's 360 px, so a few words' width is as narrow as a label needs to go. */
#define NARROWEST_CHARS 16

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = cp_review_ui_label (text, css_class);

  gtk_label_set_width_chars (GTK_LABEL (label), NARROWEST_CHARS);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static GtkWidget *
add_section (CpOverviewPage *self,
             const char     *title)
{
  GtkWidget *section = cp_review_ui_section (self->box, title);

  gtk_label_set_width_chars (GTK_LABEL (gtk_widget_get_first_child (section)), NARROWEST_CHARS);

  return section;
}

/* A line that does not wrap: a goal's rating and its steps. A wrapping label is laid out
 * again for every width it is measured at, and the overview has a hundred of them; one
 * line each keeps the page quick to open (bench-overview), and the whole text is still
 * the label's, for a screen reader, and its tooltip. */
static GtkWidget *
add_line (GtkWidget  *box,
          const char *text,
          const char *css_class)
{
  GtkWidget *label = add_label (box, text, css_class);

  gtk_label_set_width_chars (GTK_LABEL (label), -1);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* GTK asks the X server where the pointer is when a shown widget gets a tooltip: a
   * round trip per line. Hidden, it does not ask. */
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_set_visible (label, TRUE);

  return label;
}

static void
add_status (CpOverviewPage *self,
            const char     *today)
{
  g_autofree char *summary = cp_person_dup_summary (self->person, today);
  g_autofree char *check_in = cp_person_dup_check_in (self->person, today);
  gboolean flagged = cp_person_needs_attention (self->person, today);
  GtkWidget *label = add_label (self->box, summary, "title-3");

  gtk_widget_set_name (label, "overview-status");
  if (flagged && check_in == NULL)
    gtk_widget_add_css_class (label, "error");
  if (check_in != NULL)
    {
      label = add_label (self->box, check_in, flagged ? "error" : NULL);
      gtk_widget_set_name (label, "overview-check-in");
    }
}

/* Whether the guide was gone through with them, and when (set on the Details tab). */
static void
add_guide (CpOverviewPage *self,
           GtkWidget      *section)
{
  g_autofree char *day = cp_date_format_long (cp_person_get_guide_on (self->person));
  g_autofree char *text = day != NULL
                          ? g_strdup_printf (_("Gone through the guide with them on %s."), day)
                          : NULL;
  GtkWidget *label = add_label (section, text != NULL ? text
                                : _("The guide has not been gone through with them yet."),
                                text != NULL ? NULL : "dim-label");

  gtk_widget_set_name (label, "overview-guide");
}

/* What the practitioner needs before the door opens. */
static void
add_before_session (CpOverviewPage *self,
                    const Network  *net)
{
  CpCommunicationNeeds needs = cp_person_get_communication_needs (self->person);
  const char *sharing = cp_person_get_sharing (self->person);
  const char *other = cp_person_get_communication_other (self->person);
  GtkWidget *section = add_section (self, _("Before this session"));

  if (net->caution)
    {
      GtkWidget *label = add_label (section, _("Caution flag set — check the case record "
                                               "before this session."), "error");

      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_name (label, "overview-caution");
    }
  if (needs & CP_COMMUNICATION_INTERPRETER)
    {
      const char *language = cp_person_get_interpreter_language (self->person);
      g_autofree char *text = language != NULL && language[0] != '\0'
                              ? g_strdup_printf (_("Book an interpreter (%s)."), language)
                              : g_strdup (_("Book an interpreter."));

      add_label (section, text, NULL);
    }
  if (needs & CP_COMMUNICATION_LARGE_PRINT)
    add_label (section, _("Printouts in large print."), NULL);
  if (needs & CP_COMMUNICATION_EASY_READ)
    add_label (section, _("Printouts in easy read."), NULL);
  if (other != NULL && other[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Communication: %s"), other);

      add_label (section, text, NULL);
    }
  if (sharing != NULL && sharing[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("What may be shared, and with whom: %s"),
                                               sharing);

      add_label (section, text, NULL);
    }
  else
    add_label (section, _("What may be shared, and with whom: not recorded yet."), "dim-label");
  add_guide (self, section);
}

/* The practitioner's only (never facing the person): when the plan was last discussed in
 * supervision and what was agreed there that is still open. */
static void
add_supervision (CpOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *last_on = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  GtkWidget *section;
  GtkWidget *label;

  g_assert (!self->with_person);
  if (!cp_store_read_person_supervision (self->store, cp_person_get_id (self->person),
                                         &last_on, &actions, &error))
    {
      if (!g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND))
        cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  section = add_section (self, _("Supervision"));
  day = cp_date_format_long (last_on);
  text = day != NULL ? g_strdup_printf (_("Last discussed in supervision on %s."), day)
                     : g_strdup (_("Not discussed in supervision yet."));
  label = add_label (section, text, day != NULL ? NULL : "dim-label");
  gtk_widget_set_name (label, "overview-supervision");
  for (guint i = 0; i < actions->len; i++)
    {
      const CpSupervisionAction *action = g_ptr_array_index (actions, i);
      g_autofree char *due = cp_date_format_long (action->due_on);
      g_autofree char *line = due != NULL
        /* Translators: an open supervision action, who does it, and when it is due */
        ? g_strdup_printf (_("• %s — %s, by %s"), action->text, action->owner, due)
        : g_strdup_printf (_("• %s — %s"), action->text, action->owner);

      gtk_widget_set_name (add_label (section, line, NULL), "overview-supervision-action");
    }
}

static char *
step_words (const CpStepInfo *step)
{
  g_autofree char *due = cp_date_format_long (step->due_on);
  const char *who;

  switch (step->owner)
    {
    case CP_STEP_OWNER_SOMEONE:
      who = step->owner_role;
      break;
    case CP_STEP_OWNER_MEMBER:
      who = step->owner_state == CP_LINEAGE_ON_CURRENT_MAP && step->owner_name != NULL
            ? step->owner_name : _("no longer on the map");
      break;
    case CP_STEP_OWNER_PERSON:
    case CP_STEP_OWNER_PRACTITIONER:
    case CP_STEP_OWNER_TOGETHER:
    default:
      who = cp_step_owner_label (step->owner);
      break;
    }
  if (due != NULL)
    /* Translators: a step, who does it, and when it is due */
    return g_strdup_printf (_("• %s — %s, by %s"), step->text, who, due);
  return g_strdup_printf (_("• %s — %s"), step->text, who);
}

static void
add_goals (CpOverviewPage *self,
           const CpPlan   *plan)
{
  GtkWidget *section = add_section (self, _("Active goals"));
  guint n = 0;

  for (guint g = 0; g < plan->goals->len; g++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (plan->goals, g);
      const CpReviewInfo *review = NULL;
      const CpRatingInfo *rating;
      GtkWidget *box;

      if (goal->status != CP_GOAL_STATUS_ACTIVE)
        continue;
      n++;
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (box, "card");
      g_object_set (box, "margin-bottom", 6, NULL);
      add_label (box, goal->text, "heading");
      rating = cp_plan_get_latest_rating (plan, goal->id, &review);
      if (rating != NULL && (rating->progress != CP_PROGRESS_NONE
                             || (rating->level != CP_GOAL_NOT_SET && !self->with_person)))
        {
          g_autofree char *day = cp_date_format_long (review->held_on);
          g_autofree char *text = rating->progress != CP_PROGRESS_NONE
            ? g_strdup_printf (_("Latest: %s (%s)"), cp_progress_label (rating->progress), day)
            : g_strdup_printf (_("Latest: %+d, %s (%s)"), rating->level,
                               cp_gas_level_label (rating->level), day);

          add_line (box, text, "dim-label");
        }
      else
        add_line (box, _("Not rated yet"), "dim-label");
      for (guint s = 0; s < goal->steps->len; s++)
        {
          const CpStepInfo *step = g_ptr_array_index (goal->steps, s);
          g_autofree char *text = NULL;

          if (step->done_on != NULL)
            continue;
          text = step_words (step);
          add_line (box, text, NULL);
        }
      for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_object_set (child, "margin-start", 12, "margin-end", 12, NULL);
      g_object_set (gtk_widget_get_first_child (box), "margin-top", 8, NULL);
      g_object_set (gtk_widget_get_last_child (box), "margin-bottom", 8, NULL);
      gtk_box_append (GTK_BOX (section), box);
    }
  if (n == 0)
    add_label (section, _("No goals agreed yet: agree them together in the Goals tab."),
               "dim-label");
}

/* The last review in two lines: when and who, then the person's own view. */
static void
add_last_review (CpOverviewPage *self,
                 const CpPlan   *plan)
{
  GtkWidget *section = add_section (self, _("Last review"));
  const CpReviewInfo *review;
  g_autofree char *day = NULL;
  g_autofree char *first = NULL;
  const char *second;
  GtkWidget *label;

  if (plan->reviews->len == 0)
    {
      add_label (section, _("No review recorded yet."), "dim-label");
      return;
    }
  review = g_ptr_array_index (plan->reviews, plan->reviews->len - 1);
  day = cp_date_format_long (review->held_on);
  first = review->attended[0] != '\0'
          ? g_strdup_printf (_("%s, with %s"), day, review->attended) : g_strdup (day);
  second = review->own_view[0] != '\0' ? review->own_view
           : !self->with_person && review->notes[0] != '\0' ? review->notes
           : review->next_steps;
  for (guint i = 0; i < 2; i++)
    {
      label = add_line (section, i == 0 ? first : second, i == 0 ? NULL : "dim-label");
      gtk_widget_set_name (label, i == 0 ? "overview-last-review" : "overview-last-view");
      gtk_widget_set_visible (label, i == 0 || second[0] != '\0');
    }
}

static void
rebuild (CpOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlan) plan = NULL;
  g_autofree char *today = cp_date_today ();
  g_autofree char *network = NULL;
  Network net = { 0 };
  GtkWidget *section;

  cp_review_ui_clear_box (self->box);
  plan = cp_store_read_plan (self->store, cp_person_get_id (self->person), &error);
  if (plan == NULL || !read_network (self, &net, &error))
    {
      g_free (net.baseline_on);
      /* The person was deleted: the page goes with them. */
      if (!g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND))
        cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  add_status (self, today);
  if (!self->with_person)
    {
      add_before_session (self, &net);
      add_supervision (self);
    }
  add_goals (self, plan);
  add_last_review (self, plan);
  section = add_section (self, _("Network"));
  network = network_words (&net);
  gtk_widget_set_name (add_label (section, network, NULL), "overview-network");
  g_free (net.baseline_on);
}

static void
store_changed_cb (CpStore            *store,
                  const char * const *tables,
                  CpOverviewPage     *self)
{
  rebuild (self);
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
cp_overview_page_dispose (GObject *object)
{
  CpOverviewPage *self = CP_OVERVIEW_PAGE (object);

  if (self->person != NULL)
    g_clear_signal_handler (&self->person_notify_id, self->person);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_overview_page_parent_class)->dispose (object);
}

static void
cp_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CpOverviewPage *self = CP_OVERVIEW_PAGE (object);

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
cp_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CpOverviewPage *self = CP_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_WITH_PERSON:
      if (self->with_person != g_value_get_boolean (value))
        {
          self->with_person = g_value_get_boolean (value);
          if (self->store != NULL)
            rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_overview_page_class_init (CpOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_overview_page_dispose;
  object_class->get_property = cp_overview_page_get_property;
  object_class->set_property = cp_overview_page_set_property;

  /* The with-person view: none of the practitioner's part, no scores. */
  properties[PROP_WITH_PERSON] =
    g_param_spec_boolean ("with-person", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
cp_overview_page_init (CpOverviewPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  g_object_set (self->box, "margin-top", 18, "margin-bottom", 24, "margin-start", 12,
                "margin-end", 12, NULL);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
cp_overview_page_new (CpStore  *store,
                      CpPerson *person)
{
  CpOverviewPage *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (CP_IS_PERSON (person), NULL);

  self = g_object_new (CP_TYPE_OVERVIEW_PAGE, NULL);
  self->store = g_object_ref (store);
  self->person = g_object_ref (person);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  self->person_notify_id = g_signal_connect_swapped (person, "notify", G_CALLBACK (rebuild), self);
  rebuild (self);

  return GTK_WIDGET (self);
}
