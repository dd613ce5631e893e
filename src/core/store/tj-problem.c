/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-problem"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-error.h"
#include "tj-problem.h"

void
tj_problem_free (TjProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
tj_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) tj_problem_free);
}

void
tj_problems_add (GPtrArray  *problems,
                 const char *field,
                 const char *format,
                 ...)
{
  TjProblem *problem = g_new0 (TjProblem, 1);
  va_list args;

  va_start (args, format);
  problem->field = g_strdup (field);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

const char *
tj_problems_find (GPtrArray  *problems,
                  const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      TjProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->field, field) == 0)
        return problem->message;
    }
  return NULL;
}

/* Joins every problem into one GError; returns TRUE when there is none. */
gboolean
tj_problems_to_error (GPtrArray *problems,
                      GError   **error)
{
  g_autoptr (GString) text = NULL;

  if (problems->len == 0)
    return TRUE;
  text = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      TjProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append (text, _("; "));
      g_string_append (text, problem->message);
    }
  g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID, text->str);
  return FALSE;
}
