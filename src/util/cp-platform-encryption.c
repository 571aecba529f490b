/* cp-platform-encryption.c: is the workspace on an encrypted volume?
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-platform"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <glib/gstdio.h>

#include "cp-platform.h"

/* The file system's block device is found from st_dev. Under /sys/dev/block/M:m a
 * device-mapper device has dm/uuid; dm-crypt targets have uuids that begin "CRYPT-"
 * ("CRYPT-LUKS2-…", "CRYPT-PLAIN-…"). LVM on LUKS, LUKS on RAID and the like are found
 * by walking slaves/ down to the disks. */

#define MAX_DEPTH 16

static gboolean
is_crypt_device (const char *sys_dir)
{
  g_autofree char *uuid_path = g_build_filename (sys_dir, "dm", "uuid", NULL);
  g_autofree char *uuid = NULL;

  if (!g_file_get_contents (uuid_path, &uuid, NULL, NULL))
    return FALSE;

  return g_str_has_prefix (uuid, "CRYPT-");
}

static gboolean
walk (const char *sys_dir,
      guint       depth)
{
  g_autofree char *slaves_path = NULL;
  g_autoptr(GDir) slaves = NULL;
  const char *name;

  if (depth > MAX_DEPTH)
    return FALSE;

  if (is_crypt_device (sys_dir))
    return TRUE;

  slaves_path = g_build_filename (sys_dir, "slaves", NULL);
  if (!(slaves = g_dir_open (slaves_path, 0, NULL)))
    return FALSE;

  while ((name = g_dir_read_name (slaves)) != NULL)
    {
      g_autofree char *child = g_build_filename (slaves_path, name, NULL);

      if (walk (child, depth + 1))
        return TRUE;
    }

  return FALSE;
}

gboolean
cp_platform_path_is_encrypted (const char *path,
                            gboolean   *known)
{
  g_autofree char *sys_dir = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;
  gboolean dummy;

  if (known == NULL)
    known = &dummy;
  *known = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  /* The workspace may not exist yet: its folder (or the folder's folder) decides. */
  dir = g_strdup (path);
  while (g_stat (dir, &st) != 0)
    {
      char *parent = g_path_get_dirname (dir);

      if (g_strcmp0 (parent, dir) == 0)
        {
          g_free (parent);
          return FALSE;
        }
      g_free (dir);
      dir = parent;
    }

  /* Major 0: no block device (tmpfs, overlay, NFS, FUSE, btrfs subvolumes …). */
  if (major (st.st_dev) == 0)
    return FALSE;

  sys_dir = g_strdup_printf ("/sys/dev/block/%u:%u", major (st.st_dev), minor (st.st_dev));
  if (!g_file_test (sys_dir, G_FILE_TEST_IS_DIR))
    return FALSE;

  *known = TRUE;

  return walk (sys_dir, 0);
}
