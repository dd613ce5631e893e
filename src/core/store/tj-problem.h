/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One thing wrong with a record: the field (its column name) and a sentence naming it in words. */
typedef struct
{
  char *field;
  char *message;
} TjProblem;

void tj_problem_free (TjProblem *problem);
GPtrArray *tj_problems_new (void);
void tj_problems_add (GPtrArray  *problems,
                      const char *field,
                      const char *format,
                      ...) G_GNUC_PRINTF (3, 4);
const char *tj_problems_find (GPtrArray  *problems,
                              const char *field);
gboolean tj_problems_to_error (GPtrArray *problems,
                               GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjProblem, tj_problem_free)

G_END_DECLS
