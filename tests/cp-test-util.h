/* cp-test-util.h: helpers shared by every test program (core: no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <poppler.h>

#include "pdf/cp-pdf-document.h"
#include "store/cp-db.h"
#include "store/cp-store-private.h"

G_BEGIN_DECLS

/* ---- Temporary folders and files (cp-test-util.c) ---------------------------------- */

/* A fresh temporary folder; the caller removes it with cp_test_rm_rf (). */
char        *cp_test_make_tmpdir          (void);
/* A fresh temporary folder for the running test function, removed with all in it when
 * the function has returned. GLib removes it before a fixture's teardown runs: a fixture
 * uses cp_test_make_tmpdir () and removes its folder itself. */
const char  *cp_test_tmpdir               (void);
/* Removes @path and, for a folder, everything below it (giving folders back the write
 * bit a test may have taken away). A missing @path is fine. */
void         cp_test_rm_rf                (const char         *path);
/* The number of entries in @dir. */
guint        cp_test_count_files          (const char         *dir);
/* Writes @text to @dir/@name and asserts that it worked. */
void         cp_test_write_file           (const char         *dir,
                                           const char         *name,
                                           const char         *text);
char        *cp_test_sha256               (const char         *path);
gint64       cp_test_mtime_usec           (const char         *path);
/* The permission bits of @path (st_mode & 0777). */
guint        cp_test_file_mode            (const char         *path);
/* TRUE when @len bytes at @data hold @needle's bytes. */
gboolean     cp_test_data_has             (const char         *data,
                                           gsize               len,
                                           const char         *needle);
/* TRUE when @haystack's bytes hold @needle as UTF-8 or as UTF-16 (LE or BE). */
gboolean     cp_test_bytes_hold           (GBytes             *haystack,
                                           const char         *needle);

/* Orders doubles, smallest first: a GCompareFunc for g_array_sort () and qsort () (the
 * benchmarks' medians). */
int          cp_test_compare_doubles      (gconstpointer       a,
                                           gconstpointer       b);

/* ---- Logs (cp-test-util.c) -------------------------------------------------------- */

/* From now on, every message the process logs (structured or plain, any domain and
 * level) is kept as text in the string returned, one line each; only warnings and worse
 * are still printed, and fatal levels stay fatal. Debug messages come only with
 * G_MESSAGES_DEBUG=all set before anything logs. Call it after g_test_init () (which
 * installs a handler of its own). */
GString     *cp_test_capture_logs         (void);

/* ---- The main loop (cp-test-util.c) ------------------------------------------------- */

/* How long a wait lasts before the test fails, in seconds: long enough for a loaded
 * machine under the sanitizers; the long one for work over every page of a manual. */
#define CP_TEST_WAIT_S      60
#define CP_TEST_WAIT_LONG_S 180

typedef gboolean (*CpTestCondition) (gpointer data);

/* Iterates the default main context for pending work (no sleeping). */
void         cp_test_flush_main_context   (void);
/* Iterates the default main context until @condition (@data) holds or @seconds pass,
 * checking at least every 20 ms; returns what @condition says at the end. */
gboolean     cp_test_wait_until_timeout   (CpTestCondition     condition,
                                           gpointer            data,
                                           guint               seconds);
/* The same for CP_TEST_WAIT_S seconds. */
gboolean     cp_test_wait_until           (CpTestCondition     condition,
                                           gpointer            data);
/* Waits until *@flag is TRUE; fails the test after CP_TEST_WAIT_S. */
void         cp_test_wait_for             (const gboolean     *flag);
/* A GAsyncReadyCallback that stores a reference to the result in *(GAsyncResult **) data;
 * cp_test_wait_result () waits until it came. */
void         cp_test_store_result_cb      (GObject            *source,
                                           GAsyncResult       *result,
                                           gpointer            data);
void         cp_test_wait_result          (GAsyncResult      **result);
/* Adds the name of every property @object notifies to @names (of strings, freed by it). */
void         cp_test_collect_notify       (gpointer            object,
                                           GPtrArray          *names);

/* ---- Processes (cp-test-util.c) ------------------------------------------------------ */

/* Runs @argv (looked up in PATH) in @cwd (NULL: here) with @envp (NULL: ours) and
 * returns its exit status, or -1 when it did not exit normally. Its standard output goes
 * to *@out and its standard error to *@err (free them); where either is NULL, the output
 * goes to /dev/null and the error output to ours. */
int          cp_test_run                  (const char * const  *argv,
                                           const char          *cwd,
                                           char               **envp,
                                           char               **out,
                                           char               **err);

/* Runs the app's executable (env CPKIT_BIN) with @args (NULL-terminated, without the
 * program) as cp_test_run () does. */
int          cp_test_run_cpkit            (const char * const  *args,
                                           char               **out,
                                           char               **err);

/* Fails the test, naming the words and quoting @text, unless @text holds each of the
 * NULL-terminated strings that follow. */
void         cp_test_assert_has_all       (const char          *text,
                                           ...) G_GNUC_NULL_TERMINATED;

/* The store's helper process (tests/cp-crash-helper.c, env CPKIT_CRASH_HELPER). @argv
 * holds its arguments after the program. @setup runs in the child before exec (may be
 * NULL). Pipes: the child's stdin (write end) and stdout (read end); /dev/null for either
 * when its pointer is NULL. */
GPid         cp_test_spawn_helper         (const char * const   *argv,
                                           GSpawnChildSetupFunc  setup,
                                           gpointer              setup_data,
                                           int                  *stdin_fd,
                                           int                  *stdout_fd);
/* Waits for the child to end (polling against a deadline of @timeout_sec, then killing
 * it and failing) and returns its wait status. */
int          cp_test_wait_child           (GPid                  pid,
                                           guint                 timeout_sec);

/* Reads lines from a pipe, polling against a deadline. */
typedef struct
{
  int      fd;
  GString *buf;
  gboolean eof;
} CpTestLines;

void         cp_test_lines_init           (CpTestLines          *lines,
                                           int                   fd);
void         cp_test_lines_clear          (CpTestLines          *lines);
/* The next line without its newline, or NULL at EOF or when @deadline_usec (monotonic)
 * passes. Free it. */
char        *cp_test_lines_next           (CpTestLines          *lines,
                                           gint64                deadline_usec);

/* ---- Workspaces (cp-test-util-store.c) ---------------------------------------------- */

/* A fresh workspace in a temporary folder of its own, with a store open on it. */
typedef struct
{
  char    *dir;
  char    *path;
  CpStore *store;
} CpTestWorkspace;

/* Makes a temporary folder and opens the new workspace @file_name in it with
 * CP_STORE_OPEN_NO_BACKUP. */
void         cp_test_workspace_init       (CpTestWorkspace      *ws,
                                           const char           *file_name);
/* Closes the store and removes the folder with everything in it. */
void         cp_test_workspace_clear      (CpTestWorkspace      *ws);
/* Closes the store and opens the file again, as the next start of the app does. */
void         cp_test_workspace_reopen     (CpTestWorkspace      *ws);
/* The same as GTest fixture functions: @data names the file (NULL: "workspace.cpkit"). */
void         cp_test_workspace_set_up     (CpTestWorkspace      *ws,
                                           gconstpointer         data);
/* The same with the practice workspace and its fictional people ("practice.cpkit"). */
void         cp_test_workspace_set_up_practice (CpTestWorkspace *ws,
                                                gconstpointer    data);
void         cp_test_workspace_tear_down  (CpTestWorkspace      *ws,
                                           gconstpointer         data);

/* Makes the workspace @dir/@file_name with a person for each of @names (NULL-terminated)
 * and closes it again; returns its path. */
char        *cp_test_make_workspace       (const char           *dir,
                                           const char           *file_name,
                                           const char * const   *names);
/* Adds a person through the store and asserts that it worked; returns the id. */
gint64       cp_test_add_person           (CpStore              *store,
                                           const char           *name);
/* The person called @name, a new reference; fails the test when there is none. */
CpPerson    *cp_test_dup_person           (CpStore              *store,
                                           const char           *name);
/* The id of the person called @name; fails the test when there is none. */
gint64       cp_test_person_id            (CpStore              *store,
                                           const char           *name);
/* Starts the helper process holding @path open for writing, as another window of the
 * app would, and waits until it has it; *@release_fd lets it go. */
GPid         cp_test_hold_in_other_process (const char         *path,
                                            int                *release_fd);
/* Lets it go (closes *@release_fd) and waits for it to end cleanly. */
void         cp_test_release_other_process (GPid                pid,
                                            int                 release_fd);
/* Whether any of PATH, PATH-wal, PATH-shm, PATH-journal holds @needle (as
 * cp_test_bytes_hold () reads it); names the file in *@out_which. */
gboolean     cp_test_workspace_files_hold (const char           *path,
                                           const char           *needle,
                                           char                **out_which);

/* A bare connection (no store) on @path, created when missing. */
sqlite3     *cp_test_db_open_raw          (const char           *path);
/* A bare connection on a new workspace at @path brought up to the schema version just
 * before the migration whose file name starts with @migration ("0008"): a test fills it
 * with old rows, closes it and opens it with the store to migrate them. *@out_version
 * (may be NULL) is the version the store will migrate it to. */
sqlite3     *cp_test_db_open_before       (const char           *path,
                                           const char           *migration,
                                           guint                *out_version);
/* Runs @sql and fails the test when it fails. */
void         cp_test_db_exec              (sqlite3              *db,
                                           const char           *sql);
/* Runs @sql as one store edit (_cp_store_edit: one undo step named @label) and fails
 * the test when it fails. */
void         cp_test_edit                 (CpStore              *store,
                                           const char           *label,
                                           const char           *sql);
/* The first column of the first row of @sql. */
int          cp_test_db_int               (sqlite3              *db,
                                           const char           *sql);
/* Scribbles over the root page of @table in the closed SQLite file @path: the header
 * still says SQLite, but the file is corrupt. */
void         cp_test_db_scribble          (const char           *path,
                                           const char           *table);
/* Every table, ordered by name, every row ordered by rowid, as text. */
char        *cp_test_db_dump              (sqlite3              *db);
/* sqlite_master's CREATE statements, comments dropped, whitespace collapsed, sorted. */
char        *cp_test_db_schema            (sqlite3              *db);

/* ---- PDF files (cp-test-util-pdf.c) ------------------------------------------------- */

/* Fixtures drawn with cairo and Pango at run time into a temporary folder.
 *
 * sample.pdf (4 A4 pages, 595.276 × 841.89 pt):
 *   page 1 "Introduction" (dest 'intro'): "alpha zebrafish"; an internal link
 *          to dest 'chapter3' at SAMPLE_LINK_*, an external link to
 *          SAMPLE_URI at SAMPLE_URI_*; a black block at SAMPLE_BLOCK_*
 *   page 2 "Chapter 2" (dest 'chapter2'): "bravo zebrafish"
 *   page 3 "Chapter 3" (dest 'chapter3'): "charlie zebrafish zebrafish"
 *   page 4 "Appendix": "delta walrus"; page labels i, ii, iii, A-1
 *   outline: Introduction → intro; Chapter 2 → chapter2 (child "Chapter 3"
 *   → chapter3); Appendix → page 4.
 *   Every heading is drawn at y = 72 pt, text lines at y = 140 pt. */

#define SAMPLE_WIDTH  595.276
#define SAMPLE_HEIGHT 841.890
#define SAMPLE_URI    "https://example.org/cpkit"
/* x, y, width, height in points, top-left origin */
#define SAMPLE_LINK_X  72.0
#define SAMPLE_LINK_Y  300.0
#define SAMPLE_LINK_W  300.0
#define SAMPLE_LINK_H  30.0
#define SAMPLE_URI_X   72.0
#define SAMPLE_URI_Y   360.0
#define SAMPLE_URI_W   300.0
#define SAMPLE_URI_H   30.0
#define SAMPLE_BLOCK_X 72.0
#define SAMPLE_BLOCK_Y 500.0
#define SAMPLE_BLOCK_W 200.0
#define SAMPLE_BLOCK_H 100.0

#define MANY_PAGES    150
#define HUGE_SIDE     5000.0

typedef struct
{
  char *dir;
  char *sample;     /* described above */
  char *many;       /* MANY_PAGES pages, "Page N"; "needle" on pages 10, 20, … (1-based) */
  char *huge;       /* one 5000 × 5000 pt page, a black block in the middle */
  char *damaged;    /* sample.pdf cut in half */
  char *empty;      /* 0 bytes */
  char *not_pdf;    /* a text file */
  char *encrypted;  /* sample.pdf encrypted by qpdf, user password "user"; NULL without qpdf */
} CpTestPdfFixtures;

CpTestPdfFixtures *cp_test_pdf_fixtures_new  (void);
void               cp_test_pdf_fixtures_free (CpTestPdfFixtures  *fixtures);
void               cp_test_pdf_write_many    (const char         *path,
                                              guint               n_pages);
/* Runs the registered tests, then frees @fixtures and stops the PDF worker; returns
 * g_test_run ()'s status. */
int                cp_test_pdf_run           (CpTestPdfFixtures  *fixtures);

/* Opens @path through the document layer and waits for it. */
CpPdfDocument     *cp_test_pdf_open          (const char         *path,
                                              const char         *password,
                                              GError            **error);
/* The same, failing the test on any error. */
CpPdfDocument     *cp_test_pdf_open_ok       (const char         *path);

/* Reading a PDF as a reader would, with poppler directly (a test checks what a file
 * holds, not how the app reads it). */
PopplerDocument   *cp_test_poppler_open      (const char         *path);
/* Every page's text, each page followed by a newline. */
char              *cp_test_poppler_text      (PopplerDocument    *doc);
/* The page number (from 1) of the named destination @name, or 0. */
int                cp_test_poppler_dest_page (PopplerDocument    *doc,
                                              const char         *name);
/* Renders page @index (from 0) at @scale onto white in an ARGB32 surface, as the
 * document layer does, and drops it: the floor the PDF benchmarks measure against. */
void               cp_test_poppler_render_page (PopplerDocument  *doc,
                                                int               index,
                                                double            scale);
/* Whether page @page_num (from 1) shows @text. */
gboolean           cp_test_poppler_has_text  (PopplerDocument    *doc,
                                              int                 page_num,
                                              const char         *text);

typedef void (*CpTestLinkVisit) (PopplerDocument    *doc,
                                 int                 page_num,
                                 PopplerLinkMapping *link,
                                 gpointer            data);
/* Calls @visit on every link area of every page (@page_num from 1). */
void               cp_test_poppler_walk_links (PopplerDocument *doc,
                                               CpTestLinkVisit  visit,
                                               gpointer         data);

typedef void (*CpTestStructureVisit) (PopplerStructureElement *element,
                                      gpointer                 data);
/* Calls @visit on every element of @doc's structure tree (its tags), depth first, in
 * reading order, as a screen reader meets them. */
void               cp_test_poppler_walk_structure (PopplerDocument      *doc,
                                                   CpTestStructureVisit  visit,
                                                   gpointer              data);

G_END_DECLS
