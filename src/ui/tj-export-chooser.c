/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-export-chooser"
#include "config.h"

#include "tj-export-chooser.h"

#define FORMAT_KEY "tj-report-format"

/* Adds a filter of the files of a format, whatever the case of their extension; label: what the
 * file is in this export ("Ledger for Import (.csv)"), or NULL for the format's own. The first
 * filter added is the format a name without extension gets. */
void
tj_export_chooser_add_filter (GtkFileChooser *chooser,
                              TjReportFormat  format,
                              const char     *label)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (format < TJ_REPORT_N_FORMATS);

  gtk_file_filter_set_name (filter, label != NULL ? label : tj_report_format_get_label (format));
  /* the extension without its dot: matched in any case */
  gtk_file_filter_add_suffix (filter, tj_report_format_get_extension (format) + 1);
  g_object_set_data (G_OBJECT (filter), FORMAT_KEY, GUINT_TO_POINTER (format + 1));
  gtk_file_chooser_add_filter (chooser, filter);
}

/* The path chosen, or NULL: as written when its extension names a format, else with the
 * extension of the filter chosen (or of the first) added. */
char *
tj_export_chooser_get_path (GtkFileChooser *chooser)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GListModel) filters = NULL;
  g_autoptr (GtkFileFilter) first = NULL;
  g_autofree char *path = NULL;
  GtkFileFilter *chosen;
  guint format;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);

  file = gtk_file_chooser_get_file (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return NULL;
  chosen = gtk_file_chooser_get_filter (chooser);
  if (chosen == NULL)
    {
      filters = gtk_file_chooser_get_filters (chooser);
      if (g_list_model_get_n_items (filters) > 0)
        chosen = first = g_list_model_get_item (filters, 0);
    }
  format = chosen != NULL ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chosen), FORMAT_KEY))
                          : 0;
  return tj_report_format_complete_path (path, format > 0 ? format - 1 : TJ_REPORT_FORMAT_XLSX);
}
