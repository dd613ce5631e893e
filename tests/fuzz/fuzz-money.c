/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tj_money_parse_wan on any text; what it accepts must be written as a figure with its thousands
 * separators in their places, and must come back from tj_money_format_wan unchanged. The
 * formatting and rounding functions on any 64-bit value the input's first bytes make. */
#include "fuzz-common.h"

#include "tj-error.h"
#include "tj-money.h"

/* What the parser should accept, said another way: [+-] then digits, either plain or a group of
 * 1 to 3 then groups of 3 separated by commas, then optionally "." and at most 4 digits; at least
 * one digit in all. Spaces around are trimmed. */
static gboolean
reference_accepts (const char *text,
                   guint      *significant)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  const char *p = clean;
  guint digits = 0, group = 0, decimals = 0;
  gboolean commas = FALSE;

  *significant = 0; /* integer digits after the leading zeros */

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      if (*p == ',')
        {
          if (group == 0 || group > 3 || (commas && group != 3))
            return FALSE;
          commas = TRUE;
          group = 0;
          continue;
        }
      digits++;
      group++;
      if (*significant > 0 || *p != '0')
        (*significant)++;
    }
  if (commas && group != 3)
    return FALSE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      decimals++;
  return *p == '\0' && digits + decimals > 0 && decimals <= 4;
}

static void
check_format (gint64 yuan)
{
  for (guint decimals = 0; decimals <= 4; decimals++)
    {
      g_autofree char *grouped = tj_money_format_wan (yuan, decimals, TRUE);
      g_autofree char *plain = tj_money_format_wan (yuan, decimals, FALSE);
      gint64 a = 0, b = 0;
      gboolean parsed_grouped = tj_money_parse_wan (grouped, &a, NULL);
      gboolean parsed_plain = tj_money_parse_wan (plain, &b, NULL);

      /* Too large to read back is the only refusal; then both are refused. */
      FUZZ_CHECK (parsed_grouped == parsed_plain);
      FUZZ_CHECK (!parsed_grouped || a == b);
      if (decimals == 4 && parsed_plain)
        FUZZ_CHECK (b == yuan);
    }
  for (guint decimals = 0; decimals <= 8; decimals++)
    g_free (tj_money_format_yi (yuan, decimals));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  gint64 yuan = 0;
  guint significant;
  gboolean ok, accepted;

  fuzz_init ();
  ok = tj_money_parse_wan (text, &yuan, &error);
  FUZZ_CHECK (ok == (error == NULL));
  FUZZ_CHECK (ok || g_error_matches (error, TJ_ERROR, TJ_ERROR_INVALID));
  /* The parser accepts what the reference does, but for figures past 10^13 万元. */
  accepted = reference_accepts (text, &significant);
  FUZZ_CHECK (!ok || accepted);
  FUZZ_CHECK (ok || !accepted || significant >= 14);
  if (!ok && g_utf8_validate (text, -1, NULL))
    FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
  if (ok)
    {
      g_autofree char *formatted = tj_money_format_wan (yuan, 4, TRUE);
      g_autofree char *plain = tj_money_format_wan (yuan, 4, FALSE);
      gint64 back = 0;

      FUZZ_CHECK (yuan > G_MININT64);
      FUZZ_CHECK (tj_money_parse_wan (formatted, &back, NULL) && back == yuan);
      FUZZ_CHECK (tj_money_parse_wan (plain, &back, NULL) && back == yuan);
      check_format (yuan);
    }

  /* Any value, any divisor: the figures of a report are sums. */
  if (size >= 16)
    {
      gint64 value, divisor;

      memcpy (&value, data, sizeof value);
      memcpy (&divisor, data + 8, sizeof divisor);
      check_format (value);
      if (divisor == G_MININT64)
        divisor = 0;
      divisor = divisor < 0 ? -divisor : divisor;
      if (divisor > 0)
        {
          gint64 q = tj_money_round_div (value, divisor);

          FUZZ_CHECK (q == value / divisor || q == value / divisor + (value < 0 ? -1 : 1));
        }
    }
  return 0;
}
