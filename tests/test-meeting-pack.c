/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tj-meeting-pack.h"
#include "tj-test-matters.h"

/* Monthly meetings on 2026-04-08 and 2026-05-08; the pack is for the meeting of 2026-06-05, so
 * "since the last meeting" means after 2026-05-08. */
#define LAST "2026-05-08"
#define D "2026-06-05"

static void
add_matter (TjDb       *db,
            gint64      meeting,
            gint64      unit,
            const char *content,
            const char *assigned,
            const char *deadline,
            const char *extended, /* an approved extension, or NULL */
            const char *finished,
            const char *report)   /* a report on the day assigned, or NULL */
{
  g_autoptr (TjMatter) m = tj_matter_new ();
  g_autoptr (GError) error = NULL;

  m->meeting_id = meeting;
  m->unit_id = unit;
  m->content = g_strdup (content);
  m->assigned = g_strdup (assigned);
  m->deadline = g_strdup (deadline);
  m->finished = g_strdup (finished);
  m->extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
  m->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_report_free);
  if (extended != NULL)
    {
      TjMatterExtension *e = tj_matter_extension_new ();

      e->requested = g_strdup (assigned);
      e->reason = g_strdup ("征地手续未完");
      e->new_deadline = g_strdup (extended);
      e->approved_by = g_strdup ("张副市长");
      e->approved = g_strdup (assigned);
      g_ptr_array_add (m->extensions, e);
    }
  if (report != NULL)
    g_ptr_array_add (m->reports, tj_matter_report_new (assigned, report));
  g_assert_true (tj_matter_save (db, m, &error));
  g_assert_no_error (error);
}

static char *
names (GPtrArray *matters)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < matters->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "," : "",
                            ((TjMatter *) g_ptr_array_index (matters, i))->content);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill (TjDb *db)
{
  g_autoptr (GError) error = NULL;
  gint64 april, may, june, coordination, unit;

  g_assert_true (tj_db_exec (db, "INSERT INTO units (name, kind) VALUES ('市自然资源局', "
                                 "'department')", &error));
  g_assert_no_error (error);
  unit = tj_test_scalar (db, "SELECT id FROM units");
  april = tj_test_add_meeting (db, TJ_MEETING_MONTHLY, "2026-04-08", "4月份月例会");
  may = tj_test_add_meeting (db, TJ_MEETING_MONTHLY, LAST, "5月份月例会");
  coordination = tj_test_add_meeting (db, TJ_MEETING_COORDINATION, "2026-05-20", "专题协调会");
  june = tj_test_add_meeting (db, TJ_MEETING_MONTHLY, D, "6月份月例会");

  /* assigned on the last meeting's day: not new; open, deadline after D */
  add_matter (db, may, unit, "A在办", LAST, "2026-06-30", NULL, NULL, "已组卷上报");
  /* assigned after the last meeting: new, and open */
  add_matter (db, coordination, unit, "B新交办", "2026-05-20", "2026-07-15", NULL, NULL, NULL);
  /* deadline passed before D: overdue */
  add_matter (db, april, unit, "C超期", "2026-04-08", "2026-05-31", NULL, NULL, NULL);
  /* deadline passed but extended past D: open, not overdue */
  add_matter (db, april, unit, "D延期", "2026-04-08", "2026-05-31", "2026-06-30", NULL, NULL);
  /* deadline on D itself: still open (overdue only after it) */
  add_matter (db, may, unit, "E当日到期", LAST, D, NULL, NULL, NULL);
  /* finished after the last meeting, on D: closed */
  add_matter (db, april, unit, "F当日办结", "2026-04-08", "2026-06-30", NULL, D, NULL);
  /* finished on the last meeting's day: reported then, not closed since */
  add_matter (db, april, unit, "G上次已结", "2026-04-08", "2026-05-31", NULL, LAST, NULL);
  /* finished after D: open as of D */
  add_matter (db, april, unit, "H会后办结", "2026-04-08", "2026-06-30", NULL, "2026-06-10", NULL);
  /* assigned at the meeting D itself: in no group */
  add_matter (db, june, unit, "I本次交办", D, "2026-07-31", NULL, NULL, NULL);
}

static void
test_groups (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjMeetingPack) pack = NULL;
  g_autofree char *new_ = NULL, *open = NULL, *overdue = NULL, *closed = NULL;

  fill (db);
  pack = tj_meeting_pack_new (db, D, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pack->last_meeting, ==, LAST);
  new_ = names (pack->groups[TJ_PACK_NEW]);
  open = names (pack->groups[TJ_PACK_OPEN]);
  overdue = names (pack->groups[TJ_PACK_OVERDUE]);
  closed = names (pack->groups[TJ_PACK_CLOSED]);
  g_assert_cmpstr (new_, ==, "B新交办");
  g_assert_cmpstr (open, ==, "D延期,H会后办结,A在办,E当日到期,B新交办");
  g_assert_cmpstr (overdue, ==, "C超期");
  g_assert_cmpstr (closed, ==, "F当日办结");
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

/* The workbook a clerk prints: the four headings with their counts and the matters under each,
 * read back with openpyxl. */
static void
test_workbook (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *xlsx = g_build_filename (dir, "pack.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;
  const char *column_a, *column_c;
  g_autofree char *expected_c = NULL;

  fill (db);
  g_assert_true (tj_meeting_pack_write (db, D, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (tj_meeting_pack_write (db, D, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  facts = tj_test_xlsx_read (xlsx, 0, "A1:A40", "C1:C40", NULL);
  column_a = tj_test_xlsx_fact (facts, "A1:A40");
  column_c = tj_test_xlsx_fact (facts, "C1:C40");
  g_assert_nonnull (strstr (column_a, "一、上次会议以来新交办事项（1项）"));
  g_assert_nonnull (strstr (column_a, "二、在办事项（5项）"));
  g_assert_nonnull (strstr (column_a, "三、超期未办结事项（1项）"));
  g_assert_nonnull (strstr (column_a, "四、上次会议以来办结事项（1项）"));
  /* the matters in order under their headings (column C: 事项内容) */
  expected_c = g_strjoin ("\n", "B新交办", "D延期", "H会后办结", "A在办", "E当日到期", "B新交办",
                          "C超期", "F当日办结", NULL);
  {
    g_autoptr (GString) shown = g_string_new (NULL);
    g_auto (GStrv) lines = g_strsplit (column_c, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (strlen (lines[i]) > 0 && g_utf8_strlen (lines[i], -1) <= 6 && lines[i][0] >= 'A' &&
          lines[i][0] <= 'I')
        g_string_append_printf (shown, "%s%s", shown->len > 0 ? "\n" : "", lines[i]);
    g_assert_cmpstr (shown->str, ==, expected_c);
  }
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/meeting-pack/groups", test_groups);
  g_test_add_func ("/meeting-pack/workbook", test_workbook);
  return g_test_run ();
}
