/* cp-typeset.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Typesetting: CommonMark (with GitHub tables) -> Pango -> cairo PDF. No GTK.
 *
 * Used by cp-mkmanual (the bundled manuals) and by the app for its own PDF exports.
 * A document is a list of chapters (CommonMark texts, each with the file name used in
 * error messages) plus metadata. Every error is reported as "FILE:LINE: message".
 *
 * Source syntax beyond CommonMark (see data/manuals/README.md):
 *   # Title {#id}           heading with an explicit, unique id (others get a slug id)
 *   [text](#id)             internal link to a heading id
 *   ![caption](figure:NAME) a figure drawn by code (cp-typeset-figures.h)
 */

#define CP_TYPESET_ERROR (cp_typeset_error_quark ())

typedef enum
{
  CP_TYPESET_ERROR_INVALID_UTF8,    /* a source is not valid UTF-8 */
  CP_TYPESET_ERROR_SYNTAX,          /* unsupported or malformed construct */
  CP_TYPESET_ERROR_DUPLICATE_ID,    /* two headings with the same id */
  CP_TYPESET_ERROR_MISSING_ID,      /* a link to an id that no heading has */
  CP_TYPESET_ERROR_UNKNOWN_FIGURE,  /* figure:NAME that no code draws */
  CP_TYPESET_ERROR_MISSING_GLYPH,   /* a character the embedded fonts do not have */
  CP_TYPESET_ERROR_FONT,            /* the font files could not be loaded */
  CP_TYPESET_ERROR_DATA,            /* figure data (practice file) missing or malformed */
  CP_TYPESET_ERROR_OUTPUT,          /* the PDF could not be written */
} CpTypesetError;

GQuark cp_typeset_error_quark (void);

typedef struct
{
  double      page_width;       /* points; A4 is 595.276 x 841.890 */
  double      page_height;
  double      margin_top;       /* points, to the header (all ink stays inside) */
  double      margin_bottom;    /* points, to the footer */
  double      margin_left;
  double      margin_right;
  double      base_font_size;   /* body text, points */
  gboolean    title_page;       /* a title page from the metadata */
  gboolean    contents;         /* a linked contents page (levels 1 and 2) */
  gboolean    number_headings;  /* 1, 1.1, 1.1.1 */
  gboolean    chapter_new_page; /* each chapter starts a new page */
  const char *header_text;      /* running header when the document has no chapters, or NULL */
  const char *footer_text;      /* one line at the foot of every page, left of the page
                                 * number (which then goes right), or NULL */
  const char *font_dir;         /* folder with the DejaVu files; NULL: Debian's */
  const char *date;             /* ISO 8601 creation date; NULL: SOURCE_DATE_EPOCH or a constant */
} CpTypesetOptions;

typedef struct
{
  const char *title;
  const char *subtitle;
  const char *author;
  const char *subject;
  const char *keywords;         /* separated by ';' or ',' */
  const char *language;         /* BCP 47, e.g. "en-GB" */
  const char *licence;          /* printed on the title page */
} CpTypesetMetadata;

typedef struct _CpTypesetDocument CpTypesetDocument;

void                cp_typeset_options_init_a4            (CpTypesetOptions        *options,
                                                           double                   base_font_size);

CpTypesetDocument  *cp_typeset_document_new               (const CpTypesetOptions  *options,
                                                           const CpTypesetMetadata *metadata);
void                cp_typeset_document_free              (CpTypesetDocument       *doc);

/* Validates UTF-8, parses, checks the chapter's own syntax and its heading ids. */
gboolean            cp_typeset_document_add_chapter       (CpTypesetDocument       *doc,
                                                           const char              *file_name,
                                                           const char              *text,
                                                           gssize                   length,
                                                           GError                 **error);

/* Practice data (resources/practice/practice.ini) for the network-map figures. */
void                cp_typeset_document_set_practice_data (CpTypesetDocument       *doc,
                                                           GKeyFile                *practice,
                                                           const char              *file_name);

/* A picture the caller draws into the box (0, 0, @width, @height) of @cr, black ink by
 * default. */
typedef void (*CpTypesetDrawFunc) (cairo_t  *cr,
                                   double    width,
                                   double    height,
                                   gpointer  user_data);

/* A figure drawn by the caller (a chart of the person's progress …): a chapter names it
 * as ![caption](figure:NAME), and it is laid out like the built-in figures, at the full
 * text width and @aspect (height / width), numbered and captioned. Register it before
 * adding the chapters that use it; a name already taken replaces the earlier one. */
void                cp_typeset_document_add_figure        (CpTypesetDocument       *doc,
                                                           const char              *name,
                                                           double                   aspect,
                                                           CpTypesetDrawFunc        draw,
                                                           gpointer                 user_data,
                                                           GDestroyNotify           destroy);
/* A symbol drawn by the caller (a life area in an easy-read plan): ![label](figure:NAME)
 * on its own line draws it small (twice the body size, square) with its label in bold
 * beside it, unnumbered, kept with what follows. Its label is its alternative text. */
void                cp_typeset_document_add_symbol        (CpTypesetDocument       *doc,
                                                           const char              *name,
                                                           CpTypesetDrawFunc        draw,
                                                           gpointer                 user_data,
                                                           GDestroyNotify           destroy);

/* An extra named destination at the first page of chapter @chapter (0-based). */
gboolean            cp_typeset_document_add_marker        (CpTypesetDocument       *doc,
                                                           const char              *name,
                                                           guint                    chapter,
                                                           GError                 **error);

/* Checks links and figures, lays out and writes @path (through a temporary file beside
 * it, renamed only on success: on error no file is left behind). The file is created
 * readable and writable by its owner only (0600), since an export may hold personal
 * data. Error messages quote file names, line numbers, ids, figure names, link targets
 * and single characters of the source, never a whole sentence. */
gboolean            cp_typeset_document_write_pdf         (CpTypesetDocument       *doc,
                                                           const char              *path,
                                                           GError                 **error);

/* After a successful write: the page (1-based) of a heading id, or 0. */
guint               cp_typeset_document_get_page          (CpTypesetDocument       *doc,
                                                           const char              *id);
guint               cp_typeset_document_get_n_pages       (CpTypesetDocument       *doc);

/* All in one: @n_chapters texts with their file names (for errors) -> @path. */
gboolean            cp_typeset_write_pdf                  (const CpTypesetOptions  *options,
                                                           const CpTypesetMetadata *metadata,
                                                           const char * const      *file_names,
                                                           const char * const      *texts,
                                                           guint                    n_chapters,
                                                           const char              *path,
                                                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpTypesetDocument, cp_typeset_document_free)

G_END_DECLS
