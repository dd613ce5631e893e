/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Site inspections (issue 8): the reported figure, the suggested verdict, photos, import,
 * ledger and delete with undo, on a real database. */
#include "tj-test.h"

#include <string.h>

#include <cairo.h>

#include "tj-audit.h"
#include "tj-deletion.h"
#include "tj-error.h"
#include "tj-inspection.h"
#include "tj-problem.h"
#include "tj-settings.h"

typedef struct
{
  char *dir;
  TjDb *db;
  gint64 project;
  gint64 organiser;
} Fixture;

/* A 2026 project with 100 万元 reported in each month 1–12. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = tj_test_db_new (&f->dir);
  f->project = tj_test_reported_project (f->db, "嵩山大道", "第%d月进度");
  f->organiser = tj_test_scalar (f->db, "SELECT id FROM units WHERE name = '纪委监委'");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tj_test_db_free (&f->db, &f->dir);
}

static TjInspection *
new_inspection (Fixture    *f,
                const char *date,
                gint64      verified)
{
  TjInspection *inspection = tj_inspection_new ();

  inspection->project_id = f->project;
  inspection->organiser_id = f->organiser;
  inspection->date = g_strdup (date);
  inspection->verified = verified;
  return inspection;
}

static void
test_suggest_edges (void)
{
  /* reported 110 against verified 100: exactly +10% is 属实, one yuan more is 虚报 */
  g_assert_cmpint (tj_inspection_suggest (1100000, 1000000, 100), ==, TJ_VERDICT_TRUE);
  g_assert_cmpint (tj_inspection_suggest (1100001, 1000000, 100), ==, TJ_VERDICT_FALSE);
  g_assert_cmpint (tj_inspection_suggest (900000, 1000000, 100), ==, TJ_VERDICT_TRUE);
  g_assert_cmpint (tj_inspection_suggest (899999, 1000000, 100), ==, TJ_VERDICT_CONCEALED);
  g_assert_cmpint (tj_inspection_suggest (0, 0, 100), ==, TJ_VERDICT_TRUE);
  g_assert_cmpint (tj_inspection_suggest (1, 0, 100), ==, TJ_VERDICT_FALSE);
  /* a tolerance of 5%: +6% is 虚报 */
  g_assert_cmpint (tj_inspection_suggest (1060000, 1000000, 50), ==, TJ_VERDICT_FALSE);
  g_assert_cmpint (tj_inspection_suggest (1050000, 1000000, 50), ==, TJ_VERDICT_TRUE);
}

static void
test_reported (Fixture       *f,
               gconstpointer  data)
{
  const struct
  {
    const char *date;
    gint64 reported;
  } cases[] = {
    { "2025-12-31", 0 },        { "2026-01-20", 0 },        { "2026-06-15", 5000000 },
    { "2026-12-01", 11000000 }, { "2027-02-01", 12000000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 reported = -1;

      g_assert_true (tj_inspection_reported (f->db, f->project, cases[i].date, &reported,
                                             &error));
      g_assert_no_error (error);
      g_assert_cmpint (reported, ==, cases[i].reported);
    }
}

static void
test_save_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (TjInspection) inspection = new_inspection (f, "2026-06-15", 4000000);
  g_autoptr (TjInspection) loaded = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  TjFinding *finding = tj_finding_new ();
  TjRectification *late = tj_rectification_new ();
  TjInspectionSettings settings = { 300, 10 * 1024 * 1024 };

  /* reported 500 万元 against 400 verified: +25%, 虚报; the inspector says 属实 without reason */
  inspection->has_verdict = TRUE;
  inspection->verdict = TJ_VERDICT_TRUE;
  inspection->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_finding_free);
  finding->kind = g_strdup ("进度不实");
  finding->description = g_strdup ("上报进度高于现场");
  late->requirement = g_strdup ("如实填报");
  late->deadline = g_strdup ("2026-07-01");
  g_ptr_array_add (finding->rectifications, late);
  g_ptr_array_add (inspection->findings, finding);
  {
    g_autoptr (GPtrArray) problems = tj_inspection_validate (inspection, f->db);
    const char *reason = tj_problems_find (problems, "verdict_reason");

    g_assert_nonnull (reason);
    /* the message names the field as the form and the import's column do, in Chinese */
    g_assert_nonnull (strstr (reason, "结论说明"));
    g_assert_nonnull (strstr (reason, "属实"));
    g_assert_nonnull (strstr (reason, "虚报"));
  }
  g_assert_false (tj_inspection_save (f->db, inspection, &error));
  g_assert_cmpint (inspection->id, ==, 0);
  g_clear_error (&error);

  inspection->verdict_reason = g_strdup ("含预付款");
  g_assert_true (tj_inspection_save (f->db, inspection, &error));
  g_assert_no_error (error);
  g_assert_cmpint (inspection->suggested, ==, TJ_VERDICT_FALSE);

  loaded = tj_inspection_load (f->db, inspection->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->reported, ==, 5000000);
  g_assert_cmpstr (loaded->reported_progress, ==, "第5月进度");
  g_assert_cmpint (loaded->difference, ==, 1000000);
  g_assert_cmpint (loaded->suggested, ==, TJ_VERDICT_FALSE);
  g_assert_cmpint (loaded->final_verdict, ==, TJ_VERDICT_TRUE);
  g_assert_cmpuint (loaded->findings->len, ==, 1);
  finding = g_ptr_array_index (loaded->findings, 0);
  g_assert_cmpuint (finding->rectifications->len, ==, 1);
  g_assert_true (tj_rectification_is_overdue (g_ptr_array_index (finding->rectifications, 0),
                                              "2026-07-02"));
  g_assert_false (tj_rectification_is_overdue (g_ptr_array_index (finding->rectifications, 0),
                                               "2026-07-01"));

  /* a tolerance of 30%: the suggestion becomes 属实, the inspector's own verdict is no longer
   * different */
  g_assert_true (tj_settings_set_inspections (f->db, &settings, &error));
  list = tj_inspection_list (f->db, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((TjInspection *) g_ptr_array_index (list, 0))->suggested, ==,
                   TJ_VERDICT_TRUE);
  g_assert_cmpuint (((TjInspection *) g_ptr_array_index (list, 0))->n_rectifications, ==, 1);
  g_assert_cmpuint (((TjInspection *) g_ptr_array_index (list, 0))->n_overdue_rectifications,
                    ==, 1);
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (TjInspection) inspection = new_inspection (f, "2026-03-10", 2000000);
  g_autoptr (TjDeletion) deletion = NULL;
  g_autoptr (GError) error = NULL;
  TjFinding *finding = tj_finding_new ();
  TjProjectHoldings holdings;
  g_autofree char *words = NULL;

  inspection->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_finding_free);
  finding->kind = g_strdup ("安全");
  finding->description = g_strdup ("未设围挡");
  g_ptr_array_add (inspection->findings, finding);
  g_assert_true (tj_inspection_save (f->db, inspection, &error));
  g_assert_true (tj_project_holdings (f->db, f->project, &holdings, &error));
  g_assert_cmpuint (holdings.inspections, ==, 1);
  words = tj_project_holdings_describe (&holdings);
  g_assert_nonnull (strstr (words, "1"));

  deletion = tj_project_delete_undoable (f->db, f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM inspections"), ==, 0);
  g_assert_true (tj_deletion_undo (f->db, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM inspections"), ==, 1);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM inspection_findings"), ==, 1);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG of width × height pixels of noise, made with cairo. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (surface);
  GByteArray *png = g_byte_array_new ();
  GRand *rand = g_rand_new_with_seed (8);

  for (int i = 0; i < width * height; i++)
    pixels[i] = g_rand_int (rand);
  cairo_surface_mark_dirty (surface);
  cairo_surface_write_to_png_stream (surface, append_png, png);
  g_rand_free (rand);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static void
test_photos (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (TjInspection) inspection = new_inspection (f, "2026-03-10", 2000000);
  TjInspectionSettings settings = { 100, 1024 * 1024 };
  g_autoptr (GBytes) small = NULL;
  g_autoptr (GBytes) big = NULL;
  g_autoptr (GBytes) fake = g_bytes_new_static ("not an image at all", 19);
  g_autoptr (TjPhoto) photo = NULL;
  g_autoptr (GPtrArray) photos = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sha = NULL;
  gint64 id;

  g_assert_true (tj_inspection_save (f->db, inspection, &error));
  g_assert_true (tj_settings_set_inspections (f->db, &settings, &error));
  small = make_png (500, 500); /* about 1 MB of noise at 4 bytes a pixel, compressed a little */
  big = make_png (600, 600);
  g_assert_cmpuint (g_bytes_get_size (small), <, 1024 * 1024);
  g_assert_cmpuint (g_bytes_get_size (big), >, 1024 * 1024);

  id = tj_photo_add (f->db, inspection->id, 0, "/tmp/现场.png", small, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  photo = tj_photo_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (photo->data, small));
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, small);
  g_assert_cmpstr (photo->sha256, ==, sha);
  g_assert_cmpstr (photo->name, ==, "现场.png");
  g_assert_cmpstr (photo->mime, ==, "image/png");

  g_assert_cmpint (tj_photo_add (f->db, inspection->id, 0, "大图.png", big, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "大图.png"));
  g_assert_nonnull (strstr (error->message, "1.0 MB"));
  g_clear_error (&error);
  g_assert_cmpint (tj_photo_add (f->db, inspection->id, 0, "假的.jpg", fake, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "假的.jpg"));
  g_clear_error (&error);
  photos = tj_photo_list (f->db, inspection->id, &error);
  g_assert_cmpuint (photos->len, ==, 1);
}

/* Deleting an inspection and undoing it: the inspection, its finding, the finding's
 * rectification and its photo come back with the same ids and the photo's bytes, the audit
 * chain whole; refused as a whole when a new inspection has taken the deleted one's id. */
static void
test_inspection_delete_undo (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (TjInspection) inspection = new_inspection (f, "2026-03-10", 2000000);
  g_autoptr (TjInspection) other = NULL;
  g_autoptr (TjInspection) loaded = NULL;
  g_autoptr (TjDeletion) deletion = NULL;
  g_autoptr (TjPhoto) photo = NULL;
  g_autoptr (GBytes) png = make_png (40, 30);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  TjFinding *finding = tj_finding_new ();
  TjRectification *rectification = tj_rectification_new ();
  TjFinding *back;
  gint64 finding_id, rectification_id, photo_id, first_broken = 0, audit_rows = 0;

  finding->kind = g_strdup ("安全文明施工");
  finding->description = g_strdup ("未设围挡");
  rectification->requirement = g_strdup ("补齐围挡");
  rectification->person = g_strdup ("赵六");
  rectification->deadline = g_strdup ("2026-03-31");
  g_ptr_array_add (finding->rectifications, rectification);
  inspection->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_finding_free);
  g_ptr_array_add (inspection->findings, finding);
  inspection->inspectors = g_strdup ("张三、李四");
  g_assert_true (tj_inspection_save (f->db, inspection, &error));
  g_assert_no_error (error);
  finding_id = finding->id;
  rectification_id = rectification->id;
  photo_id = tj_photo_add (f->db, inspection->id, finding_id, "围挡.png", png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (photo_id, >, 0);

  deletion = tj_inspection_delete_undoable (f->db, inspection->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM inspections"), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM inspection_findings"), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM rectifications"), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM inspection_photos"), ==, 0);
  /* deleting it twice: named as gone */
  g_assert_null (tj_inspection_delete_undoable (f->db, inspection->id, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tj_deletion_undo (f->db, deletion, &error));
  g_assert_no_error (error);
  loaded = tj_inspection_load (f->db, inspection->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->inspectors, ==, "张三、李四");
  g_assert_cmpint (loaded->verified, ==, 2000000);
  g_assert_cmpuint (loaded->findings->len, ==, 1);
  back = g_ptr_array_index (loaded->findings, 0);
  g_assert_cmpint (back->id, ==, finding_id);
  g_assert_cmpstr (back->description, ==, "未设围挡");
  g_assert_cmpuint (back->rectifications->len, ==, 1);
  g_assert_cmpint (((TjRectification *) g_ptr_array_index (back->rectifications, 0))->id, ==,
                   rectification_id);
  g_assert_cmpstr (((TjRectification *) g_ptr_array_index (back->rectifications, 0))->requirement,
                   ==, "补齐围挡");
  photo = tj_photo_load (f->db, photo_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (photo->finding_id, ==, finding_id);
  g_assert_cmpstr (photo->name, ==, "围挡.png");
  g_assert_true (g_bytes_equal (photo->data, png));

  /* the delete and the undo are in the audit log, its chain and records intact */
  g_assert_true (tj_audit_verify_chain (f->db, &first_broken, &audit_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_broken, ==, 0);
  g_assert_true (tj_audit_verify_records (f->db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM audit WHERE table_name = "
                                          "'inspection_photos' AND action = 'delete'"),
                   ==, 1);

  /* a new inspection entered after the delete takes the freed id: the undo is refused and
   * nothing is changed */
  g_clear_pointer (&deletion, tj_deletion_free);
  deletion = tj_inspection_delete_undoable (f->db, inspection->id, &error);
  g_assert_no_error (error);
  other = new_inspection (f, "2026-04-02", 3000000);
  g_assert_true (tj_inspection_save (f->db, other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (other->id, ==, inspection->id);
  g_assert_false (tj_deletion_undo (f->db, deletion, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM inspections"), ==, 1);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM inspection_findings"), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM inspection_photos"), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT verified FROM inspections"), ==, 3000000);
}

/* The audit names the new tables in words: an inspection changed behind Tuijin's back is
 * listed by `tuijin check` as 巡查记录. */
static void
test_table_labels (Fixture       *f,
                   gconstpointer  data)
{
  static const char *const labels[][2] = {
    { "meetings", "会议" },
    { "matters", "议定事项" },
    { "matter_extensions", "延期申请" },
    { "matter_reports", "事项进展报告" },
    { "inspections", "巡查记录" },
    { "inspection_findings", "巡查问题" },
    { "rectifications", "整改事项" },
    { "inspection_photos", "巡查照片" },
  };
  g_autoptr (TjInspection) inspection = new_inspection (f, "2026-06-15", 5000000);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_assert_cmpstr (tj_db_table_label (labels[i][0]), ==, labels[i][1]);

  g_assert_true (tj_inspection_save (f->db, inspection, &error));
  g_assert_no_error (error);
  g_assert_true (tj_audit_verify_records (f->db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (tj_db_exec (f->db, "DROP TRIGGER audit_inspections_update", &error));
  g_assert_true (tj_db_exec (f->db, "UPDATE inspections SET verified = 9000000", &error));
  g_assert_true (tj_audit_verify_records (f->db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "巡查记录"));
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/inspections/suggest-edges", test_suggest_edges);
  g_test_add ("/tj/inspections/reported", Fixture, NULL, fixture_set_up, test_reported,
              fixture_tear_down);
  g_test_add ("/tj/inspections/save-and-list", Fixture, NULL, fixture_set_up,
              test_save_and_list, fixture_tear_down);
  g_test_add ("/tj/inspections/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo,
              fixture_tear_down);
  g_test_add ("/tj/inspections/inspection-delete-undo", Fixture, NULL, fixture_set_up,
              test_inspection_delete_undo, fixture_tear_down);
  g_test_add ("/tj/inspections/photos", Fixture, NULL, fixture_set_up, test_photos,
              fixture_tear_down);
  g_test_add ("/tj/inspections/table-labels", Fixture, NULL, fixture_set_up, test_table_labels,
              fixture_tear_down);
  return g_test_run ();
}
