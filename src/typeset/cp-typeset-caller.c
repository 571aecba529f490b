/* cp-typeset-caller.c: figures and symbols the caller draws (charts, life-area symbols)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include "cp-typeset-private.h"

/* The built-in figures (cp-typeset-figures.c) are the manuals'; an export adds its own
 * pictures here, drawn by core code the typesetter does not link (the goal chart lives
 * with the goals), so the one drawing routine serves the screen and the PDF. */

static void
caller_figure_free (gpointer data)
{
  CpTsCallerFigure *f = data;

  if (f->destroy != NULL)
    f->destroy (f->user_data);
  g_free (f);
}

static void
add (CpTypesetDocument *doc,
     const char        *name,
     double             aspect,
     gboolean           symbol,
     CpTypesetDrawFunc  draw,
     gpointer           user_data,
     GDestroyNotify     destroy)
{
  CpTsCallerFigure *f = g_new0 (CpTsCallerFigure, 1);

  f->aspect = aspect;
  f->symbol = symbol;
  f->draw = draw;
  f->user_data = user_data;
  f->destroy = destroy;
  if (doc->caller_figures == NULL)
    doc->caller_figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 caller_figure_free);
  g_hash_table_replace (doc->caller_figures, g_strdup (name), f);
}

void
cp_typeset_document_add_figure (CpTypesetDocument *doc,
                                const char        *name,
                                double             aspect,
                                CpTypesetDrawFunc  draw,
                                gpointer           user_data,
                                GDestroyNotify     destroy)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (aspect > 0);
  g_return_if_fail (draw != NULL);

  add (doc, name, aspect, FALSE, draw, user_data, destroy);
}

void
cp_typeset_document_add_symbol (CpTypesetDocument *doc,
                                const char        *name,
                                CpTypesetDrawFunc  draw,
                                gpointer           user_data,
                                GDestroyNotify     destroy)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (draw != NULL);

  add (doc, name, 1.0, TRUE, draw, user_data, destroy);
}

const CpTsCallerFigure *
_cp_ts_caller_figure (CpTypesetDocument *doc,
                      const char        *name)
{
  if (doc->caller_figures == NULL || name == NULL)
    return NULL;
  return g_hash_table_lookup (doc->caller_figures, name);
}

void
_cp_ts_caller_figures_free (CpTypesetDocument *doc)
{
  g_clear_pointer (&doc->caller_figures, g_hash_table_unref);
}
