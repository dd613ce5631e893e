/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-meeting-pack"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-meeting-pack.h"
#include "tj-settings.h"

const char *
tj_pack_group_label (TjPackGroup group)
{
  switch (group)
    {
    case TJ_PACK_NEW:
      return _("New Matters Since the Last Meeting");
    case TJ_PACK_OPEN:
      return _("Matters in Progress");
    case TJ_PACK_OVERDUE:
      return _("Overdue Matters");
    case TJ_PACK_CLOSED:
      return _("Matters Closed Since the Last Meeting");
    case TJ_PACK_N_GROUPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
tj_meeting_pack_free (TjMeetingPack *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->last_meeting);
  for (guint g = 0; g < TJ_PACK_N_GROUPS; g++)
    g_clear_pointer (&self->groups[g], g_ptr_array_unref);
  g_free (self);
}

/* The last monthly meeting strictly before date, among the meetings of the years read. */
static gboolean
find_last_meeting (TjDb          *db,
                   int            year,
                   TjMeetingPack *pack,
                   GError       **error)
{
  for (int y = year - 1; y <= year; y++)
    {
      g_autoptr (GPtrArray) meetings = tj_meeting_list (db, y, error);

      if (meetings == NULL)
        return FALSE;
      for (guint i = 0; i < meetings->len; i++)
        {
          TjMeeting *meeting = g_ptr_array_index (meetings, i);

          if (meeting->kind == TJ_MEETING_MONTHLY && g_strcmp0 (meeting->date, pack->date) < 0 &&
              (pack->last_meeting == NULL || g_strcmp0 (meeting->date, pack->last_meeting) > 0))
            {
              g_free (pack->last_meeting);
              pack->last_meeting = g_strdup (meeting->date);
            }
        }
    }
  return TRUE;
}

static void
place (TjMeetingPack *pack,
       TjMatter      *matter)
{
  const char *d = pack->date;
  const char *last = pack->last_meeting;
  gboolean finished_by_d = matter->finished != NULL && g_strcmp0 (matter->finished, d) <= 0;

  /* the pack is made before the meeting: what it decides is in the next one */
  if (g_strcmp0 (matter->assigned, d) >= 0)
    return;
  if (last == NULL || g_strcmp0 (matter->assigned, last) > 0)
    g_ptr_array_add (pack->groups[TJ_PACK_NEW], g_object_ref (matter));
  if (finished_by_d)
    {
      if (last == NULL || g_strcmp0 (matter->finished, last) > 0)
        g_ptr_array_add (pack->groups[TJ_PACK_CLOSED], g_object_ref (matter));
    }
  else if (tj_matter_get_status (matter, d) == TJ_MATTER_OVERDUE)
    g_ptr_array_add (pack->groups[TJ_PACK_OVERDUE], g_object_ref (matter));
  else
    g_ptr_array_add (pack->groups[TJ_PACK_OPEN], g_object_ref (matter));
}

TjMeetingPack *
tj_meeting_pack_new (TjDb       *db,
                     const char *date,
                     GError    **error)
{
  g_autoptr (TjMeetingPack) pack = g_new0 (TjMeetingPack, 1);
  int year = 0;

  g_return_val_if_fail (date != NULL, NULL);
  year = (int) g_ascii_strtoll (date, NULL, 10);
  pack->date = g_strdup (date);
  for (guint g = 0; g < TJ_PACK_N_GROUPS; g++)
    pack->groups[g] = g_ptr_array_new_with_free_func (g_object_unref);
  if (!find_last_meeting (db, year, pack, error))
    return NULL;
  /* a matter of last year's meetings may still be open */
  for (int y = year - 1; y <= year; y++)
    {
      g_autoptr (GPtrArray) matters = tj_matter_list (db, y, 0, error);

      if (matters == NULL)
        return NULL;
      for (guint i = 0; i < matters->len; i++)
        place (pack, g_ptr_array_index (matters, i));
    }
  return g_steal_pointer (&pack);
}

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_MEETING,
  COLUMN_CONTENT,
  COLUMN_PROJECT,
  COLUMN_LEADER,
  COLUMN_UNIT,
  COLUMN_PERSON,
  COLUMN_ASSIGNED,
  COLUMN_DEADLINE,
  COLUMN_FINISHED,
  COLUMN_STATUS,
  COLUMN_REPORTS,
  N_COLUMNS
} Column;

/* The reports up to the pack's day, one a line, and the result of a closed matter. */
static char *
reports_text (TjMatter   *matter,
              const char *date)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; matter->reports != NULL && i < matter->reports->len; i++)
    {
      TjMatterReport *report = g_ptr_array_index (matter->reports, i);

      if (g_strcmp0 (report->date, date) > 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a progress report in the meeting pack: "2026-05-20：已完成土地组卷" */
      g_string_append_printf (text, _("%s: %s"), report->date, report->text);
    }
  if (matter->finished != NULL && g_strcmp0 (matter->finished, date) <= 0 &&
      matter->result != NULL && *matter->result != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the result of a closed matter in the meeting pack: "办理结果：已供地" */
      g_string_append_printf (text, _("Result: %s"), matter->result);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_matter (TjReport   *report,
            TjMatter   *matter,
            guint       number,
            const char *date)
{
  guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
  g_autofree char *reports = reports_text (matter, date);
  gboolean finished = matter->finished != NULL && g_strcmp0 (matter->finished, date) <= 0;

  tj_report_set_integer (report, row, COLUMN_NUMBER, number);
  tj_report_set_text (report, row, COLUMN_MEETING, matter->meeting_name);
  tj_report_set_text (report, row, COLUMN_CONTENT, matter->content);
  tj_report_set_text (report, row, COLUMN_PROJECT, matter->project_name);
  tj_report_set_text (report, row, COLUMN_LEADER, matter->leader_name);
  tj_report_set_text (report, row, COLUMN_UNIT, matter->unit_name);
  tj_report_set_text (report, row, COLUMN_PERSON, matter->person);
  tj_report_set_date (report, row, COLUMN_ASSIGNED, matter->assigned);
  tj_report_set_date (report, row, COLUMN_DEADLINE, matter->deadline_in_force);
  if (finished)
    tj_report_set_date (report, row, COLUMN_FINISHED, matter->finished);
  tj_report_set_text (report, row, COLUMN_STATUS,
                      tj_matter_status_label (tj_matter_get_status (matter, date)));
  tj_report_set_text (report, row, COLUMN_REPORTS, reports);
}

TjReportBook *
tj_meeting_pack_book (TjDb          *db,
                      TjMeetingPack *pack)
{
  g_autofree char *org = tj_settings_organisation (db);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *counts = NULL;
  TjReportBook *book = tj_report_book_new (org);
  TjReport *report = NULL;
  static const char *const headings[TJ_PACK_N_GROUPS] = {
    N_("1. %s (%u)"), N_("2. %s (%u)"), N_("3. %s (%u)"), N_("4. %s (%u)"),
  };
  static const struct
  {
    const char *header;
    TjReportType type;
    guint width;
  } columns[N_COLUMNS] = {
    [COLUMN_NUMBER] = { N_("No."), TJ_REPORT_INTEGER, 0 },
    [COLUMN_MEETING] = { N_("Meeting"), TJ_REPORT_TEXT, 16 },
    [COLUMN_CONTENT] = { N_("Matter"), TJ_REPORT_TEXT, 36 },
    [COLUMN_PROJECT] = { N_("Project Name"), TJ_REPORT_TEXT, 20 },
    [COLUMN_LEADER] = { N_("Lead Leader"), TJ_REPORT_TEXT, 8 },
    [COLUMN_UNIT] = { N_("Responsible Unit"), TJ_REPORT_TEXT, 14 },
    [COLUMN_PERSON] = { N_("Responsible Person"), TJ_REPORT_TEXT, 8 },
    [COLUMN_ASSIGNED] = { N_("Assigned"), TJ_REPORT_DATE, 0 },
    [COLUMN_DEADLINE] = { N_("Deadline in Force"), TJ_REPORT_DATE, 0 },
    [COLUMN_FINISHED] = { N_("Finished On"), TJ_REPORT_DATE, 0 },
    [COLUMN_STATUS] = { N_("Status"), TJ_REPORT_TEXT, 10 },
    [COLUMN_REPORTS] = { N_("Progress Reports"), TJ_REPORT_TEXT, 40 },
  };

  /* Translators: the title of the meeting pack: "登封市重点项目月例会督办事项材料" */
  title = g_strdup_printf (_("%s Monthly Meeting: Matters Under Supervision"), org);
  report = tj_report_new (_("Meeting Pack"), title);
  if (pack->last_meeting != NULL)
    /* Translators: "（2026-06-05月例会，上次月例会2026-05-08）" */
    subtitle = g_strdup_printf (_("(meeting of %s; last monthly meeting %s)"), pack->date,
                                pack->last_meeting);
  else
    /* Translators: "（2026-06-05月例会）" */
    subtitle = g_strdup_printf (_("(meeting of %s)"), pack->date);
  tj_report_set_subtitle (report, subtitle);
  /* Translators: "新交办 3 项，在办 12 项，超期未办结 2 项，上次会议以来办结 5 项。" */
  counts = g_strdup_printf (_("New: %u; in progress: %u; overdue: %u; closed since the last "
                              "meeting: %u."),
                            pack->groups[TJ_PACK_NEW]->len, pack->groups[TJ_PACK_OPEN]->len,
                            pack->groups[TJ_PACK_OVERDUE]->len, pack->groups[TJ_PACK_CLOSED]->len);
  tj_report_add_paragraph (report, counts);
  for (guint c = 0; c < N_COLUMNS; c++)
    tj_report_add_column (report, _(columns[c].header), columns[c].type, columns[c].width);
  report->frozen_columns = COLUMN_CONTENT + 1;
  for (guint g = 0; g < TJ_PACK_N_GROUPS; g++)
    {
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_SECTION);
      g_autofree char *heading = NULL;

      /* Translators: a group's heading in the meeting pack: "一、上次会议以来新交办事项（3项）";
       * the numbers are the group's place: 一、二、三、四 */
      heading = g_strdup_printf (_(headings[g]), tj_pack_group_label (g), pack->groups[g]->len);
      tj_report_set_text (report, row, 0, heading);
      for (guint i = 0; i < pack->groups[g]->len; i++)
        add_matter (report, g_ptr_array_index (pack->groups[g], i), i + 1, pack->date);
    }
  tj_report_add_note (report, _("A matter new since the last meeting is also listed under its "
                                "state; the deadline in force is the last approved extension's "
                                "date, else the deadline set at the meeting."));
  tj_report_book_add (book, report);
  return book;
}

gboolean
tj_meeting_pack_write (TjDb       *db,
                       const char *date,
                       const char *path,
                       GError    **error)
{
  g_autoptr (TjMeetingPack) pack = tj_meeting_pack_new (db, date, error);
  g_autoptr (TjReportBook) book = NULL;

  if (pack == NULL)
    return FALSE;
  book = tj_meeting_pack_book (db, pack);
  return tj_report_book_write (book, path, error);
}
