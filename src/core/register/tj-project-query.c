/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-project-query"
#include "config.h"

#include "tj-money.h"
#include "tj-project-query.h"

/* The project list reads the ids of what it shows in one statement, in the order shown, with
 * the figures of its summary line from the same rows; the rows themselves are read a block at
 * a time as they scroll into view (tj_project_load_many). Text sorts by pinyin_key, which the
 * connection registers with the "pinyin" collation (tj-db-open.c): the locale's order, as
 * g_utf8_collate_key gives it, a key made once per row (the collation compares per pair: 5 s for
 * 100k names on this machine). */

TjProjectQuery *
tj_project_query_new (int year)
{
  TjProjectQuery *query = g_new0 (TjProjectQuery, 1);

  query->year = year;
  return query;
}

void
tj_project_query_free (TjProjectQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->locality);
  g_free (query->industry);
  g_free (query->search);
  g_free (query);
}

static const char *const sort_keys[TJ_PROJECT_SORT_N] = {
  [TJ_PROJECT_SORT_NONE] = NULL,
  [TJ_PROJECT_SORT_NAME] = "pinyin_key(p.name)",
  [TJ_PROJECT_SORT_LEVEL] = "CASE p.level WHEN 'provincial' THEN 1 WHEN 'prefectural' THEN 2 "
                            "WHEN 'city' THEN 3 ELSE 0 END",
  [TJ_PROJECT_SORT_NATURE] = "CASE p.nature WHEN 'new' THEN 1 WHEN 'continuing' THEN 2 "
                             "WHEN 'completing' THEN 3 WHEN 'preparatory' THEN 4 ELSE 0 END",
  [TJ_PROJECT_SORT_INDUSTRY] = "pinyin_key(p.industry)",
  [TJ_PROJECT_SORT_LOCALITY] = "pinyin_key(l.name)",
  [TJ_PROJECT_SORT_UNIT] = "pinyin_key(u.name)",
  [TJ_PROJECT_SORT_LEADER] = "pinyin_key(ld.name)",
  [TJ_PROJECT_SORT_OFFICER] = "pinyin_key(o.name)",
  [TJ_PROJECT_SORT_TOTAL] = "coalesce(p.total_investment, 0)",
  [TJ_PROJECT_SORT_PLAN] = "coalesce(p.annual_plan, 0)",
  /* dates are ISO text: byte order; a missing one first, as before */
  [TJ_PROJECT_SORT_PLANNED_START] = "p.planned_start",
  [TJ_PROJECT_SORT_ACTUAL_START] = "p.actual_start",
  [TJ_PROJECT_SORT_STATS] = "p.stats_date",
};

/* Search looks through the same fields as the list did, each on its own (no match spans two);
 * the names of people and units are searched in their own small tables, once per statement.
 * SQLite's lower() folds ASCII only, and so does the needle here: Chinese has no case. */
#define SEARCH_CONDITION                                                                         \
  " AND (instr(lower(p.name), :needle) OR instr(lower(p.owner), :needle) "                      \
  "OR instr(lower(p.content), :needle) OR instr(lower(p.contact), :needle) "                    \
  "OR p.leader_id IN (SELECT id FROM people WHERE instr(lower(name), :needle)) "                \
  "OR p.officer_id IN (SELECT id FROM people WHERE instr(lower(name), :needle)) "               \
  "OR p.locality_id IN (SELECT id FROM units WHERE instr(lower(name), :needle)) "               \
  "OR p.unit_id IN (SELECT id FROM units WHERE instr(lower(name), :needle)))"

GArray *
tj_project_query_ids (TjDb                 *db,
                      const TjProjectQuery *query,
                      TjProjectSummary     *summary,
                      GError              **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *needle = NULL;
  TjProjectSummary sums = { 0, 0, 0 };
  int i = 1, rc;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->sort < TJ_PROJECT_SORT_N, NULL);

  g_string_append (sql, "SELECT p.id, p.total_investment, p.annual_plan FROM projects p "
                        "LEFT JOIN units l ON l.id = p.locality_id "
                        "LEFT JOIN units u ON u.id = p.unit_id "
                        "LEFT JOIN people ld ON ld.id = p.leader_id "
                        "LEFT JOIN people o ON o.id = p.officer_id WHERE p.year = ?");
  if (query->level != TJ_LEVEL_NONE)
    g_string_append (sql, " AND p.level = ?");
  if (query->nature != TJ_NATURE_NONE)
    g_string_append (sql, " AND p.nature = ?");
  if (query->locality != NULL)
    g_string_append (sql, " AND l.name = ?");
  if (query->industry != NULL)
    g_string_append (sql, " AND p.industry = ?");
  if (query->stats == TJ_PROJECT_STATS_ENTERED)
    g_string_append (sql, " AND p.stats_date IS NOT NULL");
  else if (query->stats == TJ_PROJECT_STATS_NOT_ENTERED)
    g_string_append (sql, " AND p.stats_date IS NULL");
  if (query->search != NULL && *query->search != '\0')
    {
      needle = g_ascii_strdown (query->search, -1);
      g_string_append (sql, SEARCH_CONDITION);
    }
  g_string_append (sql, " ORDER BY ");
  if (sort_keys[query->sort] != NULL)
    g_string_append_printf (sql, "%s %s, ", sort_keys[query->sort],
                            query->descending ? "DESC" : "ASC");
  g_string_append (sql, "p.id");

  stmt = tj_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, i++, query->year);
  if (query->level != TJ_LEVEL_NONE)
    sqlite3_bind_text (stmt, i++, tj_level_code (query->level), -1, SQLITE_STATIC);
  if (query->nature != TJ_NATURE_NONE)
    sqlite3_bind_text (stmt, i++, tj_nature_code (query->nature), -1, SQLITE_STATIC);
  if (query->locality != NULL)
    sqlite3_bind_text (stmt, i++, query->locality, -1, SQLITE_STATIC);
  if (query->industry != NULL)
    sqlite3_bind_text (stmt, i++, query->industry, -1, SQLITE_STATIC);
  if (needle != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":needle"), needle, -1,
                       SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      sums.total_investment = tj_money_add_saturating (sums.total_investment,
                                                       sqlite3_column_int64 (stmt, 1));
      sums.annual_plan = tj_money_add_saturating (sums.annual_plan,
                                                  sqlite3_column_int64 (stmt, 2));
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  sums.count = ids->len;
  if (summary != NULL)
    *summary = sums;
  return g_steal_pointer (&ids);
}
