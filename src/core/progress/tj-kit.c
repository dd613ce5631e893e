/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-kit"
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "tj-bulletin.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-kit.h"
#include "tj-output-file.h"
#include "tj-progress-private.h"
#include "tj-settings.h"
#include "tj-workbook.h"

/* Writing the township fill-in kits of month M (乡镇填报包): per locality one workbook, its
 * projects' name, plan and cumulative up to M − 1 (as the bulletin computes it) locked, the
 * month's columns open with data validation, the sheet protected without a password, and a
 * hidden checksum sheet: the database's identity, the month, the locality, and per locked cell
 * a SHA-256 of its value, so that the import (tj-kit-import.c) tells a changed cell. */

#define N_LOCKED TJ_PROGRESS_KIT_LOCKED
#define HEADER_ROW 2 /* zero-based: the title, the office's line, then the header */

/* The hash of a locked cell as the import reads it back: the database's identity and the
 * project salt it, so a cell copied from another kit or row does not match. */
char *
tj_kit_cell_hash (const char *database_id,
                  gint64      project_id,
                  const char *value)
{
  g_autofree char *text = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%s", database_id,
                                           project_id, value);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* The database's identity: a random id kept in its settings from the first kit on. */
static char *
database_id (TjDb    *db,
             GError **error)
{
  g_autofree char *id = NULL;

  if (!tj_db_read_setting (db, TJ_KIT_DATABASE_ID_KEY, &id, error))
    return NULL;
  if (id == NULL)
    {
      id = g_uuid_string_random ();
      if (!tj_db_set_setting (db, TJ_KIT_DATABASE_ID_KEY, id, error))
        return NULL;
    }
  return g_steal_pointer (&id);
}

typedef struct
{
  TjDb *db;
  const char *id;
  int year;
  int month;
  const char *deadline;
  const char *organisation;
} Kit;

static char *
wan_text (gint64 yuan)
{
  return tj_workbook_format_number ((double) yuan / 10000.0);
}

static void
write_instructions (lxw_workbook *workbook,
                    const Kit    *kit,
                    const char   *locality,
                    lxw_format   *title,
                    lxw_format   *wrap)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "填报说明");
  g_autofree char *who = g_strdup_printf (
    _("1. Who fills it in: %s. The colleague in charge of key projects fills it in; the "
      "responsible leader checks it."), locality);
  g_autofree char *when = g_strdup_printf (_("2. Deadline: return it to %s by %s."),
                                           kit->organisation, kit->deadline);
  g_autofree char *what = g_strdup_printf (
    _("3. What to fill in: on the sheet “%s”, the grey columns (project name, annual plan, "
      "cumulative to the end of last month) are filled in by %s and locked; do not change them. "
      "Fill in the white columns: month %d's investment completed, physical progress, problems "
      "and next steps."),
    TJ_KIT_SHEET, kit->organisation, kit->month);
  const char *lines[] = {
    who, when, what,
    _("4. Units: amounts in 10,000 yuan, up to four decimals; this month's figure is not "
      "negative. To take back investment over-reported in earlier months, a negative figure may "
      "be entered, but only with the reason in “更正说明”; otherwise it is not imported."),
    _("5. How to return it: save it as it is (.xlsx), without renaming it, saving it in another "
      "format or adding or removing rows and columns, and send it by e-mail or the government "
      "network. No password is needed to fill it in."),
    _("6. A project without progress this month: enter 0 and give the reason under problems."),
  };

  worksheet_set_column (sheet, 0, 0, 76, wrap);
  worksheet_write_string (sheet, 0, 0, _("How to fill in this kit"), title);
  worksheet_set_row (sheet, 0, 24, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      /* spreadsheets do not grow a row to its wrapped text on opening: a CJK character is
       * about 2 units of the 76-unit column, 16 points a line */
      guint n_lines = (guint) g_utf8_strlen (lines[i], -1) * 2 / 72 + 1;

      worksheet_set_row (sheet, i + 1, 16.0 * n_lines + 4, NULL);
      worksheet_write_string (sheet, i + 1, 0, lines[i], wrap);
    }
  worksheet_set_paper (sheet, 9);
  worksheet_fit_to_pages (sheet, 1, 0);
}

/* One locality's workbook, written through a temporary file renamed when complete. */
static gboolean
write_kit (const Kit               *kit,
           const TjBulletinFigures *locality,
           GPtrArray               *projects,
           const char              *path,
           GError                 **error)
{
  g_autoptr (TjOutputFile) output = tj_output_file_new (path, error);
  lxw_workbook *workbook;
  lxw_worksheet *sheet, *check;
  lxw_format *title, *header, *locked, *locked_serial, *locked_number, *open, *open_number;
  lxw_format *wrap;
  lxw_protection protection = { 0 };
  lxw_data_validation validation = { 0 };
  g_autofree char *title_text = NULL;
  g_autofree char *office = NULL;
  g_autofree char *formula = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *correction = NULL;
  g_autofree char *year_text = g_strdup_printf ("%d", kit->year);
  g_autofree char *month_text = g_strdup_printf ("%d", kit->month);
  g_autofree char *locality_id = g_strdup_printf ("%" G_GINT64_FORMAT, locality->id);
  guint last;
  lxw_error failure;
  guint n_columns;
  const char *const *kit_headers = tj_progress_kit_headers (&n_columns);

  if (output == NULL)
    return FALSE;
  workbook = workbook_new (tj_output_file_get_temp_path (output));
  if (workbook == NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  title = workbook_add_format (workbook);
  format_set_bold (title);
  format_set_font_size (title, 16);
  format_set_align (title, LXW_ALIGN_CENTER);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_border (header, LXW_BORDER_THIN);
  format_set_text_wrap (header);
  format_set_align (header, LXW_ALIGN_CENTER);
  format_set_align (header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (header, 0xD9D9D9);
  locked = workbook_add_format (workbook);
  format_set_border (locked, LXW_BORDER_THIN);
  format_set_bg_color (locked, 0xF2F2F2);
  format_set_text_wrap (locked);
  locked_serial = workbook_add_format (workbook);
  format_set_border (locked_serial, LXW_BORDER_THIN);
  format_set_bg_color (locked_serial, 0xF2F2F2);
  format_set_align (locked_serial, LXW_ALIGN_CENTER);
  locked_number = workbook_add_format (workbook);
  format_set_border (locked_number, LXW_BORDER_THIN);
  format_set_bg_color (locked_number, 0xF2F2F2);
  format_set_num_format (locked_number, "#,##0.00##");
  open = workbook_add_format (workbook);
  format_set_border (open, LXW_BORDER_THIN);
  format_set_text_wrap (open);
  format_set_unlocked (open);
  open_number = workbook_add_format (workbook);
  format_set_border (open_number, LXW_BORDER_THIN);
  format_set_num_format (open_number, "#,##0.00##");
  format_set_unlocked (open_number);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);

  sheet = workbook_add_worksheet (workbook, TJ_KIT_SHEET);
  /* Translators: "城关镇2026年10月项目进度填报表" */
  title_text = g_strdup_printf (_("%1$s: project progress of %3$d-%2$d"), locality->name,
                                kit->month, kit->year);
  office = g_strdup_printf (_("Filled in by: %s (seal)    Sent by: %s    Return by: %s"),
                            locality->name, kit->organisation, kit->deadline);
  worksheet_merge_range (sheet, 0, 0, 0, n_columns - 1, title_text, title);
  worksheet_merge_range (sheet, 1, 0, 1, n_columns - 1, office, NULL);
  for (guint c = 0; c < n_columns; c++)
    worksheet_write_string (sheet, HEADER_ROW, c, kit_headers[c], header);
  worksheet_set_row (sheet, HEADER_ROW, 30, NULL);
  worksheet_set_column (sheet, 0, 0, 6, NULL);
  worksheet_set_column (sheet, 1, 1, 36, NULL);
  worksheet_set_column (sheet, 2, 4, 16, NULL);
  worksheet_set_column (sheet, 5, 8, 22, NULL);
  worksheet_freeze_panes (sheet, HEADER_ROW + 1, 2);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, HEADER_ROW, HEADER_ROW);

  check = workbook_add_worksheet (workbook, TJ_KIT_CHECK_SHEET);
  worksheet_write_string (check, 0, 0, "数据库", NULL);
  worksheet_write_string (check, 0, 1, kit->id, NULL);
  worksheet_write_string (check, 1, 0, "年", NULL);
  worksheet_write_string (check, 1, 1, year_text, NULL);
  worksheet_write_string (check, 2, 0, "月", NULL);
  worksheet_write_string (check, 2, 1, month_text, NULL);
  worksheet_write_string (check, 3, 0, "地区", NULL);
  worksheet_write_string (check, 3, 1, locality_id, NULL);
  worksheet_write_string (check, 3, 2, locality->name, NULL);

  for (guint i = 0; i < projects->len; i++)
    {
      const TjBulletinProject *p = g_ptr_array_index (projects, i);
      guint row = HEADER_ROW + 1 + i;
      g_autofree char *serial = g_strdup_printf ("%u", i + 1);
      g_autofree char *plan = wan_text (p->plan);
      gint64 before = p->cumulative - p->month_completed;
      g_autofree char *before_text = wan_text (before);
      g_autofree char *row_text = g_strdup_printf ("%u", row + 1);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, p->id);
      const char *values[N_LOCKED] = { serial, p->name, plan, before_text };

      worksheet_set_row (sheet, row, 22, NULL);
      worksheet_write_number (sheet, row, 0, i + 1, locked_serial);
      worksheet_write_string (sheet, row, 1, p->name, locked);
      worksheet_write_number (sheet, row, 2, (double) p->plan / 10000.0, locked_number);
      worksheet_write_number (sheet, row, 3, (double) before / 10000.0, locked_number);
      worksheet_write_blank (sheet, row, N_LOCKED, open_number);
      for (guint c = N_LOCKED + 1; c < n_columns; c++)
        worksheet_write_blank (sheet, row, c, open);

      worksheet_write_string (check, 5 + i, 0, row_text, NULL);
      worksheet_write_string (check, 5 + i, 1, id_text, NULL);
      for (guint c = 0; c < N_LOCKED; c++)
        {
          g_autofree char *hash = tj_kit_cell_hash (kit->id, p->id, values[c]);

          worksheet_write_string (check, 5 + i, 2 + c, hash, NULL);
        }
    }
  worksheet_write_string (check, 4, 0, "行", NULL);
  worksheet_write_string (check, 4, 1, "项目", NULL);

  /* the month's figure: a number, not negative unless the row's 更正说明 says why */
  last = HEADER_ROW + MAX (projects->len, 1);
  figure = tj_workbook_column_letters (N_LOCKED);
  correction = tj_workbook_column_letters (n_columns - 1);
  formula = g_strdup_printf ("=AND(ISNUMBER(%1$s%3$d),OR(%1$s%3$d>=0,LEN(%2$s%3$d)>0))", figure,
                             correction, HEADER_ROW + 2);
  validation.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
  validation.value_formula = formula;
  validation.input_title = (char *) kit_headers[N_LOCKED];
  validation.input_message = _("This month's investment completed, in 10,000 yuan, 0 or more. "
                               "A negative figure takes back earlier months and needs "
                               "“更正说明”.");
  validation.error_title = _("Not a valid figure");
  validation.error_message = _("This month's figure is a number of 0 or more (10,000 yuan); "
                               "for a negative one, fill in “更正说明” first.");
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  worksheet_data_validation_range (sheet, HEADER_ROW + 1, N_LOCKED, last, N_LOCKED, &validation);

  worksheet_protect (sheet, NULL, &protection);
  worksheet_protect (check, NULL, &protection);
  write_instructions (workbook, kit, locality->name, title, wrap);
  worksheet_activate (sheet);
  worksheet_hide (check);

  failure = workbook_close (workbook);
  if (failure != LXW_NO_ERROR)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   lxw_strerror (failure));
      return FALSE;
    }
  return tj_output_file_commit (output, error);
}

/* Writes month M's kits into folder, one per locality with projects in the year's list, and
 * returns their paths. deadline (YYYY-MM-DD) NULL is the 5th of the next month. */
GPtrArray *
tj_kit_export (TjDb       *db,
               int         year,
               int         month,
               const char *deadline,
               const char *folder,
               GError    **error)
{
  g_autoptr (TjBulletin) bulletin = NULL;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  g_autofree char *default_deadline = NULL;
  Kit kit = { 0 };

  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!tj_year_month_check (year, month, error))
    return NULL;
  if (deadline == NULL)
    deadline = default_deadline = g_strdup_printf ("%04d-%02d-05", year + month / 12,
                                                   month % 12 + 1);
  if ((bulletin = tj_bulletin_build (db, year, month, error)) == NULL ||
      (id = database_id (db, error)) == NULL)
    return NULL;
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), folder,
                   g_strerror (saved));
      return NULL;
    }
  kit = (Kit){ db, id, year, month, deadline, bulletin->organisation };

  for (guint l = 0; l < bulletin->localities->len; l++)
    {
      const TjBulletinFigures *locality =
        &g_array_index (bulletin->localities, TjBulletinFigures, l);
      g_autoptr (GPtrArray) projects = g_ptr_array_new ();
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (locality->id == 0 || locality->name == NULL)
        continue;
      for (guint i = 0; i < bulletin->projects->len; i++)
        {
          TjBulletinProject *p = &g_array_index (bulletin->projects, TjBulletinProject, i);

          if (p->locality_id == locality->id)
            g_ptr_array_add (projects, p);
        }
      if (projects->len == 0)
        continue;
      /* Translators: the kit's file name, "「城关镇」2026年10月项目进度填报表.xlsx" */
      name = g_strdup_printf (_("%1$s project progress of %3$d-%2$d.xlsx"), locality->name,
                              month, year);
      path = g_build_filename (folder, name, NULL);
      if (!write_kit (&kit, locality, projects, path, error))
        return NULL;
      g_ptr_array_add (written, g_steal_pointer (&path));
    }
  return g_steal_pointer (&written);
}
