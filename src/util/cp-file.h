/* cp-file.h: putting a finished file where the user asked, on any file system
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the file at @tmp_path (it exists, empty, 0600, in the destination's folder); it
 * may replace it by renaming another file over it. FALSE with @error set on failure. */
typedef gboolean (*CpFileWriteFunc) (const char  *tmp_path,
                                     gpointer     user_data,
                                     GError     **error);

/* Publishes a file at @dest_path whole or not at all (Save a Copy, backups, exports):
 *
 *  1. removes stale temporary files of ours from the folder (".cpkit.part-*" that no
 *     living process holds: a crash while writing leaves one, holding people's data);
 *  2. makes a temporary file there (0600) and has @write_func fill it, then syncs it;
 *  3. publishes it under @dest_path: without @replace, with renameat2 (RENAME_NOREPLACE),
 *     so a file that is there (or appears meanwhile) is never replaced; where the file
 *     system has no such flag (EINVAL, ENOSYS, ENOTSUP, EPERM), with link (), and where it
 *     has no hard links either (FAT, exFAT: EPERM), by creating @dest_path exclusively
 *     (O_EXCL) and copying. With @replace (the user already said yes to "Replace?" in
 *     the file chooser), with rename (), which replaces it in one step;
 *  4. syncs the folder (a file system that cannot sync a folder says EINVAL: tolerated).
 *
 * Errors are G_IO_ERROR with a message people can read: EXISTS ("A file with that name
 * is already there.") without @replace, NO_SPACE, PERMISSION_DENIED, READ_ONLY …, or
 * @write_func's own. On failure nothing is left at @dest_path that was not there before,
 * and no temporary file is left behind. */
gboolean   cp_file_publish                (const char       *dest_path,
                                           gboolean          replace,
                                           CpFileWriteFunc   write_func,
                                           gpointer          user_data,
                                           GError          **error);

/* The two halves of cp_file_publish (), for a file written in one place and published
 * later in another (an export written in a worker, published once its disclosure is
 * logged): cp_file_open_temporary () makes the temporary file beside @dest_path (0600,
 * locked as ours, stale ones removed first) and returns its descriptor, -1 with @error
 * set on failure; cp_file_publish_temporary () syncs it and puts it at @dest_path as step
 * 3 above says, then syncs the folder. On failure the temporary file is left for the
 * caller to remove. */
int        cp_file_open_temporary         (const char       *dest_path,
                                           char            **tmp_path,
                                           GError          **error);
gboolean   cp_file_publish_temporary      (const char       *tmp_path,
                                           const char       *dest_path,
                                           gboolean          replace,
                                           GError          **error);

/* Syncs the folder @dir, so that names made or renamed in it last; 0, or the errno
 * (a file system that cannot sync a folder, EINVAL or ENOTSUP, counts as done). */
int        cp_file_sync_folder            (const char       *dir);

/* Removes the stale temporary files of ours in @dir (see above); returns how many. */
guint      cp_file_remove_stale_temporaries (const char     *dir);

/* The byte that a process locks (an open-file-description lock) in a file it is writing
 * or holding: past any data, and clear of the bytes SQLite locks (from 0x40000000 on,
 * 512 of them). */
#define CP_FILE_LOCK_BYTE (G_GINT64_CONSTANT (0x40000000) + 4096)

/* Sets an open-file-description lock of @type (F_RDLCK, F_WRLCK, or F_UNLCK to let go) on
 * CP_FILE_LOCK_BYTE of @fd without waiting; FALSE (errno set) when another description
 * holds a conflicting one. */
gboolean   cp_file_lock_byte              (int               fd,
                                           short             type);
/* The type of lock another description holds there that conflicts with @type, or
 * F_UNLCK. */
short      cp_file_get_byte_lock          (int               fd,
                                           short             type);

/* ---- For tests: the system calls at which a file system can refuse ------------------- */

typedef struct
{
  int (*renameat2) (int          old_dir_fd,
                    const char  *old_path,
                    int          new_dir_fd,
                    const char  *new_path,
                    unsigned int flags);
  int (*link)      (const char  *old_path,
                    const char  *new_path);
  int (*fsync_dir) (int          dir_fd);
} CpFileOps;

/* Replaces the calls (each one may be NULL: the real call); NULL restores them all. */
void       _cp_file_set_ops_for_testing   (const CpFileOps  *ops);

/* @text as a piece of a file name or an id: lower-case ASCII letters and digits, each run
 * of anything else as one '-' (none at the ends); @fallback when nothing is left. */
char      *cp_file_slug                   (const char       *text,
                                           const char       *fallback);

G_END_DECLS
