/* cp-autosave.h: when typed text is saved
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Typing is saved after this pause: one edit (and one undo step) per burst of typing, not
 * per key. Undo, switching person and closing save what is pending at once. */
#define CP_AUTOSAVE_DELAY_MS 400

/* (Re)starts the pause after which @save (@data) runs, once, with *@source_id as its
 * handle. @save starts with g_clear_handle_id (@source_id, g_source_remove), so that it
 * can also be called directly to save now. */
static inline void
cp_autosave_restart (guint           *source_id,
                     GSourceOnceFunc  save,
                     gpointer         data)
{
  g_clear_handle_id (source_id, g_source_remove);
  *source_id = g_timeout_add_once (CP_AUTOSAVE_DELAY_MS, save, data);
}

G_END_DECLS
