/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tj-date.h"
#include "tj-period-dialog.h"

struct _TjPeriodDialog
{
  AdwMessageDialog parent_instance;

  GtkEntry *from;
  GtkEntry *to;
  GtkEntry *as_of;
  GtkLabel *problem;
};

G_DEFINE_FINAL_TYPE (TjPeriodDialog, tj_period_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
read_date (GtkEntry *entry)
{
  return tj_date_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);
}

char *
tj_period_dialog_get_from (TjPeriodDialog *self)
{
  g_return_val_if_fail (TJ_IS_PERIOD_DIALOG (self), NULL);
  return read_date (self->from);
}

char *
tj_period_dialog_get_to (TjPeriodDialog *self)
{
  g_return_val_if_fail (TJ_IS_PERIOD_DIALOG (self), NULL);
  return read_date (self->to);
}

char *
tj_period_dialog_get_as_of (TjPeriodDialog *self)
{
  g_return_val_if_fail (TJ_IS_PERIOD_DIALOG (self), NULL);
  return read_date (self->as_of);
}

const char *
tj_period_dialog_get_problem (TjPeriodDialog *self)
{
  g_return_val_if_fail (TJ_IS_PERIOD_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->problem))
         ? gtk_label_get_label (self->problem)
         : NULL;
}

/* The first field that is not a date names itself; then the period's order. */
static void
revalidate_cb (TjPeriodDialog *self)
{
  struct
  {
    GtkEntry *entry;
    const char *name;
  } fields[] = {
    { self->from, _("From") },
    { self->to, _("To") },
    { self->as_of, _("As of") },
  };
  g_autofree char *message = NULL;
  g_autofree char *from = tj_period_dialog_get_from (self);
  g_autofree char *to = tj_period_dialog_get_to (self);

  for (guint i = 0; i < G_N_ELEMENTS (fields) && message == NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *date = tj_date_parse (gtk_editable_get_text (GTK_EDITABLE (fields[i].entry)),
                                             &error);

      if (date == NULL)
        /* Translators: "截止日期：……" (the field, then why its date is not one) */
        message = g_strdup_printf (_("%s: %s"), fields[i].name,
                                   error != NULL ? error->message : _("a date is required."));
    }
  if (message == NULL && strcmp (from, to) > 0)
    message = g_strdup (_("The period ends before it starts."));
  gtk_label_set_label (self->problem, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), message != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export", message == NULL);
}

void
tj_period_dialog_set_text (TjPeriodDialog *self,
                           const char     *field,
                           const char     *text)
{
  GtkEntry *entry = g_str_equal (field, "from") ? self->from
                    : g_str_equal (field, "to") ? self->to
                                                : self->as_of;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
tj_period_dialog_class_init (TjPeriodDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-period-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TjPeriodDialog, from);
  gtk_widget_class_bind_template_child (widget_class, TjPeriodDialog, to);
  gtk_widget_class_bind_template_child (widget_class, TjPeriodDialog, as_of);
  gtk_widget_class_bind_template_child (widget_class, TjPeriodDialog, problem);
  gtk_widget_class_bind_template_callback (widget_class, revalidate_cb);
}

static void
tj_period_dialog_init (TjPeriodDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The quarter of today, seen from today. */
TjPeriodDialog *
tj_period_dialog_new (GtkWindow  *parent,
                      const char *today)
{
  TjPeriodDialog *self = g_object_new (TJ_TYPE_PERIOD_DIALOG, "transient-for", parent,
                                       "modal", TRUE, NULL);
  int year = atoi (today);
  int first = (atoi (today + 5) - 1) / 3 * 3 + 1;
  g_autofree char *from = g_strdup_printf ("%04d-%02d-01", year, first);
  g_autofree char *to = g_strdup_printf ("%04d-%02d-%02d", year, first + 2,
                                         g_date_get_days_in_month (first + 2, year));

  gtk_editable_set_text (GTK_EDITABLE (self->from), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to), to);
  gtk_editable_set_text (GTK_EDITABLE (self->as_of), today);
  revalidate_cb (self);
  return self;
}
