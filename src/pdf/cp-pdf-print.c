/* cp-pdf-print.c: printing on the poppler worker
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-print"

#include <glib/gi18n.h>

#include "cp-pdf-print.h"

typedef struct
{
  GtkPrintOperation *operation;
  cairo_t           *cr;
} PrintPage;

/* What an operation prints: the document, and which of its pages (NULL: the
 * operation's own pages, as the print dialog chose them). */
typedef struct
{
  CpPdfDocument *document;
  GArray        *pages;     /* guint */
} PrintJob;

static void
print_job_free (gpointer  data,
                GClosure *closure)
{
  PrintJob *job = data;

  g_clear_object (&job->document);
  g_clear_pointer (&job->pages, g_array_unref);
  g_free (job);
}

static gboolean
job_page (PrintJob *job,
          int       page_nr,
          guint    *page)
{
  if (page_nr < 0)
    return FALSE;
  if (job->pages == NULL)
    *page = (guint) page_nr;
  else if ((guint) page_nr < job->pages->len)
    *page = g_array_index (job->pages, guint, page_nr);
  else
    return FALSE;
  return *page < cp_pdf_document_get_n_pages (job->document);
}

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PrintPage *print = user_data;
  g_autoptr(GError) error = NULL;

  if (!cp_pdf_document_print_page_finish (CP_PDF_DOCUMENT (source), result, &error))
    g_debug ("A page could not be printed: %s", error->message);
  cairo_restore (print->cr);
  gtk_print_operation_draw_page_finish (print->operation);
  cairo_destroy (print->cr);
  g_object_unref (print->operation);
  g_free (print);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  CpPdfDocument *document = job->document;
  guint page;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;
  PrintPage *print;

  if (!job_page (job, page_nr, &page) ||
      !cp_pdf_document_get_page_size (document, page, &page_width, &page_height) ||
      page_width <= 0 || page_height <= 0)
    return;

  /* The whole page on the paper, centred, never stretched. */
  scale = MIN (width / page_width, height / page_height);
  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);

  print = g_new0 (PrintPage, 1);
  print->operation = g_object_ref (operation);
  print->cr = cairo_reference (cr);
  gtk_print_operation_set_defer_drawing (operation);
  cp_pdf_document_print_page_async (document, page, cr, NULL, printed_cb, print);
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       PrintJob          *job)
{
  double width, height;
  guint page;

  /* Landscape pages print landscape. */
  if (job_page (job, page_nr, &page) &&
      cp_pdf_document_get_page_size (job->document, page, &width, &height))
    gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                          : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static PrintJob *
print_job_new (CpPdfDocument *document,
               GArray        *pages)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->document = g_object_ref (document);
  job->pages = pages != NULL ? g_array_ref (pages) : NULL;
  return job;
}

GtkPrintOperation *
cp_pdf_print_operation_new_for_ranges (CpPdfDocument      *document,
                                       const GtkPageRange *ranges,
                                       guint               n_ranges)
{
  GtkPrintOperation *operation;
  g_autoptr(GArray) pages = NULL;
  guint n_pages;

  g_return_val_if_fail (CP_IS_PDF_DOCUMENT (document), NULL);

  n_pages = cp_pdf_document_get_n_pages (document);
  if (ranges != NULL && n_ranges > 0)
    {
      pages = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < n_ranges; i++)
        {
          for (int p = MAX (0, ranges[i].start); p <= ranges[i].end && (guint) p < n_pages; p++)
            {
              guint page = (guint) p;

              g_array_append_val (pages, page);
            }
        }
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, pages != NULL ? (int) MAX (pages->len, 1)
                                                            : (int) n_pages);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Never the document's title: it may name a person, and print queues are shared. */
  gtk_print_operation_set_job_name (operation, _("Connecting People Kit document"));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         print_job_new (document, pages), print_job_free, 0);
  g_signal_connect_data (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb),
                         print_job_new (document, pages), print_job_free, 0);
  return operation;
}

GtkPrintOperation *
cp_pdf_print_operation_new (CpPdfDocument *document)
{
  return cp_pdf_print_operation_new_for_ranges (document, NULL, 0);
}
