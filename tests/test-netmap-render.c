/* test-netmap-render.c: the map as drawn: pixels of PNGs, text of PDFs, bytes of SVGs
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-render"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "test-netmap-util.h"

#define SIZE  500
#define SCALE 200.0

/* A plain map: no ring, sector or legend text in the way of the pixels a test reads */
static void
plain_options (CpNetmapRenderOptions *o)
{
  cp_netmap_render_options_init (o);
  o->font_family = "DejaVu Sans";
  o->font_size = 10;
  o->ring_labels = FALSE;
  o->sector_labels = CP_NETMAP_SECTOR_LABELS_NONE;
}

/* Large text and small shapes: ties long, and hatching wide */
static void
tie_options (CpNetmapRenderOptions *o)
{
  plain_options (o);
  o->font_size = 20;
  o->node_radius = 6;
}

/* @model drawn at SCALE around the middle of a SIZE × SIZE image */
static cairo_surface_t *
draw (CpNetmapModel               *model,
      const CpNetmapRenderOptions *o)
{
  g_autoptr(CpNetmapRenderer) renderer = test_netmap_renderer_new ();
  g_autoptr(CpNetmapLayout) layout = cp_netmap_renderer_layout (renderer, model, o, SCALE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cp_netmap_renderer_draw (renderer, cr, layout, o, SIZE / 2, SIZE / 2);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((guint32 *) (data + (int) floor (y) * stride))[(int) floor (x)] & 0xffffff;
}

static guint32
rgb (double r,
     double g,
     double b)
{
  return ((guint32) lround (r * 255) << 16) | ((guint32) lround (g * 255) << 8) |
         (guint32) lround (b * 255);
}

/* Within 2 of 255 on each channel: the rounding of colours */
static gboolean
near (guint32 a,
      guint32 b)
{
  int shift;

  for (shift = 0; shift <= 16; shift += 8)
    {
      if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 2)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) stride * SIZE) == 0;
}

/* How many pixels differ by more than antialiasing rounds to */
static guint
count_unlike (cairo_surface_t *a,
              cairo_surface_t *b)
{
  guint n = 0;
  int x;
  int y;

  for (y = 0; y < SIZE; y++)
    for (x = 0; x < SIZE; x++)
      n += !near (pixel (a, x, y), pixel (b, x, y));
  return n;
}

/* ---- shapes where the geometry puts them ---- */

static void
test_shape_at_place (void)
{
  g_autoptr(CpNetmapModel) model = cp_netmap_model_new ();
  CpNetmapMember *m = cp_netmap_model_add (model, 0, CP_NETMAP_KIND_PLACE, "Library",
                                           CP_NETMAP_SECTOR_FRIENDS, 2);
  CpNetmapPlace place = { CP_NETMAP_SECTOR_FRIENDS, 2, 0.3, 0.5 };
  CpNetmapRenderOptions o;
  cairo_surface_t *square;
  cairo_surface_t *diamond;
  double r = 16;
  double x;
  double y;
  guint32 place_fill = rgb (0.72, 0.74, 0.78);
  guint32 activity_fill = rgb (0.36, 0.38, 0.42);

  m->angle = place.angle;
  m->depth = place.depth;
  cp_netmap_place_to_point (&place, &x, &y);
  x = SIZE / 2 + x * SCALE;
  y = SIZE / 2 + y * SCALE;
  plain_options (&o);
  o.node_radius = r;

  square = draw (model, &o);
  m->kind = CP_NETMAP_KIND_ACTIVITY;
  diamond = draw (model, &o);

  /* a place is a square: filled at its middle and towards its corner, not beyond its side */
  g_assert_true (near (pixel (square, x, y), place_fill));
  g_assert_true (near (pixel (square, x - 0.8 * r, y - 0.8 * r), place_fill));
  g_assert_false (near (pixel (square, x - 1.1 * r, y), place_fill));
  /* an activity is a diamond: filled along its axes beyond a square's side, empty
   * towards the corners */
  g_assert_true (near (pixel (diamond, x, y), activity_fill));
  g_assert_true (near (pixel (diamond, x - 1.1 * r, y), activity_fill));
  g_assert_false (near (pixel (diamond, x - 0.8 * r, y - 0.8 * r), activity_fill));
  /* and nothing is drawn well above it */
  g_assert_cmphex (pixel (square, x, y - 2 * r), ==, 0xffffff);

  cairo_surface_destroy (square);
  cairo_surface_destroy (diamond);
}

/* ---- ties ---- */

static CpNetmapModel *
two_with_tie (CpNetmapTieStrength strength,
              gboolean            hard_going,
              double             *ax,
              double             *ay,
              double             *bx,
              double             *by)
{
  CpNetmapModel *model = cp_netmap_model_new ();
  CpNetmapMember *a = cp_netmap_model_add (model, 1, CP_NETMAP_KIND_PERSON, "A",
                                           CP_NETMAP_SECTOR_FRIENDS, 3);
  CpNetmapMember *b = cp_netmap_model_add (model, 2, CP_NETMAP_KIND_PERSON, "B",
                                           CP_NETMAP_SECTOR_FRIENDS, 3);
  CpNetmapPlace pa = { CP_NETMAP_SECTOR_FRIENDS, 3, 0.15, 0.5 };
  CpNetmapPlace pb = { CP_NETMAP_SECTOR_FRIENDS, 3, 0.85, 0.5 };

  a->angle = pa.angle;
  b->angle = pb.angle;
  a->hard_going = hard_going;
  if (strength <= CP_NETMAP_TIE_STRESSFUL)
    cp_netmap_model_set_tie (model, 1, 2, strength);
  cp_netmap_place_to_point (&pa, ax, ay);
  cp_netmap_place_to_point (&pb, bx, by);
  *ax = SIZE / 2 + *ax * SCALE;
  *ay = SIZE / 2 + *ay * SCALE;
  *bx = SIZE / 2 + *bx * SCALE;
  *by = SIZE / 2 + *by * SCALE;
  return model;
}

/* Pixels 4 px to either side of the middle part of the line from a to b that differ from
 * the map without the tie, and of them those in the hard-going red */
static void
beside_line (cairo_surface_t *s,
             cairo_surface_t *none,
             double           ax,
             double           ay,
             double           bx,
             double           by,
             guint           *inked,
             guint           *red)
{
  double len = hypot (bx - ax, by - ay);
  double nx = -(by - ay) / len;
  double ny = (bx - ax) / len;
  double t;
  int side;

  *inked = 0;
  *red = 0;
  for (t = 0.2; t <= 0.8; t += 0.5 / len)
    {
      for (side = -1; side <= 1; side += 2)
        {
          double x = ax + (bx - ax) * t + side * 4 * nx;
          double y = ay + (by - ay) * t + side * 4 * ny;
          guint32 p = pixel (s, x, y);

          if (p != pixel (none, x, y))
            *inked += 1;
          if ((p >> 16) > 0x90 && ((p >> 8) & 0xff) < 0x60)
            *red += 1;
        }
    }
}

static void
test_hatched_tie (void)
{
  CpNetmapRenderOptions o;
  double ax, ay, bx, by;
  g_autoptr(CpNetmapModel) solid = two_with_tie (CP_NETMAP_TIE_STRONG, FALSE, &ax, &ay, &bx, &by);
  g_autoptr(CpNetmapModel) hatched = two_with_tie (CP_NETMAP_TIE_STRESSFUL, FALSE, &ax, &ay, &bx,
                                                   &by);
  g_autoptr(CpNetmapModel) untied = two_with_tie (CP_NETMAP_TIE_STRESSFUL + 1, FALSE, &ax, &ay,
                                                  &bx, &by);
  cairo_surface_t *s;
  cairo_surface_t *h;
  cairo_surface_t *none;
  guint inked;
  guint red;

  tie_options (&o);
  s = draw (solid, &o);
  h = draw (hatched, &o);
  none = draw (untied, &o);
  g_assert_false (same_pixels (s, h));
  g_assert_false (same_pixels (s, none));

  /* a solid tie is a line: nothing 4 px beside it */
  beside_line (s, none, ax, ay, bx, by, &inked, &red);
  g_assert_cmpuint (inked, ==, 0);
  /* a hard-going tie is hatched across, in its own colour */
  beside_line (h, none, ax, ay, bx, by, &inked, &red);
  g_test_message ("hatched: %u inked, %u red", inked, red);
  g_assert_cmpuint (inked, >, 10);
  g_assert_cmpuint (red, >, 5);

  cairo_surface_destroy (s);
  cairo_surface_destroy (h);
  cairo_surface_destroy (none);
}

/* "Hide hard going" leaves the picture as if the tie and the chip were not there. */
static void
test_hide_hard_going (void)
{
  CpNetmapRenderOptions o;
  double ax, ay, bx, by;
  g_autoptr(CpNetmapModel) hard = two_with_tie (CP_NETMAP_TIE_STRESSFUL, TRUE, &ax, &ay, &bx, &by);
  g_autoptr(CpNetmapModel) plain = two_with_tie (CP_NETMAP_TIE_STRESSFUL + 1, FALSE, &ax, &ay, &bx,
                                                 &by);
  cairo_surface_t *shown;
  cairo_surface_t *hidden;
  cairo_surface_t *without;
  guint inked;
  guint red;

  tie_options (&o);
  o.legend = TRUE;
  shown = draw (hard, &o);
  without = draw (plain, &o);
  o.hide_hard_going = TRUE;
  hidden = draw (hard, &o);

  g_assert_false (same_pixels (shown, without));
  g_assert_true (same_pixels (hidden, without));
  beside_line (shown, without, ax, ay, bx, by, &inked, &red);
  g_assert_cmpuint (red, >, 5);
  beside_line (hidden, without, ax, ay, bx, by, &inked, &red);
  g_assert_cmpuint (inked, ==, 0);

  cairo_surface_destroy (shown);
  cairo_surface_destroy (hidden);
  cairo_surface_destroy (without);
}

/* ---- what files hold ---- */

static CpNetmapModel *
jo_review (void)
{
  g_autoptr(CpNetmapModel) base = test_netmap_practice_map ("jo", NULL);

  return test_netmap_practice_map ("jo", base);
}

static char *
export (CpNetmapModel               *model,
        const CpNetmapRenderOptions *o,
        CpNetmapFormat               format,
        const char                  *dir,
        const char                  *name)
{
  g_autoptr(CpNetmapRenderer) renderer = test_netmap_renderer_new ();
  char *path = g_build_filename (dir, name, NULL);

  test_netmap_export (renderer, model, o, format, 600, 500, path);
  return path;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}

/* The SVG without its document-unique surface ids */
static char *
svg_bytes (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GRegex) ids = g_regex_new ("id=\"surface[0-9]+\"", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return g_regex_replace_literal (ids, data, -1, 0, "id=\"surface\"", 0, NULL);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;
  const char *p;

  for (p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);

  return g_strv_contains ((const char * const *) words, word);
}

static void
test_initials_only (void)
{
  g_autoptr(CpNetmapModel) model = jo_review ();
  g_autofree char *dir = g_dir_make_tmp ("cp-netmap-XXXXXX", NULL);
  g_autofree char *named_pdf = NULL;
  g_autofree char *initials_pdf = NULL;
  g_autofree char *named_svg = NULL;
  g_autofree char *initials_svg = NULL;
  g_autofree char *named_text = NULL;
  g_autofree char *initials_text = NULL;
  g_autofree char *named_bytes = NULL;
  g_autofree char *initials_bytes = NULL;
  CpNetmapRenderOptions o;
  guint i;

  cp_netmap_render_options_init (&o);
  o.font_family = "DejaVu Sans";
  o.centre_label = "Jo";
  o.legend = TRUE;
  named_pdf = export (model, &o, CP_NETMAP_FORMAT_PDF, dir, "named.pdf");
  named_svg = export (model, &o, CP_NETMAP_FORMAT_SVG, dir, "named.svg");
  o.initials_only = TRUE;
  initials_pdf = export (model, &o, CP_NETMAP_FORMAT_PDF, dir, "initials.pdf");
  initials_svg = export (model, &o, CP_NETMAP_FORMAT_SVG, dir, "initials.svg");

  named_text = pdf_text (named_pdf);
  initials_text = pdf_text (initials_pdf);
  /* the names are there to find when they are drawn: the test can fail */
  g_assert_nonnull (strstr (named_text, "Lena (group leader)"));
  g_assert_true (has_word (named_text, "Jo"));
  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const char *name = cp_netmap_model_get_member (model, i)->name;
      g_auto(GStrv) words = g_strsplit (name, " ", -1);
      char **w;

      g_assert_null (strstr (initials_text, name));
      for (w = words; *w != NULL; w++)
        {
          if (g_utf8_strlen (*w, -1) >= 2 && g_ascii_isupper (**w))
            g_assert_false (has_word (initials_text, *w));
        }
    }
  g_assert_false (has_word (initials_text, "Jo"));
  g_assert_true (has_word (initials_text, "SBG"));
  g_assert_true (has_word (initials_text, "J"));

  /* an SVG holds text as glyph outlines: no name as bytes, and fewer glyphs */
  named_bytes = svg_bytes (named_svg);
  initials_bytes = svg_bytes (initials_svg);
  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    g_assert_null (strstr (initials_bytes, cp_netmap_model_get_member (model, i)->name));
  g_test_message ("glyphs: %u named, %u initials", count (named_bytes, "<symbol"),
                  count (initials_bytes, "<symbol"));
  g_assert_cmpuint (count (initials_bytes, "<symbol"), <, count (named_bytes, "<symbol"));

  g_unlink (named_pdf);
  g_unlink (initials_pdf);
  g_unlink (named_svg);
  g_unlink (initials_svg);
  g_rmdir (dir);
}

static cairo_surface_t *
pdf_pixels (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  PopplerPage *page = poppler_document_get_page (doc, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, SIZE / 600.0, SIZE / 600.0);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (page);
  g_object_unref (doc);
  return surface;
}

/* The caution flag is drawn only when asked, and never into a file. */
static void
test_no_caution (void)
{
  g_autoptr(CpNetmapModel) flagged = jo_review ();
  g_autoptr(CpNetmapModel) clear = jo_review ();
  g_autofree char *dir = g_dir_make_tmp ("cp-netmap-XXXXXX", NULL);
  CpNetmapRenderOptions o;
  cairo_surface_t *a;
  cairo_surface_t *b;
  guint i;

  for (i = 0; i < cp_netmap_model_get_n_members (flagged); i++)
    cp_netmap_model_get_member (flagged, i)->caution = i % 2 == 0;

  /* on screen: off by default; on when asked (so this test can fail) */
  cp_netmap_render_options_init (&o);
  o.font_family = "DejaVu Sans";
  o.legend = TRUE;
  a = draw (flagged, &o);
  b = draw (clear, &o);
  g_assert_true (same_pixels (a, b));
  cairo_surface_destroy (a);
  o.show_caution = TRUE;
  a = draw (flagged, &o);
  g_assert_false (same_pixels (a, b));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* in SVG and PDF: not even when asked */
  {
    g_autofree char *flagged_svg = export (flagged, &o, CP_NETMAP_FORMAT_SVG, dir, "f.svg");
    g_autofree char *clear_svg = export (clear, &o, CP_NETMAP_FORMAT_SVG, dir, "c.svg");
    g_autofree char *flagged_pdf = export (flagged, &o, CP_NETMAP_FORMAT_PDF, dir, "f.pdf");
    g_autofree char *clear_pdf = export (clear, &o, CP_NETMAP_FORMAT_PDF, dir, "c.pdf");
    g_autofree char *fs = svg_bytes (flagged_svg);
    g_autofree char *cs = svg_bytes (clear_svg);
    g_autofree char *text = pdf_text (flagged_pdf);

    g_assert_cmpstr (fs, ==, cs);
    a = pdf_pixels (flagged_pdf);
    b = pdf_pixels (clear_pdf);
    g_assert_true (same_pixels (a, b));
    g_assert_null (strstr (text, "caution"));
    cairo_surface_destroy (a);
    cairo_surface_destroy (b);
    g_unlink (flagged_svg);
    g_unlink (clear_svg);
    g_unlink (flagged_pdf);
    g_unlink (clear_pdf);
  }
  g_rmdir (dir);
}

/* @model drawn with @renderer at (@cx, @cy), on white; @afresh draws through a matrix
 * with a shear too small to move a pixel, which the renderer does not keep pictures for */
static cairo_surface_t *
frame (CpNetmapRenderer            *renderer,
       CpNetmapLayout              *layout,
       const CpNetmapRenderOptions *o,
       double                       cx,
       double                       cy,
       gboolean                     afresh)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (afresh)
    {
      cairo_matrix_t shear;

      cairo_matrix_init (&shear, 1, 0, 1e-12, 1, 0, 0);
      cairo_set_matrix (cr, &shear);
    }
  cp_netmap_renderer_draw (renderer, cr, layout, o, cx, cy);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Frames after the first reuse the drawn map: moving the focus, panning by whole or half
 * pixels and dragging a member draw what a renderer drawing afresh draws. */
static void
test_kept_picture (void)
{
  g_autoptr(CpNetmapModel) model = jo_review ();
  g_autoptr(CpNetmapRenderer) kept = test_netmap_renderer_new ();
  g_autoptr(CpNetmapLayout) layout = NULL;
  CpNetmapRenderOptions o;
  const double pans[][2] = { { 250, 250 }, { 260, 243 }, { 260.5, 243.25 }, { 250, 250 } };
  guint activity = 0;
  gsize i;

  while (cp_netmap_model_get_member (model, activity)->kind != CP_NETMAP_KIND_ACTIVITY)
    activity++;

  cp_netmap_render_options_init (&o);
  o.font_family = "DejaVu Sans";
  layout = cp_netmap_renderer_layout (kept, model, &o, SCALE);
  for (i = 0; i < G_N_ELEMENTS (pans); i++)
    {
      g_autoptr(CpNetmapRenderer) fresh = test_netmap_renderer_new ();
      g_autoptr(CpNetmapLayout) fresh_layout = cp_netmap_renderer_layout (fresh, model, &o,
                                                                          SCALE);
      cairo_surface_t *a;
      cairo_surface_t *b;

      o.focused = cp_netmap_model_get_member (model, i)->lineage;
      o.selected = cp_netmap_model_get_member (model, i + 1)->lineage;
      o.moving = i == 3 ? cp_netmap_model_get_member (model, activity)->lineage : 0;
      o.moving_x = -0.5;
      o.moving_y = 0.5;
      a = frame (kept, layout, &o, pans[i][0], pans[i][1], FALSE);
      b = frame (fresh, fresh_layout, &o, pans[i][0], pans[i][1], TRUE);
      g_assert_cmpuint (count_unlike (a, b), <, 50);
      if (i == 3)
        {
          /* the dragged member is drawn where it is dragged to */
          g_assert_true (near (pixel (a, 250 - 0.5 * SCALE, 250 + 0.5 * SCALE),
                               rgb (0.36, 0.38, 0.42)));
        }
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* Light and dark palettes paint their own backgrounds; a PNG file is the map. */
static void
test_palettes_and_png (void)
{
  g_autoptr(CpNetmapModel) model = jo_review ();
  g_autoptr(CpNetmapRenderer) renderer = test_netmap_renderer_new ();
  g_autofree char *dir = g_dir_make_tmp ("cp-netmap-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  CpNetmapRenderOptions o;
  cairo_surface_t *png;
  int p;

  cp_netmap_render_options_init (&o);
  o.font_family = "DejaVu Sans";
  for (p = CP_NETMAP_PALETTE_LIGHT; p <= CP_NETMAP_PALETTE_DARK; p++)
    {
      o.palette = p;
      g_free (path);
      path = g_build_filename (dir, "map.png", NULL);
      test_netmap_export (renderer, model, &o, CP_NETMAP_FORMAT_PNG, 640, 480, path);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 640);
      /* the corner is the background: white, or the dark style's grey */
      if (p == CP_NETMAP_PALETTE_LIGHT)
        g_assert_cmphex (pixel (png, 1, 1), ==, 0xffffff);
      else
        g_assert_cmphex (pixel (png, 1, 1), <, 0x404040);
      cairo_surface_destroy (png);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cp/netmap/render/shape-at-place", test_shape_at_place);
  g_test_add_func ("/cp/netmap/render/hatched-tie", test_hatched_tie);
  g_test_add_func ("/cp/netmap/render/hide-hard-going", test_hide_hard_going);
  g_test_add_func ("/cp/netmap/render/initials-only", test_initials_only);
  g_test_add_func ("/cp/netmap/render/no-caution", test_no_caution);
  g_test_add_func ("/cp/netmap/render/palettes-and-png", test_palettes_and_png);
  g_test_add_func ("/cp/netmap/render/kept-picture", test_kept_picture);
  return g_test_run ();
}
