/* cp-typeset-figures-map.c: rings and sectors, the practice network maps, the blank map
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <math.h>
#include <string.h>

#include "cp-typeset-figures-private.h"
#include "cp-typeset-private.h"

/* The same rings and sectors as the app's map (design.md). */
static const char * const sector_keys[] = {
  "family", "friends", "neighbours", "work", "groups", "services",
};
static const char * const sector_labels[] = {
  "family & home", "friends", "neighbours & local", "work, learning & volunteering",
  "clubs, groups & faith", "services & paid support",
};
static const char * const ring_labels[] = {
  "closest to me", "important to me", "around me", "I\xe2\x80\x99" "d like / lost touch",
};
/* Outer edge of the centre disc and of rings 1..4, as a share of the radius. */
static const double ring_edges[] = { 0.13, 0.42, 0.64, 0.83, 1.0 };

typedef struct
{
  char *name;
  int   kind;                   /* 0 person, 1 place, 2 activity */
  int   sector;
  int   ring;                   /* 1..4 */
  gboolean is_new;
} Member;

static void
member_free (gpointer data)
{
  Member *m = data;

  g_free (m->name);
  g_free (m);
}

/* "network-map-jo-review" -> person "jo", review TRUE. */
static char *
map_person (const char *name,
            gboolean   *review)
{
  const char *p = name + strlen ("network-map-");
  char *person = g_strdup (p);

  *review = g_str_has_suffix (person, "-review");
  if (*review)
    person[strlen (person) - strlen ("-review")] = '\0';
  return person;
}

static GPtrArray *
parse_members (const CpTypesetFigureContext *ctx,
               const char                   *person,
               const char                   *key,
               GError                      **error)
{
  g_autofree char *group = g_strdup_printf ("person:%s", person);
  g_autofree char *value = NULL;
  g_auto(GStrv) entries = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (member_free);
  const char *file = ctx->practice_file != NULL ? ctx->practice_file : "practice data";
  int i;

  if (ctx->practice == NULL)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA,
                   "the network-map figures need the practice data file (--practice FILE)");
      return NULL;
    }
  value = g_key_file_get_string (ctx->practice, group, key, NULL);
  if (value == NULL)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA,
                   "%s: no key '%s' in group [%s]", file, key, group);
      return NULL;
    }
  entries = g_strsplit (value, ";", -1);
  for (i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (entries[i], "|", -1);
      Member *m;
      int s;

      if (*g_strstrip (entries[i]) == '\0')
        continue;
      if (g_strv_length (f) != 4)
        goto bad;
      m = g_new0 (Member, 1);
      m->name = g_strdup (g_strstrip (f[0]));
      m->kind = g_str_equal (f[1], "person") ? 0 : g_str_equal (f[1], "place") ? 1 :
                g_str_equal (f[1], "activity") ? 2 : -1;
      m->sector = -1;
      for (s = 0; s < 6; s++)
        {
          if (g_str_equal (f[2], sector_keys[s]))
            m->sector = s;
        }
      m->ring = atoi (f[3]);
      g_ptr_array_add (members, m);
      if (m->kind < 0 || m->sector < 0 || m->ring < 1 || m->ring > 4)
        goto bad;
      continue;
bad:
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA,
                   "%s: [%s] %s: entry %d is not name|person,place,activity|sector|ring 1-4",
                   file, group, key, i + 1);
      return NULL;
    }
  return g_steal_pointer (&members);
}

gboolean
_cp_fig_map_check (const char                   *name,
                   const CpTypesetFigureContext *ctx,
                   GError                      **error)
{
  g_autofree char *person = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gboolean review;

  if (!g_str_has_prefix (name, "network-map-"))
    return TRUE;
  person = map_person (name, &review);
  members = parse_members (ctx, person, review ? "review-members" : "members", error);
  return members != NULL;
}

typedef struct
{
  double cx;
  double cy;
  double radius;
  double size;
} Geo;

/* Sector s spans [start, start + 60°) clockwise from the top. */
static double
sector_start (int s)
{
  return -G_PI / 2 + s * G_PI / 3;
}

static void
draw_background (CpFig     *f,
                 const Geo *g,
                 double     label_size,
                 gboolean   blank)
{
  cairo_t *cr = f->cr;
  int s;
  int r;

  /* alternate sectors lightly shaded */
  for (s = 0; s < 6; s++)
    {
      cairo_move_to (f->cr, g->cx, g->cy);
      cairo_arc (cr, g->cx, g->cy, g->radius, sector_start (s), sector_start (s + 1));
      cairo_close_path (cr);
      _cp_fig_grey (f, s % 2 == 0 ? 0.95 : 1.0);
      cairo_fill (cr);
    }
  /* the outer zone, a shade darker */
  cairo_arc (cr, g->cx, g->cy, g->radius, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc_negative (cr, g->cx, g->cy, g->radius * ring_edges[3], 2 * G_PI, 0);
  _cp_fig_grey (f, 0.0);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.05);
  cairo_fill (cr);

  cairo_set_line_width (cr, 0.9);
  _cp_fig_grey (f, 0.45);
  for (r = 1; r <= 4; r++)
    {
      cairo_arc (cr, g->cx, g->cy, g->radius * ring_edges[r], 0, 2 * G_PI);
      if (r == 3)
        {
          double dash[] = { 4, 3 };

          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  for (s = 0; s < 6; s++)
    {
      double a = sector_start (s);

      cairo_move_to (cr, g->cx + g->radius * ring_edges[0] * cos (a),
                     g->cy + g->radius * ring_edges[0] * sin (a));
      cairo_line_to (cr, g->cx + g->radius * cos (a), g->cy + g->radius * sin (a));
      cairo_stroke (cr);
    }
  /* centre */
  cairo_arc (cr, g->cx, g->cy, g->radius * ring_edges[0], 0, 2 * G_PI);
  _cp_fig_grey (f, 0.25);
  cairo_fill (cr);

  /* ring names along the top divider, on a white patch */
  for (r = 0; r < 4; r++)
    {
      double mid = g->radius * (ring_edges[r] + ring_edges[r + 1]) / 2;
      double tw = _cp_fig_text_width (f, ring_labels[r], label_size, FALSE);
      double y = g->cy - mid - label_size * 0.65;
      double bw = MIN (tw + 4, 2 * g->radius * 0.5);

      cairo_rectangle (cr, g->cx - bw / 2, y - 1, bw, label_size * 1.3 + 2);
      _cp_fig_grey (f, 1.0);
      cairo_fill (cr);
      _cp_fig_grey (f, 0.2);
      _cp_fig_text (f, ring_labels[r], g->cx, y, -1, label_size, FALSE, CP_FIG_CENTRE);
    }

  /* sector names: outside the circle, or on the outer band of the blank worksheet */
  for (s = 0; s < 6 && blank; s++)
    {
      /* the two sectors beside the top divider move clear of the ring names */
      double a = sector_start (s) + G_PI / 6 + (s == 0 ? 0.2 : s == 5 ? -0.2 : 0);
      double rr = g->radius * (ring_edges[3] + ring_edges[4]) / 2;
      double size = label_size * 1.05;
      double w;
      double h;

      _cp_fig_text_size (f, sector_labels[s], size * 8, size, TRUE, &w, &h);
      cairo_rectangle (cr, g->cx + rr * cos (a) - w / 2 - 2, g->cy + rr * sin (a) - h / 2 - 1,
                       w + 4, h + 2);
      _cp_fig_grey (f, 1.0);
      cairo_fill (cr);
      _cp_fig_grey (f, 0);
      _cp_fig_text (f, sector_labels[s], g->cx + rr * cos (a) - w / 2 - 1,
                    g->cy + rr * sin (a) - h / 2, w + 2, size, TRUE, CP_FIG_CENTRE);
    }
  for (s = 0; s < 6 && !blank; s++)
    {
      double a = sector_start (s) + G_PI / 6;
      double lx = g->cx + (g->radius + 6) * cos (a);
      double ly = g->cy + (g->radius + 6) * sin (a);
      double size = label_size * 1.05;
      double w = size * 7.4;
      CpFigAlign align = cos (a) > 0.3 ? CP_FIG_LEFT : cos (a) < -0.3 ? CP_FIG_RIGHT : CP_FIG_CENTRE;
      double x = align == CP_FIG_LEFT ? lx : align == CP_FIG_RIGHT ? lx - w : lx - w / 2;
      double lines = _cp_fig_text_width (f, sector_labels[s], size, TRUE) > w ? 2 : 1;
      double y = sin (a) > 0.3 ? ly : sin (a) < -0.3 ? ly - lines * size * 1.25 :
                 ly - lines * size * 0.62;

      _cp_fig_grey (f, 0);
      _cp_fig_text (f, sector_labels[s], x, y, w, size, TRUE, align);
    }
}

static void
draw_shape (CpFig  *f,
            int     kind,
            double  x,
            double  y,
            double  r,
            gboolean is_new)
{
  cairo_t *cr = f->cr;

  switch (kind)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      _cp_fig_grey (f, 1.0);
      break;
    case 1:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      _cp_fig_grey (f, 0.75);
      break;
    case 2:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      _cp_fig_grey (f, 0.35);
      break;
    default:
      break;
    }
  cairo_fill_preserve (cr);
  _cp_fig_grey (f, 0);
  cairo_set_line_width (cr, is_new ? 2.2 : 1.0);
  cairo_stroke (cr);
}

static gboolean
outside (const Geo               *g,
         const cairo_rectangle_t *r)
{
  double xs[2] = { r->x - g->cx, r->x + r->width - g->cx };
  double ys[2] = { r->y - g->cy, r->y + r->height - g->cy };
  int i;
  int j;

  for (i = 0; i < 2; i++)
    for (j = 0; j < 2; j++)
      if (xs[i] * xs[i] + ys[j] * ys[j] > (g->radius - 2) * (g->radius - 2))
        return TRUE;
  return FALSE;
}

static gboolean
overlaps (GArray                      *rects,
          const cairo_rectangle_t     *r)
{
  guint i;

  for (i = 0; i < rects->len; i++)
    {
      cairo_rectangle_t *o = &g_array_index (rects, cairo_rectangle_t, i);

      if (r->x < o->x + o->width && o->x < r->x + r->width &&
          r->y < o->y + o->height && o->y < r->y + r->height)
        return TRUE;
    }
  return FALSE;
}

/* Nodes spread over their cell; each label goes where it hits no other label or node. */
static void
draw_members (CpFig     *f,
              const Geo *g,
              GPtrArray *members)
{
  double r = MAX (3.5, g->size * 0.48);
  double label = g->size * 0.78;
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autofree double *xs = g_new0 (double, members->len);
  g_autofree double *ys = g_new0 (double, members->len);
  guint i;
  int s;
  int ring;

  g_array_set_size (rects, members->len);
  for (s = 0; s < 6; s++)
    {
      for (ring = 1; ring <= 4; ring++)
        {
          guint n = 0;
          guint k = 0;

          for (i = 0; i < members->len; i++)
            {
              Member *m = g_ptr_array_index (members, i);

              n += m->sector == s && m->ring == ring;
            }
          for (i = 0; i < members->len; i++)
            {
              Member *m = g_ptr_array_index (members, i);
              double inner = g->radius * ring_edges[ring - 1];
              double outer = g->radius * ring_edges[ring];
              double frac;
              double lo;
              double hi;
              double a;
              double rad;
              cairo_rectangle_t nr;

              if (m->sector != s || m->ring != ring)
                continue;
              /* keep clear of the ring names on the top divider */
              lo = s == 0 ? 0.32 : 0.14;
              hi = s == 5 ? 0.68 : 0.86;
              frac = n == 1 ? 0.5 : (k + 0.5) / n;
              a = sector_start (s) + G_PI / 3 * (lo + (hi - lo) * frac);
              rad = inner + (outer - inner) * (n == 1 ? 0.45 : (k % 2 == 0 ? 0.33 : 0.67));
              xs[i] = g->cx + rad * cos (a);
              ys[i] = g->cy + rad * sin (a);
              nr.x = xs[i] - r * 1.3;
              nr.y = ys[i] - r * 1.3;
              nr.width = nr.height = r * 2.6;
              g_array_index (rects, cairo_rectangle_t, i) = nr;
              k++;
            }
        }
    }

  for (ring = 0; ring < 4; ring++)
    {
      double mid = g->radius * (ring_edges[ring] + ring_edges[ring + 1]) / 2;
      double ls = g->size * 0.85;
      double tw = _cp_fig_text_width (f, ring_labels[ring], ls, FALSE);
      cairo_rectangle_t lr = { g->cx - tw / 2 - 2, g->cy - mid - ls * 0.65 - 1, tw + 4, ls * 1.3 + 2 };

      g_array_append_val (rects, lr);
    }
  for (i = 0; i < members->len; i++)
    {
      Member *m = g_ptr_array_index (members, i);
      double w;
      double h;
      double wrap = label * 8;
      cairo_rectangle_t cand[6];
      int best = 0;
      int c;

      draw_shape (f, m->kind, xs[i], ys[i], r, m->is_new);
      _cp_fig_text_size (f, m->name, wrap, label, m->is_new, &w, &h);
      /* right, left, below, above, far right, far left */
      cand[0] = (cairo_rectangle_t) { xs[i] + r * 1.4 + 1, ys[i] - h / 2, w, h };
      cand[1] = (cairo_rectangle_t) { xs[i] - r * 1.4 - 1 - w, ys[i] - h / 2, w, h };
      cand[2] = (cairo_rectangle_t) { xs[i] - w / 2, ys[i] + r * 1.3 + 1, w, h };
      cand[3] = (cairo_rectangle_t) { xs[i] - w / 2, ys[i] - r * 1.3 - 1 - h, w, h };
      cand[4] = (cairo_rectangle_t) { xs[i] + r * 1.4 + 1, ys[i] - h - r * 0.4, w, h };
      cand[5] = (cairo_rectangle_t) { xs[i] - r * 1.4 - 1 - w, ys[i] + r * 0.4, w, h };
      if (xs[i] < g->cx)
        {
          cairo_rectangle_t tmp = cand[0];

          cand[0] = cand[1];
          cand[1] = tmp;
        }
      for (c = 0; c < 6; c++)
        {
          /* leave out this member's own node */
          cairo_rectangle_t own = g_array_index (rects, cairo_rectangle_t, i);
          gboolean hit;

          g_array_index (rects, cairo_rectangle_t, i).width = 0;
          hit = overlaps (rects, &cand[c]) || outside (g, &cand[c]);
          g_array_index (rects, cairo_rectangle_t, i) = own;
          if (!hit)
            {
              best = c;
              break;
            }
        }
      _cp_fig_grey (f, 0);
      _cp_fig_text (f, m->name, cand[best].x, cand[best].y, w + 1, label, m->is_new,
                    best == 1 || (best == 0 && xs[i] < g->cx) || best == 5 ? CP_FIG_RIGHT :
                    best >= 2 && best <= 3 ? CP_FIG_CENTRE : CP_FIG_LEFT);
      g_array_append_val (rects, cand[best]);
    }
}

static void
draw_legend (CpFig   *f,
             double   x,
             double   y,
             double   size,
             gboolean review)
{
  static const char * const kinds[] = { "person", "place", "activity" };
  int k;

  for (k = 0; k < 3; k++)
    {
      draw_shape (f, k, x + size * 0.6, y + size * 0.75 + k * size * 1.6, size * 0.5, FALSE);
      _cp_fig_text (f, kinds[k], x + size * 1.6, y + k * size * 1.6, -1, size, FALSE,
                    CP_FIG_LEFT);
    }
  if (review)
    {
      draw_shape (f, 0, x + size * 0.6, y + size * 0.75 + 3 * size * 1.6, size * 0.5, TRUE);
      _cp_fig_text (f, "new since the first map", x + size * 1.6, y + 3 * size * 1.6, -1,
                    size, TRUE, CP_FIG_LEFT);
    }
}

void
_cp_fig_draw_map (CpFig  *f,
                  double  width,
                  double  height)
{
  const CpTypesetFigureContext *ctx = f->ctx;
  gboolean sheet = g_str_equal (f->name, "worksheet-network-map");
  gboolean is_map = g_str_has_prefix (f->name, "network-map-");
  double size = ctx->font_size * (sheet ? 1.0 : 0.85);
  double top = 0;
  Geo g;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *person = NULL;
  g_autofree char *centre = NULL;
  gboolean review = g_str_has_suffix (f->name, "-review");

  if (sheet)
    {
      _cp_fig_grey (f, 0);
      _cp_fig_text (f, "My name: ______________________      Date: ______________", 0, 0,
                    width, size * 1.1, FALSE, CP_FIG_LEFT);
      top = size * 3;
    }
  {
    double legend = is_map || sheet ? size * (review ? 6.4 : 5.0) : 0;

    g.size = size;
    g.radius = MIN (width / 2 - (sheet ? 2 : size * 0.85 * 1.05 * 7.4 + 8),
                    (height - top - legend) / 2 - (sheet ? 2 : size * 2.6));
    g.cx = width / 2;
    g.cy = top + (height - top - legend) / 2 + size * 0.4;
  }
  draw_background (f, &g, size * 0.85, sheet);

  if (is_map)
    {
      g_autoptr(GPtrArray) base = NULL;
      g_autofree char *group = NULL;
      guint i;

      person = map_person (f->name, &review);
      group = g_strdup_printf ("person:%s", person);
      members = parse_members (ctx, person, review ? "review-members" : "members", &f->error);
      if (members == NULL)
        return;
      if (review)
        {
          base = parse_members (ctx, person, "members", &f->error);
          if (base == NULL)
            return;
          for (i = 0; i < members->len; i++)
            {
              Member *m = g_ptr_array_index (members, i);
              guint j;

              m->is_new = TRUE;
              for (j = 0; j < base->len; j++)
                {
                  Member *b = g_ptr_array_index (base, j);

                  if (g_str_equal (b->name, m->name))
                    m->is_new = FALSE;
                }
            }
        }
      draw_members (f, &g, members);
      centre = g_key_file_get_string (ctx->practice, group, "name", NULL);
    }
  _cp_fig_grey (f, 1.0);
  _cp_fig_text (f, centre != NULL ? centre : "me", g.cx, g.cy - size * 0.65, -1, size * 1.1,
                TRUE, CP_FIG_CENTRE);
  _cp_fig_grey (f, 0);
  if (is_map || sheet)
    draw_legend (f, 0, height - size * (review ? 6.6 : 5.0), size * 0.9, review);
  if (sheet)
    {
      _cp_fig_text (f, "Draw people as circles, places as squares and activities as diamonds. "
                    "Put each one in the ring that feels right.", width * 0.55,
                    height - size * 5.0, width * 0.45, size * 0.85, FALSE, CP_FIG_RIGHT);
    }
}
