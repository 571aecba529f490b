/* cp-pdf-document.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpPdfDocument: the PDF document layer (no widgets).
 *
 * One poppler worker thread serves the whole process: poppler keeps global
 * state that is not safe across threads, even across documents. Every call
 * that needs poppler is an _async/_finish pair; the work runs on that worker,
 * taken from one priority queue (lower number first, then first come first
 * served), and the result is delivered on the thread-default main context of
 * the caller. The main thread never waits for poppler.
 *
 * What is read once when the document opens (page count, page sizes, page
 * labels, title, outline) is kept and returned synchronously.
 *
 * Cancelling: a request whose GCancellable is cancelled is dropped from the
 * queue (at the latest when the worker picks its next job) and completes with
 * G_IO_ERROR_CANCELLED; it never completes with a result. Render requests can
 * also be superseded in bulk by tag and generation, see
 * cp_pdf_document_supersede().
 *
 * Geometry: every rectangle (links, text, find hits) is in PDF points on the
 * unrotated page with the origin at the top-left corner, y growing downwards.
 * Pages are numbered from 0.
 */

#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "cp-pdf-document-outline.h"

G_BEGIN_DECLS

#define CP_TYPE_PDF_DOCUMENT (cp_pdf_document_get_type ())

G_DECLARE_FINAL_TYPE (CpPdfDocument, cp_pdf_document, CP, PDF_DOCUMENT, GObject)

#define CP_PDF_ERROR (cp_pdf_error_quark ())

typedef enum
{
  CP_PDF_ERROR_NEEDS_PASSWORD,  /* encrypted; ask for a password and retry */
  CP_PDF_ERROR_WRONG_PASSWORD,  /* encrypted; the given password was refused */
  CP_PDF_ERROR_EMPTY,           /* the file has no bytes */
  CP_PDF_ERROR_NOT_PDF,         /* no %PDF- header */
  CP_PDF_ERROR_DAMAGED,         /* a PDF header, but poppler could not read it */
  CP_PDF_ERROR_INVALID_PAGE,    /* page number out of range */
  CP_PDF_ERROR_TOO_LARGE,       /* the requested surface exceeds cairo's limit */
  CP_PDF_ERROR_NOT_FOUND,       /* no such named destination */
  CP_PDF_ERROR_TOO_BIG,         /* the file is larger than CP_PDF_MAX_FILE_SIZE */
} CpPdfError;

/* The largest PDF file opened or added to the library: 512 MiB. */
#define CP_PDF_MAX_FILE_SIZE (G_GINT64_CONSTANT (512) * 1024 * 1024)

/* Queue priorities: lower runs first. */
#define CP_PDF_PRIORITY_VISIBLE      0
#define CP_PDF_PRIORITY_AHEAD       10
#define CP_PDF_PRIORITY_DEFAULT     50
#define CP_PDF_PRIORITY_BACKGROUND 100

/* The largest surface side cairo image surfaces accept. */
#define CP_PDF_MAX_SURFACE_SIDE 32767

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CpPdfRect;

typedef enum
{
  CP_PDF_LINK_NONE,
  CP_PDF_LINK_INTERNAL,  /* page (and dest when it was a named destination) */
  CP_PDF_LINK_EXTERNAL,  /* uri */
} CpPdfLinkKind;

/* A link area on a page. For internal links page is resolved (-1 when the
 * target does not exist) and top is the target's top in points, or -1. */
typedef struct
{
  CpPdfLinkKind kind;
  CpPdfRect     area;
  int           page;
  double        top;
  char         *dest;
  char         *uri;
} CpPdfLink;

#define CP_TYPE_PDF_LINK (cp_pdf_link_get_type ())
GType      cp_pdf_link_get_type (void) G_GNUC_CONST;
CpPdfLink *cp_pdf_link_copy     (const CpPdfLink *link);
void       cp_pdf_link_free     (CpPdfLink       *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpPdfLink, cp_pdf_link_free)

/* Text of one page with one rectangle per character (UTF-8 characters of
 * text, including the line breaks poppler inserts). */
typedef struct
{
  char      *text;
  guint      n_chars;
  CpPdfRect *rects;
} CpPdfTextLayout;

#define CP_TYPE_PDF_TEXT_LAYOUT (cp_pdf_text_layout_get_type ())
GType            cp_pdf_text_layout_get_type  (void) G_GNUC_CONST;
CpPdfTextLayout *cp_pdf_text_layout_copy      (const CpPdfTextLayout *layout);
void             cp_pdf_text_layout_free      (CpPdfTextLayout       *layout);
int              cp_pdf_text_layout_index_at  (const CpPdfTextLayout *layout,
                                               double                 x,
                                               double                 y);
char            *cp_pdf_text_layout_dup_range (const CpPdfTextLayout *layout,
                                               guint                  start,
                                               guint                  end);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpPdfTextLayout, cp_pdf_text_layout_free)

typedef enum
{
  CP_PDF_FIND_DEFAULT        = 0,
  CP_PDF_FIND_CASE_SENSITIVE = 1 << 0,
  CP_PDF_FIND_WHOLE_WORDS    = 1 << 1,
} CpPdfFindFlags;

/* One find hit. context is the surrounding text on one line (line breaks
 * turned into spaces); the match is context[match_start, match_start+match_len)
 * in bytes. */
typedef struct
{
  guint     page;
  CpPdfRect rect;
  char     *context;
  guint     match_start;
  guint     match_len;
} CpPdfFindHit;

#define CP_TYPE_PDF_FIND_HIT (cp_pdf_find_hit_get_type ())
GType         cp_pdf_find_hit_get_type (void) G_GNUC_CONST;
CpPdfFindHit *cp_pdf_find_hit_copy     (const CpPdfFindHit *hit);
void          cp_pdf_find_hit_free     (CpPdfFindHit       *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpPdfFindHit, cp_pdf_find_hit_free)

/* Called on the caller's main context once per page searched, in page order,
 * with the hits of that page (CpPdfFindHit, possibly none; borrowed). Never
 * called after the cancellable was cancelled. */
typedef void (*CpPdfFindFunc) (CpPdfDocument *document,
                               guint          page,
                               GPtrArray     *hits,
                               gpointer       user_data);

/* What to render: scale is device pixels per PDF point; rotation is 0, 90,
 * 180 or 270 degrees clockwise. tile_size 0 renders the whole page; otherwise
 * the tile (tile_x, tile_y) of tile_size × tile_size device pixels (clipped
 * at the page's right and bottom edges) of the rotated page. tag/generation:
 * see cp_pdf_document_supersede(); tag NULL is never superseded. */
typedef struct
{
  guint         page;
  double        scale;
  guint         rotation;
  guint         tile_x;
  guint         tile_y;
  guint         tile_size;
  gconstpointer tag;
  guint         generation;
} CpPdfRenderSpec;

GQuark         cp_pdf_error_quark                   (void);

/* Opens @path once for reading, without waiting on it (a FIFO with no writer, a
 * device), and returns the descriptor only for a regular file of 1 byte up to
 * CP_PDF_MAX_FILE_SIZE; @out_size (may be NULL) gets its size. Else -1 with
 * G_IO_ERROR_IS_DIRECTORY, G_IO_ERROR_NOT_REGULAR_FILE (FIFO, socket, device),
 * CP_PDF_ERROR_EMPTY, CP_PDF_ERROR_TOO_BIG or the G_IO_ERROR of open(). Read the file
 * through this descriptor only: the path may point elsewhere a moment later. */
int            cp_pdf_file_open                       (const char           *path,
                                                       goffset              *out_size,
                                                       GError              **error);

/* Opening. password may be NULL. Errors: CP_PDF_ERROR_* above, G_IO_ERROR
 * for files that cannot be read (G_IO_ERROR_NOT_FOUND, …) and those of
 * cp_pdf_file_open () for a file that is not a regular one or not a sane size:
 * nothing ever waits on the file, so the worker stays free. */
void           cp_pdf_document_new_for_file_async     (GFile                *file,
                                                       const char           *password,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
void           cp_pdf_document_new_for_bytes_async    (GBytes               *bytes,
                                                       const char           *password,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
void           cp_pdf_document_new_for_resource_async (const char           *resource_path,
                                                       const char           *password,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
CpPdfDocument *cp_pdf_document_new_finish             (GAsyncResult         *result,
                                                       GError              **error);

/* Read at open time: cheap, main thread. */
guint64        cp_pdf_document_get_id               (CpPdfDocument        *self);
const char    *cp_pdf_document_get_title            (CpPdfDocument        *self);
guint          cp_pdf_document_get_n_pages          (CpPdfDocument        *self);
gboolean       cp_pdf_document_get_page_size        (CpPdfDocument        *self,
                                                     guint                 page,
                                                     double               *width,
                                                     double               *height);
const char    *cp_pdf_document_get_page_label       (CpPdfDocument        *self,
                                                     guint                 page);
int            cp_pdf_document_find_page_by_label   (CpPdfDocument        *self,
                                                     const char           *label);
GListModel    *cp_pdf_document_get_outline          (CpPdfDocument        *self);
gboolean       cp_pdf_document_get_render_size      (CpPdfDocument        *self,
                                                     guint                 page,
                                                     double                scale,
                                                     guint                 rotation,
                                                     int                  *width,
                                                     int                  *height);

/* Rendering: a cairo image surface, ARGB32, white background (the UI wraps
 * it as a texture: cp-pdf-texture.h). */
void           cp_pdf_document_render_async         (CpPdfDocument         *self,
                                                     const CpPdfRenderSpec *spec,
                                                     int                    priority,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
cairo_surface_t *cp_pdf_document_render_finish      (CpPdfDocument         *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void           cp_pdf_document_supersede            (gconstpointer          tag,
                                                     guint                  generation);
void           cp_pdf_document_forget_tag           (gconstpointer          tag);
/* At quit, after the last document is dropped: see the .c. */
void           cp_pdf_document_shutdown             (void);

/* Printing: draws page onto cr (a print or PDF/PS surface's context,
 * scaled to points) with poppler_page_render_for_printing, on the worker.
 * The caller must not touch cr until the callback has run (with
 * GtkPrintOperation: set_defer_drawing, then draw_page_finish). */
void           cp_pdf_document_print_page_async     (CpPdfDocument         *self,
                                                     guint                  page,
                                                     cairo_t               *cr,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean       cp_pdf_document_print_page_finish    (CpPdfDocument         *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

/* Links: a GPtrArray of CpPdfLink (owned, free with g_ptr_array_unref). */
void           cp_pdf_document_get_links_async      (CpPdfDocument        *self,
                                                     guint                 page,
                                                     int                   priority,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *cp_pdf_document_get_links_finish     (CpPdfDocument        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Named destinations: page (0-based) and top in points (-1 when unknown). */
void           cp_pdf_document_find_dest_async      (CpPdfDocument        *self,
                                                     const char           *name,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       cp_pdf_document_find_dest_finish     (CpPdfDocument        *self,
                                                     GAsyncResult         *result,
                                                     guint                *page,
                                                     double               *top,
                                                     GError              **error);

/* Text. */
void           cp_pdf_document_get_text_async       (CpPdfDocument        *self,
                                                     guint                 page,
                                                     int                   priority,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
char          *cp_pdf_document_get_text_finish      (CpPdfDocument        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void           cp_pdf_document_get_text_layout_async  (CpPdfDocument        *self,
                                                       guint                 page,
                                                       int                   priority,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
CpPdfTextLayout *cp_pdf_document_get_text_layout_finish (CpPdfDocument        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* Find: every hit of text on every page, streamed per page through
 * page_func; each page is its own job at CP_PDF_PRIORITY_BACKGROUND, so
 * renders go in between. finish gives the total number of hits. */
void           cp_pdf_document_find_async           (CpPdfDocument        *self,
                                                     const char           *text,
                                                     CpPdfFindFlags        flags,
                                                     CpPdfFindFunc         page_func,
                                                     gpointer              page_data,
                                                     GDestroyNotify        page_data_destroy,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       cp_pdf_document_find_finish          (CpPdfDocument        *self,
                                                     GAsyncResult         *result,
                                                     guint                *n_hits,
                                                     GError              **error);

G_END_DECLS
