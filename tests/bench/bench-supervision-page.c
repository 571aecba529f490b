/* bench-supervision-page.c: how long the Supervision section takes to open
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The caseload of bench-supervision (60 people with 20 goals each: the shared filler),
 * shown by the Supervision page in a 1280 × 800 window already on screen (as the section
 * opens in the app): from asking for the page (cp_supervision_page_new: the caseload
 * read, the items made, the table built) to the first frame drawn with the table on
 * screen, CPU time of this thread (the machine's other work left out, as bench-overview
 * does), median of N_RUNS, against the budget of 50 ms.
 * Beside it: the store's read alone (cp_store_read_caseload), and two floors: an empty
 * window to its first frame, and GTK's own table of the same size (a GtkColumnView of 60
 * rows and 8 columns of one short word each) put in the same shown window, which is what
 * GTK 4.8 costs before any of ours. Prints; asserts no time.
 *
 * Usage: bench-supervision-page   (needs a display and GSETTINGS_SCHEMA_DIR)
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-supervision-page"

#include <stdlib.h>
#include <adwaita.h>

#include "../cp-test-util.h"
#include "bench-netmap-util.h"
#include "bench-caseload.h"
#include "bench-quick.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-supervision-page-private.h"

#define N_RUNS BENCH_QUICK (9, 1)

typedef enum
{
  FLOOR,
  STORE,
  GTK_TABLE,
  PAGE,
} What;

static void
plain_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
plain_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* GTK's own table: 60 rows, 8 columns, a word in each cell. */
static GtkWidget *
plain_table_new (void)
{
  GtkStringList *words = gtk_string_list_new (NULL);
  GtkWidget *view;
  GtkWidget *scroll = gtk_scrolled_window_new ();

  for (int i = 0; i < BENCH_CASELOAD_PEOPLE; i++)
    gtk_string_list_append (words, "Word");
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (words))));
  for (int c = 0; c < 8; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (plain_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (plain_bind_cb), NULL);
      column = gtk_column_view_column_new ("Heading", factory);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), view);
  return scroll;
}

static double
once (CpStore *store,
      What     what)
{
  double start = bench_now_ms ();
  GtkWidget *window;
  double ms;

  if (what == STORE)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = cp_store_read_caseload (store, 12, &error);

      if (rows == NULL || rows->len != BENCH_CASELOAD_PEOPLE)
        {
          g_printerr ("bench-supervision-page: caseload not read\n");
          exit (1);
        }
      return bench_now_ms () - start;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  ms = bench_now_ms () - start;
  if (what != FLOOR)
    {
      /* as in the app: the window is on screen before the section is asked for */
      CpSupervisionPage *page = NULL;

      start = bench_now_ms ();
      if (what == PAGE)
        {
          page = cp_supervision_page_new (store);
          gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
        }
      else
        gtk_window_set_child (GTK_WINDOW (window), plain_table_new ());
      gtk_test_widget_wait_for_draw (window);
      ms = bench_now_ms () - start;
      if (page != NULL
          && (!gtk_widget_get_mapped (GTK_WIDGET (page->table))
              || g_list_model_get_n_items (cp_supervision_page_get_shown (page))
                 != BENCH_CASELOAD_PEOPLE))
        {
          g_printerr ("bench-supervision-page: the table is not on screen\n");
          exit (1);
        }
      /* the rest of the rows come in the next frame */
      gtk_test_widget_wait_for_draw (window);
      if (page != NULL
          && g_list_model_get_n_items (G_LIST_MODEL (page->selection)) != BENCH_CASELOAD_PEOPLE)
        {
          g_printerr ("bench-supervision-page: the table's rows did not all come\n");
          exit (1);
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return ms;
}

static double
median_ms (CpStore *store,
           What     what)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  once (store, what);  /* warm: fonts, icons, the CSS */
  for (int i = 0; i < N_RUNS; i++)
    {
      double elapsed = once (store, what);

      g_array_append_val (ms, elapsed);
    }
  g_array_sort (ms, cp_test_compare_doubles);
  return g_array_index (ms, double, N_RUNS / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;

  gtk_init ();
  adw_init ();
  dir = cp_test_make_tmpdir ();
  path = g_build_filename (dir, "bench.cpkit", NULL);
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    {
      g_printerr ("bench-supervision-page: %s\n", error->message);
      return 1;
    }
  bench_caseload_fill (store);

  g_print ("Supervision section: %s, 1280 x 800, median of %d (CPU time)\n",
           "60 people x 20 goals (3 steps each), maps of 15, 3 reviews with barriers", N_RUNS);
  {
    double floor = median_ms (store, FLOOR);
    double table = median_ms (store, GTK_TABLE);
    double read = median_ms (store, STORE);
    double page = median_ms (store, PAGE);

    g_print ("  floor: an empty window, to its first frame          %7.1f ms\n", floor);
    g_print ("  floor: GTK's table, 60 rows x 8 columns of a word,\n"
             "    put in the shown window, to its first frame          %7.1f ms\n", table);
    g_print ("  the store's read alone (cp_store_read_caseload)     %7.1f ms\n", read);
    g_print ("  the section opening in a shown window, to the table's first frame\n"
             "    (the caseload read, the items made, the table built, laid out, drawn)"
             "%6.1f ms   (budget 50 ms)\n", page);
  }

  g_clear_object (&store);
  cp_test_rm_rf (dir);

  return 0;
}
