/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a database, in a process of its own per run (run-all starts it):
 *   bench-window DB
 * Prints, as key=value lines for run-all: the monotonic clock (µs) when the first frame was
 * drawn, so that run-all counts from the process's start; the renderer GTK picked (set
 * GSK_RENDERER to choose one); the peak memory at the first frame (VmHWM); and search per
 * keystroke (median and worst of 30). With TJ_BENCH_GL_INFO set, an untimed run that also
 * prints the OpenGL driver behind the renderer (from a context of its own, made after the
 * figures so that the measured runs do not carry it). With TJ_BENCH_SCREENSHOT=FILE.png, an
 * untimed run that scrolls the list to its middle, saves the window there and prints the time
 * to sort by name (both ways) and by total investment, each to the next frame drawn, and the peak
 * memory after it. */
#include "config.h"

#include <adwaita.h>
#include <epoxy/gl.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "bench-common.h"
#include "tj-application.h"
#include "tj-project-page.h"
#include "tj-window.h"

/* The OpenGL driver GTK's GL renderer runs on (under Xvfb, Mesa's software llvmpipe). */
static void
print_gl_driver (GtkWidget *window)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkGLContext) context = NULL;

  context = gdk_surface_create_gl_context (gtk_native_get_surface (GTK_NATIVE (window)), &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_print ("gl_driver=none (%s)\n", error->message);
      return;
    }
  gdk_gl_context_make_current (context);
  g_print ("gl_driver=%s, %s\n", (const char *) glGetString (GL_RENDERER),
           (const char *) glGetString (GL_VERSION));
  gdk_gl_context_clear_current ();
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The list scrolled to its middle, saved to path; then sorted by name both ways. */
static void
scroll_and_save (GtkWidget  *window,
                 const char *path)
{
  GtkWidget *view = find_descendant (window, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GtkColumnViewColumn) name = NULL;
  g_autoptr (GtkColumnViewColumn) total = NULL;
  g_autoptr (GArray) name_up = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) name_down = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) total_up = g_array_new (FALSE, FALSE, sizeof (double));
  double first_up;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  double t0;

  for (guint step = 1; step <= 10; step++)
    {
      gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                             gtk_adjustment_get_page_size (adjustment)) *
                                                step / 20);
      wait_ms (100);
    }
  gtk_test_widget_wait_for_draw (window);
  wait_ms (300);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
  g_print ("scrolled_to=%.0f of %.0f\n", gtk_adjustment_get_value (adjustment),
           gtk_adjustment_get_upper (adjustment));

  name = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view)), 0);
  total = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view)), 8);
  /* each sort timed from the click to the next frame drawn (the rows rebound and laid out):
   * by name both ways, then by total investment, five rounds */
  for (guint round = 0; round < 5; round++)
    {
      struct
      {
        GtkColumnViewColumn *column;
        GtkSortType direction;
        GArray *times;
      } sorts[] = { { name, GTK_SORT_ASCENDING, name_up }, { name, GTK_SORT_DESCENDING, name_down },
                    { total, GTK_SORT_ASCENDING, total_up } };

      for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
        {
          double ms;

          t0 = tj_bench_now_ms ();
          gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), sorts[s].column,
                                          sorts[s].direction);
          gtk_test_widget_wait_for_draw (window);
          ms = tj_bench_now_ms () - t0;
          g_array_append_val (sorts[s].times, ms);
          g_print ("sort_round%u_%s_%s_ms=%.0f\n", round, s < 2 ? "name" : "total",
                   sorts[s].direction == GTK_SORT_ASCENDING ? "up" : "down", ms);
        }
    }
  first_up = g_array_index (name_up, double, 0);
  g_array_sort (name_up, compare_doubles);
  g_array_sort (name_down, compare_doubles);
  g_array_sort (total_up, compare_doubles);
  g_print ("sort_name_ascending_ms=%.0f (first %.0f)\n", g_array_index (name_up, double, 2),
           first_up);
  g_print ("sort_name_descending_ms=%.0f\n", g_array_index (name_down, double, 2));
  g_print ("sort_total_ascending_ms=%.0f\n", g_array_index (total_up, double, 2));
  gtk_test_widget_wait_for_draw (window);
  g_print ("peak_after_scroll_and_sort_kb=%ld\n", tj_bench_peak_kb ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = NULL;
  g_autoptr (TjApplication) app = NULL;
  g_autoptr (GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  const char *typed[] = { "嵩", "嵩阳", "嵩阳街", "嵩阳街道", "嵩阳街道污", "嵩阳街道污水" };
  TjWindow *window;
  TjProjectPage *page;
  GskRenderer *renderer;
  gint64 frame;

  if (argc != 2)
    {
      g_printerr ("usage: bench-window DB\n");
      return 2;
    }
  setlocale (LC_ALL, "");
  /* the zh_CN catalogue from the build folder, as build-aux/dev run uses it */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TJ_LOCALEDIR") != NULL ? g_getenv ("TJ_LOCALEDIR")
                                                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  app = tj_application_new (argv[1]);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  db = tj_db_open (argv[1], &error);
  if (db == NULL)
    g_error ("%s", error->message);
  window = tj_window_new (app, db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 820);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  frame = g_get_monotonic_time ();
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_print ("first_frame_us=%" G_GINT64_FORMAT "\n", frame);
  g_print ("renderer=%s\n", renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  g_print ("peak_at_first_frame_kb=%ld\n", tj_bench_peak_kb ());

  page = tj_window_get_project_page (window);
  for (guint round = 0; round < 5; round++)
    for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
      {
        double t0 = tj_bench_now_ms (), ms;

        tj_project_page_set_search (page, typed[k]);
        (void) g_list_model_get_n_items (tj_project_page_get_shown (page));
        ms = tj_bench_now_ms () - t0;
        g_array_append_val (keystrokes, ms);
        while (g_main_context_iteration (NULL, FALSE))
          ;
        if (k == G_N_ELEMENTS (typed) - 1)
          tj_project_page_set_search (page, "");
      }
  g_array_sort (keystrokes, compare_doubles);
  g_print ("search_median_ms=%.2f\nsearch_worst_ms=%.2f\n",
           g_array_index (keystrokes, double, keystrokes->len / 2),
           g_array_index (keystrokes, double, keystrokes->len - 1));
  if (g_getenv ("TJ_BENCH_SCREENSHOT") != NULL)
    scroll_and_save (GTK_WIDGET (window), g_getenv ("TJ_BENCH_SCREENSHOT"));
  if (g_getenv ("TJ_BENCH_GL_INFO") != NULL)
    print_gl_driver (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
