/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-preferences-window"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

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
    g_warning ("Cannot save %s: %s", key, error->message);
}

/* The bulletin's lights (推进机制 九): thresholds in percentage points behind the time schedule,
 * and the months a due project may stay unstarted before its light turns red. */
static const struct
{
  const char *key;
  const char *title;
  const char *subtitle;
  int fallback;
  int lower;
  int upper;
} thresholds[] = {
  { "light-green-gap", N_("Green down to"), N_("Points behind the time schedule still green"),
    -10, -100, 0 },
  { "light-red-gap", N_("Red below"), N_("Points behind the time schedule that turn red"), -30,
    -100, 0 },
  { "light-start-red-months", N_("Start light red after"),
    N_("Months a project due to start may stay unstarted before its light turns red"), 3, 1, 12 },
};

static void
threshold_changed_cb (GtkSpinButton *spin,
                      TjDb          *db)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "key");
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  g_autoptr (GError) error = NULL;

  if (!tj_db_set_setting (db, key, value, &error))
    g_warning ("Cannot save %s: %s", key, error->message);
}

static GtkWidget *
lights_group (TjDb *db)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Bulletin Lights"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Green, yellow and red lights of the monthly "
                                           "bulletin. Yellow lies between green and red."));
  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (thresholds[i].lower, thresholds[i].upper, 1);
      g_autofree char *value = tj_db_get_setting (db, thresholds[i].key);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(thresholds[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(thresholds[i].subtitle));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                 value != NULL ? atoi (value) : thresholds[i].fallback);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (spin), "key", (gpointer) thresholds[i].key);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (threshold_changed_cb), db, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
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
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  return GTK_WINDOW (window);
}
