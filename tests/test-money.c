/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tj-test.h"

#include "tj-error.h"
#include "tj-money.h"

static void
test_parse_wan (void)
{
  static const struct
  {
    const char *text;
    gint64 yuan;
  } cases[] = {
    { "12", 120000 },
    { "12.5", 125000 },
    { "0.0001", 1 },
    { "435,584.9999", 4355849999 },
    { " 83788.4854 ", 837884854 },
    { "-3.25", -32500 },
    { "1,234,567", 12345670000 },
    { "1,234,567.89", 12345678900 },
    { "-12,345.6", -123456000 },
    { ".5", 5000 },
    { "0", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 yuan = -1;

      g_assert_true (tj_money_parse_wan (cases[i].text, &yuan, &error));
      g_assert_no_error (error);
      g_assert_cmpint (yuan, ==, cases[i].yuan);
    }
}

static void
test_parse_bad (void)
{
  const char *bad[] = { "", "abc", "12.34567", "1.2.3", "12万", "--1", ",12", "1e5" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 yuan = 0;

      g_assert_false (tj_money_parse_wan (bad[i], &yuan, &error));
      g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
    }
}

/* Thousands separators only in their places: "1,2,3" was read as 123 万元. */
static void
test_parse_misplaced_separators (void)
{
  const char *bad[] = { "1,2,3", "12,34", ",123", "1,,234", "1234,567", "1,234,56", "1,23.5",
                        "1,234.5,6", "-,123", "1," };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("“%s”中的千位分隔符位置不对（应写作 "
                                                   "1,234,567.89）",
                                                   bad[i]);
      gint64 yuan = 0;

      g_test_message ("%s", bad[i]);
      g_assert_false (tj_money_parse_wan (bad[i], &yuan, &error));
      g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_round_half_away (void)
{
  g_assert_cmpint (tj_money_round_div (5, 10), ==, 1);
  g_assert_cmpint (tj_money_round_div (4, 10), ==, 0);
  g_assert_cmpint (tj_money_round_div (-5, 10), ==, -1);
  g_assert_cmpint (tj_money_round_div (-4, 10), ==, 0);
  g_assert_cmpint (tj_money_round_div (15, 10), ==, 2);
  g_assert_cmpint (tj_money_round_div (-15, 10), ==, -2);
}

static void
test_format (void)
{
  g_autofree char *a = tj_money_format_wan (4355849999, 2, TRUE);
  g_autofree char *b = tj_money_format_wan (4355849999, 4, FALSE);
  g_autofree char *c = tj_money_format_wan (-50, 2, TRUE);  /* -0.005 万元 → -0.01 */
  g_autofree char *d = tj_money_format_wan (49, 2, TRUE);   /* 0.0049 → 0.00 */
  g_autofree char *e = tj_money_format_yi (12845000000, 2); /* 128.45 亿元 */
  g_autofree char *f = tj_money_format_yi (12845500000, 2); /* 128.455 → 128.46 */
  g_autofree char *g = tj_money_format_wan (1000000000000, 2, TRUE);

  g_autofree char *s1 = tj_money_format_wan_short (5000000);   /* 500 万元, whole */
  g_autofree char *s2 = tj_money_format_wan_short (50000000);  /* 5 000 万元 */
  g_autofree char *s3 = tj_money_format_wan_short (12345000);  /* 1 234.5 万元 */

  g_assert_cmpstr (s1, ==, "500");
  g_assert_cmpstr (s2, ==, "5,000");
  g_assert_cmpstr (s3, ==, "1,234.50");
  g_assert_cmpstr (a, ==, "435,585.00");
  g_assert_cmpstr (b, ==, "435584.9999");
  g_assert_cmpstr (c, ==, "-0.01");
  g_assert_cmpstr (d, ==, "0.00");
  g_assert_cmpstr (e, ==, "128.45");
  g_assert_cmpstr (f, ==, "128.46");
  g_assert_cmpstr (g, ==, "100,000,000.00");
}

static void
test_round_trip (void)
{
  const gint64 values[] = { 1, 9999, 10000, 123456789, -77 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = tj_money_format_wan (values[i], 4, TRUE);
      gint64 back = 0;

      g_assert_true (tj_money_parse_wan (text, &back, NULL));
      g_assert_cmpint (back, ==, values[i]);
    }
}

static void
test_messages_translated (void)
{
  g_autoptr (GError) error = NULL;
  gint64 yuan;

  tj_money_parse_wan ("abc", &yuan, &error);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, "“abc”不是有效金额");
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/money/parse/wan-to-yuan", test_parse_wan);
  g_test_add_func ("/tj/money/parse/refuses-bad-input", test_parse_bad);
  g_test_add_func ("/tj/money/parse/refuses-misplaced-separators",
                   test_parse_misplaced_separators);
  g_test_add_func ("/tj/money/round/half-away-from-zero", test_round_half_away);
  g_test_add_func ("/tj/money/format/wan-and-yi", test_format);
  g_test_add_func ("/tj/money/format/round-trip", test_round_trip);
  g_test_add_func ("/tj/money/messages-in-chinese", test_messages_translated);
  return g_test_run ();
}
