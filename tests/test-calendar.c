/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The working-day calendar of approval time limits (推进机制 (三)) on the shipped holiday tables,
 * and the holiday table's store and import. Expected dates are worked out by hand from the State
 * Council's notices in the comments; weekdays are written after each date. */
#include "tj-test.h"

#include <string.h>

#include "tj-calendar.h"
#include "tj-error.h"

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static TjCalendar *
load (TjDb *db)
{
  g_autoptr (GError) error = NULL;
  TjCalendar *calendar = tj_calendar_load (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

static void
assert_deadline (TjCalendar *calendar,
                 const char *accepted,
                 int         days,
                 const char *expected)
{
  g_autofree char *deadline = tj_calendar_deadline (calendar, accepted, days);

  g_assert_cmpstr (deadline, ==, expected);
}

static void
changed_cb (TjDb       *db,
            const char *table,
            guint      *count)
{
  if (g_str_equal (table, "holidays"))
    (*count)++;
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The rule written out without the calendar: a day is a working day when the table says so, or,
 * when the table does not name it, when it is Monday to Friday. */
static gboolean
reference_is_workday (GHashTable  *table,
                      const GDate *date)
{
  g_autofree char *text = iso (date);
  const char *kind = g_hash_table_lookup (table, text);

  if (kind != NULL)
    return g_str_equal (kind, "workday");
  return g_date_get_weekday (date) <= G_DATE_FRIDAY;
}

static GHashTable *
reference_table (TjDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) days = tj_holidays_list (db, 0, &error);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < days->len; i++)
    {
      TjHoliday *day = g_ptr_array_index (days, i);

      g_hash_table_insert (table, g_strdup (day->date), g_strdup (day->kind));
    }
  return table;
}

static void
test_defaults_every_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);
  g_autoptr (GArray) missing = NULL;
  /* Working days of each year: its Mondays to Fridays, less the statutory days off that fall on
   * them (11 a year, 13 from 2025), with the weekend days off made up on weekdays and the adjusted
   * weekends balancing the bridged weekdays.
   * 2018: 261 weekdays − 11 = 250 (2018-12-31 off and 12-29 worked, by the 2019 notice, even out).
   * 2019: 261 − 11 = 250 (the 劳动节 change of March 2019 moves two days, 4-28 and 5-5 worked).
   * 2020: 262 − 11 = 251, less 1-31 (Fri) and 2-1 (Sat, to be worked) of the extended 春节 = 249.
   * 2021: 261 − 11 = 250.  2022: 260 − 11 = 249.  2023: 260 − 11 = 249.  2024: 262 − 11 = 251.
   * 2025: 261 − 13 = 248.  2026: 261 − 13 = 248. */
  const int expected[] = { 250, 250, 249, 250, 249, 249, 251, 248, 248 };

  for (int year = 2018; year <= 2026; year++)
    {
      g_autofree char *before = g_strdup_printf ("%d-12-31", year - 1);
      g_autofree char *last = g_strdup_printf ("%d-12-31", year);

      g_assert_true (tj_calendar_has_year (calendar, year));
      g_assert_cmpint (tj_calendar_elapsed (calendar, before, last), ==, expected[year - 2018]);
    }
  g_assert_false (tj_calendar_has_year (calendar, 2017));
  g_assert_false (tj_calendar_has_year (calendar, 2027));
  missing = tj_calendar_missing_years (calendar, 2016, 2028);
  g_assert_cmpuint (missing->len, ==, 4);
  g_assert_cmpint (g_array_index (missing, int, 0), ==, 2016);
  g_assert_cmpint (g_array_index (missing, int, 1), ==, 2017);
  g_assert_cmpint (g_array_index (missing, int, 2), ==, 2027);
  g_assert_cmpint (g_array_index (missing, int, 3), ==, 2028);
  g_clear_pointer (&missing, g_array_unref);
  missing = tj_calendar_missing_years (calendar, 2018, 2026);
  g_assert_cmpuint (missing->len, ==, 0);

  /* Every adjusted working day of the defaults is a Saturday or a Sunday. */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM holidays WHERE kind = 'workday' AND "
                                       "strftime('%w', date) NOT IN ('0', '6')"),
                   ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM holidays WHERE kind = 'workday'"), ==,
                   59);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM holidays WHERE kind = 'holiday'"), ==,
                   269);
  tj_test_rmdir (dir);
}

/* The calendar against the rule written out day by day, over every day of the shipped years and
 * a year on either side, and on random spans. */
static void
test_rule_day_by_day (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);
  g_autoptr (GHashTable) table = reference_table (db);
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr (GArray) ordinals = g_array_new (FALSE, FALSE, sizeof (int));
  GDate *date = g_date_new_dmy (1, 1, 2017);
  int ordinal = 0;

  while (g_date_get_year (date) <= 2027)
    {
      g_autofree char *text = iso (date);
      gboolean workday = reference_is_workday (table, date);

      g_assert_cmpint (tj_calendar_is_workday (calendar, text), ==, workday);
      ordinal += workday;
      g_array_append_val (days, *date);
      g_array_append_val (ordinals, ordinal);
      g_date_add_days (date, 1);
    }
  g_date_free (date);

  for (int i = 0; i < 20000; i++)
    {
      guint a = g_test_rand_int_range (0, days->len);
      guint f = g_test_rand_int_range (a, days->len);
      int n = g_test_rand_int_range (0, 60);
      g_autofree char *accepted = iso (&g_array_index (days, GDate, a));
      g_autofree char *finished = iso (&g_array_index (days, GDate, f));
      g_autofree char *deadline = tj_calendar_deadline (calendar, accepted, n);
      int elapsed = g_array_index (ordinals, int, f) - g_array_index (ordinals, int, a);
      guint d = a;

      g_assert_cmpint (tj_calendar_elapsed (calendar, accepted, finished), ==, elapsed);
      g_assert_cmpint (tj_calendar_remaining (calendar, accepted, finished), ==, elapsed);
      g_assert_cmpint (tj_calendar_remaining (calendar, finished, accepted), ==, -elapsed);
      /* The n-th working day after the acceptance: walk on until n have passed. */
      while (d + 1 < days->len &&
             g_array_index (ordinals, int, d) - g_array_index (ordinals, int, a) < n)
        d++;
      if (g_array_index (ordinals, int, d) - g_array_index (ordinals, int, a) == n)
        {
          g_autofree char *walked = iso (&g_array_index (days, GDate, d));

          g_assert_cmpstr (deadline, ==, walked);
        }
    }
  tj_test_rmdir (dir);
}

static void
test_deadline_spring_festival (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);

  /* 2024 春节: 2-10 (Sat) to 2-17 (Sat) off, 2-04 (Sun) and 2-18 (Sun) worked; 除夕 2-09 (Fri)
   * is a working day. Accepted 2024-02-08 (Thu), 5 working days: 2-09 Fri (1), 2-10…2-17 off,
   * 2-18 Sun worked (2), 2-19 Mon (3), 2-20 Tue (4), 2-21 Wed (5). */
  assert_deadline (calendar, "2024-02-08", 5, "2024-02-21");
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2024-02-08", "2024-02-21"), ==, 5);
  g_assert_false (tj_calendar_is_workday (calendar, "2024-02-12"));
  g_assert_true (tj_calendar_is_workday (calendar, "2024-02-09"));
  /* Accepted 2024-02-01 (Thu), 3 days: 2-02 Fri (1), 2-03 Sat off, 2-04 Sun worked (2), 2-05 Mon
   * (3). */
  assert_deadline (calendar, "2024-02-01", 3, "2024-02-05");
  /* 2025 春节: 1-28 (Tue, 除夕) to 2-04 (Tue) off, 1-26 (Sun) and 2-08 (Sat) worked. Accepted
   * 2025-01-24 (Fri), 4 days: 1-26 Sun (1), 1-27 Mon (2), 1-28…2-04 off, 2-05 Wed (3), 2-06 Thu
   * (4). */
  assert_deadline (calendar, "2025-01-24", 4, "2025-02-06");
  /* 2020 春节, extended by the State Council to 2-02 (Sun): 2-01 (Sat), first a working day, was
   * not worked. Accepted 2020-01-23 (Thu), 1 day: 1-24…2-02 off, 2-03 Mon (1). */
  assert_deadline (calendar, "2020-01-23", 1, "2020-02-03");
  g_assert_false (tj_calendar_is_workday (calendar, "2020-02-01"));
  g_assert_true (tj_calendar_is_workday (calendar, "2020-01-19"));
  tj_test_rmdir (dir);
}

static void
test_deadline_national_day (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);

  /* 2025 国庆节、中秋节: 10-01 (Wed) to 10-08 (Wed) off, 9-28 (Sun) and 10-11 (Sat) worked.
   * Accepted 2025-09-26 (Fri), 10 working days: 9-27 Sat off, 9-28 Sun (1), 9-29 Mon (2), 9-30 Tue
   * (3), 10-01…10-08 off, 10-09 Thu (4), 10-10 Fri (5), 10-11 Sat (6), 10-12 Sun off, 10-13 Mon
   * (7), 10-14 Tue (8), 10-15 Wed (9), 10-16 Thu (10). */
  assert_deadline (calendar, "2025-09-26", 10, "2025-10-16");
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2025-09-26", "2025-10-16"), ==, 10);
  /* Without the two worked weekend days it would be 10-20: the adjusted days count. */
  g_assert_true (tj_calendar_is_workday (calendar, "2025-09-28"));
  g_assert_true (tj_calendar_is_workday (calendar, "2025-10-11"));
  g_assert_false (tj_calendar_is_workday (calendar, "2025-10-12"));
  /* 2023 中秋节、国庆节: 9-29 (Fri) to 10-06 (Fri) off, 10-07 (Sat) and 10-08 (Sun) worked.
   * Accepted 2023-09-28 (Thu), 2 days: 10-07 Sat (1), 10-08 Sun (2). */
  assert_deadline (calendar, "2023-09-28", 2, "2023-10-08");
  tj_test_rmdir (dir);
}

static void
test_adjusted_sunday_counted (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);

  /* 2024-04-07 (Sun) was worked for 清明节 (4-04…4-06 off). Accepted 2024-04-03 (Wed), 1 day:
   * 4-04…4-06 off, 4-07 Sun (1). */
  g_assert_true (tj_calendar_is_workday (calendar, "2024-04-07"));
  assert_deadline (calendar, "2024-04-03", 1, "2024-04-07");
  /* Accepted Friday 2024-04-05 (a holiday), finished Monday 4-08: 4-07 Sun (1), 4-08 Mon (2). */
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2024-04-05", "2024-04-08"), ==, 2);
  /* An ordinary Sunday is not counted: 2024-04-14. */
  g_assert_false (tj_calendar_is_workday (calendar, "2024-04-14"));
  tj_test_rmdir (dir);
}

static void
test_accepted_on_holiday (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);

  /* Accepted 2025-10-03 (Fri, 国庆节), 1 day: 10-04…10-08 off, 10-09 Thu is the first working day
   * after it. */
  assert_deadline (calendar, "2025-10-03", 1, "2025-10-09");
  /* Accepted on a plain Saturday, 2025-03-15, 1 day: 3-16 Sun off, 3-17 Mon (1). */
  assert_deadline (calendar, "2025-03-15", 1, "2025-03-17");
  /* A limit of 0 days is the day of acceptance itself. */
  assert_deadline (calendar, "2025-10-03", 0, "2025-10-03");
  tj_test_rmdir (dir);
}

static void
test_elapsed_same_day (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);

  /* 即办: finished on the day of acceptance, on a working day or on a holiday. */
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2025-03-10", "2025-03-10"), ==, 0);
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2025-10-01", "2025-10-01"), ==, 0);
  /* The next day is one working day: 2025-03-11 (Tue). */
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2025-03-10", "2025-03-11"), ==, 1);
  /* Finished before accepted, or a date that is not one. */
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2025-03-11", "2025-03-10"), ==, -1);
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2025-03-21", "2025-03-10"), ==, -1);
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2025-02-30", "2025-03-10"), ==, -1);
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2025-3-1", "2025-03-10"), ==, -1);
  g_assert_null (tj_calendar_deadline (calendar, "2025-13-01", 3));
  g_assert_null (tj_calendar_deadline (calendar, "2025-03-10", -1));
  tj_test_rmdir (dir);
}

static void
test_elapsed_across_years (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);

  /* Accepted 2024-12-27 (Fri), finished 2025-01-03 (Fri): 12-28, 12-29 weekend, 12-30 Mon (1),
   * 12-31 Tue (2), 2025-01-01 元旦 off (不调休), 1-02 Thu (3), 1-03 Fri (4). */
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2024-12-27", "2025-01-03"), ==, 4);
  /* Accepted 2025-12-31 (Wed), finished 2026-01-05 (Mon): 2026 元旦 1-01…1-03 off, 1-04 Sun worked
   * (1), 1-05 Mon (2). */
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2025-12-31", "2026-01-05"), ==, 2);
  /* Accepted 2018-12-28 (Fri), 2 days: 12-29 Sat worked for the 2019 元旦 (1), 12-30 Sun…2019-01-01
   * off, 1-02 Wed (2). */
  assert_deadline (calendar, "2018-12-28", 2, "2019-01-02");
  tj_test_rmdir (dir);
}

static void
test_year_without_table (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);
  g_autoptr (TjCalendar) empty = tj_calendar_new_empty ();
  g_autoptr (GArray) missing = NULL;

  /* 2027 has no table: its National Day is not known, so the days count as plain weekdays.
   * Accepted 2027-09-30 (Thu), 3 days: 10-01 Fri (1), 10-04 Mon (2), 10-05 Tue (3). */
  g_assert_false (tj_calendar_has_year (calendar, 2027));
  assert_deadline (calendar, "2027-09-30", 3, "2027-10-05");
  /* Accepted 2026-12-30 (Wed), finished 2027-01-04 (Mon): 12-31 Thu (1), 2027-01-01 Fri (2, no
   * table), 1-04 Mon (3). */
  g_assert_cmpint (tj_calendar_elapsed (calendar, "2026-12-30", "2027-01-04"), ==, 3);
  missing = tj_calendar_missing_years (calendar, 2026, 2027);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpint (g_array_index (missing, int, 0), ==, 2027);

  /* Without any table, 2024-02-08 (Thu) + 5 days is 2-15 (Thu): 2-09, 2-12, 2-13, 2-14, 2-15. */
  g_assert_false (tj_calendar_has_year (empty, 2024));
  assert_deadline (empty, "2024-02-08", 5, "2024-02-15");
  g_assert_true (tj_calendar_is_workday (empty, "2025-10-01"));
  g_assert_false (tj_calendar_is_workday (empty, "2025-09-28"));
  g_clear_pointer (&missing, g_array_unref);
  missing = tj_calendar_missing_years (empty, 2024, 2025);
  g_assert_cmpuint (missing->len, ==, 2);
  tj_test_rmdir (dir);
}

static void
test_remaining (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjCalendar) calendar = load (db);

  /* Deadline 2025-10-16 (Thu). On 9-30 (Tue): 10-09, 10-10, 10-11 (Sat, worked), 10-13…10-16 are
   * left, 7. On the day itself, 0. */
  g_assert_cmpint (tj_calendar_remaining (calendar, "2025-09-30", "2025-10-16"), ==, 7);
  g_assert_cmpint (tj_calendar_remaining (calendar, "2025-10-16", "2025-10-16"), ==, 0);
  /* Overdue on 10-20 (Mon): 10-17 Fri and 10-20 Mon have passed since, −2. */
  g_assert_cmpint (tj_calendar_remaining (calendar, "2025-10-20", "2025-10-16"), ==, -2);
  /* On a day off after the deadline nothing more has passed: 10-19 (Sun), −1. */
  g_assert_cmpint (tj_calendar_remaining (calendar, "2025-10-19", "2025-10-16"), ==, -1);
  /* Over the holiday, still due: on 10-02 the deadline 10-09 is 1 working day away. */
  g_assert_cmpint (tj_calendar_remaining (calendar, "2025-10-02", "2025-10-09"), ==, 1);
  tj_test_rmdir (dir);
}

static void
test_save_list_delete (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GPtrArray) days = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjCalendar) calendar = NULL;
  TjHoliday *day;
  guint changed = 0;
  gint64 audit = tj_test_scalar (db, "SELECT count(*) FROM audit");

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &changed);
  days = tj_holidays_list (db, 2025, &error);
  g_assert_no_error (error);
  /* 2025: 28 days off and 5 worked weekend days. */
  g_assert_cmpuint (days->len, ==, 33);
  day = g_ptr_array_index (days, 0);
  g_assert_cmpstr (day->date, ==, "2025-01-01");
  g_assert_cmpstr (day->kind, ==, "holiday");
  g_assert_cmpstr (day->name, ==, "元旦");
  day = g_ptr_array_index (days, 1);
  g_assert_cmpstr (day->date, ==, "2025-01-26");
  g_assert_cmpstr (day->kind, ==, "workday");
  g_assert_cmpstr (day->name, ==, "春节调休上班");
  g_clear_pointer (&days, g_ptr_array_unref);

  /* A local holiday added, written as offices type dates. */
  g_assert_true (tj_holidays_save (db, "2025年3月10日", "holiday", " 县庆 ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  calendar = load (db);
  g_assert_false (tj_calendar_is_workday (calendar, "2025-03-10"));
  g_clear_pointer (&calendar, tj_calendar_free);
  days = tj_holidays_list (db, 2025, &error);
  g_assert_cmpuint (days->len, ==, 34);
  /* After 元旦, 1-26, 春节 1-28…2-04 and 2-08: the twelfth day of the year's table. */
  day = g_ptr_array_index (days, 11);
  g_assert_cmpstr (day->date, ==, "2025-03-10");
  g_assert_cmpstr (day->name, ==, "县庆");
  g_clear_pointer (&days, g_ptr_array_unref);
  /* Saved again unchanged: nothing written, nothing announced. */
  g_assert_true (tj_holidays_save (db, "2025-03-10", "holiday", "县庆", &error));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit"), ==, audit + 1);
  /* Changed into a working day. */
  g_assert_true (tj_holidays_save (db, "2025-03-10", "workday", "县庆调整", &error));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (tj_test_scalar (db,
                                   "SELECT count(*) FROM holidays WHERE date = '2025-03-10' AND "
                                   "kind = 'workday' AND name = '县庆调整'"),
                   ==, 1);

  /* Every problem at once, in words. */
  g_assert_false (tj_holidays_save (db, "2025-02-30", "off", "  ", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“2025-02-30”不是有效日期（请写作 2026-03-15）；节假日安排中的一天只能是放假或"
                   "上班。；节假日名称不能为空。");
  g_clear_error (&error);
  g_assert_false (tj_holidays_save (db, "", "holiday", "元旦", &error));
  g_assert_cmpstr (error->message, ==, "日期不能为空。");
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_true (tj_holidays_delete (db, "2025-03-10", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM holidays WHERE date = '2025-03-10'"),
                   ==, 0);
  /* A day not in the table: nothing to do. */
  g_assert_true (tj_holidays_delete (db, "2025-03-10", &error));
  g_assert_cmpuint (changed, ==, 3);
  g_assert_false (tj_holidays_delete (db, "2025-03-32", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  /* Insert, update and delete each left a line in the audit log. */
  {
    g_autofree char *since = g_strdup_printf ("SELECT count(*) FROM audit WHERE table_name = "
                                              "'holidays' AND id > %" G_GINT64_FORMAT, audit);

    g_assert_cmpint (tj_test_scalar (db, since), ==, 3);
  }
  tj_test_rmdir (dir);
}

static void
test_import_replaces_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (TjCalendar) calendar = NULL;
  g_autoptr (GPtrArray) days = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  guint changed = 0;

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &changed);
  /* A title above the header, the columns in another order, and a 2027 table of two days. */
  path = write_file (dir, "2025.csv",
                     "2025年节假日安排,,\n"
                     "名称,日期,类型\n"
                     "国庆节,2025-10-01,放假\n"
                     "国庆节,2025/10/2,放假\n"
                     "国庆节调休上班,2025年10月11日,上班\n"
                     ",,\n"
                     "元旦,2027-01-01,放假\n");
  g_assert_true (tj_holidays_import (db, path, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 4);
  /* 2025 had 33 days in its table; 2027 none. */
  g_assert_cmpuint (result->updated, ==, 33);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->warnings, 0), ==,
                   "文件中的日期将替换 2025、2027 年的全部节假日安排。");
  g_assert_cmpuint (changed, ==, 1);

  days = tj_holidays_list (db, 2025, &error);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpstr (((TjHoliday *) g_ptr_array_index (days, 1))->date, ==, "2025-10-02");
  g_assert_cmpstr (((TjHoliday *) g_ptr_array_index (days, 2))->kind, ==, "workday");
  g_clear_pointer (&days, g_ptr_array_unref);
  /* The years the file does not name keep their tables. */
  days = tj_holidays_list (db, 2024, &error);
  g_assert_cmpuint (days->len, ==, 38);

  calendar = load (db);
  g_assert_true (tj_calendar_has_year (calendar, 2027));
  /* 2025 now has only 10-01 and 10-02 off: 2025-01-28 (除夕) is a working day again. */
  g_assert_true (tj_calendar_is_workday (calendar, "2025-01-28"));
  g_assert_false (tj_calendar_is_workday (calendar, "2025-10-02"));
  g_assert_true (tj_calendar_is_workday (calendar, "2025-10-03"));
  g_assert_true (tj_calendar_is_workday (calendar, "2025-10-11"));
  g_assert_false (tj_calendar_is_workday (calendar, "2027-01-01"));
  tj_test_rmdir (dir);
}

static void
test_import_bad_rows (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 audit = tj_test_scalar (db, "SELECT count(*) FROM audit");

  path = write_file (dir, "bad.csv",
                     "日期,类型,名称\n"
                     "2025-10-01,放假,国庆节\n"
                     "2025-02-30,放假,春节\n"
                     "2025-10-02,休息,国庆节\n"
                     "2025-10-01,放假,国庆节\n"
                     "2025-10-03,放假,\n"
                     "2025-10-04,,国庆节\n"
                     ",放假,国庆节\n"
                     "2025-10-11,上班,国庆节调休上班\n");
  g_assert_false (tj_holidays_import (db, path, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "发现 6 处错误，未导入任何节假日安排。");
  g_assert_cmpuint (result->errors->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 3 行，“日期”：“2025-02-30”不是有效日期（请写作 2026-03-15）");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 4 行，“类型”：“休息”不是有效类型，请填写“放假”或“上班”。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 2), ==,
                   "第 5 行，“日期”：日期 2025-10-01 与第 2 行重复。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 3), ==,
                   "第 6 行，“名称”：节假日名称不能为空。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 4), ==,
                   "第 7 行，“类型”：类型不能为空，请填写“放假”或“上班”。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 5), ==, "第 8 行，“日期”：日期不能为空。");
  g_assert_cmpuint (result->added + result->updated, ==, 0);
  /* Nothing written: 2025 keeps its 33 days, the log no line. */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM holidays WHERE date LIKE '2025-%'"),
                   ==, 33);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit"), ==, audit);
  g_clear_pointer (&result, tj_import_result_free);
  g_clear_error (&error);

  /* A file without the 类型 column. */
  g_free (path);
  path = write_file (dir, "columns.csv", "日期,名称\n2025-10-01,国庆节\n");
  g_assert_false (tj_holidays_import (db, path, FALSE, &result, &error));
  g_assert_cmpstr (error->message, ==, "发现 1 处错误，未导入任何节假日安排。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==, "文件中没有“类型”列。");
  g_clear_pointer (&result, tj_import_result_free);
  g_clear_error (&error);

  /* An empty file. */
  g_free (path);
  path = write_file (dir, "empty.csv", "");
  g_assert_false (tj_holidays_import (db, path, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, "”是空文件，未导入任何节假日安排。"));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM holidays WHERE date LIKE '2025-%'"),
                   ==, 33);
  tj_test_rmdir (dir);
}

static void
test_import_gb18030_and_dry_run (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  const char *text = "日期,类型,名称\r\n"
                     "2026-10-01,放假,国庆节\r\n"
                     "2026-10-10,上班,国庆节调休上班\r\n"
                     "2026-10-12,上班,多余的一行\r\n";
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (TjCalendar) calendar = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *gb18030 = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  guint changed = 0;

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &changed);
  gb18030 = g_convert (text, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "gb18030.csv", NULL);
  g_assert_true (g_file_set_contents (path, gb18030, length, NULL));

  /* A dry run reads everything and writes nothing. 2026 had 39 days. */
  g_assert_true (tj_holidays_import (db, path, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (result->updated, ==, 39);
  /* 2026-10-12 is a Monday: marking it worked changes nothing, probably a typing mistake. */
  g_assert_cmpstr (g_ptr_array_index (result->warnings, 0), ==,
                   "第 4 行：2026-10-12 是工作日，本来就上班，标为“上班”不起作用。");
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM holidays WHERE date LIKE '2026-%'"),
                   ==, 39);
  g_assert_cmpuint (changed, ==, 0);
  g_clear_pointer (&result, tj_import_result_free);

  g_assert_true (tj_holidays_import (db, path, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM holidays WHERE date LIKE '2026-%'"),
                   ==, 3);
  g_assert_cmpint (tj_test_scalar (db,
                                   "SELECT count(*) FROM holidays WHERE date = '2026-10-10' AND "
                                   "kind = 'workday' AND name = '国庆节调休上班'"),
                   ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  calendar = load (db);
  /* 2026 春节 is gone from the table: 2026-02-16 (Mon) is a working day now. */
  g_assert_true (tj_calendar_is_workday (calendar, "2026-02-16"));
  g_assert_true (tj_calendar_is_workday (calendar, "2026-10-10"));
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/calendar/defaults/every-year-2018-to-2026", test_defaults_every_year);
  g_test_add_func ("/tj/calendar/rule/agrees-with-counting-day-by-day", test_rule_day_by_day);
  g_test_add_func ("/tj/calendar/deadline/across-spring-festival", test_deadline_spring_festival);
  g_test_add_func ("/tj/calendar/deadline/across-national-day", test_deadline_national_day);
  g_test_add_func ("/tj/calendar/deadline/adjusted-working-sunday-counted",
                   test_adjusted_sunday_counted);
  g_test_add_func ("/tj/calendar/deadline/accepted-on-a-holiday", test_accepted_on_holiday);
  g_test_add_func ("/tj/calendar/elapsed/same-day-is-zero", test_elapsed_same_day);
  g_test_add_func ("/tj/calendar/elapsed/across-a-year-boundary", test_elapsed_across_years);
  g_test_add_func ("/tj/calendar/year-without-table/plain-weekdays-and-reported",
                   test_year_without_table);
  g_test_add_func ("/tj/calendar/remaining/negative-when-overdue", test_remaining);
  g_test_add_func ("/tj/calendar/holidays/save-list-delete", test_save_list_delete);
  g_test_add_func ("/tj/calendar/import/a-year-replaced", test_import_replaces_year);
  g_test_add_func ("/tj/calendar/import/bad-rows-write-nothing", test_import_bad_rows);
  g_test_add_func ("/tj/calendar/import/gb18030-and-dry-run", test_import_gb18030_and_dry_run);
  return g_test_run ();
}
