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
  if (2 * (r < 0 ? -r : r) >= divisor)
    q += value < 0 ? -1 : 1;
  return q;
}

/* Accepts "12", "12.5", "1,234.5678", "１２３" is not accepted; at most 4 decimals (one yuan). */
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
      if (*p == ',' && !seen_point && int_digits > 0)
        continue;
      if (*p == '.' && !seen_point)
        {
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
        }
    }

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
}

static char *
format_scaled (gint64   yuan,
               gint64   unit,
               guint    decimals,
               gboolean grouping)
{
  gint64 scale = 1;
  gint64 scaled, whole, frac;
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  gsize len, i;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  /* unit is a power of ten at least as large as scale for our callers */
  scaled = tj_money_round_div (yuan, unit / scale);
  whole = (scaled < 0 ? -scaled : scaled) / scale;
  frac = (scaled < 0 ? -scaled : scaled) % scale;

  if (scaled < 0)
    g_string_append_c (out, '-');
  digits = g_strdup_printf ("%" G_GINT64_FORMAT, whole);
  len = strlen (digits);
  for (i = 0; i < len; i++)
    {
      if (grouping && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (decimals > 0)
    g_string_append_printf (out, ".%0*" G_GINT64_FORMAT, (int) decimals, frac);
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
