/* cp-people-page-list.c: the caseload list of the People page: who it shows (search and
 * status), in which order (name or next review), its rows, and the one selected
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-people-page"

#include <glib/gi18n.h>

#include "cp-people-page-private.h"
#include "cp-person-row.h"
#include "ui/cp-a11y.h"
#include "ui/cp-first-rows.h"
#include "ui/cp-menu-button.h"

/* ---- Filter and sort ------------------------------------------------------------------ */

static gboolean
contains_casefold (const char *haystack,
                   const char *needle_folded)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle_folded) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CpPeoplePage *self = user_data;
  CpPerson *person = item;
  guint status = self->status_choice;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* 0 is "All people"; then the statuses in enum order. */
  if (status != 0 && status - 1 != (guint) cp_person_get_status (person))
    return FALSE;
  if (text != NULL && text[0] != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);

      return contains_casefold (cp_person_get_name (person), needle)
             || contains_casefold (cp_person_get_case_ref (person), needle);
    }
  return TRUE;
}

/* When a person is next due to be seen, for "By next review": an active person's next
 * review; a paused person's check-in (a pause must not hide anyone), and one with no
 * check-in date first, since that needs seeing to; active people with no date after
 * everyone dated, and closed people last. */
typedef enum
{
  DUE_CHECK_IN_MISSING,
  DUE_DATED,
  DUE_UNDATED,
  DUE_CLOSED,
} Due;

static Due
due (CpPerson    *person,
     const char **date)
{
  switch (cp_person_get_status (person))
    {
    case CP_PERSON_STATUS_ACTIVE:
      *date = cp_person_get_next_review (person);
      return *date != NULL && strlen (*date) == 10 ? DUE_DATED : DUE_UNDATED;
    case CP_PERSON_STATUS_PAUSED:
      *date = cp_person_get_check_in_on (person);
      return *date != NULL && strlen (*date) == 10 ? DUE_DATED : DUE_CHECK_IN_MISSING;
    case CP_PERSON_STATUS_CLOSED:
    default:
      return DUE_CLOSED;
    }
}

static int
compare_names (CpPerson *a,
               CpPerson *b)
{
  return strcmp (cp_person_get_name_key (a), cp_person_get_name_key (b));
}

static GtkOrdering
ordering (int difference)
{
  return difference < 0 ? GTK_ORDERING_SMALLER
         : difference > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
by_name (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  return ordering (compare_names ((CpPerson *) a, (CpPerson *) b));
}

/* Dates (YYYY-MM-DD) sort as text, so nothing is parsed per comparison. */
static int
by_next_review (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const char *date_a = NULL, *date_b = NULL;
  Due due_a = due ((CpPerson *) a, &date_a);
  Due due_b = due ((CpPerson *) b, &date_b);

  if (due_a != due_b)
    return due_a < due_b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (due_a == DUE_DATED && strcmp (date_a, date_b) != 0)
    return ordering (strcmp (date_a, date_b));
  return ordering (compare_names ((CpPerson *) a, (CpPerson *) b));
}

/* Plain comparisons of what each person already holds (the name's collation key is
 * made once per person, cp_person_get_name_key ()): no closure called and no key made
 * per person and sort, so a caseload of 10,000 sorts in a few milliseconds. */
static void
make_sorters (CpPeoplePage *self)
{
  self->name_sorter = GTK_SORTER (gtk_custom_sorter_new (by_name, NULL, NULL));
  self->review_sorter = GTK_SORTER (gtk_custom_sorter_new (by_next_review, NULL, NULL));
}

static GtkSorter *
chosen_sorter (CpPeoplePage *self)
{
  return self->sort_choice == SORT_BY_NEXT_REVIEW ? self->review_sorter : self->name_sorter;
}

/* The list's sorter, from when the list first needs it. The workspace's people come in
 * name order as it opens (cp_store_get_people_by_name ()), so unless someone was added
 * or changed since, the first frame shows them by name with no sort, which for thousands
 * of people is work the window would wait for. The sorter comes with the rest of the
 * rows (all_rows_cb ()), or before them when something needs the order: a change, a
 * search, an order chosen, a person to find. TRUE when it has just come (the list is
 * then sorted as things are now). */
gboolean
_cp_people_page_ensure_sorted (CpPeoplePage *self)
{
  if (gtk_sort_list_model_get_sorter (self->sort_model) != NULL)
    return FALSE;
  gtk_sort_list_model_set_sorter (self->sort_model, chosen_sorter (self));
  return TRUE;
}

/* The whole list is shown a few frames after the first (cp_first_rows_fit ()), or when
 * a row is needed by its position: the sort comes with it. */
static void
all_rows_cb (CpPeoplePage *self)
{
  if (gtk_slice_list_model_get_size (self->first_rows) == G_MAXUINT)
    _cp_people_page_ensure_sorted (self);
}

static void
update_list_stack (CpPeoplePage *self)
{
  GListModel *all = cp_store_get_people (self->store);

  if (g_list_model_get_n_items (all) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

/* The filter only while there is something to filter by: without one, everyone is in
 * the list at once rather than after a question per person. */
void
_cp_people_page_refilter (CpPeoplePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean filtering = self->status_choice != 0
                       || (text != NULL && text[0] != '\0');

  if (!filtering)
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  else if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (!_cp_people_page_ensure_sorted (self))
    gtk_sorter_changed (chosen_sorter (self), GTK_SORTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   CpPeoplePage   *self)
{
  _cp_people_page_refilter (self);
}

/* ---- Status and order ----------------------------------------------------------------- */

/* The choices above the list: each a menu of radio items over a stateful action
 * (caseload.status, caseload.sort) whose state is the chosen id, and a button showing the
 * chosen words. A GtkDropDown would make its popover, its list and a row per choice, and
 * measure them, for a start that opens neither. */
typedef struct
{
  const char *id;
  const char *label;
} Choice;

/* In CpPersonStatus order after the first. */
static const Choice status_choices[] = {
  { "all", N_("All people") },
  { "active", N_("Active") },
  { "paused", N_("Paused") },
  { "closed", N_("Closed") },
};

/* In SortOrder order. */
static const Choice sort_choices[] = {
  { "name", N_("By name") },
  { "review", N_("By next review") },
};

static int
choice_index (const Choice *choices,
              guint         n_choices,
              GVariant     *id)
{
  for (guint i = 0; i < n_choices; i++)
    if (g_strcmp0 (g_variant_get_string (id, NULL), choices[i].id) == 0)
      return (int) i;
  return -1;
}

static GMenuModel *
choices_menu (const char   *action,
              const Choice *choices,
              guint         n_choices)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < n_choices; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(choices[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, action,
                                               g_variant_new_string (choices[i].id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* After a new order or filter: GTK keeps the row that was at the top where it was, which
 * in a long list leaves the view in the middle of the new one. The list shows its
 * beginning instead, or the chosen person when they are still in it. */
static void
show_top_or_selected (CpPeoplePage *self)
{
  if (self->selection == NULL
      || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    _cp_people_page_scroll_to_selected (self);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

/* caseload.status or caseload.sort chosen: the button says so, and the list follows. */
static void
choice_change_cb (GSimpleAction *action,
                  GVariant      *value,
                  CpPeoplePage  *self)
{
  gboolean status = g_str_equal (g_action_get_name (G_ACTION (action)), "status");
  const Choice *choices = status ? status_choices : sort_choices;
  GtkMenuButton *button = status ? self->status_button : self->sort_button;
  int i = choice_index (choices,
                        status ? G_N_ELEMENTS (status_choices) : G_N_ELEMENTS (sort_choices),
                        value);

  if (i < 0)
    return;
  g_simple_action_set_state (action, value);
  gtk_menu_button_set_label (button, _(choices[i].label));
  cp_a11y_name_choice_button (button);
  if (status && self->status_choice != (guint) i)
    {
      self->status_choice = (guint) i;
      if (self->filter_model != NULL)
        _cp_people_page_refilter (self);
    }
  else if (!status && self->sort_choice != (SortOrder) i)
    {
      self->sort_choice = (SortOrder) i;
      if (self->sort_model != NULL)
        gtk_sort_list_model_set_sorter (self->sort_model, chosen_sorter (self));
    }
  else
    return;
  show_top_or_selected (self);
}

static void
add_choice (CpPeoplePage       *self,
            GSimpleActionGroup *group,
            GtkMenuButton      *button,
            const char         *name,
            const Choice       *choices,
            guint               n_choices)
{
  g_autoptr(GSimpleAction) action = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *detailed = g_strconcat ("caseload.", name, NULL);

  action = g_simple_action_new_stateful (name, G_VARIANT_TYPE_STRING,
                                         g_variant_new_string (choices[0].id));
  g_signal_connect_object (action, "change-state", G_CALLBACK (choice_change_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_menu_button_set_label (button, _(choices[0].label));
  cp_a11y_name_choice_button (button);
  menu = choices_menu (detailed, choices, n_choices);
  cp_menu_button_set_menu_model_on_open (button, menu, NULL, NULL);
}

void
_cp_people_page_show_every_status (CpPeoplePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "caseload.status", "s", status_choices[0].id);
}

/* ---- Rows ----------------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, cp_person_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  cp_person_row_set_person (CP_PERSON_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  cp_person_row_set_person (CP_PERSON_ROW (gtk_list_item_get_child (item)), NULL);
}

/* ---- Selection ----------------------------------------------------------------------- */

static guint
position_of (CpPeoplePage *self,
             CpPerson     *person)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n;

  _cp_people_page_ensure_sorted (self);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPerson) p = g_list_model_get_item (model, i);

      if (p == person)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The list shows @person selected (all rows first: it may be below the first screen's). */
void
_cp_people_page_select_person (CpPeoplePage *self,
                               CpPerson     *person)
{
  cp_first_rows_show_all (self->first_rows);
  gtk_single_selection_set_selected (self->selection, position_of (self, person));
}

/* Brings the selected row into the list's view. */
void
_cp_people_page_scroll_to_selected (CpPeoplePage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);
}

/* ---- Set-up --------------------------------------------------------------------------- */

void
_cp_people_page_class_init_list (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

void
_cp_people_page_init_list (CpPeoplePage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    add_choice (self, group, self->status_button, "status", status_choices,
                G_N_ELEMENTS (status_choices));
    add_choice (self, group, self->sort_button, "sort", sort_choices,
                G_N_ELEMENTS (sort_choices));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "caseload", G_ACTION_GROUP (group));
  }
}

void
_cp_people_page_set_up_list (CpPeoplePage *self)
{
  GListModel *people = cp_store_get_people_by_name (self->store);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  make_sorters (self);
  /* In name order as the workspace opened: its first sort is one pass, and while nothing
   * has changed since, the sorter can wait (_cp_people_page_ensure_sorted ()). */
  self->filter_model = gtk_filter_list_model_new (g_object_ref (people), NULL);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), NULL);
  if (!cp_store_get_people_by_name_in_order (self->store))
    _cp_people_page_ensure_sorted (self);
  /* A caseload of thousands draws its first frame with the rows the window shows. */
  self->first_rows = cp_first_rows_new (G_LIST_MODEL (self->sort_model));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->first_rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (update_list_stack),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->first_rows, "notify::size", G_CALLBACK (all_rows_cb), self,
                           G_CONNECT_SWAPPED);
  update_list_stack (self);
}
