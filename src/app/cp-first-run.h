/* cp-first-run.h: asking what a new workspace is for
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-window.h"

G_BEGIN_DECLS

/* When @window's workspace has not been told what it is for, asks: practice with
 * fictional people, or a real caseload on a device the organisation approved. A real
 * caseload on a disk that is not known to be encrypted then gets a warning that says
 * what to ask the IT team. Does nothing for practice or read-only workspaces. */
void cp_first_run_ask           (CpWindow *window);
/* Asks as cp_first_run_ask () when @window first shows its People section: at once when
 * People is showing, otherwise when the user goes there. A PDF opened from the command
 * line is shown without the question in front of it. */
void cp_first_run_ask_on_people (CpWindow *window);

G_END_DECLS
