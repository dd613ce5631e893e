/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-error"
#include "config.h"

#include "tj-error.h"

G_DEFINE_QUARK (tj-error-quark, tj_error)
