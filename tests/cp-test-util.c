/* cp-test-util.c: temporary folders, files, waiting on the main loop and processes
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem */
#define _GNU_SOURCE 1

#include "config.h"

#define G_LOG_DOMAIN "cp-test-util"

#include <errno.h>
#include <stdarg.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"

/* ---- Temporary folders and files --------------------------------------------------- */

char *
cp_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cpkit-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

static void
remove_and_free (gpointer path)
{
  cp_test_rm_rf (path);
  g_free (path);
}

const char *
cp_test_tmpdir (void)
{
  char *dir = cp_test_make_tmpdir ();

  g_test_queue_destroy (remove_and_free, dir);
  return dir;
}

void
cp_test_rm_rf (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have taken the write bit away. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          cp_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

guint
cp_test_count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

void
cp_test_write_file (const char *dir,
                    const char *name,
                    const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

char *
cp_test_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

gint64
cp_test_mtime_usec (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
}

guint
cp_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static gboolean
data_has_len (const guint8 *data,
              gsize         len,
              const void   *needle,
              gsize         needle_len)
{
  if (needle_len == 0 || needle_len > len)
    return FALSE;
  return memmem (data, len, needle, needle_len) != NULL;
}

gboolean
cp_test_data_has (const char *data,
                  gsize       len,
                  const char *needle)
{
  return data_has_len ((const guint8 *) data, len, needle, strlen (needle));
}

gboolean
cp_test_bytes_hold (GBytes     *haystack,
                    const char *needle)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (haystack, &len);
  g_autofree gunichar2 *utf16 = NULL;
  glong n16 = 0;

  if (data_has_len (data, len, needle, strlen (needle)))
    return TRUE;

  utf16 = g_utf8_to_utf16 (needle, -1, NULL, &n16, NULL);
  g_assert_nonnull (utf16);
  for (int big = 0; big < 2; big++)
    {
      g_autofree guint8 *enc = g_new (guint8, n16 * 2);

      for (glong i = 0; i < n16; i++)
        {
          enc[2 * i + (big ? 1 : 0)] = utf16[i] & 0xff;
          enc[2 * i + (big ? 0 : 1)] = utf16[i] >> 8;
        }
      if (data_has_len (data, len, enc, n16 * 2))
        return TRUE;
    }
  return FALSE;
}

int
cp_test_compare_doubles (gconstpointer a,
                         gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* ---- Logs ---------------------------------------------------------------------------- */

static GString *captured_logs;
static GLogFunc previous_handler;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append (captured_logs, fields[i].value);
      else
        g_string_append_len (captured_logs, fields[i].value, fields[i].length);
      g_string_append_c (captured_logs, ' ');
    }
  g_string_append_c (captured_logs, '\n');
  /* What stops the test is shown as well. */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, data);
  return G_LOG_WRITER_HANDLED;
}

/* Plain g_log () calls reach the default handler, which GTest replaces with its own. */
static void
capture_handler (const char     *domain,
                 GLogLevelFlags  level,
                 const char     *message,
                 gpointer        data)
{
  g_string_append_printf (captured_logs, "%s %d %s\n", domain ? domain : "", (int) level,
                          message);
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
      && previous_handler != NULL)
    previous_handler (domain, level, message, NULL);
}

GString *
cp_test_capture_logs (void)
{
  GLogFunc handler;

  if (captured_logs == NULL)
    {
      captured_logs = g_string_new (NULL);
      g_log_set_writer_func (capture_writer, NULL, NULL);
    }
  handler = g_log_set_default_handler (capture_handler, NULL);
  if (handler != capture_handler)
    previous_handler = handler;
  return captured_logs;
}

/* ---- The main loop -------------------------------------------------------------------- */

void
cp_test_flush_main_context (void)
{
  for (int i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
cp_test_wait_until_timeout (CpTestCondition condition,
                            gpointer        data,
                            guint           seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  /* A condition that changes on another thread wakes no one: look again now and then. */
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return condition (data);
}

gboolean
cp_test_wait_until (CpTestCondition condition,
                    gpointer        data)
{
  return cp_test_wait_until_timeout (condition, data, CP_TEST_WAIT_S);
}

static gboolean
flag_set (gpointer data)
{
  return *(const gboolean *) data;
}

void
cp_test_wait_for (const gboolean *flag)
{
  g_assert_true (cp_test_wait_until (flag_set, (gpointer) flag));
}

void
cp_test_store_result_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

void
cp_test_wait_result (GAsyncResult **result)
{
  g_assert_true (cp_test_wait_until (result_set, result));
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

void
cp_test_collect_notify (gpointer   object,
                        GPtrArray *names)
{
  g_signal_connect (object, "notify", G_CALLBACK (notified_cb), names);
}

/* ---- Processes ---------------------------------------------------------------------- */

int
cp_test_run_cpkit (const char * const  *args,
                   char               **out,
                   char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *bin = g_getenv ("CPKIT_BIN");

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return cp_test_run ((const char * const *) argv->pdata, NULL, NULL, out, err);
}

void
cp_test_assert_has_all (const char *text,
                        ...)
{
  va_list ap;

  va_start (ap, text);
  for (const char *needle = va_arg (ap, const char *); needle != NULL;
       needle = va_arg (ap, const char *))
    if (strstr (text, needle) == NULL)
      g_error ("missing \"%s\" in:\n%s", needle, text);
  va_end (ap);
}

int
cp_test_run (const char * const  *argv,
             const char          *cwd,
             char               **envp,
             char               **out,
             char               **err)
{
  g_autoptr(GError) error = NULL;
  GSpawnFlags flags = G_SPAWN_SEARCH_PATH;
  int status = 0;

  /* Never the test's own standard output: it carries TAP. */
  if (out == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  g_spawn_sync (cwd, (char **) argv, envp, flags, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

GPid
cp_test_spawn_helper (const char * const   *argv,
                      GSpawnChildSetupFunc  setup,
                      gpointer              setup_data,
                      int                  *stdin_fd,
                      int                  *stdout_fd)
{
  const char *helper = g_getenv ("CPKIT_CRASH_HELPER");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_nonnull (helper);
  g_ptr_array_add (args, (char *) helper);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  /* g_spawn, not a bare fork: the test process may have GLib threads by now. */
  g_spawn_async_with_pipes (NULL, (char **) args->pdata, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD |
                              (stdin_fd == NULL ? G_SPAWN_STDIN_FROM_DEV_NULL : 0) |
                              (stdout_fd == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0),
                            setup, setup_data, &pid, stdin_fd, stdout_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

int
cp_test_wait_child (GPid  pid,
                    guint timeout_sec)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_sec * G_USEC_PER_SEC;
  int status = 0;

  for (;;)
    {
      pid_t got = waitpid (pid, &status, WNOHANG);

      if (got == pid)
        break;
      g_assert_cmpint (got, ==, 0);
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          g_error ("helper %d did not end within %u s", (int) pid, timeout_sec);
        }
      /* Nothing to wake us: block briefly in poll on no descriptors. */
      poll (NULL, 0, 5);
    }
  g_spawn_close_pid (pid);
  return status;
}

void
cp_test_lines_init (CpTestLines *lines,
                    int          fd)
{
  lines->fd = fd;
  lines->buf = g_string_new (NULL);
  lines->eof = FALSE;
}

void
cp_test_lines_clear (CpTestLines *lines)
{
  if (lines->fd >= 0)
    close (lines->fd);
  lines->fd = -1;
  if (lines->buf != NULL)
    g_string_free (lines->buf, TRUE);
  lines->buf = NULL;
}

char *
cp_test_lines_next (CpTestLines *lines,
                    gint64       deadline_usec)
{
  for (;;)
    {
      char *nl = memchr (lines->buf->str, '\n', lines->buf->len);
      struct pollfd pfd = { lines->fd, POLLIN, 0 };
      gint64 left;
      char chunk[4096];
      gssize n;

      if (nl != NULL)
        {
          char *line = g_strndup (lines->buf->str, nl - lines->buf->str);

          g_string_erase (lines->buf, 0, nl - lines->buf->str + 1);
          return line;
        }

      if (lines->eof)
        return NULL;

      left = (deadline_usec - g_get_monotonic_time ()) / 1000;
      if (left <= 0)
        return NULL;

      if (poll (&pfd, 1, (int) MIN (left, 1000)) <= 0)
        continue;

      n = read (lines->fd, chunk, sizeof chunk);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n <= 0)
        lines->eof = TRUE;
      else
        g_string_append_len (lines->buf, chunk, n);
    }
}
