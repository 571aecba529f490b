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
