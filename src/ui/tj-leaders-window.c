/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tj-leaders-window.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-contact-card.h"
#include "tj-date.h"
#include "tj-delegation.h"
#include "tj-export-chooser.h"
#include "tj-report-format.h"
#include "tj-file-chooser.h"
#include "tj-form-row.h"

/* 领导: each city leader with the year's projects held (分包), the delegations while away and
 * where they act for another (委托, policy 一), a delegation added or removed, and a project's
 * 服务联系卡 printed or saved as a PDF (policy 五). */

struct _TjLeadersWindow
{
  AdwWindow parent_instance;
  TjDb *db;
  int year;
  GtkWidget *page;          /* AdwPreferencesPage, rebuilt on every change */
  GtkWidget *content;
  GPtrArray *leaders;       /* of TjLeader, as listed */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (TjLeadersWindow, tj_leaders_window, ADW_TYPE_WINDOW)

static void reload (TjLeadersWindow *self);

/* Saves a delegation (core validates it); FALSE with its problems in an alert. */
gboolean
tj_leaders_window_add_delegation (TjLeadersWindow *self,
                                  gint64           leader_id,
                                  gint64           acting_id,
                                  const char      *from,
                                  const char      *to,
                                  const char      *reason)
{
  g_autoptr (TjDelegation) d = tj_delegation_new ();
  g_autoptr (GError) error = NULL;

  d->leader_id = leader_id;
  d->acting_id = acting_id;
  d->date_from = g_strdup (from);
  d->date_to = g_strdup (to);
  d->reason = g_strdup (reason);
  if (!tj_delegation_save (self->db, d, &error))
    {
      tj_alert (GTK_WINDOW (self), _("Cannot add the delegation"), error->message);
      return FALSE;
    }
  /* the list is read again on the store's changed::delegations */
  return TRUE;
}

static void
delegation_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TjLeadersWindow  *self)
{
  GtkWidget *acting = g_object_get_data (G_OBJECT (dialog), "acting");
  g_autofree char *from = NULL, *to = NULL, *reason = NULL;

  if (!g_str_equal (response, "add"))
    return;
  from = tj_form_entry_get_text (g_object_get_data (G_OBJECT (dialog), "from"));
  to = tj_form_entry_get_text (g_object_get_data (G_OBJECT (dialog), "to"));
  reason = tj_form_entry_get_text (g_object_get_data (G_OBJECT (dialog), "reason"));
  tj_leaders_window_add_delegation (self,
                                    *(gint64 *) g_object_get_data (G_OBJECT (dialog), "leader"),
                                    tj_drop_down_get_value (GTK_DROP_DOWN (acting)), from, to,
                                    reason);
}

static void
delegate_clicked_cb (GtkButton       *button,
                     TjLeadersWindow *self)
{
  TjLeader *leader = g_object_get_data (G_OBJECT (button), "leader");
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *acting = gtk_drop_down_new (NULL, NULL);
  GtkWidget *from = tj_form_entry_new (NULL, _("2026-03-01"));
  GtkWidget *to = tj_form_entry_new (NULL, _("2026-04-30"));
  GtkWidget *reason = tj_form_entry_new (NULL, _("Study, training…"));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  gint64 none = 0;

  gtk_string_list_append (labels, _("(Choose)"));
  g_array_append_val (values, none);
  for (guint i = 0; i < self->leaders->len; i++)
    {
      TjLeader *other = self->leaders->pdata[i];

      if (other->id == leader->id)
        continue;
      gtk_string_list_append (labels, other->name);
      g_array_append_val (values, other->id);
    }
  tj_drop_down_set_choices (GTK_DROP_DOWN (acting), labels, values);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list),
                       GTK_WIDGET (tj_form_row_new ("acting", _("Acting leader"), acting)));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (tj_form_row_new ("from", _("From"), from)));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (tj_form_row_new ("to", _("To"), to)));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       GTK_WIDGET (tj_form_row_new ("reason", C_("delegation", "Reason"), reason)));

  /* Translators: "张三外出委托" */
  heading = g_strdup_printf (_("Delegation of %s"), leader->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("A city leader away a month or more "
                                                         "names another city leader to look "
                                                         "after the projects held.")));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "leader", g_memdup2 (&leader->id, sizeof (gint64)),
                          g_free);
  g_object_set_data (G_OBJECT (dialog), "acting", acting);
  g_object_set_data (G_OBJECT (dialog), "from", from);
  g_object_set_data (G_OBJECT (dialog), "to", to);
  g_object_set_data (G_OBJECT (dialog), "reason", reason);
  g_signal_connect (dialog, "response", G_CALLBACK (delegation_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_clicked_cb (GtkButton       *button,
                   TjLeadersWindow *self)
{
  TjDelegation *d = g_object_get_data (G_OBJECT (button), "delegation");
  g_autoptr (GError) error = NULL;

  if (!tj_delegation_delete (self->db, d->id, &error))
    tj_alert (GTK_WINDOW (self), _("Cannot remove the delegation"), error->message);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                TjContactCards    *cards)
{
  gtk_print_operation_set_n_pages (operation, MAX (tj_contact_cards_get_n_pages (cards), 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              TjContactCards    *cards)
{
  g_autoptr (GObject) pango = G_OBJECT (gtk_print_context_create_pango_context (context));

  tj_contact_cards_draw_page (cards, gtk_print_context_get_cairo_context (context),
                              PANGO_CONTEXT (pango), gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context), page);
}

/* Prints the project's card as of today on A4 portrait through the print dialog, or straight
 * to export_filename as a PDF (GTK_PRINT_OPERATION_ACTION_EXPORT); FALSE with the reason in an
 * alert. */
gboolean
tj_leaders_window_print_card (TjLeadersWindow        *self,
                              gint64                  project_id,
                              GtkPrintOperationAction action,
                              const char             *export_filename)
{
  g_autofree char *today = tj_date_today ();
  g_autoptr (TjContactCards) cards = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;

  cards = tj_contact_cards_new (self->db, &project_id, 1, today, &error);
  if (cards == NULL)
    {
      tj_alert (GTK_WINDOW (self), _("Cannot print"), error->message);
      return FALSE;
    }
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, C_("contact card", "Service Contact Card"));
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), cards);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), cards);
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      tj_alert (GTK_WINDOW (self), _("Cannot print"), error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_clicked_cb (GtkButton       *button,
                  TjLeadersWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "project");

  tj_leaders_window_print_card (self, id, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/* Saves the project's card as of today as a PDF at path; FALSE with the reason in an alert. */
static gboolean
save_card (TjLeadersWindow *self,
           gint64           project_id,
           const char      *path)
{
  g_autofree char *today = tj_date_today ();
  g_autoptr (GError) error = NULL;

  if (!tj_contact_cards_write (self->db, &project_id, 1, today, path, &error))
    {
      tj_alert (GTK_WINDOW (self), _("Cannot export"), error->message);
      return FALSE;
    }
  return TRUE;
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  TjLeadersWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "project");
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    path = tj_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
  if (path != NULL)
    {
      tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
      save_card (self, id, path);
    }
  g_clear_object (&self->chooser);
}

static void
save_clicked_cb (GtkButton       *button,
                 TjLeadersWindow *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "project");
  const char *project = g_object_get_data (G_OBJECT (button), "name");
  g_autofree char *name = NULL;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Service Contact Card"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_PDF, NULL);
  /* Translators: the PDF's name: "嵩山大道 服务联系卡.pdf" */
  name = g_strdup_printf (_("%s Service Contact Card.pdf"), project);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_object_set_data_full (G_OBJECT (self->chooser), "project", g_memdup2 (id, sizeof *id), g_free);
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkWidget *
suffix_button (const char *icon,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle,
         GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* "委托中" after a delegation's row when it is in force today. */
static void
add_in_force_tag (GtkWidget          *row,
                  const TjDelegation *d,
                  const char         *today)
{
  GtkWidget *tag;

  if (!tj_delegation_in_force (d, today))
    return;
  /* Translators: a tag on a delegation in force today: "委托中" */
  tag = gtk_label_new (_("In force"));
  gtk_widget_add_css_class (tag, "caption-heading");
  gtk_widget_add_css_class (tag, "accent");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag);
}

static void
add_leader (TjLeadersWindow *self,
            TjLeader        *leader)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *delegate = gtk_button_new_with_label (_("Delegate…"));
  g_autofree char *description = NULL;
  g_autofree char *today = tj_date_today ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), leader->name);
  /* Translators: under a leader's name: "电话：13800000001　分包项目 3 个" */
  description = g_strdup_printf (g_dngettext (NULL, "Phone: %1$s  %2$u project held",
                                              "Phone: %1$s  %2$u projects held",
                                              leader->project_ids->len),
                                 leader->phone != NULL ? leader->phone : "—",
                                 leader->project_ids->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_add_css_class (delegate, "flat");
  g_object_set_data (G_OBJECT (delegate), "leader", leader);
  g_signal_connect (delegate, "clicked", G_CALLBACK (delegate_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), delegate);

  for (guint i = 0; i < leader->away->len; i++)
    {
      TjDelegation *d = leader->away->pdata[i];
      GtkWidget *remove = suffix_button ("user-trash-symbolic", _("Remove the delegation"));
      g_autofree char *title = NULL, *subtitle = NULL;

      /* Translators: "委托李四代管分包项目" */
      title = g_strdup_printf (_("Delegated to %s"), d->acting);
      /* Translators: "2026-03-01 至 2026-04-15　外出学习" */
      subtitle = g_strdup_printf (_("%1$s to %2$s  %3$s"), d->date_from, d->date_to,
                                  d->reason != NULL ? d->reason : "");
      g_object_set_data (G_OBJECT (remove), "delegation", d);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      add_in_force_tag (add_row (group, title, subtitle, remove), d, today);
    }
  for (guint i = 0; i < leader->acting_for->len; i++)
    {
      TjDelegation *d = leader->acting_for->pdata[i];
      g_autofree char *title = NULL, *subtitle = NULL;

      g_autoptr (GString) projects = g_string_new (NULL);

      for (guint k = 0; k < self->leaders->len; k++)
        {
          TjLeader *away = self->leaders->pdata[k];

          for (guint j = 0; away->id == d->leader_id && j < away->project_names->len; j++)
            {
              if (projects->len > 0)
                g_string_append (projects, _(", "));
              g_string_append (projects, away->project_names->pdata[j]);
            }
        }
      /* Translators: "受张三委托代管其分包项目" */
      title = g_strdup_printf (_("Acting for %s"), d->leader);
      /* Translators: "2026-03-01 至 2026-04-15　党校学习　代管：嵩山大道、少林路" */
      subtitle = g_strdup_printf (_("%1$s to %2$s  %3$s  Projects: %4$s"), d->date_from,
                                  d->date_to, d->reason != NULL ? d->reason : "",
                                  projects->len > 0 ? projects->str : "—");
      add_in_force_tag (add_row (group, title, subtitle, NULL), d, today);
    }
  for (guint i = 0; i < leader->project_ids->len; i++)
    {
      gint64 *id = &g_array_index (leader->project_ids, gint64, i);
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *print = suffix_button ("printer-symbolic", _("Print the Service Contact Card"));
      GtkWidget *save = suffix_button ("document-save-symbolic",
                                       _("Save the Service Contact Card as a PDF"));

      g_object_set_data_full (G_OBJECT (print), "project", g_memdup2 (id, sizeof *id), g_free);
      g_signal_connect (print, "clicked", G_CALLBACK (print_clicked_cb), self);
      g_object_set_data_full (G_OBJECT (save), "project", g_memdup2 (id, sizeof *id), g_free);
      g_object_set_data_full (G_OBJECT (save), "name", g_strdup (leader->project_names->pdata[i]),
                              g_free);
      g_signal_connect (save, "clicked", G_CALLBACK (save_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), print);
      gtk_box_append (GTK_BOX (buttons), save);
      add_row (group, leader->project_names->pdata[i], NULL, buttons);
    }
  if (leader->project_ids->len == 0 && leader->away->len == 0 && leader->acting_for->len == 0)
    add_row (group, _("No project held this year."), NULL, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
}

/* Keeps the service centre typed in the card's group; FALSE with the reason in an alert. */
gboolean
tj_leaders_window_save_centre (TjLeadersWindow *self)
{
  g_autofree char *name = tj_form_entry_get_text (tj_form_find_input (GTK_WIDGET (self),
                                                                      "centre"));
  g_autofree char *phone = tj_form_entry_get_text (tj_form_find_input (GTK_WIDGET (self),
                                                                       "centre-phone"));
  g_autoptr (GError) error = NULL;

  if (!tj_contact_card_set_centre (self->db, name, phone, &error))
    {
      tj_alert (GTK_WINDOW (self), _("Cannot save the service centre"), error->message);
      return FALSE;
    }
  return TRUE;
}

static void
save_centre_clicked_cb (GtkButton       *button,
                        TjLeadersWindow *self)
{
  tj_leaders_window_save_centre (self);
}

/* The service centre the cards name, with its phone (settings; the default name when empty). */
static void
add_centre (TjLeadersWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *save = gtk_button_new_with_label (_("Save"));
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autoptr (GError) error = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   C_("contact card", "Service Contact Card"));
  if (!tj_contact_card_read_centre (self->db, &name, &phone, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the service centre: %s"),
                                                  error->message);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), message);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
      return;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The service centre every card names, with its "
                                           "phone."));
  gtk_widget_add_css_class (save, "flat");
  g_signal_connect (save, "clicked", G_CALLBACK (save_centre_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), save);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (tj_form_row_new ("centre", C_("contact card",
                                                                       "Service centre"),
                                                          tj_form_entry_new (name, NULL))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (tj_form_row_new ("centre-phone", C_("contact card",
                                                                             "Phone"),
                                                          tj_form_entry_new (phone, NULL))));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
}

static void
reload (TjLeadersWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->page != NULL)
    gtk_box_remove (GTK_BOX (self->content), self->page);
  self->page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (self->page, TRUE);
  gtk_box_append (GTK_BOX (self->content), self->page);
  g_clear_pointer (&self->leaders, g_ptr_array_unref);
  self->leaders = tj_leader_list (self->db, self->year, &error);
  if (self->leaders == NULL)
    {
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *message = g_strdup_printf (_("Cannot read the city leaders: %s"),
                                                  error->message);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), message);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
      self->leaders = g_ptr_array_new ();
      return;
    }
  for (guint i = 0; i < self->leaders->len; i++)
    add_leader (self, self->leaders->pdata[i]);
  add_centre (self);
}

static void
changed_cb (TjDb            *db,
            const char      *table,
            TjLeadersWindow *self)
{
  reload (self);
}

static void
tj_leaders_window_dispose (GObject *object)
{
  TjLeadersWindow *self = TJ_LEADERS_WINDOW (object);

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->leaders, g_ptr_array_unref);
  G_OBJECT_CLASS (tj_leaders_window_parent_class)->dispose (object);
}

static void
tj_leaders_window_class_init (TjLeadersWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tj_leaders_window_dispose;
}

static void
tj_leaders_window_init (TjLeadersWindow *self)
{
  GtkWidget *header = adw_header_bar_new ();

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->content), header);
  adw_window_set_content (ADW_WINDOW (self), self->content);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 760);
}

GtkWindow *
tj_leaders_window_new (TjDb *db,
                       int   year)
{
  TjLeadersWindow *self = g_object_new (TJ_TYPE_LEADERS_WINDOW, NULL);
  /* Translators: the window's title, as the menu item names it: "2026年分包领导与委托" */
  g_autofree char *title = g_strdup_printf (_("City Leaders and Delegations, %d"), year);

  self->db = g_object_ref (db);
  self->year = year;
  gtk_window_set_title (GTK_WINDOW (self), title);
  g_signal_connect (db, "changed::delegations", G_CALLBACK (changed_cb), self);
  g_signal_connect (db, "changed::people", G_CALLBACK (changed_cb), self);
  g_signal_connect (db, "changed::projects", G_CALLBACK (changed_cb), self);
  reload (self);
  return GTK_WINDOW (self);
}
