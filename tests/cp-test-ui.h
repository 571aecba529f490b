/* cp-test-ui.h: helpers shared by the widget tests, on top of cp-test-util.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "app/cp-window.h"
#include "cp-test-util.h"
#include "library/cp-library-page.h"
#include "pdf/cp-pdf-view.h"
#include "pdf/cp-pdf-viewer.h"

G_BEGIN_DECLS

/* ---- Start-up and widgets (cp-test-ui.c) --------------------------------------------- */

/* Gives the process a private HOME in a temporary folder, with XDG_DATA_HOME,
 * XDG_CONFIG_HOME, XDG_CACHE_HOME and XDG_STATE_HOME below it (removed at exit), then
 * sets up GLib's test framework, GTK and libadwaita, with animations off. Whatever the
 * caller put in the environment before (GSETTINGS_BACKEND …) is in place when GTK starts. */
void        cp_test_ui_init              (int          *argc,
                                          char       ***argv);
/* The private HOME cp_test_ui_init () made. */
const char *cp_test_ui_get_home          (void);

/* The first descendant (depth first) of @root of @type whose label/text/title is @text
 * (any text when NULL) and that is drawable (mapped), or NULL. */
GtkWidget  *cp_test_find_widget          (GtkWidget    *root,
                                          GType         type,
                                          const char   *text);
/* Waits until such a widget is there (@present) or is gone (!@present). */
gboolean    cp_test_wait_for_widget      (GtkWidget    *root,
                                          GType         type,
                                          const char   *text,
                                          gboolean      present);
/* The first descendant of @root whose widget name (gtk_widget_set_name) is @name. */
GtkWidget  *cp_test_find_named           (GtkWidget    *root,
                                          const char   *name);
/* The rows of a GtkListBox. */
guint       cp_test_count_rows           (GtkWidget    *list);
/* Waits until @list has @n rows. */
void        cp_test_wait_for_rows        (GtkWidget    *list,
                                          guint         n);
/* Types @text into @editable one character at a time at the cursor, as a keyboard would. */
void        cp_test_type_text            (GtkEditable  *editable,
                                          const char   *text);

/* Registers @app as an instance of its own (not handing its work to a running one). */
void        cp_test_register_app         (GApplication *app);
/* Presents @window and waits until it is drawn and has the keyboard focus (is active),
 * as a desktop gives a new window; under Xvfb, with no window manager, the focus can
 * come a while after the first frame on a loaded machine. */
void        cp_test_present              (GtkWindow    *window);
/* The first visible toplevel window of @type, or NULL. */
GtkWindow  *cp_test_find_window          (GType         type);
/* Waits for it; fails the test when it does not come. */
GtkWindow  *cp_test_wait_for_window      (GType         type);
/* The visible message dialog with @heading (any when NULL), or NULL. */
AdwMessageDialog *cp_test_find_dialog    (const char   *heading);
/* Waits for it; fails the test when it does not come. */
AdwMessageDialog *cp_test_wait_for_dialog (const char  *heading);
/* As a click on a response button does: respond, then close. */
void        cp_test_respond              (AdwMessageDialog *dialog,
                                          const char       *response);

/* Presses @accel (e.g. "<Control>2") on @widget, as its own shortcuts would take it;
 * FALSE when @widget has no shortcut for it. */
gboolean    cp_test_press_shortcut       (GtkWidget    *widget,
                                          const char   *accel);

/* The main window on a fresh workspace. */
typedef struct
{
  CpTestWorkspace  ws;
  CpWindow        *window;
} CpTestWindow;

/* Shows the main window on the fixture's workspace (the practice one when @practice),
 * 1000 × 700, and waits until it is drawn and active (cp_test_present). */
void        cp_test_window_present       (CpTestWindow *f,
                                          gboolean      practice);
/* GTest teardown: closes every window, then clears the workspace. */
void        cp_test_window_tear_down     (CpTestWindow *f,
                                          gconstpointer data);

/* ---- What the user sees (cp-test-ui.c) -------------------------------------------------- */

/* Renders @widget as the user sees it. With CPKIT_SCREENSHOT_DIR set, a copy is saved
 * there too, named after the test's path. */
GdkTexture *cp_test_render_widget        (GtkWidget    *widget);
/* Lets the next frames be drawn, then saves @widget as the PNG @name in
 * CPKIT_SCREENSHOT_DIR, or else in the build folder of the tests (a screenshot to look at). */
void        cp_test_save_screenshot      (GtkWidget    *widget,
                                          const char   *name);

/* Appends to @missing each control under @root that has no accessible name or no tooltip
 * (GTK_A11Y=test keeps the accessible properties to read), counting them in *@n. The
 * inner parts of a control (a drop-down's button, an entry's text) are the control's. */
void        cp_test_check_controls       (GtkWidget    *root,
                                          GString      *missing,
                                          guint        *n);

/* A texture's pixels, B, G, R, A bytes (cairo's ARGB32 on little-endian). */
typedef struct
{
  int     width;
  int     height;
  guchar *data;
} CpTestPixels;

void        cp_test_pixels_init          (CpTestPixels *pixels,
                                          GdkTexture   *texture);
void        cp_test_pixels_clear         (CpTestPixels *pixels);
/* The mean of one channel (B 0, G 1, R 2) over a box in pixels; the box must hold some. */
double      cp_test_pixels_mean          (CpTestPixels *pixels,
                                          double        x,
                                          double        y,
                                          double        width,
                                          double        height,
                                          int           channel);
/* The mean of the three colour channels over a box: 0 black … 255 white. */
double      cp_test_pixels_gray          (CpTestPixels *pixels,
                                          double        x,
                                          double        y,
                                          double        width,
                                          double        height);
/* How many of @widget's pixels are dark (text, a black block), as the user sees it. */
guint       cp_test_count_dark_pixels    (GtkWidget    *widget);
/* How many are light (white text, a light ring), as on the accent colour. */
guint       cp_test_count_light_pixels   (GtkWidget    *widget);
/* How many are in the accent colour (a focus ring on a page). */
guint       cp_test_count_accent_pixels  (GtkWidget    *widget);

/* ---- PDF views, the viewer and the Library (cp-test-ui-pdf.c) --------------------------- */

/* TRUE when @view (a CpPdfView) is mapped, laid out and has no render in flight. */
gboolean    cp_test_pdf_view_settled      (gpointer      view);
/* Lets a frame be drawn, then iterates until @view has had nothing in flight for a few
 * turns of the main loop. */
void        cp_test_pdf_view_wait_settled (CpPdfView    *view);
/* Waits until @view shows page @page (from 0) and has settled. */
void        cp_test_pdf_view_wait_for_page (CpPdfView   *view,
                                           guint         page);
void        cp_test_pdf_viewer_wait_loaded (CpPdfViewer *viewer);
/* Waits until a find over the whole document has finished (long: every page). */
void        cp_test_pdf_viewer_wait_find_done (CpPdfViewer *viewer);

/* A 600 × 700 window with a scrolled CpPdfView showing a document. */
typedef struct
{
  GtkWidget     *window;
  CpPdfView     *view;
  CpPdfDocument *document;
} CpTestPdfView;

/* GTest fixture functions: @data is the path of the PDF to show. */
void        cp_test_pdf_view_set_up       (CpTestPdfView *f,
                                           gconstpointer  data);
void        cp_test_pdf_view_tear_down    (CpTestPdfView *f,
                                           gconstpointer  data);

/* The Library section in a window of its own, on a fresh workspace. */
typedef struct
{
  CpTestWorkspace  ws;
  GtkWindow       *window;
  CpLibraryPage   *page;
} CpTestLibrary;

/* GTest fixture functions: the page in a 1000 px wide window. */
void        cp_test_library_set_up        (CpTestLibrary *f,
                                           gconstpointer  data);
void        cp_test_library_tear_down     (CpTestLibrary *f,
                                           gconstpointer  data);
/* Shows the page afresh in a window @width wide; hides (destroys) it. */
void        cp_test_library_show          (CpTestLibrary *f,
                                           int            width);
void        cp_test_library_hide          (CpTestLibrary *f);
/* Opens the training manual (at @dest, or where the reader left it when NULL) and waits
 * until its visible pages are drawn. */
CpPdfViewer *cp_test_library_open_training (CpTestLibrary *f,
                                            const char    *dest);
/* TRUE when every manual's row shows its cover (@page: a CpLibraryPage). */
gboolean    cp_test_library_covers_rendered (gpointer     page);

G_END_DECLS
