/* cp-import-network.c: reading a network file whole, within limits, then checking it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-import-network.h"
#include "cp-network-private.h"
#include "store/cp-store-netmap.h"

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("“%s” could not be read: %s."), name, g_strerror (saved_errno));
  return FALSE;
}

/* The whole of @path, refused unread past CP_NETWORK_IMPORT_MAX_BYTES. */
static char *
read_capped (const char  *path,
             gsize       *length,
             GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GByteArray) data = NULL;
  struct stat st;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0)) < 0)
    {
      set_io_error (error, errno, path);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_io_error (error, errno, path);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a file that can be imported."), name);
      return NULL;
    }
  if (st.st_size > CP_NETWORK_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);
      g_autofree char *limit = g_format_size (CP_NETWORK_IMPORT_MAX_BYTES);

      close (fd);
      g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is %s; a network file may be at most %s. Nothing was read."), name,
                   size, limit);
      return NULL;
    }

  /* The size may change under us: read on until the end, or past the limit. */
  data = g_byte_array_sized_new ((guint) st.st_size + 1);
  for (;;)
    {
      guchar chunk[65536];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, errno, path);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > CP_NETWORK_IMPORT_MAX_BYTES)
        {
          close (fd);
          g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” grew past the most a network file may be while it was read. "
                         "Nothing was imported."), name);
          return NULL;
        }
      g_byte_array_append (data, chunk, (guint) n);
    }
  close (fd);
  *length = data->len;
  /* a NUL after the data, for the parsers' sake */
  g_byte_array_append (data, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&data), FALSE);
}

static gboolean
check_utf8 (const char  *data,
            gsize        length,
            const char  *what,
            GError     **error)
{
  const char *bad = NULL;
  int line = 1;

  if (g_utf8_validate_len (data, length, &bad))
    return TRUE;
  for (const char *p = data; p < bad; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_ENCODING,
               /* TRANSLATORS: %s is "The file" or "The ties file" */
               _("Line %d: %s is not UTF-8 text (it may be in another encoding, or not text "
                 "at all). Save it as UTF-8 and try again."), line, what);
  return FALSE;
}

static gboolean
looks_like_xml (const char *data,
                gsize       length)
{
  gsize i = length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == '<';
}

CpNetmapModel *
cp_network_import_read_data (const char  *data,
                             gsize        length,
                             const char  *ties,
                             gsize        ties_length,
                             gboolean     graphml,
                             GError     **error)
{
  g_autoptr(CpNetworkBuilder) builder = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (length > CP_NETWORK_IMPORT_MAX_BYTES || ties_length > CP_NETWORK_IMPORT_MAX_BYTES)
    {
      g_set_error_literal (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_TOO_LARGE,
                           _("The file is larger than a network file may be."));
      return NULL;
    }
  if (!check_utf8 (data, length, _("The file"), error) ||
      (ties != NULL && !check_utf8 (ties, ties_length, _("The ties file"), error)))
    return NULL;

  builder = _cp_network_builder_new ();
  if (graphml ? !_cp_network_read_graphml (data, length, builder, error) :
                !_cp_network_read_csv (data, length, ties, ties_length, builder, error))
    return NULL;
  return _cp_network_builder_finish (builder, error);
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  gsize n = strlen (path);
  gsize m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (path + n - m, suffix) == 0;
}

CpNetmapModel *
cp_network_import_read (const char  *path,
                        const char  *ties_path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *ties = NULL;
  gsize length = 0;
  gsize ties_length = 0;
  gboolean graphml;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(data = read_capped (path, &length, error)))
    return NULL;
  if (has_suffix (path, ".graphml") || has_suffix (path, ".xml"))
    graphml = TRUE;
  else if (has_suffix (path, ".csv"))
    graphml = FALSE;
  else
    graphml = looks_like_xml (data, length);
  if (graphml && ties_path != NULL)
    {
      g_set_error_literal (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_FORMAT,
                           _("A GraphML file holds its ties itself: a ties file goes only "
                             "with a CSV members file."));
      return NULL;
    }
  if (ties_path != NULL && !(ties = read_capped (ties_path, &ties_length, error)))
    return NULL;
  return cp_network_import_read_data (data, length, ties, ties_length, graphml, error);
}

gint64
cp_network_import_file (CpStore     *store,
                        gint64       person_id,
                        const char  *path,
                        const char  *ties_path,
                        GError     **error)
{
  g_autoptr(CpNetmapModel) model = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), 0);

  if (!(model = cp_network_import_read (path, ties_path, error)))
    return 0;
  return cp_store_import_snapshot (store, person_id, model, NULL, NULL, error);
}
