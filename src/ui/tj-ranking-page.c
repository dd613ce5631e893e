/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-ranking-page"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-date.h"
#include "tj-money.h"
#include "tj-page-layout.h"
#include "tj-print-operation.h"
#include "tj-ranking-page.h"
#include "tj-read-error.h"
#include "tj-report-format.h"
#include "tj-table.h"

/* 排名 (issue 9): the quarter's ranking or the half-year or annual assessment as core builds it,
 * its table from the report the files are written from, its chart drawn by the pages' own
 * drawing, the red and black lists, and the figures behind the selected unit's score. */

#define CHART_PADDING 12.0
#define CHART_MEASURE_WIDTH 800.0

struct _TjRankingPage
{
  TjPage parent_instance;

  GtkDropDown *quarter_dropdown;
  GtkDropDown *view_dropdown;
  GtkStack *stack; /* "ranking", or "error" when it could not be read */
  TjReadError *read_error;
  GtkLabel *title;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  GtkStringList *names;
  GtkLabel *lists;
  GtkDrawingArea *chart;
  GtkLabel *notes;
  GtkLabel *breakdown_title;
  GtkGrid *breakdown;
  GtkWidget *export_button;
  GtkWidget *print_button;

  TjRanking *ranking;
  TjAssessment *assessment;
  TjReportBook *book;
  TjReport *report; /* the book's first sheet: the table and its chart */
  char *error;
  gboolean stale; /* changed while not shown */
  guint rebuild_source; /* one rebuild for the tables of one commit */
  gboolean quarter_chosen; /* by the user: kept when the year changes */
  TjFileJob *exports;
};

G_DEFINE_FINAL_TYPE (TjRankingPage, tj_ranking_page, TJ_TYPE_PAGE)

static TjRankingView
selected_view (TjRankingPage *self)
{
  return (TjRankingView) gtk_drop_down_get_selected (self->view_dropdown);
}

int
tj_ranking_page_get_quarter (TjRankingPage *self)
{
  return (int) gtk_drop_down_get_selected (self->quarter_dropdown) + 1;
}

/* The last quarter of the year that has ended; the first while none has. */
static int
default_quarter (int year)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);

  if (year < this_year)
    return 4;
  if (year > this_year)
    return 1;
  return MAX (1, (g_date_time_get_month (now) - 1) / 3);
}

/* ------------------------------------------------------------------------------------------ */
/* The table: one column per column of the report, one row per unit */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "width"));
  TjTableKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kind"));

  gtk_list_item_set_child (item, tj_table_cell_new (width, kind));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TjRankingPage            *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  g_autofree char *text = tj_ranking_page_get_cell_text (self, gtk_list_item_get_position (item),
                                                         column);

  tj_table_cell_set_text (gtk_list_item_get_child (item), text);
}

static void
set_columns (TjRankingPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  for (guint c = 0; self->report != NULL && c < self->report->columns->len; c++)
    {
      const TjReportColumn *column = tj_report_get_column (self->report, c);
      gboolean text = column->type == TJ_REPORT_TEXT;
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) view_column = NULL;
      int width = text ? 7 : MAX (3, (int) g_utf8_strlen (column->header, -1) - 1);

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "width", GINT_TO_POINTER (MIN (width, 6)));
      g_object_set_data (G_OBJECT (factory), "kind",
                         GINT_TO_POINTER (text ? TJ_TABLE_TEXT : TJ_TABLE_NUMBER));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      view_column = gtk_column_view_column_new (column->header, factory);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The breakdown of the selected unit */

static void
grid_add (TjRankingPage *self,
          int            column,
          int            row,
          const char    *text,
          gboolean       heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->breakdown, label, column, row, 1, 1);
}

static void
grid_add_row (TjRankingPage *self,
              int            row,
              gboolean       heading,
              const char    *first,
              ...)
{
  va_list args;
  const char *text = first;

  va_start (args, first);
  for (int c = 0; text != NULL; c++, text = va_arg (args, const char *))
    grid_add (self, c, row, text, heading);
  va_end (args);
}

static void
quarter_breakdown (TjRankingPage *self,
                   TjRankingUnit *unit)
{
  const TjRankingSettings *s = &self->ranking->settings;
  guint due[TJ_INDICATOR_N] = { 0, unit->starts_due, unit->statistics_base, unit->matters_due,
                                unit->approvals_due };
  guint done[TJ_INDICATOR_N] = { 0, unit->started, unit->statistics_entered,
                                 unit->matters_on_time, unit->approvals_on_time };
  g_autofree char *deducted = tj_report_format_hundredths (unit->deducted);
  g_autofree char *score = tj_report_format_hundredths (unit->place.score);
  g_autofree char *deductions = NULL;
  int row = 1;

  grid_add_row (self, 0, TRUE, _("Indicator"), _("Due"), _("Done"), _("Ratio"), _("Weight"),
                _("Points"), NULL);
  for (TjIndicator k = 0; k < TJ_INDICATOR_N; k++, row++)
    {
      g_autofree char *due_text = NULL;
      g_autofree char *done_text = NULL;
      g_autofree char *ratio = tj_report_format_percent (tj_ratio_value (unit->ratios[k]));
      g_autofree char *weight = g_strdup_printf ("%d", s->weights[k]);
      g_autofree char *points = tj_report_format_hundredths (unit->points[k]);

      if (k == TJ_INDICATOR_INVESTMENT)
        {
          g_autofree char *plan = tj_money_format_wan (unit->plan, 2, TRUE);
          g_autofree char *cumulative = tj_money_format_wan (unit->cumulative, 2, TRUE);

          /* Translators: the annual plan and the cumulative completion, in 万元 */
          due_text = g_strdup_printf (_("Plan %s"), plan);
          done_text = g_strdup_printf (_("Done %s"), cumulative);
        }
      else
        {
          due_text = g_strdup_printf ("%u", due[k]);
          done_text = g_strdup_printf ("%u", done[k]);
        }
      grid_add_row (self, row, FALSE, tj_indicator_label (k), due_text, done_text, ratio, weight,
                    points, NULL);
    }
  deductions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u inspection found a false or concealed report",
                                             "%u inspections found a false or concealed report",
                                             unit->deductions),
                                unit->deductions);
  grid_add (self, 0, row, _("Deduction"), FALSE);
  gtk_grid_attach (self->breakdown, gtk_label_new (deductions), 1, row, 4, 1);
  grid_add (self, 5, row++, deducted, FALSE);
  /* each inspection behind the deduction, so that it can be checked by hand */
  for (guint i = 0; i < unit->deducted_inspections->len; i++, row++)
    {
      g_autofree char *text = tj_ranking_deduction_text (unit, i);
      g_autofree char *each = tj_report_format_hundredths ((gint64) s->deduction * 100);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      grid_add (self, 0, row, "", FALSE);
      gtk_grid_attach (self->breakdown, label, 1, row, 4, 1);
      grid_add (self, 5, row, each, FALSE);
    }
  grid_add (self, 0, row, _("Score"), TRUE);
  grid_add (self, 5, row, score, TRUE);
}

static void
assessment_breakdown (TjRankingPage    *self,
                      TjAssessmentUnit *unit)
{
  g_autofree char *score = tj_report_format_hundredths (unit->place.score);
  g_autofree char *months = g_strdup_printf ("%u", unit->months_on_schedule);
  int row = 1;

  grid_add_row (self, 0, TRUE, _("Quarter"), _("Score"), _("Rank"), NULL);
  for (int q = 0; q < self->assessment->n_quarters; q++, row++)
    {
      const char *quarter = tj_quarter_name (q + 1);
      g_autofree char *quarter_score = tj_report_format_hundredths (unit->scores[q]);
      g_autofree char *rank = g_strdup_printf ("%u", unit->ranks[q]);

      grid_add_row (self, row, FALSE, quarter, quarter_score, rank, NULL);
    }
  grid_add_row (self, row++, TRUE, _("Mean score"), score, NULL);
  grid_add_row (self, row++, FALSE, _("Months on schedule"), months, NULL);
  grid_add_row (self, row, TRUE, _("Grade"), tj_grade_label (unit->grade), NULL);
}

static void
update_breakdown (TjRankingPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  GPtrArray *units = self->ranking != NULL      ? self->ranking->units
                     : self->assessment != NULL ? self->assessment->units
                                                : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->breakdown))) != NULL)
    gtk_grid_remove (self->breakdown, child);
  if (units == NULL || position == GTK_INVALID_LIST_POSITION || position >= units->len)
    {
      gtk_label_set_text (self->breakdown_title, _("Select a unit to see how its score was made."));
      return;
    }
  if (self->ranking != NULL)
    {
      TjRankingUnit *unit = g_ptr_array_index (units, position);
      /* Translators: "大冶镇：第1名" */
      g_autofree char *title = g_strdup_printf (_("%s: rank %u"), unit->name, unit->place.rank);

      gtk_label_set_text (self->breakdown_title, title);
      quarter_breakdown (self, unit);
    }
  else
    {
      TjAssessmentUnit *unit = g_ptr_array_index (units, position);
      g_autofree char *title = g_strdup_printf (_("%s: rank %u"), unit->name, unit->place.rank);

      gtk_label_set_text (self->breakdown_title, title);
      assessment_breakdown (self, unit);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The chart, drawn as the printed pages draw it, on white as on paper */

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  TjRankingPage *self = user_data;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->report != NULL)
    tj_page_layout_draw_chart (self->report, gtk_widget_get_pango_context (GTK_WIDGET (area)), cr,
                               CHART_PADDING, CHART_PADDING, width - 2 * CHART_PADDING);
}

static void
update_chart (TjRankingPage *self)
{
  double height = 0;

  if (self->report != NULL)
    height = tj_page_layout_draw_chart (self->report,
                                        gtk_widget_get_pango_context (GTK_WIDGET (self->chart)),
                                        NULL, 0, 0, CHART_MEASURE_WIDTH);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), height > 0);
  gtk_drawing_area_set_content_height (self->chart, (int) (height + 2 * CHART_PADDING));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

/* ------------------------------------------------------------------------------------------ */

static void
update_actions (TjRankingPage *self)
{
  gboolean any = self->book != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.export",
                                 any && !tj_file_job_get_busy (self->exports));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.print", any);
}

/* The red and black lists first (the first two notes of the quarter's sheet), then the rules. */
static void
set_notes (TjRankingPage *self)
{
  g_autoptr (GString) lists = g_string_new (NULL);
  g_autoptr (GString) rules = g_string_new (NULL);
  guint n_lists = self->ranking != NULL ? 2 : 0;

  for (guint i = 0; self->report->notes != NULL && i < self->report->notes->len; i++)
    {
      GString *to = i < n_lists ? lists : rules;

      if (to->len > 0)
        g_string_append_c (to, '\n');
      g_string_append (to, g_ptr_array_index (self->report->notes, i));
    }
  gtk_label_set_text (self->lists, lists->str);
  gtk_widget_set_visible (GTK_WIDGET (self->lists), lists->len > 0);
  gtk_label_set_text (self->notes, rules->str);
}

static void
rebuild (TjRankingPage *self)
{
  g_autoptr (GError) error = NULL;
  TjDb *db = tj_page_get_db (TJ_PAGE (self));
  int year = tj_page_get_year (TJ_PAGE (self));
  TjRankingView view = selected_view (self);
  g_autofree char *title = NULL;
  g_auto (GStrv) names = NULL;
  GPtrArray *units = NULL;

  if (db == NULL || year == 0)
    return;
  g_clear_pointer (&self->ranking, tj_ranking_free);
  g_clear_pointer (&self->assessment, tj_assessment_free);
  g_clear_pointer (&self->book, tj_report_book_free);
  g_clear_pointer (&self->error, g_free);
  self->report = NULL;
  self->stale = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->quarter_dropdown), view == TJ_RANKING_VIEW_QUARTER);

  if (view == TJ_RANKING_VIEW_QUARTER)
    {
      self->ranking = tj_ranking_build (db, year, tj_ranking_page_get_quarter (self), &error);
      if (self->ranking != NULL)
        {
          self->book = tj_ranking_book (self->ranking);
          units = self->ranking->units;
        }
    }
  else
    {
      self->assessment = tj_assessment_build (db, year, view == TJ_RANKING_VIEW_HALF, &error);
      if (self->assessment != NULL)
        {
          self->book = tj_assessment_book (self->assessment);
          units = self->assessment->units;
        }
    }
  if (self->book != NULL && self->book->reports->len > 0)
    self->report = g_ptr_array_index (self->book->reports, 0);

  /* a row per unit, as the report has them; its cells are read from the report */
  names = g_new0 (char *, (units != NULL ? units->len : 0) + 1);
  for (guint i = 0; units != NULL && i < units->len; i++)
    names[i] = tj_ranking_page_get_cell_text (self, i, 1);
  /* the columns first: the rows are bound to the report's columns */
  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)),
                          NULL);
  set_columns (self);
  gtk_string_list_splice (self->names, 0, 0, (const char *const *) names);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_actions (self);
  update_breakdown (self);
  update_chart (self);

  if (self->report == NULL)
    {
      /* said in place of the table, with 重试: never an empty table */
      self->error = g_strdup (error != NULL ? error->message : "");
      tj_read_error_set_error (self->read_error, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "ranking");
  title = self->report->subtitle != NULL
            ? g_strdup_printf ("%s\n%s", self->report->title, self->report->subtitle)
            : g_strdup (self->report->title);
  gtk_label_set_text (self->title, title);
  set_notes (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  TjRankingPage *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Built only when shown: a window opened on the register does not pay for the ranking. */
static void
changed_cb (TjRankingPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle_cb, self);
}

static void
mapped_cb (TjRankingPage *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      rebuild (self);
    }
}

static void
quarter_chosen_cb (TjRankingPage *self)
{
  self->quarter_chosen = TRUE;
  rebuild (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Export and print */

typedef struct
{
  int year;
  int quarter;
  TjRankingView view;
} Shown;

static gboolean
write_shown (TjDb       *db,
             const char *path,
             gpointer    data,
             GError    **error)
{
  Shown *shown = data;

  if (shown->view == TJ_RANKING_VIEW_QUARTER)
    return tj_ranking_write (db, shown->year, shown->quarter, path, error);
  return tj_assessment_write (db, shown->year, shown->view == TJ_RANKING_VIEW_HALF, path, error);
}

static Shown *
shown_new (TjRankingPage *self)
{
  Shown *shown = g_new0 (Shown, 1);

  shown->year = tj_page_get_year (TJ_PAGE (self));
  shown->quarter = tj_ranking_page_get_quarter (self);
  shown->view = selected_view (self);
  return shown;
}

/* Writes what is shown to path (its format by its extension) in a worker thread. */
void
tj_ranking_page_export (TjRankingPage *self,
                        const char    *path)
{
  g_return_if_fail (TJ_IS_RANKING_PAGE (self));

  tj_page_export (TJ_PAGE (self), self->exports, path, write_shown, shown_new (self), g_free);
}

static void
export_chosen (TjPage     *page,
               const char *path,
               gpointer    data)
{
  tj_ranking_page_export (TJ_RANKING_PAGE (page), path);
}

/* "2026年第三季度排名.xlsx", "2026年半年考核.xlsx" */
static char *
shown_name (TjRankingPage *self)
{
  int year = tj_page_get_year (TJ_PAGE (self));

  switch (selected_view (self))
    {
    case TJ_RANKING_VIEW_HALF:
      return g_strdup_printf (_("Half-Year Assessment %d"), year);
    case TJ_RANKING_VIEW_YEAR:
      return g_strdup_printf (_("Annual Assessment %d"), year);
    case TJ_RANKING_VIEW_QUARTER:
    default:
      /* Translators: "2026年第三季度排名"; %2$s is the quarter's name ("三季度") */
      return g_strdup_printf (_("Ranking %1$d %2$s"), year,
                              tj_quarter_name (tj_ranking_page_get_quarter (self)));
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjRankingPage *self = TJ_RANKING_PAGE (widget);
  g_autofree char *base = shown_name (self);
  g_autofree char *name = g_strconcat (base, ".xlsx", NULL);

  tj_page_choose_export (TJ_PAGE (self), _("Export the Ranking"), name, TJ_PAGE_FORMATS_ALL,
                         NULL, export_chosen, NULL, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TjRankingPage *self = TJ_RANKING_PAGE (widget);
  g_autoptr (TjPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *job = shown_name (self);
  TjReportBook *book;

  if (self->ranking == NULL && self->assessment == NULL)
    return;
  book = self->ranking != NULL ? tj_ranking_book (self->ranking)
                               : tj_assessment_book (self->assessment);
  operation = tj_print_operation_new (book, job);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    tj_page_alert (TJ_PAGE (self), _("Cannot print"), error->message);
}

/* ------------------------------------------------------------------------------------------ */
/* What is shown, for the tests */

TjRanking *
tj_ranking_page_get_ranking (TjRankingPage *self)
{
  return self->ranking;
}

TjAssessment *
tj_ranking_page_get_assessment (TjRankingPage *self)
{
  return self->assessment;
}

const char *
tj_ranking_page_get_error (TjRankingPage *self)
{
  return self->error;
}

guint
tj_ranking_page_get_n_rows (TjRankingPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

char *
tj_ranking_page_get_cell_text (TjRankingPage *self,
                               guint          row,
                               guint          column)
{
  if (self->report == NULL || row >= tj_report_get_n_rows (self->report) ||
      column >= self->report->columns->len)
    return NULL;
  return tj_report_cell_text (tj_report_get_cell (self->report, row, column));
}

void
tj_ranking_page_set_quarter (TjRankingPage *self,
                             int            quarter)
{
  gtk_drop_down_set_selected (self->quarter_dropdown, CLAMP (quarter, 1, 4) - 1);
}

void
tj_ranking_page_set_view (TjRankingPage *self,
                          TjRankingView  view)
{
  gtk_drop_down_set_selected (self->view_dropdown, view);
}

void
tj_ranking_page_select (TjRankingPage *self,
                        guint          row)
{
  gtk_single_selection_set_selected (self->selection, row);
}

/* The breakdown's cells, a line per row, its cells apart by tabs. */
char *
tj_ranking_page_get_breakdown_text (TjRankingPage *self)
{
  GString *text = g_string_new (gtk_label_get_text (self->breakdown_title));

  for (int row = 0;; row++)
    {
      GtkWidget *first = gtk_grid_get_child_at (self->breakdown, 0, row);

      if (first == NULL)
        break;
      g_string_append_c (text, '\n');
      for (int c = 0; c < 6; c++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (self->breakdown, c, row);
          GtkWidget *before = c > 0 ? gtk_grid_get_child_at (self->breakdown, c - 1, row) : NULL;

          if (c > 0)
            g_string_append_c (text, '\t');
          /* a label across several columns once, its other columns empty */
          if (GTK_IS_LABEL (cell) && cell != before)
            g_string_append (text, gtk_label_get_text (GTK_LABEL (cell)));
        }
    }
  return g_string_free (text, FALSE);
}

const char *
tj_ranking_page_get_lists_text (TjRankingPage *self)
{
  return gtk_label_get_text (self->lists);
}

GtkWidget *
tj_ranking_page_get_chart (TjRankingPage *self)
{
  return GTK_WIDGET (self->chart);
}

/* ------------------------------------------------------------------------------------------ */

static void
tj_ranking_page_year_changed (TjPage *page)
{
  TjRankingPage *self = TJ_RANKING_PAGE (page);

  if (!self->quarter_chosen)
    {
      g_signal_handlers_block_by_func (self->quarter_dropdown, quarter_chosen_cb, self);
      gtk_drop_down_set_selected (self->quarter_dropdown,
                                  default_quarter (tj_page_get_year (page)) - 1);
      g_signal_handlers_unblock_by_func (self->quarter_dropdown, quarter_chosen_cb, self);
    }
  changed_cb (self);
}

static void
tj_ranking_page_constructed (GObject *object)
{
  TjRankingPage *self = TJ_RANKING_PAGE (object);
  /* what the ranking and the assessment read: the projects and their monthly figures, the
   * matters, the approval items, the inspections, the units, the holidays and the settings */
  static const char *const tables[] = {
    "projects", "monthly_reports", "units", "matters", "matter_extensions", "matter_reports",
    "meetings", "approval_items", "approval_batches", "approval_suspensions", "inspections",
    "inspection_findings", "holidays", "settings", NULL
  };

  G_OBJECT_CLASS (tj_ranking_page_parent_class)->constructed (object);
  tj_page_watch_tables (TJ_PAGE (self), tables, G_CALLBACK (changed_cb));
}

static void
tj_ranking_page_dispose (GObject *object)
{
  TjRankingPage *self = TJ_RANKING_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (tj_ranking_page_parent_class)->dispose (object);
}

static void
tj_ranking_page_finalize (GObject *object)
{
  TjRankingPage *self = TJ_RANKING_PAGE (object);

  g_clear_pointer (&self->ranking, tj_ranking_free);
  g_clear_pointer (&self->assessment, tj_assessment_free);
  g_clear_pointer (&self->book, tj_report_book_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->exports);
  G_OBJECT_CLASS (tj_ranking_page_parent_class)->finalize (object);
}

static void
tj_ranking_page_class_init (TjRankingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tj_ranking_page_constructed;
  object_class->dispose = tj_ranking_page_dispose;
  object_class->finalize = tj_ranking_page_finalize;
  TJ_PAGE_CLASS (klass)->year_changed = tj_ranking_page_year_changed;
  gtk_widget_class_install_action (widget_class, "ranking.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "ranking.print", NULL, print_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
toolbar_new (TjRankingPage *self)
{
  const char *views[] = { N_("Quarterly Ranking"), N_("Half-Year Assessment"),
                          N_("Annual Assessment") };
  g_autoptr (GtkStringList) quarter_list = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) view_list = gtk_string_list_new (NULL);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  for (int q = 1; q <= 4; q++)
    gtk_string_list_append (quarter_list, tj_quarter_name (q));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_string_list_append (view_list, _(views[i]));
  self->quarter_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (quarter_list)),
                                                             NULL));
  self->view_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (view_list)),
                                                          NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->quarter_dropdown), _("Quarter"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->view_dropdown), _("What to rank"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->quarter_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->view_dropdown));
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);
  self->print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->print_button), "ranking.print");
  gtk_box_append (GTK_BOX (bar), self->print_button);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "ranking.export");
  gtk_box_append (GTK_BOX (bar), self->export_button);
  return bar;
}

static void
tj_ranking_page_init (TjRankingPage *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *expander = gtk_expander_new (_("How the scores are made"));

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 12);
  gtk_widget_set_margin_bottom (outer, 12);
  gtk_widget_set_parent (outer, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (outer), toolbar_new (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));
  self->read_error = TJ_READ_ERROR (tj_read_error_new ());
  g_signal_connect_swapped (self->read_error, "retry", G_CALLBACK (rebuild), self);

  /* the table, its lists, its chart and its rules on the left; the selected unit on the right */
  self->title = GTK_LABEL (wrapped_label ("title-3"));
  gtk_label_set_justify (self->title, GTK_JUSTIFY_CENTER);
  gtk_label_set_xalign (self->title, 0.5);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->title));
  self->names = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->names)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->column_view));
  self->lists = GTK_LABEL (wrapped_label ("heading"));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->lists));
  self->chart = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->chart));
  self->notes = GTK_LABEL (wrapped_label ("dim-label"));
  gtk_expander_set_child (GTK_EXPANDER (expander), GTK_WIDGET (self->notes));
  gtk_box_append (GTK_BOX (content), expander);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);

  self->breakdown_title = GTK_LABEL (wrapped_label ("heading"));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->breakdown_title));
  self->breakdown = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->breakdown, 12);
  gtk_grid_set_row_spacing (self->breakdown, 6);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->breakdown));
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  gtk_frame_set_child (GTK_FRAME (frame), side);
  gtk_widget_set_size_request (frame, 300, -1);
  gtk_widget_set_margin_start (frame, 6);

  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (paned), frame);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_stack_add_named (self->stack, paned, "ranking");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->read_error), "error");

  self->exports = tj_file_job_new ();
  g_signal_connect_object (self->exports, "notify::busy", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_breakdown),
                            self);
  g_signal_connect_swapped (self->quarter_dropdown, "notify::selected",
                            G_CALLBACK (quarter_chosen_cb), self);
  g_signal_connect_swapped (self->view_dropdown, "notify::selected", G_CALLBACK (rebuild), self);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  self->stale = TRUE;
  update_actions (self);
  update_breakdown (self);
}
