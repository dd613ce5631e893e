/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tj-approval-private.h"
#include "tj-error.h"
#include "tj-project.h"
#include "tj-settings.h"

/* The ledger's item table. */
enum
{
  LEDGER_NUMBER,
  LEDGER_PROJECT,
  LEDGER_LOCALITY,
  LEDGER_NAME,
  LEDGER_STAGE,
  LEDGER_UNIT,
  LEDGER_GREEN,
  LEDGER_STATUTORY,
  LEDGER_COMMITTED,
  LEDGER_ACCEPTED,
  LEDGER_DEADLINE,
  LEDGER_FINISHED,
  LEDGER_ELAPSED,
  LEDGER_REMAINING,
  LEDGER_SPEEDUP,
  LEDGER_STATE,
  LEDGER_AGENT,
  LEDGER_SUSPENDED,
  LEDGER_COPIED,
  LEDGER_DELIVERED,
  LEDGER_HANDLER,
  LEDGER_NOTES, /* last: the columns before it stay where readers know them */
};

enum
{
  CASES_NUMBER,
  CASES_PROJECT,
  CASES_COMPANY,
  CASES_CONTACT,
  CASES_ENTRUSTED,
  CASES_AGENT,
  CASES_STATUS,
  CASES_ITEMS,
  CASES_FINISHED,
  CASES_OVERDUE,
  CASES_DELIVERED,
  CASES_EVALUATION,
};

enum
{
  SPEEDUP_NUMBER,
  SPEEDUP_UNIT,
  SPEEDUP_ITEMS,
  SPEEDUP_FINISHED,
  SPEEDUP_ON_TIME,
  SPEEDUP_ON_TIME_RATE,
  SPEEDUP_AVERAGE_STATUTORY,
  SPEEDUP_AVERAGE_ELAPSED,
  SPEEDUP_AVERAGE_SPEEDUP,
  SPEEDUP_TARGET_SHARE,
  SPEEDUP_OVERDUE,
};

enum
{
  BATCH_NUMBER,
  BATCH_PROJECT,
  BATCH_LEAD,
  BATCH_ACCEPTED,
  BATCH_ITEMS,
  BATCH_FINISHED,
  BATCH_LAST_FINISHED,
  BATCH_ELAPSED,
  BATCH_STATUTORY,
  BATCH_SAVED,
};

/* ------------------------------------------------------------------------------------------ */
/* 部门审批提速情况: the figures of one department, or of all (the 合计 row)
 *
 * For the items of the year's list with that department, on the report date:
 * - 事项数 (items): every item, accepted or not.
 * - 已办结 (finished): the items with a finish date.
 * - 按时办结 (on time): finished on or before the deadline; 按时办结率 = on time ÷ finished.
 * - 平均法定时限 = Σ statutory limits ÷ items (every item of the department).
 * - 平均用时 = Σ elapsed working days ÷ finished items.
 * - 平均提速率 = the arithmetic mean of the items' speed-ups, over the finished items with a
 *   statutory limit above 0 (those that have one).
 * - 提速50%以上占比 = finished items whose speed-up is at least 50% ÷ finished items.
 * - 超期未办结 (overdue now): not finished, past the deadline on the report date.
 * A rate or average whose denominator is 0 is left blank. */

static void
department_clear (gpointer data)
{
  g_free (((TjDepartmentSpeedup *) data)->name);
}

static void
speedup_add (TjDepartmentSpeedup  *figures,
             const TjApprovalItem *item)
{
  figures->items++;
  figures->statutory_sum += item->statutory_days;
  figures->overdue += item->overdue;
  if (item->state != TJ_ITEM_ON_TIME && item->state != TJ_ITEM_LATE)
    return;
  figures->finished++;
  figures->on_time += item->state == TJ_ITEM_ON_TIME;
  figures->met_target += item->met_target;
  if (item->has_elapsed)
    {
      figures->timed++;
      figures->elapsed_sum += item->elapsed;
    }
  if (item->has_speedup)
    {
      figures->with_speedup++;
      figures->speedup_sum += item->speedup;
    }
}

static void
speedup_finish (TjDepartmentSpeedup *figures)
{
  figures->has_on_time_rate = figures->finished > 0;
  if (figures->has_on_time_rate)
    {
      figures->on_time_rate = (double) figures->on_time / figures->finished;
      figures->target_share = (double) figures->met_target / figures->finished;
    }
  figures->has_average_statutory = figures->items > 0;
  if (figures->has_average_statutory)
    figures->average_statutory = (double) figures->statutory_sum / figures->items;
  figures->has_average_elapsed = figures->timed > 0;
  if (figures->has_average_elapsed)
    figures->average_elapsed = (double) figures->elapsed_sum / figures->timed;
  figures->has_average_speedup = figures->with_speedup > 0;
  if (figures->has_average_speedup)
    figures->average_speedup = figures->speedup_sum / figures->with_speedup;
}

static int
by_department (gconstpointer a,
               gconstpointer b)
{
  const TjApprovalItem *ia = *(TjApprovalItem *const *) a;
  const TjApprovalItem *ib = *(TjApprovalItem *const *) b;
  /* Items without a department go last. */
  int oa = ia->unit_id != 0 ? ia->unit_order : G_MAXINT;
  int ob = ib->unit_id != 0 ? ib->unit_order : G_MAXINT;

  if (oa != ob)
    return oa < ob ? -1 : 1;
  if (ia->unit_id != ib->unit_id)
    return ia->unit_id < ib->unit_id ? -1 : 1;
  return 0;
}

/* One TjDepartmentSpeedup per department of the items (computed ones), in the order of the unit
 * list. */
GArray *
tj_approval_speedup_figures (GPtrArray *items)
{
  GArray *departments = g_array_new (FALSE, TRUE, sizeof (TjDepartmentSpeedup));
  g_autoptr (GPtrArray) sorted = NULL;
  TjDepartmentSpeedup *current = NULL;

  g_array_set_clear_func (departments, department_clear);
  g_return_val_if_fail (items != NULL, departments);

  /* A borrowed view of the items: sorting it leaves the caller's order alone. */
  sorted = g_ptr_array_sized_new (items->len);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (items, i));
  g_ptr_array_sort (sorted, by_department);
  for (guint i = 0; i < sorted->len; i++)
    {
      const TjApprovalItem *item = g_ptr_array_index (sorted, i);

      if (current == NULL || current->unit_id != item->unit_id)
        {
          g_array_set_size (departments, departments->len + 1);
          current = &g_array_index (departments, TjDepartmentSpeedup, departments->len - 1);
          current->unit_id = item->unit_id;
          current->name = g_strdup (item->unit_name != NULL ? item->unit_name
                                                            : _("No department"));
        }
      speedup_add (current, item);
    }
  for (guint i = 0; i < departments->len; i++)
    speedup_finish (&g_array_index (departments, TjDepartmentSpeedup, i));
  return departments;
}

/* ------------------------------------------------------------------------------------------ */
/* Reports */

/* "2026年5月20日" */
static char *
date_words (const char *iso_date)
{
  int year = 0, month = 0, day = 0;

  if (sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (iso_date);
  /* Translators: a date in words: "2026年5月20日" */
  return g_strdup_printf (_("%1$d-%2$02d-%3$02d"), year, month, day);
}

/* Widens [first, last] to the years the item's figures depend on: from its acceptance to its
 * finish or deadline, or to today for an item still running. */
static void
widen_years (const TjApprovalItem *item,
             const char           *today,
             int                  *first,
             int                  *last)
{
  const char *dates[] = { item->accepted, item->finished, item->deadline,
                          item->has_remaining ? today : NULL };

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    if (dates[d] != NULL)
      {
        int y = atoi (dates[d]);

        *first = MIN (*first, y);
        *last = MAX (*last, y);
      }
}

/* The years in [first, last] (from the year of the list and widen_years) that have no holiday
 * table, as a note; NULL when there is none. */
static char *
plain_weekdays_note (TjCalendar *calendar,
                     int         first,
                     int         last)
{
  g_autoptr (GArray) missing = NULL;
  g_autoptr (GString) years = NULL;

  missing = tj_calendar_missing_years (calendar, first, last);
  if (missing->len == 0)
    return NULL;
  years = g_string_new (NULL);
  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        g_string_append (years, _(", "));
      g_string_append_printf (years, "%d", g_array_index (missing, int, i));
    }
  /* Translators: "2027年无节假日安排表，按普通工作日计算。" (the years, then the rule) */
  return g_strdup_printf (ngettext ("%s has no holiday table: counted as plain weekdays "
                                    "(Monday to Friday).",
                                    "%s have no holiday table: counted as plain weekdays "
                                    "(Monday to Friday).",
                                    missing->len),
                          years->str);
}

/* The year's items on the report date, and the note on the years without a holiday table that
 * their figures depend on (NULL when there is none): what both books start from. */
static GPtrArray *
year_items (TjDb       *db,
            int         year,
            const char *today,
            char      **calendar_note,
            GError    **error)
{
  g_autoptr (TjCalendar) calendar = NULL;
  GPtrArray *items;
  int first = year, last = year;

  if ((calendar = tj_calendar_load (db, error)) == NULL ||
      (items = tj_approval_item_list (db, year, today, error)) == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    widen_years (g_ptr_array_index (items, i), today, &first, &last);
  *calendar_note = plain_weekdays_note (calendar, first, last);
  return items;
}

static TjReportBook *
new_book (TjDb *db)
{
  g_autofree char *org = tj_settings_organisation (db);

  return tj_report_book_new (org);
}

static TjReport *
new_sheet (const char *sheet_name,
           const char *title,
           const char *today)
{
  TjReport *report = tj_report_new (sheet_name, title);
  g_autofree char *words = date_words (today);
  g_autofree char *subtitle = NULL;

  /* Translators: the subtitle of the approval reports: "（截至2026年5月20日）" */
  subtitle = g_strdup_printf (_("(as of %s)"), words);
  tj_report_set_subtitle (report, subtitle);
  return report;
}

static void
add_rules_note (TjReport *report)
{
  tj_report_add_note (report,
                      _("Note: time limits are in working days (weekends and public holidays off, "
                        "adjusted working weekends on). The day of acceptance is not counted: the "
                        "deadline is the committed limit's last working day after it, and the "
                        "working days taken run from the day after acceptance to the finish date "
                        "(0 when finished the same day). Speed-up = (statutory limit − working "
                        "days taken) ÷ statutory limit."));
}

/* A year without a holiday table goes above the table, where a reader cannot miss it. */
static void
add_calendar_paragraph (TjReport   *report,
                        const char *calendar_note)
{
  if (calendar_note != NULL)
    tj_report_add_paragraph (report, calendar_note);
}

/* Why a deadline moved: a suspended item's periods with their reasons, by the row's number:
 * "第 3 行 施工许可：2026-03-02 至 2026-03-04 补正材料（3 个工作日）"; NULL for an item never
 * suspended. */
static char *
suspension_note (guint           number,
                 TjApprovalItem *item)
{
  g_autofree char *periods = tj_approval_item_describe_suspensions (item);

  if (periods == NULL)
    return NULL;
  /* Translators: a suspended item in the ledger's notes, by its row number: "第 3 行 施工许可：…" */
  return g_strdup_printf (_("No. %u %s: %s"), number, item->name, periods);
}

/* What the ledger says about its items as a whole, above and below the table and on the cases'
 * sheet, gathered as the items' rows are first read (the writer reads them all before it writes
 * the text above the table): the count of each state, the years the figures depend on, the
 * suspended items' notes and each case's items overdue. Shared by the items' source and the
 * cases' one. */
typedef struct
{
  gboolean complete; /* every item counted */
  guint n_items;
  guint states[TJ_ITEM_N_STATES];
  int year;
  int first_year;
  int last_year;
  GPtrArray *suspension_notes; /* of char * */
  GHashTable *case_overdue;    /* case id (gint64 *) → items overdue (guint) */
} LedgerSummary;

static void
ledger_summary_clear (LedgerSummary *self)
{
  g_clear_pointer (&self->suspension_notes, g_ptr_array_unref);
  g_clear_pointer (&self->case_overdue, g_hash_table_unref);
}

static LedgerSummary *
ledger_summary_new (int year)
{
  LedgerSummary *summary = g_rc_box_new0 (LedgerSummary);

  summary->year = summary->first_year = summary->last_year = year;
  summary->suspension_notes = g_ptr_array_new_with_free_func (g_free);
  summary->case_overdue = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return summary;
}

static void
ledger_summary_unref (LedgerSummary *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) ledger_summary_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerSummary, ledger_summary_unref)

/* Starts the count again: the rows are read again from the first before it was complete. */
static void
ledger_summary_restart (LedgerSummary *self)
{
  self->n_items = 0;
  memset (self->states, 0, sizeof self->states);
  self->first_year = self->last_year = self->year;
  g_ptr_array_set_size (self->suspension_notes, 0);
  g_hash_table_remove_all (self->case_overdue);
}

/* Counts the item of row `number` (from 1, in the ledger's order). */
static void
ledger_summary_add (LedgerSummary  *summary,
                    guint           number,
                    TjApprovalItem *item,
                    const char     *today)
{
  char *note = suspension_note (number, item);

  summary->n_items++;
  summary->states[item->state]++;
  widen_years (item, today, &summary->first_year, &summary->last_year);
  if (note != NULL)
    g_ptr_array_add (summary->suspension_notes, note);
  if (item->case_id != 0 && item->overdue)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (summary->case_overdue,
                                                           &item->case_id));

      g_hash_table_replace (summary->case_overdue, g_memdup2 (&item->case_id, sizeof (gint64)),
                            GUINT_TO_POINTER (count + 1));
    }
}

static void
add_suspension_notes (TjReport      *report,
                      LedgerSummary *summary)
{
  if (summary->suspension_notes->len == 0)
    return;
  tj_report_add_note (report,
                      _("Suspensions (supplementing materials, expert review, hearing, "
                        "public notice) are not counted in the time limit: the deadline "
                        "moves later by the suspended working days and the working days "
                        "taken leave them out."));
  for (guint i = 0; i < summary->suspension_notes->len; i++)
    tj_report_add_note (report, g_ptr_array_index (summary->suspension_notes, i));
}

/* The words of the items' sheet that repeat on every row, translated once. */
typedef struct
{
  const char *stages[TJ_STAGE_N];
  const char *states[TJ_ITEM_N_STATES];
  const char *green[2];
} LedgerWords;

static void
ledger_words_init (LedgerWords *words)
{
  for (guint i = 0; i < TJ_STAGE_N; i++)
    words->stages[i] = tj_approval_stage_label (i);
  for (guint i = 0; i < TJ_ITEM_N_STATES; i++)
    words->states[i] = tj_item_state_label (i);
  words->green[FALSE] = C_("green channel", "No");
  words->green[TRUE] = C_("green channel", "Yes");
}

/* One row of the items' sheet. */
static void
ledger_row (TjReportRow          *row,
            guint                 number,
            const TjApprovalItem *item,
            const LedgerWords    *words)
{
  tj_report_row_set_integer (row, LEDGER_NUMBER, number);
  tj_report_row_set_text (row, LEDGER_PROJECT, item->project_name);
  tj_report_row_set_text (row, LEDGER_LOCALITY, item->locality_name);
  tj_report_row_set_text (row, LEDGER_NAME, item->name);
  tj_report_row_set_text (row, LEDGER_STAGE, (guint) item->stage < TJ_STAGE_N
                                               ? words->stages[item->stage]
                                               : tj_approval_stage_label (item->stage));
  tj_report_row_set_text (row, LEDGER_UNIT, item->unit_name);
  tj_report_row_set_text (row, LEDGER_GREEN, words->green[item->green != FALSE]);
  tj_report_row_set_integer (row, LEDGER_STATUTORY, item->statutory_days);
  tj_report_row_set_integer (row, LEDGER_COMMITTED, item->committed_days);
  tj_report_row_set_date (row, LEDGER_ACCEPTED, item->accepted);
  tj_report_row_set_date (row, LEDGER_DEADLINE, item->deadline);
  tj_report_row_set_date (row, LEDGER_FINISHED, item->finished);
  if (item->has_elapsed)
    tj_report_row_set_integer (row, LEDGER_ELAPSED, item->elapsed);
  if (item->has_remaining)
    tj_report_row_set_integer (row, LEDGER_REMAINING, item->remaining);
  if (item->has_speedup)
    tj_report_row_set_percent (row, LEDGER_SPEEDUP, item->speedup);
  tj_report_row_set_text (row, LEDGER_STATE, (guint) item->state < TJ_ITEM_N_STATES
                                               ? words->states[item->state]
                                               : tj_item_state_label (item->state));
  tj_report_row_set_text (row, LEDGER_AGENT, item->agent_name);
  if (item->suspended_days > 0)
    tj_report_row_set_integer (row, LEDGER_SUSPENDED, item->suspended_days);
  tj_report_row_set_date (row, LEDGER_COPIED, item->copied);
  tj_report_row_set_date (row, LEDGER_DELIVERED, item->delivered);
  tj_report_row_set_text (row, LEDGER_HANDLER, item->handler);
  tj_report_row_set_text (row, LEDGER_NOTES, item->notes);
}

/* The items' rows stream from the cursor, each computed as it is read. */
typedef struct
{
  TjApprovalItemCursor *cursor;
  LedgerSummary *summary; /* counted as the rows are first read */
  LedgerWords words;
  guint number;  /* items read */
  gboolean used; /* asked for a row since made or rewound: a rewind has work to do */
} LedgerSource;

static void
ledger_source_free (gpointer data)
{
  LedgerSource *source = data;

  tj_approval_item_cursor_free (source->cursor);
  ledger_summary_unref (source->summary);
  g_free (source);
}

static void
ledger_source_rewind (gpointer data,
                      gboolean in_order)
{
  LedgerSource *source = data;

  /* a cursor just made is at its first item: rewinding it would sort its suspensions again */
  if (source->used)
    tj_approval_item_cursor_rewind (source->cursor);
  source->used = FALSE;
  source->number = 0;
  /* the items come in the ledger's order whatever `in_order` says: the notes' row numbers hold */
  if (!source->summary->complete)
    ledger_summary_restart (source->summary);
}

static gboolean
ledger_source_next (gpointer     data,
                    TjReportRow *row,
                    GError     **error)
{
  LedgerSource *source = data;
  g_autoptr (TjApprovalItem) item = NULL;

  source->used = TRUE;
  if ((item = tj_approval_item_cursor_next (source->cursor, error)) == NULL)
    return FALSE;
  ledger_row (row, ++source->number, item, &source->words);
  if (!source->summary->complete)
    ledger_summary_add (source->summary, source->number, item,
                        tj_approval_item_cursor_get_today (source->cursor));
  return TRUE;
}

/* Every item read: the counts above the table, the years without a holiday table and the
 * suspensions' notes under it. */
static gboolean
ledger_source_end (gpointer   data,
                   TjReport  *report,
                   GError   **error)
{
  LedgerSource *source = data;
  LedgerSummary *counts = source->summary;
  const guint *states = counts->states;
  g_autofree char *summary = NULL;
  g_autofree char *calendar_note = NULL;

  counts->complete = TRUE;
  /* Translators: "共 42 项：办理中 10 项，超期未办结 3 项，按时办结 25 项，逾期办结 2 项，未受理 2 项。" */
  summary = g_strdup_printf (ngettext ("%u item: %u in progress, %u overdue and not finished, %u "
                                       "finished on time, %u finished late, %u not accepted yet.",
                                       "%u items: %u in progress, %u overdue and not finished, "
                                       "%u finished on time, %u finished late, %u not accepted "
                                       "yet.",
                                       counts->n_items),
                             counts->n_items, states[TJ_ITEM_IN_PROGRESS], states[TJ_ITEM_OVERDUE],
                             states[TJ_ITEM_ON_TIME], states[TJ_ITEM_LATE],
                             states[TJ_ITEM_NOT_ACCEPTED]);
  tj_report_add_paragraph (report, summary);
  calendar_note = plain_weekdays_note (tj_approval_item_cursor_get_calendar (source->cursor),
                                       counts->first_year, counts->last_year);
  add_calendar_paragraph (report, calendar_note);
  add_suspension_notes (report, counts);
  return TRUE;
}

/* Takes the cursor: the rows stream from it, counted into `counts` as they are first read. */
static TjReport *
ledger_items_sheet (TjDb                 *db,
                    int                   year,
                    const char           *today,
                    TjApprovalItemCursor *cursor,
                    LedgerSummary        *counts)
{
  g_autofree char *org = tj_settings_organisation (db);
  g_autofree char *title = NULL;
  LedgerSource *source;
  TjReport *report;

  /* Translators: the ledger's title: "登封市2026年代办事项台账" */
  title = g_strdup_printf (_("%s %d Agency and Approval Ledger"), org, year);
  report = new_sheet (C_("approval sheet", "Approval items"), title, today);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 28);
  tj_report_add_column (report, tj_project_field_label ("locality_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Item name"), TJ_REPORT_TEXT, 18);
  tj_report_add_column (report, C_("approval column", "Stage"), TJ_REPORT_TEXT, 12);
  tj_report_add_column (report, C_("approval column", "Department"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Green channel"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Statutory limit (working days)"),
                        TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Committed limit (working days)"),
                        TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Accepted on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Deadline"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Finished on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Working days taken"), TJ_REPORT_INTEGER,
                        0);
  tj_report_add_column (report, C_("approval column", "Working days left"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Speed-up"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("approval column", "Status"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Agent"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Suspended (working days)"),
                        TJ_REPORT_INTEGER, 0);
  /* the import's words for them, so that the ledger imports again unchanged */
  tj_report_add_column (report, tj_approval_field_label ("copied"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, tj_approval_field_label ("delivered"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, tj_approval_field_label ("handler"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_approval_field_label ("notes"), TJ_REPORT_TEXT, 30);
  report->frozen_columns = LEDGER_NAME + 1;

  source = g_new0 (LedgerSource, 1);
  source->cursor = cursor;
  source->summary = g_rc_box_acquire (counts);
  ledger_words_init (&source->words);
  tj_report_set_source (report, ledger_source_next, ledger_source_rewind, source,
                        ledger_source_free);

  add_rules_note (report);
  tj_report_add_note (report,
                      _("Status: in progress — accepted, not finished, the deadline not passed; "
                        "overdue — not finished after the deadline; finished on time — on or "
                        "before the deadline; finished late — after it. Working days left are "
                        "counted from the report date, negative once the deadline has passed."));
  /* the counts and the suspensions' notes once the writer has read every row */
  tj_report_set_rows_end (report, ledger_source_end);
  return report;
}

/* The cases' rows stream from their cursor, with each case's items overdue from the summary. */
typedef struct
{
  TjAgencyCaseCursor *cursor;
  LedgerSummary *summary; /* the items' */
  TjReport *items;        /* the items' sheet of the same book, read first when it has not been */
  guint number;           /* cases read */
} CasesSource;

static void
cases_source_free (gpointer data)
{
  CasesSource *source = data;

  tj_agency_case_cursor_free (source->cursor);
  ledger_summary_unref (source->summary);
  g_free (source);
}

static void
cases_source_rewind (gpointer data,
                     gboolean in_order)
{
  CasesSource *source = data;

  tj_agency_case_cursor_rewind (source->cursor);
  source->number = 0;
}

static gboolean
cases_source_next (gpointer     data,
                   TjReportRow *row,
                   GError     **error)
{
  CasesSource *source = data;
  g_autoptr (TjAgencyCase) agency_case = NULL;
  g_autofree char *status = NULL;

  /* the items overdue are counted as the items' rows are read: a writer reads that sheet first */
  if (!source->summary->complete && !tj_report_complete (source->items, error))
    return FALSE;
  if ((agency_case = tj_agency_case_cursor_next (source->cursor, error)) == NULL)
    return FALSE;
  if (agency_case->status == TJ_CASE_TERMINATED && agency_case->termination_reason != NULL)
    /* Translators: a terminated case with its reason: "已终止（投资方放弃）" */
    status = g_strdup_printf (_("%s (%s)"), tj_case_status_label (agency_case->status),
                              agency_case->termination_reason);
  else
    status = g_strdup (tj_case_status_label (agency_case->status));
  tj_report_row_set_integer (row, CASES_NUMBER, ++source->number);
  tj_report_row_set_text (row, CASES_PROJECT, agency_case->project_name);
  tj_report_row_set_text (row, CASES_COMPANY, agency_case->company);
  tj_report_row_set_text (row, CASES_CONTACT, agency_case->contact);
  tj_report_row_set_date (row, CASES_ENTRUSTED, agency_case->entrusted);
  tj_report_row_set_text (row, CASES_AGENT, agency_case->agent_name);
  tj_report_row_set_text (row, CASES_STATUS, status);
  tj_report_row_set_integer (row, CASES_ITEMS, agency_case->n_items);
  tj_report_row_set_integer (row, CASES_FINISHED, agency_case->n_finished);
  tj_report_row_set_integer (row, CASES_OVERDUE,
                             GPOINTER_TO_UINT (g_hash_table_lookup (source->summary->case_overdue,
                                                                    &agency_case->id)));
  tj_report_row_set_date (row, CASES_DELIVERED, agency_case->delivered);
  tj_report_row_set_text (row, CASES_EVALUATION, tj_evaluation_label (agency_case->evaluation));
  return TRUE;
}

/* Takes the cursor: the rows stream from it. */
static TjReport *
ledger_cases_sheet (TjDb               *db,
                    int                 year,
                    const char         *today,
                    TjAgencyCaseCursor *cursor,
                    LedgerSummary      *summary,
                    TjReport           *items)
{
  g_autofree char *org = tj_settings_organisation (db);
  g_autofree char *title = NULL;
  CasesSource *source = g_new0 (CasesSource, 1);
  TjReport *report;

  /* Translators: the title of the cases' sheet: "登封市2026年全程代办件登记表" */
  title = g_strdup_printf (_("%s %d Agency Cases"), org, year);
  report = new_sheet (C_("approval sheet", "Agency cases"), title, today);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 24);
  tj_report_add_column (report, C_("approval column", "Entrusting company"), TJ_REPORT_TEXT, 20);
  tj_report_add_column (report, C_("approval column", "Contact"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Entrusted on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Agent"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Case status"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Items"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Finished"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Overdue, not finished"),
                        TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Delivered on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Evaluation"), TJ_REPORT_TEXT, 0);
  report->frozen_columns = CASES_PROJECT + 1;

  source->cursor = cursor;
  source->summary = g_rc_box_acquire (summary);
  source->items = items;
  tj_report_set_source (report, cases_source_next, cases_source_rewind, source,
                        cases_source_free);
  /* 推进机制 (三) */
  tj_report_add_note (report, _("Note: the agency service is free of charge to the investor."));
  return report;
}

/* 代办事项台账: every item of the year's projects on one sheet, every agency case on another.
 * The items stream to the writer as it reads them, each computed as it is read, and are counted
 * for the text above and below the table as they go; the cases stream from theirs. */
TjReportBook *
tj_approval_ledger_book (TjDb       *db,
                         int         year,
                         const char *today,
                         GError    **error)
{
  g_autoptr (TjApprovalItemCursor) cursor = NULL;
  g_autoptr (LedgerSummary) summary = NULL;
  g_autoptr (TjAgencyCaseCursor) cases = NULL;
  g_autofree char *now = today_or_now (today);
  TjReportBook *book;
  TjReport *items;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if ((cursor = tj_approval_item_cursor_year (db, year, now, error)) == NULL ||
      (cases = tj_agency_case_cursor_year (db, year, error)) == NULL)
    return NULL;
  summary = ledger_summary_new (year);
  book = new_book (db);
  items = ledger_items_sheet (db, year, now, g_steal_pointer (&cursor), summary);
  tj_report_book_add (book, items);
  tj_report_book_add (book, ledger_cases_sheet (db, year, now, g_steal_pointer (&cases), summary,
                                                items));
  return book;
}

static void
add_speedup_row (TjReport                  *report,
                 TjReportRowKind            kind,
                 guint                      number,
                 const char                *name,
                 const TjDepartmentSpeedup *figures)
{
  guint row = tj_report_add_row (report, kind);

  if (number > 0)
    tj_report_set_integer (report, row, SPEEDUP_NUMBER, number);
  else
    tj_report_set_text (report, row, SPEEDUP_NUMBER, _("Total"));
  tj_report_set_text (report, row, SPEEDUP_UNIT, name);
  tj_report_set_integer (report, row, SPEEDUP_ITEMS, figures->items);
  tj_report_set_integer (report, row, SPEEDUP_FINISHED, figures->finished);
  tj_report_set_integer (report, row, SPEEDUP_ON_TIME, figures->on_time);
  if (figures->has_on_time_rate)
    {
      tj_report_set_percent (report, row, SPEEDUP_ON_TIME_RATE, figures->on_time_rate);
      tj_report_set_percent (report, row, SPEEDUP_TARGET_SHARE, figures->target_share);
    }
  if (figures->has_average_statutory)
    tj_report_set_decimal (report, row, SPEEDUP_AVERAGE_STATUTORY, figures->average_statutory);
  if (figures->has_average_elapsed)
    tj_report_set_decimal (report, row, SPEEDUP_AVERAGE_ELAPSED, figures->average_elapsed);
  if (figures->has_average_speedup)
    tj_report_set_percent (report, row, SPEEDUP_AVERAGE_SPEEDUP, figures->average_speedup);
  tj_report_set_integer (report, row, SPEEDUP_OVERDUE, figures->overdue);
}

static TjReport *
speedup_sheet (TjDb       *db,
               int         year,
               const char *today,
               GPtrArray  *items,
               const char *calendar_note)
{
  g_autoptr (GArray) departments = tj_approval_speedup_figures (items);
  g_autofree char *org = tj_settings_organisation (db);
  g_autofree char *title = NULL;
  g_autofree char *share = NULL;
  TjDepartmentSpeedup total = { 0 };
  TjReport *report;

  /* Translators: the title of the speed-up report: "登封市2026年部门审批提速情况" */
  title = g_strdup_printf (_("%s %d Approval Speed-up by Department"), org, year);
  report = new_sheet (C_("approval sheet", "By department"), title, today);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Department"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Items"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Finished"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Finished on time"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "On-time rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("approval column", "Average statutory limit (working days)"),
                        TJ_REPORT_DECIMAL, 0);
  tj_report_add_column (report, C_("approval column", "Average working days taken"),
                        TJ_REPORT_DECIMAL, 0);
  tj_report_add_column (report, C_("approval column", "Average speed-up"), TJ_REPORT_PERCENT, 0);
  /* Translators: a column: the share of the finished items that were at least 50% faster */
  share = g_strdup_printf (_("Share %d%% or more faster"), 50);
  tj_report_add_column (report, share, TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("approval column", "Overdue, not finished"),
                        TJ_REPORT_INTEGER, 0);
  report->frozen_columns = SPEEDUP_UNIT + 1;

  for (guint i = 0; i < departments->len; i++)
    {
      const TjDepartmentSpeedup *figures = &g_array_index (departments, TjDepartmentSpeedup, i);

      add_speedup_row (report, TJ_REPORT_ROW_BODY, i + 1, figures->name, figures);
    }
  for (guint i = 0; i < items->len; i++)
    speedup_add (&total, g_ptr_array_index (items, i));
  speedup_finish (&total);
  add_speedup_row (report, TJ_REPORT_ROW_TOTAL, 0, NULL, &total);

  tj_report_add_note (report,
                      _("Note: the items of the year's key projects, by department. Items: every "
                        "item, accepted or not. Finished: items with a finish date. Finished on "
                        "time: on or before the deadline; on-time rate = finished on time ÷ "
                        "finished. Average statutory limit = the sum of the statutory limits ÷ "
                        "items. Average working days taken = the sum of the working days taken ÷ "
                        "finished. Average speed-up = the mean of the speed-ups of the finished "
                        "items with a statutory limit above 0. Share 50% or more faster = "
                        "finished items with a speed-up of at least 50% ÷ finished. Overdue: "
                        "not finished and past the deadline on the report date. A rate without "
                        "items to count is left blank."));
  add_rules_note (report);
  add_calendar_paragraph (report, calendar_note);
  return report;
}

static TjReport *
batches_sheet (TjDb       *db,
               int         year,
               const char *today,
               GPtrArray  *batches)
{
  g_autofree char *org = tj_settings_organisation (db);
  g_autofree char *title = NULL;
  TjReport *report;
  gint64 saved = 0;
  guint row;

  /* Translators: the title of the parallel batches' sheet: "登封市2026年并联审批情况" */
  title = g_strdup_printf (_("%s %d Parallel Approvals"), org, year);
  report = new_sheet (C_("approval sheet", "Parallel approvals"), title, today);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 24);
  tj_report_add_column (report, C_("approval column", "Lead department"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Accepted on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Items"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Finished"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Last finished on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Working days taken"), TJ_REPORT_INTEGER,
                        0);
  tj_report_add_column (report, C_("approval column", "Sum of statutory limits (working days)"),
                        TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Working days saved"), TJ_REPORT_INTEGER,
                        0);
  report->frozen_columns = BATCH_PROJECT + 1;

  for (guint i = 0; i < batches->len; i++)
    {
      const TjApprovalBatch *batch = g_ptr_array_index (batches, i);

      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_integer (report, row, BATCH_NUMBER, i + 1);
      tj_report_set_text (report, row, BATCH_PROJECT, batch->project_name);
      tj_report_set_text (report, row, BATCH_LEAD, batch->lead_unit_name);
      tj_report_set_date (report, row, BATCH_ACCEPTED, batch->accepted);
      tj_report_set_integer (report, row, BATCH_ITEMS, batch->n_items);
      tj_report_set_integer (report, row, BATCH_FINISHED, batch->n_finished);
      tj_report_set_date (report, row, BATCH_LAST_FINISHED, batch->last_finished);
      tj_report_set_integer (report, row, BATCH_STATUTORY, batch->statutory_sum);
      if (batch->has_elapsed)
        {
          tj_report_set_integer (report, row, BATCH_ELAPSED, batch->elapsed);
          tj_report_set_integer (report, row, BATCH_SAVED, batch->saved);
          saved += batch->saved;
        }
    }
  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, BATCH_NUMBER, _("Total"));
  tj_report_set_integer (report, row, BATCH_SAVED, saved);
  /* 推进机制 (四) */
  tj_report_add_note (report,
                      _("Note: a parallel batch is accepted at one window with a lead department "
                        "(一门受理、抄告相关、同时办理、限时办结、统一送达). Its working days taken run "
                        "from the batch's acceptance to the last of its items finished, once all "
                        "are; working days saved = the sum of its items' statutory limits "
                        "(handled one after another) − the working days taken. The total sums "
                        "the batches finished."));
  return report;
}

/* 部门审批提速情况: the departments' figures, then the parallel batches and their time saved. */
TjReportBook *
tj_approval_speedup_book (TjDb       *db,
                          int         year,
                          const char *today,
                          GError    **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) batches = NULL;
  g_autofree char *now = today_or_now (today);
  g_autofree char *note = NULL;
  TjReportBook *book;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if ((items = year_items (db, year, now, &note, error)) == NULL ||
      (batches = tj_approval_batch_list (db, year, error)) == NULL)
    return NULL;
  book = new_book (db);
  tj_report_book_add (book, speedup_sheet (db, year, now, items, note));
  tj_report_book_add (book, batches_sheet (db, year, now, batches));
  return book;
}

typedef TjReportBook *(*BookBuilder) (TjDb       *db,
                                      int         year,
                                      const char *today,
                                      GError    **error);

static gboolean
write_book (BookBuilder build,
            TjDb       *db,
            int         year,
            const char *today,
            const char *path,
            GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((book = build (db, year, today, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}

/* Writes 代办事项台账 by the file's extension (tj_report_book_write checks it): .xlsx, .pdf, or
 * .csv for the items' sheet. */
gboolean
tj_approval_write_ledger (TjDb       *db,
                          int         year,
                          const char *today,
                          const char *path,
                          GError    **error)
{
  return write_book (tj_approval_ledger_book, db, year, today, path, error);
}

/* Writes 部门审批提速情况 by the file's extension (tj_report_book_write checks it): .xlsx, .pdf,
 * or .csv for the departments' sheet. */
gboolean
tj_approval_write_speedup (TjDb       *db,
                           int         year,
                           const char *today,
                           const char *path,
                           GError    **error)
{
  return write_book (tj_approval_speedup_book, db, year, today, path, error);
}
