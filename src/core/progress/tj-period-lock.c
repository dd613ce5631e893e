/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-period-lock"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-date.h"
#include "tj-error.h"
#include "tj-period-lock.h"

/* Protecting issued figures. Issuing a month's bulletin (签发, with its date and the person who
 * issues it) locks the month's reports: the triggers of schema 4 refuse every insert, update
 * and delete of a monthly report of that month while its latest issue stands, whichever path
 * writes (the progress page, an import, deleting a project), and tj_db_set_error names it
 * TJ_ERROR_PERIOD_LOCKED. A change afterwards needs an explicit unlock with a reason; both are
 * rows of bulletin_issues, an audited table, so the log keeps who issued and who unlocked, when
 * and why.
 *
 * The issue keeps a digest of the bulletin's figures, to tell when they differ since: the months
 * before are not locked (a correction of September changes October's cumulative), nor are the
 * plans in the register. */

/* The digest's text starts with its version, so that a later digest of other figures is told
 * from this one. */
#define DIGEST_VERSION "tuijin-bulletin-figures-1"

void
tj_period_status_free (TjPeriodStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->issued_on);
  g_free (status->issued_by);
  g_free (status->unlocked_on);
  g_free (status->unlocked_by);
  g_free (status->unlock_reason);
  g_free (status);
}

/* The line the pages show under their header: who issued the month and when, and whether it
 * is locked or who unlocked it, why. NULL when the month was never issued. */
char *
tj_period_status_describe (const TjPeriodStatus *status)
{
  g_return_val_if_fail (status != NULL, NULL);

  if (!status->issued)
    return NULL;
  if (status->locked)
    /* Translators: "已于 2026-11-05 由 张三 签发，本月月报已锁定" */
    return g_strdup_printf (_("Issued on %1$s by %2$s; the month’s reports are locked"),
                            status->issued_on, status->issued_by);
  /* Translators: "已于 2026-11-05 由 张三 签发；李四 已于 2026-11-20 解锁，原因：统计局反馈数据
   * 更正" (the issue date, who issued, the unlock date, who unlocked, why) */
  return g_strdup_printf (_("Issued on %1$s by %2$s; unlocked on %3$s by %4$s, because: %5$s"),
                          status->issued_on, status->issued_by, status->unlocked_on,
                          status->unlocked_by != NULL ? status->unlocked_by : "",
                          status->unlock_reason);
}

static gboolean
check_month (int      year,
             int      month,
             GError **error)
{
  return tj_year_month_check (year, month, error);
}

/* One line of the digest's text: fields separated by U+001F, the line ended by U+001E, which
 * no name holds. */
static void
add_field (GString    *text,
           const char *field)
{
  if (text->len > 0 && text->str[text->len - 1] != '\x1e')
    g_string_append_c (text, '\x1f');
  g_string_append (text, field != NULL ? field : "\x1d");
}

static void
add_number (GString *text,
            gint64   value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  add_field (text, buffer);
}

static void
end_line (GString *text)
{
  g_string_append_c (text, '\x1e');
}

static void
add_figures (GString                 *text,
             const char              *kind,
             int                      index,
             const TjBulletinFigures *figures)
{
  add_field (text, kind);
  add_number (text, index);
  add_number (text, figures->count);
  add_number (text, figures->total_investment);
  add_number (text, figures->plan);
  add_number (text, figures->month_completed);
  add_number (text, figures->cumulative);
  add_number (text, figures->starts_due);
  add_number (text, figures->started);
  add_number (text, figures->completions_due);
  add_number (text, figures->completed);
  end_line (text);
}

/* SHA-256 over a canonical text of every figure of the bulletin: the thresholds of its lights,
 * each project's row (by id, with what groups it: level, nature, industry, locality) and the
 * totals of the list, of each level and of each nature. Rates, points and the sums by industry
 * and locality follow from these exactly; the text holds nothing the locale orders or words
 * (the order of localities, the name of "no industry"), so that the command line and the window
 * agree. */
char *
tj_period_bulletin_digest (TjBulletin *bulletin)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (bulletin != NULL, NULL);

  add_field (text, DIGEST_VERSION);
  add_number (text, bulletin->year);
  add_number (text, bulletin->month);
  add_number (text, bulletin->green_gap);
  add_number (text, bulletin->red_gap);
  add_number (text, bulletin->start_red_months);
  end_line (text);
  for (guint i = 0; i < bulletin->projects->len; i++)
    {
      const TjBulletinProject *p = &g_array_index (bulletin->projects, TjBulletinProject, i);

      add_field (text, "project");
      add_number (text, p->id);
      add_number (text, p->level);
      add_number (text, p->nature);
      add_field (text, p->industry);
      add_number (text, p->locality_id);
      add_number (text, p->total_investment);
      add_number (text, p->plan);
      add_number (text, p->reported);
      add_number (text, p->month_completed);
      add_number (text, p->cumulative);
      add_number (text, p->started);
      add_number (text, p->start_due);
      add_number (text, p->early_start);
      add_number (text, p->completion_due);
      add_number (text, p->completed);
      add_number (text, p->in_statistics);
      add_number (text, p->months_late);
      add_number (text, p->investment_light);
      add_number (text, p->start_light);
      add_number (text, p->light);
      end_line (text);
    }
  add_figures (text, "overall", 0, &bulletin->overall);
  for (int i = 0; i < TJ_LEVEL_N; i++)
    add_figures (text, "level", i, &bulletin->levels[i]);
  for (int i = 0; i < TJ_NATURE_N; i++)
    add_figures (text, "nature", i, &bulletin->natures[i]);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
}

/* "2026-10": how bulletin_issues keys a month. */
static char *
month_key (int year,
           int month)
{
  return g_strdup_printf ("%04d-%02d", year, month);
}

/* The month's standing issue: its latest, into *standing (issued FALSE when there is none), and
 * the digest of the figures it issued into *figures when asked. FALSE on a failed read. */
static gboolean
load_standing (TjDb            *db,
               int              year,
               int              month,
               TjPeriodStatus **standing,
               char           **figures,
               GError         **error)
{
  g_autoptr (TjPeriodStatus) status = g_new0 (TjPeriodStatus, 1);
  g_autofree char *month_text = month_key (year, month);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  *standing = NULL;
  stmt = tj_db_prepare (db,
                        "SELECT issued_on, issued_by, figures, unlocked_on, unlocked_by, "
                        "unlock_reason FROM bulletin_issues WHERE month = ? "
                        "ORDER BY id DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, month_text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return FALSE;
    }
  if (rc == SQLITE_ROW)
    {
      status->issued = TRUE;
      status->issued_on = tj_db_column_dup (stmt, 0);
      status->issued_by = tj_db_column_dup (stmt, 1);
      if (figures != NULL)
        *figures = tj_db_column_dup (stmt, 2);
      status->unlocked_on = tj_db_column_dup (stmt, 3);
      status->unlocked_by = tj_db_column_dup (stmt, 4);
      status->unlock_reason = tj_db_column_dup (stmt, 5);
      status->locked = status->unlocked_on == NULL;
    }
  *standing = g_steal_pointer (&status);
  return TRUE;
}

/* Runs one statement whose parameters are the texts given, in order. */
static gboolean
run_with_texts (TjDb              *db,
                const char        *sql,
                const char *const *texts,
                guint              n_texts,
                GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_texts; i++)
    sqlite3_bind_text (stmt, i + 1, texts[i], -1, SQLITE_STATIC);
  return tj_db_step_done (db, stmt, error);
}

/* The write of an issue or an unlock, given the month's standing issue as read inside the
 * transaction. */
typedef gboolean (*PeriodWrite) (TjDb                 *db,
                                 int                   year,
                                 int                   month,
                                 const TjPeriodStatus *standing,
                                 gpointer              data,
                                 GError              **error);

/* One transaction around a change of the month's issue: the standing issue read, write, and
 * the commit, or nothing. */
static gboolean
change_period (TjDb       *db,
               int         year,
               int         month,
               PeriodWrite write,
               gpointer    data,
               GError    **error)
{
  g_autoptr (TjPeriodStatus) standing = NULL;

  if (!tj_db_begin (db, error))
    return FALSE;
  if (!load_standing (db, year, month, &standing, NULL, error) ||
      !write (db, year, month, standing, data, error) || !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Where the month's bulletin stands. compare: tell whether the figures now differ from those
 * issued, from current (the month's bulletin the caller has built; NULL to build it here). */
gboolean
tj_period_status_full (TjDb            *db,
                       int              year,
                       int              month,
                       TjBulletin      *current,
                       gboolean         compare,
                       TjPeriodStatus **status,
                       GError         **error)
{
  g_autoptr (TjPeriodStatus) result = NULL;
  g_autofree char *figures = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  g_return_val_if_fail (current == NULL || (current->year == year && current->month == month),
                        FALSE);

  *status = NULL;
  if (!check_month (year, month, error))
    return FALSE;
  /* One read transaction (none, or the caller's): the issue and the figures of one moment. */
  if (!tj_db_exec (db, "SAVEPOINT tj_period_status", error))
    return FALSE;
  if (!load_standing (db, year, month, &result, &figures, error))
    goto fail;
  if (result->issued && compare)
    {
      g_autoptr (TjBulletin) built = NULL;
      g_autofree char *digest = NULL;

      if (current == NULL)
        {
          built = tj_bulletin_build (db, year, month, error);
          if (built == NULL)
            goto fail;
        }
      digest = tj_period_bulletin_digest (current != NULL ? current : built);
      result->differs = g_strcmp0 (digest, figures) != 0;
    }
  if (!tj_db_exec (db, "RELEASE tj_period_status", error))
    goto fail;
  *status = g_steal_pointer (&result);
  return TRUE;

fail:
  tj_db_exec (db, "ROLLBACK TO tj_period_status", NULL);
  tj_db_exec (db, "RELEASE tj_period_status", NULL);
  return FALSE;
}

/* Where the month's bulletin stands, and whether its figures now differ from those issued. */
gboolean
tj_period_status (TjDb            *db,
                  int              year,
                  int              month,
                  TjPeriodStatus **status,
                  GError         **error)
{
  return tj_period_status_full (db, year, month, NULL, TRUE, status, error);
}

/* What an issue needs, checked before the database is: a month Tuijin keeps, a person, a date
 * (any way tj_date_parse reads one) not before the month. *date: the date as ISO. */
gboolean
tj_period_check_issue (int         year,
                       int         month,
                       const char *issued_on,
                       const char *issued_by,
                       char      **date,
                       GError    **error)
{
  g_autofree char *person = g_strstrip (g_strdup (issued_by != NULL ? issued_by : ""));
  g_autofree char *iso = NULL;
  g_autoptr (GError) local = NULL;

  if (date != NULL)
    *date = NULL;
  if (!check_month (year, month, error))
    return FALSE;
  if (*person == '\0')
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID,
                           _("Issued by: enter the name of the person who issues the bulletin."));
      return FALSE;
    }
  iso = tj_date_parse (issued_on != NULL ? issued_on : "", &local);
  if (iso == NULL)
    {
      /* Translators: the field, then what is wrong with the date typed */
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("Issue date: %s"), local->message);
      return FALSE;
    }
  if (tj_month_index (iso) < year * 12 + month - 1)
    {
      /* Translators: "签发日期：2026-09-30 早于通报所属的 2026年10月。" */
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Issue date: %1$s is before %2$d-%3$02d, the month of the bulletin."), iso,
                   year, month);
      return FALSE;
    }
  if (date != NULL)
    *date = g_steal_pointer (&iso);
  return TRUE;
}

typedef struct
{
  const char *date;
  const char *person;
} Issue;

static gboolean
write_issue (TjDb                 *db,
             int                   year,
             int                   month,
             const TjPeriodStatus *standing,
             gpointer              data,
             GError              **error)
{
  const Issue *issue = data;
  g_autoptr (TjBulletin) bulletin = NULL;
  g_autofree char *month_text = month_key (year, month);
  g_autofree char *digest = NULL;

  if (standing->locked)
    {
      /* Translators: "2026年10月的通报已于 2026-11-05 由 张三 签发，如需重新签发，请先解锁。" */
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("The bulletin of %1$d-%2$02d was already issued on %3$s by %4$s. Unlock it "
                     "first to issue it again."),
                   year, month, standing->issued_on, standing->issued_by);
      return FALSE;
    }
  /* Built inside the transaction: the figures kept are those of the moment the lock begins. */
  bulletin = tj_bulletin_build (db, year, month, error);
  if (bulletin == NULL)
    return FALSE;
  digest = tj_period_bulletin_digest (bulletin);
  return run_with_texts (db,
                         "INSERT INTO bulletin_issues (month, issued_on, issued_by, figures) "
                         "VALUES (?, ?, ?, ?)",
                         (const char *const[]) { month_text, issue->date, issue->person, digest },
                         4, error);
}

/* Issues the bulletin of month `month` of `year` (签发): on issued_on (any way tj_date_parse
 * reads a date; not before the month), by issued_by, a name. The month's reports are locked
 * from then on. Refused while an issue of the month stands. */
gboolean
tj_period_issue (TjDb       *db,
                 int         year,
                 int         month,
                 const char *issued_on,
                 const char *issued_by,
                 GError    **error)
{
  g_autofree char *person = g_strstrip (g_strdup (issued_by != NULL ? issued_by : ""));
  g_autofree char *date = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if (!tj_period_check_issue (year, month, issued_on, issued_by, &date, error))
    return FALSE;
  return change_period (db, year, month, write_issue, &(Issue) { date, person }, error);
}

typedef struct
{
  const char *person;
  const char *reason;
} Unlock;

static gboolean
write_unlock (TjDb                 *db,
              int                   year,
              int                   month,
              const TjPeriodStatus *standing,
              gpointer              data,
              GError              **error)
{
  const Unlock *unlock = data;
  g_autofree char *month_text = month_key (year, month);
  g_autofree char *today = tj_date_today ();

  if (!standing->locked)
    {
      /* Translators: "2026年10月的通报未签发，没有需要解锁的月报。" */
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("The bulletin of %d-%02d is not issued: there is nothing to unlock."), year,
                   month);
      return FALSE;
    }
  return run_with_texts (db,
                         "UPDATE bulletin_issues SET unlocked_on = ?, unlocked_by = ?, "
                         "unlock_reason = ? WHERE month = ? AND unlocked_on IS NULL",
                         (const char *const[]) { today, unlock->person, unlock->reason,
                                                 month_text },
                         4, error);
}

/* Unlocks the month's issued bulletin, today, by unlocked_by, for reason: both required. The
 * issue stays on record with its digest; the audit log keeps the unlock. */
gboolean
tj_period_unlock (TjDb       *db,
                  int         year,
                  int         month,
                  const char *unlocked_by,
                  const char *reason,
                  GError    **error)
{
  g_autofree char *person = g_strstrip (g_strdup (unlocked_by != NULL ? unlocked_by : ""));
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if (!check_month (year, month, error))
    return FALSE;
  if (*why == '\0')
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID,
                           _("Reason for unlocking: enter why the month’s reports must change."));
      return FALSE;
    }
  if (*person == '\0')
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID,
                           _("Unlocked by: enter the name of the person who unlocks the month."));
      return FALSE;
    }
  return change_period (db, year, month, write_unlock, &(Unlock) { person, why }, error);
}

/* How many reports of the month an issue would lock: those of the projects of year's list. */
gboolean
tj_period_count_reports (TjDb    *db,
                         int      year,
                         int      month,
                         guint   *count,
                         GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  *count = 0;
  if (!check_month (year, month, error))
    return FALSE;
  stmt = tj_db_prepare (db,
                        "SELECT count(*) FROM monthly_reports m JOIN projects p "
                        "ON p.id = m.project_id WHERE p.year = ? AND m.month = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tj_db_set_error (db, error);
      return FALSE;
    }
  *count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}
