/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-project"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-error.h"
#include "tj-limits.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-unit.h"
#include "tj-deletion.h"

G_DEFINE_FINAL_TYPE (TjProject, tj_project, G_TYPE_OBJECT)

static const char *const level_codes[TJ_LEVEL_N] = { NULL, "provincial", "prefectural", "city" };
static const char *const nature_codes[TJ_NATURE_N] = {
  NULL, "new", "continuing", "completing", "preparatory",
};
static const char *const nature_labels[TJ_NATURE_N] = {
  NULL, N_("New start"), N_("Continuing"), N_("Completing"), N_("Preparatory"),
};

/* The columns of projects as SELECT lists them; the order is the one read_row expects. */
#define PROJECT_COLUMNS                                                                          \
  "p.id, p.year, p.code, p.name, p.level, p.nature, p.industry, p.content, p.locality_id, "     \
  "p.unit_id, p.leader_id, p.officer_id, p.owner, p.contact, p.phone, p.total_investment, "     \
  "p.annual_plan, p.planned_start, p.planned_completion, p.actual_start, p.actual_completion, " \
  "p.stats_date, p.notes, p.carried_from, p.created, p.updated, l.name, u.name, ld.name, o.name, " \
  "(SELECT x.exit_date FROM project_exits x WHERE x.project_id = p.id) "
#define PROJECT_JOINS                                                                            \
  "FROM projects p LEFT JOIN units l ON l.id = p.locality_id "                                  \
  "LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN people ld ON ld.id = p.leader_id "          \
  "LEFT JOIN people o ON o.id = p.officer_id "

static void
free_texts (TjProject *self)
{
  g_free (self->code);
  g_free (self->name);
  g_free (self->industry);
  g_free (self->content);
  g_free (self->owner);
  g_free (self->contact);
  g_free (self->phone);
  g_free (self->planned_start);
  g_free (self->planned_completion);
  g_free (self->actual_start);
  g_free (self->actual_completion);
  g_free (self->stats_date);
  g_free (self->notes);
  g_free (self->created);
  g_free (self->updated);
  g_free (self->locality_name);
  g_free (self->unit_name);
  g_free (self->leader_name);
  g_free (self->officer_name);
  g_free (self->exit_date);
}

static void
tj_project_finalize (GObject *object)
{
  free_texts (TJ_PROJECT (object));
  G_OBJECT_CLASS (tj_project_parent_class)->finalize (object);
}

static void
tj_project_class_init (TjProjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_project_finalize;
}

static void
tj_project_init (TjProject *self)
{
}

TjProject *
tj_project_new (void)
{
  return g_object_new (TJ_TYPE_PROJECT, NULL);
}

/* Empties a project as tj_project_new makes one, for a caller that fills one object row after
 * row (the ledger import) rather than making an object per row. */
void
tj_project_reset (TjProject *self)
{
  GObject parent;

  g_return_if_fail (TJ_IS_PROJECT (self));

  free_texts (self);
  parent = self->parent_instance;
  memset (self, 0, sizeof *self);
  self->parent_instance = parent;
}

TjProject *
tj_project_copy (TjProject *self)
{
  TjProject *copy = tj_project_new ();

  copy->id = self->id;
  copy->year = self->year;
  copy->code = g_strdup (self->code);
  copy->name = g_strdup (self->name);
  copy->level = self->level;
  copy->nature = self->nature;
  copy->industry = g_strdup (self->industry);
  copy->content = g_strdup (self->content);
  copy->locality_id = self->locality_id;
  copy->unit_id = self->unit_id;
  copy->leader_id = self->leader_id;
  copy->officer_id = self->officer_id;
  copy->owner = g_strdup (self->owner);
  copy->contact = g_strdup (self->contact);
  copy->phone = g_strdup (self->phone);
  copy->total_investment = self->total_investment;
  copy->annual_plan = self->annual_plan;
  copy->planned_start = g_strdup (self->planned_start);
  copy->planned_completion = g_strdup (self->planned_completion);
  copy->actual_start = g_strdup (self->actual_start);
  copy->actual_completion = g_strdup (self->actual_completion);
  copy->stats_date = g_strdup (self->stats_date);
  copy->notes = g_strdup (self->notes);
  copy->carried_from = self->carried_from;
  copy->created = g_strdup (self->created);
  copy->updated = g_strdup (self->updated);
  copy->locality_name = g_strdup (self->locality_name);
  copy->unit_name = g_strdup (self->unit_name);
  copy->leader_name = g_strdup (self->leader_name);
  copy->officer_name = g_strdup (self->officer_name);
  copy->exit_date = g_strdup (self->exit_date);
  return copy;
}

const char *
tj_nature_label (TjNature nature)
{
  if (nature <= TJ_NATURE_NONE || nature >= TJ_NATURE_N)
    return "";
  return _(nature_labels[nature]);
}

TjNature
tj_nature_from_label (const char *label)
{
  for (guint i = 1; i < TJ_NATURE_N; i++)
    if (g_strcmp0 (label, _(nature_labels[i])) == 0 || g_strcmp0 (label, nature_labels[i]) == 0 ||
        g_strcmp0 (label, nature_codes[i]) == 0)
      return i;
  return TJ_NATURE_NONE;
}

const char *
tj_level_code (TjLevel level)
{
  g_return_val_if_fail (level < TJ_LEVEL_N, NULL);
  return level_codes[level];
}

const char *
tj_nature_code (TjNature nature)
{
  g_return_val_if_fail (nature < TJ_NATURE_N, NULL);
  return nature_codes[nature];
}

TjLevel
tj_level_from_code (const char *code)
{
  for (guint i = 1; i < TJ_LEVEL_N; i++)
    if (g_strcmp0 (code, level_codes[i]) == 0)
      return i;
  return TJ_LEVEL_NONE;
}

TjNature
tj_nature_from_code (const char *code)
{
  for (guint i = 1; i < TJ_NATURE_N; i++)
    if (g_strcmp0 (code, nature_codes[i]) == 0)
      return i;
  return TJ_NATURE_NONE;
}

/* NULL when the settings cannot be read: the codes must not stand in for names not read. */
TjLevelNames *
tj_level_names_load (TjDb    *db,
                     GError **error)
{
  g_autoptr (TjLevelNames) names = g_new0 (TjLevelNames, 1);

  for (guint i = 1; i < TJ_LEVEL_N; i++)
    {
      g_autofree char *key = g_strdup_printf ("level-%s", level_codes[i]);
      g_autofree char *brief_key = g_strdup_printf ("level-%s-short", level_codes[i]);

      if (!tj_db_read_setting (db, key, &names->full[i], error) ||
          !tj_db_read_setting (db, brief_key, &names->brief[i], error))
        return NULL;
      if (names->full[i] == NULL)
        names->full[i] = g_strdup (level_codes[i]);
      if (names->brief[i] == NULL)
        names->brief[i] = g_strdup (names->full[i]);
    }
  names->full[0] = g_strdup ("");
  names->brief[0] = g_strdup ("");
  return g_steal_pointer (&names);
}

void
tj_level_names_free (TjLevelNames *names)
{
  if (names == NULL)
    return;
  for (guint i = 0; i < TJ_LEVEL_N; i++)
    {
      g_free (names->full[i]);
      g_free (names->brief[i]);
    }
  g_free (names);
}

/* "省重点", "省", "郑州市重点", "郑州市": the full or the brief name of a level. */
TjLevel
tj_level_names_parse (TjLevelNames *names,
                      const char   *text)
{
  for (guint i = 1; i < TJ_LEVEL_N; i++)
    if (g_strcmp0 (text, names->full[i]) == 0 || g_strcmp0 (text, names->brief[i]) == 0 ||
        g_strcmp0 (text, level_codes[i]) == 0)
      return i;
  return TJ_LEVEL_NONE;
}

/* NULL when the setting cannot be read; an unset list is an empty one. */
char **
tj_industries_load (TjDb    *db,
                    GError **error)
{
  g_autofree char *text = NULL;

  if (!tj_db_read_setting (db, "industries", &text, error))
    return NULL;
  return g_strsplit (text != NULL ? text : "", ";", -1);
}

const char *
tj_project_field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    { "code", N_("Code") },
    { "name", N_("Project name") },
    { "year", N_("Year") },
    { "level", N_("Level") },
    { "nature", N_("Nature") },
    { "industry", N_("Industry") },
    { "content", N_("Scale and content") },
    { "locality_id", N_("Locality") },
    { "unit_id", N_("Responsible unit") },
    { "leader_id", N_("City leader") },
    { "officer_id", N_("Service officer") },
    { "owner", N_("Owner company") },
    { "contact", N_("Contact") },
    { "phone", N_("Phone") },
    { "total_investment", N_("Total investment") },
    { "annual_plan", N_("Annual plan") },
    { "planned_start", N_("Planned start") },
    { "planned_completion", N_("Planned completion") },
    { "actual_start", N_("Actual start") },
    { "actual_completion", N_("Actual completion") },
    { "stats_date", N_("Statistics entry") },
    { "notes", N_("Notes") },
    { "carried_from", N_("Carried over from") },
    { "exit_date", N_("Exit decision date") },
    { "exit_document", N_("Exit document number") },
    { "exit_land", N_("Land recovered (mu)") },
    { "exit_land_date", N_("Land recovered on") },
    { "id", N_("Record") },
    { "post", N_("Post") },
    { "kind", N_("Kind") },
    { "sort_order", N_("Order") },
    { "active", N_("Active") },
    { "is_leader", N_("City leader") },
    { "is_officer", N_("Service officer") },
    { "is_staff", N_("Staff") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (field, labels[i].field))
      return _(labels[i].label);
  return field;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Every rule of a project record; the messages name the field. 推进机制 (一). check_name FALSE
 * leaves out looking the name up on the year's list, for a caller that holds the list;
 * max_amount is tj_limits_max_amount's, which an import reads once rather than once a row. */
static GPtrArray *
validate (TjProject *self,
          TjDb      *db,
          gboolean   check_name,
          gint64     max_amount)
{
  GPtrArray *problems = tj_problems_new ();
  g_autoptr (GPtrArray) quiet = tj_problems_new (); /* a check's answer, before its words */
  const struct
  {
    const char *field;
    const char *text;
  } texts[] = {
    { "code", self->code },       { "name", self->name },   { "industry", self->industry },
    { "content", self->content }, { "owner", self->owner }, { "contact", self->contact },
    { "phone", self->phone },     { "notes", self->notes },
  };
  gboolean name_fits;

  if (self->name != NULL)
    g_strstrip (self->name);
  /* Every text within its length (tj-limits.c): a name of a line, a content of a page. The
   * label is translated only for a text found too long: an import's rows are mostly not. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!tj_limits_check_text (quiet, texts[i].field, texts[i].field, texts[i].text))
      tj_limits_check_text (problems, texts[i].field, tj_project_field_label (texts[i].field),
                            texts[i].text);
  name_fits = tj_problems_find (problems, "name") == NULL;
  if (is_blank (self->name))
    tj_problems_add (problems, "name", "%s", _("The project name is required."));
  else if (name_fits && check_name)
    {
      gint64 other = tj_project_find (db, self->year, self->name);

      if (other != 0 && other != self->id)
        tj_problems_add (problems, "name",
                         _("The %d list already has a project named “%s”."), self->year,
                         self->name);
    }
  if (self->level == TJ_LEVEL_NONE)
    tj_problems_add (problems, "level", "%s", _("Choose the level."));
  if (self->nature == TJ_NATURE_NONE)
    tj_problems_add (problems, "nature", "%s", _("Choose the nature."));
  if (self->locality_id == 0)
    tj_problems_add (problems, "locality_id", "%s", _("Choose the locality."));
  if (self->officer_id == 0)
    tj_problems_add (problems, "officer_id", "%s", _("Choose the service officer."));
  /* 推进机制 (一): provincial and prefectural projects have a city leader in charge. */
  if ((self->level == TJ_LEVEL_PROVINCIAL || self->level == TJ_LEVEL_PREFECTURAL) &&
      self->leader_id == 0)
    tj_problems_add (problems, "leader_id", "%s",
                     _("Provincial and prefectural projects need a city leader."));
  if (self->total_investment <= 0)
    tj_problems_add (problems, "total_investment", "%s",
                     _("The total investment must be greater than 0."));
  else if (!tj_limits_check_amount (quiet, "total_investment", "total_investment",
                                    self->total_investment, max_amount))
    tj_limits_check_amount (problems, "total_investment",
                            tj_project_field_label ("total_investment"), self->total_investment,
                            max_amount);
  if (self->annual_plan < 0)
    tj_problems_add (problems, "annual_plan", "%s", _("The annual plan cannot be negative."));
  else if (self->annual_plan > max_amount)
    tj_limits_check_amount (problems, "annual_plan", tj_project_field_label ("annual_plan"),
                            self->annual_plan, max_amount);
  else if (self->total_investment > 0 && self->annual_plan > self->total_investment)
    tj_problems_add (problems, "annual_plan", "%s",
                     _("The annual plan cannot exceed the total investment."));
  if (!is_blank (self->planned_start) && !is_blank (self->planned_completion) &&
      g_strcmp0 (self->planned_completion, self->planned_start) < 0)
    tj_problems_add (problems, "planned_completion", "%s",
                     _("The planned completion cannot be before the planned start."));
  if (!is_blank (self->actual_start) && !is_blank (self->actual_completion) &&
      g_strcmp0 (self->actual_completion, self->actual_start) < 0)
    tj_problems_add (problems, "actual_completion", "%s",
                     _("The actual completion cannot be before the actual start."));
  if (tj_problems_find (problems, "phone") == NULL && !tj_phone_is_valid (self->phone))
    tj_problems_add (problems, "phone",
                     _("The phone “%s” may contain only digits, spaces, “-” and “+”."),
                     self->phone);
  return problems;
}

GPtrArray *
tj_project_validate (TjProject *self,
                     TjDb      *db)
{
  return validate (self, db, TRUE, tj_limits_max_amount (db));
}

static TjProject *
read_row (sqlite3_stmt *stmt)
{
  TjProject *p = tj_project_new ();
  int c = 0;

  p->id = sqlite3_column_int64 (stmt, c++);
  p->year = sqlite3_column_int (stmt, c++);
  p->code = tj_db_column_dup (stmt, c++);
  p->name = tj_db_column_dup (stmt, c++);
  p->level = tj_level_from_code ((const char *) sqlite3_column_text (stmt, c++));
  p->nature = tj_nature_from_code ((const char *) sqlite3_column_text (stmt, c++));
  p->industry = tj_db_column_dup (stmt, c++);
  p->content = tj_db_column_dup (stmt, c++);
  p->locality_id = sqlite3_column_int64 (stmt, c++);
  p->unit_id = sqlite3_column_int64 (stmt, c++);
  p->leader_id = sqlite3_column_int64 (stmt, c++);
  p->officer_id = sqlite3_column_int64 (stmt, c++);
  p->owner = tj_db_column_dup (stmt, c++);
  p->contact = tj_db_column_dup (stmt, c++);
  p->phone = tj_db_column_dup (stmt, c++);
  p->total_investment = sqlite3_column_int64 (stmt, c++);
  p->annual_plan = sqlite3_column_int64 (stmt, c++);
  p->planned_start = tj_db_column_dup (stmt, c++);
  p->planned_completion = tj_db_column_dup (stmt, c++);
  p->actual_start = tj_db_column_dup (stmt, c++);
  p->actual_completion = tj_db_column_dup (stmt, c++);
  p->stats_date = tj_db_column_dup (stmt, c++);
  p->notes = tj_db_column_dup (stmt, c++);
  p->carried_from = sqlite3_column_int64 (stmt, c++);
  p->created = tj_db_column_dup (stmt, c++);
  p->updated = tj_db_column_dup (stmt, c++);
  p->locality_name = tj_db_column_dup (stmt, c++);
  p->unit_name = tj_db_column_dup (stmt, c++);
  p->leader_name = tj_db_column_dup (stmt, c++);
  p->officer_name = tj_db_column_dup (stmt, c++);
  p->exit_date = tj_db_column_dup (stmt, c++);
  return p;
}

GPtrArray *
tj_project_list (TjDb    *db,
                 int      year,
                 GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = tj_db_prepare (db, "SELECT " PROJECT_COLUMNS PROJECT_JOINS "WHERE p.year = ? ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (projects, read_row (stmt));
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&projects);
}

/* The projects of ids, in the order of ids (one statement per block of up to 64); an id no longer
 * in the database is left out. */
GPtrArray *
tj_project_load_many (TjDb         *db,
                      const gint64 *ids,
                      guint         n_ids,
                      GError      **error)
{
  g_autoptr (GPtrArray) projects = g_ptr_array_new_full (n_ids, g_object_unref);
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         g_object_unref);

  for (guint start = 0; start < n_ids; start += 64)
    {
      guint n = MIN (64, n_ids - start);
      g_autoptr (GString) sql = g_string_new ("SELECT " PROJECT_COLUMNS PROJECT_JOINS
                                              "WHERE p.id IN (?");
      g_autoptr (sqlite3_stmt) stmt = NULL;
      int rc;

      for (guint i = 1; i < n; i++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
      stmt = tj_db_prepare (db, sql->str, error);
      if (stmt == NULL)
        return NULL;
      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (stmt, i + 1, ids[start + i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          TjProject *p = read_row (stmt);

          g_hash_table_insert (by_id, &p->id, p);
        }
      if (!tj_db_rows_done (db, rc, error))
        return NULL;
    }
  for (guint i = 0; i < n_ids; i++)
    {
      TjProject *p = g_hash_table_lookup (by_id, &ids[i]);

      if (p != NULL)
        g_ptr_array_add (projects, g_object_ref (p));
    }
  return g_steal_pointer (&projects);
}

TjProject *
tj_project_load (TjDb    *db,
                 gint64   id,
                 GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tj_db_prepare (db, "SELECT " PROJECT_COLUMNS PROJECT_JOINS "WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("The project no longer exists."));
      return NULL;
    }
  return read_row (stmt);
}

gint64
tj_project_find (TjDb       *db,
                 int         year,
                 const char *name)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  stmt = tj_db_prepare_cached (db, "SELECT id FROM projects WHERE year = ? AND name = ?", NULL);
  if (stmt == NULL || name == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* An import's message for a project name not on year's list, naming the project of that list
 * whose name is nearest (tj_name_slip_distance), the first listed on a tie; NULL and error when
 * the list cannot be read. */
char *
tj_project_unknown_message (TjDb       *db,
                            int         year,
                            const char *name,
                            GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *nearest = NULL;
  guint best = G_MAXUINT;
  int rc;

  stmt = tj_db_prepare (db, "SELECT name FROM projects WHERE year = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *candidate = (const char *) sqlite3_column_text (stmt, 0);
      guint distance = tj_name_slip_distance (name, candidate);

      if (distance < best)
        {
          g_free (nearest);
          nearest = g_strdup (candidate);
          best = distance;
        }
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return NULL;
    }
  if (nearest != NULL)
    return g_strdup_printf (_("The %d list has no project “%s”. Did you mean “%s”?"), year, name,
                            nearest);
  return g_strdup_printf (_("The %d list has no project “%s”."), year, name);
}

/* Validates, then inserts (id 0, or keep_id to put a deleted record back) or updates, inside the
 * caller's transaction. */
static gboolean
write_checked (TjDb      *db,
               TjProject *p,
               gboolean   keep_id,
               gboolean   check_name,
               gint64     max_amount,
               GError   **error)
{
  g_autoptr (GPtrArray) problems = validate (p, db, check_name, max_amount);
  g_autoptr (TjCachedStmt) stmt = NULL;
  gboolean insert = p->id == 0 || keep_id;
  int c = 1;

  if (!tj_problems_to_error (problems, error))
    return FALSE;

  if (insert)
    stmt = tj_db_prepare_cached (db,
                          "INSERT INTO projects (year, code, name, level, nature, industry, "
                          "content, locality_id, unit_id, leader_id, officer_id, owner, contact, "
                          "phone, total_investment, annual_plan, planned_start, "
                          "planned_completion, actual_start, actual_completion, stats_date, notes, "
                          "carried_from, id, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                          "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
                          "?22, ?23, ?24, tj_now (), tj_now ())",
                          error);
  else
    stmt = tj_db_prepare_cached (db,
                          "UPDATE projects SET year = ?1, code = ?2, name = ?3, level = ?4, "
                          "nature = ?5, industry = ?6, content = ?7, locality_id = ?8, "
                          "unit_id = ?9, leader_id = ?10, officer_id = ?11, owner = ?12, "
                          "contact = ?13, phone = ?14, total_investment = ?15, annual_plan = ?16, "
                          "planned_start = ?17, planned_completion = ?18, actual_start = ?19, "
                          "actual_completion = ?20, stats_date = ?21, notes = ?22, "
                          "carried_from = ?23, updated = tj_now () WHERE id = ?24",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, c++, p->year);
  tj_db_bind_text_or_null (stmt, c++, p->code);
  sqlite3_bind_text (stmt, c++, p->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, c++, level_codes[p->level], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, c++, nature_codes[p->nature], -1, SQLITE_STATIC);
  tj_db_bind_text_or_null (stmt, c++, p->industry);
  tj_db_bind_text_or_null (stmt, c++, p->content);
  tj_db_bind_id_or_null (stmt, c++, p->locality_id);
  tj_db_bind_id_or_null (stmt, c++, p->unit_id);
  tj_db_bind_id_or_null (stmt, c++, p->leader_id);
  tj_db_bind_id_or_null (stmt, c++, p->officer_id);
  tj_db_bind_text_or_null (stmt, c++, p->owner);
  tj_db_bind_text_or_null (stmt, c++, p->contact);
  tj_db_bind_text_or_null (stmt, c++, p->phone);
  sqlite3_bind_int64 (stmt, c++, p->total_investment);
  sqlite3_bind_int64 (stmt, c++, p->annual_plan);
  tj_db_bind_text_or_null (stmt, c++, p->planned_start);
  tj_db_bind_text_or_null (stmt, c++, p->planned_completion);
  tj_db_bind_text_or_null (stmt, c++, p->actual_start);
  tj_db_bind_text_or_null (stmt, c++, p->actual_completion);
  tj_db_bind_text_or_null (stmt, c++, p->stats_date);
  tj_db_bind_text_or_null (stmt, c++, p->notes);
  tj_db_bind_id_or_null (stmt, c++, p->carried_from);
  tj_db_bind_id_or_null (stmt, c++, p->id);

  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  if (p->id == 0)
    p->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  return TRUE;
}

gboolean
tj_project_write (TjDb      *db,
                  TjProject *p,
                  gboolean   keep_id,
                  GError   **error)
{
  return write_checked (db, p, keep_id, TRUE, tj_limits_max_amount (db), error);
}

/* tj_project_write for the ledger import, which holds the year's list by name and has refused a
 * name the file gives twice: the name is not looked up again; max_amount is
 * tj_limits_max_amount's, read once for the file. */
gboolean
tj_project_write_listed (TjDb      *db,
                         TjProject *project,
                         gint64     max_amount,
                         GError   **error)
{
  return write_checked (db, project, FALSE, FALSE, max_amount, error);
}

/* tj_project_write as a TjDbWriteFunc: a new project gets a new id. */
static gboolean
write_project (TjDb     *db,
               gpointer  project,
               GError  **error)
{
  return tj_project_write (db, project, FALSE, error);
}

gboolean
tj_project_save (TjDb      *db,
                 TjProject *project,
                 GError   **error)
{
  g_return_val_if_fail (TJ_IS_PROJECT (project), FALSE);
  return tj_db_save_record (db, write_project, project, error);
}

/* Deletes a project with everything it holds; see tj_project_delete_undoable for the undo. */
gboolean
tj_project_delete (TjDb    *db,
                   gint64   id,
                   GError **error)
{
  g_autoptr (TjDeletion) deletion = tj_project_delete_undoable (db, id, error);

  return deletion != NULL;
}

/* 结转: copies projects into another year's list, each linked to the record it came from, so
 * that every year keeps its own plan and figures. All or nothing. */
gboolean
tj_project_carry_over (TjDb         *db,
                       const gint64 *ids,
                       guint         n_ids,
                       int           to_year,
                       GError      **error)
{
  if (!tj_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr (TjProject) project = tj_project_load (db, ids[i], error);

      if (project == NULL)
        goto fail;
      if (tj_project_find (db, to_year, project->name) != 0)
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("“%s” is already on the %d list."), project->name, to_year);
          goto fail;
        }
      project->carried_from = project->id;
      project->id = 0;
      project->year = to_year;
      if (!tj_project_write (db, project, FALSE, error))
        goto fail;
    }
  if (!tj_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tj_db_rollback (db);
  return FALSE;
}

GArray *
tj_project_years (TjDb    *db,
                  GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  stmt = tj_db_prepare (db, "SELECT DISTINCT year FROM projects ORDER BY year", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, year);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&years);
}
