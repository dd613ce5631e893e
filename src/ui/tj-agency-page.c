/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-agency-page"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-form-row.h"
#include "tj-agency-page.h"
#include "tj-approval.h"
#include "tj-case-window.h"
#include "tj-date.h"
#include "tj-read-error.h"
#include "tj-table.h"
#include "tj-unit.h"

/* 代办: the service centre's agency cases of the year (推进机制 四), filtered by status, agent,
 * project and locality; a case opens in its own window with its items. */
struct _TjAgencyPage
{
  TjPage parent_instance;

  GtkDropDown *status_filter;
  GtkDropDown *agent_filter;
  GtkDropDown *locality_filter;
  GtkSearchEntry *project_filter;
  GtkColumnView *column_view;
  GtkScrolledWindow *scrolled;
  GtkStack *stack;           /* "list", or "error" when the cases could not be read */
  TjReadError *read_error;

  gboolean stale; /* changed while not shown */
  gboolean localities_stale;
  GListStore *cases;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (TjAgencyPage, tj_agency_page, TJ_TYPE_PAGE)

typedef enum
{
  COLUMN_PROJECT,
  COLUMN_LOCALITY,
  COLUMN_COMPANY,
  COLUMN_ENTRUSTED,
  COLUMN_AGENT,
  COLUMN_STATUS,
  COLUMN_ITEMS,
  COLUMN_EVALUATION,
  N_COLUMNS
} Column;

static const TjTableColumn columns[N_COLUMNS] = {
  [COLUMN_PROJECT] = { "project", N_("Project Name"), 16, FALSE },
  [COLUMN_LOCALITY] = { "locality", N_("Locality"), 5, FALSE },
  [COLUMN_COMPANY] = { "company", N_("Entrusting Company"), 12, FALSE },
  [COLUMN_ENTRUSTED] = { "entrusted", N_("Entrusted"), 6, TJ_TABLE_DATE },
  [COLUMN_AGENT] = { "agent", N_("Agent"), 4, FALSE },
  [COLUMN_STATUS] = { "status", N_("Status"), 4, FALSE },
  [COLUMN_ITEMS] = { "items", N_("Items Finished"), 5, FALSE },
  [COLUMN_EVALUATION] = { "evaluation", N_("Evaluation"), 4, FALSE },
};

static char *
column_text (gpointer object,
             guint    column)
{
  TjAgencyCase *c = object;

  switch (column)
    {
    case COLUMN_PROJECT:
      return g_strdup (c->project_name);
    case COLUMN_LOCALITY:
      return g_strdup (c->locality_name);
    case COLUMN_COMPANY:
      return g_strdup (c->company);
    case COLUMN_ENTRUSTED:
      return g_strdup (c->entrusted);
    case COLUMN_AGENT:
      return g_strdup (c->agent_name);
    case COLUMN_STATUS:
      return c->archived ? g_strdup_printf (_("%s (archived)"), tj_case_status_label (c->status))
                         : g_strdup (tj_case_status_label (c->status));
    case COLUMN_ITEMS:
      return g_strdup_printf ("%u / %u", c->n_finished, c->n_items);
    case COLUMN_EVALUATION:
      return g_strdup (c->evaluation != TJ_EVALUATION_NONE ? tj_evaluation_label (c->evaluation)
                                                           : "");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
filter_cb (gpointer object,
           gpointer user_data)
{
  TjAgencyPage *self = user_data;
  TjAgencyCase *c = object;
  guint status = gtk_drop_down_get_selected (self->status_filter);
  const char *agent = tj_drop_down_get_chosen (self->agent_filter);
  const char *locality = tj_drop_down_get_chosen (self->locality_filter);
  const char *project = gtk_editable_get_text (GTK_EDITABLE (self->project_filter));

  if (status > 0 && status != GTK_INVALID_LIST_POSITION && c->status != (TjCaseStatus) (status - 1))
    return FALSE;
  if (agent != NULL && g_strcmp0 (c->agent_name, agent) != 0)
    return FALSE;
  if (locality != NULL && g_strcmp0 (c->locality_name, locality) != 0)
    return FALSE;
  if (*project != '\0' && (c->project_name == NULL || strstr (c->project_name, project) == NULL))
    return FALSE;
  return TRUE;
}

static void
filter_changed_cb (TjAgencyPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
fill_localities (TjAgencyPage *self,
                 GError      **error)
{
  g_autoptr (GPtrArray) units = tj_unit_list (tj_page_get_db (TJ_PAGE (self)), error);
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  if (units == NULL)
    return FALSE;
  gtk_string_list_append (list, _("All Localities"));
  for (guint i = 0; i < units->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (units, i);

      if (tj_unit_is_locality (unit))
        gtk_string_list_append (list, unit->name);
    }
  gtk_drop_down_set_model (self->locality_filter, G_LIST_MODEL (list));
  self->localities_stale = FALSE;
  return TRUE;
}

/* The page says why in place of the list; no stale row is left to act on. */
static void
show_read_error (TjAgencyPage *self,
                 const GError *error)
{
  tj_read_error_set_error (self->read_error, error);
  gtk_stack_set_visible_child_name (self->stack, "error");
  g_list_store_remove_all (self->cases);
}

static void
reload (TjAgencyPage *self)
{
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GtkStringList) agents = gtk_string_list_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;

  if (tj_page_get_db (TJ_PAGE (self)) == NULL || tj_page_get_year (TJ_PAGE (self)) == 0)
    return;
  /* Loaded only when shown: a window opened on the register does not pay for it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  if (self->localities_stale && !fill_localities (self, &error))
    {
      show_read_error (self, error);
      return;
    }
  cases = tj_agency_case_list (tj_page_get_db (TJ_PAGE (self)), tj_page_get_year (TJ_PAGE (self)),
                               &error);
  if (cases == NULL)
    {
      show_read_error (self, error);
      return;
    }
  gtk_string_list_append (agents, _("All Agents"));
  for (guint i = 0; i < cases->len; i++)
    {
      TjAgencyCase *c = g_ptr_array_index (cases, i);

      if (c->agent_name != NULL && g_hash_table_add (seen, c->agent_name))
        gtk_string_list_append (agents, c->agent_name);
    }
  if (gtk_drop_down_get_selected (self->agent_filter) == 0 ||
      gtk_drop_down_get_model (self->agent_filter) == NULL)
    gtk_drop_down_set_model (self->agent_filter, G_LIST_MODEL (agents));
  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       cases->pdata, cases->len);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* The cases with their projects, agents and counts of items. */
static void
cases_changed_cb (TjAgencyPage *self)
{
  reload (self);
}

/* The locality filter is read again with the list. */
static void
units_changed_cb (TjAgencyPage *self)
{
  self->localities_stale = TRUE;
  reload (self);
}

static void
open_case (TjAgencyPage *self,
           TjAgencyCase *c)
{
  g_autofree char *today = tj_date_today ();
  GtkWindow *window = tj_case_window_new (tj_page_get_db (TJ_PAGE (self)), c,
                                          tj_page_get_year (TJ_PAGE (self)), today);

  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (window);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_case (TJ_AGENCY_PAGE (widget), NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TjAgencyPage *self = TJ_AGENCY_PAGE (widget);
  TjAgencyCase *c = gtk_single_selection_get_selected_item (self->selection);

  if (c != NULL)
    open_case (self, c);
}

static void
activated_cb (TjAgencyPage *self,
              guint         position)
{
  g_autoptr (TjAgencyCase) c = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  open_case (self, c);
}

static void
mapped_cb (TjAgencyPage *self)
{
  if (self->stale)
    reload (self);
}

static void
tj_agency_page_dispose (GObject *object)
{
  TjAgencyPage *self = TJ_AGENCY_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->cases);
  G_OBJECT_CLASS (tj_agency_page_parent_class)->dispose (object);
}

static void
tj_agency_page_constructed (GObject *object)
{
  TjAgencyPage *self = TJ_AGENCY_PAGE (object);

  /* the cases with their projects, agents and counts of items; the locality filter */
  static const char *const cases_tables[] = {
    "agency_cases", "approval_items", "projects", "people", NULL
  };
  static const char *const units_tables[] = { "units", NULL };

  G_OBJECT_CLASS (tj_agency_page_parent_class)->constructed (object);
  tj_page_watch_tables (TJ_PAGE (self), cases_tables, G_CALLBACK (cases_changed_cb));
  tj_page_watch_tables (TJ_PAGE (self), units_tables, G_CALLBACK (units_changed_cb));
  self->localities_stale = TRUE;
  reload (self);
}

static void
tj_agency_page_year_changed (TjPage *page)
{
  reload (TJ_AGENCY_PAGE (page));
}

static void
tj_agency_page_class_init (TjAgencyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tj_agency_page_constructed;
  object_class->dispose = tj_agency_page_dispose;
  TJ_PAGE_CLASS (klass)->year_changed = tj_agency_page_year_changed;
  gtk_widget_class_install_action (widget_class, "agency.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "agency.open", NULL, open_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (TJ_TYPE_READ_ERROR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-agency-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TjAgencyPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TjAgencyPage, agent_filter);
  gtk_widget_class_bind_template_child (widget_class, TjAgencyPage, locality_filter);
  gtk_widget_class_bind_template_child (widget_class, TjAgencyPage, project_filter);
  gtk_widget_class_bind_template_child (widget_class, TjAgencyPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TjAgencyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TjAgencyPage, read_error);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload);
}

static void
tj_agency_page_init (TjAgencyPage *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);

  /* the filter first: the drop-downs tell it when their choices arrive */
  self->cases = g_list_store_new (TJ_TYPE_AGENCY_CASE);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (statuses, _("All States"));
  for (guint s = 0; s < TJ_CASE_N; s++)
    gtk_string_list_append (statuses, tj_case_status_label (s));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  tj_drop_down_enable_search (self->locality_filter);

  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->cases)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  self->column_view = tj_table_new (GTK_SELECTION_MODEL (self->selection), columns, N_COLUMNS,
                                    COLUMN_PROJECT, column_text, NULL);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activated_cb), self);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->column_view));
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

GListModel *
tj_agency_page_get_shown (TjAgencyPage *self)
{
  return G_LIST_MODEL (self->filtered);
}

/* The text the list shows in a column ("project", "company", …) of a shown row. */
char *
tj_agency_page_get_cell_text (TjAgencyPage *self,
                              guint         position,
                              const char   *column)
{
  g_autoptr (TjAgencyCase) c = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  int index = tj_table_column_index (columns, N_COLUMNS, column);

  g_return_val_if_fail (c != NULL, NULL);
  g_return_val_if_fail (index >= 0, NULL);
  return column_text (c, index);
}
