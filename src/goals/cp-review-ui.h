/* cp-review-ui.h: small pieces the Reviews and Overview widgets share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Appends a heading (@title, plain text) and a box under it to @parent; returns the box,
 * which holds the section's fields. */
GtkWidget *cp_review_ui_section        (GtkWidget   *parent,
                                        const char  *title);
/* Appends a boxed list of rows to @parent (a box), named @name for a screen reader, as
 * the section it is in is headed; returns the list. */
GtkWidget *cp_review_ui_boxed_list     (GtkWidget   *parent,
                                        const char  *name);
/* A framed, wrapping text view for a few lines of text: Tab leaves it (so a review can be
 * filled in by keyboard), and @label is its accessible name and the words above it.
 * Returns the box to append; the view in *@out_view. */
GtkWidget *cp_review_ui_text_field     (const char  *label,
                                        GtkWidget  **out_view);
/* The whole text of a text view (free it); "" when empty. */
char      *cp_review_ui_dup_text       (GtkWidget   *text_view);
void       cp_review_ui_set_text       (GtkWidget   *text_view,
                                        const char  *text);
/* A label for a message next to a field: red, wrapping, hidden until it has a message.
 * cp_review_ui_show_message () with NULL hides it. */
GtkWidget *cp_review_ui_message_new    (void);
void       cp_review_ui_show_message   (GtkWidget   *label,
                                        const char  *message);
/* A date typed as YYYY-MM-DD: NULL when it is fine (the date in *@out_iso, or NULL when
 * @text is empty and @required is FALSE), else the message to show next to the field
 * (free it). Not later than @not_after and not before @not_before (either may be NULL). */
char      *cp_review_ui_check_date     (const char  *text,
                                        gboolean     required,
                                        const char  *not_before,
                                        const char  *not_after,
                                        char       **out_iso);
/* A plain-text label that wraps, left-aligned. */
GtkWidget *cp_review_ui_label          (const char  *text,
                                        const char  *css_class);
/* Removes every child of @box. */
void       cp_review_ui_clear_box      (GtkWidget   *box);

G_END_DECLS
