/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-print-operation"
#include "config.h"

#include "tj-page-layout.h"
#include "tj-print-operation.h"

/* Printing a report book: the same page layout as the PDF writer, paginated for the printer's
 * page, A4 landscape unless the user chose otherwise in this session. */
struct _TjPrintOperation
{
  GtkPrintOperation parent_instance;
  TjReportBook *book;
  TjPageLayout *layout;
};

G_DEFINE_FINAL_TYPE (TjPrintOperation, tj_print_operation, GTK_TYPE_PRINT_OPERATION)

static GtkPageSetup *remembered_setup;
static GtkPrintSettings *remembered_settings;

static void
tj_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  TjPrintOperation *self = TJ_PRINT_OPERATION (operation);
  g_autoptr (GObject) pango = G_OBJECT (gtk_print_context_create_pango_context (context));
  guint n_pages;

  g_clear_pointer (&self->layout, tj_page_layout_free);
  self->layout = tj_page_layout_new (self->book);
  n_pages = tj_page_layout_paginate (self->layout, PANGO_CONTEXT (pango), gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
tj_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page)
{
  TjPrintOperation *self = TJ_PRINT_OPERATION (operation);

  tj_page_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context), page);
}

static void
tj_print_operation_done (GtkPrintOperation      *operation,
                         GtkPrintOperationResult result)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&remembered_setup, gtk_print_operation_get_default_page_setup (operation));
      g_set_object (&remembered_settings, gtk_print_operation_get_print_settings (operation));
    }
}

static void
tj_print_operation_finalize (GObject *object)
{
  TjPrintOperation *self = TJ_PRINT_OPERATION (object);

  g_clear_pointer (&self->layout, tj_page_layout_free);
  g_clear_pointer (&self->book, tj_report_book_free);
  G_OBJECT_CLASS (tj_print_operation_parent_class)->finalize (object);
}

static void
tj_print_operation_class_init (TjPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = tj_print_operation_finalize;
  print_class->begin_print = tj_print_operation_begin_print;
  print_class->draw_page = tj_print_operation_draw_page;
  print_class->done = tj_print_operation_done;
}

static void
tj_print_operation_init (TjPrintOperation *self)
{
  GtkPageSetup *setup;

  if (remembered_setup != NULL)
    setup = gtk_page_setup_copy (remembered_setup);
  else
    {
      g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  g_object_unref (setup);
  if (remembered_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), remembered_settings);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

/* Takes the book. */
TjPrintOperation *
tj_print_operation_new (TjReportBook *book,
                        const char   *job_name)
{
  TjPrintOperation *self = g_object_new (TJ_TYPE_PRINT_OPERATION, "job-name", job_name, NULL);

  self->book = book;
  return self;
}
