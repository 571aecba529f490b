/* cp-pdf-document.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpPdfDocument: opening a PDF on the worker, reading what is kept for the
 * life of the document (page count, sizes, labels, title, outline) and the
 * errors a user can act on.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-document"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cp-pdf-document-private.h"

G_DEFINE_QUARK (cp-pdf-error-quark, cp_pdf_error)

G_DEFINE_FINAL_TYPE (CpPdfDocument, cp_pdf_document, G_TYPE_OBJECT)

/* How far into the file the %PDF- header may start (PDF 1.7, H.3). */
#define HEADER_WINDOW 1024

typedef struct
{
  GFile  *file;
  GBytes *bytes;
  char   *password;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->password);
  g_free (data);
}

static void
cp_pdf_document_finalize (GObject *object)
{
  CpPdfDocument *self = (CpPdfDocument *) object;

  /* poppler objects die on the worker, like everything else poppler does. */
  _cp_pdf_worker_release (g_steal_pointer (&self->poppler));
  g_clear_object (&self->outline);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->sizes, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (cp_pdf_document_parent_class)->finalize (object);
}

static void
cp_pdf_document_class_init (CpPdfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cp_pdf_document_finalize;
}

static void
cp_pdf_document_init (CpPdfDocument *self)
{
  static gsize next_id = 1;

  /* Ids key the render cache; unlike pointers they are never reused. */
  self->id = g_atomic_pointer_add (&next_id, 1);
}

static gboolean
has_pdf_header (const guint8 *data,
                gsize         len)
{
  len = MIN (len, HEADER_WINDOW);
  for (gsize i = 0; i + 5 <= len; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

/* Why @st is not a file that can be read as a document; TRUE when it can. */
static gboolean
check_file_kind (const GStatBuf  *st,
                 GError         **error)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "This is a folder");
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   "This is not a regular file (a pipe, socket or device)");
      return FALSE;
    }
  if (st->st_size == 0)
    {
      g_set_error (error, CP_PDF_ERROR, CP_PDF_ERROR_EMPTY, "The file is empty");
      return FALSE;
    }
  if (st->st_size > CP_PDF_MAX_FILE_SIZE)
    {
      g_set_error (error, CP_PDF_ERROR, CP_PDF_ERROR_TOO_BIG, "The file is too large");
      return FALSE;
    }
  return TRUE;
}

int
cp_pdf_file_open (const char  *path,
                  goffset     *out_size,
                  GError     **error)
{
  GStatBuf st;
  int fd;
  int flags;

  g_return_val_if_fail (path != NULL, -1);

  /* Look before opening: opening some devices has effects of its own. */
  if (g_stat (path, &st) == 0 && !check_file_kind (&st, error))
    return -1;

  /* O_NONBLOCK: open() on a FIFO with no writer would wait for ever. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s",
                   g_strerror (saved));
      return -1;
    }

  /* What was opened is what counts: the path may have changed since the look. */
  if (fstat (fd, &st) != 0 || !check_file_kind (&st, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s",
                     g_strerror (errno));
      close (fd);
      return -1;
    }

  /* A regular file reads the same either way; poppler expects a blocking one. */
  if ((flags = fcntl (fd, F_GETFL)) != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  if (out_size != NULL)
    *out_size = st.st_size;
  return fd;
}

/* Checks the first bytes (of @data's bytes, or of @fd) for a PDF header. */
static gboolean
check_header (OpenData  *data,
              int        fd,
              GError   **error)
{
  guint8 head[HEADER_WINDOW];
  gsize n_read = 0;

  if (data->bytes != NULL)
    {
      gsize len;
      const guint8 *bytes = g_bytes_get_data (data->bytes, &len);

      n_read = MIN (len, sizeof head);
      if (n_read > 0)
        memcpy (head, bytes, n_read);
    }
  else
    {
      while (n_read < sizeof head)
        {
          gssize n = pread (fd, head + n_read, sizeof head - n_read, (off_t) n_read);

          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            {
              int saved = errno;

              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s",
                           g_strerror (saved));
              return FALSE;
            }
          if (n == 0)
            break;
          n_read += (gsize) n;
        }
    }

  if (n_read == 0)
    {
      g_set_error (error, CP_PDF_ERROR, CP_PDF_ERROR_EMPTY, "The file is empty");
      return FALSE;
    }
  if (!has_pdf_header (head, n_read))
    {
      g_set_error (error, CP_PDF_ERROR, CP_PDF_ERROR_NOT_PDF, "The file is not a PDF document");
      return FALSE;
    }
  return TRUE;
}

static void
translate_poppler_error (GError     **error,
                         GError      *poppler_error,
                         const char  *password)
{
  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password == NULL || *password == '\0')
        g_set_error (error, CP_PDF_ERROR, CP_PDF_ERROR_NEEDS_PASSWORD,
                     "The document is protected by a password");
      else
        g_set_error (error, CP_PDF_ERROR, CP_PDF_ERROR_WRONG_PASSWORD,
                     "The password was not accepted");
    }
  else if (poppler_error != NULL && poppler_error->domain == G_IO_ERROR)
    {
      g_propagate_error (error, g_error_copy (poppler_error));
    }
  else
    {
      g_set_error (error, CP_PDF_ERROR, CP_PDF_ERROR_DAMAGED,
                   "The document is damaged and cannot be read (%s)",
                   poppler_error != NULL ? poppler_error->message : "no pages");
    }
}

static void
read_metadata (CpPdfDocument *self)
{
  self->title = poppler_document_get_title (self->poppler);
  self->n_pages = poppler_document_get_n_pages (self->poppler);
  self->sizes = g_new0 (double, 2 * MAX (self->n_pages, 1));
  self->labels = g_new0 (char *, self->n_pages + 1);

  for (guint i = 0; i < self->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (self->poppler, i);

      if (page != NULL)
        {
          poppler_page_get_size (page, &self->sizes[2 * i], &self->sizes[2 * i + 1]);
          self->labels[i] = poppler_page_get_label (page);
          /* poppler gives "" when the document labels only some pages. */
          if (self->labels[i] != NULL && self->labels[i][0] == '\0')
            g_clear_pointer (&self->labels[i], g_free);
          g_object_unref (page);
        }
      if (self->labels[i] == NULL)
        self->labels[i] = g_strdup_printf ("%u", i + 1);
    }

  self->outline = _cp_pdf_outline_build (self);
}

/* poppler_document_new_from_fd (), which takes @fd. poppler 22.12 retries a refused
 * password on a copy of the stream that the first try has closed, and so reports a
 * wrong password as a damaged file: look again without one, on a duplicate of the same
 * descriptor, and an encrypted document says so. */
static PopplerDocument *
new_from_fd (int          fd,
             const char  *password,
             GError     **error)
{
  int spare = password != NULL ? fcntl (fd, F_DUPFD_CLOEXEC, 0) : -1;
  PopplerDocument *poppler = poppler_document_new_from_fd (fd, password, error);
  g_autoptr(GError) again = NULL;

  if (poppler == NULL && spare >= 0
      && g_error_matches (*error, POPPLER_ERROR, POPPLER_ERROR_DAMAGED))
    {
      poppler = poppler_document_new_from_fd (spare, NULL, &again);
      spare = -1;
      if (poppler != NULL)
        {
          /* Readable without a password after all: the one given is not needed. */
          g_clear_error (error);
          return poppler;
        }
      if (g_error_matches (again, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          g_clear_error (error);
          g_propagate_error (error, g_steal_pointer (&again));
        }
    }
  if (spare >= 0)
    close (spare);
  return poppler;
}

static gboolean
open_job (CpPdfJob *job)
{
  OpenData *data = g_task_get_task_data (job->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) poppler_error = NULL;
  g_autoptr(CpPdfDocument) self = NULL;
  PopplerDocument *poppler;
  int fd = -1;

  if (!_cp_pdf_engine_load (&error))
    {
      g_task_return_error (job->task, g_steal_pointer (&error));
      return TRUE;
    }

  /* A file is opened once, here, and read only through that descriptor. */
  if (data->file != NULL)
    {
      g_autofree char *path = g_file_get_path (data->file);

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     "Only documents on this computer can be opened");
      else
        fd = cp_pdf_file_open (path, NULL, &error);
      if (fd < 0)
        {
          g_task_return_error (job->task, g_steal_pointer (&error));
          return TRUE;
        }
    }

  if (!check_header (data, fd, &error))
    {
      if (fd >= 0)
        close (fd);
      g_task_return_error (job->task, g_steal_pointer (&error));
      return TRUE;
    }

  if (data->bytes != NULL)
    poppler = poppler_document_new_from_bytes (data->bytes, data->password, &poppler_error);
  else
    poppler = new_from_fd (fd, data->password, &poppler_error);

  if (poppler != NULL && poppler_document_get_n_pages (poppler) <= 0)
    g_clear_object (&poppler);

  if (poppler == NULL)
    {
      translate_poppler_error (&error, poppler_error, data->password);
      g_task_return_error (job->task, g_steal_pointer (&error));
      return TRUE;
    }

  self = g_object_new (CP_TYPE_PDF_DOCUMENT, NULL);
  self->poppler = poppler;
  read_metadata (self);
  g_task_return_pointer (job->task, g_steal_pointer (&self), g_object_unref);
  return TRUE;
}

static void
push_open (OpenData            *data,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cp_pdf_document_new_for_file_async);
  g_task_set_name (task, "cp-pdf-open");
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  _cp_pdf_worker_push (_cp_pdf_job_new (task, CP_PDF_PRIORITY_VISIBLE, open_job));
}

/**
 * cp_pdf_document_new_for_file_async:
 * @file: a PDF file
 * @password: (nullable): the password of an encrypted document
 *
 * Opens @file on the worker. Finish with cp_pdf_document_new_finish().
 */
void
cp_pdf_document_new_for_file_async (GFile               *file,
                                    const char          *password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  OpenData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->password = g_strdup (password);
  push_open (data, cancellable, callback, user_data);
}

/**
 * cp_pdf_document_new_for_bytes_async:
 * @bytes: the whole PDF file in memory
 *
 * Opens a PDF held in memory (for example GResource data).
 */
void
cp_pdf_document_new_for_bytes_async (GBytes              *bytes,
                                     const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  OpenData *data;

  g_return_if_fail (bytes != NULL);

  data = g_new0 (OpenData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->password = g_strdup (password);
  push_open (data, cancellable, callback, user_data);
}

/**
 * cp_pdf_document_new_for_resource_async:
 * @resource_path: a path in the registered GResources, e.g. a bundled manual
 *
 * Opens a PDF from the GResources (no copy: resource data is mapped).
 */
void
cp_pdf_document_new_for_resource_async (const char          *resource_path,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (resource_path != NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

      g_task_set_source_tag (task, cp_pdf_document_new_for_file_async);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cp_pdf_document_new_for_bytes_async (bytes, password, cancellable, callback, user_data);
}

/**
 * cp_pdf_document_new_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error set:
 *   CP_PDF_ERROR_NEEDS_PASSWORD / _WRONG_PASSWORD (ask and retry),
 *   _EMPTY, _NOT_PDF, _DAMAGED, or a G_IO_ERROR.
 */
CpPdfDocument *
cp_pdf_document_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint64
cp_pdf_document_get_id (CpPdfDocument *self)
{
  g_return_val_if_fail (CP_IS_PDF_DOCUMENT (self), 0);

  return self->id;
}

const char *
cp_pdf_document_get_title (CpPdfDocument *self)
{
  g_return_val_if_fail (CP_IS_PDF_DOCUMENT (self), NULL);

  return self->title;
}

guint
cp_pdf_document_get_n_pages (CpPdfDocument *self)
{
  g_return_val_if_fail (CP_IS_PDF_DOCUMENT (self), 0);

  return self->n_pages;
}

/**
 * cp_pdf_document_get_page_size:
 *
 * Returns: %FALSE when @page is out of range. Sizes are in points.
 */
gboolean
cp_pdf_document_get_page_size (CpPdfDocument *self,
                               guint          page,
                               double        *width,
                               double        *height)
{
  g_return_val_if_fail (CP_IS_PDF_DOCUMENT (self), FALSE);

  if (page >= self->n_pages)
    return FALSE;
  if (width != NULL)
    *width = self->sizes[2 * page];
  if (height != NULL)
    *height = self->sizes[2 * page + 1];
  return TRUE;
}

/**
 * cp_pdf_document_get_page_label:
 *
 * Returns: the page's label ("iv", "12"), or its number from 1 when the
 *   document has none; %NULL when @page is out of range.
 */
const char *
cp_pdf_document_get_page_label (CpPdfDocument *self,
                                guint          page)
{
  g_return_val_if_fail (CP_IS_PDF_DOCUMENT (self), NULL);

  return page < self->n_pages ? self->labels[page] : NULL;
}

/**
 * cp_pdf_document_find_page_by_label:
 *
 * Returns: the first page whose label is @label, else the page whose number
 *   (from 1) @label spells, else -1.
 */
int
cp_pdf_document_find_page_by_label (CpPdfDocument *self,
                                    const char    *label)
{
  guint64 number;

  g_return_val_if_fail (CP_IS_PDF_DOCUMENT (self), -1);
  g_return_val_if_fail (label != NULL, -1);

  for (guint i = 0; i < self->n_pages; i++)
    if (g_strcmp0 (self->labels[i], label) == 0)
      return i;

  if (g_ascii_string_to_unsigned (label, 10, 1, self->n_pages, &number, NULL))
    return (int) number - 1;

  return -1;
}

/**
 * cp_pdf_document_get_outline:
 *
 * Returns: (transfer none): the top level of the outline, a GListModel of
 *   CpPdfOutlineItem (empty when the document has none).
 */
GListModel *
cp_pdf_document_get_outline (CpPdfDocument *self)
{
  g_return_val_if_fail (CP_IS_PDF_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->outline);
}

/**
 * cp_pdf_document_get_render_size:
 *
 * The device size of the whole @page rendered at @scale and @rotation,
 * as cp_pdf_document_render_async() would make it.
 */
gboolean
cp_pdf_document_get_render_size (CpPdfDocument *self,
                                 guint          page,
                                 double         scale,
                                 guint          rotation,
                                 int           *width,
                                 int           *height)
{
  double w, h;

  if (!cp_pdf_document_get_page_size (self, page, &w, &h))
    return FALSE;

  if (rotation == 90 || rotation == 270)
    {
      double t = w;

      w = h;
      h = t;
    }

  /* A hair below the next pixel still counts as that pixel. */
  *width = MAX (1, (int) ceil (w * scale - 0.01));
  *height = MAX (1, (int) ceil (h * scale - 0.01));
  return TRUE;
}

/* A task about one page; NULL when the page does not exist, the task then
 * having completed with CP_PDF_ERROR_INVALID_PAGE. */
GTask *
_cp_pdf_document_new_page_task (CpPdfDocument       *self,
                                guint                page,
                                gpointer             source_tag,
                                const char          *name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  if (page >= self->n_pages)
    {
      g_task_return_new_error (task, CP_PDF_ERROR, CP_PDF_ERROR_INVALID_PAGE,
                               "Page %u does not exist (the document has %u)",
                               page + 1, self->n_pages);
      return NULL;
    }
  return g_steal_pointer (&task);
}

/* poppler's rectangles have their origin at the bottom-left corner. */
CpPdfRect
_cp_pdf_rect_from_poppler (CpPdfDocument    *self,
                           guint             page,
                           PopplerRectangle *rect)
{
  double height = self->sizes[2 * page + 1];
  CpPdfRect r;

  r.x = MIN (rect->x1, rect->x2);
  r.width = fabs (rect->x2 - rect->x1);
  r.y = height - MAX (rect->y1, rect->y2);
  r.height = fabs (rect->y2 - rect->y1);
  return r;
}
