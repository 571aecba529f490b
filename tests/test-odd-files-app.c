/* test-odd-files-app.c: odd files given to the app (a FIFO, a folder, a device, an empty
 * or a huge file) get a clear message in the viewer, and `cpkit some.fifo` still quits
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-odd-files-app"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cp-test-ui.h"
#include "pdf/cp-pdf-viewer.h"
#include "store/cp-store.h"

typedef struct
{
  GtkWidget  *root;
  const char *title;
} Shown;

static gboolean
status_shown (gpointer data)
{
  Shown *s = data;

  return cp_test_find_widget (s->root, ADW_TYPE_STATUS_PAGE, s->title) != NULL;
}

static void
test_viewer_messages (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "notes.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.pdf", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.pdf", NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CpPdfViewer *viewer = cp_pdf_viewer_new (NULL);
  const char *dir_shots = g_getenv ("CPKIT_SCREENSHOT_DIR");
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  fd = g_open (huge, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (ftruncate (fd, CP_PDF_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, GTK_WIDGET (viewer));
  gtk_window_present (window);
  {
    const struct { const char *path; const char *title; } cases[] = {
      { fifo, "Not a Document File" },
      { "/dev/zero", "Not a Document File" },
      { folder, "This Is a Folder" },
      { empty, "The File Is Empty" },
      { huge, "The File Is Too Large" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
        Shown s = { GTK_WIDGET (window), cases[i].title };

        cp_pdf_viewer_open_file (viewer, file, NULL, NULL);
        g_assert_true (cp_test_wait_until (status_shown, &s));
        if (i == 0 && dir_shots != NULL)
          {
            g_autofree char *shot = g_build_filename (dir_shots, "odd-file-fifo.png", NULL);

            gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
            cp_test_save_screenshot (GTK_WIDGET (window), shot);
          }
      }
  }

  gtk_window_destroy (window);
  cp_test_flush_main_context ();
  cp_test_rm_rf (dir);
}

typedef struct
{
  GPid     pid;
  gboolean exited;
  int      status;
} Child;

static void
child_exited_cb (GPid     pid,
                 int      status,
                 gpointer data)
{
  Child *child = data;

  child->exited = TRUE;
  child->status = status;
}

static gboolean
child_gone (gpointer data)
{
  return ((Child *) data)->exited;
}

static gboolean
holds_lock (gpointer data)
{
  const char *path = data;
  g_autofree char *host = NULL;
  int pid = 0;

  return cp_store_get_lock_holder (path, &pid, &host);
}

/* cp_test_wait_until () for up to a minute: an app built with the sanitizers starts
 * slowly on a busy machine. */
static gboolean
wait_long (gboolean (*condition) (gpointer data),
           gpointer   data)
{
  for (guint i = 0; i < 12; i++)
    if (cp_test_wait_until (condition, data))
      return TRUE;
  return FALSE;
}

static void
stop_child (Child *child)
{
  if (!child->exited)
    {
      kill (child->pid, SIGKILL);
      wait_long (child_gone, child);
    }
}

/* The reviewer's reproduction: a FIFO on the command line used to block the one PDF
 * worker for ever, and quitting then hung. Now the window opens, says what it is, and
 * Quit ends the process. */
static void
test_fifo_then_quit (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "team.cpkit", NULL);
  g_autofree char *fifo = g_build_filename (dir, "notes.pdf", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", dir, TRUE);
  const char *argv[] = { g_getenv ("CPKIT_BIN"), "--workspace", workspace, fifo, NULL };
  const char *quit[] = { "gdbus", "call", "--session", "--dest", APP_ID, "--object-path",
                         "/io/github/cpkit/ConnectingPeople", "--method",
                         "org.gtk.Actions.Activate", "quit", "[]", "{}", NULL };
  g_autoptr(GError) error = NULL;
  Child child = { 0 };
  int status = 0;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs a session bus (run under dbus-run-session)");
      return;
    }

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* Its output goes nowhere: a child left behind must not hold the test's pipes. */
  g_assert_true (g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD
                                | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &child.pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (child.pid, child_exited_cb, &child);
  if (!wait_long (holds_lock, workspace))
    {
      stop_child (&child);
      g_error ("cpkit did not open the workspace");
    }
  /* Time for the viewer to try the FIFO. */
  g_usleep (500 * 1000);

  g_assert_true (g_spawn_sync (NULL, (char **) quit, NULL, G_SPAWN_SEARCH_PATH
                               | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  if (!wait_long (child_gone, &child))
    {
      stop_child (&child);
      g_error ("cpkit did not quit: something still waits on the FIFO");
    }
  g_assert_true (WIFEXITED (child.status));
  g_assert_cmpint (WEXITSTATUS (child.status), ==, 0);
  g_spawn_close_pid (child.pid);
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cp_test_ui_init (&argc, &argv);

  g_test_add_func ("/cp/app/odd-files/viewer-messages", test_viewer_messages);
  g_test_add_func ("/cp/app/odd-files/fifo-then-quit", test_fifo_then_quit);

  status = g_test_run ();
  cp_pdf_document_shutdown ();
  return status;
}
