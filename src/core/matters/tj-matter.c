/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meetings and the matters they decide (一事一议、一事一结、一事一报), their extensions and
 * reports; the deadline in force and the status as of a day (issue 8). Dates are YYYY-MM-DD
 * strings and compare as strings. */
#define G_LOG_DOMAIN "tj-matter"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-date.h"
#include "tj-db-children.h"
#include "tj-deletion.h"
#include "tj-error.h"
#include "tj-field.h"
#include "tj-matter.h"
#include "tj-problem.h"

G_DEFINE_FINAL_TYPE (TjMeeting, tj_meeting, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TjMatter, tj_matter, G_TYPE_OBJECT)

static const char *const kind_codes[] = {
  [TJ_MEETING_MONTHLY] = "monthly",
  [TJ_MEETING_COORDINATION] = "coordination",
  [TJ_MEETING_TOUR] = "tour",
};

#define MATTER_COLUMNS                                                                          \
  "mt.id, mt.meeting_id, mt.content, mt.project_id, mt.leader_id, mt.unit_id, mt.person, "     \
  "mt.assigned, mt.deadline, mt.finished, mt.result, m.name, m.date, m.kind, p.name, l.name, " \
  "ld.name, u.name "
#define MATTER_JOINS                                                                            \
  "FROM matters mt JOIN meetings m ON m.id = mt.meeting_id "                                   \
  "LEFT JOIN projects p ON p.id = mt.project_id LEFT JOIN units l ON l.id = p.locality_id "    \
  "LEFT JOIN people ld ON ld.id = mt.leader_id LEFT JOIN units u ON u.id = mt.unit_id "

/* ------------------------------------------------------------------------------------------ */
/* Helpers */

static void
tidy_required_date (GPtrArray  *problems,
                    const char *field,
                    const char *label,
                    const char *missing,
                    char      **date)
{
  if (tj_field_tidy_date (problems, field, label, date) && *date == NULL)
    tj_problems_add (problems, field, "%s", missing);
}

/* ------------------------------------------------------------------------------------------ */
/* Labels and the rules of time */

const char *
tj_meeting_kind_label (TjMeetingKind kind)
{
  switch (kind)
    {
    case TJ_MEETING_MONTHLY:
      return C_("meeting kind", "Monthly meeting");
    case TJ_MEETING_COORDINATION:
      return C_("meeting kind", "Coordination meeting");
    case TJ_MEETING_TOUR:
      return C_("meeting kind", "Observation tour");
    default:
      return "";
    }
}

const char *
tj_meeting_kind_to_sql (TjMeetingKind kind)
{
  g_return_val_if_fail (kind <= TJ_MEETING_TOUR, kind_codes[0]);
  return kind_codes[kind];
}

/* The label (translated or not: a file may come from an office running in English, and an
 * office's file says 月例会 whatever the language of the program reading it) or the SQL word. */
gboolean
tj_meeting_kind_from_label (const char    *label,
                            TjMeetingKind *kind)
{
  static const char *const english[] = {
    [TJ_MEETING_MONTHLY] = "Monthly meeting",
    [TJ_MEETING_COORDINATION] = "Coordination meeting",
    [TJ_MEETING_TOUR] = "Observation tour",
  };
  static const char *const chinese[] = {
    [TJ_MEETING_MONTHLY] = "月例会",
    [TJ_MEETING_COORDINATION] = "专题协调会",
    [TJ_MEETING_TOUR] = "观摩",
  };
  g_autofree char *text = g_strstrip (g_strdup (label != NULL ? label : ""));

  for (guint i = 0; i < G_N_ELEMENTS (kind_codes); i++)
    if (g_strcmp0 (text, tj_meeting_kind_label (i)) == 0 ||
        g_ascii_strcasecmp (text, kind_codes[i]) == 0 ||
        g_ascii_strcasecmp (text, english[i]) == 0 || g_strcmp0 (text, chinese[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tj_matter_status_label (TjMatterStatus status)
{
  switch (status)
    {
    case TJ_MATTER_IN_PROGRESS:
      return C_("matter status", "In progress");
    case TJ_MATTER_DONE_ON_TIME:
      return C_("matter status", "Finished on time");
    case TJ_MATTER_DONE_LATE:
      return C_("matter status", "Finished late");
    case TJ_MATTER_OVERDUE:
      return C_("matter status", "Overdue");
    default:
      return "";
    }
}

/* Is a approved after b (by approval date, then id; an unsaved one, id 0, comes last, in the
 * order given)? */
static gboolean
approved_later (TjMatterExtension *a,
                TjMatterExtension *b)
{
  int order = strcmp (a->approved, b->approved);

  if (order != 0)
    return order > 0;
  if (a->id == 0 || b->id == 0)
    return a->id == 0;
  return a->id > b->id;
}

/* The deadline in force among the extensions approved on or before until (NULL: all), except
 * one (the extension whose request is being judged). */
static const char *
deadline_in_force_until (const char        *deadline,
                         GPtrArray         *extensions,
                         const char        *until,
                         TjMatterExtension *except)
{
  TjMatterExtension *last = NULL;

  for (guint i = 0; extensions != NULL && i < extensions->len; i++)
    {
      TjMatterExtension *extension = g_ptr_array_index (extensions, i);

      if (extension == except || extension->approved == NULL || extension->new_deadline == NULL)
        continue;
      if (until != NULL && strcmp (extension->approved, until) > 0)
        continue;
      if (last == NULL || approved_later (extension, last))
        last = extension;
    }
  return last != NULL ? last->new_deadline : deadline;
}

char *
tj_matter_deadline_in_force (const char *deadline,
                             GPtrArray  *extensions)
{
  return g_strdup (deadline_in_force_until (deadline, extensions, NULL, NULL));
}

TjMatterStatus
tj_matter_status_at (const char *finished,
                     const char *deadline_in_force,
                     const char *as_of)
{
  g_return_val_if_fail (deadline_in_force != NULL && as_of != NULL, TJ_MATTER_IN_PROGRESS);

  if (finished != NULL && strcmp (finished, as_of) <= 0)
    return strcmp (finished, deadline_in_force) <= 0 ? TJ_MATTER_DONE_ON_TIME
                                                      : TJ_MATTER_DONE_LATE;
  return strcmp (as_of, deadline_in_force) > 0 ? TJ_MATTER_OVERDUE : TJ_MATTER_IN_PROGRESS;
}

TjMatterStatus
tj_matter_get_status (TjMatter   *self,
                      const char *as_of)
{
  g_autofree char *in_force = NULL;

  g_return_val_if_fail (TJ_IS_MATTER (self), TJ_MATTER_IN_PROGRESS);

  if (self->deadline_in_force == NULL)
    in_force = tj_matter_deadline_in_force (self->deadline, self->extensions);
  return tj_matter_status_at (self->finished,
                              in_force != NULL ? in_force : self->deadline_in_force, as_of);
}

/* ------------------------------------------------------------------------------------------ */
/* Extensions and reports */

TjMatterExtension *
tj_matter_extension_new (void)
{
  return g_new0 (TjMatterExtension, 1);
}

void
tj_matter_extension_free (TjMatterExtension *self)
{
  if (self == NULL)
    return;
  g_free (self->requested);
  g_free (self->reason);
  g_free (self->new_deadline);
  g_free (self->approved_by);
  g_free (self->approved);
  g_free (self);
}

static TjMatterExtension *
extension_copy (TjMatterExtension *self)
{
  TjMatterExtension *copy = tj_matter_extension_new ();

  copy->id = self->id;
  copy->requested = g_strdup (self->requested);
  copy->reason = g_strdup (self->reason);
  copy->new_deadline = g_strdup (self->new_deadline);
  copy->approved_by = g_strdup (self->approved_by);
  copy->approved = g_strdup (self->approved);
  return copy;
}

TjMatterReport *
tj_matter_report_new (const char *date,
                      const char *text)
{
  TjMatterReport *report = g_new0 (TjMatterReport, 1);

  report->date = g_strdup (date);
  report->text = g_strdup (text);
  return report;
}

void
tj_matter_report_free (TjMatterReport *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->text);
  g_free (self);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject */

static void
tj_meeting_finalize (GObject *object)
{
  TjMeeting *self = TJ_MEETING (object);

  g_free (self->date);
  g_free (self->name);
  g_free (self->chair);
  g_free (self->attendees);
  g_free (self->summary);
  G_OBJECT_CLASS (tj_meeting_parent_class)->finalize (object);
}

static void
tj_meeting_class_init (TjMeetingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_meeting_finalize;
}

static void
tj_meeting_init (TjMeeting *self)
{
}

static void
tj_matter_finalize (GObject *object)
{
  TjMatter *self = TJ_MATTER (object);

  g_free (self->content);
  g_free (self->person);
  g_free (self->assigned);
  g_free (self->deadline);
  g_free (self->finished);
  g_free (self->result);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_free (self->meeting_name);
  g_free (self->meeting_date);
  g_free (self->project_name);
  g_free (self->locality_name);
  g_free (self->leader_name);
  g_free (self->unit_name);
  g_free (self->deadline_in_force);
  G_OBJECT_CLASS (tj_matter_parent_class)->finalize (object);
}

static void
tj_matter_class_init (TjMatterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_matter_finalize;
}

static void
tj_matter_init (TjMatter *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Meetings */

TjMeeting *
tj_meeting_new (void)
{
  return g_object_new (TJ_TYPE_MEETING, NULL);
}

/* Every rule of a meeting; the messages name the field as the form labels it. */
GPtrArray *
tj_meeting_validate (TjMeeting *self)
{
  GPtrArray *problems = tj_problems_new ();

  g_return_val_if_fail (TJ_IS_MEETING (self), problems);

  if (self->kind > TJ_MEETING_TOUR)
    tj_problems_add (problems, "kind", "%s", _("Choose the meeting type."));
  tidy_required_date (problems, "date", _("Meeting date"), _("The meeting date is required."),
                      &self->date);
  tj_field_tidy_text (&self->name);
  tj_field_tidy_text (&self->chair);
  tj_field_tidy_text (&self->attendees);
  tj_field_tidy_text (&self->summary);
  if (self->name == NULL)
    tj_problems_add (problems, "name", "%s", _("The meeting name is required."));
  return problems;
}

static TjMeeting *
read_meeting (sqlite3_stmt *stmt)
{
  TjMeeting *meeting = tj_meeting_new ();
  TjMeetingKind kind = TJ_MEETING_MONTHLY;
  int c = 0;

  meeting->id = sqlite3_column_int64 (stmt, c++);
  tj_meeting_kind_from_label ((const char *) sqlite3_column_text (stmt, c++), &kind);
  meeting->kind = kind;
  meeting->date = tj_db_column_dup (stmt, c++);
  meeting->name = tj_db_column_dup (stmt, c++);
  meeting->chair = tj_db_column_dup (stmt, c++);
  meeting->attendees = tj_db_column_dup (stmt, c++);
  meeting->summary = tj_db_column_dup (stmt, c++);
  meeting->n_matters = sqlite3_column_int (stmt, c++);
  meeting->n_open = sqlite3_column_int (stmt, c++);
  return meeting;
}

static GPtrArray *
list_meetings (TjDb       *db,
               const char *condition,
               gint64      key,
               const char *text_key,
               GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  g_autofree char *today = tj_date_today ();
  int rc;

  sql = g_strconcat ("SELECT m.id, m.kind, m.date, m.name, m.chair, m.attendees, m.summary, "
                     "(SELECT count (*) FROM matters mt WHERE mt.meeting_id = m.id), "
                     "(SELECT count (*) FROM matters mt WHERE mt.meeting_id = m.id AND "
                     "(mt.finished IS NULL OR mt.finished > ?3)) "
                     "FROM meetings m WHERE ",
                     condition, " ORDER BY m.date, m.id", NULL);
  stmt = tj_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  tj_db_bind_text_or_null (stmt, 2, text_key);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (meetings, read_meeting (stmt));
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&meetings);
}

/* The meetings held in a year, by date. */
GPtrArray *
tj_meeting_list (TjDb    *db,
                 int      year,
                 GError **error)
{
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);

  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  return list_meetings (db, "m.date >= ?2 AND m.date < printf ('%04d-01-01', ?1 + 1)", year,
                        first, error);
}

GArray *
tj_meeting_years (TjDb    *db,
                  GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  stmt = tj_db_prepare (db,
                        "SELECT DISTINCT CAST (substr (date, 1, 4) AS INTEGER) FROM meetings "
                        "ORDER BY 1",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (years, (int){ sqlite3_column_int (stmt, 0) });
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&years);
}

TjMeeting *
tj_meeting_load (TjDb    *db,
                 gint64   id,
                 GError **error)
{
  g_autoptr (GPtrArray) meetings = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  meetings = list_meetings (db, "m.id = ?1", id, NULL, error);
  if (meetings == NULL)
    return NULL;
  if (meetings->len == 0)
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND,
                           _("The meeting no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (meetings, 0));
}

/* The meeting of this date, type and name, other than except; 0 when none. */
static gint64
find_meeting (TjDb          *db,
              const char    *date,
              TjMeetingKind  kind,
              const char    *name,
              gint64         except,
              GError       **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare_cached (db,
                               "SELECT id FROM meetings WHERE date = ?1 AND kind = ?2 AND "
                               "name = ?3 AND id <> ?4",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind_codes[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, except);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (!tj_db_rows_done (db, rc, error))
    return -1;
  return 0;
}

/* Validates, then inserts or updates, inside the caller's transaction. */
gboolean
tj_meeting_write (TjDb      *db,
                  TjMeeting *meeting,
                  GError   **error)
{
  g_autoptr (GPtrArray) problems = tj_meeting_validate (meeting);
  g_autoptr (TjCachedStmt) stmt = NULL;
  gint64 other;
  int c = 1;

  if (!tj_problems_to_error (problems, error))
    return FALSE;
  other = find_meeting (db, meeting->date, meeting->kind, meeting->name, meeting->id, error);
  if (other < 0)
    return FALSE;
  if (other > 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("There is already a %s “%s” on %s."), tj_meeting_kind_label (meeting->kind),
                   meeting->name, meeting->date);
      return FALSE;
    }
  if (meeting->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO meetings (kind, date, name, chair, attendees, "
                                 "summary, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                 "tj_now (), tj_now ())",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE meetings SET kind = ?1, date = ?2, name = ?3, "
                                 "chair = ?4, attendees = ?5, summary = ?6, updated = tj_now () "
                                 "WHERE id = ?7",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, c++, kind_codes[meeting->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, c++, meeting->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, c++, meeting->name, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, c++, meeting->chair);
  tj_db_bind_text_or_null (stmt, c++, meeting->attendees);
  tj_db_bind_text_or_null (stmt, c++, meeting->summary);
  if (meeting->id != 0)
    sqlite3_bind_int64 (stmt, c++, meeting->id);
  if (!tj_db_step_record (db, stmt, &meeting->id, error))
    return FALSE;
  return TRUE;
}

gboolean
tj_meeting_save (TjDb      *db,
                 TjMeeting *meeting,
                 GError   **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_MEETING (meeting), FALSE);

  return tj_db_save_record (db, (TjDbWriteFunc) tj_meeting_write, meeting, error);
}

gboolean
tj_meeting_delete (TjDb    *db,
                   gint64   id,
                   GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return tj_db_delete_row (db, "DELETE FROM meetings WHERE id = ?", id, error);
}

/* What deleting a meeting or a matter reaches: the matters of the meeting, their extensions and
 * reports. */
static const char *const matter_tables[] = {
  "meetings", "matters", "matter_extensions", "matter_reports", NULL
};

TjDeletion *
tj_meeting_delete_undoable (TjDb    *db,
                            gint64   id,
                            GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  return tj_delete_undoable (db, matter_tables, "DELETE FROM meetings WHERE id = ?", id,
                             _("The meeting no longer exists."),
                             _("The meeting cannot be put back: a meeting of the same date, type "
                               "and name has been entered since it was deleted. Nothing was "
                               "changed."),
                             error);
}

/* ------------------------------------------------------------------------------------------ */
/* Matters */

TjMatter *
tj_matter_new (void)
{
  return g_object_new (TJ_TYPE_MATTER, NULL);
}

TjMatter *
tj_matter_copy (TjMatter *self)
{
  TjMatter *copy;

  g_return_val_if_fail (TJ_IS_MATTER (self), NULL);

  copy = tj_matter_new ();
  copy->id = self->id;
  copy->meeting_id = self->meeting_id;
  copy->content = g_strdup (self->content);
  copy->project_id = self->project_id;
  copy->leader_id = self->leader_id;
  copy->unit_id = self->unit_id;
  copy->person = g_strdup (self->person);
  copy->assigned = g_strdup (self->assigned);
  copy->deadline = g_strdup (self->deadline);
  copy->finished = g_strdup (self->finished);
  copy->result = g_strdup (self->result);
  if (self->extensions != NULL)
    {
      copy->extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
      for (guint i = 0; i < self->extensions->len; i++)
        g_ptr_array_add (copy->extensions, extension_copy (g_ptr_array_index (self->extensions, i)));
    }
  if (self->reports != NULL)
    {
      copy->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_report_free);
      for (guint i = 0; i < self->reports->len; i++)
        {
          TjMatterReport *report = g_ptr_array_index (self->reports, i);
          TjMatterReport *report_copy = tj_matter_report_new (report->date, report->text);

          report_copy->id = report->id;
          g_ptr_array_add (copy->reports, report_copy);
        }
    }
  copy->meeting_name = g_strdup (self->meeting_name);
  copy->meeting_date = g_strdup (self->meeting_date);
  copy->meeting_kind = self->meeting_kind;
  copy->project_name = g_strdup (self->project_name);
  copy->locality_name = g_strdup (self->locality_name);
  copy->leader_name = g_strdup (self->leader_name);
  copy->unit_name = g_strdup (self->unit_name);
  copy->deadline_in_force = g_strdup (self->deadline_in_force);
  return copy;
}

static int
compare_extensions (gconstpointer a,
                    gconstpointer b)
{
  const TjMatterExtension *x = *(TjMatterExtension *const *) a;
  const TjMatterExtension *y = *(TjMatterExtension *const *) b;

  return g_strcmp0 (x->requested, y->requested);
}

static void
validate_extensions (TjMatter  *self,
                     GPtrArray *problems)
{
  gboolean dates_ok = TRUE;

  for (guint i = 0; i < self->extensions->len; i++)
    {
      TjMatterExtension *extension = g_ptr_array_index (self->extensions, i);

      tj_field_tidy_text (&extension->reason);
      tj_field_tidy_text (&extension->approved_by);
      tidy_required_date (problems, "extensions", _("Extension requested on"),
                          _("The date the extension was requested is required."),
                          &extension->requested);
      tidy_required_date (problems, "extensions", _("Extended to"),
                          _("The new deadline of the extension is required."),
                          &extension->new_deadline);
      if (!tj_field_tidy_date (problems, "extensions", _("Extension approved on"),
                               &extension->approved))
        dates_ok = FALSE;
      if (extension->requested == NULL || extension->new_deadline == NULL)
        dates_ok = FALSE;
      if (extension->reason == NULL)
        tj_problems_add (problems, "extensions", "%s", _("Give the reason for the extension."));
      if (extension->approved != NULL && extension->approved_by == NULL)
        tj_problems_add (problems, "extensions", "%s",
                         _("Name who approved the extension, or clear its approval date."));
      if (extension->approved == NULL && extension->approved_by != NULL)
        tj_problems_add (problems, "extensions", "%s",
                         _("Give the date the extension was approved."));
    }
  if (!dates_ok || self->deadline == NULL)
    return;

  /* Each request against the deadline in force on its day. */
  g_ptr_array_sort (self->extensions, compare_extensions);
  for (guint i = 0; i < self->extensions->len; i++)
    {
      TjMatterExtension *extension = g_ptr_array_index (self->extensions, i);
      const char *in_force = deadline_in_force_until (self->deadline, self->extensions,
                                                      extension->requested, extension);

      if (strcmp (extension->requested, in_force) > 0)
        tj_problems_add (problems, "extensions",
                         _("An extension must be requested on or before the deadline in force "
                           "(%s); the one requested on %s is too late."),
                         in_force, extension->requested);
      else if (strcmp (extension->new_deadline, in_force) <= 0)
        tj_problems_add (problems, "extensions",
                         _("The extension requested on %s must move the deadline in force (%s) "
                           "later."),
                         extension->requested, in_force);
      if (extension->approved != NULL && strcmp (extension->approved, extension->requested) < 0)
        tj_problems_add (problems, "extensions",
                         _("The extension requested on %s cannot be approved before it was "
                           "requested."),
                         extension->requested);
    }
}

/* Every rule of a matter; the messages name the field as the form labels it. */
GPtrArray *
tj_matter_validate (TjMatter *self,
                    TjDb     *db)
{
  GPtrArray *problems = tj_problems_new ();
  gboolean assigned_ok, deadline_ok, finished_ok;

  g_return_val_if_fail (TJ_IS_MATTER (self), problems);

  if (self->meeting_id == 0)
    tj_problems_add (problems, "meeting", "%s", _("Choose the meeting."));
  tj_field_tidy_text (&self->content);
  tj_field_tidy_text (&self->person);
  tj_field_tidy_text (&self->result);
  if (self->content == NULL)
    tj_problems_add (problems, "content", "%s", _("The content of the matter is required."));
  if (self->unit_id == 0)
    tj_problems_add (problems, "unit", "%s", _("Choose the responsible unit."));

  assigned_ok = tj_field_tidy_date (problems, "assigned", _("Assigned on"), &self->assigned);
  if (assigned_ok && self->assigned == NULL)
    {
      tj_problems_add (problems, "assigned", "%s", _("The date assigned is required."));
      assigned_ok = FALSE;
    }
  deadline_ok = tj_field_tidy_date (problems, "deadline", _("Deadline"), &self->deadline);
  if (deadline_ok && self->deadline == NULL)
    {
      tj_problems_add (problems, "deadline", "%s", _("The deadline is required."));
      deadline_ok = FALSE;
    }
  finished_ok = tj_field_tidy_date (problems, "finished", _("Finished on"), &self->finished);
  if (assigned_ok && deadline_ok && strcmp (self->deadline, self->assigned) < 0)
    tj_problems_add (problems, "deadline", "%s",
                     _("The deadline cannot be before the date assigned."));
  if (assigned_ok && finished_ok && self->finished != NULL &&
      strcmp (self->finished, self->assigned) < 0)
    tj_problems_add (problems, "finished", "%s",
                     _("The date finished cannot be before the date assigned."));

  if (self->extensions != NULL)
    validate_extensions (self, problems);
  for (guint i = 0; self->reports != NULL && i < self->reports->len; i++)
    {
      TjMatterReport *report = g_ptr_array_index (self->reports, i);

      tj_field_tidy_text (&report->text);
      tidy_required_date (problems, "reports", _("Report date"),
                          _("The date of the report is required."), &report->date);
      if (report->text == NULL)
        tj_problems_add (problems, "reports", "%s", _("The text of the report is required."));
      if (assigned_ok && report->date != NULL && strcmp (report->date, self->assigned) < 0)
        tj_problems_add (problems, "reports",
                         _("The report of %s is dated before the matter was assigned."),
                         report->date);
    }
  return problems;
}

static TjMatter *
read_matter (sqlite3_stmt *stmt)
{
  TjMatter *matter = tj_matter_new ();
  TjMeetingKind kind = TJ_MEETING_MONTHLY;
  int c = 0;

  matter->id = sqlite3_column_int64 (stmt, c++);
  matter->meeting_id = sqlite3_column_int64 (stmt, c++);
  matter->content = tj_db_column_dup (stmt, c++);
  matter->project_id = sqlite3_column_int64 (stmt, c++);
  matter->leader_id = sqlite3_column_int64 (stmt, c++);
  matter->unit_id = sqlite3_column_int64 (stmt, c++);
  matter->person = tj_db_column_dup (stmt, c++);
  matter->assigned = tj_db_column_dup (stmt, c++);
  matter->deadline = tj_db_column_dup (stmt, c++);
  matter->finished = tj_db_column_dup (stmt, c++);
  matter->result = tj_db_column_dup (stmt, c++);
  matter->meeting_name = tj_db_column_dup (stmt, c++);
  matter->meeting_date = tj_db_column_dup (stmt, c++);
  tj_meeting_kind_from_label ((const char *) sqlite3_column_text (stmt, c++), &kind);
  matter->meeting_kind = kind;
  matter->project_name = tj_db_column_dup (stmt, c++);
  matter->locality_name = tj_db_column_dup (stmt, c++);
  matter->leader_name = tj_db_column_dup (stmt, c++);
  matter->unit_name = tj_db_column_dup (stmt, c++);
  matter->extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
  matter->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_report_free);
  return matter;
}

static void
add_extension (TjMatter     *matter,
               sqlite3_stmt *stmt)
{
  TjMatterExtension *extension = tj_matter_extension_new ();

  extension->id = sqlite3_column_int64 (stmt, 1);
  extension->requested = tj_db_column_dup (stmt, 2);
  extension->reason = tj_db_column_dup (stmt, 3);
  extension->new_deadline = tj_db_column_dup (stmt, 4);
  extension->approved_by = tj_db_column_dup (stmt, 5);
  extension->approved = tj_db_column_dup (stmt, 6);
  g_ptr_array_add (matter->extensions, extension);
}

static void
add_report (TjMatter     *matter,
            sqlite3_stmt *stmt)
{
  TjMatterReport *report = tj_matter_report_new ((const char *) sqlite3_column_text (stmt, 2),
                                                 (const char *) sqlite3_column_text (stmt, 3));

  report->id = sqlite3_column_int64 (stmt, 1);
  g_ptr_array_add (matter->reports, report);
}

/* One kind of child row (extensions, reports) of the matters listed by condition, read in one
 * statement and given to its matter (by_id) by add; column 0 is the matter's id. */
static gboolean
read_children (TjDb        *db,
               const char  *select,
               const char  *condition,
               const char  *order,
               gint64       key,
               gint64       key2,
               GHashTable  *by_id,
               void       (*add) (TjMatter *, sqlite3_stmt *),
               GError     **error)
{
  g_autofree char *sql = g_strconcat (select, "(SELECT mt.id FROM matters mt JOIN meetings m ON "
                                      "m.id = mt.meeting_id WHERE ", condition, ")", order, NULL);
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, key2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 matter_id = sqlite3_column_int64 (stmt, 0);
      TjMatter *matter = g_hash_table_lookup (by_id, &matter_id);

      if (matter != NULL)
        add (matter, stmt);
    }
  return tj_db_rows_done (db, rc, error);
}

/* The matters whose meeting, project or id is key (condition on mt and m, key ?1, ?2 the year's
 * first day), extensions and reports loaded in one read each. */
static GPtrArray *
list_matters (TjDb       *db,
              const char *condition,
              gint64      key,
              gint64      key2,
              GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) matters = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  sql = g_strconcat ("SELECT " MATTER_COLUMNS MATTER_JOINS "WHERE ", condition,
                     " ORDER BY m.date, m.id, mt.id", NULL);
  stmt = tj_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, key2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjMatter *matter = read_matter (stmt);

      g_ptr_array_add (matters, matter);
      g_hash_table_insert (by_id, &matter->id, matter);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;

  if (!read_children (db,
                      "SELECT x.matter_id, x.id, x.requested, x.reason, x.new_deadline, "
                      "x.approved_by, x.approved FROM matter_extensions x WHERE x.matter_id IN ",
                      condition, " ORDER BY x.matter_id, x.requested, x.id", key, key2, by_id,
                      add_extension, error) ||
      !read_children (db,
                      "SELECT r.matter_id, r.id, r.date, r.text FROM matter_reports r WHERE "
                      "r.matter_id IN ",
                      condition, " ORDER BY r.matter_id, r.date, r.id", key, key2, by_id,
                      add_report, error))
    return NULL;

  for (guint i = 0; i < matters->len; i++)
    {
      TjMatter *matter = g_ptr_array_index (matters, i);

      matter->deadline_in_force = tj_matter_deadline_in_force (matter->deadline,
                                                               matter->extensions);
    }
  return g_steal_pointer (&matters);
}

GPtrArray *
tj_matter_list (TjDb    *db,
                int      year,
                gint64   meeting_id,
                GError **error)
{
  if (meeting_id != 0)
    return list_matters (db,
                         "m.date >= printf ('%04d-01-01', ?1) AND "
                         "m.date < printf ('%04d-01-01', ?1 + 1) AND mt.meeting_id = ?2",
                         year, meeting_id, error);
  return list_matters (db,
                       "m.date >= printf ('%04d-01-01', ?1) AND "
                       "m.date < printf ('%04d-01-01', ?1 + 1) AND ?2 = 0",
                       year, 0, error);
}

/* The extensions sql selects (matter id, id, new deadline, approved) by matter, year bound to
 * its ?1 if it has one, for the rule of the deadline in force (in C, once): matter id →
 * GPtrArray of TjMatterExtension; NULL when they cannot be read. */
static GHashTable *
extensions_read (TjDb       *db,
                 const char *sql,
                 int         year,
                 GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, error);
  g_autoptr (GHashTable) extensions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                             (GDestroyNotify) g_ptr_array_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  /* a statement of every year's matters has no year to bind */
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjMatterExtension *extension = tj_matter_extension_new ();
      gint64 matter_id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list;

      extension->id = sqlite3_column_int64 (stmt, 1);
      extension->new_deadline = tj_db_column_dup (stmt, 2);
      extension->approved = tj_db_column_dup (stmt, 3);
      list = g_hash_table_lookup (extensions, &matter_id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
          g_hash_table_insert (extensions, g_memdup2 (&matter_id, sizeof matter_id), list);
        }
      g_ptr_array_add (list, extension);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&extensions);
}

#define YEAR_CONDITION \
  "m.date >= printf ('%04d-01-01', ?1) AND m.date < printf ('%04d-01-01', ?1 + 1)"
/* The last report on or before ?2 (NULL: none): of its latest date, the one entered last; by
 * two aggregates, not ORDER BY … LIMIT 1, a sort opened for every matter (a fifth of the read
 * of 20,000 matters). */
#define LATEST_REPORT                                                                          \
  "LEFT JOIN matter_reports r ON ?2 IS NOT NULL AND r.id = "                                   \
  "(SELECT max (r2.id) FROM matter_reports r2 WHERE r2.matter_id = mt.id AND r2.date = "       \
  "(SELECT max (r3.date) FROM matter_reports r3 WHERE r3.matter_id = mt.id AND r3.date <= ?2)) "

gboolean
tj_matter_foreach (TjDb            *db,
                   int              year,
                   const char      *report_until,
                   gboolean         project_names,
                   TjMatterRowFunc  func,
                   gpointer         data,
                   GError         **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) extensions = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* the few extensions first */
  extensions = extensions_read (db,
                                "SELECT x.matter_id, x.id, x.new_deadline, x.approved "
                                "FROM matter_extensions x JOIN matters mt ON mt.id = x.matter_id "
                                "JOIN meetings m ON m.id = mt.meeting_id WHERE " YEAR_CONDITION
                                " ORDER BY x.matter_id, x.requested, x.id",
                                year, error);
  if (extensions == NULL)
    return FALSE;

  /* without the project's names, not even a look at the project's row (a third of the read) */
  stmt = tj_db_prepare (db,
                        project_names
                          ? "SELECT mt.id, mt.project_id, m.kind, m.date, m.name, mt.content, "
                            "p.name, l.name, ld.name, u.name, mt.person, mt.assigned, "
                            "mt.deadline, mt.finished, r.date, r.text " MATTER_JOINS
                            LATEST_REPORT
                            "WHERE " YEAR_CONDITION " ORDER BY m.date, m.id, mt.id"
                          : "SELECT mt.id, mt.project_id, m.kind, m.date, m.name, mt.content, "
                            "NULL, NULL, ld.name, u.name, mt.person, mt.assigned, mt.deadline, "
                            "mt.finished, r.date, r.text "
                            "FROM matters mt JOIN meetings m ON m.id = mt.meeting_id "
                            "LEFT JOIN people ld ON ld.id = mt.leader_id "
                            "LEFT JOIN units u ON u.id = mt.unit_id "
                            LATEST_REPORT
                            "WHERE " YEAR_CONDITION " ORDER BY m.date, m.id, mt.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, report_until, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);
      TjMatterRow row = { 0 };
      int c = 0;

      row.id = sqlite3_column_int64 (stmt, c++);
      row.project_id = sqlite3_column_int64 (stmt, c++);
      c++;
      row.meeting_kind = TJ_MEETING_MONTHLY;
      for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kind_codes); i++)
        if (strcmp (kind, kind_codes[i]) == 0)
          row.meeting_kind = i;
      row.meeting_date = (const char *) sqlite3_column_text (stmt, c++);
      row.meeting_name = (const char *) sqlite3_column_text (stmt, c++);
      row.content = (const char *) sqlite3_column_text (stmt, c++);
      row.project_name = (const char *) sqlite3_column_text (stmt, c++);
      row.locality_name = (const char *) sqlite3_column_text (stmt, c++);
      row.leader_name = (const char *) sqlite3_column_text (stmt, c++);
      row.unit_name = (const char *) sqlite3_column_text (stmt, c++);
      row.person = (const char *) sqlite3_column_text (stmt, c++);
      row.assigned = (const char *) sqlite3_column_text (stmt, c++);
      row.deadline = (const char *) sqlite3_column_text (stmt, c++);
      row.finished = (const char *) sqlite3_column_text (stmt, c++);
      row.report_date = (const char *) sqlite3_column_text (stmt, c++);
      row.report_text = (const char *) sqlite3_column_text (stmt, c++);
      row.deadline_in_force = deadline_in_force_until (row.deadline,
                                                       g_hash_table_lookup (extensions, &row.id),
                                                       NULL, NULL);
      if (!func (&row, data, error))
        return FALSE;
    }
  return tj_db_rows_done (db, rc, error);
}

/* Every matter of every meeting with only what the ranking counts: its project, its responsible
 * unit's name, its deadline in force (deadline_in_force_until, as tj_matter_foreach) and its
 * finish date, in one read of the matters and one of the extensions. */
gboolean
tj_matter_foreach_dated (TjDb             *db,
                         TjMatterDatedFunc func,
                         gpointer          data,
                         GError          **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) extensions = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  extensions = extensions_read (db,
                                "SELECT x.matter_id, x.id, x.new_deadline, x.approved "
                                "FROM matter_extensions x "
                                "ORDER BY x.matter_id, x.requested, x.id",
                                0, error);
  if (extensions == NULL)
    return FALSE;

  stmt = tj_db_prepare (db,
                        "SELECT mt.id, mt.project_id, u.name, mt.deadline, mt.finished "
                        "FROM matters mt JOIN meetings m ON m.id = mt.meeting_id "
                        "LEFT JOIN units u ON u.id = mt.unit_id WHERE m.date IS NOT NULL",
                        error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *in_force;

      in_force = deadline_in_force_until ((const char *) sqlite3_column_text (stmt, 3),
                                          g_hash_table_lookup (extensions, &id), NULL, NULL);
      func (sqlite3_column_int64 (stmt, 1), (const char *) sqlite3_column_text (stmt, 2),
            in_force, (const char *) sqlite3_column_text (stmt, 4), data);
    }
  return tj_db_rows_done (db, rc, error);
}

GPtrArray *
tj_matter_list_project (TjDb    *db,
                        gint64   project_id,
                        GError **error)
{
  return list_matters (db, "mt.project_id = ?1 AND ?2 = 0", project_id, 0, error);
}

TjMatter *
tj_matter_load (TjDb    *db,
                gint64   id,
                GError **error)
{
  g_autoptr (GPtrArray) matters = list_matters (db, "mt.id = ?1 AND ?2 = 0", id, 0, error);

  if (matters == NULL)
    return NULL;
  if (matters->len == 0)
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND,
                           _("The matter no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (matters, 0));
}

static gboolean
write_extensions (TjDb     *db,
                  TjMatter *matter,
                  GError  **error)
{
  if (!tj_db_delete_unlisted (db, "matter_extensions", "matter_id", matter->id,
                              matter->extensions, G_STRUCT_OFFSET (TjMatterExtension, id), error))
    return FALSE;
  for (guint i = 0; i < matter->extensions->len; i++)
    {
      TjMatterExtension *extension = g_ptr_array_index (matter->extensions, i);
      g_autoptr (TjCachedStmt) stmt = NULL;

      if (extension->id == 0)
        stmt = tj_db_prepare_cached (db,
                                     "INSERT INTO matter_extensions (requested, reason, "
                                     "new_deadline, approved_by, approved, matter_id) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                     error);
      else
        stmt = tj_db_prepare_cached (db,
                                     "UPDATE matter_extensions SET requested = ?1, reason = ?2, "
                                     "new_deadline = ?3, approved_by = ?4, approved = ?5 "
                                     "WHERE matter_id = ?6 AND id = ?7 AND (requested IS NOT ?1 "
                                     "OR reason IS NOT ?2 OR new_deadline IS NOT ?3 OR "
                                     "approved_by IS NOT ?4 OR approved IS NOT ?5)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, extension->requested, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, extension->reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, extension->new_deadline, -1, SQLITE_TRANSIENT);
      tj_db_bind_text_or_null (stmt, 4, extension->approved_by);
      tj_db_bind_text_or_null (stmt, 5, extension->approved);
      sqlite3_bind_int64 (stmt, 6, matter->id);
      if (extension->id != 0)
        sqlite3_bind_int64 (stmt, 7, extension->id);
      if (!tj_db_step_record (db, stmt, &extension->id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_reports (TjDb     *db,
               TjMatter *matter,
               GError  **error)
{
  if (!tj_db_delete_unlisted (db, "matter_reports", "matter_id", matter->id, matter->reports,
                              G_STRUCT_OFFSET (TjMatterReport, id), error))
    return FALSE;
  for (guint i = 0; i < matter->reports->len; i++)
    {
      TjMatterReport *report = g_ptr_array_index (matter->reports, i);
      g_autoptr (TjCachedStmt) stmt = NULL;

      if (report->id == 0)
        stmt = tj_db_prepare_cached (db,
                                     "INSERT INTO matter_reports (date, text, matter_id) "
                                     "VALUES (?1, ?2, ?3)",
                                     error);
      else
        stmt = tj_db_prepare_cached (db,
                                     "UPDATE matter_reports SET date = ?1, text = ?2 "
                                     "WHERE matter_id = ?3 AND id = ?4 AND "
                                     "(date IS NOT ?1 OR text IS NOT ?2)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, report->date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, report->text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, matter->id);
      if (report->id != 0)
        sqlite3_bind_int64 (stmt, 4, report->id);
      if (!tj_db_step_record (db, stmt, &report->id, error))
        return FALSE;
    }
  return TRUE;
}

/* Validates, then inserts or updates the matter, its extensions and its reports (when loaded),
 * inside the caller's transaction. */
gboolean
tj_matter_write (TjDb     *db,
                 TjMatter *matter,
                 GError  **error)
{
  g_autoptr (GPtrArray) problems = tj_matter_validate (matter, db);
  g_autoptr (TjCachedStmt) stmt = NULL;
  int c = 1;

  if (!tj_problems_to_error (problems, error))
    return FALSE;
  if (matter->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO matters (meeting_id, content, project_id, "
                                 "leader_id, unit_id, person, assigned, deadline, finished, "
                                 "result, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                 "?8, ?9, ?10, tj_now (), tj_now ())",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE matters SET meeting_id = ?1, content = ?2, "
                                 "project_id = ?3, leader_id = ?4, unit_id = ?5, person = ?6, "
                                 "assigned = ?7, deadline = ?8, finished = ?9, result = ?10, "
                                 "updated = tj_now () WHERE id = ?11 AND (meeting_id IS NOT ?1 "
                                 "OR content IS NOT ?2 OR project_id IS NOT ?3 OR "
                                 "leader_id IS NOT ?4 OR unit_id IS NOT ?5 OR person IS NOT ?6 "
                                 "OR assigned IS NOT ?7 OR deadline IS NOT ?8 OR "
                                 "finished IS NOT ?9 OR result IS NOT ?10)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, c++, matter->meeting_id);
  sqlite3_bind_text (stmt, c++, matter->content, -1, SQLITE_TRANSIENT);
  tj_db_bind_id_or_null (stmt, c++, matter->project_id);
  tj_db_bind_id_or_null (stmt, c++, matter->leader_id);
  sqlite3_bind_int64 (stmt, c++, matter->unit_id);
  tj_db_bind_text_or_null (stmt, c++, matter->person);
  sqlite3_bind_text (stmt, c++, matter->assigned, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, c++, matter->deadline, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, c++, matter->finished);
  tj_db_bind_text_or_null (stmt, c++, matter->result);
  if (matter->id != 0)
    sqlite3_bind_int64 (stmt, c++, matter->id);
  if (!tj_db_step_record (db, stmt, &matter->id, error))
    return FALSE;
  if (matter->extensions != NULL && !write_extensions (db, matter, error))
    return FALSE;
  if (matter->reports != NULL && !write_reports (db, matter, error))
    return FALSE;
  if (matter->extensions != NULL)
    {
      g_free (matter->deadline_in_force);
      matter->deadline_in_force = tj_matter_deadline_in_force (matter->deadline,
                                                               matter->extensions);
    }
  return TRUE;
}

gboolean
tj_matter_save (TjDb     *db,
                TjMatter *matter,
                GError  **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_MATTER (matter), FALSE);

  return tj_db_save_record (db, (TjDbWriteFunc) tj_matter_write, matter, error);
}

gboolean
tj_matter_delete (TjDb    *db,
                  gint64   id,
                  GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return tj_db_delete_row (db, "DELETE FROM matters WHERE id = ?", id, error);
}

TjDeletion *
tj_matter_delete_undoable (TjDb    *db,
                           gint64   id,
                           GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  return tj_delete_undoable (db, matter_tables, "DELETE FROM matters WHERE id = ?", id,
                             _("The matter no longer exists."),
                             _("The matter cannot be put back: its meeting has been deleted since. "
                               "Nothing was changed."),
                             error);
}
