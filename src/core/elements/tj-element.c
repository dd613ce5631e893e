/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-element"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-db-children.h"
#include "tj-element.h"
#include "tj-error.h"
#include "tj-field.h"
#include "tj-money.h"
#include "tj-problem.h"

/* 要素保障 (issue 10, policy 七). One table for funds and quotas alike: a need, what was
 * secured of it, the dates of both. */

static const struct
{
  const char *key;
  const char *label;
  const char *unit;
} kinds[TJ_N_ELEMENT_KINDS] = {
  [TJ_ELEMENT_CENTRAL] = { "central", N_("Central funds"), N_("10k yuan") },
  [TJ_ELEMENT_PROVINCE] = { "province", N_("Provincial funds"), N_("10k yuan") },
  [TJ_ELEMENT_ZHENGZHOU] = { "zhengzhou", N_("Zhengzhou city funds"), N_("10k yuan") },
  [TJ_ELEMENT_BOND] = { "bond", N_("Bonds"), N_("10k yuan") },
  [TJ_ELEMENT_LOAN] = { "loan", N_("Bank loans"), N_("10k yuan") },
  [TJ_ELEMENT_PRIVATE] = { "private", N_("Private capital"), N_("10k yuan") },
  [TJ_ELEMENT_LAND] = { "land", N_("Land quota"), N_("mu") },
  [TJ_ELEMENT_ENERGY] = { "energy", N_("Energy quota"), N_("tonnes of standard coal") },
  [TJ_ELEMENT_EMISSION] = { "emission", N_("Emission quota"), N_("tonnes") },
};

/* A quota's stored hundredths in the yuan that tj-money reads and writes as 万元: one parser and
 * one format for every exact decimal amount. */
#define HUNDREDTHS_IN_YUAN (TJ_YUAN_PER_WAN / 100)

gboolean
tj_element_kind_is_fund (TjElementKind kind)
{
  return kind < TJ_ELEMENT_LAND;
}

const char *
tj_element_kind_label (TjElementKind kind)
{
  g_return_val_if_fail (kind < TJ_N_ELEMENT_KINDS, "");
  return _(kinds[kind].label);
}

const char *
tj_element_kind_unit (TjElementKind kind)
{
  g_return_val_if_fail (kind < TJ_N_ELEMENT_KINDS, "");
  return _(kinds[kind].unit);
}

const char *
tj_element_kind_key (TjElementKind kind)
{
  g_return_val_if_fail (kind < TJ_N_ELEMENT_KINDS, "");
  return kinds[kind].key;
}

gboolean
tj_element_kind_parse (const char    *text,
                       TjElementKind *kind)
{
  for (guint i = 0; text != NULL && i < TJ_N_ELEMENT_KINDS; i++)
    if (g_str_equal (text, kinds[i].key) || g_str_equal (text, _(kinds[i].label)))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
tj_element_parse_amount (TjElementKind kind,
                         const char   *text,
                         gint64       *amount,
                         GError      **error)
{
  gint64 yuan;

  if (!tj_money_parse_wan (text, &yuan, error))
    return FALSE;
  if (yuan < 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("“%s” is negative"), text);
      return FALSE;
    }
  if (tj_element_kind_is_fund (kind))
    {
      *amount = yuan;
      return TRUE;
    }
  if (yuan % HUNDREDTHS_IN_YUAN != 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("“%s” has more than 2 decimals"), text);
      return FALSE;
    }
  *amount = yuan / HUNDREDTHS_IN_YUAN;
  return TRUE;
}

char *
tj_element_format_amount (TjElementKind kind,
                          gint64        amount)
{
  if (tj_element_kind_is_fund (kind))
    return tj_money_format_wan (amount, 2, TRUE);
  return tj_money_format_wan (amount * HUNDREDTHS_IN_YUAN, 2, TRUE);
}

TjElement *
tj_element_new (gint64        project_id,
                TjElementKind kind)
{
  TjElement *self = g_new0 (TjElement, 1);

  self->project_id = project_id;
  self->kind = kind;
  return self;
}

TjElement *
tj_element_copy (const TjElement *self)
{
  TjElement *copy = g_memdup2 (self, sizeof *self);

  copy->needed_date = g_strdup (self->needed_date);
  copy->secured_date = g_strdup (self->secured_date);
  copy->note = g_strdup (self->note);
  return copy;
}

void
tj_element_free (TjElement *self)
{
  if (self == NULL)
    return;
  g_free (self->needed_date);
  g_free (self->secured_date);
  g_free (self->note);
  g_free (self);
}

/* The field labels: 申请/需求 and 到位/已保障, as the form shows them. */
static const char *
needed_label (TjElementKind kind)
{
  return tj_element_kind_is_fund (kind) ? _("Amount sought") : _("Amount needed");
}

static const char *
secured_label (TjElementKind kind)
{
  return tj_element_kind_is_fund (kind) ? _("Amount secured") : _("Amount allocated");
}

void
tj_element_set_amounts (TjElement  *self,
                        const char *needed,
                        const char *secured,
                        GPtrArray  *problems)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *secured_text = g_strstrip (g_strdup (secured != NULL ? secured : ""));

  if (!tj_element_parse_amount (self->kind, needed != NULL ? needed : "", &self->needed, &local))
    /* Translators: "申请金额：“abc”不是金额" */
    tj_problems_add (problems, "needed", _("%s: %s"), needed_label (self->kind), local->message);
  g_clear_error (&local);
  if (*secured_text == '\0')
    self->secured = 0;
  else if (!tj_element_parse_amount (self->kind, secured_text, &self->secured, &local))
    tj_problems_add (problems, "secured", _("%s: %s"), secured_label (self->kind),
                     local->message);
}

void
tj_element_validate (TjElement *self,
                     GPtrArray *problems)
{
  gboolean dates_ok;

  g_return_if_fail (self != NULL && problems != NULL);

  if (self->kind >= TJ_N_ELEMENT_KINDS)
    tj_problems_add (problems, "kind", _("The kind of need is required."));
  dates_ok = tj_field_tidy_date (problems, "needed_date", _("Date of the request"),
                                 &self->needed_date);
  dates_ok = tj_field_tidy_date (problems, "secured_date", _("Date secured"),
                                 &self->secured_date) && dates_ok;
  tj_field_tidy_text (&self->note);
  if (self->needed <= 0)
    tj_problems_add (problems, "needed", _("%s must be more than 0."), needed_label (self->kind));
  if (self->needed_date == NULL && dates_ok)
    tj_problems_add (problems, "needed_date", _("The date of the request is required."));
  if (self->secured < 0)
    tj_problems_add (problems, "secured", _("%s cannot be negative."),
                     secured_label (self->kind));
  else if (self->secured > self->needed && self->needed > 0)
    {
      g_autofree char *needed = tj_element_format_amount (self->kind, self->needed);

      /* Translators: "到位金额不能超过申请金额（120.00万元）；多争取到的请先调高申请金额。" */
      tj_problems_add (problems, "secured",
                       _("%1$s cannot exceed %2$s (%3$s %4$s); raise %2$s first if more was "
                         "secured."),
                       secured_label (self->kind), needed_label (self->kind), needed,
                       tj_element_kind_unit (self->kind));
    }
  if (self->secured > 0 && self->secured_date == NULL && dates_ok)
    tj_problems_add (problems, "secured_date",
                     _("The date secured is required when an amount is secured."));
  if (self->secured_date != NULL && self->needed_date != NULL &&
      strcmp (self->secured_date, self->needed_date) < 0)
    tj_problems_add (problems, "secured_date",
                     _("The date secured cannot be before the date of the request (%s)."),
                     self->needed_date);
}

static gboolean
write_element (TjDb     *db,
               gpointer  record,
               GError  **error)
{
  return tj_element_write (db, record, error);
}

/* Validates, then inserts (setting id) or updates inside the caller's transaction (an
 * import's, the demo's fill). */
gboolean
tj_element_write (TjDb      *db,
                  TjElement *self,
                  GError   **error)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  sqlite3_stmt *stmt;
  int c = 1;

  tj_element_validate (self, problems);
  if (!tj_problems_to_error (problems, error))
    return FALSE;
  if (self->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO project_elements (project_id, kind, needed, "
                                 "needed_date, secured, secured_date, note) VALUES "
                                 "(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE project_elements SET project_id = ?1, kind = ?2, "
                                 "needed = ?3, needed_date = ?4, secured = ?5, "
                                 "secured_date = ?6, note = ?7, updated = strftime "
                                 "('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?8",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, c++, self->project_id);
  sqlite3_bind_text (stmt, c++, tj_element_kind_key (self->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, c++, self->needed);
  sqlite3_bind_text (stmt, c++, self->needed_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, c++, self->secured);
  tj_db_bind_text_or_null (stmt, c++, self->secured_date);
  tj_db_bind_text_or_null (stmt, c++, self->note);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, c++, self->id);
  return tj_db_step_record (db, stmt, &self->id, error);
}

gboolean
tj_element_save (TjDb      *db,
                 TjElement *self,
                 GError   **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  return tj_db_save_record (db, write_element, self, error);
}

GPtrArray *
tj_elements_load (TjDb    *db,
                  gint64   project_id,
                  GError **error)
{
  g_autoptr (GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_element_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db,
                        "SELECT id, kind, needed, needed_date, secured, secured_date, note "
                        "FROM project_elements WHERE project_id = ? ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjElementKind kind;
      TjElement *element;

      if (!tj_element_kind_parse ((const char *) sqlite3_column_text (stmt, 1), &kind))
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("A need of the project has an unknown kind: “%s”."),
                       (const char *) sqlite3_column_text (stmt, 1));
          return NULL;
        }
      element = tj_element_new (project_id, kind);
      element->id = sqlite3_column_int64 (stmt, 0);
      element->needed = sqlite3_column_int64 (stmt, 2);
      element->needed_date = tj_db_column_dup (stmt, 3);
      element->secured = sqlite3_column_int64 (stmt, 4);
      element->secured_date = tj_db_column_dup (stmt, 5);
      element->note = tj_db_column_dup (stmt, 6);
      g_ptr_array_add (elements, element);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&elements);
}

TjDeletion *
tj_element_delete_undoable (TjDb    *db,
                            gint64   id,
                            GError **error)
{
  static const char *const tables[] = { "project_elements", NULL };

  return tj_delete_undoable (db, tables, "DELETE FROM project_elements WHERE id = ?", id,
                             _("The need no longer exists."),
                             _("The need cannot be put back: its project has been deleted "
                               "since. Nothing was changed."),
                             error);
}
