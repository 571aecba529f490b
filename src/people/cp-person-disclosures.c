/* cp-person-disclosures.c: on the Details tab, what the person was given and what about
 * them has left the app
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-person-disclosures"

#include <glib/gi18n.h>

#include "cp-person-disclosures.h"
#include "cp-person-watch.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-reviews.h"
#include "ui/cp-a11y.h"
#include "ui/cp-date-row.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

struct _CpPersonDisclosures
{
  GtkWidget     parent_instance;

  CpStore      *store;
  CpPerson     *person;
  gulong        notify_id;

  GtkWidget    *box;
  CpDateRow    *guide_row;
  GtkWidget    *today_button;
  AdwActionRow *copy_row;
  GtkWidget    *log_group;
  GPtrArray    *log_rows;      /* the rows shown in log_group */
};

G_DEFINE_FINAL_TYPE (CpPersonDisclosures, cp_person_disclosures, GTK_TYPE_WIDGET)

/* ---- The log --------------------------------------------------------------------------- */

static const char *
kind_title (CpDisclosureKind what)
{
  switch (what)
    {
    case CP_DISCLOSURE_PERSON_COPY:
      return _("Their copy of the plan");
    case CP_DISCLOSURE_IDENTIFIABLE_EXPORT:
      return _("An export with names in it");
    case CP_DISCLOSURE_SUPERVISION_PACK:
      return _("A supervision pack");
    case CP_DISCLOSURE_SUBJECT_ACCESS:
      return _("Everything held about them");
    case CP_DISCLOSURE_SUPERVISION_SHEET:
      return _("A supervision sheet");
    case CP_DISCLOSURE_SUMMARY:
    default:
      return _("A summary for the case record");
    }
}

/* "6 December 2026, 14:05" in local time, from the log's UTC stamp; NULL when unreadable. */
static char *
local_when (const char *made_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (made_at, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  iso = cp_date_to_iso (local);
  day = cp_date_format_long (iso);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a day and a time of day, "6 December 2026, 14:05" */
  return g_strdup_printf (_("%s, %s"), day, time);
}

/* The day (local) of the newest entry of @log of kind @what, or NULL. */
static char *
last_day (GPtrArray        *log,
          CpDisclosureKind  what)
{
  for (guint i = log->len; i-- > 0;)
    {
      const CpDisclosure *d = g_ptr_array_index (log, i);
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;

      if (d->what != what || !(utc = g_date_time_new_from_iso8601 (d->made_at, NULL)))
        continue;
      local = g_date_time_to_local (utc);
      return cp_date_to_iso (local);
    }
  return NULL;
}

static void
add_log_row (CpPersonDisclosures *self,
             const char          *title,
             const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* A screen reader says the title as the row's name and the subtitle after it: the row
   * is labelled by the one and described by the other. A label of its own as well would
   * be said before the title, so the title twice. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->log_group), row);
  g_ptr_array_add (self->log_rows, row);
}

static void
clear_log (CpPersonDisclosures *self)
{
  for (guint i = 0; i < self->log_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->log_group),
                                  g_ptr_array_index (self->log_rows, i));
  g_ptr_array_set_size (self->log_rows, 0);
}

static void
load_log (CpPersonDisclosures *self)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_day = NULL;
  g_autofree char *copy_words = NULL;

  clear_log (self);
  if (self->person == NULL)
    return;
  log = cp_store_list_disclosures (self->store, cp_person_get_id (self->person), &error);
  if (log == NULL)
    {
      /* The person was deleted: the page goes with them. */
      if (!g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND))
        cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }

  copy_day = last_day (log, CP_DISCLOSURE_PERSON_COPY);
  copy_words = copy_day != NULL ? cp_date_format_long (copy_day) : NULL;
  adw_action_row_set_subtitle (self->copy_row, copy_words != NULL ? copy_words
                                                                  : _("Not given yet"));

  if (log->len == 0)
    add_log_row (self, _("Nothing about them has left the app yet"), NULL);
  for (guint i = log->len; i-- > 0;)
    {
      const CpDisclosure *d = g_ptr_array_index (log, i);
      g_autofree char *when = local_when (d->made_at);
      g_autoptr(GString) subtitle = g_string_new (when != NULL ? when : d->made_at);

      if (d->to_whom[0] != '\0')
        /* Translators: whom a copy was given to, after its date: "…, 14:05 · to the person" */
        g_string_append_printf (subtitle, _(" · to %s"), d->to_whom);
      if (d->detail[0] != '\0')
        g_string_append_printf (subtitle, " · %s", d->detail);
      add_log_row (self, kind_title (d->what), subtitle->str);
    }
}

/* ---- The guide ------------------------------------------------------------------------- */

static void
show_guide_problem (CpPersonDisclosures *self,
                    const char          *message)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->guide_row), message ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->guide_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->guide_row), "error");
}

static void
load_guide (CpPersonDisclosures *self)
{
  g_autofree char *today = cp_date_today ();
  const char *guide_on = self->person ? cp_person_get_guide_on (self->person) : NULL;

  cp_date_row_set_date (self->guide_row, guide_on);
  gtk_widget_set_sensitive (self->today_button, self->person != NULL
                            && !cp_store_get_read_only (self->store)
                            && g_strcmp0 (guide_on, today) != 0);
}

static void
set_guide_on (CpPersonDisclosures *self,
              const char          *date)
{
  g_autoptr(GError) error = NULL;

  if (self->person == NULL)
    return;
  if (!cp_store_set_person_guide_on (self->store, cp_person_get_id (self->person), date,
                                     &error))
    {
      /* Said next to the field; the row shows what is recorded again. */
      show_guide_problem (self, error->message);
      load_guide (self);
      return;
    }
  show_guide_problem (self, NULL);
}

static void
guide_chosen_cb (CpDateRow           *row,
                 CpPersonDisclosures *self)
{
  set_guide_on (self, cp_date_row_get_date (row));
}

static void
today_clicked_cb (GtkButton           *button,
                  CpPersonDisclosures *self)
{
  g_autofree char *today = cp_date_today ();

  set_guide_on (self, today);
}

/* ---- Keeping up ------------------------------------------------------------------------ */

static void
person_changed_cb (CpPersonDisclosures *self)
{
  load_guide (self);
}

static void
store_changed_cb (CpStore             *store,
                  const char * const  *tables,
                  CpPersonDisclosures *self)
{
  if (self->person != NULL && tables != NULL && g_strv_contains (tables, "disclosure"))
    load_log (self);
}

void
cp_person_disclosures_set_person (CpPersonDisclosures *self,
                                  CpPerson            *person)
{
  g_return_if_fail (CP_IS_PERSON_DISCLOSURES (self));

  if (self->person == person)
    return;
  cp_person_watch (&self->person, &self->notify_id, person, G_CALLBACK (person_changed_cb),
                   self);
  show_guide_problem (self, NULL);
  load_guide (self);
  load_log (self);
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
build (CpPersonDisclosures *self)
{
  GtkWidget *given = adw_preferences_group_new ();
  GtkWidget *make = gtk_button_new_with_mnemonic (_("_Make a Copy…"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (given), _("Given to the Person"));
  self->guide_row = CP_DATE_ROW (cp_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->guide_row),
                                 _("Gone through the guide"));
  self->today_button = gtk_button_new_with_mnemonic (_("_Today"));
  gtk_widget_set_valign (self->today_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->today_button, _("Gone through the guide today"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->guide_row), self->today_button);
  g_signal_connect (self->guide_row, "date-chosen", G_CALLBACK (guide_chosen_cb), self);
  g_signal_connect (self->today_button, "clicked", G_CALLBACK (today_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (given), GTK_WIDGET (self->guide_row));

  self->copy_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->copy_row),
                                 _("Their copy of the plan, last given"));
  gtk_widget_set_valign (make, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (make), "person.plan-copy");
  adw_action_row_add_suffix (self->copy_row, make);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (given), GTK_WIDGET (self->copy_row));
  gtk_box_append (GTK_BOX (self->box), given);

  self->log_group = adw_preferences_group_new ();
  gtk_widget_set_name (self->log_group, "disclosure-log");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->log_group),
                                   _("What Has Left the App"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->log_group),
                                         _("Each copy or export about them: what, when, "
                                           "and to whom. Newest first."));
  gtk_box_append (GTK_BOX (self->box), self->log_group);
  cp_a11y_fix_names (self->box);
}

static void
cp_person_disclosures_dispose (GObject *object)
{
  CpPersonDisclosures *self = CP_PERSON_DISCLOSURES (object);

  cp_person_watch (&self->person, &self->notify_id, NULL, NULL, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->log_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_person_disclosures_parent_class)->dispose (object);
}

static void
cp_person_disclosures_class_init (CpPersonDisclosuresClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cp_person_disclosures_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
cp_person_disclosures_init (CpPersonDisclosures *self)
{
  self->log_rows = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  build (self);
}

GtkWidget *
cp_person_disclosures_new (CpStore *store)
{
  CpPersonDisclosures *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_PERSON_DISCLOSURES, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  if (cp_store_get_read_only (store))
    gtk_widget_set_sensitive (GTK_WIDGET (self->guide_row), FALSE);
  load_guide (self);
  return GTK_WIDGET (self);
}
