/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a test database, as the widget tests open and close it. */
#pragma once

#include "tj-test.h"
#include "tj-test-ui.h"

#include "tj-application.h"
#include "tj-window.h"

typedef struct
{
  char *dir;
  TjDb *db;
  TjApplication *app;
  TjWindow *window;
} TjTestWindow;

/* Opens the window on f->db, which the caller has filled. */
static inline void
tj_test_window_open (TjTestWindow *f)
{
  f->app = tj_application_new (tj_db_get_path (f->db));
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  f->window = tj_window_new (f->app, f->db);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 820);
  gtk_window_present (GTK_WINDOW (f->window));
  tj_test_wait_idle ();
}

static inline void
tj_test_window_close (TjTestWindow *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  tj_test_wait_idle ();
  g_clear_object (&f->app);
  tj_test_db_free (&f->db, &f->dir);
}
