/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-project-query"
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tj-money.h"
#include "tj-project-active.h"
#include "tj-project-query.h"

/* The project list reads the ids of what it shows in one statement, in the order shown, with
 * the figures of its summary line from the same rows; the rows themselves are read a block at
 * a time as they scroll into view (tj_project_load_many). A sort ranks the year's projects by the
 * column's key once (read_ranks) and sorts the filters' rows by rank in memory after. Text sorts
 * by pinyin_key, which the connection registers with the "pinyin" collation (tj-db-open.c): the
 * locale's order, as g_utf8_collate_key gives it, a key made once per row (the collation compares
 * per pair: 5 s for 100k names on this machine). */

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

/* One shown row as the filters and sort read it. */
typedef struct
{
  gint64 id;
  gint64 total_investment;
  gint64 annual_plan;
} Row;

/* The searched text of one project: its own fields, each folded and ended by SEPARATOR (no match
 * spans two), and the ids of its people and units, whose names are searched in their own list. */
typedef struct
{
  gint64 id;
  guint offset;  /* in Haystack.text */
  gint64 leader_id, officer_id, locality_id, unit_id;
} Entry;

typedef struct
{
  gint64 id;
  guint offset;
} Name;

#define SEPARATOR '\x1f'

/* A project's place in the order of a sort column: equal keys share a rank. */
typedef struct
{
  gint64 id;
  guint rank;
} Rank;

struct _TjProjectQueryCache
{
  /* the last ordering read: the query that read it, as text, and its rows */
  char *order_key;
  GArray *rows;       /* of Row */
  /* the rows the last filters showed, in id order, and the filters as text */
  char *filter_key;
  GArray *filtered;   /* of Row */
  /* per sort column, the rank of every project of rank_year, by id: made at the first sort by
   * that column, so that sorting again is a sort of integers */
  int rank_year;
  GArray *ranks[TJ_PROJECT_SORT_N]; /* of Rank */
  /* the year's searched text, read at the first search */
  int search_year;
  GArray *entries;    /* of Entry, by id */
  GArray *names;      /* of Name: people, then units (ids apart by names_units) */
  guint names_units;  /* index of the first unit in names */
  GString *text;
};

TjProjectQueryCache *
tj_project_query_cache_new (void)
{
  return g_new0 (TjProjectQueryCache, 1);
}

void
tj_project_query_cache_clear (TjProjectQueryCache *cache)
{
  g_return_if_fail (cache != NULL);
  g_clear_pointer (&cache->order_key, g_free);
  g_clear_pointer (&cache->rows, g_array_unref);
  g_clear_pointer (&cache->filter_key, g_free);
  g_clear_pointer (&cache->filtered, g_array_unref);
  for (guint i = 0; i < TJ_PROJECT_SORT_N; i++)
    g_clear_pointer (&cache->ranks[i], g_array_unref);
  cache->rank_year = 0;
  g_clear_pointer (&cache->entries, g_array_unref);
  g_clear_pointer (&cache->names, g_array_unref);
  if (cache->text != NULL)
    g_string_free (g_steal_pointer (&cache->text), TRUE);
  cache->search_year = 0;
}

void
tj_project_query_cache_free (TjProjectQueryCache *cache)
{
  if (cache == NULL)
    return;
  tj_project_query_cache_clear (cache);
  g_free (cache);
}

/* Search folds ASCII letters only, as SQLite's lower() did: Chinese has no case. */
static void
append_folded (GString    *text,
               const char *field)
{
  if (field != NULL)
    for (const char *c = field; *c != '\0'; c++)
      g_string_append_c (text, g_ascii_tolower (*c));
  g_string_append_c (text, SEPARATOR);
}

/* Reads the searched text of the year's projects (in id order) and the names of people and
 * units, once; the search then runs in memory on every keystroke. */
static gboolean
load_search (TjDb                *db,
             TjProjectQueryCache *cache,
             int                  year,
             GError             **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) names = NULL;
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr (GArray) name_list = g_array_new (FALSE, FALSE, sizeof (Name));
  GString *text = g_string_new (NULL);
  guint units = 0;
  int rc;

  if (cache->entries != NULL && cache->search_year == year)
    {
      g_string_free (text, TRUE);
      return TRUE;
    }
  stmt = tj_db_prepare (db, "SELECT id, name, owner, content, contact, coalesce(leader_id, 0), "
                        "officer_id, locality_id, coalesce(unit_id, 0) FROM projects NOT INDEXED "
                        "WHERE year = ? ORDER BY id", error);
  names = stmt == NULL ? NULL
                       : tj_db_prepare (db, "SELECT 0, id, name FROM people UNION ALL "
                                        "SELECT 1, id, name FROM units ORDER BY 1, 2", error);
  if (names == NULL)
    {
      g_string_free (text, TRUE);
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry = { sqlite3_column_int64 (stmt, 0), text->len, sqlite3_column_int64 (stmt, 5),
                      sqlite3_column_int64 (stmt, 6), sqlite3_column_int64 (stmt, 7),
                      sqlite3_column_int64 (stmt, 8) };

      for (int field = 1; field <= 4; field++)
        append_folded (text, (const char *) sqlite3_column_text (stmt, field));
      g_string_append_c (text, '\0');
      g_array_append_val (entries, entry);
    }
  if (!tj_db_rows_done (db, rc, error))
    {
      g_string_free (text, TRUE);
      return FALSE;
    }
  while ((rc = sqlite3_step (names)) == SQLITE_ROW)
    {
      Name name = { sqlite3_column_int64 (names, 1), text->len };

      if (sqlite3_column_int (names, 0) == 0)
        units++;
      append_folded (text, (const char *) sqlite3_column_text (names, 2));
      g_string_append_c (text, '\0');
      g_array_append_val (name_list, name);
    }
  if (!tj_db_rows_done (db, rc, error))
    {
      g_string_free (text, TRUE);
      return FALSE;
    }
  g_clear_pointer (&cache->entries, g_array_unref);
  g_clear_pointer (&cache->names, g_array_unref);
  if (cache->text != NULL)
    g_string_free (cache->text, TRUE);
  cache->text = text;
  cache->entries = g_steal_pointer (&entries);
  cache->names = g_steal_pointer (&name_list);
  cache->names_units = units;
  cache->search_year = year;
  return TRUE;
}

static int
compare_entry_id (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = ((const Entry *) a)->id, y = ((const Entry *) b)->id;

  return x < y ? -1 : x > y;
}

/* The ids of the people (first) and units whose names hold the needle. */
static GHashTable *
matching_names (TjProjectQueryCache *cache,
                const char          *needle,
                gboolean             units)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint start = units ? cache->names_units : 0;
  guint end = units ? cache->names->len : cache->names_units;

  for (guint i = start; i < end; i++)
    {
      Name *name = &g_array_index (cache->names, Name, i);

      if (strstr (cache->text->str + name->offset, needle) != NULL)
        g_hash_table_add (ids, g_memdup2 (&name->id, sizeof name->id));
    }
  return ids;
}

/* Search looks through the name, owner, content and contact of a project, each on its own, and
 * the names of its city leader, service officer, locality and responsible unit. */
static gboolean
row_matches (TjProjectQueryCache *cache,
             gint64               id,
             const char          *needle,
             GHashTable          *people,
             GHashTable          *units)
{
  Entry key = { .id = id };
  guint index;

  if (!g_array_binary_search (cache->entries, &key, compare_entry_id, &index))
    return FALSE; /* added since the text was read: the cache is cleared on every change */
  key = g_array_index (cache->entries, Entry, index);
  return strstr (cache->text->str + key.offset, needle) != NULL ||
         g_hash_table_contains (people, &key.leader_id) ||
         g_hash_table_contains (people, &key.officer_id) ||
         g_hash_table_contains (units, &key.locality_id) ||
         g_hash_table_contains (units, &key.unit_id);
}

#define JOINS "LEFT JOIN units l ON l.id = p.locality_id " \
              "LEFT JOIN units u ON u.id = p.unit_id " \
              "LEFT JOIN people ld ON ld.id = p.leader_id " \
              "LEFT JOIN people o ON o.id = p.officer_id "

/* Whether the sort key of the statement's current row equals the one kept in previous. */
static gboolean
same_key (sqlite3_stmt *stmt,
          int           column,
          GByteArray   *previous,
          int          *previous_type)
{
  int type = sqlite3_column_type (stmt, column);
  const void *bytes;
  int n;
  gint64 number;

  if (type == SQLITE_INTEGER)
    {
      number = sqlite3_column_int64 (stmt, column);
      bytes = &number;
      n = sizeof number;
    }
  else if (type == SQLITE_NULL)
    {
      bytes = NULL;
      n = 0;
    }
  else
    {
      bytes = sqlite3_column_blob (stmt, column);
      n = sqlite3_column_bytes (stmt, column);
    }
  if (type == *previous_type && (guint) n == previous->len &&
      (n == 0 || memcmp (bytes, previous->data, n) == 0))
    return TRUE;
  *previous_type = type;
  g_byte_array_set_size (previous, 0);
  if (n > 0)
    g_byte_array_append (previous, bytes, n);
  return FALSE;
}

static int
compare_rank_id (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = ((const Rank *) a)->id, y = ((const Rank *) b)->id;

  return x < y ? -1 : x > y;
}

/* The rank of every project of the year in the order of sort, read once (a pinyin_key per
 * name: the dearest part of a sort) and kept until the data changes. */
static GArray *
read_ranks (TjDb                *db,
            TjProjectQueryCache *cache,
            int                  year,
            TjProjectSort        sort,
            GError             **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GByteArray) previous = g_byte_array_new ();
  g_autoptr (GArray) ranks = g_array_new (FALSE, FALSE, sizeof (Rank));
  int previous_type = -1, rc;
  guint rank = 0;

  if (cache->rank_year != year)
    {
      for (guint i = 0; i < TJ_PROJECT_SORT_N; i++)
        g_clear_pointer (&cache->ranks[i], g_array_unref);
      cache->rank_year = year;
    }
  if (cache->ranks[sort] != NULL)
    return cache->ranks[sort];
  /* NOT INDEXED: the year read in one pass over the table (see read_rows) */
  sql = g_strdup_printf ("SELECT p.id, %s FROM projects p NOT INDEXED " JOINS
                         "WHERE p.year = ? ORDER BY 2, 1", sort_keys[sort]);
  stmt = tj_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Rank row = { sqlite3_column_int64 (stmt, 0), 0 };

      if (ranks->len > 0 && !same_key (stmt, 1, previous, &previous_type))
        rank++;
      else if (ranks->len == 0)
        (void) same_key (stmt, 1, previous, &previous_type);
      row.rank = rank;
      g_array_append_val (ranks, row);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  g_array_sort (ranks, compare_rank_id);
  cache->ranks[sort] = g_steal_pointer (&ranks);
  return cache->ranks[sort];
}

/* The rows the filters show, in id order, read again unless the cache holds them. */
static GArray *
read_rows (TjDb                 *db,
           const TjProjectQuery *query,
           TjProjectQueryCache  *cache,
           GError              **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autofree char *key = NULL;
  int i = 1, rc;

  key = g_strdup_printf ("%d\n%d\n%d\n%s\n%s\n%d\n%d", query->year, query->level,
                         query->nature, query->locality != NULL ? query->locality : "",
                         query->industry != NULL ? query->industry : "", query->stats,
                         query->exit);
  if (cache->filtered != NULL && g_strcmp0 (cache->filter_key, key) == 0)
    return g_array_ref (cache->filtered);

  /* NOT INDEXED: the year read in one pass over the table, in the table's order, rather than a
   * seek from the (year, name) index for each row (10 times slower at 100k) */
  g_string_append (sql, "SELECT p.id, p.total_investment, p.annual_plan FROM projects p NOT INDEXED "
                        JOINS "WHERE p.year = ?");
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
  if (query->exit == TJ_PROJECT_EXIT_ACTIVE)
    g_string_append (sql, " AND " TJ_PROJECT_ACTIVE_TODAY);
  else if (query->exit == TJ_PROJECT_EXIT_EXITED)
    g_string_append (sql, " AND NOT " TJ_PROJECT_ACTIVE_TODAY);
  g_string_append (sql, " ORDER BY p.id");

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
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                  sqlite3_column_int64 (stmt, 2) };

      g_array_append_val (rows, row);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  g_free (cache->filter_key);
  cache->filter_key = g_steal_pointer (&key);
  g_clear_pointer (&cache->filtered, g_array_unref);
  cache->filtered = g_array_ref (rows);
  return g_steal_pointer (&rows);
}

typedef struct
{
  guint rank;
  guint index; /* in the filtered rows, which are in id order: the tie broken by id */
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
compare_ranked_descending (gconstpointer a,
                           gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank > y->rank ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* The rows the filters show, in the order of the sort (ties in the order of entry, in either
 * direction), read again unless the cache holds them: the filters' rows and each column's ranks
 * are kept apart, so that sorting by another column reads nothing. */
static GArray *
read_order (TjDb                 *db,
            const TjProjectQuery *query,
            TjProjectQueryCache  *cache,
            GError              **error)
{
  g_autoptr (GArray) filtered = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autofree Ranked *ranked = NULL;
  g_autofree char *key = NULL;
  GArray *ranks;
  guint r = 0;

  key = g_strdup_printf ("%d\n%d\n%d\n%s\n%s\n%d\n%d\n%d\n%d", query->year, query->level,
                         query->nature, query->locality != NULL ? query->locality : "",
                         query->industry != NULL ? query->industry : "", query->stats,
                         query->exit, query->sort, query->descending);
  if (cache->rows != NULL && g_strcmp0 (cache->order_key, key) == 0)
    return g_array_ref (cache->rows);
  filtered = read_rows (db, query, cache, error);
  if (filtered == NULL)
    return NULL;
  if (sort_keys[query->sort] == NULL)
    rows = g_array_ref (filtered);
  else
    {
      ranks = read_ranks (db, cache, query->year, query->sort, error);
      if (ranks == NULL)
        return NULL;
      /* both in id order: one walk */
      ranked = g_new (Ranked, MAX (filtered->len, 1));
      for (guint i = 0; i < filtered->len; i++)
        {
          gint64 id = g_array_index (filtered, Row, i).id;

          while (r < ranks->len && g_array_index (ranks, Rank, r).id < id)
            r++;
          ranked[i].index = i;
          /* a row the ranks do not hold (not possible while the cache is cleared on every
           * change) sorts as the highest key */
          ranked[i].rank = r < ranks->len && g_array_index (ranks, Rank, r).id == id
                             ? g_array_index (ranks, Rank, r).rank
                             : G_MAXUINT;
        }
      qsort (ranked, filtered->len, sizeof (Ranked),
             query->descending ? compare_ranked_descending : compare_ranked);
      rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), filtered->len);
      for (guint i = 0; i < filtered->len; i++)
        g_array_append_val (rows, g_array_index (filtered, Row, ranked[i].index));
    }
  g_free (cache->order_key);
  cache->order_key = g_steal_pointer (&key);
  g_clear_pointer (&cache->rows, g_array_unref);
  cache->rows = g_array_ref (rows);
  return g_steal_pointer (&rows);
}

GArray *
tj_project_query_ids_cached (TjDb                 *db,
                             const TjProjectQuery *query,
                             TjProjectQueryCache  *cache,
                             TjProjectSummary     *summary,
                             GError              **error)
{
  g_autoptr (TjProjectQueryCache) own = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) people = NULL;
  g_autoptr (GHashTable) units = NULL;
  g_autofree char *needle = NULL;
  TjProjectSummary sums = { 0, 0, 0 };

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->sort < TJ_PROJECT_SORT_N, NULL);

  if (cache == NULL)
    cache = own = tj_project_query_cache_new ();
  rows = read_order (db, query, cache, error);
  if (rows == NULL)
    return NULL;
  if (query->search != NULL && *query->search != '\0')
    {
      if (!load_search (db, cache, query->year, error))
        return NULL;
      needle = g_ascii_strdown (query->search, -1);
      people = matching_names (cache, needle, FALSE);
      units = matching_names (cache, needle, TRUE);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (needle != NULL && !row_matches (cache, row->id, needle, people, units))
        continue;
      g_array_append_val (ids, row->id);
      sums.total_investment = tj_money_add_saturating (sums.total_investment,
                                                       row->total_investment);
      sums.annual_plan = tj_money_add_saturating (sums.annual_plan, row->annual_plan);
    }
  sums.count = ids->len;
  if (summary != NULL)
    *summary = sums;
  return g_steal_pointer (&ids);
}

GArray *
tj_project_query_ids (TjDb                 *db,
                      const TjProjectQuery *query,
                      TjProjectSummary     *summary,
                      GError              **error)
{
  return tj_project_query_ids_cached (db, query, NULL, summary, error);
}
