/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the command files share: the message prefix and the --month option. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void tj_cli_print_error (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
gboolean tj_cli_parse_month (const char *text,
                             int        *year,
                             int        *month);

G_END_DECLS
