/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-approval.h"
#include "tj-db.h"
#include "tj-read-error.h"

G_BEGIN_DECLS

#define TJ_TYPE_APPROVAL_FORM (tj_approval_form_get_type ())
G_DECLARE_FINAL_TYPE (TjApprovalForm, tj_approval_form, TJ, APPROVAL_FORM, AdwWindow)

GtkWindow *tj_approval_form_new (TjDb           *db,
                                 TjApprovalItem *item,
                                 int             year);
gboolean tj_approval_form_set_text (TjApprovalForm *self,
                                    const char     *field,
                                    const char     *text);
gboolean tj_approval_form_choose (TjApprovalForm *self,
                                  const char     *field,
                                  const char     *label);
const char *tj_approval_form_get_message (TjApprovalForm *self,
                                          const char     *field);
gboolean tj_approval_form_save (TjApprovalForm *self);
char *tj_approval_form_get_reminders_text (TjApprovalForm *self);
TjReadError *tj_approval_form_get_reminders_error (TjApprovalForm *self);
void tj_approval_form_add_suspension (TjApprovalForm *self,
                                      const char     *from,
                                      const char     *to,
                                      const char     *reason);
void tj_approval_form_remove_suspension (TjApprovalForm *self,
                                         guint           index);
guint tj_approval_form_get_n_suspensions (TjApprovalForm *self);
const char *tj_approval_form_get_suspension_message (TjApprovalForm *self);

G_END_DECLS
