/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TJ_TYPE_READ_ERROR (tj_read_error_get_type ())
G_DECLARE_FINAL_TYPE (TjReadError, tj_read_error, TJ, READ_ERROR, GtkWidget)

GtkWidget *tj_read_error_new (void);
void tj_read_error_set_error (TjReadError  *self,
                              const GError *error);
const char *tj_read_error_get_message (TjReadError *self);
void tj_read_error_retry (TjReadError *self);

void tj_read_error_alert (GtkWindow    *window,
                          const GError *error);

G_END_DECLS
