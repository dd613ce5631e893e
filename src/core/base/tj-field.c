/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-field"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-date.h"
#include "tj-field.h"
#include "tj-problem.h"

/* Trims a text field in place; an empty one becomes NULL. */
void
tj_field_tidy_text (char **text)
{
  if (*text == NULL)
    return;
  g_strstrip (*text);
  if (**text == '\0')
    g_clear_pointer (text, g_free);
}

/* A date field as entered: empty is none; a date is rewritten YYYY-MM-DD; anything else is a
 * problem naming the field by its label. FALSE for a problem. */
gboolean
tj_field_tidy_date (GPtrArray  *problems,
                    const char *field,
                    const char *label,
                    char      **date)
{
  g_autoptr (GError) local = NULL;
  char *parsed;

  tj_field_tidy_text (date);
  if (*date == NULL)
    return TRUE;
  parsed = tj_date_parse (*date, &local);
  if (parsed == NULL)
    {
      /* Translators: the field, then what is wrong: "巡查日期：“2026-02-30”不是有效日期…" */
      tj_problems_add (problems, field, _("%s: %s"), label, local->message);
      return FALSE;
    }
  g_free (*date);
  *date = parsed;
  return TRUE;
}
