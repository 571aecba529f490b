/* cp-dialogs.h: the questions the app asks, written once: confirmations and file choosers
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* ---- Confirmations ---------------------------------------------------------------------- */

/* Runs when the user confirmed; @from is the widget that asked (still alive). */
typedef void (*CpConfirmedFunc) (GtkWidget *from,
                                 gpointer   user_data);

/* Asks @heading / @body (plain text) over @from's window, with "cancel" (@cancel_label;
 * also Escape and Enter) and @confirm_id (@confirm_label, shown with @appearance).
 * @confirmed (@from, @user_data) runs only for @confirm_id, and not once @from is gone;
 * @destroy frees @user_data either way. Returns the dialog, already shown. */
AdwMessageDialog *cp_confirm (GtkWidget             *from,
                              const char            *heading,
                              const char            *body,
                              const char            *cancel_label,
                              const char            *confirm_id,
                              const char            *confirm_label,
                              AdwResponseAppearance  appearance,
                              CpConfirmedFunc        confirmed,
                              gpointer               user_data,
                              GDestroyNotify         destroy);

/* ---- Choices ---------------------------------------------------------------------------- */

/* A row saying @title (with a mnemonic; markup) and @subtitle (may be NULL), with
 * @widget at its end (a switch) or, when @prefix, at its start (a check button);
 * activating the row toggles it. */
GtkWidget *cp_dialog_choice_row_new (const char *title,
                                     const char *subtitle,
                                     GtkWidget  *widget,
                                     gboolean    prefix);
/* The same row, added to @group (an AdwPreferencesGroup). Returns the row. */
GtkWidget *cp_dialog_add_choice_row (GtkWidget  *group,
                                     const char *title,
                                     const char *subtitle,
                                     GtkWidget  *widget,
                                     gboolean    prefix);
/* For a list of people whose rows are made as it scrolls (cp-first-rows.c), who is
 * ticked is kept apart from the rows: a set of person ids (cp_dialog_ticks_new), a check
 * button for each row that is ticked while its person is in the set and keeps the set up
 * to date (connect to its "toggled" after), and the ticked ids of @people (CpPerson
 * items) in its order. */
GHashTable *cp_dialog_ticks_new      (void);
/* Those of @people (CpPerson items) still on the caseload, active or paused, in its
 * order: whom a supervision session or pack can be about. */
GListModel *cp_dialog_open_people    (GListModel *people);
GtkWidget  *cp_dialog_tick_new       (GHashTable *ticked,
                                      gint64      id);
GArray     *cp_dialog_ticked_people  (GHashTable *ticked,
                                      GListModel *people);

/* ---- Files ------------------------------------------------------------------------------ */

/* Which files a chooser lists. */
typedef enum
{
  CP_FILE_KIND_ANY,
  CP_FILE_KIND_PDF,
  CP_FILE_KIND_WORKSPACE,
  CP_FILE_KIND_NETWORK_MAP,   /* GraphML and CSV */
  CP_FILE_KIND_WORKSPACE_OR_PACK, /* workspaces and supervision packs */
  CP_FILE_KIND_PACK,          /* supervision packs (.cpkpack) */
  CP_FILE_KIND_REPLY,         /* supervision replies (.cpkreply) */
} CpFileKind;

typedef struct
{
  GtkFileChooserAction  action;          /* OPEN or SAVE */
  const char           *title;
  const char           *accept_label;    /* with a mnemonic: "_Save" */
  const char           *suggested_name;  /* SAVE: the name offered; never a person's name */
  GFile                *folder;          /* NULL: where the chooser would start anyway */
  CpFileKind            kind;
} CpFileDialog;

/* Runs with the file the user accepted, never on cancel, and not once @owner is gone. */
typedef void (*CpFileChosenFunc) (gpointer  owner,
                                  GFile    *file,
                                  gpointer  user_data);

/* Shows a modal file chooser set up from @options over @parent (NULL: @owner's window
 * when @owner is a widget). When it is answered, or @owner is finalized first, the
 * chooser closes and @destroy frees @user_data. Returns the chooser (owned by this
 * helper, alive until then). */
GtkNativeDialog *cp_file_dialog_show (gpointer            owner,
                                      GtkWindow          *parent,
                                      const CpFileDialog *options,
                                      CpFileChosenFunc    chosen,
                                      gpointer            user_data,
                                      GDestroyNotify      destroy);

/* For a save: whether the user agreed to replace @file. A save chooser asks "Replace?"
 * itself when the name the user picks exists, and hands the file back only after a yes:
 * so TRUE when @file exists now. Pass it as the save's "replace" (cp_store_save_copy,
 * cp_export_subject_access_pdf): a file that appears later is still never replaced. */
gboolean         cp_file_dialog_replace_confirmed (GFile *file);

G_END_DECLS
