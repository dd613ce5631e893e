/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-report-format"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-error.h"
#include "tj-report-format.h"

typedef struct
{
  const char *extension; /* with its dot, in lower case */
  const char *label;     /* for a file chooser's filter */
} FormatInfo;

static const FormatInfo formats[TJ_REPORT_N_FORMATS] = {
  [TJ_REPORT_FORMAT_XLSX] = { ".xlsx", N_("Excel Workbook (.xlsx)") },
  [TJ_REPORT_FORMAT_PDF] = { ".pdf", N_("PDF Document (.pdf)") },
  [TJ_REPORT_FORMAT_CSV] = { ".csv", N_("CSV Table (.csv)") },
};

/* ".xlsx": the extension a file of this format is given. */
const char *
tj_report_format_get_extension (TjReportFormat format)
{
  g_return_val_if_fail (format < TJ_REPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

/* "Excel 工作簿（.xlsx）": translated. */
const char *
tj_report_format_get_label (TjReportFormat format)
{
  g_return_val_if_fail (format < TJ_REPORT_N_FORMATS, NULL);
  return _(formats[format].label);
}

/* The extension of a path's file name with its dot, or NULL when it has none (a dot that starts
 * the name, as in ".xlsx", makes no extension). */
static const char *
extension_of (const char *path)
{
  const char *name = strrchr (path, G_DIR_SEPARATOR);
  const char *dot;

  name = name != NULL ? name + 1 : path;
  dot = strrchr (name, '.');
  return dot != NULL && dot > name && dot[1] != '\0' ? dot : NULL;
}

/* The format a path's extension names, whatever its case (.XLSX, .Pdf). FALSE with an error that
 * names the extension and the accepted ones when it names none. */
gboolean
tj_report_format_from_path (const char     *path,
                            TjReportFormat *format,
                            GError        **error)
{
  const char *extension;

  g_return_val_if_fail (path != NULL, FALSE);

  extension = extension_of (path);
  for (guint i = 0; extension != NULL && i < TJ_REPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (extension, formats[i].extension) == 0)
      {
        if (format != NULL)
          *format = i;
        return TRUE;
      }
  if (extension == NULL)
    /* Translators: "“月通报”：文件名没有扩展名，请以 .xlsx、.pdf 或 .csv 结尾。" */
    g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                 _("“%s”: the file name has no extension; end it in .xlsx, .pdf or .csv."), path);
  else
    /* Translators: "“月通报.txt”：报表不能导出为 .txt 文件，请用 .xlsx、.pdf 或 .csv。" */
    g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                 _("“%s”: a report cannot be written as a %s file; use .xlsx, .pdf or .csv."),
                 path, extension);
  return FALSE;
}

/* The path a file chooser's answer is written to: as it is when its extension names a format,
 * else with the chosen format's extension added ("名单" → "名单.xlsx", "名单.txt" →
 * "名单.txt.xlsx"). */
char *
tj_report_format_complete_path (const char     *path,
                                TjReportFormat  format)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (format < TJ_REPORT_N_FORMATS, NULL);

  if (tj_report_format_from_path (path, NULL, NULL))
    return g_strdup (path);
  return g_strconcat (path, formats[format].extension, NULL);
}

char *
tj_report_format_hundredths (gint64 hundredths)
{
  guint64 magnitude = hundredths < 0 ? -(guint64) hundredths : (guint64) hundredths;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02" G_GUINT64_FORMAT, hundredths < 0 ? "-" : "",
                          magnitude / 100, magnitude % 100);
}
