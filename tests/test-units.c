/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Units are the office's short list: a name not in it is refused, with the nearest known name. */
#include "tj-test.h"

#include "tj-unit.h"

static void
test_nearest_name (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = tj_unit_list (db, &error);
  g_autoptr (GList) list = NULL;
  g_autofree char *misspelt = NULL;
  g_autofree char *department = NULL;
  g_autofree char *unknown = NULL;
  TjUnit *nearest;

  g_assert_no_error (error);
  for (guint i = units->len; i > 0; i--)
    list = g_list_prepend (list, g_ptr_array_index (units, i - 1));

  /* a slip of the input method: one character in four */
  nearest = tj_unit_nearest (list, "嵩阳街到", TRUE);
  g_assert_nonnull (nearest);
  g_assert_cmpstr (nearest->name, ==, "嵩阳街道");
  misspelt = tj_unit_unknown_message (list, "嵩阳街到", TRUE);
  g_assert_cmpstr (misspelt, ==, "“嵩阳街到”不在属地名单中，是否为“嵩阳街道”？");

  /* a character left out, and a locality suggested only among localities */
  g_assert_cmpstr (tj_unit_nearest (list, "少林街", TRUE)->name, ==, "少林街道");
  g_assert_null (tj_unit_nearest (list, "住建委", TRUE));
  department = tj_unit_unknown_message (list, "住建委", FALSE);
  g_assert_cmpstr (department, ==, "“住建委”不在单位名单中，是否为“住建局”？");

  /* a name far from every known one is a new unit, which the user adds first */
  g_assert_null (tj_unit_nearest (list, "石门镇", TRUE));
  unknown = tj_unit_unknown_message (list, "石门镇", TRUE);
  g_assert_cmpstr (unknown, ==, "“石门镇”不在属地名单中。如是新的属地，请先在“单位和人员”中添加。");
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/unit/unknown-name-suggests-the-nearest", test_nearest_name);
  return g_test_run ();
}
