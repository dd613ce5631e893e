/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-inspection-form"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-file-chooser.h"
#include "tj-form-row.h"
#include "tj-inspection-form.h"
#include "tj-inspection.h"
#include "tj-money.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-read-error.h"
#include "tj-report.h"
#include "tj-unit.h"

/* 巡查记录: one site inspection. Core computes the reported figure, the gap and the suggested
 * verdict; the form shows them as the verified figure is typed, and each problem at its field.
 * Photos are kept at once (each its own save), so they wait for the inspection to be saved. */

typedef enum
{
  KIND_TEXT,
  KIND_COUNT,
  KIND_DATE,
  KIND_MONEY,
  KIND_PROJECT,
  KIND_UNIT,
  KIND_SWITCH,
  KIND_VERDICT,
  KIND_SHOWN,
} FieldKind;

#define TEXT(member) G_STRUCT_OFFSET (TjInspection, member)

static const struct
{
  const char *field;
  const char *title;
  FieldKind kind;
  const char *placeholder;
  glong text;
  gboolean check; /* in the group of reported against verified */
} fields[] = {
  { "project", N_("Project"), KIND_PROJECT, NULL, 0, FALSE },
  { "date", N_("Inspected On"), KIND_DATE, "2026-05-12", TEXT (date), FALSE },
  { "organiser", N_("Organised By"), KIND_UNIT, NULL, 0, FALSE },
  { "inspectors", N_("Inspectors"), KIND_TEXT, N_("e.g. 张三、李四"), TEXT (inspectors), FALSE },
  { "unannounced", N_("Unannounced"), KIND_SWITCH, NULL, 0, FALSE },
  { "seen", N_("On Site"), KIND_TEXT, N_("What the inspectors saw"), TEXT (seen), FALSE },
  { "workers", N_("Workers on Site"), KIND_COUNT, NULL, 0, FALSE },
  { "machines", N_("Machines on Site"), KIND_COUNT, NULL, 0, FALSE },
  { "reported", N_("Reported Cumulative (10k yuan)"), KIND_SHOWN, NULL, 0, TRUE },
  { "verified", N_("Verified Cumulative (10k yuan)"), KIND_MONEY, NULL, 0, TRUE },
  { "verified_progress", N_("Verified Visual Progress"), KIND_TEXT, N_("e.g. 主体结构完成"),
    TEXT (verified_progress), TRUE },
  { "difference", N_("Gap (10k yuan)"), KIND_SHOWN, NULL, 0, TRUE },
  { "rate", N_("Gap Rate"), KIND_SHOWN, NULL, 0, TRUE },
  { "suggested", N_("Suggested Verdict"), KIND_SHOWN, NULL, 0, TRUE },
  { "verdict", N_("Verdict"), KIND_VERDICT, NULL, 0, TRUE },
  { "verdict_reason", N_("Reason for the Verdict"), KIND_TEXT,
    N_("Required when the verdict differs from the suggestion"), TEXT (verdict_reason), TRUE },
};

#define N_FIELDS G_N_ELEMENTS (fields)

/* A rectification's entries, borrowed from its finding's expander. */
typedef struct
{
  gint64 id;
  GtkWidget *header;
  GtkWidget *requirement, *person, *unit, *deadline, *result, *checked_by, *closed;
} Rect;

typedef struct
{
  gint64 id;
  AdwExpanderRow *row;
  GtkWidget *kind, *description, *unit;
  GPtrArray *rects; /* Rect */
} Finding;

struct _TjInspectionForm
{
  AdwWindow parent_instance;

  AdwWindowTitle *title;
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *check_group;
  AdwPreferencesGroup *evidence_group;
  AdwPreferencesGroup *findings_group;
  AdwActionRow *findings_row;
  AdwPreferencesGroup *photos_group;
  GtkButton *add_photo;
  GtkDropDown *photo_owner; /* the inspection (0) or a saved finding's id */
  GtkFlowBox *photos;
  AdwActionRow *rows[N_FIELDS];
  GtkWidget *inputs[N_FIELDS];
  GtkWidget *evidence[TJ_EVIDENCE_N];
  GPtrArray *findings; /* Finding */
  GPtrArray *thumbnails; /* the buttons in photos, borrowed */
  char *reported_progress;
  char *progress_note; /* under the reported figure when it has no problem */

  TjDb *db;
  TjInspection *original;
  GPtrArray *problems;
  gboolean show_all;
  gboolean loading;
  gboolean read_failed;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (TjInspectionForm, tj_inspection_form, ADW_TYPE_WINDOW)

static void
rect_free (Rect *rect)
{
  g_free (rect);
}

static void
finding_free (Finding *finding)
{
  g_ptr_array_unref (finding->rects);
  g_free (finding);
}

/* The units an inspection or a finding names: 纪委监委, 督查考核办 and 发改委 first, then the
 * other departments; none (for a finding) first when none is allowed. */
static void
fill_units (TjInspectionForm *self,
            GtkWidget        *dropdown,
            gboolean          with_none)
{
  static const char *const first[] = { "纪委监委", "督查考核办", "发改委" };
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = tj_unit_list (self->db, &error);
  gint64 none = 0;

  gtk_string_list_append (labels, with_none ? _("(None)") : _("Choose…"));
  g_array_append_val (values, none);
  if (units == NULL)
    tj_form_choices_unread (GTK_WIDGET (self), dropdown, &self->read_failed, error);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; units != NULL && i < units->len; i++)
      {
        TjUnit *unit = g_ptr_array_index (units, i);
        gboolean is_first = FALSE;

        for (guint k = 0; k < G_N_ELEMENTS (first); k++)
          is_first = is_first || g_str_equal (unit->name, first[k]);
        if (tj_unit_is_locality (unit) || !unit->active || is_first != (pass == 0))
          continue;
        gtk_string_list_append (labels, unit->name);
        g_array_append_val (values, unit->id);
      }
  tj_drop_down_set_choices (GTK_DROP_DOWN (dropdown), labels, values);
}

static void
fill_projects (TjInspectionForm *self,
               GtkWidget        *dropdown)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) projects = tj_project_list (self->db, self->original->project_year,
                                                    &error);
  gint64 none = 0;

  gtk_string_list_append (labels, _("Choose…"));
  g_array_append_val (values, none);
  if (projects == NULL)
    tj_form_choices_unread (GTK_WIDGET (self), dropdown, &self->read_failed, error);
  for (guint k = 0; projects != NULL && k < projects->len; k++)
    {
      TjProject *p = g_ptr_array_index (projects, k);

      gtk_string_list_append (labels, p->name);
      g_array_append_val (values, p->id);
    }
  tj_drop_down_set_choices (GTK_DROP_DOWN (dropdown), labels, values);
}

static void
read_count (GtkWidget  *entry,
            const char *field,
            int        *slot,
            GPtrArray  *problems)
{
  g_autofree char *text = tj_form_entry_get_text (entry);
  char *end = NULL;
  gint64 n;

  *slot = -1;
  if (text == NULL)
    return;
  n = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || n < 0 || n > 100000)
    tj_problems_add (problems, field, _("“%s” is not a whole number."), text);
  else
    *slot = (int) n;
}

static char *
entry_text (GtkWidget *entry)
{
  return tj_form_entry_get_text (entry);
}

/* Reads the form; text that is not a date, a count or an amount is a problem of its field. */
static TjInspection *
collect (TjInspectionForm *self,
         GPtrArray        *problems)
{
  TjInspection *inspection = tj_inspection_copy (self->original);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *field = fields[i].field;
      GtkWidget *input = self->inputs[i];

      switch (fields[i].kind)
        {
        case KIND_PROJECT:
          inspection->project_id = tj_drop_down_get_value (GTK_DROP_DOWN (input));
          break;
        case KIND_UNIT:
          inspection->organiser_id = tj_drop_down_get_value (GTK_DROP_DOWN (input));
          break;
        case KIND_SWITCH:
          inspection->unannounced = gtk_switch_get_active (GTK_SWITCH (input));
          break;
        case KIND_VERDICT:
          {
            guint k = gtk_drop_down_get_selected (GTK_DROP_DOWN (input));

            inspection->has_verdict = k > 0 && k != GTK_INVALID_LIST_POSITION;
            inspection->verdict = inspection->has_verdict ? (TjVerdict) (k - 1) : TJ_VERDICT_TRUE;
          }
          break;
        case KIND_COUNT:
          read_count (input, field,
                      g_str_equal (field, "workers") ? &inspection->workers
                                                     : &inspection->machines,
                      problems);
          break;
        case KIND_MONEY:
          {
            g_autofree char *text = entry_text (input);
            g_autoptr (GError) error = NULL;

            inspection->verified = 0;
            if (text == NULL)
              tj_problems_add (problems, field, _("Enter the verified cumulative investment."));
            else if (!tj_money_parse_wan (text, &inspection->verified, &error))
              tj_problems_add (problems, field, "%s", error->message);
          }
          break;
        case KIND_DATE:
          tj_form_read_date (input, field, G_STRUCT_MEMBER_P (inspection, fields[i].text),
                             problems);
          break;
        case KIND_TEXT:
          {
            char **slot = G_STRUCT_MEMBER_P (inspection, fields[i].text);

            g_free (*slot);
            *slot = entry_text (input);
          }
          break;
        case KIND_SHOWN:
        default:
          break;
        }
    }
  inspection->evidence = 0;
  for (guint k = 0; k < TJ_EVIDENCE_N; k++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->evidence[k])))
      inspection->evidence |= 1u << k;

  g_clear_pointer (&inspection->findings, g_ptr_array_unref);
  inspection->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_finding_free);
  for (guint i = 0; i < self->findings->len; i++)
    {
      Finding *f = g_ptr_array_index (self->findings, i);
      TjFinding *finding = tj_finding_new ();

      finding->id = f->id;
      finding->kind = entry_text (f->kind);
      finding->description = entry_text (f->description);
      finding->unit_id = tj_drop_down_get_value (GTK_DROP_DOWN (f->unit));
      for (guint k = 0; k < f->rects->len; k++)
        {
          Rect *r = g_ptr_array_index (f->rects, k);
          TjRectification *rect = tj_rectification_new ();

          rect->id = r->id;
          rect->requirement = entry_text (r->requirement);
          rect->person = entry_text (r->person);
          rect->unit_id = tj_drop_down_get_value (GTK_DROP_DOWN (r->unit));
          tj_form_read_date (r->deadline, "findings", &rect->deadline, problems);
          rect->result = entry_text (r->result);
          rect->checked_by = entry_text (r->checked_by);
          tj_form_read_date (r->closed, "findings", &rect->closed, problems);
          g_ptr_array_add (finding->rectifications, rect);
        }
      g_ptr_array_add (inspection->findings, finding);
    }
  return inspection;
}

static void
set_shown (TjInspectionForm *self,
           const char       *field,
           const char       *text)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].field, field))
      gtk_label_set_text (GTK_LABEL (self->inputs[i]), text != NULL ? text : "");
}

/* The reported figure of the project as of the date, the gap and the suggestion, as core
 * computes them; blank until the project and the date are known (or when they cannot be read,
 * with the reason under the reported figure). */
static void
show_computed (TjInspectionForm *self,
               TjInspection     *inspection,
               GPtrArray        *problems)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reported = NULL, *difference = NULL, *rate = NULL, *suggested = NULL;
  g_autofree char *progress = NULL;

  if (inspection->project_id != 0 && inspection->date != NULL &&
      tj_inspection_compute (inspection, self->db, &error))
    {
      reported = tj_money_format_wan (inspection->reported, 2, TRUE);
      if (tj_problems_find (problems, "verified") == NULL)
        {
          difference = tj_money_format_wan (inspection->difference, 2, TRUE);
          rate = inspection->has_rate ? tj_report_format_percent (inspection->rate) : NULL;
          suggested = g_strdup (tj_verdict_label (inspection->suggested));
        }
      progress = inspection->reported_progress != NULL
                   /* Translators: beside the reported figure: "最近上报形象进度：主体完工" */
                   ? g_strdup_printf (_("Last reported visual progress: %s"),
                                      inspection->reported_progress)
                   : g_strdup (_("No visual progress reported yet."));
    }
  else if (error != NULL)
    tj_problems_add (problems, "reported", "%s", error->message);
  g_free (self->reported_progress);
  self->reported_progress = g_strdup (inspection->reported_progress);
  set_shown (self, "reported", reported);
  set_shown (self, "difference", difference);
  set_shown (self, "rate", rate);
  set_shown (self, "suggested", suggested);
  /* 虚报 and 瞒报 in the error colour */
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].field, "suggested"))
      {
        if (suggested != NULL && inspection->suggested != TJ_VERDICT_TRUE)
          gtk_widget_add_css_class (self->inputs[i], "error");
        else
          gtk_widget_remove_css_class (self->inputs[i], "error");
      }
  g_free (self->progress_note);
  self->progress_note = g_steal_pointer (&progress);
}

static void
validate (TjInspectionForm *self)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (TjInspection) inspection = collect (self, problems);
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GString) findings = g_string_new (NULL);

  show_computed (self, inspection, problems);
  rules = tj_inspection_validate (inspection, self->db);
  tj_form_add_rule_problems (problems, rules);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&problems);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *field = fields[i].field;
      const char *message = NULL;

      /* core names the project, the organiser and the verdict by their ids */
      if (self->show_all || g_str_equal (field, "reported"))
        {
          message = tj_problems_find (self->problems, field);
          if (message == NULL && fields[i].kind == KIND_PROJECT)
            message = tj_problems_find (self->problems, "project_id");
          if (message == NULL && fields[i].kind == KIND_UNIT)
            message = tj_problems_find (self->problems, "organiser_id");
        }
      tj_form_row_set_problem (self->rows[i], message);
      if (message == NULL && g_str_equal (field, "reported") && self->progress_note != NULL)
        adw_action_row_set_subtitle (self->rows[i], self->progress_note);
    }
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].field, "verdict_reason"))
      gtk_widget_set_visible (GTK_WIDGET (self->rows[i]),
                              inspection->has_verdict || inspection->verdict_reason != NULL);
  for (guint k = 0; self->show_all && k < self->problems->len; k++)
    {
      TjProblem *problem = g_ptr_array_index (self->problems, k);

      if (!g_str_equal (problem->field, "findings"))
        continue;
      if (findings->len > 0)
        g_string_append_c (findings, '\n');
      g_string_append (findings, problem->message);
    }
  tj_form_row_set_problem (self->findings_row, findings->len > 0 ? findings->str : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_row),
                          findings->len > 0 || self->findings->len == 0);
}

static void
changed_cb (TjInspectionForm *self)
{
  if (!self->loading)
    validate (self);
}

gboolean
tj_inspection_form_save (TjInspectionForm *self)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (TjInspection) inspection = NULL;
  g_autoptr (GError) error = NULL;

  if (self->read_failed)
    return FALSE;
  self->show_all = TRUE;
  validate (self);
  if (self->problems->len > 0)
    return FALSE;
  inspection = collect (self, problems);
  if (!tj_inspection_save (self->db, inspection, &error))
    {
      tj_alert (GTK_WINDOW (self), _("Cannot save"), error->message);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* An entry in a finding's expander: its title at the start, the text after it. */
static GtkWidget *
expander_entry (TjInspectionForm *self,
                AdwExpanderRow   *expander,
                const char       *title,
                const char       *text,
                const char       *placeholder)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (entry, 320, -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (changed_cb), self);
  adw_expander_row_add_row (expander, row);
  return entry;
}

static GtkWidget *
expander_unit (TjInspectionForm *self,
               AdwExpanderRow   *expander,
               const char       *title,
               gint64            unit_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  fill_units (self, dropdown, TRUE);
  tj_drop_down_enable_search (GTK_DROP_DOWN (dropdown));
  tj_drop_down_set_value (GTK_DROP_DOWN (dropdown), unit_id);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (dropdown, 320, -1);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_expander_row_add_row (expander, row);
  return dropdown;
}

static void number_findings (TjInspectionForm *self);

static void
remove_rect_cb (GtkButton        *button,
                TjInspectionForm *self)
{
  Finding *f = g_object_get_data (G_OBJECT (button), "finding");
  Rect *r = g_object_get_data (G_OBJECT (button), "rect");
  GtkWidget *widgets[] = { r->header,   r->requirement, r->person,     r->unit,
                           r->deadline, r->result,      r->checked_by, r->closed };

  for (guint k = 0; k < G_N_ELEMENTS (widgets); k++)
    {
      GtkWidget *row = widgets[k] == r->header
                         ? widgets[k]
                         : gtk_widget_get_ancestor (widgets[k], ADW_TYPE_ACTION_ROW);

      adw_expander_row_remove (f->row, row);
    }
  g_ptr_array_remove (f->rects, r);
  number_findings (self);
  changed_cb (self);
}

static Rect *
add_rect (TjInspectionForm      *self,
          Finding               *f,
          const TjRectification *rect)
{
  Rect *r = g_new0 (Rect, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  r->id = rect != NULL ? rect->id : 0;
  r->header = adw_action_row_new ();
  gtk_widget_add_css_class (r->header, "heading");
  gtk_widget_set_tooltip_text (remove, _("Remove this rectification"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (r->header), remove);
  adw_expander_row_add_row (f->row, r->header);
  r->requirement = expander_entry (self, f->row, _("Requirement"),
                                   rect != NULL ? rect->requirement : NULL, NULL);
  r->person = expander_entry (self, f->row, _("Person Responsible"),
                              rect != NULL ? rect->person : NULL, NULL);
  r->unit = expander_unit (self, f->row, _("Unit Responsible"), rect != NULL ? rect->unit_id : 0);
  r->deadline = expander_entry (self, f->row, C_ ("rectification", "Deadline"),
                                rect != NULL ? rect->deadline : NULL, "2026-06-30");
  r->result = expander_entry (self, f->row, C_("rectification", "Result"), rect != NULL ? rect->result : NULL, NULL);
  r->checked_by = expander_entry (self, f->row, _("Checked By"),
                                  rect != NULL ? rect->checked_by : NULL, NULL);
  r->closed = expander_entry (self, f->row, _("Closed On"), rect != NULL ? rect->closed : NULL,
                              _("Empty while open"));
  g_ptr_array_add (f->rects, r);
  g_object_set_data (G_OBJECT (remove), "finding", f);
  g_object_set_data (G_OBJECT (remove), "rect", r);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_rect_cb), self);
  return r;
}

/* The rows are numbered as core numbers the findings in its messages. */
static void
number_findings (TjInspectionForm *self)
{
  for (guint i = 0; i < self->findings->len; i++)
    {
      Finding *f = g_ptr_array_index (self->findings, i);
      /* Translators: a finding's row: "问题 1" */
      g_autofree char *title = g_strdup_printf (_("Finding %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), title);
      for (guint k = 0; k < f->rects->len; k++)
        {
          Rect *r = g_ptr_array_index (f->rects, k);
          /* Translators: a rectification's heading under its finding: "整改 1" */
          g_autofree char *heading = g_strdup_printf (_("Rectification %u"), k + 1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->header), heading);
        }
    }
}

static void
add_rect_cb (GtkButton        *button,
             TjInspectionForm *self)
{
  Finding *f = g_object_get_data (G_OBJECT (button), "finding");
  Rect *r = add_rect (self, f, NULL);

  number_findings (self);
  gtk_widget_grab_focus (r->requirement);
  changed_cb (self);
}

static void
remove_finding_cb (GtkButton        *button,
                   TjInspectionForm *self)
{
  Finding *f = g_object_get_data (G_OBJECT (button), "finding");

  adw_preferences_group_remove (self->findings_group, GTK_WIDGET (f->row));
  g_ptr_array_remove (self->findings, f);
  number_findings (self);
  changed_cb (self);
}

static Finding *
add_finding (TjInspectionForm *self,
             const TjFinding  *finding)
{
  Finding *f = g_new0 (Finding, 1);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Rectification"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  f->id = finding != NULL ? finding->id : 0;
  f->rects = g_ptr_array_new_with_free_func ((GDestroyNotify) rect_free);
  f->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_expander_row_set_expanded (f->row, TRUE);
  gtk_widget_set_tooltip_text (remove, _("Remove this finding"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), remove);
  adw_expander_row_add_action (f->row, buttons);
  f->kind = expander_entry (self, f->row, _("Kind of Problem"),
                            finding != NULL ? finding->kind : NULL, _("e.g. 进度滞后"));
  f->description = expander_entry (self, f->row, _("Description"),
                                   finding != NULL ? finding->description : NULL, NULL);
  f->unit = expander_unit (self, f->row, _("Unit Responsible"),
                           finding != NULL ? finding->unit_id : 0);
  g_ptr_array_add (self->findings, f);
  for (guint k = 0; finding != NULL && finding->rectifications != NULL &&
                    k < finding->rectifications->len;
       k++)
    add_rect (self, f, g_ptr_array_index (finding->rectifications, k));
  g_object_set_data (G_OBJECT (add), "finding", f);
  g_object_set_data (G_OBJECT (remove), "finding", f);
  g_signal_connect (add, "clicked", G_CALLBACK (add_rect_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_finding_cb), self);
  adw_preferences_group_add (self->findings_group, GTK_WIDGET (f->row));
  number_findings (self);
  return f;
}

static void
add_finding_cb (TjInspectionForm *self)
{
  Finding *f = add_finding (self, NULL);

  gtk_widget_grab_focus (f->kind);
  changed_cb (self);
}

void
tj_inspection_form_add_finding (TjInspectionForm *self,
                                const char       *kind,
                                const char       *description,
                                const char       *requirement,
                                const char       *deadline)
{
  Finding *f;
  Rect *r;

  g_return_if_fail (TJ_IS_INSPECTION_FORM (self));
  add_finding_cb (self);
  f = g_ptr_array_index (self->findings, self->findings->len - 1);
  gtk_editable_set_text (GTK_EDITABLE (f->kind), kind);
  gtk_editable_set_text (GTK_EDITABLE (f->description), description);
  if (requirement == NULL)
    return;
  r = add_rect (self, f, NULL);
  number_findings (self);
  gtk_editable_set_text (GTK_EDITABLE (r->requirement), requirement);
  gtk_editable_set_text (GTK_EDITABLE (r->deadline), deadline);
}

/* A photo at full size, in a window of its own over the form. */
static void
open_photo_cb (GtkButton        *button,
               TjInspectionForm *self)
{
  GdkTexture *texture = g_object_get_data (G_OBJECT (button), "texture");
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

  gtk_window_set_title (GTK_WINDOW (window), name);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), picture);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void load_photos (TjInspectionForm *self);

static void
remove_photo_cb (GtkButton        *button,
                 TjInspectionForm *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");
  g_autoptr (GError) error = NULL;

  if (!tj_photo_delete (self->db, id, &error))
    tj_alert (GTK_WINDOW (self), _("Cannot remove the photo"), error->message);
  load_photos (self);
}

static char *finding_label (TjInspectionForm *self,
                           gint64            finding_id);

static GtkWidget *
thumbnail_new (TjInspectionForm *self,
               TjPhoto          *photo,
               GdkTexture       *texture)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *open = gtk_button_new ();
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  g_autofree char *owner = photo->finding_id != 0 ? finding_label (self, photo->finding_id) : NULL;
  g_autofree char *caption = owner != NULL ? g_strdup_printf ("%s\n%s", photo->name, owner)
                                           : g_strdup (photo->name);
  GtkWidget *label = gtk_label_new (caption);
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  gint64 *id = g_new (gint64, 1);

  *id = photo->id;
  gtk_widget_set_size_request (picture, 160, 120);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_button_set_child (GTK_BUTTON (open), picture);
  gtk_widget_set_halign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open at full size"));
  g_object_set_data_full (G_OBJECT (open), "texture", g_object_ref (texture), g_object_unref);
  g_object_set_data_full (G_OBJECT (open), "name", g_strdup (photo->name), g_free);
  g_signal_connect (open, "clicked", G_CALLBACK (open_photo_cb), self);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "id", id, g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_photo_cb), self);
  gtk_box_append (GTK_BOX (box), open);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);
  g_ptr_array_add (self->thumbnails, open);
  return box;
}

/* A photo is of the site or of one of the findings as saved (a finding added since has no id
 * yet): "问题 1：进度滞后". */
static char *
finding_label (TjInspectionForm *self,
               gint64            finding_id)
{
  for (guint i = 0; self->original->findings != NULL && i < self->original->findings->len; i++)
    {
      TjFinding *finding = g_ptr_array_index (self->original->findings, i);

      if (finding->id == finding_id)
        /* Translators: the finding a photo belongs to: "问题 1：进度滞后" */
        return g_strdup_printf (_("Finding %u: %s"), i + 1, finding->kind);
    }
  return NULL;
}

static void
fill_photo_owners (TjInspectionForm *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  gtk_string_list_append (labels, _("Of the Site"));
  g_array_append_val (values, none);
  for (guint i = 0; self->original->findings != NULL && i < self->original->findings->len; i++)
    {
      TjFinding *finding = g_ptr_array_index (self->original->findings, i);
      g_autofree char *label = finding_label (self, finding->id);

      gtk_string_list_append (labels, label);
      g_array_append_val (values, finding->id);
    }
  tj_drop_down_set_choices (self->photo_owner, labels, values);
  gtk_widget_set_visible (GTK_WIDGET (self->photo_owner), values->len > 1);
}

/* The inspection's photos as thumbnails; a failed read is said in their place. */
static void
load_photos (TjInspectionForm *self)
{
  g_autoptr (GPtrArray) photos = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  g_ptr_array_set_size (self->thumbnails, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->photos))) != NULL)
    gtk_flow_box_remove (self->photos, child);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_photo), self->original->id != 0);
  if (self->original->id == 0)
    {
      adw_preferences_group_set_description (self->photos_group,
                                             _("Save the inspection first, then add its photos."));
      return;
    }
  adw_preferences_group_set_description (
    self->photos_group, _("JPEG or PNG. A photo is kept as soon as it is added or removed."));
  photos = tj_photo_list (self->db, self->original->id, &error);
  for (guint i = 0; photos != NULL && i < photos->len && error == NULL; i++)
    {
      g_autoptr (TjPhoto) photo = tj_photo_load (self->db,
                                                 ((TjPhoto *) g_ptr_array_index (photos, i))->id,
                                                 &error);
      g_autoptr (GdkTexture) texture = NULL;

      if (photo != NULL)
        texture = gdk_texture_new_from_bytes (photo->data, &error);
      if (texture != NULL)
        gtk_flow_box_append (self->photos, thumbnail_new (self, photo, texture));
    }
  if (error != NULL)
    {
      GtkWidget *state = tj_read_error_new ();

      tj_read_error_set_error (TJ_READ_ERROR (state), error);
      g_signal_connect_swapped (state, "retry", G_CALLBACK (load_photos), self);
      gtk_flow_box_append (self->photos, state);
    }
}

/* Core checks the bytes and the size limit: its message is shown, and nothing is kept. */
gboolean
tj_inspection_form_add_photo_file (TjInspectionForm *self,
                                   GFile            *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_autofree char *name = g_file_get_basename (file);

  g_return_val_if_fail (TJ_IS_INSPECTION_FORM (self), FALSE);
  g_return_val_if_fail (self->original->id != 0, FALSE);

  if (bytes == NULL ||
      tj_photo_add (self->db, self->original->id, tj_drop_down_get_value (self->photo_owner),
                    name, bytes, &error) == 0)
    {
      tj_alert (GTK_WINDOW (self), _("Cannot add the photo"), error->message);
      return FALSE;
    }
  load_photos (self);
  return TRUE;
}

static void
photo_response_cb (GtkNativeDialog  *dialog,
                   int               response,
                   TjInspectionForm *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    {
      tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
      tj_inspection_form_add_photo_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
add_photo_cb (TjInspectionForm *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Add a Photo"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Photos (JPEG, PNG)"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (photo_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

guint
tj_inspection_form_get_n_thumbnails (TjInspectionForm *self)
{
  return self->thumbnails->len;
}

/* The index-th thumbnail's button (its child the GtkPicture). */
GtkWidget *
tj_inspection_form_get_thumbnail (TjInspectionForm *self,
                                  guint             index)
{
  g_return_val_if_fail (index < self->thumbnails->len, NULL);
  return g_ptr_array_index (self->thumbnails, index);
}

static void
build (TjInspectionForm *self)
{
  TjInspection *inspection = self->original;

  self->loading = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *field = fields[i].field;
      GtkWidget *input;

      switch (fields[i].kind)
        {
        case KIND_PROJECT:
        case KIND_UNIT:
          input = gtk_drop_down_new (NULL, NULL);
          if (fields[i].kind == KIND_PROJECT)
            fill_projects (self, input);
          else
            fill_units (self, input, FALSE);
          tj_drop_down_enable_search (GTK_DROP_DOWN (input));
          tj_drop_down_set_value (GTK_DROP_DOWN (input), fields[i].kind == KIND_PROJECT
                                                           ? inspection->project_id
                                                           : inspection->organiser_id);
          gtk_widget_set_size_request (input, 320, -1);
          g_signal_connect_swapped (input, "notify::selected", G_CALLBACK (changed_cb), self);
          break;
        case KIND_VERDICT:
          {
            g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

            gtk_string_list_append (labels, _("Follow the Suggestion"));
            for (TjVerdict v = TJ_VERDICT_TRUE; v <= TJ_VERDICT_CONCEALED; v++)
              gtk_string_list_append (labels, tj_verdict_label (v));
            input = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
            gtk_drop_down_set_selected (GTK_DROP_DOWN (input),
                                        inspection->has_verdict ? inspection->verdict + 1 : 0);
            gtk_widget_set_size_request (input, 200, -1);
            g_signal_connect_swapped (input, "notify::selected", G_CALLBACK (changed_cb), self);
          }
          break;
        case KIND_SWITCH:
          input = gtk_switch_new ();
          gtk_switch_set_active (GTK_SWITCH (input), inspection->unannounced);
          g_signal_connect_swapped (input, "notify::active", G_CALLBACK (changed_cb), self);
          break;
        case KIND_SHOWN:
          input = gtk_label_new (NULL);
          gtk_label_set_selectable (GTK_LABEL (input), TRUE);
          gtk_widget_add_css_class (input, "numeric");
          if (g_str_equal (field, "suggested"))
            gtk_widget_add_css_class (input, "heading");
          break;
        case KIND_COUNT:
        case KIND_MONEY:
        case KIND_DATE:
        case KIND_TEXT:
        default:
          {
            g_autofree char *text = NULL;

            if (fields[i].kind == KIND_COUNT)
              {
                int n = g_str_equal (field, "workers") ? inspection->workers : inspection->machines;

                text = n >= 0 ? g_strdup_printf ("%d", n) : NULL;
              }
            else if (fields[i].kind == KIND_MONEY)
              text = inspection->id != 0 ? tj_money_format_wan (inspection->verified, 4, FALSE)
                                         : NULL;
            else
              text = g_strdup (G_STRUCT_MEMBER (char *, inspection, fields[i].text));
            input = tj_form_entry_new (text, fields[i].placeholder != NULL
                                               ? _(fields[i].placeholder)
                                               : NULL);
            g_signal_connect_swapped (input, "changed", G_CALLBACK (changed_cb), self);
          }
          break;
        }
      self->inputs[i] = input;
      self->rows[i] = tj_form_row_new (field, _(fields[i].title), input);
      adw_preferences_group_add (fields[i].check ? self->check_group : self->group,
                                 GTK_WIDGET (self->rows[i]));
    }

  /* the six kinds of evidence, in two rows of three */
  {
    GtkWidget *grid = gtk_grid_new ();

    gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
    gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
    gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
    for (guint k = 0; k < TJ_EVIDENCE_N; k++)
      {
        self->evidence[k] = gtk_check_button_new_with_label (tj_evidence_label (k));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->evidence[k]),
                                     (inspection->evidence & (1u << k)) != 0);
        g_signal_connect_swapped (self->evidence[k], "toggled", G_CALLBACK (changed_cb), self);
        gtk_grid_attach (GTK_GRID (grid), self->evidence[k], k % 3, k / 3, 1, 1);
      }
    adw_preferences_group_add (self->evidence_group, grid);
  }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->findings_row),
                                 _("No finding recorded."));
  gtk_widget_add_css_class (GTK_WIDGET (self->findings_row), "dim-label");
  for (guint i = 0; inspection->findings != NULL && i < inspection->findings->len; i++)
    add_finding (self, g_ptr_array_index (inspection->findings, i));
  self->loading = FALSE;
  validate (self);
}

static void
tj_inspection_form_dispose (GObject *object)
{
  TjInspectionForm *self = TJ_INSPECTION_FORM (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->db);
  g_clear_object (&self->original);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
  g_clear_pointer (&self->reported_progress, g_free);
  g_clear_pointer (&self->progress_note, g_free);
  G_OBJECT_CLASS (tj_inspection_form_parent_class)->dispose (object);
}

static void
tj_inspection_form_class_init (TjInspectionFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tj_inspection_form_dispose;
  tj_form_class_add_save (widget_class, (TjFormSaveFunc) tj_inspection_form_save);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-inspection-form.ui");
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, title);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, group);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, check_group);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, findings_group);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, findings_row);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, photos_group);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, add_photo);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, photo_owner);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionForm, photos);
  gtk_widget_class_bind_template_callback (widget_class, add_finding_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_photo_cb);
}

static void
tj_inspection_form_init (TjInspectionForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problems = tj_problems_new ();
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  self->thumbnails = g_ptr_array_new ();
}

/* The inspection is read with its findings and rectifications; when it cannot be read the
 * reason is said and no form is opened (NULL). */
GtkWindow *
tj_inspection_form_new (TjDb  *db,
                        gint64 id,
                        int    year)
{
  g_autoptr (TjInspection) inspection = NULL;
  g_autoptr (GError) error = NULL;
  TjInspectionForm *self;

  if (id != 0)
    {
      inspection = tj_inspection_load (db, id, &error);
      if (inspection == NULL)
        {
          tj_read_error_alert (NULL, error);
          return NULL;
        }
    }
  else
    {
      inspection = tj_inspection_new ();
      inspection->project_year = year;
    }
  self = g_object_new (TJ_TYPE_INSPECTION_FORM, NULL);
  self->db = g_object_ref (db);
  self->original = g_steal_pointer (&inspection);
  adw_window_title_set_subtitle (self->title, id != 0 ? self->original->project_name
                                                      : _("New Inspection"));
  build (self);
  fill_photo_owners (self);
  load_photos (self);
  return GTK_WINDOW (self);
}

gboolean
tj_inspection_form_set_text (TjInspectionForm *self,
                             const char       *field,
                             const char       *text)
{
  return tj_form_set_text (GTK_WIDGET (self), field, text);
}

gboolean
tj_inspection_form_choose (TjInspectionForm *self,
                           const char       *field,
                           const char       *label)
{
  return tj_form_choose (GTK_WIDGET (self), field, label);
}

const char *
tj_inspection_form_get_message (TjInspectionForm *self,
                                const char       *field)
{
  return tj_form_get_message (GTK_WIDGET (self), field);
}

const char *
tj_inspection_form_get_shown (TjInspectionForm *self,
                              const char       *field)
{
  if (g_str_equal (field, "reported_progress"))
    return self->reported_progress;
  return gtk_label_get_text (GTK_LABEL (tj_form_find_input (GTK_WIDGET (self), field)));
}

/* As a user picks what the next photo shows: "Of the Site" or a finding's label. */
gboolean
tj_inspection_form_choose_photo_owner (TjInspectionForm *self,
                                       const char       *label)
{
  return tj_drop_down_choose (self->photo_owner, label);
}
