/* test-pdf-view-text.c: CpPdfView under Xvfb, what the reader does with text: find hits
 * highlighted with a distinct current hit, links followed with history, and selection
 * (by drag and by keyboard, drawn as a highlight, copied)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-view"

#include <math.h>
#include <string.h>

#include "cp-test-ui.h"

static CpTestPdfFixtures *fx;

typedef CpTestPdfView Fixture;

typedef struct
{
  GPtrArray *hits;
  gboolean   done;
} Collect;

static void
collect_page_cb (CpPdfDocument *doc,
                 guint          page,
                 GPtrArray     *hits,
                 gpointer       user_data)
{
  Collect *c = user_data;

  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (c->hits, cp_pdf_find_hit_copy (g_ptr_array_index (hits, i)));
}

static void
collect_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Collect *c = user_data;

  g_assert_true (cp_pdf_document_find_finish (CP_PDF_DOCUMENT (source), result, NULL, NULL));
  c->done = TRUE;
}

/* Share of pixels in a widget box that look like the current-hit orange. */
static double
orange_share (CpTestPixels          *p,
              const graphene_rect_t *r)
{
  int n = 0, orange = 0;

  for (int j = (int) r->origin.y + 1; j < (int) (r->origin.y + r->size.height) - 1; j++)
    for (int i = (int) r->origin.x + 1; i < (int) (r->origin.x + r->size.width) - 1; i++)
      {
        guchar *px = p->data + ((gsize) j * p->width + i) * 4;

        if (i < 0 || j < 0 || i >= p->width || j >= p->height)
          continue;
        n++;
        /* BGRA: strong red, middling green, little blue. */
        if (px[2] > 200 && px[1] > 120 && px[1] < 200 && px[0] < 140)
          orange++;
      }
  return n > 0 ? (double) orange / n : 0;
}

static void
hit_rect (CpPdfView       *view,
          GPtrArray       *hits,
          guint            index,
          graphene_rect_t *r)
{
  CpPdfFindHit *hit = g_ptr_array_index (hits, index);
  double x1, y1, x2, y2;

  g_assert_true (cp_pdf_view_page_to_widget (view, hit->page, hit->rect.x, hit->rect.y, &x1, &y1));
  g_assert_true (cp_pdf_view_page_to_widget (view, hit->page, hit->rect.x + hit->rect.width,
                                             hit->rect.y + hit->rect.height, &x2, &y2));
  graphene_rect_init (r, x1, y1, x2 - x1, y2 - y1);
}

static void
test_find_highlight (Fixture       *f,
                     gconstpointer  data)
{
  Collect c = { g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_find_hit_free), FALSE };
  g_autoptr(GdkTexture) first = NULL;
  g_autoptr(GdkTexture) last = NULL;
  graphene_rect_t r0, r2, r3;
  CpTestPixels p;

  cp_pdf_document_find_async (f->document, "zebrafish", CP_PDF_FIND_DEFAULT, collect_page_cb,
                              &c, NULL, NULL, collect_done_cb, &c);
  cp_test_wait_for (&c.done);
  g_assert_cmpuint (c.hits->len, ==, 4);

  cp_pdf_view_set_find_hits (f->view, c.hits, 0);
  g_assert_cmpint (cp_pdf_view_get_current_hit (f->view), ==, 0);
  cp_test_pdf_view_wait_settled (f->view);
  first = cp_test_render_widget (GTK_WIDGET (f->view));
  cp_test_pixels_init (&p, first);
  hit_rect (f->view, c.hits, 0, &r0);
  g_assert_cmpfloat (orange_share (&p, &r0), >, 0.3);
  cp_test_pixels_clear (&p);

  /* "Next" to the last hit: the view moves to page 3 and the orange moves
   * with it; the other hit on that page is plain yellow. */
  cp_pdf_view_set_current_hit (f->view, 3);
  cp_test_pdf_view_wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 2);
  last = cp_test_render_widget (GTK_WIDGET (f->view));
  cp_test_pixels_init (&p, last);
  hit_rect (f->view, c.hits, 3, &r3);
  hit_rect (f->view, c.hits, 2, &r2);
  g_assert_cmpfloat (r3.origin.y, >=, 0);
  g_assert_cmpfloat (r3.origin.y + r3.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (f->view)));
  g_assert_cmpfloat (orange_share (&p, &r3), >, 0.3);
  g_assert_cmpfloat (orange_share (&p, &r2), <, 0.05);
  cp_test_pixels_clear (&p);

  /* Handing the same, grown array over again does not move the view. */
  {
    GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
    double before;

    gtk_adjustment_set_value (vadj, 0);
    before = gtk_adjustment_get_value (vadj);
    cp_pdf_view_set_find_hits (f->view, c.hits, 3);
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, before);
  }

  cp_pdf_view_set_find_hits (f->view, NULL, -1);
  g_assert_cmpint (cp_pdf_view_get_current_hit (f->view), ==, -1);
  g_ptr_array_unref (c.hits);
}

typedef struct
{
  CpPdfView       *view;
  double           px;
  double           py;
  const CpPdfLink *link;
} LinkWait;

static gboolean
link_known (gpointer data)
{
  LinkWait *w = data;
  double x, y;

  g_assert_true (cp_pdf_view_page_to_widget (w->view, 0, w->px, w->py, &x, &y));
  w->link = cp_pdf_view_get_link_at (w->view, x, y);
  return w->link != NULL;
}

/* The link at (@px, @py) on page 1, once the view has the page's links. */
static const CpPdfLink *
wait_link (CpPdfView *view,
           double     px,
           double     py)
{
  LinkWait w = { view, px, py, NULL };

  g_assert_true (cp_test_wait_until (link_known, &w));
  return w.link;
}

static void
link_activated_cb (CpPdfView *view,
                   CpPdfLink *link,
                   gpointer   user_data)
{
  char **uri = user_data;

  if (link->kind == CP_PDF_LINK_EXTERNAL)
    {
      g_free (*uri);
      *uri = g_strdup (link->uri);
    }
}

static void
test_links_history (Fixture       *f,
                    gconstpointer  data)
{
  const CpPdfLink *link;
  g_autofree char *uri = NULL;

  g_signal_connect (f->view, "link-activated", G_CALLBACK (link_activated_cb), &uri);

  /* The internal link on page 1 goes to chapter 3 on page 3. */
  link = wait_link (f->view, SAMPLE_LINK_X + 20, SAMPLE_LINK_Y + 10);
  g_assert_cmpint (link->kind, ==, CP_PDF_LINK_INTERNAL);
  cp_pdf_view_activate_link (f->view, link);
  cp_test_pdf_view_wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 2);
  g_assert_true (cp_pdf_view_get_can_go_back (f->view));
  g_assert_false (cp_pdf_view_get_can_go_forward (f->view));
  g_assert_null (uri);

  cp_pdf_view_go_back (f->view);
  cp_test_pdf_view_wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 0);
  g_assert_false (cp_pdf_view_get_can_go_back (f->view));
  g_assert_true (cp_pdf_view_get_can_go_forward (f->view));

  cp_pdf_view_go_forward (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 2);
  cp_pdf_view_go_back (f->view);
  cp_test_pdf_view_wait_settled (f->view);

  /* The external link goes to the UI and does not move the view. */
  link = wait_link (f->view, SAMPLE_URI_X + 20, SAMPLE_URI_Y + 10);
  g_assert_cmpint (link->kind, ==, CP_PDF_LINK_EXTERNAL);
  cp_pdf_view_activate_link (f->view, link);
  g_assert_cmpstr (uri, ==, SAMPLE_URI);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 0);

  /* Named destinations jump too. */
  cp_pdf_view_scroll_to_dest (f->view, "chapter2");
  while (cp_pdf_view_get_page (f->view) != 1)
    cp_test_pdf_view_wait_settled (f->view);
  g_assert_true (cp_pdf_view_get_can_go_back (f->view));
  g_signal_handlers_disconnect_by_func (f->view, link_activated_cb, &uri);
}

static gboolean
selection_has_text (gpointer view)
{
  g_autofree char *text = cp_pdf_view_dup_selected_text (view);

  return text != NULL && strstr (text, "zebrafish") != NULL;
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = NULL;
  double x1, y1, x2, y2;

  g_assert_false (cp_pdf_view_get_has_selection (f->view));
  /* Drag across the line "alpha zebrafish" drawn at (72, 140). */
  cp_pdf_view_page_to_widget (f->view, 0, 70, 148, &x1, &y1);
  cp_pdf_view_page_to_widget (f->view, 0, 300, 148, &x2, &y2);
  cp_pdf_view_select_between (f->view, x1, y1, x2, y2);
  g_assert_true (cp_pdf_view_get_has_selection (f->view));

  g_assert_true (cp_test_wait_until (selection_has_text, f->view));
  text = cp_pdf_view_dup_selected_text (f->view);
  g_assert_cmpstr (text, ==, "alpha zebrafish");

  /* The selection as rectangles (what a highlight saves): one line on page 1. */
  {
    g_autoptr(GPtrArray) rects = cp_pdf_view_dup_selection_rects (f->view);
    g_autoptr(GdkTexture) texture = NULL;
    CpPdfFindHit *line;
    CpTestPixels p;
    double bx, by, ox, oy;

    g_assert_cmpuint (rects->len, ==, 1);
    line = g_ptr_array_index (rects, 0);
    g_assert_cmpuint (line->page, ==, 0);
    g_assert_cmpfloat (line->rect.y, <, 148);
    g_assert_cmpfloat (line->rect.y + line->rect.height, >, 140);
    g_assert_cmpfloat (line->rect.width, >, 50);

    /* Drawn as a highlight once the selection is gone: the line turns yellow (less
     * blue than red), a blank stretch of paper beside it stays white. */
    cp_pdf_view_select_none (f->view);
    cp_pdf_view_set_marks (f->view, rects);
    cp_test_pdf_view_wait_settled (f->view);
    texture = cp_test_render_widget (GTK_WIDGET (f->view));
    cp_test_pixels_init (&p, texture);
    cp_pdf_view_page_to_widget (f->view, 0, line->rect.x, line->rect.y, &bx, &by);
    cp_pdf_view_page_to_widget (f->view, 0, line->rect.x + line->rect.width + 40,
                                line->rect.y, &ox, &oy);
    g_assert_cmpfloat (cp_test_pixels_mean (&p, bx, by, 6, 4, 0) + 40, <,
                       cp_test_pixels_mean (&p, bx, by, 6, 4, 2));
    g_assert_cmpfloat (fabs (cp_test_pixels_mean (&p, ox, oy, 6, 4, 0)
                             - cp_test_pixels_mean (&p, ox, oy, 6, 4, 2)), <, 5);
    cp_test_pixels_clear (&p);
    cp_pdf_view_set_marks (f->view, NULL);
    cp_pdf_view_select_between (f->view, x1, y1, x2, y2);
  }

  /* Shift+Left ten times from the end: "alpha" stays selected; Shift+Right brings
   * characters back. */
  {
    g_autofree char *shorter = NULL;
    g_autofree char *longer = NULL;

    cp_pdf_view_extend_selection (f->view, -10, 0);
    shorter = cp_pdf_view_dup_selected_text (f->view);
    g_assert_cmpstr (shorter, ==, "alpha");
    cp_pdf_view_extend_selection (f->view, 2, 0);
    longer = cp_pdf_view_dup_selected_text (f->view);
    g_assert_cmpstr (longer, ==, "alpha z");
    cp_pdf_view_select_between (f->view, x1, y1, x2, y2);
  }

  /* Ctrl+C's action puts it on the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.copy", NULL));
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *copied = NULL;
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->view));

    gdk_clipboard_read_text_async (clipboard, NULL, cp_test_store_result_cb, &result);
    cp_test_wait_result (&result);
    copied = gdk_clipboard_read_text_finish (clipboard, result, NULL);
    g_assert_cmpstr (copied, ==, "alpha zebrafish");
  }

  cp_pdf_view_select_none (f->view);
  g_assert_false (cp_pdf_view_get_has_selection (f->view));
  g_assert_null (cp_pdf_view_dup_selected_text (f->view));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  fx = cp_test_pdf_fixtures_new ();

#define ADD(name, func) \
  g_test_add ("/cp/pdf/view-text/" name, Fixture, fx->sample, cp_test_pdf_view_set_up, func, \
              cp_test_pdf_view_tear_down)
  ADD ("find-highlight", test_find_highlight);
  ADD ("links-history", test_links_history);
  ADD ("selection", test_selection);
#undef ADD

  return cp_test_pdf_run (fx);
}
