/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-unit"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-error.h"
#include "tj-problem.h"
#include "tj-unit.h"

G_DEFINE_FINAL_TYPE (TjUnit, tj_unit, G_TYPE_OBJECT)

static const char *const kind_codes[TJ_UNIT_N_KINDS] = {
  "subdistrict", "town", "township", "district", "department",
};

static const char *const kind_labels[TJ_UNIT_N_KINDS] = {
  N_("Subdistrict"), N_("Town"), N_("Township"), N_("District"), N_("Department"),
};

static void
tj_unit_finalize (GObject *object)
{
  TjUnit *self = TJ_UNIT (object);

  g_free (self->name);
  G_OBJECT_CLASS (tj_unit_parent_class)->finalize (object);
}

static void
tj_unit_class_init (TjUnitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_unit_finalize;
}

static void
tj_unit_init (TjUnit *self)
{
  self->active = TRUE;
  self->kind = TJ_UNIT_DEPARTMENT;
}

TjUnit *
tj_unit_new (void)
{
  return g_object_new (TJ_TYPE_UNIT, NULL);
}

gboolean
tj_unit_is_locality (TjUnit *self)
{
  return self->kind != TJ_UNIT_DEPARTMENT;
}

/* Edit distance between two names, counted in characters (Levenshtein over code points). */
static guint
name_distance (const char *a,
               const char *b)
{
  glong n_a, n_b;
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, &n_a);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, &n_b);
  g_autofree guint *row = g_new (guint, n_b + 1);

  for (glong j = 0; j <= n_b; j++)
    row[j] = j;
  for (glong i = 1; i <= n_a; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= n_b; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (x[i - 1] != y[j - 1]));
          diagonal = above;
        }
    }
  return row[n_b];
}

/* How far candidate is from name, or G_MAXUINT when it is too far to be a slip of the keyboard
 * or the input method: at most one character in three differs. */
guint
tj_name_slip_distance (const char *name,
                       const char *candidate)
{
  guint allowed = MAX (1, g_utf8_strlen (name, -1) / 3);
  guint distance = name_distance (name, candidate);

  return distance > allowed ? G_MAXUINT : distance;
}

/* The known unit (a locality when asked) whose name is nearest to name, when it is near enough
 * to be a slip (tj_name_slip_distance). Ties go to the unit listed first. */
TjUnit *
tj_unit_nearest (GList      *units,
                 const char *name,
                 gboolean    locality)
{
  TjUnit *nearest = NULL;
  guint best = G_MAXUINT;

  for (GList *l = units; l != NULL; l = l->next)
    {
      TjUnit *unit = l->data;
      guint distance;

      if (locality && !tj_unit_is_locality (unit))
        continue;
      distance = tj_name_slip_distance (name, unit->name);
      if (distance == G_MAXUINT)
        continue;
      if (distance < best ||
          (distance == best && (unit->sort_order < nearest->sort_order ||
                                (unit->sort_order == nearest->sort_order && unit->id < nearest->id))))
        {
          nearest = unit;
          best = distance;
        }
    }
  return nearest;
}

/* Units are a short list the office keeps: an import creates none (a misspelt locality would
 * become a new one), it refuses a name not in the list, naming the nearest known one. */
char *
tj_unit_unknown_message (GList      *units,
                         const char *name,
                         gboolean    locality)
{
  TjUnit *nearest = tj_unit_nearest (units, name, locality);

  if (nearest != NULL)
    return g_strdup_printf (locality ? _("“%s” is not in the list of localities. Did you mean “%s”?")
                                     : _("“%s” is not in the list of units. Did you mean “%s”?"),
                            name, nearest->name);
  return g_strdup_printf (locality ? _("“%s” is not in the list of localities. If it is a new "
                                       "one, add it under Units and People first.")
                                   : _("“%s” is not in the list of units. If it is a new one, "
                                       "add it under Units and People first."),
                          name);
}

const char *
tj_unit_kind_label (TjUnitKind kind)
{
  g_return_val_if_fail (kind < TJ_UNIT_N_KINDS, NULL);
  return _(kind_labels[kind]);
}

const char *
tj_unit_kind_code (TjUnitKind kind)
{
  g_return_val_if_fail (kind < TJ_UNIT_N_KINDS, NULL);
  return kind_codes[kind];
}

static TjUnitKind
kind_from_code (const char *code)
{
  for (guint i = 0; i < TJ_UNIT_N_KINDS; i++)
    if (g_strcmp0 (code, kind_codes[i]) == 0)
      return i;
  return TJ_UNIT_DEPARTMENT;
}

GPtrArray *
tj_unit_validate (TjUnit *self,
                  TjDb   *db)
{
  GPtrArray *problems = tj_problems_new ();
  gint64 other;

  if (self->name == NULL || *g_strstrip (self->name) == '\0')
    tj_problems_add (problems, "name", "%s", _("The unit name is required."));
  else if ((other = tj_unit_find (db, self->name)) != 0 && other != self->id)
    tj_problems_add (problems, "name", _("A unit named “%s” already exists."), self->name);
  return problems;
}

GPtrArray *
tj_unit_list (TjDb    *db,
              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT id, name, kind, sort_order, active FROM units "
                        "ORDER BY sort_order, id",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjUnit *unit = tj_unit_new ();

      unit->id = sqlite3_column_int64 (stmt, 0);
      unit->name = tj_db_column_dup (stmt, 1);
      unit->kind = kind_from_code ((const char *) sqlite3_column_text (stmt, 2));
      unit->sort_order = sqlite3_column_int (stmt, 3);
      unit->active = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (units, unit);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&units);
}

gint64
tj_unit_find (TjDb       *db,
              const char *name)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, "SELECT id FROM units WHERE name = ?", NULL);

  if (stmt == NULL || name == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Inserts or updates without a transaction of its own: for callers that hold one. */
gboolean
tj_unit_write (TjDb    *db,
               TjUnit  *unit,
               GError **error)
{
  g_autoptr (GPtrArray) problems = tj_unit_validate (unit, db);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!tj_problems_to_error (problems, error))
    return FALSE;

  if (unit->id == 0)
    stmt = tj_db_prepare (db,
                          "INSERT INTO units (name, kind, sort_order, active) "
                          "VALUES (?1, ?2, coalesce (nullif (?3, 0), "
                          "(SELECT coalesce (max (sort_order), 0) + 1 FROM units)), ?4)",
                          error);
  else
    stmt = tj_db_prepare (db,
                          "UPDATE units SET name = ?1, kind = ?2, sort_order = ?3, active = ?4 "
                          "WHERE id = ?5",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, unit->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind_codes[unit->kind], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, unit->sort_order);
  sqlite3_bind_int (stmt, 4, unit->active ? 1 : 0);
  if (unit->id != 0)
    sqlite3_bind_int64 (stmt, 5, unit->id);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  if (unit->id == 0)
    unit->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  return TRUE;
}

gboolean
tj_unit_save (TjDb    *db,
              TjUnit  *unit,
              GError **error)
{
  return tj_db_save_record (db, (TjDbWriteFunc) tj_unit_write, unit, error);
}

/* Names what still refers to a unit, so that the refusal to delete it says by what. */
static char *
unit_references (TjDb  *db,
                 gint64 id)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  stmt = tj_db_prepare (db,
                        "SELECT (SELECT count(*) FROM projects WHERE locality_id = ?1 OR unit_id = ?1), "
                        "(SELECT group_concat (name, '、') FROM (SELECT name FROM projects "
                        "  WHERE locality_id = ?1 OR unit_id = ?1 ORDER BY year DESC, name LIMIT 3)), "
                        "(SELECT count(*) FROM people WHERE unit_id = ?1), "
                        "(SELECT group_concat (name, '、') FROM (SELECT name FROM people "
                        "  WHERE unit_id = ?1 ORDER BY name LIMIT 3))",
                        NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  if (sqlite3_column_int (stmt, 0) > 0)
    g_string_append_printf (text,
                            ngettext ("%d project (%s)", "%d projects (%s…)",
                                      sqlite3_column_int (stmt, 0)),
                            sqlite3_column_int (stmt, 0), sqlite3_column_text (stmt, 1));
  if (sqlite3_column_int (stmt, 2) > 0)
    {
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append_printf (text,
                              ngettext ("%d person (%s)", "%d people (%s…)",
                                        sqlite3_column_int (stmt, 2)),
                              sqlite3_column_int (stmt, 2), sqlite3_column_text (stmt, 3));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

gboolean
tj_unit_delete (TjDb    *db,
                gint64   id,
                GError **error)
{
  g_autofree char *references = NULL;

  if (!tj_db_begin (db, error))
    return FALSE;
  references = unit_references (db, id);
  if (references != NULL)
    {
      tj_db_rollback (db);
      g_set_error (error, TJ_ERROR, TJ_ERROR_IN_USE,
                   _("This unit cannot be deleted: it is still used by %s."), references);
      return FALSE;
    }
  if (!tj_db_exec_for_id (db, "DELETE FROM units WHERE id = ?", id, error) ||
      !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
