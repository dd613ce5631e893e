/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

/* 提出退出建议 (a date and the reason) or 退出决定 (the date, the document number 文号, the land
 * recovered in 亩 and its date) for one project (policy 十二). Its "save" response writes through
 * tj-exit.h, which validates; the page shows what it refused. */
#define TJ_TYPE_EXIT_DIALOG (tj_exit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TjExitDialog, tj_exit_dialog, TJ, EXIT_DIALOG, AdwMessageDialog)

TjExitDialog *tj_exit_dialog_new (GtkWindow  *parent,
                                  gboolean    decision,
                                  gint64      project_id,
                                  const char *project_name,
                                  const char *today); /* YYYY-MM-DD */
gboolean tj_exit_dialog_save (TjExitDialog *self,
                              TjDb         *db,
                              GError      **error);
/* Typing into a field, for tests: "date", "reason", "document", "land" or "land-date". */
void tj_exit_dialog_set_text (TjExitDialog *self,
                              const char   *field,
                              const char   *text);

G_END_DECLS
