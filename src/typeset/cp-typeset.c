/* cp-typeset.c: the document: chapters, metadata, and writing the PDF
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cp-typeset-figures.h"
#include "cp-typeset-private.h"

G_DEFINE_QUARK (cp-typeset-error-quark, cp_typeset_error)

#define MM (72.0 / 25.4)
#define DEFAULT_DATE "2026-01-01T00:00:00Z"

void
cp_typeset_options_init_a4 (CpTypesetOptions *options,
                            double            base_font_size)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->page_width = 595.276;
  options->page_height = 841.890;
  options->margin_top = 20 * MM;
  options->margin_bottom = 20 * MM;
  options->margin_left = 22 * MM;
  options->margin_right = 22 * MM;
  options->base_font_size = base_font_size;
  options->title_page = TRUE;
  options->contents = TRUE;
  options->number_headings = TRUE;
  options->chapter_new_page = TRUE;
}

static void
chapter_free (gpointer data)
{
  CpTsChapter *c = data;

  if (c->root != NULL)
    cmark_node_free (c->root);
  g_free (c->file);
  g_free (c->text);
  g_free (c);
}

static void
marker_free (gpointer data)
{
  CpTsMarker *m = data;

  g_free (m->name);
  g_free (m);
}

static void
text_free (gpointer data)
{
  CpTsText *t = data;
  guint i;

  g_clear_object (&t->layout);
  for (i = 0; i < t->links->len; i++)
    {
      CpTsLink *l = &g_array_index (t->links, CpTsLink, i);

      g_free (l->dest);
      g_free (l->uri);
    }
  g_array_unref (t->links);
  g_free (t);
}

static void
elem_free (gpointer data)
{
  CpTsElem *e = data;

  g_free (e->alt);
  g_free (e);
}

static void
chunk_free (gpointer data)
{
  CpTsChunk *c = data;

  g_clear_object (&c->label);
  g_free (c->figure);
  g_free (c);
}

static void
table_free (gpointer data)
{
  CpTsTable *t = data;

  g_free (t->col_x);
  g_free (t->col_w);
  g_free (t->cells);
  g_free (t->cell_elems);
  g_free (t->row_elems);
  g_free (t);
}

CpTypesetDocument *
cp_typeset_document_new (const CpTypesetOptions  *options,
                         const CpTypesetMetadata *metadata)
{
  CpTypesetDocument *doc = g_new0 (CpTypesetDocument, 1);

  g_return_val_if_fail (options != NULL, NULL);

  doc->options = *options;
  doc->header_text = g_strdup (options->header_text);
  doc->footer_text = g_strdup (options->footer_text);
  doc->font_dir = g_strdup (options->font_dir);
  doc->date = g_strdup (options->date);
  doc->options.header_text = doc->header_text;
  doc->options.footer_text = doc->footer_text;
  doc->options.font_dir = doc->font_dir;
  doc->options.date = doc->date;
  if (metadata != NULL)
    {
      doc->meta[0] = g_strdup (metadata->title);
      doc->meta[1] = g_strdup (metadata->subtitle);
      doc->meta[2] = g_strdup (metadata->author);
      doc->meta[3] = g_strdup (metadata->subject);
      doc->meta[4] = g_strdup (metadata->keywords);
      doc->meta[5] = g_strdup (metadata->language);
      doc->meta[6] = g_strdup (metadata->licence);
    }
  doc->chapters = g_ptr_array_new_with_free_func (chapter_free);
  doc->headings = g_ptr_array_new_with_free_func (_cp_ts_heading_free);
  doc->ids = g_hash_table_new (g_str_hash, g_str_equal);
  doc->markers = g_ptr_array_new_with_free_func (marker_free);
  doc->chunks = g_ptr_array_new_with_free_func (chunk_free);
  doc->texts = g_ptr_array_new_with_free_func (text_free);
  doc->elems = g_ptr_array_new_with_free_func (elem_free);
  doc->tables = g_ptr_array_new_with_free_func (table_free);
  doc->boxes = g_array_new (FALSE, TRUE, sizeof (CpTsBox));
  doc->figure_alts = g_ptr_array_new_with_free_func (g_free);
  return doc;
}

void
cp_typeset_document_free (CpTypesetDocument *doc)
{
  gsize i;

  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->chunks);
  g_ptr_array_unref (doc->texts);
  g_ptr_array_unref (doc->elems);
  g_ptr_array_unref (doc->tables);
  g_array_unref (doc->boxes);
  g_ptr_array_unref (doc->figure_alts);
  g_hash_table_unref (doc->ids);
  g_ptr_array_unref (doc->headings);
  g_ptr_array_unref (doc->chapters);
  g_ptr_array_unref (doc->markers);
  g_clear_pointer (&doc->practice, g_key_file_unref);
  g_free (doc->practice_file);
  _cp_ts_caller_figures_free (doc);
  g_clear_object (&doc->pango);
  g_clear_object (&doc->font_map);
  for (i = 0; i < G_N_ELEMENTS (doc->meta); i++)
    g_free (doc->meta[i]);
  g_free (doc->header_text);
  g_free (doc->footer_text);
  g_free (doc->font_dir);
  g_free (doc->date);
  g_free (doc);
}

gboolean
cp_typeset_document_add_chapter (CpTypesetDocument  *doc,
                                 const char         *file_name,
                                 const char         *text,
                                 gssize              length,
                                 GError            **error)
{
  CpTsChapter *chapter;
  gsize len;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (file_name != NULL && text != NULL, FALSE);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (!_cp_ts_validate_utf8 (file_name, text, len, error) || !_cp_ts_markdown_load (error))
    return FALSE;
  if (doc->table_ext == NULL)
    doc->table_ext = cmark_find_syntax_extension ("table");
  chapter = g_new0 (CpTsChapter, 1);
  chapter->file = g_strdup (file_name);
  chapter->text = g_strndup (text, len);
  chapter->index = doc->chapters->len;
  g_ptr_array_add (doc->chapters, chapter);
  return _cp_ts_parse_chapter (doc, chapter, error);
}

void
cp_typeset_document_set_practice_data (CpTypesetDocument *doc,
                                       GKeyFile          *practice,
                                       const char        *file_name)
{
  g_return_if_fail (doc != NULL);

  g_clear_pointer (&doc->practice, g_key_file_unref);
  doc->practice = practice != NULL ? g_key_file_ref (practice) : NULL;
  g_free (doc->practice_file);
  doc->practice_file = g_strdup (file_name);
}

gboolean
cp_typeset_document_add_marker (CpTypesetDocument  *doc,
                                const char         *name,
                                guint               chapter,
                                GError            **error)
{
  CpTsMarker *m;

  g_return_val_if_fail (doc != NULL && name != NULL, FALSE);

  if (chapter >= doc->chapters->len)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "marker '%s': there is no chapter %u", name, chapter + 1);
      return FALSE;
    }
  m = g_new0 (CpTsMarker, 1);
  m->name = g_strdup (name);
  m->chapter = chapter;
  g_ptr_array_add (doc->markers, m);
  return TRUE;
}

guint
cp_typeset_document_get_page (CpTypesetDocument *doc,
                              const char        *id)
{
  CpTsHeading *h;

  g_return_val_if_fail (doc != NULL && id != NULL, 0);

  h = g_hash_table_lookup (doc->ids, id);
  return h != NULL ? (guint) h->page : 0;
}

guint
cp_typeset_document_get_n_pages (CpTypesetDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);

  return (guint) doc->n_pages;
}

/* SOURCE_DATE_EPOCH if set (reproducible builds), else the options' date or a constant. */
static char *
creation_date (CpTypesetDocument *doc)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (epoch != NULL && *epoch != '\0')
    {
      gint64 secs = g_ascii_strtoll (epoch, NULL, 10);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (secs);

      if (dt != NULL)
        return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
    }
  return g_strdup (doc->date != NULL ? doc->date : DEFAULT_DATE);
}

static void
set_metadata (CpTypesetDocument *doc,
              cairo_surface_t   *surface)
{
  g_autofree char *date = creation_date (doc);

  if (doc->meta[0] != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->meta[0]);
  if (doc->meta[2] != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, doc->meta[2]);
  if (doc->meta[3] != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, doc->meta[3]);
  if (doc->meta[4] != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (doc->meta[4], ";,", -1);
      g_autofree char *joined = NULL;
      int i;

      for (i = 0; parts[i] != NULL; i++)
        g_strstrip (parts[i]);
      joined = g_strjoinv (", ", parts);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, joined);
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Connecting People Kit " PACKAGE_VERSION " (cp-typeset)");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static void
add_outline (CpTypesetDocument *doc,
             cairo_surface_t   *surface)
{
  int parents[CP_TS_MAX_HEADING_LEVEL + 1] = { CAIRO_PDF_OUTLINE_ROOT };
  guint i;

  for (i = 0; i < doc->headings->len; i++)
    {
      CpTsHeading *h = g_ptr_array_index (doc->headings, i);
      g_autofree char *name = h->number != NULL ? g_strdup_printf ("%s %s", h->number, h->title)
                                                : g_strdup (h->title);
      g_autofree char *link = g_strdup_printf ("dest='%s'", h->id);
      int parent = h->level > 1 ? parents[h->level - 1] : CAIRO_PDF_OUTLINE_ROOT;

      parents[h->level] = cairo_pdf_surface_add_outline (surface, parent, name, link, 0);
    }
}

static gboolean
check_figures (CpTypesetDocument *doc,
               GError           **error)
{
  CpTypesetFigureContext fctx = { doc->pango, doc->practice, doc->practice_file,
                                  doc->options.base_font_size };
  guint i;

  for (i = 0; i < doc->chunks->len; i++)
    {
      CpTsChunk *c = g_ptr_array_index (doc->chunks, i);
      GError *local = NULL;

      if (c->kind != CP_TS_CHUNK_FIGURE || _cp_ts_caller_figure (doc, c->figure) != NULL)
        continue;
      if (!cp_typeset_figure_check (c->figure, &fctx, &local))
        {
          g_set_error (error, CP_TYPESET_ERROR, local->code, "%s:%d: figure '%s': %s",
                       c->caption->file, c->caption->line, c->figure, local->message);
          g_error_free (local);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
render (CpTypesetDocument *doc,
        const char        *tmp,
        GError           **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  surface = cairo_pdf_surface_create (tmp, doc->options.page_width, doc->options.page_height);
  set_metadata (doc, surface);
  cr = cairo_create (surface);
  ok = _cp_ts_draw (doc, cr, error);
  if (ok)
    add_outline (doc, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_OUTPUT, "%s: %s", tmp,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return ok;
}

gboolean
cp_typeset_document_write_pdf (CpTypesetDocument  *doc,
                               const char         *path,
                               GError            **error)
{
  g_autofree char *tmp = NULL;
  int fd;

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  if (doc->chapters->len == 0)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX, "no chapters");
      return FALSE;
    }
  if (!_cp_ts_resolve (doc, error))
    return FALSE;
  if (doc->font_map == NULL)
    {
      doc->font_map = _cp_ts_font_map_new (doc->font_dir, error);
      if (doc->font_map == NULL)
        return FALSE;
      doc->pango = _cp_ts_context_new (doc->font_map, doc->meta[5]);
    }
  /* a second write starts the layout afresh */
  g_ptr_array_set_size (doc->chunks, 0);
  g_ptr_array_set_size (doc->texts, 0);
  g_ptr_array_set_size (doc->elems, 0);
  g_ptr_array_set_size (doc->tables, 0);
  g_array_set_size (doc->boxes, 0);
  g_ptr_array_set_size (doc->figure_alts, 0);
  doc->n_figures = 0;
  doc->n_pages = 0;
  if (!_cp_ts_build_chunks (doc, error) || !check_figures (doc, error))
    return FALSE;
  _cp_ts_paginate (doc);

  tmp = g_strdup_printf ("%s.tmp-XXXXXX", path);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_OUTPUT, "%s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (!render (doc, tmp, error) ||
      !_cp_ts_postprocess (tmp, doc->meta[5], doc->figure_alts, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  /* the file keeps g_mkstemp ()'s mode 0600: exports may hold personal data */
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_OUTPUT, "%s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
cp_typeset_write_pdf (const CpTypesetOptions  *options,
                      const CpTypesetMetadata *metadata,
                      const char * const      *file_names,
                      const char * const      *texts,
                      guint                    n_chapters,
                      const char              *path,
                      GError                 **error)
{
  g_autoptr(CpTypesetDocument) doc = NULL;
  guint i;

  g_return_val_if_fail (options != NULL && path != NULL, FALSE);
  g_return_val_if_fail (n_chapters == 0 || (file_names != NULL && texts != NULL), FALSE);

  doc = cp_typeset_document_new (options, metadata);
  for (i = 0; i < n_chapters; i++)
    {
      if (!cp_typeset_document_add_chapter (doc, file_names[i], texts[i], -1, error))
        return FALSE;
    }
  return cp_typeset_document_write_pdf (doc, path, error);
}
