/* cp-preferences-window.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CP_TYPE_PREFERENCES_WINDOW (cp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CpPreferencesWindow, cp_preferences_window, CP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* @workspace_path (may be NULL) is the workspace whose disk is checked for encryption. */
CpPreferencesWindow *cp_preferences_window_new (GSettings  *settings,
                                                const char *workspace_path);

G_END_DECLS
