/* bench-pdf.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Benchmark of the PDF layer. Usage: bench-pdf [--word WORD] [FILE.pdf…]
 * Without files it writes a 120-page PDF (tests/cp-test-util-pdf.c) and uses it.
 *
 * Prints, per document:
 *   - request → first page texture (open + render page 1 at fit-width scale)
 *   - per-page render time through the worker, one request at a time and all
 *     queued at once, against a plain poppler_page_render loop on the same
 *     pages at the same scale (the floor; goal: ratio ≤ 1.1), best of three
 * then: find of a word in all documents at once; peak RSS after rendering
 * every page at fit-width scale into the render cache; and, when a display
 * is available, the longest main-thread stall while a CpPdfView scrolls
 * through the whole document page by page (frame-clock tick gaps and the
 * lateness of a 2 ms timer; goal < 16 ms), next to the same measure for
 * GtkPictures of a page texture scrolled in a GtkScrolledWindow (GTK's own
 * drawing cost, the floor). Asserts nothing.
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-pdf"

#include <locale.h>
#include <math.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "bench-quick.h"
#include "pdf/cp-pdf-cache.h"
#include "pdf/cp-pdf-texture.h"
#include "pdf/cp-pdf-view.h"
#include "../cp-test-util.h"

#define FIT_WIDTH_PX 800.0   /* a typical window: fit-width to 800 px */
#define MAX_PAGES    BENCH_QUICK (200, 12)   /* pages timed per document */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static double
fit_scale (CpPdfDocument *doc)
{
  double w = 1, h;

  cp_pdf_document_get_page_size (doc, 0, &w, &h);
  return (FIT_WIDTH_PX - 24) / w;
}

static CpPdfDocument *
open_timed (const char *path,
            double     *first_texture_ms)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GAsyncResult) rendered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  CpPdfDocument *doc;
  CpPdfRenderSpec spec = { 0 };
  double t0 = now_ms ();

  cp_pdf_document_new_for_file_async (file, NULL, NULL, store_cb, &opened);
  wait_for (&opened);
  doc = cp_pdf_document_new_finish (opened, &error);
  if (doc == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NULL;
    }
  spec.scale = fit_scale (doc);
  cp_pdf_document_render_async (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, store_cb, &rendered);
  wait_for (&rendered);
  texture = cp_pdf_texture_render_finish (doc, rendered, &error);
  *first_texture_ms = now_ms () - t0;
  return doc;
}

typedef struct
{
  guint  done;
  guint  failed;
  double last_ms;
} Batch;

static void
batch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Batch *batch = user_data;
  g_autoptr(GdkTexture) texture = cp_pdf_texture_render_finish (CP_PDF_DOCUMENT (source),
                                                                result, NULL);

  if (texture == NULL)
    batch->failed++;
  batch->done++;
  batch->last_ms = now_ms ();
}

/* Per-page ms through the worker: one request at a time, or all queued. */
static double
worker_per_page (CpPdfDocument *doc,
                 guint          n,
                 double         scale,
                 gboolean       queued)
{
  CpPdfRenderSpec spec = { .scale = scale };
  Batch batch = { 0 };
  double t0 = now_ms ();

  for (guint i = 0; i < n; i++)
    {
      spec.page = i;
      cp_pdf_document_render_async (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, batch_cb, &batch);
      if (!queued)
        while (batch.done <= i)
          g_main_context_iteration (NULL, TRUE);
    }
  while (batch.done < n)
    g_main_context_iteration (NULL, TRUE);

  if (batch.failed > 0)
    g_printerr ("  %u pages failed to render\n", batch.failed);
  return (batch.last_ms - t0) / n;
}

/* The floor: plain poppler on this thread, same pages, same scale, same
 * white background and surface format. */
static double
plain_per_page (const char *path,
                guint       n,
                double      scale)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  double t0;

  if (doc == NULL)
    return NAN;

  t0 = now_ms ();
  for (guint i = 0; i < n; i++)
    cp_test_poppler_render_page (doc, (int) i, scale);
  t0 = (now_ms () - t0) / n;
  g_object_unref (doc);
  return t0;
}

typedef struct
{
  guint n_running;
  guint n_hits;
} FindAll;

static void
find_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  FindAll *all = user_data;
  guint n = 0;

  if (cp_pdf_document_find_finish (CP_PDF_DOCUMENT (source), result, &n, NULL))
    all->n_hits += n;
  all->n_running--;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* ----------------------------------------------------- scrolling (GTK) */

typedef struct
{
  GtkAdjustment *vadj;
  guint       wrap_frames; /* floor: scroll round and round this many frames */
  guint       n_pages;
  gint64      last_tick;
  gint64      max_gap;
  GArray     *gaps;
  gint64      timer_expected;
  gint64      max_late;
  gboolean    done;
  guint       settle;
} Scroll;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Scroll *s = user_data;
  gint64 t = g_get_monotonic_time ();
  GtkAdjustment *vadj = s->vadj;
  double step;

  if (s->last_tick != 0)
    {
      gint64 gap = t - s->last_tick;

      g_array_append_val (s->gaps, gap);
      s->max_gap = MAX (s->max_gap, gap);
    }
  s->last_tick = t;

  /* One page per frame: the page height plus the gap. */
  step = gtk_adjustment_get_upper (vadj) / s->n_pages;
  if (s->wrap_frames > 0)
    {
      double room = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);

      if (s->gaps->len >= s->wrap_frames)
        {
          s->done = TRUE;
          return G_SOURCE_REMOVE;
        }
      /* Move by a third of a page, round and round. */
      gtk_adjustment_set_value (vadj, fmod (gtk_adjustment_get_value (vadj) + step / 3 + 1, room));
      return G_SOURCE_CONTINUE;
    }
  if (gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj)
      >= gtk_adjustment_get_upper (vadj) - 1)
    {
      if (++s->settle > 10)
        {
          s->done = TRUE;
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + step);
  return G_SOURCE_CONTINUE;
}

static gboolean
timer_cb (gpointer user_data)
{
  Scroll *s = user_data;
  gint64 t = g_get_monotonic_time ();

  if (s->timer_expected != 0)
    s->max_late = MAX (s->max_late, t - s->timer_expected);
  s->timer_expected = t + 2000;
  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Scrolls the child of a window page by page, one page per frame. */
static void
measure_scroll (GtkWidget     *window,
                GtkAdjustment *vadj,
                GtkWidget     *ticker,
                guint          wrap_frames,
                guint          n_pages,
                const char    *what)
{
  Scroll s = { .wrap_frames = wrap_frames };
  gint64 t0;
  double p99 = 0;
  guint timer;

  s.vadj = vadj;
  s.n_pages = n_pages;
  s.gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_window_present (GTK_WINDOW (window));

  /* Let the first page arrive before measuring. */
  t0 = g_get_monotonic_time ();
  while (g_get_monotonic_time () - t0 < 500000)
    g_main_context_iteration (NULL, FALSE);

  t0 = g_get_monotonic_time ();
  gtk_widget_add_tick_callback (ticker, tick_cb, &s, NULL);
  timer = g_timeout_add_full (G_PRIORITY_HIGH, 2, timer_cb, &s, NULL);
  while (!s.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);

  if (s.gaps->len > 0)
    {
      g_array_sort (s.gaps, compare_gint64);
      p99 = g_array_index (s.gaps, gint64, (guint) (0.99 * (s.gaps->len - 1))) / 1000.0;
    }
  g_print ("scroll %s page by page (%u frames, %.0f ms): longest frame gap %.1f ms, "
           "p99 %.1f ms; longest timer lateness (main-thread stall) %.1f ms\n",
           what, s.gaps->len, (g_get_monotonic_time () - t0) / 1000.0, s.max_gap / 1000.0,
           p99, s.max_late / 1000.0);
  g_array_unref (s.gaps);
}

static GtkWidget *
scrolling_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), (int) FIT_WIDTH_PX, 1000);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  return window;
}

static void
bench_scroll (CpPdfDocument *doc,
              const char    *name)
{
  CpPdfView *view = CP_PDF_VIEW (cp_pdf_view_new ());
  GtkWidget *window = scrolling_window (GTK_WIDGET (view));
  guint n = cp_pdf_document_get_n_pages (doc);
  g_autofree char *what = g_strdup_printf ("%s in CpPdfView", name);

  cp_pdf_view_set_document (view, doc);
  measure_scroll (window, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)),
                  GTK_WIDGET (view), 0, n, what);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The floor: GTK scrolling a column of three GtkPictures showing the same
 * page texture (no PDF work at all), a third of a page per frame, as many
 * frames as the document run took. */
static void
bench_scroll_floor (CpPdfDocument *doc,
                    guint          frames)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  CpPdfRenderSpec spec = { .scale = fit_scale (doc) };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *window = scrolling_window (box);
  GtkWidget *scrolled = gtk_window_get_child (GTK_WINDOW (window));

  cp_pdf_document_render_async (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, store_cb, &result);
  wait_for (&result);
  texture = cp_pdf_texture_render_finish (doc, result, NULL);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_box_append (GTK_BOX (box), picture);
    }

  measure_scroll (window, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                  box, frames, 3, "floor: three GtkPictures of one page texture");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *word = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "word", 'w', 0, G_OPTION_ARG_STRING, &word, "Word to find (default: needle)", "WORD" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— PDF layer benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmpdir = NULL;
  g_autofree char *generated = NULL;
  FindAll all = { 0 };
  double t0;
  gboolean have_display;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (word == NULL)
    word = g_strdup ("needle");

  if (files == NULL || files[0] == NULL)
    {
      tmpdir = g_dir_make_tmp ("cpkit-bench-XXXXXX", NULL);
      generated = g_build_filename (tmpdir, "bench-120.pdf", NULL);
      t0 = now_ms ();
      cp_test_pdf_write_many (generated, BENCH_QUICK (120, 12));
      g_print ("generated %s (%d pages) in %.0f ms\n", generated, BENCH_QUICK (120, 12),
               now_ms () - t0);
      g_strfreev (files);
      files = g_new0 (char *, 2);
      files[0] = g_strdup (generated);
    }

  for (guint f = 0; files[f] != NULL; f++)
    {
      double first_ms, one, queued, plain, scale;
      CpPdfDocument *doc = open_timed (files[f], &first_ms);
      guint n;

      if (doc == NULL)
        continue;
      n = MIN (cp_pdf_document_get_n_pages (doc), MAX_PAGES);
      scale = fit_scale (doc);
      g_print ("%s: %u pages\n", files[f], cp_pdf_document_get_n_pages (doc));
      g_print ("  request → first page texture: %.1f ms\n", first_ms);

      /* Warm both paths (fonts, caches) on the first pages before timing. */
      worker_per_page (doc, MIN (n, 3u), scale, FALSE);
      plain_per_page (files[f], MIN (n, 3u), scale);

      /* Best of three rounds of each: the machine may be busy. */
      one = queued = plain = G_MAXDOUBLE;
      for (guint round = 0; round < 3; round++)
        {
          one = MIN (one, worker_per_page (doc, n, scale, FALSE));
          queued = MIN (queued, worker_per_page (doc, n, scale, TRUE));
          plain = MIN (plain, plain_per_page (files[f], n, scale));
        }
      g_print ("  render %u pages at %.3f px/pt: worker %.2f ms/page one at a time, "
               "%.2f ms/page queued; plain poppler loop %.2f ms/page; "
               "ratio %.2f / %.2f [goal ≤ 1.1]\n",
               n, scale, one, queued, plain, one / plain, queued / plain);

      g_ptr_array_add (docs, doc);
      g_ptr_array_add (names, g_path_get_basename (files[f]));
    }

  if (docs->len == 0)
    return 1;

  t0 = now_ms ();
  for (guint i = 0; i < docs->len; i++)
    {
      all.n_running++;
      cp_pdf_document_find_async (g_ptr_array_index (docs, i), word, CP_PDF_FIND_DEFAULT,
                                  NULL, NULL, NULL, NULL, find_cb, &all);
    }
  while (all.n_running > 0)
    g_main_context_iteration (NULL, TRUE);
  g_print ("find “%s” in %u document(s): %u hits in %.1f ms\n", word, docs->len, all.n_hits,
           now_ms () - t0);

  /* Every page of every document at fit-width, kept in one render cache up
   * to its 256 MiB cap: the most a cache can hold (a view keeps only the
   * pages near its viewport; bench-pdf-memory measures that). */
  {
    CpPdfCache *cache = cp_pdf_cache_get_default ();

    for (guint i = 0; i < docs->len; i++)
      {
        CpPdfDocument *doc = g_ptr_array_index (docs, i);
        guint n = cp_pdf_document_get_n_pages (doc);

        for (guint p = 0; p < n; p++)
          {
            g_autoptr(GAsyncResult) result = NULL;
            g_autoptr(GdkTexture) texture = NULL;
            CpPdfRenderSpec spec = { .page = p, .scale = fit_scale (doc) };

            cp_pdf_document_render_async (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, store_cb,
                                          &result);
            wait_for (&result);
            texture = cp_pdf_texture_render_finish (doc, result, NULL);
            if (texture != NULL)
              cp_pdf_cache_insert (cache, doc, &spec, texture);
          }
      }
    g_print ("peak RSS after rendering every page at fit-width: %.1f MiB "
             "(cache holds %u textures, %.1f MiB, cap %.0f MiB)\n",
             peak_rss_kib () / 1024.0, cp_pdf_cache_get_n_items (cache),
             cp_pdf_cache_get_used_bytes (cache) / 1048576.0,
             cp_pdf_cache_get_max_bytes (cache) / 1048576.0);
    cp_pdf_cache_clear (cache);
  }

  have_display = gtk_init_check ();
  if (!have_display)
    g_print ("scroll: skipped (no display; run under xvfb-run -a)\n");
  else
    {
      for (guint i = 0; i < docs->len; i++)
        bench_scroll (g_ptr_array_index (docs, i), g_ptr_array_index (names, i));
      bench_scroll_floor (g_ptr_array_index (docs, 0), 130);
      g_print ("  [goal: longest stall < 16 ms; compare with the floor, which is GTK's own "
               "drawing cost with this renderer]\n");
    }

  g_clear_pointer (&docs, g_ptr_array_unref);
  cp_pdf_document_shutdown ();

  if (generated != NULL)
    {
      g_remove (generated);
      g_rmdir (tmpdir);
    }
  return 0;
}
