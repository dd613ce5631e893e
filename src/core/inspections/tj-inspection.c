/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-inspection"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-date.h"
#include "tj-db-children.h"
#include "tj-error.h"
#include "tj-field.h"
#include "tj-inspection.h"
#include "tj-limits.h"
#include "tj-problem.h"
#include "tj-settings.h"

G_DEFINE_FINAL_TYPE (TjInspection, tj_inspection, G_TYPE_OBJECT)

static const char *const verdict_sql[] = { "true", "false", "concealed" };
static const char *const verdict_labels[] = { NC_ ("verdict", "True"),
                                              NC_ ("verdict", "Over-reported"),
                                              NC_ ("verdict", "Under-reported") };
static const char *const evidence_labels[TJ_EVIDENCE_N] = {
  N_("Approval documents"), N_("Construction contract"), N_("Settlement statement"),
  N_("Construction log"),   N_("Invoices"),              N_("Financial accounts"),
};

/* The months of the monthly reports counted for an inspection: those below this bound (1 for
 * an inspection before the project's year or in its January, 13 after its year). */
#define REPORT_BOUND                                                                             \
  "(CASE WHEN CAST (substr (i.date, 1, 4) AS INTEGER) < p.year THEN 1 "                          \
  "WHEN CAST (substr (i.date, 1, 4) AS INTEGER) > p.year THEN 13 "                               \
  "ELSE CAST (substr (i.date, 6, 2) AS INTEGER) END)"

/* One statement for a list: the reported cumulative, the last reported 形象进度 and the counts
 * are subqueries on indexed columns, never a query per row. ?1 is today. */
#define INSPECTION_COLUMNS                                                                       \
  "i.id, i.project_id, i.date, i.organiser_id, i.inspectors, i.unannounced, i.seen, "            \
  "i.workers, i.machines, i.verified, i.verified_progress, i.verdict, i.verdict_reason, "        \
  "i.evidence, p.name, p.year, l.name, o.name, "                                                 \
  "(SELECT coalesce (sum (r.completed), 0) FROM monthly_reports r "                              \
  "WHERE r.project_id = i.project_id AND r.month < " REPORT_BOUND "), "                          \
  "(SELECT r.progress FROM monthly_reports r WHERE r.project_id = i.project_id "                 \
  "AND r.month < " REPORT_BOUND " AND r.progress IS NOT NULL AND r.progress <> '' "              \
  "ORDER BY r.month DESC LIMIT 1), "                                                             \
  "(SELECT count (*) FROM inspection_photos ph WHERE ph.inspection_id = i.id), "                 \
  "(SELECT count (*) FROM inspection_findings f JOIN rectifications c ON c.finding_id = f.id "   \
  "WHERE f.inspection_id = i.id), "                                                              \
  "(SELECT count (*) FROM inspection_findings f JOIN rectifications c ON c.finding_id = f.id "   \
  "WHERE f.inspection_id = i.id AND c.closed IS NULL), "                                         \
  "(SELECT count (*) FROM inspection_findings f JOIN rectifications c ON c.finding_id = f.id "   \
  "WHERE f.inspection_id = i.id AND c.closed IS NULL AND c.deadline < ?1) "
#define INSPECTION_JOINS                                                                         \
  "FROM inspections i CROSS JOIN projects p ON p.id = i.project_id "                             \
  "LEFT JOIN units l ON l.id = p.locality_id LEFT JOIN units o ON o.id = i.organiser_id "

static void
tj_inspection_finalize (GObject *object)
{
  TjInspection *self = TJ_INSPECTION (object);

  g_free (self->date);
  g_free (self->inspectors);
  g_free (self->seen);
  g_free (self->verified_progress);
  g_free (self->verdict_reason);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_free (self->project_name);
  g_free (self->locality_name);
  g_free (self->organiser_name);
  g_free (self->reported_progress);
  G_OBJECT_CLASS (tj_inspection_parent_class)->finalize (object);
}

static void
tj_inspection_class_init (TjInspectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_inspection_finalize;
}

static void
tj_inspection_init (TjInspection *self)
{
  self->workers = -1;
  self->machines = -1;
}

/* ------------------------------------------------------------------------------------------ */
/* Labels */

const char *
tj_verdict_label (TjVerdict verdict)
{
  g_return_val_if_fail (verdict <= TJ_VERDICT_CONCEALED, "");
  return g_dpgettext2 (NULL, "verdict", verdict_labels[verdict]);
}

const char *
tj_verdict_to_sql (TjVerdict verdict)
{
  g_return_val_if_fail (verdict <= TJ_VERDICT_CONCEALED, NULL);
  return verdict_sql[verdict];
}

gboolean
tj_verdict_from_label (const char *label,
                       TjVerdict  *verdict)
{
  if (label == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (verdict_sql); i++)
    if (strcmp (label, verdict_sql[i]) == 0 ||
        strcmp (label, g_dpgettext2 (NULL, "verdict", verdict_labels[i])) == 0)
      {
        *verdict = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tj_evidence_label (guint index)
{
  g_return_val_if_fail (index < TJ_EVIDENCE_N, "");
  return _(evidence_labels[index]);
}

/* ------------------------------------------------------------------------------------------ */
/* Settings and the rule */

gboolean
tj_inspection_get_tolerance (TjDb    *db,
                             int     *permille,
                             GError **error)
{
  TjInspectionSettings settings;

  if (!tj_settings_read_inspections (db, &settings, error))
    return FALSE;
  *permille = settings.tolerance_permille;
  return TRUE;
}

gboolean
tj_inspection_get_photo_limit (TjDb    *db,
                               gint64  *bytes,
                               GError **error)
{
  TjInspectionSettings settings;

  if (!tj_settings_read_inspections (db, &settings, error))
    return FALSE;
  *bytes = settings.photo_limit;
  return TRUE;
}

gboolean
tj_inspection_reported (TjDb       *db,
                        gint64      project_id,
                        const char *date,
                        gint64     *reported,
                        GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autofree char *day = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  day = tj_date_parse (date, error);
  if (day == NULL)
    return FALSE;
  stmt = tj_db_prepare_cached (db,
                               "SELECT p.year, (SELECT coalesce (sum (r.completed), 0) "
                               "FROM monthly_reports r WHERE r.project_id = p.id "
                               "AND r.month < (CASE WHEN ?2 < p.year THEN 1 WHEN ?2 > p.year "
                               "THEN 13 ELSE ?3 END)) FROM projects p WHERE p.id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, (int) g_ascii_strtoll (day, NULL, 10));
  sqlite3_bind_int (stmt, 3, (int) g_ascii_strtoll (day + 5, NULL, 10));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *reported = sqlite3_column_int64 (stmt, 1);
      return TRUE;
    }
  if (!tj_db_rows_done (db, rc, error))
    return FALSE;
  g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("The project no longer exists."));
  return FALSE;
}

/* |difference| ÷ verified against tolerance‰, in integers: |difference| × 1000 compared with
 * tolerance × verified, in 128 bits so that no stored figure (a record `check` is about to
 * refuse included) can overflow. */
TjVerdict
tj_inspection_suggest (gint64 reported,
                       gint64 verified,
                       int    tolerance_permille)
{
  __int128 difference = (__int128) reported - verified;
  __int128 limit = (__int128) tolerance_permille * verified;

  if (verified == 0)
    return reported > 0 ? TJ_VERDICT_FALSE : TJ_VERDICT_TRUE;
  if (difference > 0 && difference * 1000 > limit)
    return TJ_VERDICT_FALSE;
  if (difference < 0 && -difference * 1000 > limit)
    return TJ_VERDICT_CONCEALED;
  return TJ_VERDICT_TRUE;
}

/* The figures that follow from reported and verified. */
static void
fill_computed (TjInspection *self,
               int           tolerance)
{
  self->difference = self->reported - self->verified;
  self->has_rate = self->verified > 0;
  self->rate = self->has_rate ? (double) self->difference / (double) self->verified : 0;
  self->suggested = tj_inspection_suggest (self->reported, self->verified, tolerance);
  self->final_verdict = self->has_verdict ? self->verdict : self->suggested;
}

static gboolean
read_reported_progress (TjInspection *self,
                        TjDb         *db,
                        GError      **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare_cached (db,
                               "SELECT r.progress FROM monthly_reports r JOIN projects p "
                               "ON p.id = r.project_id WHERE r.project_id = ?1 AND r.month < "
                               "(CASE WHEN ?2 < p.year THEN 1 WHEN ?2 > p.year THEN 13 ELSE ?3 "
                               "END) AND r.progress IS NOT NULL AND r.progress <> '' "
                               "ORDER BY r.month DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->project_id);
  sqlite3_bind_int (stmt, 2, (int) g_ascii_strtoll (self->date, NULL, 10));
  sqlite3_bind_int (stmt, 3, (int) g_ascii_strtoll (self->date + 5, NULL, 10));
  g_clear_pointer (&self->reported_progress, g_free);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self->reported_progress = tj_db_column_dup (stmt, 0);
      return TRUE;
    }
  return tj_db_rows_done (db, rc, error);
}

gboolean
tj_inspection_compute (TjInspection *self,
                       TjDb         *db,
                       GError      **error)
{
  g_autofree char *day = NULL;
  int tolerance;

  g_return_val_if_fail (TJ_IS_INSPECTION (self), FALSE);
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if (!tj_inspection_get_tolerance (db, &tolerance, error))
    return FALSE;
  day = self->date != NULL ? tj_date_parse (self->date, NULL) : NULL;
  if (self->project_id == 0 || day == NULL)
    {
      self->reported = 0;
      g_clear_pointer (&self->reported_progress, g_free);
    }
  else
    {
      g_free (self->date);
      self->date = g_steal_pointer (&day);
      if (!tj_inspection_reported (db, self->project_id, self->date, &self->reported, error) ||
          !read_reported_progress (self, db, error))
        return FALSE;
    }
  fill_computed (self, tolerance);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Findings and rectifications */

TjFinding *
tj_finding_new (void)
{
  TjFinding *self = g_new0 (TjFinding, 1);

  self->rectifications = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_rectification_free);
  return self;
}

void
tj_finding_free (TjFinding *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->description);
  g_free (self->unit_name);
  g_clear_pointer (&self->rectifications, g_ptr_array_unref);
  g_free (self);
}

TjRectification *
tj_rectification_new (void)
{
  return g_new0 (TjRectification, 1);
}

void
tj_rectification_free (TjRectification *self)
{
  if (self == NULL)
    return;
  g_free (self->requirement);
  g_free (self->person);
  g_free (self->deadline);
  g_free (self->result);
  g_free (self->checked_by);
  g_free (self->closed);
  g_free (self->unit_name);
  g_free (self);
}

gboolean
tj_rectification_is_overdue (const TjRectification *self,
                             const char            *as_of)
{
  g_return_val_if_fail (self != NULL && as_of != NULL, FALSE);
  return self->closed == NULL && self->deadline != NULL && strcmp (self->deadline, as_of) < 0;
}

static TjRectification *
rectification_copy (const TjRectification *r)
{
  TjRectification *copy = tj_rectification_new ();

  copy->id = r->id;
  copy->requirement = g_strdup (r->requirement);
  copy->person = g_strdup (r->person);
  copy->unit_id = r->unit_id;
  copy->deadline = g_strdup (r->deadline);
  copy->result = g_strdup (r->result);
  copy->checked_by = g_strdup (r->checked_by);
  copy->closed = g_strdup (r->closed);
  copy->unit_name = g_strdup (r->unit_name);
  return copy;
}

static TjFinding *
finding_copy (const TjFinding *f)
{
  TjFinding *copy = tj_finding_new ();

  copy->id = f->id;
  copy->kind = g_strdup (f->kind);
  copy->description = g_strdup (f->description);
  copy->unit_id = f->unit_id;
  copy->unit_name = g_strdup (f->unit_name);
  for (guint i = 0; f->rectifications != NULL && i < f->rectifications->len; i++)
    g_ptr_array_add (copy->rectifications,
                     rectification_copy (g_ptr_array_index (f->rectifications, i)));
  return copy;
}

/* ------------------------------------------------------------------------------------------ */
/* Inspections */

TjInspection *
tj_inspection_new (void)
{
  return g_object_new (TJ_TYPE_INSPECTION, NULL);
}

TjInspection *
tj_inspection_copy (TjInspection *self)
{
  TjInspection *copy;

  g_return_val_if_fail (TJ_IS_INSPECTION (self), NULL);

  copy = tj_inspection_new ();
  copy->id = self->id;
  copy->project_id = self->project_id;
  copy->date = g_strdup (self->date);
  copy->organiser_id = self->organiser_id;
  copy->inspectors = g_strdup (self->inspectors);
  copy->unannounced = self->unannounced;
  copy->seen = g_strdup (self->seen);
  copy->workers = self->workers;
  copy->machines = self->machines;
  copy->verified = self->verified;
  copy->verified_progress = g_strdup (self->verified_progress);
  copy->has_verdict = self->has_verdict;
  copy->verdict = self->verdict;
  copy->verdict_reason = g_strdup (self->verdict_reason);
  copy->evidence = self->evidence;
  if (self->findings != NULL)
    {
      copy->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_finding_free);
      for (guint i = 0; i < self->findings->len; i++)
        g_ptr_array_add (copy->findings, finding_copy (g_ptr_array_index (self->findings, i)));
    }
  copy->project_name = g_strdup (self->project_name);
  copy->project_year = self->project_year;
  copy->locality_name = g_strdup (self->locality_name);
  copy->organiser_name = g_strdup (self->organiser_name);
  copy->reported = self->reported;
  copy->reported_progress = g_strdup (self->reported_progress);
  copy->difference = self->difference;
  copy->has_rate = self->has_rate;
  copy->rate = self->rate;
  copy->suggested = self->suggested;
  copy->final_verdict = self->final_verdict;
  copy->n_photos = self->n_photos;
  copy->n_rectifications = self->n_rectifications;
  copy->n_open_rectifications = self->n_open_rectifications;
  copy->n_overdue_rectifications = self->n_overdue_rectifications;
  return copy;
}

static gboolean
unit_exists (TjDb   *db,
             gint64  id)
{
  g_autoptr (TjCachedStmt) stmt = tj_db_prepare_cached (db, "SELECT 1 FROM units WHERE id = ?",
                                                         NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static void
validate_findings (TjInspection *self,
                   TjDb         *db,
                   GPtrArray    *problems)
{
  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      TjFinding *finding = g_ptr_array_index (self->findings, i);

      tj_field_tidy_text (&finding->kind);
      tj_field_tidy_text (&finding->description);
      if (finding->kind == NULL)
        tj_problems_add (problems, "findings", _("Finding %u: the type of problem is required."),
                         i + 1);
      if (finding->description == NULL)
        tj_problems_add (problems, "findings", _("Finding %u: the description is required."),
                         i + 1);
      if (finding->unit_id != 0 && !unit_exists (db, finding->unit_id))
        tj_problems_add (problems, "findings",
                         _("Finding %u: the responsible unit no longer exists."), i + 1);
      for (guint j = 0; j < finding->rectifications->len; j++)
        {
          TjRectification *r = g_ptr_array_index (finding->rectifications, j);
          g_autofree char *where = g_strdup_printf (_("Finding %u, rectification %u"), i + 1,
                                                    j + 1);
          g_autofree char *deadline_label = g_strdup_printf (_("%s: deadline"), where);
          g_autofree char *closed_label = g_strdup_printf (_("%s: closed on"), where);

          tj_field_tidy_text (&r->requirement);
          tj_field_tidy_text (&r->person);
          tj_field_tidy_text (&r->result);
          tj_field_tidy_text (&r->checked_by);
          if (r->requirement == NULL)
            tj_problems_add (problems, "findings", _("%s: the requirement is required."), where);
          if (tj_field_tidy_date (problems, "findings", deadline_label, &r->deadline) &&
              r->deadline == NULL)
            tj_problems_add (problems, "findings", _("%s: the deadline is required."), where);
          tj_field_tidy_date (problems, "findings", closed_label, &r->closed);
          if (r->unit_id != 0 && !unit_exists (db, r->unit_id))
            tj_problems_add (problems, "findings",
                             _("%s: the responsible unit no longer exists."), where);
        }
    }
}

/* Every rule of an inspection; the messages name the field. Fills the computed figures. */
GPtrArray *
tj_inspection_validate (TjInspection *self,
                        TjDb         *db)
{
  GPtrArray *problems = tj_problems_new ();
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  gboolean date_ok;

  g_return_val_if_fail (TJ_IS_INSPECTION (self), problems);

  if (self->project_id == 0)
    tj_problems_add (problems, "project", "%s", _("Choose the project."));
  else
    {
      stmt = tj_db_prepare_cached (db, "SELECT year FROM projects WHERE id = ?", NULL);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, self->project_id);
      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
        tj_problems_add (problems, "project", "%s", _("The project no longer exists."));
    }
  date_ok = tj_field_tidy_date (problems, "date", _("Inspection date"), &self->date);
  if (date_ok && self->date == NULL)
    tj_problems_add (problems, "date", "%s", _("The inspection date is required."));
  if (self->organiser_id == 0)
    tj_problems_add (problems, "organiser", "%s", _("Choose the organising unit."));
  else if (!unit_exists (db, self->organiser_id))
    tj_problems_add (problems, "organiser", "%s", _("The organising unit no longer exists."));
  tj_field_tidy_text (&self->inspectors);
  tj_field_tidy_text (&self->seen);
  tj_field_tidy_text (&self->verified_progress);
  tj_field_tidy_text (&self->verdict_reason);
  if (self->verified < 0)
    tj_problems_add (problems, "verified", "%s",
                     _("Verified cumulative: the amount cannot be negative."));
  else
    tj_limits_check_amount (problems, "verified", _("Verified cumulative"), self->verified,
                            tj_limits_max_amount (db));
  if (self->workers < -1)
    tj_problems_add (problems, "workers", "%s", _("Workers on site cannot be negative."));
  if (self->machines < -1)
    tj_problems_add (problems, "machines", "%s", _("Machines on site cannot be negative."));
  if (self->has_verdict && self->verdict > TJ_VERDICT_CONCEALED)
    tj_problems_add (problems, "verdict", "%s", _("Choose the verdict."));
  validate_findings (self, db, problems);

  if (problems->len > 0)
    return problems;
  if (!tj_inspection_compute (self, db, &local))
    {
      tj_problems_add (problems, "verified", "%s", local->message);
      return problems;
    }
  if (self->has_verdict && self->verdict != self->suggested && self->verdict_reason == NULL)
    tj_problems_add (problems, "verdict_reason",
                     _("Verdict reason: required when the verdict (%s) differs from the "
                       "suggested one (%s)."),
                     tj_verdict_label (self->verdict), tj_verdict_label (self->suggested));
  return problems;
}

static TjInspection *
read_inspection (sqlite3_stmt *stmt,
                 int           tolerance)
{
  TjInspection *self = tj_inspection_new ();
  const char *verdict;
  int c = 0;

  self->id = sqlite3_column_int64 (stmt, c++);
  self->project_id = sqlite3_column_int64 (stmt, c++);
  self->date = tj_db_column_dup (stmt, c++);
  self->organiser_id = sqlite3_column_int64 (stmt, c++);
  self->inspectors = tj_db_column_dup (stmt, c++);
  self->unannounced = sqlite3_column_int (stmt, c++) != 0;
  self->seen = tj_db_column_dup (stmt, c++);
  self->workers = sqlite3_column_type (stmt, c) == SQLITE_NULL ? -1
                                                               : sqlite3_column_int (stmt, c);
  c++;
  self->machines = sqlite3_column_type (stmt, c) == SQLITE_NULL ? -1
                                                                : sqlite3_column_int (stmt, c);
  c++;
  self->verified = sqlite3_column_int64 (stmt, c++);
  self->verified_progress = tj_db_column_dup (stmt, c++);
  verdict = (const char *) sqlite3_column_text (stmt, c++);
  self->has_verdict = tj_verdict_from_label (verdict, &self->verdict);
  self->verdict_reason = tj_db_column_dup (stmt, c++);
  self->evidence = (guint) sqlite3_column_int (stmt, c++);
  self->project_name = tj_db_column_dup (stmt, c++);
  self->project_year = sqlite3_column_int (stmt, c++);
  self->locality_name = tj_db_column_dup (stmt, c++);
  self->organiser_name = tj_db_column_dup (stmt, c++);
  self->reported = sqlite3_column_int64 (stmt, c++);
  self->reported_progress = tj_db_column_dup (stmt, c++);
  self->n_photos = (guint) sqlite3_column_int (stmt, c++);
  self->n_rectifications = (guint) sqlite3_column_int (stmt, c++);
  self->n_open_rectifications = (guint) sqlite3_column_int (stmt, c++);
  self->n_overdue_rectifications = (guint) sqlite3_column_int (stmt, c++);
  fill_computed (self, tolerance);
  return self;
}

static GPtrArray *
list_inspections (TjDb       *db,
                  const char *condition,
                  gint64      key,
                  GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) inspections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  g_autofree char *today = tj_date_today ();
  int tolerance, rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if (!tj_inspection_get_tolerance (db, &tolerance, error))
    return NULL;
  sql = g_strconcat ("SELECT " INSPECTION_COLUMNS INSPECTION_JOINS "WHERE ", condition,
                     " ORDER BY i.date, i.id", NULL);
  stmt = tj_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (inspections, read_inspection (stmt, tolerance));
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&inspections);
}

GPtrArray *
tj_inspection_list (TjDb    *db,
                    int      year,
                    GError **error)
{
  return list_inspections (db, "p.year = ?2", year, error);
}

GPtrArray *
tj_inspection_list_project (TjDb    *db,
                            gint64   project_id,
                            GError **error)
{
  return list_inspections (db, "i.project_id = ?2", project_id, error);
}

static gboolean
load_findings (TjDb         *db,
               TjInspection *self,
               GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_finding_free);
  stmt = tj_db_prepare (db,
                        "SELECT f.id, f.kind, f.description, f.unit_id, u.name "
                        "FROM inspection_findings f LEFT JOIN units u ON u.id = f.unit_id "
                        "WHERE f.inspection_id = ? ORDER BY f.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjFinding *finding = tj_finding_new ();

      finding->id = sqlite3_column_int64 (stmt, 0);
      finding->kind = tj_db_column_dup (stmt, 1);
      finding->description = tj_db_column_dup (stmt, 2);
      finding->unit_id = sqlite3_column_int64 (stmt, 3);
      finding->unit_name = tj_db_column_dup (stmt, 4);
      g_ptr_array_add (self->findings, finding);
      g_hash_table_insert (by_id, &finding->id, finding);
    }
  if (!tj_db_rows_done (db, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = tj_db_prepare (db,
                        "SELECT c.finding_id, c.id, c.requirement, c.person, c.unit_id, "
                        "c.deadline, c.result, c.checked_by, c.closed, u.name "
                        "FROM rectifications c JOIN inspection_findings f ON f.id = c.finding_id "
                        "LEFT JOIN units u ON u.id = c.unit_id WHERE f.inspection_id = ? "
                        "ORDER BY c.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 finding_id = sqlite3_column_int64 (stmt, 0);
      TjFinding *finding = g_hash_table_lookup (by_id, &finding_id);
      TjRectification *r;

      if (finding == NULL)
        continue;
      r = tj_rectification_new ();
      r->id = sqlite3_column_int64 (stmt, 1);
      r->requirement = tj_db_column_dup (stmt, 2);
      r->person = tj_db_column_dup (stmt, 3);
      r->unit_id = sqlite3_column_int64 (stmt, 4);
      r->deadline = tj_db_column_dup (stmt, 5);
      r->result = tj_db_column_dup (stmt, 6);
      r->checked_by = tj_db_column_dup (stmt, 7);
      r->closed = tj_db_column_dup (stmt, 8);
      r->unit_name = tj_db_column_dup (stmt, 9);
      g_ptr_array_add (finding->rectifications, r);
    }
  return tj_db_rows_done (db, rc, error);
}

TjInspection *
tj_inspection_load (TjDb    *db,
                    gint64   id,
                    GError **error)
{
  g_autoptr (GPtrArray) inspections = list_inspections (db, "i.id = ?2", id, error);
  TjInspection *self;

  if (inspections == NULL)
    return NULL;
  if (inspections->len == 0)
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND,
                           _("The inspection no longer exists."));
      return NULL;
    }
  self = g_object_ref (g_ptr_array_index (inspections, 0));
  if (!load_findings (db, self, error))
    {
      g_object_unref (self);
      return NULL;
    }
  return self;
}

static gboolean
write_rectification (TjDb            *db,
                     gint64           finding_id,
                     TjRectification *r,
                     GError         **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int c = 1;

  if (r->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO rectifications (finding_id, requirement, person, "
                                 "unit_id, deadline, result, checked_by, closed) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE rectifications SET finding_id = ?1, requirement = ?2, "
                                 "person = ?3, unit_id = ?4, deadline = ?5, result = ?6, "
                                 "checked_by = ?7, closed = ?8 WHERE id = ?9",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, c++, finding_id);
  sqlite3_bind_text (stmt, c++, r->requirement, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, c++, r->person);
  tj_db_bind_id_or_null (stmt, c++, r->unit_id);
  sqlite3_bind_text (stmt, c++, r->deadline, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, c++, r->result);
  tj_db_bind_text_or_null (stmt, c++, r->checked_by);
  tj_db_bind_text_or_null (stmt, c++, r->closed);
  if (r->id != 0)
    sqlite3_bind_int64 (stmt, c++, r->id);
  if (!tj_db_step_record (db, stmt, &r->id, error))
    return FALSE;
  return TRUE;
}

/* The findings as given replace the stored ones: kept by id (their photos stay), new ones
 * inserted, those no longer listed deleted with their rectifications and photos. */
static gboolean
write_findings (TjDb         *db,
                TjInspection *self,
                GError      **error)
{
  if (!tj_db_delete_unlisted (db, "inspection_findings", "inspection_id", self->id,
                              self->findings, G_STRUCT_OFFSET (TjFinding, id), error))
    return FALSE;
  for (guint i = 0; i < self->findings->len; i++)
    {
      TjFinding *f = g_ptr_array_index (self->findings, i);
      g_autoptr (TjCachedStmt) stmt = NULL;

      if (f->id == 0)
        stmt = tj_db_prepare_cached (db,
                                     "INSERT INTO inspection_findings (inspection_id, kind, "
                                     "description, unit_id) VALUES (?1, ?2, ?3, ?4)",
                                     error);
      else
        stmt = tj_db_prepare_cached (db,
                                     "UPDATE inspection_findings SET inspection_id = ?1, "
                                     "kind = ?2, description = ?3, unit_id = ?4 WHERE id = ?5",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->id);
      sqlite3_bind_text (stmt, 2, f->kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, f->description, -1, SQLITE_TRANSIENT);
      tj_db_bind_id_or_null (stmt, 4, f->unit_id);
      if (f->id != 0)
        sqlite3_bind_int64 (stmt, 5, f->id);
      if (!tj_db_step_record (db, stmt, &f->id, error))
        return FALSE;
      if (!tj_db_delete_unlisted (db, "rectifications", "finding_id", f->id, f->rectifications,
                                  G_STRUCT_OFFSET (TjRectification, id), error))
        return FALSE;
      for (guint j = 0; j < f->rectifications->len; j++)
        if (!write_rectification (db, f->id, g_ptr_array_index (f->rectifications, j), error))
          return FALSE;
    }
  return TRUE;
}

/* Validates, then inserts or updates the inspection with its findings and rectifications,
 * inside the caller's transaction. The verdict is stored only when it differs from the
 * suggestion, with its reason. */
gboolean
tj_inspection_write (TjDb         *db,
                     TjInspection *self,
                     GError      **error)
{
  g_autoptr (GPtrArray) problems = tj_inspection_validate (self, db);
  g_autoptr (TjCachedStmt) stmt = NULL;
  gboolean own = self->has_verdict && self->verdict != self->suggested;
  int c = 1;

  if (!tj_problems_to_error (problems, error))
    return FALSE;
  if (self->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO inspections (project_id, date, organiser_id, "
                                 "inspectors, unannounced, seen, workers, machines, verified, "
                                 "verified_progress, verdict, verdict_reason, evidence) VALUES "
                                 "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE inspections SET project_id = ?1, date = ?2, "
                                 "organiser_id = ?3, inspectors = ?4, unannounced = ?5, "
                                 "seen = ?6, workers = ?7, machines = ?8, verified = ?9, "
                                 "verified_progress = ?10, verdict = ?11, verdict_reason = ?12, "
                                 "evidence = ?13, updated = strftime ('%Y-%m-%dT%H:%M:%S', "
                                 "'now', 'localtime') WHERE id = ?14",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, c++, self->project_id);
  sqlite3_bind_text (stmt, c++, self->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, c++, self->organiser_id);
  tj_db_bind_text_or_null (stmt, c++, self->inspectors);
  sqlite3_bind_int (stmt, c++, self->unannounced ? 1 : 0);
  tj_db_bind_text_or_null (stmt, c++, self->seen);
  if (self->workers >= 0)
    sqlite3_bind_int (stmt, c++, self->workers);
  else
    sqlite3_bind_null (stmt, c++);
  if (self->machines >= 0)
    sqlite3_bind_int (stmt, c++, self->machines);
  else
    sqlite3_bind_null (stmt, c++);
  sqlite3_bind_int64 (stmt, c++, self->verified);
  tj_db_bind_text_or_null (stmt, c++, self->verified_progress);
  tj_db_bind_text_or_null (stmt, c++, own ? tj_verdict_to_sql (self->verdict) : NULL);
  tj_db_bind_text_or_null (stmt, c++, own ? self->verdict_reason : NULL);
  sqlite3_bind_int (stmt, c++, (int) self->evidence);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, c++, self->id);
  if (!tj_db_step_record (db, stmt, &self->id, error))
    return FALSE;
  if (!own)
    {
      self->has_verdict = FALSE;
      g_clear_pointer (&self->verdict_reason, g_free);
    }
  self->final_verdict = own ? self->verdict : self->suggested;
  return self->findings == NULL || write_findings (db, self, error);
}

/* One transaction: the inspection, its findings and rectifications, or nothing. */
gboolean
tj_inspection_save (TjDb         *db,
                    TjInspection *inspection,
                    GError      **error)
{
  g_autoptr (GPtrArray) new_ids = g_ptr_array_new ();

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_INSPECTION (inspection), FALSE);

  /* A rolled back save leaves the records new: the ids it gave them are forgotten. */
  if (inspection->id == 0)
    g_ptr_array_add (new_ids, &inspection->id);
  for (guint i = 0; inspection->findings != NULL && i < inspection->findings->len; i++)
    {
      TjFinding *f = g_ptr_array_index (inspection->findings, i);

      if (f->id == 0)
        g_ptr_array_add (new_ids, &f->id);
      for (guint j = 0; j < f->rectifications->len; j++)
        {
          TjRectification *r = g_ptr_array_index (f->rectifications, j);

          if (r->id == 0)
            g_ptr_array_add (new_ids, &r->id);
        }
    }
  if (tj_db_save_record (db, (TjDbWriteFunc) tj_inspection_write, inspection, error))
    return TRUE;
  for (guint i = 0; i < new_ids->len; i++)
    *(gint64 *) g_ptr_array_index (new_ids, i) = 0;
  return FALSE;
}

gboolean
tj_inspection_delete (TjDb    *db,
                      gint64   id,
                      GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return tj_db_delete_row (db, "DELETE FROM inspections WHERE id = ?", id, error);
}

/* What deleting an inspection reaches: its findings, their rectifications, its photos. */
static const char *const inspection_tables[] = {
  "inspections", "inspection_findings", "rectifications", "inspection_photos", NULL
};

TjDeletion *
tj_inspection_delete_undoable (TjDb    *db,
                               gint64   id,
                               GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  return tj_delete_undoable (db, inspection_tables, "DELETE FROM inspections WHERE id = ?", id,
                             _("The inspection no longer exists."),
                             _("The inspection cannot be put back: its project has been deleted "
                               "since, or a record entered since has taken its place. Nothing "
                               "was changed."),
                             error);
}
