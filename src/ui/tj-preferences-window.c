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
#include "tj-ranking.h"

/* The organisation's settings live in its database, so that every report and every machine that
 * opens the file names the same organisation and levels. Each key is the id of its row in the
 * template. */
static const char *const setting_keys[] = {
  "organisation",
  "level-provincial",
  "level-prefectural",
  "level-city",
  "level-provincial-short",
  "level-prefectural-short",
  "level-city-short",
  "industries",
};

#define N_SETTINGS G_N_ELEMENTS (setting_keys)

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
  const char *row;
  const char *spin;
  int lower;
  int upper;
} thresholds[N_LIGHTS] = {
  [LIGHT_GREEN] = { "green_row", "green_spin", TJ_SETTINGS_GAP_LOWEST, TJ_SETTINGS_GAP_HIGHEST },
  [LIGHT_RED] = { "red_row", "red_spin", TJ_SETTINGS_GAP_LOWEST, TJ_SETTINGS_GAP_HIGHEST },
  [LIGHT_START_RED] = { "start_red_row", "start_red_spin", TJ_SETTINGS_START_RED_MONTHS_LOWEST,
                        TJ_SETTINGS_START_RED_MONTHS_HIGHEST },
};

struct _TjPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *setting_rows[N_SETTINGS];
  AdwPreferencesGroup *lights_group;
  AdwActionRow *light_rows[N_LIGHTS];
  GtkSpinButton *light_spins[N_LIGHTS];
  char *light_subtitles[N_LIGHTS]; /* the rows' own, shown again once a value is accepted */
  AdwPreferencesGroup *backup_group;
  GtkSpinButton *keep_days;
  GtkSpinButton *max_amount;

  /* 节假日: the holiday table every working-day limit uses (推进机制 三), one expander per year
   * with its days, a row to add a day, and an import that replaces a year. */
  GtkEntry *holiday_date;
  GtkDropDown *holiday_kind;
  GtkEntry *holiday_name;
  GtkLabel *holiday_message;
  AdwPreferencesGroup *holiday_tables;
  GPtrArray *holiday_rows;
  GtkFileChooserNative *chooser;

  /* 排名: the ranking's settings, saved together (the weights must add up to 100) */
  GtkSpinButton *ranking_spins[TJ_INDICATOR_N + 6];
  GtkWidget *ranking_save;
  GtkLabel *ranking_message;

  TjDb *db;
  gboolean filled; /* the fields hold the settings: their changes are the user's */
};

G_DEFINE_FINAL_TYPE (TjPreferencesWindow, tj_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* A setting that was not saved is said, not logged: the field keeps what was typed. */
static void
show_save_error (TjPreferencesWindow *self,
                 const GError        *error)
{
  tj_alert (GTK_WINDOW (self), _("Cannot Save the Setting"), error->message);
}

static void
apply_cb (AdwEntryRow         *row,
          TjPreferencesWindow *self)
{
  const char *key = NULL;
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < N_SETTINGS; i++)
    if (self->setting_rows[i] == row)
      key = setting_keys[i];
  g_return_if_fail (key != NULL);
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
  if (!tj_db_set_setting (self->db, key, value, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_save_error (self, error);
    }
}

/* The bounds are core's; the spin button is made as wide as they need, as when it is created with
 * them. */
static void
set_bounds (GtkSpinButton *spin,
            double         lower,
            double         upper,
            double         step)
{
  gtk_spin_button_configure (spin, gtk_adjustment_new (lower, lower, upper, step, 10 * step, 0),
                             step, 0);
}

static void
threshold_changed_cb (TjPreferencesWindow *self,
                      GtkSpinButton       *spin)
{
  AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (spin),
                                                               ADW_TYPE_ACTION_ROW));
  TjLightSettings lights = {
    gtk_spin_button_get_value_as_int (self->light_spins[LIGHT_GREEN]),
    gtk_spin_button_get_value_as_int (self->light_spins[LIGHT_RED]),
    gtk_spin_button_get_value_as_int (self->light_spins[LIGHT_START_RED]),
  };
  g_autoptr (GError) error = NULL;

  if (!self->filled)
    return;
  if (!tj_settings_set_lights (self->db, &lights, &error))
    {
      adw_action_row_set_subtitle (row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  for (Light i = 0; i < N_LIGHTS; i++)
    {
      adw_action_row_set_subtitle (self->light_rows[i], self->light_subtitles[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->light_rows[i]), "error");
    }
}

static void
fill_lights (TjPreferencesWindow *self)
{
  TjLightSettings lights;
  g_autoptr (GError) error = NULL;
  gboolean read = tj_settings_read_lights (self->db, &lights, &error);
  const int *values[N_LIGHTS] = { &lights.green_gap, &lights.red_gap, &lights.start_red_months };

  adw_preferences_group_set_description (self->lights_group,
                                         read ? _("Green, yellow and red lights of the monthly "
                                                  "bulletin. Yellow lies between green and red.")
                                              : error->message);
  for (Light i = 0; i < N_LIGHTS; i++)
    {
      self->light_subtitles[i] = g_strdup (adw_action_row_get_subtitle (self->light_rows[i]));
      set_bounds (self->light_spins[i], thresholds[i].lower, thresholds[i].upper, 1);
      if (read)
        gtk_spin_button_set_value (self->light_spins[i], *values[i]);
      /* a value not read must not be written back as another */
      gtk_widget_set_sensitive (GTK_WIDGET (self->light_spins[i]), read);
    }
}

static void
keep_days_changed_cb (TjPreferencesWindow *self,
                      GtkSpinButton       *spin)
{
  g_autoptr (GError) error = NULL;

  if (self->filled &&
      !tj_auto_backup_set_keep_days (self->db, gtk_spin_button_get_value_as_int (spin), &error))
    show_save_error (self, error);
}

/* The daily backup made while the window is open, and how many days of them are kept. */
static void
fill_backup (TjPreferencesWindow *self)
{
  g_autofree char *folder = tj_auto_backup_folder (tj_db_get_path (self->db));
  g_autofree char *description = NULL;

  /* Translators: the folder of the daily backups follows */
  description = g_strdup_printf (_("While the window is open, Tuijin copies the database once a "
                                   "day into %s."),
                                 folder);
  adw_preferences_group_set_description (self->backup_group, description);
  set_bounds (self->keep_days, 1, TJ_AUTO_BACKUP_KEEP_DAYS_MAX, 1);
  gtk_spin_button_set_value (self->keep_days, tj_auto_backup_get_keep_days (self->db));
}

static void
max_amount_changed_cb (TjPreferencesWindow *self,
                       GtkSpinButton       *spin)
{
  g_autoptr (GError) error = NULL;
  /* the row shows 亿元 */
  gint64 yi = gtk_spin_button_get_value_as_int (spin);

  if (self->filled && !tj_limits_set_max_amount (self->db, yi * TJ_YUAN_PER_YI, &error))
    show_save_error (self, error);
}

/* The largest amount a project's figure may be: a typing slip of a few zeros is refused. */
static void
fill_limits (TjPreferencesWindow *self)
{
  set_bounds (self->max_amount, 1, (double) (TJ_LIMITS_MAX_AMOUNT_CEILING / TJ_YUAN_PER_YI),
              100);
  gtk_spin_button_set_value (self->max_amount,
                             (double) (tj_limits_max_amount (self->db) / TJ_YUAN_PER_YI));
}

static void fill_holidays (TjPreferencesWindow *self);

static void
delete_day_clicked_cb (GtkButton           *button,
                       TjPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (!tj_holidays_delete (self->db, g_object_get_data (G_OBJECT (button), "date"), &error))
    gtk_label_set_text (self->holiday_message, error->message);
  else
    fill_holidays (self);
}

static void
fill_holidays (TjPreferencesWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);

  for (guint i = 0; i < self->holiday_rows->len; i++)
    adw_preferences_group_remove (self->holiday_tables, g_ptr_array_index (self->holiday_rows, i));
  g_ptr_array_set_size (self->holiday_rows, 0);
  for (int year = this_year + 1; year >= 2018; year--)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) days = tj_holidays_list (self->db, year, &error);
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
          g_signal_connect (remove, "clicked", G_CALLBACK (delete_day_clicked_cb), self);
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
      adw_preferences_group_add (self->holiday_tables, expander);
      g_ptr_array_add (self->holiday_rows, expander);
    }
}

static void
add_day_clicked_cb (TjPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = tj_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->holiday_date)),
                                         &error);
  const char *kind = gtk_drop_down_get_selected (self->holiday_kind) == 0 ? "holiday" : "workday";

  if (date == NULL ||
      !tj_holidays_save (self->db, date, kind,
                         gtk_editable_get_text (GTK_EDITABLE (self->holiday_name)), &error))
    {
      gtk_label_set_text (self->holiday_message, error->message);
      return;
    }
  gtk_label_set_text (self->holiday_message, "");
  gtk_editable_set_text (GTK_EDITABLE (self->holiday_date), "");
  fill_holidays (self);
}

static void
import_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    TjPreferencesWindow *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
      if (!tj_holidays_import (self->db, path, FALSE, &result, &error))
        {
          g_autoptr (GString) text = g_string_new (error->message);

          for (guint i = 0; result != NULL && i < result->errors->len; i++)
            g_string_append_printf (text, "\n%s", (char *) g_ptr_array_index (result->errors, i));
          gtk_label_set_text (self->holiday_message, text->str);
        }
      else
        {
          gtk_label_set_text (self->holiday_message, "");
          fill_holidays (self);
        }
    }
  g_clear_object (&self->chooser);
}

static void
import_clicked_cb (TjPreferencesWindow *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (
      _("Import Holidays"), GTK_WINDOW (self),
      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Holiday table (CSV: 日期, 类型, 名称)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------------------------------ */
/* 排名 (issue 9): the weights, the deduction, the list and grade sizes and the statistics
 * threshold; checked by core (tj_settings_check_ranking), whose message is shown, and saved at once
 * with 保存 since the weights only add up once all are set. */

#define N_RANKING_SPINS (TJ_INDICATOR_N + 6)

static int *
ranking_value (TjRankingSettings *settings,
               guint              i)
{
  int *others[] = { &settings->deduction, &settings->red_size, &settings->black_size,
                    &settings->threshold_wan, &settings->advanced_size,
                    &settings->backward_size };

  return i < TJ_INDICATOR_N ? &settings->weights[i] : others[i - TJ_INDICATOR_N];
}

static void
ranking_save_cb (TjPreferencesWindow *self)
{
  TjRankingSettings settings;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < N_RANKING_SPINS; i++)
    *ranking_value (&settings, i) = gtk_spin_button_get_value_as_int (self->ranking_spins[i]);
  if (!tj_settings_set_ranking (self->db, &settings, &error))
    {
      gtk_label_set_text (self->ranking_message, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->ranking_message), "error");
      return;
    }
  gtk_label_set_text (self->ranking_message, _("Saved. The ranking pages and exports use these "
                                               "values from now on."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->ranking_message), "error");
}

static AdwPreferencesGroup *
ranking_group (TjPreferencesWindow *self,
               const char          *title,
               const char          *description,
               AdwPreferencesPage  *page)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_ranking_page (TjPreferencesWindow *self)
{
  static const struct
  {
    const char *title;
    const char *subtitle;
    int highest;
  } others[] = {
    { N_("Deduction per false or concealed report"), N_("Points"),
      TJ_SETTINGS_RANKING_DEDUCTION_HIGHEST },
    { N_("Red list size"), N_("Units at the top with every ratio full"),
      TJ_SETTINGS_RANKING_SIZE_HIGHEST },
    { N_("Black list size"), N_("Units at the bottom behind the time schedule"),
      TJ_SETTINGS_RANKING_SIZE_HIGHEST },
    { N_("Statistics threshold"), N_("Total investment from which a started project must be in "
                                     "the statistics, in 10,000 yuan"),
      TJ_SETTINGS_RANKING_THRESHOLD_HIGHEST },
    { N_("Advanced units"), N_("Best ranks of the assessment graded advanced"),
      TJ_SETTINGS_RANKING_SIZE_HIGHEST },
    { N_("Backward units"), N_("Last ranks of the assessment graded backward"),
      TJ_SETTINGS_RANKING_SIZE_HIGHEST },
  };
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *weights;
  AdwPreferencesGroup *rules;
  GtkWidget *save_row;
  TjRankingSettings settings;
  g_autoptr (GError) error = NULL;
  gboolean read = tj_settings_read_ranking (self->db, &settings, &error);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Ranking"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "ranking");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page),
                                      "view-sort-descending-symbolic");
  weights = ranking_group (self, _("Weights"),
                           read ? _("Points of each indicator in the quarterly ranking; they add "
                                    "up to 100.")
                                : error->message,
                           ADW_PREFERENCES_PAGE (page));
  rules = ranking_group (self, _("Deductions and Lists"), NULL, ADW_PREFERENCES_PAGE (page));
  for (guint i = 0; i < N_RANKING_SPINS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new (NULL, 1, 0);
      int highest = i < TJ_INDICATOR_N ? 100 : others[i - TJ_INDICATOR_N].highest;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     i < TJ_INDICATOR_N ? tj_indicator_label (i)
                                                        : _(others[i - TJ_INDICATOR_N].title));
      if (i >= TJ_INDICATOR_N)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(others[i - TJ_INDICATOR_N].subtitle));
      set_bounds (GTK_SPIN_BUTTON (spin), 0, highest, 1);
      if (read)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), *ranking_value (&settings, i));
      /* a value not read must not be written back as another */
      gtk_widget_set_sensitive (spin, read);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (i < TJ_INDICATOR_N ? weights : rules, row);
      self->ranking_spins[i] = GTK_SPIN_BUTTON (spin);
    }
  self->ranking_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->ranking_message, TRUE);
  gtk_label_set_xalign (self->ranking_message, 0.0);
  self->ranking_save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->ranking_save, "suggested-action");
  gtk_widget_set_valign (self->ranking_save, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (self->ranking_save, read);
  g_signal_connect_swapped (self->ranking_save, "clicked", G_CALLBACK (ranking_save_cb), self);
  save_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_hexpand (GTK_WIDGET (self->ranking_message), TRUE);
  gtk_box_append (GTK_BOX (save_row), GTK_WIDGET (self->ranking_message));
  gtk_box_append (GTK_BOX (save_row), self->ranking_save);
  gtk_widget_set_margin_top (save_row, 12);
  adw_preferences_group_add (rules, save_row);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

/* For the tests: sets the ranking's spin i (the weights in TjIndicator order, then the deduction,
 * the red and black list sizes, the threshold, the advanced and backward sizes) and saves. */
const char *
tj_preferences_window_save_ranking (GtkWindow *window,
                                    const int *values)
{
  TjPreferencesWindow *self = TJ_PREFERENCES_WINDOW (window);

  for (guint i = 0; i < N_RANKING_SPINS; i++)
    gtk_spin_button_set_value (self->ranking_spins[i], values[i]);
  ranking_save_cb (self);
  return gtk_label_get_text (self->ranking_message);
}

static void
tj_preferences_window_dispose (GObject *object)
{
  TjPreferencesWindow *self = TJ_PREFERENCES_WINDOW (object);

  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (tj_preferences_window_parent_class)->dispose (object);
}

static void
tj_preferences_window_finalize (GObject *object)
{
  TjPreferencesWindow *self = TJ_PREFERENCES_WINDOW (object);

  for (Light i = 0; i < N_LIGHTS; i++)
    g_free (self->light_subtitles[i]);
  g_ptr_array_unref (self->holiday_rows);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (tj_preferences_window_parent_class)->finalize (object);
}

static void
tj_preferences_window_class_init (TjPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tj_preferences_window_dispose;
  object_class->finalize = tj_preferences_window_finalize;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/tuijin/Tuijin/ui/tj-preferences-window.ui");
  for (guint i = 0; i < N_SETTINGS; i++)
    gtk_widget_class_bind_template_child_full (
      widget_class, setting_keys[i], FALSE,
      G_STRUCT_OFFSET (TjPreferencesWindow, setting_rows) + i * sizeof (gpointer));
  for (Light i = 0; i < N_LIGHTS; i++)
    {
      gtk_widget_class_bind_template_child_full (
        widget_class, thresholds[i].row, FALSE,
        G_STRUCT_OFFSET (TjPreferencesWindow, light_rows) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (
        widget_class, thresholds[i].spin, FALSE,
        G_STRUCT_OFFSET (TjPreferencesWindow, light_spins) + i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_child (widget_class, TjPreferencesWindow, lights_group);
  gtk_widget_class_bind_template_child (widget_class, TjPreferencesWindow, backup_group);
  gtk_widget_class_bind_template_child (widget_class, TjPreferencesWindow, keep_days);
  gtk_widget_class_bind_template_child (widget_class, TjPreferencesWindow, max_amount);
  gtk_widget_class_bind_template_child (widget_class, TjPreferencesWindow, holiday_date);
  gtk_widget_class_bind_template_child (widget_class, TjPreferencesWindow, holiday_kind);
  gtk_widget_class_bind_template_child (widget_class, TjPreferencesWindow, holiday_name);
  gtk_widget_class_bind_template_child (widget_class, TjPreferencesWindow, holiday_message);
  gtk_widget_class_bind_template_child (widget_class, TjPreferencesWindow, holiday_tables);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, threshold_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_days_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, max_amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
}

static void
tj_preferences_window_init (TjPreferencesWindow *self)
{
  self->holiday_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
tj_preferences_window_new (TjDb *db)
{
  TjPreferencesWindow *self = g_object_new (TJ_TYPE_PREFERENCES_WINDOW, NULL);

  self->db = g_object_ref (db);
  for (guint i = 0; i < N_SETTINGS; i++)
    {
      g_autofree char *value = tj_db_get_setting (db, setting_keys[i]);

      gtk_editable_set_text (GTK_EDITABLE (self->setting_rows[i]), value != NULL ? value : "");
    }
  fill_lights (self);
  fill_backup (self);
  fill_limits (self);
  fill_holidays (self);
  add_ranking_page (self);
  self->filled = TRUE;
  return GTK_WINDOW (self);
}
