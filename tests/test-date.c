/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tj-test.h"

#include "tj-date.h"
#include "tj-error.h"

static void
test_dates (void)
{
  const char *forms[] = { "2026-03-15", "2026/3/15", "2026.3.15", "2026年3月15日", " 2026-3-15 " };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = tj_date_parse (forms[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, "2026-03-15");
    }
}

static void
test_bad_dates (void)
{
  const char *bad[] = { "2026-02-30", "2026-13-01", "15/3/2026", "2026-03", "明天", "2026年3月",
                        "2026--3-15", "2025-02-29" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = tj_date_parse (bad[i], &error);

      g_assert_null (iso);
      g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
    }
  {
    g_autofree char *leap = tj_date_parse ("2024-02-29", NULL);
    g_assert_cmpstr (leap, ==, "2024-02-29");
  }
}

static void
test_months (void)
{
  const char *forms[] = { "2026-03", "2026/3", "2026年3月", "2026.03" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *iso = tj_month_parse (forms[i], NULL);
      g_assert_cmpstr (iso, ==, "2026-03");
    }
  g_assert_null (tj_month_parse ("2026-3-1", NULL));
  g_assert_null (tj_month_parse ("2026-00", NULL));
  g_assert_null (tj_month_parse ("3月", NULL));
}

static void
test_month_index (void)
{
  g_assert_cmpint (tj_month_index ("2026-01") - tj_month_index ("2025-10"), ==, 3);
  g_assert_cmpint (tj_month_index ("2026-03-15") - tj_month_index ("2026-01"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/date/parse/four-forms", test_dates);
  g_test_add_func ("/tj/date/parse/refuses-bad-dates", test_bad_dates);
  g_test_add_func ("/tj/date/month/three-forms", test_months);
  g_test_add_func ("/tj/date/month/index-across-years", test_month_index);
  return g_test_run ();
}
