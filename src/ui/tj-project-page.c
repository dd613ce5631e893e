/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-project-page"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-form-row.h"
#include "tj-history-window.h"
#include "tj-money.h"
#include "tj-project-form.h"
#include "tj-project-page.h"
#include "tj-deletion.h"
#include "tj-read-error.h"
#include "tj-table.h"
#include "tj-unit.h"

struct _TjProjectPage
{
  TjPage parent_instance;

  GtkStack *stack;
  GtkColumnView *column_view;
  GtkLabel *footer;
  GtkDropDown *level_filter;
  GtkDropDown *nature_filter;
  GtkDropDown *locality_filter;
  GtkDropDown *industry_filter;
  GtkDropDown *stats_filter;
  TjReadError *read_error;

  TjLevelNames *level_names;
  GListStore *store;
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;
  GtkMultiSelection *selection;
  GtkCustomFilter *filter;
  char *needle;      /* casefolded search text */
  GPtrArray *localities; /* of char *, index 0 is "all" */
  GPtrArray *industries; /* of char *, index 0 is "all" */
  gboolean filling_filters;
  gboolean names_stale; /* level names and filters to be read again */
};

G_DEFINE_FINAL_TYPE (TjProjectPage, tj_project_page, TJ_TYPE_PAGE)

typedef enum
{
  COLUMN_NAME,
  COLUMN_LEVEL,
  COLUMN_NATURE,
  COLUMN_INDUSTRY,
  COLUMN_LOCALITY,
  COLUMN_UNIT,
  COLUMN_LEADER,
  COLUMN_OFFICER,
  COLUMN_TOTAL,
  COLUMN_PLAN,
  COLUMN_PLANNED_START,
  COLUMN_ACTUAL_START,
  COLUMN_STATS,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  int width; /* in characters of a CJK face, for GtkInscription */
  TjTableKind kind;
} columns[N_COLUMNS] = {
  [COLUMN_NAME] = { N_("Project Name"), 16, TJ_TABLE_TEXT },
  [COLUMN_LEVEL] = { N_("Level"), 5, TJ_TABLE_TEXT },
  [COLUMN_NATURE] = { N_("Nature"), 4, TJ_TABLE_TEXT },
  [COLUMN_INDUSTRY] = { N_("Industry"), 8, TJ_TABLE_TEXT },
  [COLUMN_LOCALITY] = { N_("Locality"), 5, TJ_TABLE_TEXT },
  [COLUMN_UNIT] = { N_("Responsible Unit"), 5, TJ_TABLE_TEXT },
  [COLUMN_LEADER] = { N_("City Leader"), 4, TJ_TABLE_TEXT },
  [COLUMN_OFFICER] = { N_("Service Officer"), 4, TJ_TABLE_TEXT },
  [COLUMN_TOTAL] = { N_("Total Investment (10k yuan)"), 7, TJ_TABLE_NUMBER },
  [COLUMN_PLAN] = { N_("Annual Plan (10k yuan)"), 7, TJ_TABLE_NUMBER },
  [COLUMN_PLANNED_START] = { N_("Planned Start"), 5, TJ_TABLE_DATE },
  [COLUMN_ACTUAL_START] = { N_("Actual Start"), 6, TJ_TABLE_DATE },
  [COLUMN_STATS] = { N_("Statistics Entry"), 6, TJ_TABLE_DATE },
};

static GQuark haystack_quark;
static GQuark collation_quarks[N_COLUMNS];

/* The text of a project in a column, as shown. */
static char *
column_text (TjProjectPage *self,
             TjProject     *p,
             Column         column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (p->name);
    case COLUMN_LEVEL:
      return g_strdup (self->level_names->full[p->level]);
    case COLUMN_NATURE:
      return g_strdup (tj_nature_label (p->nature));
    case COLUMN_INDUSTRY:
      return g_strdup (p->industry);
    case COLUMN_LOCALITY:
      return g_strdup (p->locality_name);
    case COLUMN_UNIT:
      return g_strdup (p->unit_name);
    case COLUMN_LEADER:
      return g_strdup (p->leader_name);
    case COLUMN_OFFICER:
      return g_strdup (p->officer_name);
    case COLUMN_TOTAL:
      return tj_money_format_wan (p->total_investment, 2, TRUE);
    case COLUMN_PLAN:
      return tj_money_format_wan (p->annual_plan, 2, TRUE);
    case COLUMN_PLANNED_START:
      return g_strdup (p->planned_start);
    case COLUMN_ACTUAL_START:
      return g_strdup (p->actual_start);
    case COLUMN_STATS:
      return g_strdup (p->stats_date);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);

  gtk_list_item_set_child (item, tj_table_cell_new (columns[column].width, columns[column].kind));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  TjProjectPage *self = g_object_get_data (G_OBJECT (factory), "page");
  TjProject *project = gtk_list_item_get_item (item);
  g_autofree char *text = column_text (self, project, column);

  tj_table_cell_set_text (gtk_list_item_get_child (item), text);
}

/* Chinese text sorts by the locale's collation (pinyin under zh_CN); keys are computed once per
 * project and column, when that column is first sorted. */
static const char *
collation_key (TjProjectPage *self,
               TjProject     *p,
               Column         column)
{
  const char *key = g_object_get_qdata (G_OBJECT (p), collation_quarks[column]);

  if (key == NULL)
    {
      g_autofree char *text = column_text (self, p, column);
      char *made = g_utf8_collate_key (text != NULL ? text : "", -1);

      g_object_set_qdata_full (G_OBJECT (p), collation_quarks[column], made, g_free);
      key = made;
    }
  return key;
}

typedef struct
{
  TjProjectPage *page;
  Column column;
} SortColumn;

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  SortColumn *sort = user_data;
  TjProject *pa = (TjProject *) a, *pb = (TjProject *) b;
  gint64 va, vb;

  switch (sort->column)
    {
    case COLUMN_TOTAL:
      va = pa->total_investment, vb = pb->total_investment;
      break;
    case COLUMN_PLAN:
      va = pa->annual_plan, vb = pb->annual_plan;
      break;
    case COLUMN_LEVEL:
      va = pa->level, vb = pb->level;
      break;
    case COLUMN_NATURE:
      va = pa->nature, vb = pb->nature;
      break;
    case COLUMN_PLANNED_START:
      return g_strcmp0 (pa->planned_start, pb->planned_start);
    case COLUMN_ACTUAL_START:
      return g_strcmp0 (pa->actual_start, pb->actual_start);
    case COLUMN_STATS:
      return g_strcmp0 (pa->stats_date, pb->stats_date);
    default:
      return strcmp (collation_key (sort->page, pa, sort->column),
                     collation_key (sort->page, pb, sort->column));
    }
  return va < vb ? -1 : va > vb;
}

/* What search looks through: name, owner, content, people, locality and unit, casefolded once. */
static const char *
haystack (TjProject *p)
{
  const char *text = g_object_get_qdata (G_OBJECT (p), haystack_quark);

  if (text == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", p->name ? p->name : "", p->owner ? p->owner : "",
                                           p->content ? p->content : "",
                                           p->leader_name ? p->leader_name : "",
                                           p->officer_name ? p->officer_name : "",
                                           p->locality_name ? p->locality_name : "",
                                           p->unit_name ? p->unit_name : "",
                                           p->contact ? p->contact : "", NULL);
      char *folded = g_utf8_casefold (joined, -1);

      g_object_set_qdata_full (G_OBJECT (p), haystack_quark, folded, g_free);
      text = folded;
    }
  return text;
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  TjProjectPage *self = user_data;
  TjProject *p = item;
  guint level = gtk_drop_down_get_selected (self->level_filter);
  guint nature = gtk_drop_down_get_selected (self->nature_filter);
  guint locality = gtk_drop_down_get_selected (self->locality_filter);
  guint industry = gtk_drop_down_get_selected (self->industry_filter);
  guint stats = gtk_drop_down_get_selected (self->stats_filter);

  if (level != 0 && level != GTK_INVALID_LIST_POSITION && p->level != (TjLevel) level)
    return FALSE;
  if (nature != 0 && nature != GTK_INVALID_LIST_POSITION && p->nature != (TjNature) nature)
    return FALSE;
  if (locality != 0 && locality < self->localities->len &&
      g_strcmp0 (p->locality_name, g_ptr_array_index (self->localities, locality)) != 0)
    return FALSE;
  if (industry != 0 && industry < self->industries->len &&
      g_strcmp0 (p->industry, g_ptr_array_index (self->industries, industry)) != 0)
    return FALSE;
  if ((stats == 1 && p->stats_date == NULL) || (stats == 2 && p->stats_date != NULL))
    return FALSE;
  if (self->needle != NULL && strstr (haystack (p), self->needle) == NULL)
    return FALSE;
  return TRUE;
}

/* Count, total investment and annual plan of what the filter shows, in 亿元. */
static void
update_footer (TjProjectPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);
  gint64 total = 0, plan = 0;
  g_autofree char *total_text = NULL, *plan_text = NULL, *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TjProject) p = g_list_model_get_item (model, i);

      total = tj_money_add_saturating (total, p->total_investment);
      plan = tj_money_add_saturating (plan, p->annual_plan);
    }
  total_text = tj_money_format_yi (total, 2);
  plan_text = tj_money_format_yi (plan, 2);
  text = g_strdup_printf (ngettext ("%u project · total investment %s (100m yuan) · annual plan %s "
                                    "(100m yuan)",
                                    "%u projects · total investment %s (100m yuan) · annual plan "
                                    "%s (100m yuan)",
                                    n),
                          n, total_text, plan_text);
  gtk_label_set_text (self->footer, text);
}

static void
filtered_items_changed_cb (TjProjectPage *self)
{
  update_footer (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.carry-over",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0);
}

static GtkStringList *
string_list_from (GPtrArray *strings)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (strings, i));
  return list;
}

/* The level names and the filters' choices, read again after the settings or units changed. */
static gboolean
load_names (TjProjectPage *self,
            GError       **error)
{
  g_autoptr (TjLevelNames) names = tj_level_names_load (tj_page_get_db (TJ_PAGE (self)), error);
  g_autoptr (GPtrArray) units = NULL;
  g_auto (GStrv) industries = NULL;
  g_autoptr (GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) natures = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) localities = NULL;
  g_autoptr (GtkStringList) industry_list = NULL;
  const char *stats[] = { _("Statistics: All"), _("Entered"), _("Not Entered"), NULL };
  g_autoptr (GtkStringList) stats_list = gtk_string_list_new (stats);

  if (names == NULL)
    return FALSE;
  units = tj_unit_list (tj_page_get_db (TJ_PAGE (self)), error);
  if (units == NULL)
    return FALSE;
  industries = tj_industries_load (tj_page_get_db (TJ_PAGE (self)), error);
  if (industries == NULL)
    return FALSE;
  g_clear_pointer (&self->level_names, tj_level_names_free);
  self->level_names = g_steal_pointer (&names);
  self->names_stale = FALSE;

  self->filling_filters = TRUE;
  gtk_string_list_append (levels, _("All Levels"));
  for (guint i = 1; i < TJ_LEVEL_N; i++)
    gtk_string_list_append (levels, self->level_names->full[i]);
  gtk_string_list_append (natures, _("All Natures"));
  for (guint i = 1; i < TJ_NATURE_N; i++)
    gtk_string_list_append (natures, tj_nature_label (i));

  g_ptr_array_set_size (self->localities, 0);
  g_ptr_array_add (self->localities, g_strdup (_("All Localities")));
  for (guint i = 0; i < units->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (units, i);

      if (tj_unit_is_locality (unit))
        g_ptr_array_add (self->localities, g_strdup (unit->name));
    }
  localities = string_list_from (self->localities);

  g_ptr_array_set_size (self->industries, 0);
  g_ptr_array_add (self->industries, g_strdup (_("All Industries")));
  for (guint i = 0; industries[i] != NULL; i++)
    if (*industries[i] != '\0')
      g_ptr_array_add (self->industries, g_strdup (industries[i]));
  industry_list = string_list_from (self->industries);

  gtk_drop_down_set_model (self->level_filter, G_LIST_MODEL (levels));
  gtk_drop_down_set_model (self->nature_filter, G_LIST_MODEL (natures));
  gtk_drop_down_set_model (self->locality_filter, G_LIST_MODEL (localities));
  gtk_drop_down_set_model (self->industry_filter, G_LIST_MODEL (industry_list));
  gtk_drop_down_set_model (self->stats_filter, G_LIST_MODEL (stats_list));
  self->filling_filters = FALSE;
  return TRUE;
}

static void
filter_selected_cb (TjProjectPage *self)
{
  if (!self->filling_filters)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The page says why in place of the list; no stale row is left to act on. */
static void
show_read_error (TjProjectPage *self,
                 const GError  *error)
{
  tj_read_error_set_error (self->read_error, error);
  gtk_stack_set_visible_child_name (self->stack, "error");
  g_list_store_remove_all (self->store);
}

static void
reload (TjProjectPage *self)
{
  g_autoptr (GPtrArray) projects = NULL;
  g_autoptr (GError) error = NULL;
  gboolean empty;

  if (tj_page_get_db (TJ_PAGE (self)) == NULL)
    return;
  if (self->names_stale && !load_names (self, &error))
    {
      show_read_error (self, error);
      return;
    }
  if (tj_page_get_year (TJ_PAGE (self)) == 0)
    return;
  projects = tj_project_list (tj_page_get_db (TJ_PAGE (self)), tj_page_get_year (TJ_PAGE (self)),
                              &error);
  if (projects == NULL)
    {
      show_read_error (self, error);
      return;
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       projects->pdata, projects->len);
  empty = tj_db_is_empty (tj_page_get_db (TJ_PAGE (self)));
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
projects_changed_cb (TjProjectPage *self)
{
  reload (self);
}

/* The level names (settings) and the locality filter (units) are read again with the list. */
static void
names_changed_cb (TjProjectPage *self)
{
  self->names_stale = TRUE;
  reload (self);
}

static void
retry_cb (TjProjectPage *self)
{
  reload (self);
}

static TjProject *
selected_project (TjProjectPage *self)
{
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  TjProject *project = NULL;

  if (gtk_bitset_get_size (selected) >= 1)
    project = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                     gtk_bitset_get_nth (selected, 0));
  gtk_bitset_unref (selected);
  return project;
}

/* 编辑, 修改记录 and 删除 follow the selection: also when the selected row goes (deleted, reloaded
 * after a save, filtered out), for which the selection model emits items-changed only. */
static void
update_actions (TjProjectPage *self)
{
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.history", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", n == 1);
  gtk_bitset_unref (selected);
}

static void
row_activated_cb (TjProjectPage *self,
                  guint          position)
{
  g_autoptr (TjProject) project = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  tj_project_page_edit (self, project);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (widget);
  g_autoptr (TjProject) project = selected_project (self);

  if (project != NULL)
    tj_project_page_edit (self, project);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (widget);
  g_autoptr (TjProject) project = selected_project (self);
  GtkWindow *window;

  if (project == NULL)
    return;
  window = tj_history_window_new (tj_page_get_db (TJ_PAGE (self)), project);
  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (window);
}

static void
show_toast (TjProjectPage *self,
            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (TjProjectPage *self,
            const char    *heading,
            const char    *message)
{
  tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, message);
}

static void
undo_delete_cb (AdwToast   *toast,
                TjDeletion *deletion)
{
  TjProjectPage *self = g_object_get_data (G_OBJECT (toast), "page");
  g_autoptr (GError) error = NULL;

  if (!tj_deletion_undo (tj_page_get_db (TJ_PAGE (self)), deletion, &error))
    show_error (self, _("Cannot undo"), error->message);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TjProjectPage    *self)
{
  TjProject *project = g_object_get_data (G_OBJECT (dialog), "project");
  g_autoptr (TjDeletion) deletion = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!g_str_equal (response, "delete"))
    return;
  deletion = tj_project_delete_undoable (tj_page_get_db (TJ_PAGE (self)), project->id, &error);
  if (deletion == NULL)
    {
      show_error (self, _("Cannot delete the project"), error->message);
      return;
    }
  title = g_strdup_printf (_("“%s” deleted"), project->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "page", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                         g_steal_pointer (&deletion),
                         (GClosureNotify) (void (*) (void)) tj_deletion_free, 0);
  show_toast (self, toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (widget);
  g_autoptr (TjProject) project = selected_project (self);
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  g_autofree char *holds = NULL;
  g_autoptr (GError) error = NULL;
  TjProjectHoldings holdings;

  if (project == NULL)
    return;
  /* Say what goes with it before asking. */
  if (!tj_project_holdings (tj_page_get_db (TJ_PAGE (self)), project->id, &holdings, &error))
    {
      show_error (self, _("Cannot delete the project"), error->message);
      return;
    }
  holds = tj_project_holdings_describe (&holdings);
  body = g_strdup_printf (_("“%s” will be deleted from the %d list. %s The audit log keeps its "
                            "history, and Undo puts everything back."),
                          project->name, project->year, holds != NULL ? holds : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete the Project?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete",
                                    _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "project", g_steal_pointer (&project), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* 结转: the selected projects, or every shown one when none is selected, to next year's list. */
static void
carry_over_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TjProjectPage    *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "carry-over"))
    return;
  if (!tj_project_carry_over (tj_page_get_db (TJ_PAGE (self)), (gint64 *) (void *) ids->data,
                              ids->len, tj_page_get_year (TJ_PAGE (self)) + 1, &error))
    {
      show_error (self, _("Cannot carry over"), error->message);
      return;
    }
  title = g_strdup_printf (ngettext ("%u project carried over to %d",
                                     "%u projects carried over to %d", ids->len),
                           ids->len, tj_page_get_year (TJ_PAGE (self)) + 1);
  show_toast (self, adw_toast_new (title));
}

static void
carry_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (widget);
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GListModel *model = G_LIST_MODEL (self->selection);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (model);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  for (guint i = 0; i < n; i++)
    if (gtk_bitset_get_size (selected) == 0 || gtk_bitset_contains (selected, i))
      {
        g_autoptr (TjProject) p = g_list_model_get_item (model, i);
        g_array_append_val (ids, p->id);
      }
  gtk_bitset_unref (selected);

  body = g_strdup_printf (ngettext ("Copy %u project to the %d list? Each year keeps its own plan "
                                    "and figures; the copy is linked to this year’s record.",
                                    "Copy %u projects to the %d list? Each year keeps its own plan "
                                    "and figures; each copy is linked to this year’s record.",
                                    ids->len),
                          ids->len, tj_page_get_year (TJ_PAGE (self)) + 1);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Carry Over to Next Year?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "carry-over", _("C_arry Over"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "carry-over",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (carry_over_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_columns (TjProjectPage *self)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      SortColumn *sort = g_new0 (SortColumn, 1);
      g_autoptr (GtkSorter) sorter = NULL;
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (c));
      sort->page = self;
      sort->column = c;
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, sort, g_free));
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == COLUMN_NAME)
        {
          gtk_column_view_column_set_expand (column, TRUE);
          gtk_column_view_column_set_fixed_width (column, 220);
        }
      gtk_column_view_append_column (self->column_view, column);
    }
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
}

static void
tj_project_page_dispose (GObject *object)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TJ_TYPE_PROJECT_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (tj_project_page_parent_class)->dispose (object);
}

static void
tj_project_page_finalize (GObject *object)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (object);

  g_clear_pointer (&self->level_names, tj_level_names_free);
  g_clear_pointer (&self->localities, g_ptr_array_unref);
  g_clear_pointer (&self->industries, g_ptr_array_unref);
  g_free (self->needle);
  G_OBJECT_CLASS (tj_project_page_parent_class)->finalize (object);
}

static void
tj_project_page_constructed (GObject *object)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (object);

  /* the list shows projects with their people's names */
  static const char *const list_tables[] = { "projects", "people", NULL };
  static const char *const names_tables[] = { "units", "settings", NULL };

  G_OBJECT_CLASS (tj_project_page_parent_class)->constructed (object);
  tj_page_watch_tables (TJ_PAGE (self), list_tables, G_CALLBACK (projects_changed_cb));
  tj_page_watch_tables (TJ_PAGE (self), names_tables, G_CALLBACK (names_changed_cb));
  self->names_stale = TRUE;
  reload (self);
}

static void
tj_project_page_year_changed (TjPage *page)
{
  reload (TJ_PROJECT_PAGE (page));
}

static void
tj_project_page_class_init (TjProjectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tj_project_page_constructed;
  object_class->dispose = tj_project_page_dispose;
  TJ_PAGE_CLASS (klass)->year_changed = tj_project_page_year_changed;
  object_class->finalize = tj_project_page_finalize;

  haystack_quark = g_quark_from_static_string ("tj-search-haystack");
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autofree char *name = g_strdup_printf ("tj-collation-%u", c);
      collation_quarks[c] = g_quark_from_string (name);
    }

  g_type_ensure (TJ_TYPE_READ_ERROR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-project-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, footer);
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, level_filter);
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, nature_filter);
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, locality_filter);
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, industry_filter);
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, stats_filter);
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, read_error);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);

  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "page.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.carry-over", NULL, carry_over_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "page.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tj_project_page_init (TjProjectPage *self)
{
  GtkDropDown *filters[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  filters[0] = self->level_filter;
  filters[1] = self->nature_filter;
  filters[2] = self->locality_filter;
  filters[3] = self->industry_filter;
  filters[4] = self->stats_filter;
  tj_drop_down_enable_search (self->locality_filter);

  self->localities = g_ptr_array_new_with_free_func (g_free);
  self->industries = g_ptr_array_new_with_free_func (g_free);
  /* store → sort → filter → selection: typing narrows without sorting again. */
  self->store = g_list_store_new (TJ_TYPE_PROJECT);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)), NULL);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);

  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (filtered_items_changed_cb),
                            self);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    g_signal_connect_swapped (filters[i], "notify::selected", G_CALLBACK (filter_selected_cb), self);
  update_actions (self);
  filtered_items_changed_cb (self);
}


void
tj_project_page_set_search (TjProjectPage *self,
                            const char    *text)
{
  g_autofree char *folded = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (TJ_IS_PROJECT_PAGE (self));

  if (text != NULL && *text != '\0')
    folded = g_utf8_casefold (text, -1);
  if (g_strcmp0 (folded, self->needle) == 0)
    return;
  /* Typing one more character can only narrow; deleting one can only widen. */
  if (self->needle == NULL || (folded != NULL && strstr (folded, self->needle) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL || strstr (self->needle, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->needle);
  self->needle = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

GListModel *
tj_project_page_get_shown (TjProjectPage *self)
{
  return G_LIST_MODEL (self->filtered);
}

/* The selection over the shown rows, as the list's own. */
GtkSelectionModel *
tj_project_page_get_selection (TjProjectPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

/* "empty" while the database holds no project, "list" otherwise, "error" when the list could not
 * be read. */
const char *
tj_project_page_get_state (TjProjectPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
tj_project_page_get_footer (TjProjectPage *self)
{
  return gtk_label_get_text (self->footer);
}

/* The projects as the window shows them, filtered and sorted. */
GPtrArray *
tj_project_page_get_shown_projects (TjProjectPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *projects = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (projects, g_list_model_get_item (model, i));
  return projects;
}

void
tj_project_page_edit (TjProjectPage *self,
                      TjProject     *project)
{
  GtkWindow *form = tj_project_form_new (tj_page_get_db (TJ_PAGE (self)), project,
                                         tj_page_get_year (TJ_PAGE (self)));

  gtk_window_set_transient_for (form, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (form);
}
