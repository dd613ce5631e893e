/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Without libFuzzer: feeds every file of the folders (and every file) named on the command line
 * to LLVMFuzzerTestOneInput, in name order, once. This is how the suite replays the corpora and
 * the crash reproducers kept in tests/fuzz/corpus as regression tests, in any build. */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
add_inputs (GPtrArray  *paths,
            const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (paths, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (g_ptr_array_index (names, i), G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add (paths, g_strdup (g_ptr_array_index (names, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gint64 start = g_get_monotonic_time ();

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s CORPUS-FOLDER|FILE…\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    add_inputs (paths, argv[i]);
  if (paths->len == 0)
    {
      fprintf (stderr, "%s: no input to replay\n", argv[0]);
      return 1;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr (GError) error = NULL;
      g_autofree char *data = NULL;
      gsize size = 0;

      if (!g_file_get_contents (path, &data, &size, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      /* The input in a buffer of its own size, as libFuzzer gives it, so that ASan sees any
       * read past its end. */
      {
        uint8_t *copy = malloc (MAX (size, 1));

        if (copy == NULL)
          abort ();
        memcpy (copy, data, size);
        LLVMFuzzerTestOneInput (copy, size);
        free (copy);
      }
    }
  printf ("%u inputs replayed in %.2f s\n", paths->len,
          (g_get_monotonic_time () - start) / 1e6);
  printf ("%u passed, 0 failed\n", paths->len);
  return 0;
}
