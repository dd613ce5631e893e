/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TJ_ERROR (tj_error_quark ())

typedef enum
{
  TJ_ERROR_INVALID,    /* a value a user entered or imported is wrong */
  TJ_ERROR_NOT_FOUND,  /* a named record does not exist */
  TJ_ERROR_IN_USE,     /* a record is still referenced */
  TJ_ERROR_DATABASE,   /* SQLite failed */
  TJ_ERROR_NEWER,      /* the database was written by a newer Tuijin */
  TJ_ERROR_NOT_A_DATABASE,
  TJ_ERROR_LOCKED,
  TJ_ERROR_IO,
  TJ_ERROR_DAMAGED,    /* the file fails SQLite's integrity check */
  TJ_ERROR_PERIOD_LOCKED, /* the month's bulletin is issued: its reports are locked */
} TjError;

GQuark tj_error_quark (void);

G_END_DECLS
