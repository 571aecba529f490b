/* cp-person-watch.h: a widget showing one person, kept up to date
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-person.h"

G_BEGIN_DECLS

/* Points *@slot at @person (taking a reference; NULL clears it) and moves the handler
 * that calls @update (@data) on every change of the person from the old one to the new.
 * The store updates a person in place after each edit, undo or redo. */
static inline void
cp_person_watch (CpPerson  **slot,
                 gulong     *handler,
                 CpPerson   *person,
                 GCallback   update,
                 gpointer    data)
{
  if (*slot != NULL)
    {
      g_clear_signal_handler (handler, *slot);
      g_clear_object (slot);
    }
  if (person != NULL)
    {
      *slot = g_object_ref (person);
      *handler = g_signal_connect_swapped (person, "notify", update, data);
    }
}

G_END_DECLS
