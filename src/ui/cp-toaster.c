/* cp-toaster.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-toaster"

#include <glib/gi18n.h>

#include "cp-toaster.h"

G_DEFINE_INTERFACE (CpToaster, cp_toaster, GTK_TYPE_WIDGET)

static void
cp_toaster_default_init (CpToasterInterface *iface)
{
}

static CpToaster *
find_toaster (GtkWidget *from)
{
  while (from != NULL)
    {
      GtkWidget *found = gtk_widget_get_ancestor (from, CP_TYPE_TOASTER);
      GtkRoot *root;

      if (found != NULL)
        return CP_TOASTER (found);
      /* A dialog's content reports to the window the dialog stands over. */
      root = gtk_widget_get_root (from);
      from = GTK_IS_WINDOW (root)
             ? GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (root))) : NULL;
    }
  return NULL;
}

void
cp_toaster_add_toast (GtkWidget *from,
                      AdwToast  *toast)
{
  CpToaster *toaster;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (ADW_IS_TOAST (toast));

  toaster = find_toaster (from);
  if (toaster != NULL)
    CP_TOASTER_GET_IFACE (toaster)->add_toast (toaster, toast);
  else
    g_object_unref (toast);
}

void
cp_toaster_add_undoable (GtkWidget  *from,
                         const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  cp_toaster_add_toast (from, toast);
}

void
cp_toaster_report_error (GtkWidget    *from,
                         const GError *error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (error != NULL);

  if (find_toaster (from) == NULL)
    {
      g_warning ("Edit not saved (%s, %d)", g_quark_to_string (error->domain), error->code);
      return;
    }

  /* Toast titles are Pango markup: "&" or "<" in a message must show as written. */
  escaped = g_markup_escape_text (error->message, -1);
  /* Translators: %s says why, e.g. "The disk is full." */
  title = g_strdup_printf (_("Not saved: %s"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  cp_toaster_add_toast (from, toast);
}

struct _CpBusy
{
  GWeakRef toaster;
  guint    id;
};

CpBusy *
cp_toaster_begin_busy (GtkWidget  *from,
                       const char *label)
{
  CpBusy *busy = g_new0 (CpBusy, 1);
  CpToaster *toaster;

  g_return_val_if_fail (GTK_IS_WIDGET (from), busy);
  g_return_val_if_fail (label != NULL, busy);

  g_weak_ref_init (&busy->toaster, NULL);
  toaster = find_toaster (from);
  if (toaster != NULL && CP_TOASTER_GET_IFACE (toaster)->begin_busy != NULL)
    {
      g_weak_ref_set (&busy->toaster, toaster);
      busy->id = CP_TOASTER_GET_IFACE (toaster)->begin_busy (toaster, label);
    }
  return busy;
}

void
cp_busy_end (CpBusy *busy)
{
  g_autoptr(CpToaster) toaster = NULL;

  if (busy == NULL)
    return;

  toaster = g_weak_ref_get (&busy->toaster);
  if (toaster != NULL && busy->id != 0 && CP_TOASTER_GET_IFACE (toaster)->end_busy != NULL)
    CP_TOASTER_GET_IFACE (toaster)->end_busy (toaster, busy->id);
  g_weak_ref_clear (&busy->toaster);
  g_free (busy);
}

char *
cp_toaster_undo_redo (GtkWidget *from,
                      CpStore   *store,
                      gboolean   redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  label = g_strdup (redo ? cp_store_get_redo_label (store) : cp_store_get_undo_label (store));
  if (label == NULL)
    return NULL;
  if (!(redo ? cp_store_redo (store, &error) : cp_store_undo (store, &error)))
    {
      cp_toaster_report_error (from, error);
      return NULL;
    }
  /* Translators: %s is what was undone, e.g. "Rename person" */
  return g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), label);
}
