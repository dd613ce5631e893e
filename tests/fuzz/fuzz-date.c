/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tj_date_parse and tj_month_parse on any text: what they accept is a real date or month,
 * written YYYY-MM-DD or YYYY-MM, which they read back unchanged. */
#include "fuzz-common.h"

#include "tj-date.h"
#include "tj-error.h"

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) date_error = NULL;
  g_autoptr (GError) month_error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *month = NULL;

  fuzz_init ();

  date = tj_date_parse (text, &date_error);
  FUZZ_CHECK ((date != NULL) == (date_error == NULL));
  FUZZ_CHECK (date != NULL || g_error_matches (date_error, TJ_ERROR, TJ_ERROR_INVALID));
  if (date == NULL && g_utf8_validate (text, -1, NULL))
    FUZZ_CHECK (g_utf8_validate (date_error->message, -1, NULL));
  if (date != NULL)
    {
      g_autofree char *again = NULL;
      int year, mon, day;

      FUZZ_CHECK (strlen (date) == 10);
      FUZZ_CHECK (all_digits (date, 4) && date[4] == '-' && all_digits (date + 5, 2) &&
                  date[7] == '-' && all_digits (date + 8, 2));
      year = atoi (date);
      mon = atoi (date + 5);
      day = atoi (date + 8);
      FUZZ_CHECK (year >= 1900 && year <= 9999);
      FUZZ_CHECK (g_date_valid_dmy (day, mon, year));
      FUZZ_CHECK (tj_month_index (date) == year * 12 + mon - 1);
      again = tj_date_parse (date, NULL);
      FUZZ_CHECK (again != NULL && g_str_equal (again, date));
    }

  month = tj_month_parse (text, &month_error);
  FUZZ_CHECK ((month != NULL) == (month_error == NULL));
  FUZZ_CHECK (month != NULL || g_error_matches (month_error, TJ_ERROR, TJ_ERROR_INVALID));
  if (month == NULL && g_utf8_validate (text, -1, NULL))
    FUZZ_CHECK (g_utf8_validate (month_error->message, -1, NULL));
  if (month != NULL)
    {
      g_autofree char *again = NULL;
      int mon;

      /* A text is a date or a month, never both. */
      FUZZ_CHECK (date == NULL);
      FUZZ_CHECK (strlen (month) == 7);
      FUZZ_CHECK (all_digits (month, 4) && month[4] == '-' && all_digits (month + 5, 2));
      mon = atoi (month + 5);
      FUZZ_CHECK (atoi (month) >= 1900 && mon >= 1 && mon <= 12);
      FUZZ_CHECK (tj_month_index (month) == atoi (month) * 12 + mon - 1);
      again = tj_month_parse (month, NULL);
      FUZZ_CHECK (again != NULL && g_str_equal (again, month));
    }
  return 0;
}
