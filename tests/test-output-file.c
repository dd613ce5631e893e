/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files written by exports: a temporary file beside the target, renamed over it when complete;
 * a failed or cancelled write leaves neither a target nor a temporary file, and temporaries that
 * a killed process left are removed by the next export to the same target. */
#include "tj-test.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "tj-csv.h"
#include "tj-error.h"
#include "tj-output-file.h"
#include "tj-report.h"

typedef struct
{
  char *dir;
  char *path; /* dir/名单.xlsx */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("tuijin-output-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "名单.xlsx", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->dir, 0700);
  tj_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A book of @n_rows rows of text and money: a few pages, or many. */
static TjReportBook *
book_new (guint n_rows)
{
  TjReportBook *book = tj_report_book_new ("登封市");
  TjReport *report = tj_report_new ("名单", "登封市2026年重点项目名单");

  tj_report_add_column (report, "序号", TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, "项目名称", TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, "总投资", TJ_REPORT_WAN, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("嵩山文化园第%u期", i + 1);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

      tj_report_set_integer (report, row, 0, i + 1);
      tj_report_set_text (report, row, 1, name);
      tj_report_set_money (report, row, 2, 10000 * (gint64) i);
    }
  tj_report_book_add (book, report);
  return book;
}

/* Every name in @dir but the ones given (a NULL-terminated list), joined by spaces. */
static char *
other_files (const char *dir,
             ...)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GString) names = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      gboolean expected = FALSE;
      const char *known;
      va_list args;

      va_start (args, dir);
      while (!expected && (known = va_arg (args, const char *)) != NULL)
        expected = g_str_equal (name, known);
      va_end (args);
      if (!expected)
        g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
write_book (const char *path,
            guint       n_rows,
            GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  if (g_str_has_suffix (path, ".csv"))
    {
      g_autoptr (TjCsvWriter) writer = tj_csv_writer_new ();
      const char *cells[] = { "1", "嵩山文化园" };

      tj_csv_writer_add_row (writer, cells, G_N_ELEMENTS (cells));
      return tj_csv_writer_save (writer, path, error);
    }
  book = book_new (n_rows);
  return tj_report_book_write (book, path, error);
}

static void
test_commit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (TjOutputFile) output = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *temp_base = NULL;
  g_autofree char *others = NULL;

  output = tj_output_file_new (f->path, &error);
  g_assert_no_error (error);
  temp_base = g_path_get_basename (tj_output_file_get_temp_path (output));
  /* hidden, named after the target and ours */
  g_assert_true (g_str_has_prefix (temp_base, ".名单.xlsx.tj-"));
  g_assert_true (g_str_has_suffix (temp_base, ".part"));
  g_assert_true (g_file_test (tj_output_file_get_temp_path (output), G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  g_assert_true (tj_output_file_write (output, "完整", strlen ("完整"), &error));
  g_assert_true (tj_output_file_commit (output, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "完整");
  g_clear_pointer (&output, tj_output_file_free);
  others = other_files (f->dir, "名单.xlsx", NULL);
  g_assert_cmpstr (others, ==, "");
}

/* Cancelled before it starts (the job's cancellable pushed as the thread's current one), or
 * between the writing and the rename: no target, no temporary, an existing target untouched. */
static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  const char *names[] = { "名单.xlsx", "通报.pdf", "台账.csv" };
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TjOutputFile) output = NULL;
  g_autofree char *others = NULL;
  g_autofree char *kept = g_build_filename (f->dir, "旧.pdf", NULL);
  g_autofree char *contents = NULL;

  g_cancellable_cancel (cancellable);
  g_cancellable_push_current (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);

      g_assert_false (write_book (path, 10, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_nonnull (strstr (error->message, names[i]));
      g_clear_error (&error);
    }
  g_assert_true (g_file_set_contents (kept, "旧的", -1, NULL));
  g_assert_false (write_book (kept, 10, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_cancellable_pop_current (cancellable);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "旧的");
  others = other_files (f->dir, "旧.pdf", NULL);
  g_assert_cmpstr (others, ==, "");

  /* cancelled once written: the commit refuses and removes the temporary file */
  g_cancellable_reset (cancellable);
  g_cancellable_push_current (cancellable);
  output = tj_output_file_new (f->path, &error);
  g_cancellable_pop_current (cancellable);
  g_assert_no_error (error);
  g_assert_true (tj_output_file_write (output, "一半", strlen ("一半"), &error));
  g_assert_false (tj_output_file_is_cancelled (output));
  g_cancellable_cancel (cancellable);
  g_assert_true (tj_output_file_is_cancelled (output));
  g_assert_false (tj_output_file_commit (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&output, tj_output_file_free);
  g_clear_pointer (&others, g_free);
  others = other_files (f->dir, "旧.pdf", NULL);
  g_assert_cmpstr (others, ==, "");
}

typedef struct
{
  char *path;
  guint n_rows;
  GCancellable *cancellable;
  GError *error;
} Writing;

static gpointer
write_thread (gpointer data)
{
  Writing *w = data;
  gboolean ok;

  g_cancellable_push_current (w->cancellable);
  ok = write_book (w->path, w->n_rows, &w->error);
  g_cancellable_pop_current (w->cancellable);
  return GINT_TO_POINTER (ok);
}

/* The writers ask between rows (xlsx) and pages (PDF): a long export cancelled while it writes
 * stops and leaves nothing. */
static void
test_cancelled_while_writing (Fixture       *f,
                              gconstpointer  data)
{
  const char *names[] = { "长名单.xlsx", "长通报.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autofree char *others = NULL;
      Writing w = { path, 60000, cancellable, NULL };
      GThread *thread;
      gint64 started = g_get_monotonic_time ();
      gint64 took;
      gboolean ok;

      thread = g_thread_new ("write", write_thread, &w);
      /* until the temporary file is there: the book is built, the writing begun */
      while (g_strcmp0 ((others = other_files (f->dir, NULL)), "") == 0)
        {
          g_free (others);
          g_usleep (1000);
        }
      g_usleep (20000);
      g_cancellable_cancel (cancellable);
      ok = GPOINTER_TO_INT (g_thread_join (thread));
      took = g_get_monotonic_time () - started;
      g_test_message ("%s: cancelled after %" G_GINT64_FORMAT " ms", names[i], took / 1000);
      g_assert_false (ok);
      g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&w.error);
      g_clear_pointer (&others, g_free);
      others = other_files (f->dir, NULL);
      g_assert_cmpstr (others, ==, "");
    }
}

/* A folder that cannot be written, a target that cannot be replaced: nothing left behind. */
static void
test_failed (Fixture       *f,
             gconstpointer  data)
{
  const char *names[] = { "名单.xlsx", "通报.pdf", "台账.csv" };
  g_autoptr (GError) error = NULL;
  g_autofree char *others = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);

      /* a folder where the file should be: the rename fails, the temporary goes */
      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      g_assert_false (write_book (path, 10, &error));
      g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
      g_assert_nonnull (strstr (error->message, names[i]));
      g_clear_error (&error);
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  others = other_files (f->dir, NULL);
  g_assert_cmpstr (others, ==, "");

  if (geteuid () == 0)
    {
      g_test_message ("running as root: a read-only folder does not stop root");
      return;
    }
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);

      g_assert_false (write_book (path, 10, &error));
      g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
      g_clear_error (&error);
    }
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  g_clear_pointer (&others, g_free);
  others = other_files (f->dir, NULL);
  g_assert_cmpstr (others, ==, "");
}

/* What a process killed while exporting leaves: its temporary file, named with its pid. */
static char *
leave_temporary_of_dead_process (const char *path)
{
  g_autofree char *before = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GDir) d = NULL;
  const char *name;
  int status = 0;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      TjOutputFile *output = tj_output_file_new (path, NULL);

      _exit (output != NULL ? 0 : 1); /* as if killed: nothing removes the temporary */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *pid_part = g_strdup_printf (".tj-%d-", (int) pid);

      if (strstr (name, pid_part) != NULL)
        return g_build_filename (dir, name, NULL);
    }
  g_assert_not_reached ();
}

static void
set_age (const char *path,
         int         seconds)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - seconds;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  const char *names[] = { "名单.xlsx", "通报.pdf", "台账.csv" };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autofree char *dead = leave_temporary_of_dead_process (path);
      g_autofree char *others = NULL;

      g_assert_true (g_file_test (dead, G_FILE_TEST_IS_REGULAR));
      g_assert_true (write_book (path, 10, &error));
      g_assert_no_error (error);
      others = other_files (f->dir, names[i], NULL);
      g_assert_cmpstr (others, ==, "");
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* Another export still writing the same target (its process alive), a temporary from another
 * machine of a shared folder, a fresh "<target>.part" of an earlier version: kept. Once older
 * than an hour they are leftovers whoever wrote them: removed. Files that are not ours: kept. */
static void
test_not_stale (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (TjOutputFile) live = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *foreign = g_build_filename (f->dir, ".名单.xlsx.tj-1-00000000-Ab12Cd.part",
                                               NULL);
  g_autofree char *legacy = g_build_filename (f->dir, "名单.xlsx.part", NULL);
  g_autofree char *notes = g_build_filename (f->dir, ".名单.xlsx.tj-notes.part", NULL);
  g_autofree char *other = g_build_filename (f->dir, ".报表.xlsx.tj-1-00000000-Ab12Cd.part", NULL);
  g_autofree char *live_base = NULL;
  g_autofree char *others = NULL;

  live = tj_output_file_new (f->path, &error);
  g_assert_no_error (error);
  live_base = g_path_get_basename (tj_output_file_get_temp_path (live));
  for (guint i = 0; i < 2; i++)
    {
      const char *files[] = { foreign, legacy, notes, other };

      for (guint j = 0; j < G_N_ELEMENTS (files); j++)
        g_assert_true (g_file_set_contents (files[j], "", 0, NULL));
      if (i == 1)
        for (guint j = 0; j < G_N_ELEMENTS (files); j++)
          set_age (files[j], 2 * 60 * 60);
      set_age (tj_output_file_get_temp_path (live), i == 1 ? 2 * 60 * 60 : 0);

      g_assert_true (write_book (f->path, 10, &error));
      g_assert_no_error (error);
      g_clear_pointer (&others, g_free);
      others = other_files (f->dir, "名单.xlsx", ".名单.xlsx.tj-notes.part",
                            ".报表.xlsx.tj-1-00000000-Ab12Cd.part", NULL);
      if (i == 0)
        {
          g_auto (GStrv) left = g_strsplit (others, " ", -1);

          g_assert_cmpuint (g_strv_length (left), ==, 3);
          g_assert_true (g_strv_contains ((const char *const *) left, live_base));
          g_assert_true (g_strv_contains ((const char *const *) left,
                                          ".名单.xlsx.tj-1-00000000-Ab12Cd.part"));
          g_assert_true (g_strv_contains ((const char *const *) left, "名单.xlsx.part"));
        }
      else
        g_assert_cmpstr (others, ==, "");
    }
}

/* A target name as long as a file name can be: the temporary's name still fits. */
static void
test_long_name (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GString) name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *dead = NULL;
  g_autofree char *others = NULL;
  g_autoptr (GError) error = NULL;

  while (name->len + strlen ("项") + strlen (".xlsx") <= 255)
    g_string_append (name, "项");
  g_string_append (name, ".xlsx");
  path = g_build_filename (f->dir, name->str, NULL);
  dead = leave_temporary_of_dead_process (path);
  g_assert_true (write_book (path, 10, &error));
  g_assert_no_error (error);
  others = other_files (f->dir, name->str, NULL);
  g_assert_cmpstr (others, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/tj/output-file/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("commit-renames-over-the-target", test_commit);
  ADD ("cancelled-leaves-nothing", test_cancelled);
  ADD ("cancelled-while-writing-leaves-nothing", test_cancelled_while_writing);
  ADD ("failed-leaves-nothing", test_failed);
  ADD ("stale-of-a-dead-process-removed", test_stale);
  ADD ("live-foreign-and-fresh-kept", test_not_stale);
  ADD ("long-target-name", test_long_name);
#undef ADD

  return g_test_run ();
}
