/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-project-form"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-report.h"
#include "tj-approval.h"
#include "tj-date.h"
#include "tj-element-section.h"
#include "tj-form-row.h"
#include "tj-inspection.h"
#include "tj-matter.h"
#include "tj-money.h"
#include "tj-person-dialog.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-progress.h"
#include "tj-project-form.h"
#include "tj-read-error.h"
#include "tj-unit.h"
#include "tj-visit-group.h"

typedef enum
{
  KIND_TEXT,
  KIND_MONEY,
  KIND_MONTH,
  KIND_DATE,
  KIND_LEVEL,
  KIND_NATURE,
  KIND_INDUSTRY,
  KIND_LOCALITY,
  KIND_UNIT,
  KIND_LEADER,
  KIND_OFFICER,
} FieldKind;

typedef enum
{
  GROUP_BASIC,
  GROUP_RESPONSIBILITY,
  GROUP_INVESTMENT,
  GROUP_SCHEDULE,
  GROUP_OWNER,
  N_GROUPS
} Group;

#define MEMBER(member) G_STRUCT_OFFSET (TjProject, member)

/* The form's rows, in order; field is the column name core validation reports, member where the
 * project keeps its value (text, a month or a date: char *; money or an id: gint64), or 0 for
 * the level, nature and industry, which have their own members. */
static const struct
{
  const char *field;
  Group group;
  FieldKind kind;
  const char *placeholder;
  glong member;
} fields[] = {
  { "name", GROUP_BASIC, KIND_TEXT, NULL, MEMBER (name) },
  { "code", GROUP_BASIC, KIND_TEXT, N_("Optional"), MEMBER (code) },
  { "level", GROUP_BASIC, KIND_LEVEL, NULL, 0 },
  { "nature", GROUP_BASIC, KIND_NATURE, NULL, 0 },
  { "industry", GROUP_BASIC, KIND_INDUSTRY, NULL, 0 },
  { "content", GROUP_BASIC, KIND_TEXT, N_("Site area, buildings, capacity…"), MEMBER (content) },
  { "locality_id", GROUP_RESPONSIBILITY, KIND_LOCALITY, NULL, MEMBER (locality_id) },
  { "unit_id", GROUP_RESPONSIBILITY, KIND_UNIT, NULL, MEMBER (unit_id) },
  { "leader_id", GROUP_RESPONSIBILITY, KIND_LEADER, NULL, MEMBER (leader_id) },
  { "officer_id", GROUP_RESPONSIBILITY, KIND_OFFICER, NULL, MEMBER (officer_id) },
  { "total_investment", GROUP_INVESTMENT, KIND_MONEY, "0.0000", MEMBER (total_investment) },
  { "annual_plan", GROUP_INVESTMENT, KIND_MONEY, "0.0000", MEMBER (annual_plan) },
  { "planned_start", GROUP_SCHEDULE, KIND_MONTH, "2026-03", MEMBER (planned_start) },
  { "planned_completion", GROUP_SCHEDULE, KIND_MONTH, "2027-12", MEMBER (planned_completion) },
  { "actual_start", GROUP_SCHEDULE, KIND_DATE, "2026-03-15", MEMBER (actual_start) },
  { "actual_completion", GROUP_SCHEDULE, KIND_DATE, "2027-12-20", MEMBER (actual_completion) },
  { "stats_date", GROUP_SCHEDULE, KIND_DATE, "2026-03-15", MEMBER (stats_date) },
  { "owner", GROUP_OWNER, KIND_TEXT, NULL, MEMBER (owner) },
  { "contact", GROUP_OWNER, KIND_TEXT, NULL, MEMBER (contact) },
  { "phone", GROUP_OWNER, KIND_TEXT, "0371-62871234", MEMBER (phone) },
  { "notes", GROUP_OWNER, KIND_TEXT, NULL, MEMBER (notes) },
};

#define N_FIELDS G_N_ELEMENTS (fields)

typedef struct
{
  AdwActionRow *row;
  GtkWidget *input; /* GtkEntry or GtkDropDown (tj_drop_down_set_choices) */
} FieldWidgets;

struct _TjProjectForm
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *basic_group;
  AdwPreferencesGroup *responsibility_group;
  AdwPreferencesGroup *investment_group;
  AdwPreferencesGroup *schedule_group;
  AdwPreferencesGroup *owner_group;

  TjDb *db;
  GSettings *settings;
  TjProject *original; /* a copy: id, year and links kept when saving */
  FieldWidgets widgets[N_FIELDS];
  GHashTable *touched; /* fields the user changed: their problems show as typed */
  GPtrArray *problems;
  gboolean show_all;   /* after a refused save every problem shows */
  gboolean dirty;
  gboolean loading;
  gboolean closing;
  gboolean read_failed; /* a drop-down's choices could not be read: the form does not save */
};

G_DEFINE_FINAL_TYPE (TjProjectForm, tj_project_form, ADW_TYPE_WINDOW)

static gboolean
is_choice (FieldKind kind)
{
  return kind >= KIND_LEVEL;
}

static void
fill_choices (TjProjectForm *self,
              guint          i)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  gint64 none = 0;

  /* "(None)" first where the field may stay empty, "Choose…" where it must be chosen */
  gtk_string_list_append (labels, fields[i].kind == KIND_INDUSTRY || fields[i].kind == KIND_UNIT ||
                                      fields[i].kind == KIND_LEADER
                                    ? _("(None)")
                                    : _("Choose…"));
  g_array_append_val (values, none);

  switch (fields[i].kind)
    {
    case KIND_LEVEL:
      {
        g_autoptr (TjLevelNames) names = tj_level_names_load (self->db, &error);

        if (names == NULL)
          {
            tj_form_choices_unread (GTK_WIDGET (self), self->widgets[i].input, &self->read_failed,
                                    error);
            break;
          }
        for (gint64 level = 1; level < TJ_LEVEL_N; level++)
          {
            gtk_string_list_append (labels, names->full[level]);
            g_array_append_val (values, level);
          }
      }
      break;
    case KIND_NATURE:
      for (gint64 nature = 1; nature < TJ_NATURE_N; nature++)
        {
          gtk_string_list_append (labels, tj_nature_label (nature));
          g_array_append_val (values, nature);
        }
      break;
    case KIND_INDUSTRY:
      {
        g_auto (GStrv) industries = tj_industries_load (self->db, &error);

        if (industries == NULL)
          {
            tj_form_choices_unread (GTK_WIDGET (self), self->widgets[i].input, &self->read_failed,
                                    error);
            break;
          }
        for (gint64 k = 0; industries[k] != NULL; k++)
          if (*industries[k] != '\0')
            {
              gtk_string_list_append (labels, industries[k]);
              g_array_append_val (values, k);
            }
      }
      break;
    case KIND_LOCALITY:
    case KIND_UNIT:
      {
        g_autoptr (GPtrArray) units = tj_unit_list (self->db, &error);

        if (units == NULL)
          tj_form_choices_unread (GTK_WIDGET (self), self->widgets[i].input, &self->read_failed,
                                error);
        for (guint k = 0; units != NULL && k < units->len; k++)
          {
            TjUnit *unit = g_ptr_array_index (units, k);

            if ((fields[i].kind == KIND_LOCALITY && !tj_unit_is_locality (unit)) ||
                (!unit->active && unit->id != self->original->locality_id &&
                 unit->id != self->original->unit_id))
              continue;
            gtk_string_list_append (labels, unit->name);
            g_array_append_val (values, unit->id);
          }
      }
      break;
    case KIND_LEADER:
    case KIND_OFFICER:
      {
        g_autoptr (GPtrArray) people = tj_person_list (self->db, &error);
        gboolean leader = fields[i].kind == KIND_LEADER;

        if (people == NULL)
          tj_form_choices_unread (GTK_WIDGET (self), self->widgets[i].input, &self->read_failed,
                                error);
        for (guint k = 0; people != NULL && k < people->len; k++)
          {
            TjPerson *person = g_ptr_array_index (people, k);

            if ((leader ? !person->is_leader : !person->is_officer) ||
                (!person->active && person->id != self->original->leader_id &&
                 person->id != self->original->officer_id))
              continue;
            g_autofree char *label = person->unit_name != NULL
                                       ? g_strdup_printf ("%s（%s）", person->name,
                                                          person->unit_name)
                                       : g_strdup (person->name);

            gtk_string_list_append (labels, label);
            g_array_append_val (values, person->id);
          }
      }
      break;
    case KIND_TEXT:
    case KIND_MONEY:
    case KIND_MONTH:
    case KIND_DATE:
    default:
      g_assert_not_reached ();
    }
  tj_drop_down_set_choices (GTK_DROP_DOWN (self->widgets[i].input), labels, values);
}

/* Reads the form into a project; what cannot be parsed becomes a problem of its field. */
static TjProject *
collect (TjProjectForm *self,
         GPtrArray     *problems)
{
  TjProject *p = tj_project_copy (self->original);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldWidgets *w = &self->widgets[i];
      const char *field = fields[i].field;

      if (!is_choice (fields[i].kind))
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (w->input));
          g_autofree char *clean = g_strstrip (g_strdup (text));
          g_autoptr (GError) error = NULL;
          char **slot = G_STRUCT_MEMBER_P (p, fields[i].member);

          switch (fields[i].kind)
            {
            case KIND_MONEY:
              {
                gint64 yuan = 0;

                if (*clean != '\0' && !tj_money_parse_wan (clean, &yuan, &error))
                  tj_problems_add (problems, field, "%s", error->message);
                G_STRUCT_MEMBER (gint64, p, fields[i].member) = yuan;
              }
              break;
            case KIND_MONTH:
            case KIND_DATE:
              g_clear_pointer (slot, g_free);
              if (*clean != '\0')
                {
                  *slot = fields[i].kind == KIND_MONTH ? tj_month_parse (clean, &error)
                                                       : tj_date_parse (clean, &error);
                  if (*slot == NULL)
                    tj_problems_add (problems, field, "%s", error->message);
                }
              break;
            default:
              g_free (*slot);
              *slot = *clean != '\0' ? g_strdup (clean) : NULL;
              break;
            }
        }
      else if (fields[i].kind == KIND_LEVEL)
        p->level = tj_drop_down_get_value (GTK_DROP_DOWN (w->input));
      else if (fields[i].kind == KIND_NATURE)
        p->nature = tj_drop_down_get_value (GTK_DROP_DOWN (w->input));
      else if (fields[i].kind == KIND_INDUSTRY)
        {
          g_free (p->industry);
          p->industry = g_strdup (tj_drop_down_get_chosen (GTK_DROP_DOWN (w->input)));
        }
      else
        G_STRUCT_MEMBER (gint64, p, fields[i].member) =
          tj_drop_down_get_value (GTK_DROP_DOWN (w->input));
    }
  return p;
}

static void
show_problems (TjProjectForm *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *field = fields[i].field;
      const char *message = tj_problems_find (self->problems, field);
      gboolean shown = message != NULL &&
                       (self->show_all || g_hash_table_contains (self->touched, field));

      tj_form_row_set_problem (self->widgets[i].row, shown ? message : NULL);
    }
}

/* Core validates; the form only shows what it says, at the field. */
static TjProject *
validate (TjProjectForm *self)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  TjProject *p = collect (self, problems);
  g_autoptr (GPtrArray) rules = tj_project_validate (p, self->db);

  tj_form_add_rule_problems (problems, rules);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&problems);
  show_problems (self);
  return p;
}

static void
input_changed_cb (GtkWidget     *input,
                  GParamSpec    *pspec,
                  TjProjectForm *self)
{
  const char *field = g_object_get_data (G_OBJECT (input), "field");
  g_autoptr (TjProject) p = NULL;

  if (self->loading)
    return;
  self->dirty = TRUE;
  g_hash_table_add (self->touched, (gpointer) field);
  p = validate (self);
}

static void
load_values (TjProjectForm *self)
{
  TjProject *p = self->original;

  self->loading = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldWidgets *w = &self->widgets[i];

      switch (fields[i].kind)
        {
        case KIND_MONEY:
          {
            gint64 yuan = G_STRUCT_MEMBER (gint64, p, fields[i].member);
            g_autofree char *text = yuan != 0 || p->id != 0 ? tj_money_format_wan (yuan, 4, FALSE)
                                                            : NULL;
            gtk_editable_set_text (GTK_EDITABLE (w->input), text != NULL ? text : "");
          }
          break;
        case KIND_TEXT:
        case KIND_MONTH:
        case KIND_DATE:
          {
            const char *text = G_STRUCT_MEMBER (char *, p, fields[i].member);

            gtk_editable_set_text (GTK_EDITABLE (w->input), text != NULL ? text : "");
          }
          break;
        case KIND_LEVEL:
          tj_drop_down_set_value (GTK_DROP_DOWN (w->input), p->level);
          break;
        case KIND_NATURE:
          tj_drop_down_set_value (GTK_DROP_DOWN (w->input), p->nature);
          break;
        case KIND_INDUSTRY:
          {
            GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (w->input));

            gtk_drop_down_set_selected (GTK_DROP_DOWN (w->input), 0);
            for (guint k = 1; k < g_list_model_get_n_items (labels); k++)
              if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), k),
                             p->industry) == 0)
                gtk_drop_down_set_selected (GTK_DROP_DOWN (w->input), k);
          }
          break;
        case KIND_LOCALITY:
        case KIND_UNIT:
        case KIND_LEADER:
        case KIND_OFFICER:
        default:
          tj_drop_down_set_value (GTK_DROP_DOWN (w->input),
                                  G_STRUCT_MEMBER (gint64, p, fields[i].member));
          break;
        }
    }
  self->loading = FALSE;
}

static void
person_added_cb (TjPerson *person,
                 gpointer  user_data)
{
  TjProjectForm *self = TJ_PROJECT_FORM (user_data);
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (person), "field-index"));
  g_autoptr (TjProject) p = NULL;

  for (guint k = 0; k < N_FIELDS; k++)
    if (fields[k].kind == KIND_LEADER || fields[k].kind == KIND_OFFICER)
      {
        GtkDropDown *dropdown = GTK_DROP_DOWN (self->widgets[k].input);
        gint64 keep = tj_drop_down_get_value (dropdown);

        self->loading = TRUE;
        fill_choices (self, k);
        tj_drop_down_set_value (dropdown, k == i ? person->id : keep);
        self->loading = FALSE;
      }
  self->dirty = TRUE;
  g_hash_table_add (self->touched, (gpointer) fields[i].field);
  p = validate (self);
}

static void
add_person_clicked_cb (GtkButton     *button,
                       TjProjectForm *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "field-index"));
  g_autoptr (TjPerson) person = tj_person_new ();

  person->is_leader = fields[i].kind == KIND_LEADER;
  person->is_officer = fields[i].kind == KIND_OFFICER;
  g_object_set_data (G_OBJECT (person), "field-index", GUINT_TO_POINTER (i));
  tj_person_dialog_present (GTK_WINDOW (self), self->db, person, person_added_cb, self);
}

static void
build_rows (TjProjectForm *self)
{
  AdwPreferencesGroup *groups[N_GROUPS] = {
    self->basic_group, self->responsibility_group, self->investment_group, self->schedule_group,
    self->owner_group,
  };

  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldWidgets *w = &self->widgets[i];
      const char *label = tj_project_field_label (fields[i].field);
      g_autofree char *title = NULL;

      if (fields[i].kind == KIND_MONEY)
        title = g_strdup_printf (_("%s (10k yuan)"), label);
      else
        title = g_strdup (label);

      if (is_choice (fields[i].kind))
        {
          w->input = gtk_drop_down_new (NULL, NULL);
          gtk_widget_set_size_request (w->input, 300, -1);
          fill_choices (self, i);
          if (fields[i].kind >= KIND_LOCALITY)
            tj_drop_down_enable_search (GTK_DROP_DOWN (w->input));
          g_signal_connect (w->input, "notify::selected", G_CALLBACK (input_changed_cb), self);
        }
      else
        {
          w->input = tj_form_entry_new (NULL, fields[i].placeholder != NULL
                                                ? _(fields[i].placeholder)
                                                : NULL);
          if (fields[i].kind == KIND_MONEY)
            {
              gtk_entry_set_alignment (GTK_ENTRY (w->input), 1.0);
              gtk_entry_set_input_purpose (GTK_ENTRY (w->input), GTK_INPUT_PURPOSE_NUMBER);
            }
          if (g_str_equal (fields[i].field, "phone"))
            gtk_entry_set_input_purpose (GTK_ENTRY (w->input), GTK_INPUT_PURPOSE_PHONE);
          g_signal_connect (w->input, "notify::text", G_CALLBACK (input_changed_cb), self);
        }
      g_object_set_data (G_OBJECT (w->input), "field", (gpointer) fields[i].field);
      w->row = tj_form_row_new (fields[i].field, title, w->input);
      adw_action_row_set_subtitle_lines (w->row, 2);

      if (fields[i].kind == KIND_LEADER || fields[i].kind == KIND_OFFICER)
        {
          GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

          gtk_widget_set_tooltip_text (add, fields[i].kind == KIND_LEADER
                                                ? _("Add a city leader")
                                                : _("Add a service officer"));
          gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (add, "flat");
          g_object_set_data (G_OBJECT (add), "field-index", GUINT_TO_POINTER (i));
          g_signal_connect (add, "clicked", G_CALLBACK (add_person_clicked_cb), self);
          adw_action_row_add_suffix (w->row, add);
        }
      adw_preferences_group_add (groups[fields[i].group], GTK_WIDGET (w->row));
    }
}

/* The project's months as reported (月报), read-only here: they are entered on the 进度填报 page. */
static void
add_months (TjProjectForm *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) months = tj_progress_list_project (self->db, self->original->id, &error);
  GtkWidget *group = adw_preferences_group_new ();
  guint shown = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Reported Months"));
  if (months == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the reported months: %s"),
                                                  error->message);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), message);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      return;
    }
  for (guint i = 0; months != NULL && i < months->len; i++)
    {
      TjMonthRow *month = g_ptr_array_index (months, i);
      g_autofree char *completed = NULL, *cumulative = NULL, *title = NULL, *subtitle = NULL;
      g_autofree char *percent = NULL;
      double rate = tj_month_row_get_rate (month);
      GtkWidget *row;

      if (!month->reported)
        continue;
      completed = tj_money_format_wan (month->completed, 2, TRUE);
      cumulative = tj_money_format_wan (month->cumulative, 2, TRUE);
      percent = rate >= 0 ? tj_report_format_percent (rate) : NULL;
      title = percent != NULL
                ? g_strdup_printf (_("Month %d: %s this month, %s cumulative (%s)"), month->month,
                                   completed, cumulative, percent)
                : g_strdup_printf (_("Month %d: %s this month, %s cumulative"), month->month,
                                   completed, cumulative);
      subtitle = g_strdup_printf (_("Visual progress: %s; problems: %s"),
                                  month->progress != NULL ? month->progress : "—",
                                  month->problems != NULL ? month->problems : "—");
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      shown++;
    }
  if (shown == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No month reported yet."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("In 10,000 yuan. Enter them on the Monthly Reports "
                                             "page."));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

/* The project's agency cases and approval items (推进机制 三、四), read-only here: they are kept on
 * the 代办 and 审批 pages. */
static void
add_approvals (TjProjectForm *self)
{
  g_autofree char *today = tj_date_today ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = tj_agency_case_list_project (self->db, self->original->id,
                                                             &error);
  g_autoptr (GPtrArray) items = cases != NULL ? tj_approval_item_list_project (self->db,
                                                                               self->original->id,
                                                                               today, &error)
                                              : NULL;
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Agency and Approvals"));
  if (cases == NULL || items == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the agency cases and approval "
                                                    "items: %s"),
                                                  error->message);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), message);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      return;
    }
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      TjAgencyCase *c = g_ptr_array_index (cases, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Agency case of %s: %s"),
                                                c->entrusted != NULL ? c->entrusted : "",
                                                tj_case_status_label (c->status));
      g_autofree char *subtitle = g_strdup_printf (_("%u of %u items finished"), c->n_finished,
                                                   c->n_items);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      TjApprovalItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s",
                                                   item->unit_name != NULL ? item->unit_name : "",
                                                   tj_item_state_label (item->state),
                                                   item->deadline != NULL ? " · " : "",
                                                   item->deadline != NULL ? item->deadline : "");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (item->overdue)
        gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if ((cases == NULL || cases->len == 0) && (items == NULL || items->len == 0))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No agency case or approval item."));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

/* A read-only group of the form, titled with its count; a read error is its description. */
static GtkWidget *
add_list_group (TjProjectForm *self,
                const char    *title,
                const char    *failed,
                GPtrArray     *items,
                const GError  *error)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (items == NULL)
    {
      g_autofree char *message = g_strdup_printf (failed, error->message);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), message);
    }
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  return group;
}

static void
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle,
         gboolean    alarm)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (alarm)
    gtk_widget_add_css_class (row, "error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* The project's site inspections (巡查记录), read-only here: they are kept on the 巡查 page. */
static void
add_inspections (TjProjectForm *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = tj_inspection_list_project (self->db, self->original->id, &error);
  g_autofree char *title = NULL;
  guint overdue = 0;
  GtkWidget *group;

  if (list != NULL)
    {
      for (guint i = 0; i < list->len; i++)
        overdue += ((TjInspection *) g_ptr_array_index (list, i))->n_overdue_rectifications;
      /* Translators: "巡查记录（2 次）" */
      title = g_strdup_printf (g_dngettext (NULL, "Site Inspections (%u)",
                                            "Site Inspections (%u)", list->len),
                               list->len);
    }
  group = add_list_group (self, title != NULL ? title : C_ ("project form", "Site Inspections"),
                          _("Cannot read the site inspections: %s"), list, error);
  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      TjInspection *insp = g_ptr_array_index (list, i);
      g_autofree char *row_title = NULL, *subtitle = NULL, *rectifications = NULL;

      /* Translators: "2026-05-20　纪委监委（暗访）　结论：虚报" */
      row_title = g_strdup_printf (insp->unannounced ? _("%1$s  %2$s (unannounced)  Verdict: %3$s")
                                                     : _("%1$s  %2$s  Verdict: %3$s"),
                                   insp->date, insp->organiser_name != NULL ? insp->organiser_name
                                                                            : "—",
                                   tj_verdict_label (insp->final_verdict));
      if (insp->n_rectifications == 0)
        rectifications = g_strdup (_("no rectification"));
      else
        /* Translators: "整改 3 项，未销号 2 项，逾期 1 项" */
        rectifications = g_strdup_printf (_("rectifications: %1$u, open: %2$u, overdue: %3$u"),
                                          insp->n_rectifications, insp->n_open_rectifications,
                                          insp->n_overdue_rectifications);
      subtitle = g_strdup_printf (_("Inspectors: %1$s; %2$s"),
                                  insp->inspectors != NULL && *insp->inspectors != '\0'
                                    ? insp->inspectors
                                    : "—",
                                  rectifications);
      add_row (group, row_title, subtitle, insp->n_overdue_rectifications > 0);
    }
  if (list->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No site inspection yet."));
  else if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u rectification overdue. "
                                                            "Kept on the Inspections page.",
                                                            "%u rectifications overdue. Kept "
                                                            "on the Inspections page.",
                                                            overdue),
                                               overdue);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
    }
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Kept on the Inspections page."));
}

/* The matters decided for the project (议定事项), with their status today, read-only here: they
 * are kept on the 督办 page. */
static void
add_matters (TjProjectForm *self)
{
  g_autofree char *today = tj_date_today ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = tj_matter_list_project (self->db, self->original->id, &error);
  g_autofree char *title = NULL;
  guint overdue = 0;
  GtkWidget *group;

  if (list != NULL)
    /* Translators: "议定事项（3 项）" */
    title = g_strdup_printf (g_dngettext (NULL, "Meeting Matters (%u)", "Meeting Matters (%u)",
                                          list->len),
                             list->len);
  group = add_list_group (self, title != NULL ? title : C_ ("project form", "Meeting Matters"),
                          _("Cannot read the meeting matters: %s"), list, error);
  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      TjMatter *matter = g_ptr_array_index (list, i);
      TjMatterStatus status = tj_matter_get_status (matter, today);
      g_autofree char *subtitle = NULL;

      if (status == TJ_MATTER_OVERDUE)
        overdue++;
      /* Translators: "办结期限：2026-06-15　状态：办理中　责任单位：住建局　会议：2026-03-05 三月例会" */
      subtitle = g_strdup_printf (_("Deadline: %1$s  Status: %2$s  Responsible unit: %3$s  "
                                    "Meeting: %4$s %5$s"),
                                  matter->deadline_in_force != NULL ? matter->deadline_in_force
                                                                    : "—",
                                  tj_matter_status_label (status),
                                  matter->unit_name != NULL ? matter->unit_name : "—",
                                  matter->meeting_date != NULL ? matter->meeting_date : "",
                                  matter->meeting_name != NULL ? matter->meeting_name : "");
      add_row (group, matter->content != NULL ? matter->content : "", subtitle,
               status == TJ_MATTER_OVERDUE);
    }
  if (list->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No meeting matter for this project."));
  else if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u overdue, not finished. "
                                                            "Status as of today; kept on the "
                                                            "Supervision page.",
                                                            "%u overdue, not finished. Status "
                                                            "as of today; kept on the "
                                                            "Supervision page.",
                                                            overdue),
                                               overdue);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
    }
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Status as of today; kept on the Supervision "
                                             "page."));
}

/* Saves when valid; otherwise shows every problem at its field and keeps the form open. */
gboolean
tj_project_form_save (TjProjectForm *self)
{
  g_autoptr (TjProject) p = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TJ_IS_PROJECT_FORM (self), FALSE);

  if (self->read_failed)
    return FALSE;
  p = validate (self);
  if (self->problems->len > 0)
    {
      TjProblem *first = g_ptr_array_index (self->problems, 0);
      GtkWidget *input = tj_form_find_input (GTK_WIDGET (self), first->field);

      self->show_all = TRUE;
      show_problems (self);
      if (input != NULL)
        gtk_widget_grab_focus (input);
      return FALSE;
    }
  if (!tj_project_save (self->db, p, &error))
    {
      tj_alert (GTK_WINDOW (self), _("Cannot save the project"), error->message);
      return FALSE;
    }
  self->dirty = FALSE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TjProjectForm    *self)
{
  if (g_str_equal (response, "save"))
    tj_project_form_save (self);
  else if (g_str_equal (response, "discard"))
    {
      self->dirty = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
tj_project_form_close_request (GtkWindow *window)
{
  TjProjectForm *self = TJ_PROJECT_FORM (window);
  GtkWidget *dialog;
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "form-width", width);
  g_settings_set_int (self->settings, "form-height", height);
  /* nothing can be saved when the choices could not be read: no question about saving */
  if (!self->dirty || self->read_failed)
    return GTK_WINDOW_CLASS (tj_project_form_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save the Changes?"),
                                   _("The project form has changes that are not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
tj_project_form_dispose (GObject *object)
{
  TjProjectForm *self = TJ_PROJECT_FORM (object);

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_object (&self->original);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  G_OBJECT_CLASS (tj_project_form_parent_class)->dispose (object);
}

static void
tj_project_form_class_init (TjProjectFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tj_project_form_dispose;
  window_class->close_request = tj_project_form_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-project-form.ui");
  gtk_widget_class_bind_template_child (widget_class, TjProjectForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, TjProjectForm, page);
  gtk_widget_class_bind_template_child (widget_class, TjProjectForm, basic_group);
  gtk_widget_class_bind_template_child (widget_class, TjProjectForm, responsibility_group);
  gtk_widget_class_bind_template_child (widget_class, TjProjectForm, investment_group);
  gtk_widget_class_bind_template_child (widget_class, TjProjectForm, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, TjProjectForm, owner_group);

  tj_form_class_add_save (widget_class, (TjFormSaveFunc) tj_project_form_save);
}

static void
tj_project_form_init (TjProjectForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "form-width"),
                               g_settings_get_int (self->settings, "form-height"));
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = tj_problems_new ();
}

GtkWindow *
tj_project_form_new (TjDb      *db,
                     TjProject *project,
                     int        year)
{
  TjProjectForm *self = g_object_new (TJ_TYPE_PROJECT_FORM, NULL);
  g_autofree char *subtitle = NULL;

  self->db = g_object_ref (db);
  if (project != NULL)
    self->original = tj_project_copy (project);
  else
    {
      self->original = tj_project_new ();
      self->original->year = year;
    }
  adw_window_title_set_title (self->window_title,
                              project != NULL ? _("Edit Project") : _("New Project"));
  subtitle = g_strdup_printf (_("%d Key Project List"), self->original->year);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), project != NULL ? _("Edit Project") : _("New Project"));
  build_rows (self);
  load_values (self);
  if (project != NULL)
    {
      add_months (self);
      add_approvals (self);
      add_inspections (self);
      add_matters (self);
      adw_preferences_page_add (self->page,
                                ADW_PREFERENCES_GROUP (tj_visit_group_new (db, self->original->id)));
      /* 要素保障: the project's funds and quotas (tj-element-section.c) */
      adw_preferences_page_add (self->page, tj_element_section_new (db, self->original->id));
      /* 入库跟进: the project's statistics follow-ups (tj-element-section.c) */
      adw_preferences_page_add (self->page, tj_followup_section_new (db, self->original->id));
    }
  return GTK_WINDOW (self);
}

/* For tests and scripted use: what a user would type or pick. */
gboolean
tj_project_form_set_text (TjProjectForm *self,
                          const char    *field,
                          const char    *text)
{
  return tj_form_set_text (GTK_WIDGET (self), field, text);
}

gboolean
tj_project_form_choose (TjProjectForm *self,
                        const char    *field,
                        const char    *label)
{
  return tj_form_choose (GTK_WIDGET (self), field, label);
}

/* The field's entry or drop-down (for tests). */
GtkWidget *
tj_project_form_get_input (TjProjectForm *self,
                           const char    *field)
{
  return tj_form_find_input (GTK_WIDGET (self), field);
}

gboolean
tj_project_form_choose_nth (TjProjectForm *self,
                            const char    *field,
                            guint          position)
{
  GtkWidget *input = tj_form_find_input (GTK_WIDGET (self), field);

  g_return_val_if_fail (GTK_IS_DROP_DOWN (input), FALSE);
  if (position >= g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (input))))
    return FALSE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (input), position);
  return TRUE;
}

const char *
tj_project_form_get_message (TjProjectForm *self,
                             const char    *field)
{
  return tj_form_get_message (GTK_WIDGET (self), field);
}
