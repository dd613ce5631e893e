/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-preferences-window"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tj-alert.h"
#include "tj-settings.h"
#include "tj-auto-backup.h"
#include "tj-calendar.h"
#include "tj-date.h"
#include "tj-file-chooser.h"
#include "tj-ledger.h"
#include "tj-limits.h"
#include "tj-money.h"
#include "tj-preferences-window.h"

/* The organisation's settings live in its database, so that every report and every machine that
 * opens the file names the same organisation and levels. */
static const struct
{
  const char *key;
  int group;
  const char *title;
} settings[] = {
  { "organisation", 0, N_("Organisation (used in every report title)") },
  { "level-provincial", 1, N_("Provincial level") },
  { "level-prefectural", 1, N_("Prefectural level") },
  { "level-city", 1, N_("City level") },
  { "level-provincial-short", 1, N_("Provincial level, short") },
  { "level-prefectural-short", 1, N_("Prefectural level, short") },
  { "level-city-short", 1, N_("City level, short") },
  { "industries", 2, N_("Industries, separated by “;”") },
};

/* A setting that was not saved is said, not logged: the field keeps what was typed. */
static void
show_save_error (GtkWidget    *field,
                 const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (field);

  tj_alert (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Cannot Save the Setting"),
            error->message);
}

static void
apply_cb (AdwEntryRow *row,
          TjDb        *db)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (GError) error = NULL;

  if (*value == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (g_str_equal (key, "industries"))
    {
      /* a full-width separator, as Chinese input methods type it, counts as “;” */
      g_auto (GStrv) parts = g_strsplit (value, "；", -1);

      g_free (value);
      value = g_strjoinv (";", parts);
    }
  if (!tj_db_set_setting (db, key, value, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_save_error (GTK_WIDGET (row), error);
    }
}

/* The bulletin's lights (推进机制 九): thresholds in percentage points behind the time schedule,
 * and the months a due project may stay unstarted before its light turns red. The bounds and the
 * rule that green lies above red are core's (tj-settings); a refused value shows core's words. */
typedef enum
{
  LIGHT_GREEN,
  LIGHT_RED,
  LIGHT_START_RED,
  N_LIGHTS
} Light;

static const struct
{
  const char *title;
  const char *subtitle;
  int lower;
  int upper;
} thresholds[N_LIGHTS] = {
  [LIGHT_GREEN] = { N_("Green down to"), N_("Points behind the time schedule still green"),
                    TJ_SETTINGS_GAP_LOWEST, TJ_SETTINGS_GAP_HIGHEST },
  [LIGHT_RED] = { N_("Red below"), N_("Points behind the time schedule that turn red"),
                  TJ_SETTINGS_GAP_LOWEST, TJ_SETTINGS_GAP_HIGHEST },
  [LIGHT_START_RED] = { N_("Start light red after"),
                        N_("Months a project due to start may stay unstarted before its light "
                           "turns red"),
                        TJ_SETTINGS_START_RED_MONTHS_LOWEST, TJ_SETTINGS_START_RED_MONTHS_HIGHEST },
};

static void
threshold_changed_cb (GtkSpinButton *spin,
                      TjDb          *db)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_PREFERENCES_GROUP);
  GtkSpinButton **spins = g_object_get_data (G_OBJECT (group), "spins");
  AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (spin),
                                                               ADW_TYPE_ACTION_ROW));
  TjLightSettings lights = {
    gtk_spin_button_get_value_as_int (spins[LIGHT_GREEN]),
    gtk_spin_button_get_value_as_int (spins[LIGHT_RED]),
    gtk_spin_button_get_value_as_int (spins[LIGHT_START_RED]),
  };
  g_autoptr (GError) error = NULL;

  if (!tj_settings_set_lights (db, &lights, &error))
    {
      adw_action_row_set_subtitle (row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  for (Light i = 0; i < N_LIGHTS; i++)
    {
      GtkWidget *other = gtk_widget_get_ancestor (GTK_WIDGET (spins[i]), ADW_TYPE_ACTION_ROW);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (other), _(thresholds[i].subtitle));
      gtk_widget_remove_css_class (other, "error");
    }
}

static GtkWidget *
lights_group (TjDb *db)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkSpinButton **spins = g_new0 (GtkSpinButton *, N_LIGHTS);
  TjLightSettings lights;
  g_autoptr (GError) error = NULL;
  gboolean read = tj_settings_read_lights (db, &lights, &error);
  const int *values[N_LIGHTS] = { &lights.green_gap, &lights.red_gap, &lights.start_red_months };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Bulletin Lights"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         read ? _("Green, yellow and red lights of the monthly "
                                                  "bulletin. Yellow lies between green and red.")
                                              : error->message);
  g_object_set_data_full (G_OBJECT (group), "spins", spins, g_free);
  for (Light i = 0; i < N_LIGHTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (thresholds[i].lower, thresholds[i].upper, 1);

      spins[i] = GTK_SPIN_BUTTON (spin);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(thresholds[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(thresholds[i].subtitle));
      if (read)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), *values[i]);
      /* a value not read must not be written back as another */
      gtk_widget_set_sensitive (spin, read);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (Light i = 0; i < N_LIGHTS; i++)
    g_signal_connect_object (spins[i], "value-changed", G_CALLBACK (threshold_changed_cb), db, 0);
  return group;
}

static void
keep_days_changed_cb (GtkSpinButton *spin,
                      TjDb          *db)
{
  g_autoptr (GError) error = NULL;

  if (!tj_auto_backup_set_keep_days (db, gtk_spin_button_get_value_as_int (spin), &error))
    show_save_error (GTK_WIDGET (spin), error);
}

/* The daily backup made while the window is open, and how many days of them are kept. */
static GtkWidget *
backup_group (TjDb *db)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, TJ_AUTO_BACKUP_KEEP_DAYS_MAX, 1);
  g_autofree char *folder = tj_auto_backup_folder (tj_db_get_path (db));
  g_autofree char *description = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Daily Backup"));
  /* Translators: the folder of the daily backups follows */
  description = g_strdup_printf (_("While the window is open, Tuijin copies the database once a "
                                   "day into %s."),
                                 folder);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Days to keep"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Older daily backups are deleted; other files in the folder are "
                                 "left alone"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), tj_auto_backup_get_keep_days (db));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (keep_days_changed_cb), db, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

static void
max_amount_changed_cb (GtkSpinButton *spin,
                       TjDb          *db)
{
  g_autoptr (GError) error = NULL;
  /* the row shows 亿元 */
  gint64 yi = gtk_spin_button_get_value_as_int (spin);

  if (!tj_limits_set_max_amount (db, yi * TJ_YUAN_PER_YI, &error))
    show_save_error (GTK_WIDGET (spin), error);
}

/* The largest amount a project's figure may be: a typing slip of a few zeros is refused. */
static GtkWidget *
limits_group (TjDb *db)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (
    1, (double) (TJ_LIMITS_MAX_AMOUNT_CEILING / TJ_YUAN_PER_YI), 100);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Checks on Entry"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("Largest amount (100 million yuan)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("A total investment, annual plan or month's figure above it is "
                                 "refused, on entry and on import"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             (double) (tj_limits_max_amount (db) / TJ_YUAN_PER_YI));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (max_amount_changed_cb), db, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

/* 节假日: the holiday table every working-day limit uses (推进机制 三), one expander per year with
 * its days, a row to add a day, and an import that replaces a year. */
typedef struct
{
  TjDb *db;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GPtrArray *rows;
  GtkEntry *date;
  GtkDropDown *kind;
  GtkEntry *name;
  GtkLabel *message;
  GtkFileChooserNative *chooser;
} Holidays;

static void fill_holidays (Holidays *holidays);

static void
holidays_free (Holidays *holidays)
{
  g_clear_object (&holidays->chooser);
  g_ptr_array_unref (holidays->rows);
  g_free (holidays);
}

static void
delete_day_clicked_cb (GtkButton *button,
                       Holidays  *holidays)
{
  g_autoptr (GError) error = NULL;

  if (!tj_holidays_delete (holidays->db, g_object_get_data (G_OBJECT (button), "date"), &error))
    gtk_label_set_text (holidays->message, error->message);
  else
    fill_holidays (holidays);
}

static void
fill_holidays (Holidays *holidays)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);

  for (guint i = 0; i < holidays->rows->len; i++)
    adw_preferences_group_remove (holidays->group, g_ptr_array_index (holidays->rows, i));
  g_ptr_array_set_size (holidays->rows, 0);
  for (int year = this_year + 1; year >= 2018; year--)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) days = tj_holidays_list (holidays->db, year, &error);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf (_("Year %d"), year);
      g_autofree char *subtitle = NULL;
      guint off = 0, worked = 0;

      for (guint k = 0; days != NULL && k < days->len; k++)
        {
          TjHoliday *day = g_ptr_array_index (days, k);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gboolean holiday = g_strcmp0 (day->kind, "holiday") == 0;
          g_autofree char *line = g_strdup_printf ("%s  %s", day->date,
                                                   holiday ? _("Day off") : _("Working day"));

          off += holiday;
          worked += !holiday;
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), day->name);
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Delete"));
          g_object_set_data_full (G_OBJECT (remove), "date", g_strdup (day->date), g_free);
          g_signal_connect (remove, "clicked", G_CALLBACK (delete_day_clicked_cb), holidays);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      if (days == NULL)
        {
          /* not "no table": the year's table may well be there */
          subtitle = g_strdup_printf (_("Cannot read the table: %s"), error->message);
          gtk_widget_add_css_class (expander, "error");
        }
      else if (days->len == 0)
        subtitle = g_strdup (_("No table: counted as plain weekdays"));
      else
        subtitle = g_strdup_printf (_("%u days off, %u adjusted working days"), off, worked);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander),
                                             days != NULL && days->len > 0);
      adw_preferences_group_add (holidays->group, expander);
      g_ptr_array_add (holidays->rows, expander);
    }
}

static void
add_day_clicked_cb (Holidays *holidays)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = tj_date_parse (gtk_editable_get_text (GTK_EDITABLE (holidays->date)),
                                         &error);
  const char *kind = gtk_drop_down_get_selected (holidays->kind) == 0 ? "holiday" : "workday";

  if (date == NULL ||
      !tj_holidays_save (holidays->db, date, kind,
                         gtk_editable_get_text (GTK_EDITABLE (holidays->name)), &error))
    {
      gtk_label_set_text (holidays->message, error->message);
      return;
    }
  gtk_label_set_text (holidays->message, "");
  gtk_editable_set_text (GTK_EDITABLE (holidays->date), "");
  fill_holidays (holidays);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    Holidays        *holidays)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
      if (!tj_holidays_import (holidays->db, path, FALSE, &result, &error))
        {
          g_autoptr (GString) text = g_string_new (error->message);

          for (guint i = 0; result != NULL && i < result->errors->len; i++)
            g_string_append_printf (text, "\n%s", (char *) g_ptr_array_index (result->errors, i));
          gtk_label_set_text (holidays->message, text->str);
        }
      else
        {
          gtk_label_set_text (holidays->message, "");
          fill_holidays (holidays);
        }
    }
  g_clear_object (&holidays->chooser);
}

static void
import_clicked_cb (GtkButton *button,
                   Holidays  *holidays)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&holidays->chooser);
  holidays->chooser = gtk_file_chooser_native_new (
      _("Import Holidays"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Holiday table (CSV: 日期, 类型, 名称)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (holidays->chooser), filter);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (holidays->chooser));
  g_signal_connect (holidays->chooser, "response", G_CALLBACK (import_response_cb), holidays);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (holidays->chooser));
}

static GtkWidget *
holidays_page (TjDb *db)
{
  Holidays *holidays = g_new0 (Holidays, 1);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *add_group = adw_preferences_group_new ();
  GtkWidget *add_row = adw_action_row_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import…"));
  const char *kinds[] = { _("Day off"), _("Working day"), NULL };

  holidays->db = db;
  holidays->rows = g_ptr_array_new ();
  holidays->page = ADW_PREFERENCES_PAGE (page);
  adw_preferences_page_set_title (holidays->page, _("Holidays"));
  adw_preferences_page_set_icon_name (holidays->page, "x-office-calendar-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add_group), _("Add a Day"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (add_group),
                                         _("Time limits count working days: Monday to Friday, "
                                           "without public holidays, with the adjusted working "
                                           "weekends. An imported year replaces that year."));
  holidays->date = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (holidays->date, "2026-10-01");
  gtk_editable_set_width_chars (GTK_EDITABLE (holidays->date), 11);
  holidays->kind = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  holidays->name = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (holidays->name, _("e.g. 国庆节"));
  {
    GtkWidget *suffixes[] = { GTK_WIDGET (holidays->date), GTK_WIDGET (holidays->kind),
                              GTK_WIDGET (holidays->name), add };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        gtk_widget_set_valign (suffixes[i], GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), suffixes[i]);
      }
  }
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_day_clicked_cb), holidays);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add_row);
  holidays->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (holidays->message, TRUE);
  gtk_label_set_xalign (holidays->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (holidays->message), "error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (holidays->message));
  adw_preferences_page_add (holidays->page, ADW_PREFERENCES_GROUP (add_group));

  holidays->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (holidays->group, _("Holiday Tables"));
  gtk_widget_set_valign (import, GTK_ALIGN_CENTER);
  g_signal_connect (import, "clicked", G_CALLBACK (import_clicked_cb), holidays);
  adw_preferences_group_set_header_suffix (holidays->group, import);
  adw_preferences_page_add (holidays->page, holidays->group);
  g_object_set_data_full (G_OBJECT (page), "holidays", holidays, (GDestroyNotify) holidays_free);
  fill_holidays (holidays);
  return page;
}

GtkWindow *
tj_preferences_window_new (TjDb *db)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *groups[3];
  const char *group_titles[3] = { _("Organisation"), _("Level Names"), _("Industries") };
  const char *group_descriptions[3] = {
    _("Another county uses Tuijin by changing these settings and the unit list."),
    _("How ledgers and reports name the three levels of the key-project lists."),
    _("The industry categories offered in the project form and the filters."),
  };

  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");
  for (guint g = 0; g < 3; g++)
    {
      groups[g] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[g]), group_titles[g]);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[g]),
                                             group_descriptions[g]);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (groups[g]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *value = tj_db_get_setting (db, settings[i].key);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(settings[i].title));
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "key", (gpointer) settings[i].key);
      g_signal_connect_object (row, "apply", G_CALLBACK (apply_cb), db, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[settings[i].group]), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (lights_group (db)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (backup_group (db)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (limits_group (db)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (holidays_page (db)));
  g_object_set_data_full (G_OBJECT (window), "db", g_object_ref (db), g_object_unref);
  return GTK_WINDOW (window);
}
