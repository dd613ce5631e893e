/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-limits"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-limits.h"
#include "tj-money.h"
#include "tj-problem.h"

#define YUAN_PER_WAN_YI G_GINT64_CONSTANT (1000000000000) /* 1 万亿元 */

/* The longest text of each field, in characters. A name or a heading fits a line of a table;
 * what describes (建设规模及内容, notes, a month's progress and problems) a short page. Any
 * other field: TEXT_DEFAULT_MAX. tj_project_validate checks a project's texts; tj_progress_save
 * and the month's import check the month's texts (progress, problems, next_steps). */
static const struct
{
  const char *field;
  guint max;
} text_limits[] = {
  { "name", 200 },      { "content", 2000 },  { "notes", 2000 },
  { "progress", 2000 }, { "problems", 2000 }, { "next_steps", 2000 },
};
#define TEXT_DEFAULT_MAX 200

/* The bound of amounts: the setting max_amount (万元) when it is an amount above 0, at most
 * TJ_LIMITS_MAX_AMOUNT_CEILING; otherwise TJ_LIMITS_MAX_AMOUNT_DEFAULT. */
gint64
tj_limits_max_amount (TjDb *db)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  const char *text;
  gint64 yuan = 0;

  g_return_val_if_fail (TJ_IS_DB (db), TJ_LIMITS_MAX_AMOUNT_DEFAULT);

  /* Kept prepared: an import of thousands of rows asks once a row. */
  stmt = tj_db_prepare_cached (
    db, "SELECT value FROM settings WHERE key = '" TJ_LIMITS_MAX_AMOUNT_KEY "'", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW ||
      (text = (const char *) sqlite3_column_text (stmt, 0)) == NULL ||
      !tj_money_parse_wan (text, &yuan, NULL) || yuan <= 0)
    return TJ_LIMITS_MAX_AMOUNT_DEFAULT;
  return MIN (yuan, TJ_LIMITS_MAX_AMOUNT_CEILING);
}

/* "1 万亿元", "5000 亿元", "12.5 万元": a bound as a person reads it. */
char *
tj_limits_format_amount (gint64 yuan)
{
  g_autofree char *number = NULL;
  char *point;

  if (yuan != 0 && yuan % YUAN_PER_WAN_YI == 0)
    {
      number = g_strdup_printf ("%" G_GINT64_FORMAT, yuan / YUAN_PER_WAN_YI);
      /* Translators: an amount in 万亿元 (10^12 yuan), as in "1 万亿元" */
      return g_strdup_printf (_("%s trillion yuan"), number);
    }
  if (yuan != 0 && yuan % TJ_YUAN_PER_YI == 0)
    {
      number = g_strdup_printf ("%" G_GINT64_FORMAT, yuan / TJ_YUAN_PER_YI);
      /* Translators: an amount in 亿元 (10^8 yuan), as in "5000 亿元" */
      return g_strdup_printf (_("%s hundred million yuan"), number);
    }
  number = tj_money_format_wan (yuan, 4, FALSE);
  point = strchr (number, '.');
  if (point != NULL)
    {
      char *end = number + strlen (number);

      while (end > point + 1 && end[-1] == '0')
        *--end = '\0';
      if (end == point + 1)
        *point = '\0';
    }
  /* Translators: an amount in 万元 (10,000 yuan), as in "12.5 万元" */
  return g_strdup_printf (_("%s ten thousand yuan"), number);
}

/* Adds a problem to field when yuan is beyond ±max; the message names the field by label and
 * the bound: "总投资超过上限 1 万亿元。" Returns TRUE when the amount is within. */
gboolean
tj_limits_check_amount (GPtrArray  *problems,
                        const char *field,
                        const char *label,
                        gint64      yuan,
                        gint64      max)
{
  g_autofree char *bound = NULL;

  if (yuan <= max && yuan >= -max)
    return TRUE;
  bound = tj_limits_format_amount (max);
  if (yuan > max)
    /* Translators: "总投资超过上限 1 万亿元。" */
    tj_problems_add (problems, field, _("%s exceeds the limit of %s."), label, bound);
  else
    /* Translators: "当月完成投资低于下限 -1 万亿元。" */
    tj_problems_add (problems, field, _("%s is below the limit of -%s."), label, bound);
  return FALSE;
}

guint
tj_limits_text_max (const char *field)
{
  g_return_val_if_fail (field != NULL, TEXT_DEFAULT_MAX);

  for (guint i = 0; i < G_N_ELEMENTS (text_limits); i++)
    if (strcmp (field, text_limits[i].field) == 0)
      return text_limits[i].max;
  return TEXT_DEFAULT_MAX;
}

/* Adds a problem to field when text is longer than the field's limit; the message names the
 * field by label and the limit. Returns TRUE when the text fits (NULL does). */
gboolean
tj_limits_check_text (GPtrArray  *problems,
                      const char *field,
                      const char *label,
                      const char *text)
{
  guint max = tj_limits_text_max (field);
  glong length;

  if (text == NULL || (length = g_utf8_strlen (text, -1)) <= (glong) max)
    return TRUE;
  tj_problems_add (problems, field,
                   /* Translators: "建设规模及内容不能超过 2000 个字（现有 100000 个字）。" */
                   _("%s cannot be longer than %u characters (it has %ld)."), label, max, length);
  return FALSE;
}

/* Stores the bound (whole 万元, as the setting is written), within 1 万元 and the ceiling. */
gboolean
tj_limits_set_max_amount (TjDb    *db,
                          gint64   yuan,
                          GError **error)
{
  g_autofree char *value = NULL;

  yuan = CLAMP (yuan, TJ_YUAN_PER_WAN, TJ_LIMITS_MAX_AMOUNT_CEILING);
  value = g_strdup_printf ("%" G_GINT64_FORMAT, yuan / TJ_YUAN_PER_WAN);
  return tj_db_set_setting (db, TJ_LIMITS_MAX_AMOUNT_KEY, value, error);
}
