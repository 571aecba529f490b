/* cp-application.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CP_TYPE_APPLICATION (cp_application_get_type ())
G_DECLARE_FINAL_TYPE (CpApplication, cp_application, CP, APPLICATION, AdwApplication)

/* The exit status of a launch that cannot start because the app's GSettings schema is
 * not installed (it says so on stderr). --version, --help and the headless commands
 * (cpkit check) work without it. */
#define CP_APPLICATION_EXIT_NO_SCHEMA 1

CpApplication *cp_application_new             (void);
GSettings     *cp_application_get_settings    (CpApplication *self);

/* Opens @path in a window of its own (or presents the window that has it open).
 * @practice marks the fictional practice workspace. Errors are shown in a dialog. */
void           cp_application_open_workspace  (CpApplication *self,
                                               const char    *path,
                                               gboolean       practice);
/* Opens the practice workspace, creating it from the shipped data when missing. */
void           cp_application_open_practice   (CpApplication *self);
/* Deletes the practice workspace and makes it afresh, in the window @old had. */
void           cp_application_reset_practice  (CpApplication *self,
                                               GtkWindow     *old);

G_END_DECLS
