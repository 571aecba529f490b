/* cp-date-row.h: a preferences row holding an optional date
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CP_TYPE_DATE_ROW (cp_date_row_get_type ())
G_DECLARE_FINAL_TYPE (CpDateRow, cp_date_row, CP, DATE_ROW, AdwActionRow)

GtkWidget  *cp_date_row_new      (void);
/* YYYY-MM-DD or NULL */
const char *cp_date_row_get_date (CpDateRow  *self);
/* Sets the date without emitting ::date-chosen. */
void        cp_date_row_set_date (CpDateRow  *self,
                                  const char *date);

G_END_DECLS
