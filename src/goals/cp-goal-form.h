/* cp-goal-form.h: what the goal editor, its steps and its helpers share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-goal.h"
#include "store/cp-store.h"

G_BEGIN_DECLS

/* The UI's side of the goals tab (cp-ui): small helpers for its forms. */

/* Shows @text (NULL hides it) in @message_row, the row under @field that holds
 * @message: the field turns red and says it to a screen reader too. */
void        cp_goal_form_set_message     (GtkWidget    *field,
                                          GtkWidget    *message_row,
                                          GtkLabel     *message,
                                          const char   *text);
/* A flat icon button for a row (@label its tooltip and accessible name) that activates
 * @action with the int64 @id. */
GtkWidget  *cp_goal_form_row_button      (const char   *icon,
                                          const char   *label,
                                          const char   *action,
                                          gint64        id);
/* Sets an editable's text when it differs (NULL: ""), so the cursor stays. */
void        cp_goal_form_set_text        (GtkEditable  *editable,
                                          const char   *text);
/* An entry's text with the spaces around it cut off (free it). */
char       *cp_goal_form_dup_text        (GtkEditable  *editable);
/* Importance or difficulty as typed: empty is CP_GOAL_NOT_SET; 0 .. 3; anything else
 * FALSE. */
gboolean    cp_goal_form_parse_weight    (const char   *text,
                                          int          *out_value);
/* The weight as the field shows it ("" when not set). */
char       *cp_goal_form_format_weight   (int           value);

/* The members of the person's current map, picked by name, never typed: their names in
 * @names (a new GtkStringList, in the map's order) and their lineages in @lineages, one
 * each. Members whose lineage is in @skip (may be NULL) are left out. Empty when the
 * person has no map. */
void        cp_goal_form_load_members    (CpStore       *store,
                                          gint64         person_id,
                                          GArray        *skip,
                                          GtkStringList **names,
                                          GArray        **lineages);

/* Gives @row the picker model @names for @lineages, unless it shows those already (so a
 * list the user has open is not pulled away by an edit elsewhere); the old lineages in
 * *@current are replaced by @lineages, which it takes. */
void        cp_goal_form_set_members     (AdwComboRow   *row,
                                          GArray       **current,
                                          GtkStringList *names,
                                          GArray        *lineages);

/* Who does a step, in the words of whoever reads the screen: the practitioner's
 * (cp_step_owner_label) or, with the person, the person's own ("Me", "My worker"). */
const char *cp_goal_form_owner_label     (CpStepOwner   owner,
                                          gboolean      with_person);
/* The owner of @step as a line to read: "Together", "The housing officer", "Lena",
 * "Lena — no longer on the map". */
char       *cp_goal_form_describe_owner  (const CpStepInfo *step,
                                          gboolean          with_person);
/* The member @name (may be NULL: never on a map) and whether it is on the current map. */
char       *cp_goal_form_describe_member (const char       *name,
                                          CpLineageState    state);

G_END_DECLS
