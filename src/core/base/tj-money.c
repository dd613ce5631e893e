/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-money"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-error.h"
#include "tj-money.h"

/* Integer division rounding half away from zero: how every shown figure is rounded. */
gint64
tj_money_round_div (gint64 value,
                    gint64 divisor)
{
  gint64 q, r;

  g_return_val_if_fail (divisor > 0, 0);

  q = value / divisor;
  r = value % divisor;
  r = r < 0 ? -r : r;
  /* 2 r ≥ divisor, without the 2 r that a divisor past G_MAXINT64 / 2 would overflow */
  if (r >= divisor - r)
    q += value < 0 ? -1 : 1;
  return q;
}

/* Accepts "12", "12.5", "1,234.5678", "１２３" is not accepted; at most 4 decimals (one yuan).
 * Thousands separators only in their places: a first group of 1 to 3 digits, then groups of
 * exactly 3 ("1,234,567.89"); "1,2,3", "12,34", ",123" and "1,,234" are refused, never read as
 * 123 or 1 234. */
gboolean
tj_money_parse_wan (const char *text,
                    gint64     *yuan,
                    GError    **error)
{
  g_autofree char *clean = NULL;
  const char *p;
  gboolean negative = FALSE;
  gint64 whole = 0;
  gint64 frac = 0;
  guint frac_digits = 0;
  guint int_digits = 0;
  guint group_digits = 0; /* digits since the last thousands separator, or since the start */
  gboolean seen_comma = FALSE;
  gboolean seen_point = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (yuan != NULL, FALSE);

  clean = g_strstrip (g_strdup (text));
  p = clean;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  else if (*p == '+')
    p++;

  if (*p == '\0')
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("“%s” is not an amount"), text);
      return FALSE;
    }

  for (; *p != '\0'; p++)
    {
      if (*p == ',')
        {
          /* The group before it: the first has 1 to 3 digits, every later one exactly 3. */
          if (seen_point || group_digits == 0 || group_digits > 3 ||
              (seen_comma && group_digits != 3))
            goto misplaced_separator;
          seen_comma = TRUE;
          group_digits = 0;
          continue;
        }
      if (*p == '.' && !seen_point)
        {
          if (seen_comma && group_digits != 3)
            goto misplaced_separator;
          seen_point = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("“%s” is not an amount"), text);
          return FALSE;
        }
      if (seen_point)
        {
          if (++frac_digits > 4)
            {
              g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                           _("“%s” has more than 4 decimals (10 000 yuan has 4)"), text);
              return FALSE;
            }
          frac = frac * 10 + (*p - '0');
        }
      else
        {
          if (whole > (G_MAXINT64 / TJ_YUAN_PER_WAN) / 10 - 10)
            {
              g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("“%s” is too large"), text);
              return FALSE;
            }
          whole = whole * 10 + (*p - '0');
          int_digits++;
          group_digits++;
        }
    }
  if (!seen_point && seen_comma && group_digits != 3)
    goto misplaced_separator;

  if (int_digits == 0 && frac_digits == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("“%s” is not an amount"), text);
      return FALSE;
    }

  for (; frac_digits < 4; frac_digits++)
    frac *= 10;

  *yuan = whole * TJ_YUAN_PER_WAN + frac;
  if (negative)
    *yuan = -*yuan;
  return TRUE;

misplaced_separator:
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("“%s”: the thousands separators are in the wrong places (write 1,234,567.89)"),
               text);
  return FALSE;
}

static char *
format_scaled (gint64   yuan,
               gint64   unit,
               guint    decimals,
               gboolean grouping)
{
  gint64 scale = 1;
  gint64 scaled;
  guint64 magnitude, whole, frac;
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  gsize len, i;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  /* unit is a power of ten at least as large as scale for our callers */
  scaled = tj_money_round_div (yuan, unit / scale);
  /* Unsigned, so that the magnitude of G_MININT64 exists. */
  magnitude = scaled < 0 ? -(guint64) scaled : (guint64) scaled;
  whole = magnitude / (guint64) scale;
  frac = magnitude % (guint64) scale;

  if (scaled < 0)
    g_string_append_c (out, '-');
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, whole);
  len = strlen (digits);
  for (i = 0; i < len; i++)
    {
      if (grouping && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (decimals > 0)
    g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, (int) decimals, frac);
  return g_string_free (out, FALSE);
}

char *
tj_money_format_wan (gint64   yuan,
                     guint    decimals,
                     gboolean grouping)
{
  g_return_val_if_fail (decimals <= 4, NULL);
  return format_scaled (yuan, TJ_YUAN_PER_WAN, decimals, grouping);
}

/* An amount in running text: whole 万元 without decimals ("500", "5,000"), otherwise with two
 * ("1,234.50"); grouped as in every table. */
char *
tj_money_format_wan_short (gint64 yuan)
{
  return format_scaled (yuan, TJ_YUAN_PER_WAN, yuan % TJ_YUAN_PER_WAN == 0 ? 0 : 2, TRUE);
}

char *
tj_money_format_yi (gint64 yuan,
                    guint  decimals)
{
  g_return_val_if_fail (decimals <= 8, NULL);
  return format_scaled (yuan, TJ_YUAN_PER_YI, decimals, FALSE);
}

double
tj_money_to_wan (gint64 yuan)
{
  return (double) yuan / TJ_YUAN_PER_WAN;
}

/* a + b into *sum; FALSE, *sum untouched, when the sum does not fit in a gint64: what every sum
 * of amounts goes through where a database edited behind Tuijin's back could hold anything. */
gboolean
tj_money_add_checked (gint64  a,
                      gint64  b,
                      gint64 *sum)
{
  gint64 result;

  g_return_val_if_fail (sum != NULL, FALSE);

  if (__builtin_add_overflow (a, b, &result))
    return FALSE;
  *sum = result;
  return TRUE;
}

/* A sum that cannot overflow: clamped to the range of gint64. For running figures whose every
 * term is bounded by validation (tj-limits), where only a database edited behind the
 * application's back could reach the clamp, and a bound check then refuses the figure. */
gint64
tj_money_add_saturating (gint64 a,
                         gint64 b)
{
  gint64 sum;

  if (!__builtin_add_overflow (a, b, &sum))
    return sum;
  return b > 0 ? G_MAXINT64 : G_MININT64;
}
