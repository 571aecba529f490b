/* cp-test-ui.h: helpers shared by the widget tests
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Sets up GLib with per-test XDG folders, then GTK and libadwaita. */
void        cp_test_ui_init            (int          *argc,
                                        char       ***argv);
/* Iterates the main context until @condition (@data) holds or 5 s pass. */
gboolean    cp_test_wait_until         (gboolean    (*condition) (gpointer data),
                                        gpointer      data);
/* Iterates the main context for pending work (no sleeping). */
void        cp_test_flush_main_context (void);
/* The first descendant (depth first) of @root of @type whose label/text/title is @text
 * (any text when NULL) and that is drawable (mapped), or NULL. */
GtkWidget  *cp_test_find_widget        (GtkWidget    *root,
                                        GType         type,
                                        const char   *text);
/* The first descendant of @root whose widget name (gtk_widget_set_name) is @name. */
GtkWidget  *cp_test_find_named         (GtkWidget    *root,
                                        const char   *name);
/* Renders @widget as the user sees it. */
GdkTexture *cp_test_render_widget      (GtkWidget    *widget);
/* Renders @widget and saves it as PNG at @path (a screenshot to look at). */
void        cp_test_save_screenshot    (GtkWidget    *widget,
                                        const char   *path);
/* Types @text into @editable one character at a time at the cursor, as a keyboard would. */
void        cp_test_type_text          (GtkEditable  *editable,
                                        const char   *text);
/* A fresh temporary folder for this test (removed by cp_test_rm_rf). */
char       *cp_test_make_tmpdir        (void);
void        cp_test_rm_rf              (const char   *path);

G_END_DECLS
