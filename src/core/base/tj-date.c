/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-date"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tj-date.h"
#include "tj-error.h"

/* Splits "2026-3-15", "2026/3/15", "2026.3.15", "2026年3月15日" (and the month forms without the
 * day) into numbers. Returns how many numbers were found, or -1 when the text has another shape. */
static int
split_numbers (const char *text,
               int         numbers[3])
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  const char *p = clean;
  int count = 0;

  while (*p != '\0')
    {
      char *end;
      gint64 value;

      if (!g_ascii_isdigit (*p) || count == 3)
        return -1;
      value = g_ascii_strtoll (p, &end, 10);
      if (end - p > 4 || value > 9999)
        return -1;
      numbers[count++] = (int) value;
      p = end;
      if (*p == '\0')
        break;
      if (*p == '-' || *p == '/' || *p == '.')
        {
          p++;
          if (*p == '\0')
            return -1;
        }
      else if (g_str_has_prefix (p, "年") && count == 1)
        p += strlen ("年");
      else if (g_str_has_prefix (p, "月") && count == 2)
        p += strlen ("月");
      else if (g_str_has_prefix (p, "日") && count == 3)
        p += strlen ("日");
      else
        return -1;
    }
  return count;
}

char *
tj_date_parse (const char *text,
               GError    **error)
{
  int n[3];

  g_return_val_if_fail (text != NULL, NULL);

  /* The day is checked before g_date_valid_dmy, which takes it as a guint8: "2026-3-271" would
   * pass as the 15th (271 − 256) and come out as "2026-03-271". */
  if (split_numbers (text, n) != 3 || n[0] < 1900 || n[1] < 1 || n[1] > 12 || n[2] < 1 ||
      n[2] > 31 || !g_date_valid_dmy (n[2], n[1], n[0]))
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("“%s” is not a date (write it as 2026-03-15)"), text);
      return NULL;
    }
  return g_strdup_printf ("%04d-%02d-%02d", n[0], n[1], n[2]);
}

char *
tj_month_parse (const char *text,
                GError    **error)
{
  int n[3];

  g_return_val_if_fail (text != NULL, NULL);

  if (split_numbers (text, n) != 2 || n[0] < 1900 || n[1] < 1 || n[1] > 12)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("“%s” is not a month (write it as 2026-03)"), text);
      return NULL;
    }
  return g_strdup_printf ("%04d-%02d", n[0], n[1]);
}

/* Months since year 0 of an ISO month or date, so that differences count months across years. */
int
tj_month_index (const char *iso_month)
{
  g_return_val_if_fail (iso_month != NULL, 0);
  return atoi (iso_month) * 12 + atoi (iso_month + 5) - 1;
}

char *
tj_date_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* One rule for the years every list, import and command accepts. */
gboolean
tj_year_check (int      year,
               GError **error)
{
  if (year >= TJ_YEAR_FIRST && year <= TJ_YEAR_LAST)
    return TRUE;
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("The year %d is outside the years Tuijin keeps (%d–%d)."), year, TJ_YEAR_FIRST,
               TJ_YEAR_LAST);
  return FALSE;
}

gboolean
tj_year_month_check (int      year,
                     int      month,
                     GError **error)
{
  if (year >= TJ_YEAR_FIRST && year <= TJ_YEAR_LAST && month >= 1 && month <= 12)
    return TRUE;
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("%d-%02d is not a month Tuijin keeps (January %d to December %d)."), year, month,
               TJ_YEAR_FIRST, TJ_YEAR_LAST);
  return FALSE;
}

/* A quarter's name as official documents write it: "一季度" … "四季度"; titles put "第" before
 * it ("2026年第三季度"), column headers use it bare ("一季度得分"). */
const char *
tj_quarter_name (int quarter)
{
  static const char *names[] = {
    /* Translators: the name of a quarter: "一季度" */
    N_("Quarter 1"),
    /* Translators: "二季度" */
    N_("Quarter 2"),
    /* Translators: "三季度" */
    N_("Quarter 3"),
    /* Translators: "四季度" */
    N_("Quarter 4"),
  };

  g_return_val_if_fail (quarter >= 1 && quarter <= 4, "");
  return _(names[quarter - 1]);
}
