/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-project-page"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-date.h"
#include "tj-exit-dialog.h"
#include "tj-form-row.h"
#include "tj-history-window.h"
#include "tj-money.h"
#include "tj-project-form.h"
#include "tj-project-page.h"
#include "tj-project-query.h"
#include "tj-deletion.h"
#include "tj-read-error.h"
#include "tj-table.h"
#include "tj-unit.h"

#define TJ_TYPE_PROJECT_LIST_MODEL (tj_project_list_model_get_type ())
G_DECLARE_FINAL_TYPE (TjProjectListModel, tj_project_list_model, TJ, PROJECT_LIST_MODEL, GObject)

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
  GtkDropDown *exit_filter;
  TjReadError *read_error;

  TjLevelNames *level_names;
  TjProjectListModel *model;
  TjProjectQueryCache *query_cache; /* the ordering and the searched text, kept while unchanged */
  gboolean rows_stale;              /* the data changed: every shown row to be read again */
  GtkMultiSelection *selection;
  char *search;
  TjProjectSummary summary;
  GObject *probe[2];  /* two items to ask the column view's sorter which column it sorts by */
  int probed_column;  /* the column whose sorter the probe reached first, or -1 */
  GError *pending_error; /* a block of rows that could not be read, shown from idle */
  GPtrArray *localities; /* of char *, index 0 is "all" */
  GPtrArray *industries; /* of char *, index 0 is "all" */
  gboolean filling_filters;
  gboolean names_stale; /* level names and filters to be read again */
};

G_DEFINE_FINAL_TYPE (TjProjectPage, tj_project_page, TJ_TYPE_PAGE)

/* The shown projects as a list model over their ids, in the order of the query: a project is
 * read from the database when the list asks for its row, a block of rows at a time, and only
 * the last few blocks are kept. */
#define BLOCK_SIZE 64
#define N_BLOCKS 8

typedef struct
{
  guint block;          /* G_MAXUINT: empty */
  GPtrArray *projects;  /* of TjProject or NULL (gone since the ids were read), by position */
} Block;

struct _TjProjectListModel
{
  GObject parent_instance;

  TjDb *db;
  GArray *ids;          /* of gint64 */
  Block blocks[N_BLOCKS];
  guint next_block;     /* the slot to be used next, round robin */
  TjProjectPage *page;  /* told of a read error */
};

static void tj_project_list_model_iface_init (GListModelInterface *iface);
static void read_failed (TjProjectPage *self,
                         const GError  *error);

G_DEFINE_FINAL_TYPE_WITH_CODE (TjProjectListModel, tj_project_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tj_project_list_model_iface_init))

static void
list_model_clear_blocks (TjProjectListModel *self)
{
  for (guint i = 0; i < N_BLOCKS; i++)
    {
      self->blocks[i].block = G_MAXUINT;
      g_clear_pointer (&self->blocks[i].projects, g_ptr_array_unref);
    }
}

static void
tj_project_list_model_finalize (GObject *object)
{
  TjProjectListModel *self = TJ_PROJECT_LIST_MODEL (object);

  list_model_clear_blocks (self);
  g_array_unref (self->ids);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (tj_project_list_model_parent_class)->finalize (object);
}

static void
tj_project_list_model_class_init (TjProjectListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_project_list_model_finalize;
}

static void
tj_project_list_model_init (TjProjectListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < N_BLOCKS; i++)
    self->blocks[i].block = G_MAXUINT;
}

static GType
list_model_get_item_type (GListModel *model)
{
  return TJ_TYPE_PROJECT;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return TJ_PROJECT_LIST_MODEL (model)->ids->len;
}

/* The block of rows holding position, read when not kept; NULL when it cannot be read. */
static Block *
list_model_block (TjProjectListModel *self,
                  guint               position)
{
  guint block = position / BLOCK_SIZE;
  guint start = block * BLOCK_SIZE, n = MIN (BLOCK_SIZE, self->ids->len - start);
  g_autoptr (GPtrArray) loaded = NULL;
  g_autoptr (GError) error = NULL;
  Block *slot;
  guint j = 0;

  for (guint i = 0; i < N_BLOCKS; i++)
    if (self->blocks[i].block == block)
      return &self->blocks[i];
  loaded = tj_project_load_many (self->db, &g_array_index (self->ids, gint64, start), n, &error);
  if (loaded == NULL)
    {
      read_failed (self->page, error);
      return NULL;
    }
  slot = &self->blocks[self->next_block];
  self->next_block = (self->next_block + 1) % N_BLOCKS;
  g_clear_pointer (&slot->projects, g_ptr_array_unref);
  slot->block = block;
  slot->projects = g_ptr_array_new_full (n, g_object_unref);
  /* loaded is in the order of the ids, less those gone since */
  for (guint i = 0; i < n; i++)
    {
      TjProject *p = j < loaded->len ? g_ptr_array_index (loaded, j) : NULL;

      if (p != NULL && p->id == g_array_index (self->ids, gint64, start + i))
        {
          g_ptr_array_add (slot->projects, g_object_ref (p));
          j++;
        }
      else
        g_ptr_array_add (slot->projects, NULL);
    }
  return slot;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  TjProjectListModel *self = TJ_PROJECT_LIST_MODEL (model);
  Block *block;
  TjProject *p;

  if (position >= self->ids->len)
    return NULL;
  block = list_model_block (self, position);
  if (block == NULL)
    return NULL;
  p = g_ptr_array_index (block->projects, position % BLOCK_SIZE);
  return p != NULL ? g_object_ref (p) : NULL;
}

static void
tj_project_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

/* Shows ids in place of what was shown. With all, every row is read again (the data changed);
 * otherwise the rows shown before and after that did not move are left as they are, so that
 * narrowing a search keeps the rows at the top of the list (and their widgets) in place. The
 * rows that go are told of in one change and those that come in another: told of both at once,
 * GTK 4.8's list looks for the row it was anchored to among every added item
 * (g_list_model_get_item on each: 100k rows read from the database, 2 s of a sort), and never
 * finds it, as each read makes a new object. */
static void
list_model_set_ids (TjProjectListModel *self,
                    GArray             *ids,
                    gboolean            all)
{
  guint old_len = self->ids->len, new_len = ids->len, prefix = 0, suffix = 0;
  const gint64 *old_ids = (const gint64 *) (void *) self->ids->data;
  const gint64 *new_ids = (const gint64 *) (void *) ids->data;
  g_autoptr (GArray) old = NULL;

  if (!all)
    {
      while (prefix < old_len && prefix < new_len && old_ids[prefix] == new_ids[prefix])
        prefix++;
      while (suffix < old_len - prefix && suffix < new_len - prefix &&
             old_ids[old_len - 1 - suffix] == new_ids[new_len - 1 - suffix])
        suffix++;
    }
  list_model_clear_blocks (self);
  old = g_steal_pointer (&self->ids);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + suffix);
  /* between the two changes the list holds what stayed */
  g_array_append_vals (self->ids, old->data, prefix);
  g_array_append_vals (self->ids, &g_array_index (old, gint64, old_len - suffix), suffix);
  if (old_len > prefix + suffix)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix, 0);
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  if (new_len > prefix + suffix)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, new_len - prefix - suffix);
}

static gint64
list_model_get_id (TjProjectListModel *self,
                   guint               position)
{
  return g_array_index (self->ids, gint64, position);
}

/* A column's sorter: it sorts nothing itself (the database does), but tells which column the
 * column view sorts by, which GTK 4.8 does not say: see column_view_sorted. */
#define TJ_TYPE_COLUMN_SORTER (tj_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (TjColumnSorter, tj_column_sorter, TJ, COLUMN_SORTER, GtkSorter)

struct _TjColumnSorter
{
  GtkSorter parent_instance;
  TjProjectPage *page;
  int column;
};

G_DEFINE_FINAL_TYPE (TjColumnSorter, tj_column_sorter, GTK_TYPE_SORTER)

static GtkOrdering
tj_column_sorter_compare (GtkSorter *sorter,
                          gpointer   item1,
                          gpointer   item2)
{
  TjColumnSorter *self = TJ_COLUMN_SORTER (sorter);
  TjProjectPage *page = self->page;

  /* asked with the probe in either order (GTK may invert by swapping or by negating) */
  if ((item1 == page->probe[0] && item2 == page->probe[1]) ||
      (item1 == page->probe[1] && item2 == page->probe[0]))
    {
      if (page->probed_column < 0)
        page->probed_column = self->column;
      return item1 == page->probe[0] ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }
  return GTK_ORDERING_EQUAL;
}

static GtkSorterOrder
tj_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
tj_column_sorter_class_init (TjColumnSorterClass *klass)
{
  GTK_SORTER_CLASS (klass)->compare = tj_column_sorter_compare;
  GTK_SORTER_CLASS (klass)->get_order = tj_column_sorter_get_order;
}

static void
tj_column_sorter_init (TjColumnSorter *self)
{
}

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

/* The text of a project in a column, as shown. */
static char *
column_text (TjProjectPage *self,
             TjProject     *p,
             Column         column)
{
  switch (column)
    {
    case COLUMN_NAME:
      if (p->exit_date != NULL)
        /* Translators: an exited project in the list: "嵩山大道（已退出）" */
        return g_strdup_printf (_("%s (exited)"), p->name);
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
  g_autofree char *text = project != NULL ? column_text (self, project, column) : NULL;

  tj_table_cell_set_text (gtk_list_item_get_child (item), text);
}

/* Count, total investment and annual plan of what the filter shows, in 亿元. */
static void
update_footer (TjProjectPage *self)
{
  guint n = self->summary.count;
  g_autofree char *total_text = NULL, *plan_text = NULL, *text = NULL;

  total_text = tj_money_format_yi (self->summary.total_investment, 2);
  plan_text = tj_money_format_yi (self->summary.annual_plan, 2);
  text = g_strdup_printf (ngettext ("%u project · total investment %s (100m yuan) · annual plan %s "
                                    "(100m yuan)",
                                    "%u projects · total investment %s (100m yuan) · annual plan "
                                    "%s (100m yuan)",
                                    n),
                          n, total_text, plan_text);
  gtk_label_set_text (self->footer, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.carry-over", n > 0);
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
  const char *exits[] = { _("Exit: All"), _("Not Exited"), _("Exited"), NULL };
  g_autoptr (GtkStringList) exit_list = gtk_string_list_new (exits);

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
  gtk_drop_down_set_model (self->exit_filter, G_LIST_MODEL (exit_list));
  self->filling_filters = FALSE;
  return TRUE;
}

/* The column the list is sorted by and the direction, from the column view's sorter: GTK 4.8
 * does not say which column the clerk clicked, so the sorter is asked to compare the probe's two
 * items; the first column sorter it asks is the primary one, and the sign says the direction. */
static TjProjectSort
column_view_sort (TjProjectPage *self,
                  gboolean      *descending)
{
  GtkOrdering order;

  G_STATIC_ASSERT ((int) N_COLUMNS + 1 == (int) TJ_PROJECT_SORT_N);
  self->probed_column = -1;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), self->probe[0],
                              self->probe[1]);
  *descending = order == GTK_ORDERING_LARGER;
  if (self->probed_column < 0 || order == GTK_ORDERING_EQUAL)
    {
      *descending = FALSE;
      return TJ_PROJECT_SORT_NONE;
    }
  return (TjProjectSort) (self->probed_column + 1);
}

/* The data changed: the ordering and the searched text are read again, and every shown row. */
static void
clear_cache (TjProjectPage *self)
{
  tj_project_query_cache_clear (self->query_cache);
  self->rows_stale = TRUE;
}

/* The ids of what the filters, the search and the sort show, read again; the selected projects
 * stay selected where they are still shown. */
static gboolean
requery (TjProjectPage *self,
         GError       **error)
{
  g_autoptr (TjProjectQuery) query = tj_project_query_new (tj_page_get_year (TJ_PAGE (self)));
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GHashTable) was_selected = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                               g_free, NULL);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  GtkBitset *selected;
  GtkBitsetIter iter;
  guint position;
  guint level = gtk_drop_down_get_selected (self->level_filter);
  guint nature = gtk_drop_down_get_selected (self->nature_filter);
  guint locality = gtk_drop_down_get_selected (self->locality_filter);
  guint industry = gtk_drop_down_get_selected (self->industry_filter);
  guint stats = gtk_drop_down_get_selected (self->stats_filter);
  guint exit = gtk_drop_down_get_selected (self->exit_filter);

  if (level < TJ_LEVEL_N)
    query->level = level;
  if (nature < TJ_NATURE_N)
    query->nature = nature;
  if (locality != 0 && locality < self->localities->len)
    query->locality = g_strdup (g_ptr_array_index (self->localities, locality));
  if (industry != 0 && industry < self->industries->len)
    query->industry = g_strdup (g_ptr_array_index (self->industries, industry));
  if (stats == 1)
    query->stats = TJ_PROJECT_STATS_ENTERED;
  else if (stats == 2)
    query->stats = TJ_PROJECT_STATS_NOT_ENTERED;
  if (exit == 1)
    query->exit = TJ_PROJECT_EXIT_ACTIVE;
  else if (exit == 2)
    query->exit = TJ_PROJECT_EXIT_EXITED;
  query->search = g_strdup (self->search);
  query->sort = column_view_sort (self, &query->descending);
  if (self->model->db != tj_page_get_db (TJ_PAGE (self)))
    clear_cache (self);
  g_set_object (&self->model->db, tj_page_get_db (TJ_PAGE (self)));
  ids = tj_project_query_ids_cached (self->model->db, query, self->query_cache, &self->summary,
                                     error);
  if (ids == NULL)
    return FALSE;

  selected = gtk_selection_model_get_selection (selection);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_hash_table_add (was_selected, g_memdup2 (&g_array_index (self->model->ids, gint64, position),
                                               sizeof (gint64)));
  gtk_bitset_unref (selected);
  if (g_hash_table_size (was_selected) > 0)
    gtk_selection_model_unselect_all (selection);
  list_model_set_ids (self->model, ids, self->rows_stale);
  self->rows_stale = FALSE;
  if (g_hash_table_size (was_selected) > 0)
    {
      g_autoptr (GtkBitset) again = gtk_bitset_new_empty ();

      for (guint i = 0; i < ids->len; i++)
        if (g_hash_table_contains (was_selected, &g_array_index (ids, gint64, i)))
          gtk_bitset_add (again, i);
      if (!gtk_bitset_is_empty (again))
        gtk_selection_model_set_selection (selection, again, again);
    }
  update_footer (self);
  return TRUE;
}

/* The page says why in place of the list; no stale row is left to act on. */
static void
show_read_error (TjProjectPage *self,
                 const GError  *error)
{
  g_autoptr (GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));

  tj_read_error_set_error (self->read_error, error);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  list_model_set_ids (self->model, none, TRUE);
  memset (&self->summary, 0, sizeof self->summary);
  update_footer (self);
}

static gboolean
show_pending_error_cb (gpointer data)
{
  TjProjectPage *self = data;
  g_autoptr (GError) error = g_steal_pointer (&self->pending_error);

  if (error != NULL)
    show_read_error (self, error);
  return G_SOURCE_REMOVE;
}

/* A block of rows could not be read while the list drew them: shown once the drawing is done. */
static void
read_failed (TjProjectPage *self,
             const GError  *error)
{
  if (self->pending_error != NULL)
    return;
  self->pending_error = g_error_copy (error);
  g_idle_add_full (G_PRIORITY_DEFAULT, show_pending_error_cb, g_object_ref (self), g_object_unref);
}

static void
reload (TjProjectPage *self)
{
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
  if (!requery (self, &error))
    {
      show_read_error (self, error);
      return;
    }
  empty = tj_db_is_empty (tj_page_get_db (TJ_PAGE (self)));
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/* A filter or the sort changed: the list is read again (a read error shows in its place). */
static void
filter_selected_cb (TjProjectPage *self)
{
  if (!self->filling_filters)
    reload (self);
}

static void
projects_changed_cb (TjProjectPage *self)
{
  clear_cache (self);
  reload (self);
}

/* The level names (settings) and the locality filter (units) are read again with the list. */
static void
names_changed_cb (TjProjectPage *self)
{
  self->names_stale = TRUE;
  clear_cache (self);
  reload (self);
}

static void
retry_cb (TjProjectPage *self)
{
  clear_cache (self);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.propose-exit", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.decide-exit", n == 1);
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
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TjProjectPage    *self)
{
  TjProject *project = g_object_get_data (G_OBJECT (dialog), "project");
  g_autoptr (TjDeletion) deletion = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  deletion = tj_project_delete_undoable (tj_page_get_db (TJ_PAGE (self)), project->id, &error);
  if (deletion == NULL)
    {
      tj_page_alert (TJ_PAGE (self), _("Cannot delete the project"), error->message);
      return;
    }
  title = g_strdup_printf (_("“%s” deleted"), project->name);
  tj_page_delete_with_undo (TJ_PAGE (self), g_steal_pointer (&deletion), title);
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
      tj_page_alert (TJ_PAGE (self), _("Cannot delete the project"), error->message);
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

/* 提出退出建议… and 退出决定…: the dialog writes through tj-exit.h; what it refuses is shown. */
static void
exit_response_cb (TjExitDialog  *dialog,
                  const char    *response,
                  TjProjectPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if (!tj_exit_dialog_save (dialog, tj_page_get_db (TJ_PAGE (self)), &error))
    tj_page_alert (TJ_PAGE (self), _("Cannot save the exit"), error->message);
}

static void
exit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (widget);
  g_autoptr (TjProject) project = selected_project (self);
  g_autofree char *today = tj_date_today ();
  TjExitDialog *dialog;

  if (project == NULL)
    return;
  dialog = tj_exit_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                               g_str_equal (action_name, "page.decide-exit"), project->id,
                               project->name, today);
  g_signal_connect (dialog, "response", G_CALLBACK (exit_response_cb), self);
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
      tj_page_alert (TJ_PAGE (self), _("Cannot carry over"), error->message);
      return;
    }
  title = g_strdup_printf (ngettext ("%u project carried over to %d",
                                     "%u projects carried over to %d", ids->len),
                           ids->len, tj_page_get_year (TJ_PAGE (self)) + 1);
  tj_page_show_toast (TJ_PAGE (self), adw_toast_new (title));
}

static void
carry_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (widget);
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* by id: the rows need not be read */
  for (guint i = 0; i < n; i++)
    if (gtk_bitset_get_size (selected) == 0 || gtk_bitset_contains (selected, i))
      {
        gint64 id = list_model_get_id (self->model, i);
        g_array_append_val (ids, id);
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
      TjColumnSorter *sorter = g_object_new (TJ_TYPE_COLUMN_SORTER, NULL);
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (c));
      sorter->page = self;
      sorter->column = c;
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == COLUMN_NAME)
        {
          gtk_column_view_column_set_expand (column, TRUE);
          gtk_column_view_column_set_fixed_width (column, 220);
        }
      gtk_column_view_append_column (self->column_view, column);
    }
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (filter_selected_cb), self);
}

static void
tj_project_page_dispose (GObject *object)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (object);

  /* the column view's sorter changes as its columns go: nothing to read then */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TJ_TYPE_PROJECT_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->probe[0]);
  g_clear_object (&self->probe[1]);
  G_OBJECT_CLASS (tj_project_page_parent_class)->dispose (object);
}

static void
tj_project_page_finalize (GObject *object)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (object);

  g_clear_pointer (&self->level_names, tj_level_names_free);
  g_clear_pointer (&self->query_cache, tj_project_query_cache_free);
  g_clear_pointer (&self->localities, g_ptr_array_unref);
  g_clear_pointer (&self->industries, g_ptr_array_unref);
  g_free (self->search);
  g_clear_error (&self->pending_error);
  G_OBJECT_CLASS (tj_project_page_parent_class)->finalize (object);
}

static void
tj_project_page_constructed (GObject *object)
{
  TjProjectPage *self = TJ_PROJECT_PAGE (object);

  /* the list shows projects with their people's names */
  static const char *const list_tables[] = { "projects", "people", "project_exits", NULL };
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
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, exit_filter);
  gtk_widget_class_bind_template_child (widget_class, TjProjectPage, read_error);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);

  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "page.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.carry-over", NULL, carry_over_action);
  gtk_widget_class_install_action (widget_class, "page.propose-exit", NULL, exit_action);
  gtk_widget_class_install_action (widget_class, "page.decide-exit", NULL, exit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "page.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tj_project_page_init (TjProjectPage *self)
{
  GtkDropDown *filters[6];

  gtk_widget_init_template (GTK_WIDGET (self));
  filters[0] = self->level_filter;
  filters[1] = self->nature_filter;
  filters[2] = self->locality_filter;
  filters[3] = self->industry_filter;
  filters[4] = self->stats_filter;
  filters[5] = self->exit_filter;
  tj_drop_down_enable_search (self->locality_filter);

  self->localities = g_ptr_array_new_with_free_func (g_free);
  self->industries = g_ptr_array_new_with_free_func (g_free);
  /* ids from the database → rows read on demand → selection */
  self->model = g_object_new (TJ_TYPE_PROJECT_LIST_MODEL, NULL);
  self->model->page = self;
  self->query_cache = tj_project_query_cache_new ();
  self->probe[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe[1] = g_object_new (G_TYPE_OBJECT, NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);

  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    g_signal_connect_swapped (filters[i], "notify::selected", G_CALLBACK (filter_selected_cb), self);
  update_actions (self);
  update_footer (self);
}


void
tj_project_page_set_search (TjProjectPage *self,
                            const char    *text)
{
  g_return_if_fail (TJ_IS_PROJECT_PAGE (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (text);
  reload (self);
}

GListModel *
tj_project_page_get_shown (TjProjectPage *self)
{
  return G_LIST_MODEL (self->model);
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
  GListModel *model = G_LIST_MODEL (self->model);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *projects = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      TjProject *p = g_list_model_get_item (model, i);

      if (p != NULL)
        g_ptr_array_add (projects, p);
    }
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
