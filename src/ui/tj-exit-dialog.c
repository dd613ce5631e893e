/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tj-element.h"
#include "tj-exit-dialog.h"
#include "tj-exit.h"

struct _TjExitDialog
{
  AdwMessageDialog parent_instance;

  gboolean decision;
  gint64 project_id;
  GtkGrid *grid;
  GHashTable *entries; /* field name → GtkEntry (borrowed) */
};

G_DEFINE_FINAL_TYPE (TjExitDialog, tj_exit_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
tj_exit_dialog_finalize (GObject *object)
{
  TjExitDialog *self = TJ_EXIT_DIALOG (object);

  g_hash_table_unref (self->entries);
  G_OBJECT_CLASS (tj_exit_dialog_parent_class)->finalize (object);
}

static void
tj_exit_dialog_class_init (TjExitDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_exit_dialog_finalize;
}

static void
tj_exit_dialog_init (TjExitDialog *self)
{
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 8);
  gtk_grid_set_column_spacing (self->grid, 12);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->grid));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"), "save",
                                    _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

static void
add_field (TjExitDialog *self,
           const char   *field,
           const char   *label_text,
           const char   *placeholder,
           const char   *text)
{
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *entry = gtk_entry_new ();
  int row = g_hash_table_size (self->entries);

  gtk_widget_set_halign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_grid_attach (self->grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->grid, entry, 1, row, 1, 1);
  g_hash_table_insert (self->entries, (gpointer) field, entry);
}

static const char *
text_of (TjExitDialog *self,
         const char   *field)
{
  GtkEntry *entry = g_hash_table_lookup (self->entries, field);

  return entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry)) : NULL;
}

TjExitDialog *
tj_exit_dialog_new (GtkWindow  *parent,
                    gboolean    decision,
                    gint64      project_id,
                    const char *project_name,
                    const char *today)
{
  TjExitDialog *self = g_object_new (TJ_TYPE_EXIT_DIALOG, "transient-for", parent, "modal", TRUE,
                                     NULL);

  self->decision = decision;
  self->project_id = project_id;
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  decision ? _("Exit Decision") : _("Propose Exit"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  decision
                                  /* Translators: "记录市政府对“嵩山大道”的退出决定。自决定日期之后，该项目不再列入各类报表，仍保留其历史记录。" */
                                  ? _("Record the government's exit decision for “%s”. After the "
                                      "decision date the project leaves every report; its "
                                      "history is kept.")
                                  /* Translators: "提出“嵩山大道”的退出建议，列入退出建议名单报请市政府研究。" */
                                  : _("Propose the exit of “%s”: it is listed in the exit "
                                      "proposals for the government."),
                                  project_name);
  if (decision)
    {
      add_field (self, "date", _("Decision date"), "2026-07-01", today);
      add_field (self, "document", _("Document number"), NULL, NULL);
      add_field (self, "land", _("Land recovered (mu)"), "12.35", NULL);
      add_field (self, "land-date", _("Land recovered on"), "2026-07-15", NULL);
    }
  else
    {
      add_field (self, "date", _("Proposal date"), "2026-07-01", today);
      add_field (self, "reason", C_ ("exit", "Reason"), NULL, NULL);
    }
  return self;
}

void
tj_exit_dialog_set_text (TjExitDialog *self,
                         const char   *field,
                         const char   *text)
{
  GtkEntry *entry;

  g_return_if_fail (TJ_IS_EXIT_DIALOG (self));
  entry = g_hash_table_lookup (self->entries, field);
  g_return_if_fail (entry != NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

gboolean
tj_exit_dialog_save (TjExitDialog *self,
                     TjDb         *db,
                     GError      **error)
{
  const char *land_text;
  gint64 land = -1;

  g_return_val_if_fail (TJ_IS_EXIT_DIALOG (self), FALSE);

  if (!self->decision)
    return tj_exit_propose (db, self->project_id, text_of (self, "date"), text_of (self, "reason"),
                            error);
  land_text = text_of (self, "land");
  if (*land_text != '\0' && !tj_element_parse_amount (TJ_ELEMENT_LAND, land_text, &land, error))
    {
      g_prefix_error (error, _("Land recovered: "));
      return FALSE;
    }
  return tj_exit_decide (db, self->project_id, text_of (self, "date"), text_of (self, "document"),
                         land, text_of (self, "land-date"), error);
}
