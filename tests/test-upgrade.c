/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Databases written by each released schema (tests/fixtures/schema-*.db, see README-schemas.md)
 * open with this version: the data and the audit log come through the upgrade as they were, and
 * the file ends with the schema, catalogue and holidays of a database created new. */
#include "tj-audit.h"
#include "tj-problem.h"
#include "tj-test.h"

static const char *const fixtures[] = {
  "schema-1-64544e2.db", "schema-2-0c95548.db", "schema-2-eb8292b.db",
  "schema-3-2530a39.db", "schema-3-b36f1e6.db", "schema-9-94dd2bf.db",
};

/* A copy of one fixture upgraded by tj_db_open, beside a database created new, in one folder. */
typedef struct
{
  char *dir;
  char *original;
  sqlite3 *before; /* the untouched fixture, read-only */
  TjDb *upgraded;
  TjDb *fresh;
} Upgrade;

static void
upgrade_set_up (Upgrade       *u,
                gconstpointer  data)
{
  const char *name = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *fresh_path = NULL;
  g_autoptr (GFile) from = NULL;
  g_autoptr (GFile) to = NULL;

  g_assert_nonnull (g_getenv ("TJ_SAMPLES"));
  u->original = g_build_filename (g_getenv ("TJ_SAMPLES"), name, NULL);
  g_assert_true (g_file_test (u->original, G_FILE_TEST_IS_REGULAR));

  /* immutable: no lock, no journal, nothing written beside the fixture. */
  file_uri = g_filename_to_uri (u->original, NULL, &error);
  g_assert_no_error (error);
  uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);
  g_assert_cmpint (sqlite3_open_v2 (uri, &u->before, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                                    NULL), ==, SQLITE_OK);

  u->dir = g_dir_make_tmp ("tuijin-upgrade-XXXXXX", &error);
  g_assert_no_error (error);
  copy_path = g_build_filename (u->dir, name, NULL);
  from = g_file_new_for_path (u->original);
  to = g_file_new_for_path (copy_path);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  u->upgraded = tj_db_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (u->upgraded);

  fresh_path = g_build_filename (u->dir, "fresh.db", NULL);
  u->fresh = tj_db_open (fresh_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (u->fresh);
}

static void
upgrade_tear_down (Upgrade       *u,
                   gconstpointer  data)
{
  g_clear_object (&u->upgraded);
  g_clear_object (&u->fresh);
  g_clear_pointer (&u->before, sqlite3_close);
  tj_test_rmdir (u->dir);
  g_clear_pointer (&u->dir, g_free);
  g_clear_pointer (&u->original, g_free);
}

/* One value as an SQL literal, so that 1 and '1' and NULL stay apart. */
static void
append_value (GString      *out,
              sqlite3_stmt *stmt,
              int           i)
{
  switch (sqlite3_column_type (stmt, i))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
      break;
    case SQLITE_FLOAT:
      g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, i));
      break;
    case SQLITE_BLOB:
      {
        const guchar *b = sqlite3_column_blob (stmt, i);
        int n = sqlite3_column_bytes (stmt, i);

        g_string_append (out, "x'");
        for (int k = 0; k < n; k++)
          g_string_append_printf (out, "%02x", b[k]);
        g_string_append_c (out, '\'');
      }
      break;
    default:
      g_string_append_printf (out, "'%s'", (const char *) sqlite3_column_text (stmt, i));
      break;
    }
}

/* Every row of SQL as one line of literals joined by “|”. */
static GPtrArray *
rows (sqlite3    *db,
      const char *sql)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append_c (line, '|');
          append_value (line, stmt, i);
        }
      g_ptr_array_add (out, g_string_free (line, FALSE));
    }
  if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return g_steal_pointer (&out);
}

static gint64
scalar (sqlite3    *db,
        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
has_table (sqlite3    *db,
           const char *table)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", table);

  return scalar (db, sql) > 0;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* The facts a user would miss if an upgrade lost them, as one line per fact. */
static void
check_same_figure (sqlite3    *before,
                   sqlite3    *after,
                   const char *sql)
{
  gint64 was = scalar (before, sql);
  gint64 is = scalar (after, sql);

  if (was != is)
    g_error ("“%s”: %" G_GINT64_FORMAT " in the fixture, %" G_GINT64_FORMAT
             " after the upgrade", sql, was, is);
}

static void
test_keeps_data (Upgrade       *u,
                 gconstpointer  data)
{
  sqlite3 *after = tj_db_get_handle (u->upgraded);
  g_autofree char *checksum = file_checksum (u->original);
  g_autofree char *checksum_after = NULL;
  g_autoptr (GPtrArray) audit_before = NULL;
  g_autoptr (GPtrArray) audit_after = NULL;
  g_autoptr (GPtrArray) integrity = NULL;
  g_autoptr (GPtrArray) fk = NULL;
  g_autofree char *audit_sql = NULL;
  static const char *const figures[] = {
    "SELECT count(*) FROM projects",
    "SELECT count(*) FROM units",
    "SELECT count(*) FROM people",
    "SELECT coalesce(sum(total_investment), 0) FROM projects",
    "SELECT coalesce(sum(annual_plan), 0) FROM projects",
  };

  g_assert_cmpint (scalar (after, "PRAGMA user_version"), ==, TJ_DB_SCHEMA_VERSION);
  g_assert_cmpint (scalar (u->before, "PRAGMA user_version"), <=, TJ_DB_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    check_same_figure (u->before, after, figures[i]);
  if (has_table (u->before, "monthly_reports"))
    {
      check_same_figure (u->before, after, "SELECT count(*) FROM monthly_reports");
      check_same_figure (u->before, after,
                         "SELECT coalesce(sum(completed), 0) FROM monthly_reports");
    }
  else
    g_assert_cmpint (scalar (after, "SELECT count(*) FROM monthly_reports"), ==, 0);

  /* Every audit row of the original, unchanged; a migration may only add rows after them. */
  audit_sql = g_strdup_printf ("SELECT id, table_name, record_id, action, changes FROM audit "
                               "WHERE id <= %" G_GINT64_FORMAT " ORDER BY id",
                               scalar (u->before, "SELECT coalesce(max(id), 0) FROM audit"));
  audit_before = rows (u->before, audit_sql);
  audit_after = rows (after, audit_sql);
  g_assert_cmpuint (audit_before->len, >, 0);
  for (guint i = 0; i < audit_before->len; i++)
    {
      g_assert_cmpuint (i, <, audit_after->len);
      g_assert_cmpstr (g_ptr_array_index (audit_after, i), ==, g_ptr_array_index (audit_before, i));
    }
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);

  integrity = rows (after, "PRAGMA integrity_check");
  g_assert_cmpuint (integrity->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (integrity, 0), ==, "'ok'");
  fk = rows (after, "PRAGMA foreign_key_check");
  if (fk->len > 0)
    g_error ("foreign_key_check after the upgrade: %s (and %u more)",
             (const char *) g_ptr_array_index (fk, 0), fk->len - 1);

  /* Reading the fixture left it as it was. */
  checksum_after = file_checksum (u->original);
  g_assert_cmpstr (checksum_after, ==, checksum);
}

/* How many temporary b-trees (OpenEphemeral) SQLite builds to run sql on db, triggers left out
 * (the audit trigger's own program is not the constraints'). */
static guint
ephemeral_tables (TjDb       *db,
                  const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN ", sql, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *handle = tj_db_get_handle (db);
  guint n = 0;

  g_assert_cmpint (sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "OpenEphemeral") == 0)
      n++;
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpint (sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL), ==,
                   SQLITE_OK);
  return n;
}

/* Schema 8 writes the CHECK (x IN (…)) constraints of projects and the audit log as OR chains:
 * an insert builds no temporary b-tree (a quarter of an import's time), a wrong value is still
 * refused, and the audit log of the upgraded file still verifies, chain and records. */
static void
test_checks_as_or (Upgrade       *u,
                   gconstpointer  data)
{
  TjDb *dbs[] = { u->upgraded, u->fresh };

  for (guint i = 0; i < G_N_ELEMENTS (dbs); i++)
    {
      sqlite3 *handle = tj_db_get_handle (dbs[i]);
      g_autoptr (GPtrArray) problems = tj_problems_new ();
      g_autoptr (GError) error = NULL;
      gint64 broken = -1, n_rows = 0;

      g_assert_cmpuint (ephemeral_tables (dbs[i], "INSERT INTO projects (year, name, level, "
                                          "nature, locality_id, officer_id, total_investment) "
                                          "VALUES (2026, 'x', 'city', 'new', 1, 1, 1)"), ==, 0);
      g_assert_cmpuint (ephemeral_tables (dbs[i], "INSERT INTO audit (id, at, os_user, "
                                          "table_name, record_id, action, changes, hash) VALUES "
                                          "(1, '', '', '', 1, 'insert', '{}', '')"), ==, 0);
      g_assert_cmpint (sqlite3_exec (handle, "BEGIN; INSERT INTO projects (year, name, level, "
                                     "nature, locality_id, officer_id) VALUES (2026, 'x', "
                                     "'county', 'new', 1, 1)", NULL, NULL, NULL), ==,
                       SQLITE_CONSTRAINT_CHECK);
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      g_assert_cmpint (sqlite3_exec (handle, "BEGIN; INSERT INTO projects (year, name, level, "
                                     "nature, locality_id, officer_id) VALUES (2026, 'x', "
                                     "'city', 'rebuilt', 1, 1)", NULL, NULL, NULL), ==,
                       SQLITE_CONSTRAINT_CHECK);
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);

      g_assert_true (tj_audit_verify_chain (dbs[i], &broken, &n_rows, &error));
      g_assert_no_error (error);
      g_assert_cmpint (broken, ==, 0);
      g_assert_cmpint (n_rows, >, 0);
      g_assert_true (tj_audit_verify_records (dbs[i], problems, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

/* SQL text with comments dropped and whitespace made one space, none inside brackets or before a
 * comma; quoted text is kept as it is. */
static char *
normalise_sql (const char *sql)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  char quote = 0;

  for (const char *p = sql; p != NULL && *p != '\0'; p++)
    {
      if (quote != 0)
        {
          g_string_append_c (out, *p);
          if (*p == quote)
            quote = 0;
          continue;
        }
      if (p[0] == '-' && p[1] == '-')
        {
          while (p[1] != '\0' && p[1] != '\n')
            p++;
          space = TRUE;
          continue;
        }
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          p = end != NULL ? end + 1 : p + strlen (p) - 1;
          space = TRUE;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && !strchr ("(,", out->str[out->len - 1]) && !strchr ("),", *p))
        g_string_append_c (out, ' ');
      space = FALSE;
      if (*p == '\'' || *p == '"' || *p == '`')
        quote = *p;
      else if (*p == '[')
        quote = ']';
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* type and name → normalised sql (“” for an automatic index), sorted by the caller. */
static GHashTable *
schema_of (sqlite3 *db)
{
  GHashTable *schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_master", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (schema,
                         g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 0),
                                          sqlite3_column_text (stmt, 1)),
                         normalise_sql ((const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);
  return schema;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
test_schema_as_fresh (Upgrade       *u,
                      gconstpointer  data)
{
  g_autoptr (GHashTable) upgraded = schema_of (tj_db_get_handle (u->upgraded));
  g_autoptr (GHashTable) fresh = schema_of (tj_db_get_handle (u->fresh));
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GString) differences = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, upgraded);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_hash_table_iter_init (&iter, fresh);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (upgraded, key))
      g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);
      const char *in_upgraded = g_hash_table_lookup (upgraded, k);
      const char *in_fresh = g_hash_table_lookup (fresh, k);
      g_autofree char *line = NULL;

      if (in_fresh == NULL)
        line = g_strdup_printf ("%s present in upgraded file, absent in fresh: %s", k, in_upgraded);
      else if (in_upgraded == NULL)
        line = g_strdup_printf ("%s absent in upgraded file, present in fresh: %s", k, in_fresh);
      else if (!g_str_equal (in_upgraded, in_fresh))
        line = g_strdup_printf ("%s differs:\n  upgraded: %s\n  fresh:    %s", k, in_upgraded,
                                in_fresh);
      if (line != NULL)
        {
          g_test_message ("%s", line);
          g_string_append_printf (differences, "%s%s", n++ ? "; " : "", line);
        }
    }
  if (n > 0)
    g_test_fail_printf ("schema of %s upgraded differs from a fresh database's in %u item%s: %s",
                        (const char *) data, n, n == 1 ? "" : "s", differences->str);
}

/* Whether TABLE holds the same rows, read by SQL, in the upgraded and the fresh database; the
 * differences are added to DIFFERENCES. */
static void
compare_contents (Upgrade    *u,
                  const char *table,
                  const char *sql,
                  GString    *differences)
{
  g_autoptr (GPtrArray) upgraded = rows (tj_db_get_handle (u->upgraded), sql);
  g_autoptr (GPtrArray) fresh = rows (tj_db_get_handle (u->fresh), sql);
  g_autoptr (GHashTable) in_upgraded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) in_fresh = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GChecksum) sum_upgraded = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GChecksum) sum_fresh = g_checksum_new (G_CHECKSUM_SHA256);
  guint shown = 0, missing = 0, extra = 0;

  for (guint i = 0; i < upgraded->len; i++)
    {
      g_hash_table_add (in_upgraded, g_ptr_array_index (upgraded, i));
      g_checksum_update (sum_upgraded, g_ptr_array_index (upgraded, i), -1);
      g_checksum_update (sum_upgraded, (const guchar *) "\n", 1);
    }
  for (guint i = 0; i < fresh->len; i++)
    {
      g_hash_table_add (in_fresh, g_ptr_array_index (fresh, i));
      g_checksum_update (sum_fresh, g_ptr_array_index (fresh, i), -1);
      g_checksum_update (sum_fresh, (const guchar *) "\n", 1);
    }
  if (g_str_equal (g_checksum_get_string (sum_upgraded), g_checksum_get_string (sum_fresh)))
    return;

  g_string_append_printf (differences,
                          "%s%s: %u rows in upgraded file (sha256 %.12s…), %u in fresh "
                          "(sha256 %.12s…)", differences->len ? "; " : "", table, upgraded->len,
                          g_checksum_get_string (sum_upgraded), fresh->len,
                          g_checksum_get_string (sum_fresh));
  for (guint i = 0; i < fresh->len; i++)
    if (!g_hash_table_contains (in_upgraded, g_ptr_array_index (fresh, i)))
      {
        if (shown++ < 3)
          g_test_message ("%s row absent in upgraded file, present in fresh: %s", table,
                          (const char *) g_ptr_array_index (fresh, i));
        missing++;
      }
  for (guint i = 0; i < upgraded->len; i++)
    if (!g_hash_table_contains (in_fresh, g_ptr_array_index (upgraded, i)))
      {
        if (shown++ < 6)
          g_test_message ("%s row present in upgraded file, absent in fresh: %s", table,
                          (const char *) g_ptr_array_index (upgraded, i));
        extra++;
      }
  g_string_append_printf (differences, ", %u rows absent in upgraded file, %u absent in fresh",
                          missing, extra);
}

static void
test_contents_as_fresh (Upgrade       *u,
                        gconstpointer  data)
{
  g_autoptr (GString) differences = g_string_new (NULL);

  /* By the department's name: an id is the file's own. */
  compare_contents (u, "approval_catalogue",
                    "SELECT c.name, u.name, c.stage, c.statutory_days FROM approval_catalogue c "
                    "LEFT JOIN units u ON u.id = c.unit_id ORDER BY c.name, u.name",
                    differences);
  compare_contents (u, "holidays", "SELECT date, kind, name FROM holidays ORDER BY date",
                    differences);
  if (differences->len > 0)
    g_test_fail_printf ("approval catalogue and holidays of %s upgraded differ from a fresh "
                        "database's: %s", (const char *) data, differences->str);
}

int
main (int   argc,
      char *argv[])
{
  /* A schema or contents difference fails its test without stopping the others (g_test_fail
   * would otherwise end the program), so that every fixture is reported. */
  char **args = g_new0 (char *, argc + 2);

  memcpy (args, argv, argc * sizeof *args);
  args[argc++] = (char *) "--keep-going";
  argv = args;
  tj_test_init (&argc, &argv);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *stem = g_strndup (fixtures[i], strlen (fixtures[i]) - strlen (".db"));
      g_autofree char *keeps = g_strdup_printf ("/tj/upgrade/%s/keeps-data-and-audit", stem);
      g_autofree char *schema = g_strdup_printf ("/tj/upgrade/%s/schema-as-fresh", stem);
      g_autofree char *contents =
          g_strdup_printf ("/tj/upgrade/%s/catalogue-and-holidays-as-fresh", stem);
      g_autofree char *checks = g_strdup_printf ("/tj/upgrade/%s/checks-as-or", stem);

      g_test_add (keeps, Upgrade, fixtures[i], upgrade_set_up, test_keeps_data, upgrade_tear_down);
      g_test_add (schema, Upgrade, fixtures[i], upgrade_set_up, test_schema_as_fresh,
                  upgrade_tear_down);
      g_test_add (contents, Upgrade, fixtures[i], upgrade_set_up, test_contents_as_fresh,
                  upgrade_tear_down);
      g_test_add (checks, Upgrade, fixtures[i], upgrade_set_up, test_checks_as_or,
                  upgrade_tear_down);
    }
  return g_test_run ();
}
