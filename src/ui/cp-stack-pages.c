/* cp-stack-pages.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-stack-pages"

#include "cp-stack-pages.h"
#include "cp-a11y.h"

/* Both helpers act when a page is first the visible child of a stack on screen. (A
 * stack's first page is its visible child until another is chosen, often before the
 * stack is shown, so being the visible child is not enough.) */

typedef void (*ShownFunc) (GtkStack   *stack,
                           const char *name,
                           GtkWidget  *child,
                           gpointer    data);

typedef struct
{
  ShownFunc      func;
  gpointer       data;
  GDestroyNotify destroy;
} Shown;

static void
shown_free (Shown *shown)
{
  shown->destroy (shown->data);
  g_free (shown);
}

static void
visible_child_cb (GtkStack   *stack,
                  GParamSpec *pspec,
                  Shown      *shown)
{
  const char *name = gtk_stack_get_visible_child_name (stack);

  if (name != NULL && gtk_widget_get_mapped (GTK_WIDGET (stack)))
    shown->func (stack, name, gtk_stack_get_visible_child (stack), shown->data);
}

static void
map_cb (GtkStack *stack,
        Shown    *shown)
{
  visible_child_cb (stack, NULL, shown);
}

static void
when_shown (GtkStack       *stack,
            ShownFunc       func,
            gpointer        data,
            GDestroyNotify  destroy)
{
  Shown *shown = g_new0 (Shown, 1);

  shown->func = func;
  shown->data = data;
  shown->destroy = destroy;
  g_signal_connect_data (stack, "notify::visible-child", G_CALLBACK (visible_child_cb),
                         shown, (GClosureNotify) (void (*) (void)) shown_free, 0);
  g_signal_connect (stack, "map", G_CALLBACK (map_cb), shown);
  visible_child_cb (stack, NULL, shown);
}

/* Each name, then (with @pairs) the string that follows it, from a NULL-ended list. */
static GHashTable *
names_table (const char *first,
             va_list     args,
             gboolean    pairs)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_hash_table_insert (table, g_strdup (name),
                         g_strdup (pairs ? va_arg (args, const char *) : name));
  return table;
}

/* ---- Icons ----------------------------------------------------------------------------- */

/* A homogeneous GtkStack measures every page, shown or not, and measuring an
 * AdwStatusPage loads and renders its 128 px icon. So the pages named here get their
 * icon the first time they are shown, and a start that shows none of them loads none:
 * the same icons, the same sizes, later. */

static void
set_icon (GtkStack   *stack,
          const char *name,
          GtkWidget  *child,
          gpointer    icons)
{
  const char *icon = g_hash_table_lookup (icons, name);

  if (icon != NULL && ADW_IS_STATUS_PAGE (child)
      && adw_status_page_get_icon_name (ADW_STATUS_PAGE (child)) == NULL)
    adw_status_page_set_icon_name (ADW_STATUS_PAGE (child), icon);
}

/**
 * cp_stack_icons_when_shown:
 * @stack: a stack whose pages named below are AdwStatusPages with no icon yet
 * @first_page_name: a page's name, then its icon name, and so on, ending with %NULL
 *
 * Gives each named status page its icon once it is first shown.
 */
void
cp_stack_icons_when_shown (GtkStack   *stack,
                           const char *first_page_name,
                           ...)
{
  GHashTable *icons;
  va_list args;

  g_return_if_fail (GTK_IS_STACK (stack));

  va_start (args, first_page_name);
  icons = names_table (first_page_name, args, TRUE);
  va_end (args);
  when_shown (stack, set_icon, icons, (GDestroyNotify) g_hash_table_unref);
}

/* ---- Pages ----------------------------------------------------------------------------- */

/* Even a status page that is never shown costs its making, its style and a place in its
 * stack's measuring: AdwStatusPage is a scrolled window, a viewport, a clamp, an image
 * and labels. So such a page is, in its stack, an empty AdwBin until it is first shown;
 * then the page is made from a GtkBuilder file, where its object's id is the page's
 * name. */

typedef struct
{
  char       *resource_path;
  GHashTable *pending;   /* the names of the pages not made yet */
} Pages;

static void
pages_free (Pages *pages)
{
  g_free (pages->resource_path);
  g_hash_table_unref (pages->pending);
  g_free (pages);
}

#define PAGES_KEY "cp-stack-pages"

static void
make_page (GtkStack   *stack,
           const char *name,
           GtkWidget  *child,
           gpointer    data)
{
  Pages *pages = data;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { name, NULL };
  GtkWidget *page;

  if (!g_hash_table_remove (pages->pending, name))
    return;
  g_return_if_fail (ADW_IS_BIN (child));

  builder = gtk_builder_new ();
  /* The app's own resource: a build whose tests passed has it, well formed. */
  if (!gtk_builder_add_objects_from_resource (builder, pages->resource_path, ids,
                                              &error))
    g_error ("%s: %s", pages->resource_path, error->message);
  page = GTK_WIDGET (gtk_builder_get_object (builder, name));
  cp_a11y_fix_names (page);
  adw_bin_set_child (ADW_BIN (child), page);
}

/**
 * cp_stack_pages_when_shown:
 * @stack: a stack whose pages named below are empty AdwBins
 * @resource_path: a GtkBuilder file with an object for each, whose id is the page's name
 * @first_page_name: a page's name, then others, ending with %NULL
 *
 * Makes each named page, into its AdwBin, once it is first shown.
 */
void
cp_stack_pages_when_shown (GtkStack   *stack,
                           const char *resource_path,
                           const char *first_page_name,
                           ...)
{
  Pages *pages;
  va_list args;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (g_object_get_data (G_OBJECT (stack), PAGES_KEY) == NULL);

  pages = g_new0 (Pages, 1);
  pages->resource_path = g_strdup (resource_path);
  va_start (args, first_page_name);
  pages->pending = names_table (first_page_name, args, FALSE);
  va_end (args);
  g_object_set_data (G_OBJECT (stack), PAGES_KEY, pages);
  when_shown (stack, make_page, pages, (GDestroyNotify) pages_free);
}

/**
 * cp_stack_pages_get:
 * @stack: a stack given to cp_stack_pages_when_shown()
 * @name: one of its pages named there
 *
 * The page, made now if it has not been shown yet: for a page whose words are set
 * before it is shown.
 *
 * Returns: (transfer none): the page, the object of the GtkBuilder file
 */
GtkWidget *
cp_stack_pages_get (GtkStack   *stack,
                    const char *name)
{
  Pages *pages = g_object_get_data (G_OBJECT (stack), PAGES_KEY);
  GtkWidget *child = gtk_stack_get_child_by_name (stack, name);

  g_return_val_if_fail (pages != NULL && ADW_IS_BIN (child), NULL);

  make_page (stack, name, child, pages);
  return adw_bin_get_child (ADW_BIN (child));
}
