/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests of meetings and matters share. */

#include "tj-matter.h"
#include "tj-test.h"

/* Saves a meeting of kind on date named name; its id. */
static inline gint64
tj_test_add_meeting (TjDb          *db,
                     TjMeetingKind  kind,
                     const char    *date,
                     const char    *name)
{
  g_autoptr (TjMeeting) m = tj_meeting_new ();
  g_autoptr (GError) error = NULL;

  m->kind = kind;
  m->date = g_strdup (date);
  m->name = g_strdup (name);
  g_assert_true (tj_meeting_save (db, m, &error));
  g_assert_no_error (error);
  return m->id;
}
