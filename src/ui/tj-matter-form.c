/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-matter-form"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-form-row.h"
#include "tj-matter-form.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-unit.h"

typedef struct
{
  TjMatterFormSave save;
  gpointer data;
  GDestroyNotify data_free;
  GtkListBox *rows;
} FormData;

static void
form_data_free (FormData *fd)
{
  if (fd->data_free != NULL)
    fd->data_free (fd->data);
  g_free (fd);
}

gboolean
tj_matter_form_save (GtkWindow *form)
{
  FormData *fd = g_object_get_data (G_OBJECT (form), "tj-matter-form");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (fd->rows)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      tj_form_row_set_problem (ADW_ACTION_ROW (row), NULL);
  problems = fd->save (GTK_WIDGET (form), fd->data, &error);
  if (error != NULL)
    {
      tj_alert (form, _("Cannot save"), error->message);
      return FALSE;
    }
  if (problems != NULL && problems->len > 0)
    {
      for (guint k = 0; k < problems->len; k++)
        {
          TjProblem *problem = g_ptr_array_index (problems, k);
          AdwActionRow *row = tj_form_find_row (GTK_WIDGET (form), problem->field);

          if (row != NULL)
            tj_form_row_set_problem (row, problem->message);
          else
            tj_alert (form, _("Cannot save"), problem->message);
        }
      return FALSE;
    }
  gtk_window_destroy (form);
  return TRUE;
}

static void
save_clicked_cb (GtkWindow *form)
{
  tj_matter_form_save (form);
}

GtkWindow *
tj_matter_form_new (GtkWindow       *parent,
                    const char      *title,
                    TjMatterFormSave save,
                    gpointer         data,
                    GDestroyNotify   data_free)
{
  GtkWindow *form = GTK_WINDOW (adw_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save_button = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  FormData *fd = g_new0 (FormData, 1);

  fd->save = save;
  fd->data = data;
  fd->data_free = data_free;
  fd->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (fd->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (fd->rows), "boxed-list");
  g_object_set_data_full (G_OBJECT (form), "tj-matter-form", fd, (GDestroyNotify) form_data_free);

  gtk_window_set_title (form, title);
  gtk_window_set_modal (form, TRUE);
  gtk_window_set_transient_for (form, parent);
  gtk_window_set_default_size (form, 640, 560);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  g_signal_connect_swapped (save_button, "clicked", G_CALLBACK (save_clicked_cb), form);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), form);
  gtk_widget_set_margin_top (GTK_WIDGET (fd->rows), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (fd->rows), 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (fd->rows));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (form), box);
  return form;
}

void
tj_matter_form_add (GtkWindow    *form,
                    AdwActionRow *row)
{
  FormData *fd = g_object_get_data (G_OBJECT (form), "tj-matter-form");

  gtk_list_box_append (fd->rows, GTK_WIDGET (row));
}

static void
add_entry (GtkWindow  *form,
           const char *field,
           const char *title,
           const char *text,
           const char *placeholder)
{
  tj_matter_form_add (form, tj_form_row_new (field, title, tj_form_entry_new (text, placeholder)));
}

static char *
read_text (GtkWidget  *form,
           const char *field)
{
  g_autofree char *text = tj_form_entry_get_text (tj_form_find_input (form, field));

  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* The choices of a drop-down: "none" first when optional, then the items. */
static GtkWidget *
choices_new (GPtrArray  *labels,
             GArray     *values,
             const char *none,
             gint64      value)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gint64 zero = 0;

  if (none != NULL)
    {
      gtk_string_list_append (list, none);
      g_array_append_val (all, zero);
    }
  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (labels, i));
      g_array_append_val (all, g_array_index (values, gint64, i));
    }
  tj_drop_down_set_choices (dropdown, list, g_steal_pointer (&all));
  tj_drop_down_set_value (dropdown, value);
  return GTK_WIDGET (dropdown);
}

/* ---- the matter ---- */

typedef struct
{
  TjDb *db;
  TjMatter *matter;
} MatterData;

static void
matter_data_free (MatterData *md)
{
  g_object_unref (md->db);
  g_object_unref (md->matter);
  g_free (md);
}

static GPtrArray *
save_matter (GtkWidget *form,
             gpointer   data,
             GError   **error)
{
  MatterData *md = data;
  TjMatter *m = md->matter;
  GPtrArray *problems = NULL;

  m->meeting_id = tj_drop_down_get_value (GTK_DROP_DOWN (tj_form_find_input (form, "meeting")));
  m->project_id = tj_drop_down_get_value (GTK_DROP_DOWN (tj_form_find_input (form, "project")));
  m->leader_id = tj_drop_down_get_value (GTK_DROP_DOWN (tj_form_find_input (form, "leader")));
  m->unit_id = tj_drop_down_get_value (GTK_DROP_DOWN (tj_form_find_input (form, "unit")));
  g_free (m->content);
  m->content = read_text (form, "content");
  g_free (m->person);
  m->person = read_text (form, "person");
  g_free (m->assigned);
  m->assigned = read_text (form, "assigned");
  g_free (m->deadline);
  m->deadline = read_text (form, "deadline");
  problems = tj_matter_validate (m, md->db);
  if (problems != NULL && problems->len > 0)
    return problems;
  g_clear_pointer (&problems, g_ptr_array_unref);
  tj_matter_save (md->db, m, error);
  return NULL;
}

GtkWindow *
tj_matter_form_new_matter (GtkWindow *parent,
                           TjDb      *db,
                           int        year,
                           gint64     meeting_id,
                           TjMatter  *matter,
                           GError   **error)
{
  g_autoptr (GPtrArray) meetings = tj_meeting_list (db, year, error);
  g_autoptr (GPtrArray) projects = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  MatterData *md = NULL;
  GtkWindow *form = NULL;
  GtkWidget *projects_down = NULL;

  if (meetings == NULL || (projects = tj_project_list (db, year, error)) == NULL ||
      (people = tj_person_list (db, error)) == NULL || (units = tj_unit_list (db, error)) == NULL)
    return NULL;
  md = g_new0 (MatterData, 1);
  md->db = g_object_ref (db);
  md->matter = matter != NULL ? tj_matter_copy (matter) : tj_matter_new ();
  if (matter == NULL)
    md->matter->meeting_id = meeting_id;
  form = tj_matter_form_new (parent, matter != NULL ? _("Edit Matter") : _("New Matter"),
                             save_matter, md, (GDestroyNotify) matter_data_free);

  for (guint i = 0; i < meetings->len; i++)
    {
      TjMeeting *m = g_ptr_array_index (meetings, i);

      g_ptr_array_add (labels, g_strdup_printf ("%s %s", m->date, m->name));
      g_array_append_val (values, m->id);
    }
  tj_matter_form_add (form, tj_form_row_new ("meeting", _("Meeting"),
                                             choices_new (labels, values, NULL,
                                                          md->matter->meeting_id)));
  add_entry (form, "content", _("Matter"), md->matter->content, NULL);

  g_ptr_array_set_size (labels, 0);
  g_array_set_size (values, 0);
  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);

      g_ptr_array_add (labels, g_strdup (p->name));
      g_array_append_val (values, p->id);
    }
  projects_down = choices_new (labels, values, _("No Project"), md->matter->project_id);
  tj_drop_down_enable_search (GTK_DROP_DOWN (projects_down));
  tj_matter_form_add (form, tj_form_row_new ("project", _("Project"), projects_down));

  g_ptr_array_set_size (labels, 0);
  g_array_set_size (values, 0);
  for (guint i = 0; i < people->len; i++)
    {
      TjPerson *p = g_ptr_array_index (people, i);

      if (!p->is_leader || (!p->active && p->id != md->matter->leader_id))
        continue;
      g_ptr_array_add (labels, g_strdup (p->name));
      g_array_append_val (values, p->id);
    }
  tj_matter_form_add (form, tj_form_row_new ("leader", _("Lead Leader"),
                                             choices_new (labels, values, _("None"),
                                                          md->matter->leader_id)));

  g_ptr_array_set_size (labels, 0);
  g_array_set_size (values, 0);
  for (guint i = 0; i < units->len; i++)
    {
      TjUnit *u = g_ptr_array_index (units, i);

      g_ptr_array_add (labels, g_strdup (u->name));
      g_array_append_val (values, u->id);
    }
  tj_matter_form_add (form, tj_form_row_new ("unit", _("Responsible Unit"),
                                             choices_new (labels, values, _("None"),
                                                          md->matter->unit_id)));
  add_entry (form, "person", _("Responsible Person"), md->matter->person, NULL);
  add_entry (form, "assigned", _("Assigned"), md->matter->assigned, "2026-05-08");
  add_entry (form, "deadline", _("Deadline"), md->matter->deadline, "2026-06-30");

  /* what the matter has had: its extensions and reports, read only here */
  for (guint i = 0; md->matter->extensions != NULL && i < md->matter->extensions->len; i++)
    {
      TjMatterExtension *e = g_ptr_array_index (md->matter->extensions, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

      /* Translators: "延期至 2026-07-31（2026-06-20 申请）" */
      title = g_strdup_printf (_("Extended to %s (asked %s)"), e->new_deadline, e->requested);
      if (e->approved != NULL)
        /* Translators: "张三 2026-06-22 批准：征地手续未完" */
        subtitle = g_strdup_printf (_("Approved by %s on %s: %s"), e->approved_by, e->approved,
                                    e->reason);
      else
        /* Translators: "待批准：征地手续未完" */
        subtitle = g_strdup_printf (_("Not approved: %s"), e->reason);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (row, subtitle);
      tj_matter_form_add (form, row);
    }
  for (guint i = 0; md->matter->reports != NULL && i < md->matter->reports->len; i++)
    {
      TjMatterReport *r = g_ptr_array_index (md->matter->reports, i);
      g_autofree char *title = NULL;
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

      /* Translators: "进展报告 2026-05-20" */
      title = g_strdup_printf (_("Report of %s"), r->date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (row, r->text);
      tj_matter_form_add (form, row);
    }
  return form;
}

/* ---- the meeting ---- */

typedef struct
{
  TjDb *db;
  TjMeeting *meeting;
} MeetingData;

static void
meeting_data_free (MeetingData *md)
{
  g_object_unref (md->db);
  g_object_unref (md->meeting);
  g_free (md);
}

static GPtrArray *
save_meeting (GtkWidget *form,
              gpointer   data,
              GError   **error)
{
  MeetingData *md = data;
  TjMeeting *m = md->meeting;
  GtkDropDown *kind = GTK_DROP_DOWN (tj_form_find_input (form, "kind"));
  GPtrArray *problems = NULL;

  m->kind = (TjMeetingKind) gtk_drop_down_get_selected (kind);
  g_free (m->date);
  m->date = read_text (form, "date");
  g_free (m->name);
  m->name = read_text (form, "name");
  g_free (m->chair);
  m->chair = read_text (form, "chair");
  g_free (m->attendees);
  m->attendees = read_text (form, "attendees");
  g_free (m->summary);
  m->summary = read_text (form, "summary");
  problems = tj_meeting_validate (m);
  if (problems != NULL && problems->len > 0)
    return problems;
  g_clear_pointer (&problems, g_ptr_array_unref);
  tj_meeting_save (md->db, m, error);
  return NULL;
}

GtkWindow *
tj_matter_form_new_meeting (GtkWindow  *parent,
                            TjDb       *db,
                            const char *today)
{
  MeetingData *md = g_new0 (MeetingData, 1);
  const char *kinds[] = {
    tj_meeting_kind_label (TJ_MEETING_MONTHLY), tj_meeting_kind_label (TJ_MEETING_COORDINATION),
    tj_meeting_kind_label (TJ_MEETING_TOUR), NULL,
  };
  GtkWindow *form = NULL;

  md->db = g_object_ref (db);
  md->meeting = tj_meeting_new ();
  form = tj_matter_form_new (parent, _("New Meeting"), save_meeting, md,
                             (GDestroyNotify) meeting_data_free);
  tj_matter_form_add (form, tj_form_row_new ("kind", _("Type"), gtk_drop_down_new_from_strings (kinds)));
  add_entry (form, "date", _("Date"), today, NULL);
  add_entry (form, "name", _("Name"), NULL, NULL);
  add_entry (form, "chair", _("Chair"), NULL, NULL);
  add_entry (form, "attendees", _("Attendees"), NULL, NULL);
  add_entry (form, "summary", _("Summary"), NULL, NULL);
  return form;
}

/* ---- extension, report, finish: a change to a copy of the matter, saved whole ---- */

typedef enum
{
  CHANGE_EXTENSION,
  CHANGE_REPORT,
  CHANGE_FINISH,
} Change;

typedef struct
{
  TjDb *db;
  TjMatter *matter;
  Change change;
} ChangeData;

static void
change_data_free (ChangeData *cd)
{
  g_object_unref (cd->db);
  g_object_unref (cd->matter);
  g_free (cd);
}

static GPtrArray *
save_change (GtkWidget *form,
             gpointer   data,
             GError   **error)
{
  ChangeData *cd = data;
  g_autoptr (TjMatter) m = tj_matter_copy (cd->matter);
  GPtrArray *problems = NULL;

  if (m->extensions == NULL)
    m->extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
  if (m->reports == NULL)
    m->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_report_free);
  switch (cd->change)
    {
    case CHANGE_EXTENSION:
      {
        TjMatterExtension *e = tj_matter_extension_new ();

        e->requested = read_text (form, "requested");
        e->reason = read_text (form, "reason");
        e->new_deadline = read_text (form, "new-deadline");
        e->approved_by = read_text (form, "approved-by");
        e->approved = read_text (form, "approved");
        g_ptr_array_add (m->extensions, e);
        break;
      }
    case CHANGE_REPORT:
      {
        /* tj_matter_report_new copies them */
        g_autofree char *date = read_text (form, "date");
        g_autofree char *text = read_text (form, "text");

        g_ptr_array_add (m->reports, tj_matter_report_new (date, text));
        break;
      }
    case CHANGE_FINISH:
      g_free (m->finished);
      m->finished = read_text (form, "finished");
      g_free (m->result);
      m->result = read_text (form, "result");
      break;
    default:
      g_assert_not_reached ();
    }
  problems = tj_matter_validate (m, cd->db);
  if (problems != NULL && problems->len > 0)
    {
      /* the list's problem is named at the new item's fields */
      for (guint k = 0; k < problems->len; k++)
        {
          TjProblem *p = g_ptr_array_index (problems, k);

          const char *field = g_str_equal (p->field, "extensions") ? "new-deadline"
                              : g_str_equal (p->field, "reports")  ? "date"
                                                                   : NULL;

          if (field != NULL)
            {
              g_free (p->field);
              p->field = g_strdup (field);
            }
        }
      return problems;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);
  tj_matter_save (cd->db, m, error);
  return NULL;
}

static GtkWindow *
change_form_new (GtkWindow  *parent,
                 TjDb       *db,
                 TjMatter   *matter,
                 Change      change,
                 const char *title)
{
  ChangeData *cd = g_new0 (ChangeData, 1);
  GtkWindow *form = NULL;
  AdwActionRow *about = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *deadline = NULL;

  cd->db = g_object_ref (db);
  cd->matter = g_object_ref (matter);
  cd->change = change;
  form = tj_matter_form_new (parent, title, save_change, cd, (GDestroyNotify) change_data_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (about), matter->content);
  /* Translators: "责任单位：市自然资源局　办结期限：2026-06-30" */
  deadline = g_strdup_printf (_("Responsible unit: %s  Deadline in force: %s"),
                              matter->unit_name != NULL ? matter->unit_name : "",
                              matter->deadline_in_force);
  adw_action_row_set_subtitle (about, deadline);
  tj_matter_form_add (form, about);
  gtk_window_set_default_size (form, 600, 440);
  return form;
}

GtkWindow *
tj_matter_form_new_extension (GtkWindow  *parent,
                              TjDb       *db,
                              TjMatter   *matter,
                              const char *today)
{
  GtkWindow *form = change_form_new (parent, db, matter, CHANGE_EXTENSION, _("Extension"));

  add_entry (form, "requested", _("Requested"), today, NULL);
  add_entry (form, "reason", _("Reason"), NULL, NULL);
  add_entry (form, "new-deadline", _("Extended To"), NULL, NULL);
  add_entry (form, "approved-by", _("Approved By"), NULL, _("Empty while not approved"));
  add_entry (form, "approved", _("Approved"), NULL, NULL);
  return form;
}

GtkWindow *
tj_matter_form_new_report (GtkWindow  *parent,
                           TjDb       *db,
                           TjMatter   *matter,
                           const char *today)
{
  GtkWindow *form = change_form_new (parent, db, matter, CHANGE_REPORT, _("Report Progress"));

  add_entry (form, "date", _("Date"), today, NULL);
  add_entry (form, "text", _("Progress"), NULL, NULL);
  return form;
}

GtkWindow *
tj_matter_form_new_finish (GtkWindow  *parent,
                           TjDb       *db,
                           TjMatter   *matter,
                           const char *today)
{
  GtkWindow *form = change_form_new (parent, db, matter, CHANGE_FINISH, _("Close Matter"));

  add_entry (form, "finished", _("Finished On"), today, NULL);
  add_entry (form, "result", C_("matter", "Result"), NULL, NULL);
  return form;
}
