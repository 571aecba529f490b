/* cp-library-import.c: adding a PDF to the library
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-library-import"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-library-import.h"
#include "pdf/cp-pdf-document.h"
#include "store/cp-store-library.h"
#include "util/cp-file.h"

#define COPY_BUFFER 65536

typedef struct
{
  CpStore *store;
  GFile   *source;
  char    *folder;
  char    *file_name;
  char    *temp_path;
  char    *sha256;
} ImportData;

static void
import_data_free (ImportData *data)
{
  if (data->temp_path != NULL)
    g_unlink (data->temp_path);
  g_clear_object (&data->store);
  g_clear_object (&data->source);
  g_free (data->folder);
  g_free (data->file_name);
  g_free (data->temp_path);
  g_free (data->sha256);
  g_free (data);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *message)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s (%s)", message,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int            fd,
           const guchar  *buffer,
           gsize          length,
           GError       **error)
{
  while (length > 0)
    {
      gssize n = write (fd, buffer, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, errno, _("The copy cannot be written"));
      buffer += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Worker thread: copies the source into a temporary file of the library folder,
 * computing its sha256, and syncs it. */
static void
copy_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (COPY_BUFFER);
  g_autofree char *parent = g_path_get_dirname (data->folder);
  g_autofree char *temp = g_build_filename (data->folder, ".import-XXXXXX", NULL);
  g_autofree char *source_path = g_file_get_path (data->source);
  gint64 copied = 0;
  int input;
  int fd;

  /* Opened once, without waiting (a FIFO, a device), and only a regular file of a sane
   * size; the copy is read from this same descriptor. */
  if (source_path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Only documents on this computer can be added"));
      return;
    }
  if ((input = cp_pdf_file_open (source_path, NULL, &error)) < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_mkdir_with_parents (data->folder, 0700) != 0)
    {
      set_errno_error (&error, errno, _("The library folder cannot be made"));
      close (input);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Private, like the workspace: the library folder and the one that holds it. */
  g_chmod (parent, 0700);
  g_chmod (data->folder, 0700);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (&error, errno, _("The copy cannot be made"));
      close (input);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->temp_path = g_strdup (temp);

  for (;;)
    {
      gssize n = read (input, buffer, COPY_BUFFER);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (&error, errno, _("The document cannot be read"));
          break;
        }
      if (n == 0 || g_cancellable_set_error_if_cancelled (cancellable, &error))
        break;
      /* It may grow while it is copied: the limit holds for what is read. */
      if ((copied += n) > CP_PDF_MAX_FILE_SIZE)
        {
          g_set_error (&error, CP_PDF_ERROR, CP_PDF_ERROR_TOO_BIG, "The file is too large");
          break;
        }
      g_checksum_update (checksum, buffer, n);
      if (!write_all (fd, buffer, (gsize) n, &error))
        break;
    }

  close (input);
  if (error == NULL && fsync (fd) != 0)
    set_errno_error (&error, errno, _("The copy cannot be saved"));
  if (close (fd) != 0 && error == NULL)
    set_errno_error (&error, errno, _("The copy cannot be saved"));
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->sha256 = g_strdup (g_checksum_get_string (checksum));
  g_task_return_boolean (task, TRUE);
}

static char *
title_from_file_name (const char *file_name)
{
  if (g_str_has_suffix (file_name, ".pdf") || g_str_has_suffix (file_name, ".PDF"))
    return g_strndup (file_name, strlen (file_name) - 4);
  return g_strdup (file_name);
}

/* Main thread: the copy is a PDF (or a locked one). Renames it into place and adds
 * its row. */
static void
finish_import (GTask      *task,
               const char *title,
               guint       n_pages)
{
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *final_path = cp_store_library_dup_file_path (data->store, data->sha256);
  g_autofree char *key = g_strconcat (CP_LIBRARY_SHA256_PREFIX, data->sha256, NULL);
  gboolean created = FALSE;
  gboolean ok;
  int saved;

  if (g_file_test (final_path, G_FILE_TEST_EXISTS))
    {
      /* The same bytes are there already (added before, or still held by undo). */
      g_unlink (data->temp_path);
    }
  else
    {
      if (g_rename (data->temp_path, final_path) != 0)
        {
          set_errno_error (&error, errno, _("The copy cannot be put in place"));
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      created = TRUE;
    }
  g_clear_pointer (&data->temp_path, g_free);

  if ((saved = cp_file_sync_folder (data->folder)) != 0)
    ok = set_errno_error (&error, saved, _("The library folder cannot be saved"));
  else
    ok = cp_store_library_add_document (data->store, data->sha256, title, data->file_name,
                                        n_pages, &error);
  if (!ok)
    {
      /* No half-imported entry: without its row, the file goes too. */
      if (created)
        g_unlink (final_path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&key), g_free);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) document = cp_pdf_document_new_finish (result, &error);
  g_autofree char *fallback = title_from_file_name (data->file_name);
  const char *title;

  if (document != NULL)
    {
      title = cp_pdf_document_get_title (document);
      finish_import (task, title != NULL && *title != '\0' ? title : fallback,
                     cp_pdf_document_get_n_pages (document));
      return;
    }

  /* Locked: it is a PDF; its title and pages wait for the password. */
  if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_NEEDS_PASSWORD))
    {
      finish_import (task, fallback, 0);
      return;
    }

  /* Not a PDF, empty, damaged: the copy goes (in import_data_free). */
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
copied_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  GCancellable *cancellable;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  copy = g_file_new_for_path (data->temp_path);
  cancellable = g_task_get_cancellable (task);
  cp_pdf_document_new_for_file_async (copy, NULL, cancellable, checked_cb,
                                      g_steal_pointer (&task));
}

void
cp_library_import_async (CpStore             *store,
                         GFile               *source,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) copy_task = NULL;
  g_autoptr(GError) error = NULL;
  ImportData *data;
  g_autofree char *basename = NULL;

  g_return_if_fail (CP_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (source));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cp_library_import_async);

  if (cp_store_get_read_only (store))
    {
      g_task_return_new_error (task, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY, "%s",
                               _("This workspace is open read-only: nothing can be added."));
      return;
    }

  data = g_new0 (ImportData, 1);
  data->store = g_object_ref (store);
  data->source = g_object_ref (source);
  data->folder = cp_store_library_dup_folder (store);
  basename = g_file_get_basename (source);
  data->file_name = g_strdup (basename != NULL ? basename : "");
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);

  /* The copy runs in a thread of its own; the task's data stays with the outer task. */
  copy_task = g_task_new (store, cancellable, copied_cb, g_steal_pointer (&task));
  g_task_set_task_data (copy_task, data, NULL);
  g_task_run_in_thread (copy_task, copy_worker);
}

char *
cp_library_import_finish (CpStore       *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
