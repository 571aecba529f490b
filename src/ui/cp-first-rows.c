/* cp-first-rows.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-first-rows"

#include "cp-first-rows.h"

/* GTK 4.8's list and column views make, bind and measure a couple of hundred rows when
 * they get a model, whatever their height. A list of thousands shown as the window
 * first appears would spend most of its first frame on rows below the window's edge. So
 * the view's model is a slice of the whole: empty until the owner is first shown (the
 * view makes a row for each item it is given, and drops those it loses), as many rows
 * as the window can show for the first frame (cp_first_rows_fit, from the owner's map),
 * GROW_STEP more in each frame after, and every row once the view has made all it will
 * (cp_first_rows_show_all, which the owner also calls before it needs a row by its
 * position, and when it is unmapped). Made all at once, the next frame's rows kept the
 * window from its loop for some 70 ms with 10,000 people. When the window's height is
 * not known yet, the first frame has this many: */
#define FIRST_ROWS 24

/* Rows made in each frame after the first, and the most GTK 4.8's list view makes
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS, and GTK_LIST_VIEW_EXTRA_ITEMS either side of a row it
 * tracks): from there, every row comes at once with no new row made. */
#define GROW_STEP  48
#define ROWS_MADE  204

/* Above the rows: a header bar and a heading or search bar, in lines of text. */
#define LINES_ABOVE 4

#define PENDING_KEY "cp-first-rows-pending"

typedef struct
{
  GtkSliceListModel *rows;
  gint64             after;   /* the frame after which all rows come */
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_object_unref (pending->rows);
  g_free (pending);
}

/* Takes @model; the slice shows every row of it once cp_first_rows_show_all() ran. */
GtkSliceListModel *
cp_first_rows_new (GListModel *model)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  return gtk_slice_list_model_new (model, 0, 0);
}

static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  Pending *pending = user_data;
  guint size = gtk_slice_list_model_get_size (pending->rows);
  GListModel *all = gtk_slice_list_model_get_model (pending->rows);

  if (size == G_MAXUINT)
    return G_SOURCE_REMOVE;   /* shown in full already */
  if (gdk_frame_clock_get_frame_counter (clock) <= pending->after)
    return G_SOURCE_CONTINUE;
  if (size + GROW_STEP < ROWS_MADE && size + GROW_STEP < g_list_model_get_n_items (all))
    {
      gtk_slice_list_model_set_size (pending->rows, size + GROW_STEP);
      return G_SOURCE_CONTINUE;
    }
  cp_first_rows_show_all (pending->rows);
  return G_SOURCE_REMOVE;
}

/* From the map of @owner, the page that holds the view: the slice as long as the window
 * is tall, with each row @row_lines lines of @owner's text and @row_padding pixels (at
 * least: a row that turns out taller only means rows made that the first frame does not
 * show), then longer in each of @owner's next frames until it holds every row. */
void
cp_first_rows_fit (GtkSliceListModel *rows,
                   GtkWidget         *owner,
                   int                row_lines,
                   int                row_padding)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (owner));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (owner);
  g_autoptr(PangoLayout) layout = NULL;
  int height = root != NULL ? gtk_widget_get_height (root) : 0;
  int width, line, row;
  Pending *pending;

  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (rows));
  g_return_if_fail (GTK_IS_WIDGET (owner));

  if (gtk_slice_list_model_get_size (rows) == G_MAXUINT
      || g_object_get_data (G_OBJECT (rows), PENDING_KEY) != NULL)
    return;
  if (height <= 0 && GTK_IS_WINDOW (root))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);  /* 4.8 takes no NULL */
  if (height > 0)
    {
      /* a line's height: the font's metrics would cost a whole fontset's loading */
      layout = gtk_widget_create_pango_layout (owner, "Xg");
      pango_layout_get_pixel_size (layout, NULL, &line);
      line = MAX (line, 1);
      row = MAX (row_lines * line + row_padding, 1);
      gtk_slice_list_model_set_size (rows, MAX (height - LINES_ABOVE * line, 0) / row + 1);
    }
  else
    gtk_slice_list_model_set_size (rows, FIRST_ROWS);

  pending = g_new0 (Pending, 1);
  pending->rows = g_object_ref (rows);
  pending->after = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) + 1 : 0;
  g_object_set_data (G_OBJECT (rows), PENDING_KEY, GINT_TO_POINTER (TRUE));
  gtk_widget_add_tick_callback (owner, grow_tick_cb, pending, pending_free);
}

/* Every row, now. */
void
cp_first_rows_show_all (GtkSliceListModel *rows)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (rows));

  g_object_set_data (G_OBJECT (rows), PENDING_KEY, NULL);
  if (gtk_slice_list_model_get_size (rows) != G_MAXUINT)
    gtk_slice_list_model_set_size (rows, G_MAXUINT);
}

/* ---- Rows as the view scrolls --------------------------------------------------------- */

#define STEP_KEY "cp-first-rows-step"

static void
scrolled_cb (GtkAdjustment     *adjustment,
             GtkSliceListModel *rows)
{
  guint step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (rows), STEP_KEY));
  double page = gtk_adjustment_get_page_size (adjustment);
  guint size = gtk_slice_list_model_get_size (rows);

  if (page <= 0
      || gtk_adjustment_get_value (adjustment) + 2 * page < gtk_adjustment_get_upper (adjustment))
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (rows)) == size)
    gtk_slice_list_model_set_size (rows, size + step);
}

/* Takes @model. For a GtkListBox, which makes a widget for every item it is given at
 * once: the first @step items of @model, and @step more whenever @scroll, the list's
 * scrolled window, is within a screen of its end. Scrolling and the keyboard (which
 * scrolls to the row it moves to, though not to a margin below the last) both get
 * there, so every item can be reached, while a list of thousands opens with a few
 * screens of rows. */
GtkSliceListModel *
cp_first_rows_new_growing (GListModel        *model,
                           GtkScrolledWindow *scroll,
                           guint              step)
{
  GtkSliceListModel *rows;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroll), NULL);
  g_return_val_if_fail (step > 0, NULL);

  rows = gtk_slice_list_model_new (model, 0, step);
  g_object_set_data (G_OBJECT (rows), STEP_KEY, GUINT_TO_POINTER (step));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (scroll), "value-changed",
                           G_CALLBACK (scrolled_cb), rows, 0);
  return rows;
}
