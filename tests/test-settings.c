/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The organisation's settings: one reader of its name, one check of the light thresholds. */
#include "tj-test.h"

#include "tj-error.h"
#include "tj-settings.h"

static void
test_organisation (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *blank = NULL;
  g_autofree char *named = NULL;

  g_assert_true (tj_db_set_setting (db, "organisation", "  ", NULL));
  blank = tj_settings_organisation (db);
  g_assert_cmpstr (blank, ==, "登封市");
  g_assert_true (tj_db_set_setting (db, "organisation", "巩义市", NULL));
  named = tj_settings_organisation (db);
  g_assert_cmpstr (named, ==, "巩义市");
  tj_test_rmdir (dir);
}

static void
test_lights (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  TjLightSettings lights;
  TjLightSettings green_below_red = { -40, -30, 3 };
  TjLightSettings out_of_bounds = { -10, -130, 3 };
  TjLightSettings months = { -10, -30, 0 };
  TjLightSettings wider = { -5, -50, 6 };

  g_assert_true (tj_settings_read_lights (db, &lights, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lights.green_gap, ==, -10);
  g_assert_cmpint (lights.red_gap, ==, -30);
  g_assert_cmpint (lights.start_red_months, ==, 3);

  /* green below red is refused in words, and nothing is written */
  g_assert_false (tj_settings_set_lights (db, &green_below_red, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "绿灯必须高于红灯：绿灯至 -40 个百分点，红灯低于 -30 个百分点。");
  g_clear_error (&error);
  g_assert_false (tj_settings_set_lights (db, &out_of_bounds, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tj_settings_set_lights (db, &months, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM settings WHERE key LIKE 'light-%'"),
                   ==, 0);

  g_assert_true (tj_settings_set_lights (db, &wider, &error));
  g_assert_no_error (error);
  g_assert_true (tj_settings_read_lights (db, &lights, &error));
  g_assert_cmpint (lights.green_gap, ==, -5);
  g_assert_cmpint (lights.red_gap, ==, -50);
  g_assert_cmpint (lights.start_red_months, ==, 6);

  /* a value not a number is an error, never the default */
  g_assert_true (tj_db_set_setting (db, "light-red-gap", "abc", NULL));
  g_assert_false (tj_settings_read_lights (db, &lights, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/settings/organisation-name", test_organisation);
  g_test_add_func ("/tj/settings/lights-bounded-green-above-red", test_lights);
  return g_test_run ();
}
