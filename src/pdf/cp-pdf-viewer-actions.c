/* cp-pdf-viewer-actions.c: the viewer's actions and keyboard shortcuts
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-viewer"

#include <glib/gi18n.h>

#include "cp-pdf-print.h"
#include "cp-pdf-viewer-private.h"

/* ---- Actions --------------------------------------------------------------------------------- */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _cp_pdf_viewer_find_show (CP_PDF_VIEWER (widget));
}

static void
go_to_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CpPdfViewer *self = CP_PDF_VIEWER (widget);
  g_autofree char *text = NULL;

  if (self->document == NULL)
    return;
  text = g_strdup_printf ("%u", cp_pdf_view_get_page (self->view) + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), text);
  gtk_label_set_text (self->page_hint, _("A page number, or a page label such as “iv”."));
  gtk_menu_button_popup (self->page_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->page_entry), 0, -1);
}

/* viewer.add-bookmark, viewer.add-highlight */
static void
add_mark_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  if (g_str_equal (action_name, "viewer.add-highlight"))
    cp_pdf_viewer_add_highlight (CP_PDF_VIEWER (widget));
  else
    cp_pdf_viewer_add_bookmark (CP_PDF_VIEWER (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CpPdfViewer *self = CP_PDF_VIEWER (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->document == NULL)
    return;
  operation = cp_pdf_print_operation_new (self->document);
  gtk_print_operation_set_current_page (operation, (int) cp_pdf_view_get_page (self->view));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Printing failed: %s", error->message);
}

static void
toggle_outline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CpPdfViewer *self = CP_PDF_VIEWER (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* The locked page's Unlock button. */
static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _cp_pdf_viewer_password_unlock (CP_PDF_VIEWER (widget));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CpPdfViewer *self = CP_PDF_VIEWER (widget);
  g_autofree char *pdf_action = g_strconcat ("pdf.", action_name + strlen ("viewer."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->view), pdf_action, NULL);
}

void
_cp_pdf_viewer_class_init_actions (GtkWidgetClass *widget_class)
{
  static const char * const forwarded[] = {
    "viewer.zoom-in", "viewer.zoom-out", "viewer.zoom-reset", "viewer.rotate-left",
    "viewer.rotate-right", "viewer.go-back", "viewer.go-forward",
  };

  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.go-to-page", NULL, go_to_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.toggle-outline", NULL,
                                   toggle_outline_action);
  gtk_widget_class_install_action (widget_class, "viewer.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "viewer.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "viewer.add-bookmark", NULL, add_mark_action);
  gtk_widget_class_install_action (widget_class, "viewer.add-highlight", NULL, add_mark_action);
  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    gtk_widget_class_install_action (widget_class, forwarded[i], NULL, view_action);
  gtk_widget_class_install_property_action (widget_class, "viewer.sizing-mode", "sizing-mode");
  gtk_widget_class_install_property_action (widget_class, "viewer.dual-page", "dual-page");
  gtk_widget_class_install_property_action (widget_class, "viewer.night-mode", "night-mode");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "viewer.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "viewer.go-to-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "viewer.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "viewer.add-bookmark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "viewer.toggle-outline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "viewer.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "viewer.go-forward", NULL);
}
