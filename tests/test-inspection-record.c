/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The inspection record (巡查记录表, issue 8) as a PDF, read back with poppler's pdfinfo,
 * pdftotext and pdfimages; written by the core and by `tuijin export inspection-record`. */
#include "tj-test.h"

#include <string.h>

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "tj-inspection-record.h"
#include "tj-inspection.h"

typedef struct
{
  char *dir;
  TjDb *db;
  gint64 project;
  gint64 organiser;
} Fixture;

/* A 2026 project with 100 万元 reported in each month. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = tj_test_db_new (&f->dir);
  f->project = tj_test_reported_project (f->db, "嵩山大道改造工程", "主体结构第%d层");
  f->organiser = tj_test_scalar (f->db, "SELECT id FROM units WHERE name = '纪委监委'");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tj_test_db_free (&f->db, &f->dir);
}

/* An inspection of 2026-06-15 (500 万元 reported) with verified yuan, a finding and its
 * rectification, saved. */
static gint64
save_inspection (Fixture *f,
                 gint64   verified)
{
  g_autoptr (TjInspection) inspection = tj_inspection_new ();
  g_autoptr (GError) error = NULL;
  TjFinding *finding = tj_finding_new ();
  TjRectification *rectification = tj_rectification_new ();

  inspection->project_id = f->project;
  inspection->organiser_id = f->organiser;
  inspection->date = g_strdup ("2026-06-15");
  inspection->verified = verified;
  inspection->inspectors = g_strdup ("李强、赵敏");
  inspection->unannounced = TRUE;
  inspection->seen = g_strdup ("现场塔吊两台在作业，主体结构施工至第四层。");
  inspection->workers = 35;
  inspection->machines = 6;
  inspection->verified_progress = g_strdup ("主体结构第4层");
  inspection->evidence = TJ_EVIDENCE_CONTRACT | TJ_EVIDENCE_LOG;
  inspection->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_finding_free);
  finding->kind = g_strdup ("进度不实");
  finding->description = g_strdup ("上报投资高于现场核实");
  rectification->requirement = g_strdup ("按实际完成额更正月报");
  rectification->person = g_strdup ("张伟");
  rectification->deadline = g_strdup ("2026-07-01");
  g_ptr_array_add (finding->rectifications, rectification);
  g_ptr_array_add (inspection->findings, finding);
  g_assert_true (tj_inspection_save (f->db, inspection, &error));
  g_assert_no_error (error);
  return inspection->id;
}

static char *
run_tool (const char *tool,
          const char *option,
          const char *pdf)
{
  const char *argv[] = { tool, option, pdf, option != NULL ? "-" : NULL, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (option == NULL)
    argv[1] = pdf, argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", NULL, pdf);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* The images of a PDF as `pdfimages -list` lists them: "image" rows, with their encodings. */
static guint
pdf_images (const char *pdf,
            guint      *n_jpeg)
{
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  *n_jpeg = 0;
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr (GPtrArray) words = g_ptr_array_new ();

      for (guint k = 0; fields[k] != NULL; k++)
        if (*fields[k] != '\0')
          g_ptr_array_add (words, fields[k]);
      /* page num type width height color comp bpc enc … */
      if (words->len < 9 || strcmp (g_ptr_array_index (words, 2), "image") != 0)
        continue;
      n++;
      if (strcmp (g_ptr_array_index (words, 8), "jpeg") == 0)
        (*n_jpeg)++;
    }
  return n;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A landscape PNG drawn with cairo: a sky, a ground and a crane's mast. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.55, 0.75, 0.95);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.6, 0.45, 0.3);
  cairo_rectangle (cr, 0, height * 0.7, width, height * 0.3);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.95, 0.75, 0.1);
  cairo_rectangle (cr, width * 0.4, height * 0.1, width * 0.04, height * 0.6);
  cairo_rectangle (cr, width * 0.2, height * 0.1, width * 0.5, height * 0.03);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

/* A portrait JPEG made with gdk-pixbuf: a vertical gradient. */
static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr (GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  char *buffer = NULL;
  gsize size = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * rowstride + x * 3;

        p[0] = (guchar) (255 * y / height);
        p[1] = (guchar) (128 + 127 * x / width);
        p[2] = 90;
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality",
                                            "85", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static void
test_without_photos (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gboolean written;
  g_autofree char *pdf = g_build_filename (f->dir, "巡查记录表.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  gint64 id = save_inspection (f, 4000000); /* 500 reported, 400 verified: +25%, 虚报 */
  guint n_jpeg;

  written = tj_inspection_record_write (f->db, id, pdf, &error);
  g_assert_no_error (error);
  g_assert_true (written);
  g_assert_cmpint (pdf_pages (pdf), ==, 1);
  g_assert_cmpuint (pdf_images (pdf, &n_jpeg), ==, 0);
  text = run_tool ("pdftotext", "-raw", pdf);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (text, "巡查记录表"));
  g_assert_nonnull (strstr (text, "登封市发展和改革委员会"));
  g_assert_nonnull (strstr (flat, "嵩山大道改造工程"));
  /* reported 500.00, verified 400.00, difference 100.00, rate 25.0% */
  g_assert_nonnull (strstr (text, "500.00"));
  g_assert_nonnull (strstr (text, "400.00"));
  g_assert_nonnull (strstr (text, "100.00"));
  g_assert_nonnull (strstr (text, "25.0%"));
  g_assert_nonnull (strstr (text, "虚报"));
  g_assert_null (strstr (text, "属实"));
  g_assert_nonnull (strstr (text, "☑施工合同"));
  g_assert_nonnull (strstr (text, "☐批复文件"));
  g_assert_nonnull (strstr (flat, "按实际完成额更正月报"));
  g_assert_nonnull (strstr (text, "第 1 页"));
}

static void
test_true_verdict (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gboolean written;
  g_autofree char *pdf = g_build_filename (f->dir, "属实.pdf", NULL);
  g_autofree char *text = NULL;
  gint64 id = save_inspection (f, 5200000); /* 500 against 520: −3.8%, 属实 */

  written = tj_inspection_record_write (f->db, id, pdf, &error);
  g_assert_no_error (error);
  g_assert_true (written);
  text = run_tool ("pdftotext", "-raw", pdf);
  g_assert_nonnull (strstr (text, "属实"));
  g_assert_null (strstr (text, "虚报"));
  g_assert_nonnull (strstr (text, "-20.00"));
  g_assert_nonnull (strstr (text, "-3.8%"));
}

static void
test_photos (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gboolean written;
  g_autofree char *pdf = g_build_filename (f->dir, "照片.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (TjInspectionRecord) record = NULL;
  g_autoptr (TjInspection) loaded = NULL;
  g_autoptr (GBytes) png = make_png (1200, 800);
  g_autoptr (GBytes) jpeg = make_jpeg (600, 900);
  gint64 id = save_inspection (f, 4000000);
  gint64 finding;
  guint n_jpeg = 0;
  int pages;

  loaded = tj_inspection_load (f->db, id, &error);
  g_assert_no_error (error);
  finding = ((TjFinding *) g_ptr_array_index (loaded->findings, 0))->id;
  for (int i = 1; i <= 7; i++)
    {
      g_autofree char *name = g_strdup_printf (i % 2 != 0 ? "现场%d.png" : "现场%d.jpg", i);

      g_assert_cmpint (tj_photo_add (f->db, id, i == 7 ? finding : 0, name,
                                     i % 2 != 0 ? png : jpeg, &error), >, 0);
      g_assert_no_error (error);
    }

  written = tj_inspection_record_write (f->db, id, pdf, &error);
  g_assert_no_error (error);
  g_assert_true (written);
  /* the form and the first row of photos on the first page, three rows on the next */
  pages = pdf_pages (pdf);
  g_assert_cmpint (pages, ==, 2);
  /* every photo placed, the JPEGs as their own bytes */
  g_assert_cmpuint (pdf_images (pdf, &n_jpeg), ==, 7);
  g_assert_cmpuint (n_jpeg, ==, 3);
  text = run_tool ("pdftotext", "-raw", pdf);
  g_assert_nonnull (strstr (text, "现场照片"));
  g_assert_nonnull (strstr (text, "现场1.png"));
  g_assert_nonnull (strstr (text, "现场6.jpg"));
  g_assert_nonnull (strstr (text, "问题1：现场7.png"));
  g_assert_nonnull (strstr (text, "共 2 页"));
  g_assert_nonnull (strstr (text, "巡查记录表（续）"));

  /* the pages the window prints are the PDF's */
  record = tj_inspection_record_new (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tj_inspection_record_paginate (record, NULL, 595.28, 841.89), ==, pages);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "无.pdf", NULL);

  g_assert_false (tj_inspection_record_write (f->db, 999, pdf, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "记录.pdf", NULL);
  g_autofree char *db = g_build_filename (f->dir, "test.db", NULL);
  g_autofree char *id_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  gint64 id = save_inspection (f, 4000000);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (tj_test_run_tuijin (db, &out, &err, "export", "inspection-record", "--id",
                                       id_text, "--output", pdf, NULL),
                   ==, 0);
  text = run_tool ("pdftotext", "-raw", pdf);
  g_assert_nonnull (strstr (text, "巡查记录表"));
  g_assert_nonnull (strstr (text, "100.00"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  /* only a PDF */
  g_assert_cmpint (tj_test_run_tuijin (db, &out, &err, "export", "inspection-record", "--id",
                                       id_text, "--output", "记录.xlsx", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "--output"));
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add ("/tj/inspection-record/without-photos", Fixture, NULL, fixture_set_up,
              test_without_photos, fixture_tear_down);
  g_test_add ("/tj/inspection-record/true-verdict", Fixture, NULL, fixture_set_up,
              test_true_verdict, fixture_tear_down);
  g_test_add ("/tj/inspection-record/photos", Fixture, NULL, fixture_set_up, test_photos,
              fixture_tear_down);
  g_test_add ("/tj/inspection-record/missing", Fixture, NULL, fixture_set_up, test_missing,
              fixture_tear_down);
  g_test_add ("/tj/inspection-record/cli", Fixture, NULL, fixture_set_up, test_cli,
              fixture_tear_down);
  return g_test_run ();
}
