/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tj-report.h"

G_BEGIN_DECLS

#define TJ_TYPE_PRINT_OPERATION (tj_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (TjPrintOperation, tj_print_operation, TJ, PRINT_OPERATION, GtkPrintOperation)

TjPrintOperation *tj_print_operation_new (TjReportBook *book,
                                          const char   *job_name);

G_END_DECLS
