/* cp-typeset-fonts.c: a private fontconfig set-up with exactly the DejaVu files
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

#include "cp-typeset-private.h"

#define CP_TS_DEFAULT_FONT_DIR "/usr/share/fonts/truetype/dejavu"

/* Debian: fonts-dejavu-core (Sans, Sans-Bold, SansMono) and fonts-dejavu-extra (the
 * two obliques). Nothing else is visible to the layout, so no glyph can fall back. */
static const char * const font_files[] = {
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
  "DejaVuSans-Oblique.ttf",
  "DejaVuSans-BoldOblique.ttf",
  "DejaVuSansMono.ttf",
};

PangoFontMap *
_cp_ts_font_map_new (const char  *font_dir,
                     GError     **error)
{
  FcConfig *config = FcConfigCreate ();
  PangoFontMap *map;
  gsize i;

  if (font_dir == NULL)
    font_dir = CP_TS_DEFAULT_FONT_DIR;
  for (i = 0; i < G_N_ELEMENTS (font_files); i++)
    {
      g_autofree char *path = g_build_filename (font_dir, font_files[i], NULL);

      if (!FcConfigAppFontAddFile (config, (const FcChar8 *) path))
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_FONT,
                       "%s: cannot load the font (install fonts-dejavu-core and "
                       "fonts-dejavu-extra)", path);
          FcConfigDestroy (config);
          return NULL;
        }
    }
  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);
  return map;
}

PangoContext *
_cp_ts_context_new (PangoFontMap *font_map,
                    const char   *language)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *fo = cairo_font_options_create ();

  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (fo, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, fo);
  cairo_font_options_destroy (fo);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  if (language != NULL)
    pango_context_set_language (context, pango_language_from_string (language));
  return context;
}

/* Ligatures off: every glyph then maps to one character, so text extraction and
 * screen readers get the words without the nested ActualText spans cairo would write. */
void
_cp_ts_no_ligatures (PangoAttrList *attrs)
{
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("liga=0, clig=0, dlig=0"));
}

/* Widens the space at byte @pos of @layout's text by @extra points: a number and its title
 * get an en space's gap while the text keeps a plain space (U+2002 does not survive text
 * extraction from cairo's subset fonts). */
void
_cp_ts_widen_space (PangoLayout *layout,
                    gsize        pos,
                    double       extra)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  PangoAttrList *copy = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  PangoAttribute *attr = pango_attr_letter_spacing_new ((int) (extra * PANGO_SCALE));

  attr->start_index = pos;
  attr->end_index = pos + 1;
  pango_attr_list_insert (copy, attr);
  pango_layout_set_attributes (layout, copy);
  pango_attr_list_unref (copy);
}

PangoLayout *
_cp_ts_layout_new (PangoContext *context,
                   const char   *text,
                   double        size,
                   PangoWeight   weight,
                   PangoStyle    style,
                   double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string ("DejaVu Sans");

  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    _cp_ts_no_ligatures (attrs);
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  if (text != NULL)
    pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Fails, naming the character, when a glyph is missing or comes from another font. */
gboolean
_cp_ts_check_layout (PangoLayout  *layout,
                     const char   *file,
                     int           line,
                     GError      **error)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter;
  gboolean ok = TRUE;

  /* Not only pango_layout_get_unknown_glyphs_count (): the family of every run is
   * checked too, so a glyph from any other font would also be caught. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoFontDescription *desc;
      const char *family;
      int i;

      if (run == NULL)
        continue;
      desc = pango_font_describe (run->item->analysis.font);
      family = pango_font_description_get_family (desc);
      for (i = 0; i < run->glyphs->num_glyphs; i++)
        {
          gboolean unknown = (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0;
          gboolean foreign = family == NULL || !g_str_has_prefix (family, "DejaVu");

          if (unknown || foreign)
            {
              const char *c = text + run->item->offset + run->glyphs->log_clusters[i];
              gunichar ch = g_utf8_get_char (c);
              char buf[8] = { 0 };

              if (ch == '\n' || ch == '\t' || ch == 0x2028 || ch == 0x00AD)
                continue;
              g_unichar_to_utf8 (ch, buf);
              g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_MISSING_GLYPH,
                           "%s:%d: the character '%s' (U+%04X) is not in the embedded DejaVu "
                           "fonts; use another character", file, line, buf, ch);
              ok = FALSE;
              break;
            }
        }
      pango_font_description_free (desc);
    }
  while (ok && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  return ok;
}

/* Draws one run as plain glyphs (no cluster text: see _cp_ts_no_ligatures), with the
 * run's colour and underline. (x, baseline) is where the run starts. */
void
_cp_ts_show_run (cairo_t        *cr,
                 PangoLayoutRun *run,
                 double          x,
                 double          baseline,
                 gboolean        space_at_end)
{
  PangoGlyphString *glyphs = run->glyphs;
  PangoGlyphString *copy = NULL;
  GSList *l;
  gboolean underline = FALSE;
  double width = (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
  PangoFontDescription *desc = pango_font_describe (run->item->analysis.font);
  double size = (double) pango_font_description_get_size (desc);

  pango_font_description_free (desc);
  cairo_save (cr);
  for (l = run->item->analysis.extra_attrs; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_FOREGROUND)
        {
          PangoColor *c = &((PangoAttrColor *) attr)->color;

          cairo_set_source_rgb (cr, c->red / 65535.0, c->green / 65535.0, c->blue / 65535.0);
        }
      else if (attr->klass->type == PANGO_ATTR_UNDERLINE)
        underline = ((PangoAttrInt *) attr)->value != PANGO_UNDERLINE_NONE;
    }
  if (space_at_end && glyphs->num_glyphs > 0 &&
      glyphs->glyphs[glyphs->num_glyphs - 1].glyph == PANGO_GLYPH_EMPTY)
    {
      cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
      cairo_glyph_t *space = NULL;
      int n = 0;

      if (font != NULL &&
          cairo_scaled_font_text_to_glyphs (font, 0, 0, " ", 1, &space, &n, NULL, NULL,
                                            NULL) == CAIRO_STATUS_SUCCESS && n == 1)
        {
          copy = pango_glyph_string_copy (glyphs);
          copy->glyphs[copy->num_glyphs - 1].glyph = (PangoGlyph) space[0].index;
          copy->glyphs[copy->num_glyphs - 1].geometry.width = 0;
          glyphs = copy;
        }
      cairo_glyph_free (space);
    }
  cairo_move_to (cr, x, baseline);
  pango_cairo_show_glyph_string (cr, run->item->analysis.font, glyphs);
  cairo_new_path (cr);
  if (copy != NULL)
    pango_glyph_string_free (copy);
  if (underline && width > 0)
    {
      cairo_rectangle (cr, x, baseline + 0.12 * size / PANGO_SCALE, width, 0.05 * size / PANGO_SCALE);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* Whether @line ends with the space where it wraps. Pango gives that space an empty
 * glyph; _cp_ts_show_run () then draws a real (zero-width) space glyph instead, so that
 * text extraction and screen readers keep the words apart. (A space drawn on its own
 * would be dropped by cairo: it has no ink.) */
gboolean
_cp_ts_line_ends_with_space (PangoLayoutLine *line)
{
  const char *text = pango_layout_get_text (line->layout);

  return line->length > 0 && text[line->start_index + line->length - 1] == ' ';
}

/* pango_cairo_show_layout () through _cp_ts_show_run (): (x, y) is the top left. */
void
_cp_ts_show_layout (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double       y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;

      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      _cp_ts_show_run (cr, run, x + (double) logical.x / PANGO_SCALE,
                       y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE,
                       g_slist_last (line->runs)->data == run &&
                       _cp_ts_line_ends_with_space (line));
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}
