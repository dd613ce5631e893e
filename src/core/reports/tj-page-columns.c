/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <math.h>
#include <string.h>

#include "tj-page-layout-private.h"

/* The table's font size and its columns' widths. */

/* The table's text, from 五号 down until the table fits the page's width. */
static const double table_sizes[] = { 10.5, 9.0, 8.0, 7.5, 7.0, 6.5 };

/* Column limits in em of the table's text. */
#define DEFAULT_MAX_EM 12.0  /* a text column's widest when it has no max_width of its own */
#define STRICT_MIN_EM 3.0     /* a text column's narrowest */
#define NO_WRAP_EM 6.0        /* a text column whose cells are all this short never wraps */
#define CELL_LINE_WEIGHT 0.1  /* what a wrapped line of a cell weighs against one of a row */
#define FITTING_SAMPLES 3000  /* rows sampled to weigh the columns' wrapping */
/* The rows whose wrapping cells' widths are kept as they are counted, to be sampled after; a
 * longer report's sampled rows are read again (a read more, and no more memory). */
#define FITTING_KEPT_ROWS (1 << 16)
#define FITTING_STEP_EM 0.25
#define FITTING_STEPS 80.0
#define LINES_WORTH_SHRINKING 0.8 /* a smaller size must spare a fifth of the lines */
#define SMALL_SIZE 7.5            /* below it, two fifths */
#define LINES_WORTH_SHRINKING_SMALL 0.6
#define CENTRED_MAX_EM 6.0   /* a short text column that never wraps is centred */
#define WIDTH_SLACK_EM 0.1    /* more than the widest text, for other resolutions' rounding */

/* What fitting the columns knows of a table, in em of its text, so that it holds at any size:
 * only the room, counted in em, changes with the size. */
typedef struct
{
  guint n_columns;
  guint n_wrapping;
  guint n_samples;
  guint *wrapping;  /* the text columns */
  double *natural;  /* the widest cell or its header's narrowest */
  double *least;    /* a column's narrowest */
  double *most;     /* a column's widest */
  double *cells;    /* n_samples × n_wrapping: the text of sampled rows */
  double *lines;    /* n_samples × n_wrapping: how many lines at the current widths */
  double *top;      /* n_samples: the most lines in a row */
  double *second;   /* n_samples: the most lines in a row but for the top column */
  guint *top_column;
} Fitting;

static void
fitting_clear (Fitting *fitting)
{
  g_free (fitting->wrapping);
  g_free (fitting->natural);
  g_free (fitting->least);
  g_free (fitting->most);
  g_free (fitting->cells);
  g_free (fitting->lines);
  g_free (fitting->top);
  g_free (fitting->second);
  g_free (fitting->top_column);
}

/* The estimated width of a cell of a held row, in em; its longest unbroken run into *word. */
static double
cell_width (TjPageLayout *self,
            Sheet        *sheet,
            guint         r,
            guint         c,
            double       *word)
{
  const TjReportCell *cell = row_cell (sheet, r, c);
  Advances *advances = &self->advances[row_is_bold (sheet, r)];
  g_autofree char *owned = NULL;
  gboolean lines;

  *word = 0;
  if (cell->type == TJ_REPORT_EMPTY)
    return 0;
  return tj_page_estimate_em (self, advances, tj_page_cell_text (cell, &owned), &lines, word);
}

static void
fitting_init (TjPageLayout *self,
              Sheet        *sheet,
              Fitting      *fitting)
{
  guint n = sheet->n_columns;
  guint n_rows, stride;
  /* the wrapping cells' widths of the first rows, as the number of rows a streamed report has
   * is known once they are read: sampled after */
  g_autoptr (GArray) cells = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr (PangoLayout) probe = tj_page_text_layout_new (self, HEADING_FACE, TRUE, REFERENCE_SIZE);
  g_autofree double *header = g_new0 (double, n);
  g_autofree double *unbroken = g_new0 (double, n);

  fitting->n_columns = n;
  fitting->wrapping = g_new0 (guint, n);
  fitting->natural = g_new0 (double, n);
  fitting->least = g_new0 (double, n);
  fitting->most = g_new0 (double, n);
  for (guint c = 0; c < n; c++)
    {
      const TjReportColumn *column = tj_report_get_column (sheet->report, c);

      header[c] = tj_page_header_min_em (self, probe, column->header);
      if (column_wraps (column))
        fitting->wrapping[fitting->n_wrapping++] = c;
    }

  for (n_rows = 0; tj_page_hold_rows (sheet, n_rows, n_rows + 1); n_rows++)
    {
      gboolean keep = n_rows < FITTING_KEPT_ROWS;

      if (keep)
        g_array_set_size (cells, cells->len + fitting->n_wrapping);
      else
        g_clear_pointer (&cells, g_array_unref); /* its rows are read again */
      /* A section's heading spans the table: it asks nothing of its first column. */
      if (row_kind (sheet, n_rows) == TJ_REPORT_ROW_SECTION)
        continue;

      for (guint c = 0, w = 0; c < n; c++)
        {
          gboolean wraps = w < fitting->n_wrapping && fitting->wrapping[w] == c;
          double word;
          double width = cell_width (self, sheet, n_rows, c, &word);

          fitting->natural[c] = MAX (fitting->natural[c], width);
          unbroken[c] = MAX (unbroken[c], word);
          if (wraps && keep)
            g_array_index (cells, double, (gsize) n_rows * fitting->n_wrapping + w) = width;
          w += wraps;
        }
    }
  sheet->n_rows = n_rows;

  stride = MAX (1, n_rows / FITTING_SAMPLES);
  fitting->n_samples = (n_rows + stride - 1) / stride;
  fitting->cells = g_new0 (double, (gsize) fitting->n_samples * fitting->n_wrapping);
  fitting->lines = g_new0 (double, (gsize) fitting->n_samples * fitting->n_wrapping);
  fitting->top = g_new0 (double, fitting->n_samples);
  fitting->second = g_new0 (double, fitting->n_samples);
  fitting->top_column = g_new0 (guint, fitting->n_samples);
  /* The sampled rows' wrapping cells: kept, or beyond FITTING_KEPT_ROWS estimated again as
   * they are read again (the stride is known once the rows are counted; the widths of every row
   * would be 8 bytes a wrapping cell, 40 MB at a million rows). A section's heading asks
   * nothing: 0. */
  for (guint i = 0; n_rows <= FITTING_KEPT_ROWS && i < fitting->n_samples; i++)
    {
      gsize sampled = (gsize) stride * i;

      for (guint w = 0; w < fitting->n_wrapping; w++)
        fitting->cells[(gsize) i * fitting->n_wrapping + w] =
          g_array_index (cells, double, sampled * fitting->n_wrapping + w);
    }
  for (guint i = 0; n_rows > FITTING_KEPT_ROWS && fitting->n_wrapping > 0 &&
                    i < fitting->n_samples; i++)
    {
      guint sampled = stride * i;

      if (!tj_page_hold_rows (sheet, sampled, sampled + 1))
        break; /* the error is the sheet's, reported by the writer */
      if (row_kind (sheet, sampled) == TJ_REPORT_ROW_SECTION)
        continue;
      for (guint w = 0; w < fitting->n_wrapping; w++)
        {
          double word;

          fitting->cells[(gsize) i * fitting->n_wrapping + w] =
            cell_width (self, sheet, sampled, fitting->wrapping[w], &word);
        }
    }

  for (guint c = 0; c < n; c++)
    {
      const TjReportColumn *column = tj_report_get_column (sheet->report, c);
      /* A hair more than the widest text: at another resolution it must not wrap. */
      double pad = 2 * CELL_PAD_X + WIDTH_SLACK_EM;

      if (column_wraps (column))
        {
          double cap = column->max_width > 0 ? column->max_width / 2.0 : DEFAULT_MAX_EM;

          double least = fitting->natural[c] <= NO_WRAP_EM ? fitting->natural[c] : STRICT_MIN_EM;

          fitting->least[c] = MAX (MAX (header[c], least), unbroken[c]) + pad;
          fitting->most[c] = MAX (MIN (fitting->natural[c], cap) + pad, fitting->least[c]);
        }
      else
        fitting->least[c] = fitting->most[c] = MAX (fitting->natural[c], header[c]) + pad;
    }
}

static double
lines_in (double text,
          double width)
{
  return MAX (1.0, text / MAX (width - 2 * CELL_PAD_X, 0.5));
}

/* The most lines of each sampled row, and the most but for that column. */
static void
fitting_rank (Fitting *fitting)
{
  for (guint r = 0; r < fitting->n_samples; r++)
    {
      const double *lines = &fitting->lines[(gsize) r * fitting->n_wrapping];

      fitting->top[r] = fitting->second[r] = 1.0;
      fitting->top_column[r] = G_MAXUINT;
      for (guint w = 0; w < fitting->n_wrapping; w++)
        if (lines[w] > fitting->top[r])
          {
            fitting->second[r] = fitting->top[r];
            fitting->top[r] = lines[w];
            fitting->top_column[r] = w;
          }
        else if (lines[w] > fitting->second[r])
          fitting->second[r] = lines[w];
    }
}

static void
fitting_measure (Fitting      *fitting,
                 const double *widths,
                 guint         w)
{
  double width = widths[fitting->wrapping[w]];

  for (guint r = 0; r < fitting->n_samples; r++)
    {
      gsize i = (gsize) r * fitting->n_wrapping + w;

      fitting->lines[i] = lines_in (fitting->cells[i], width);
    }
}

/* Widths in em for a room of `room` em: every column at its narrowest, then the room left goes,
 * a step at a time, to the text column whose widening saves the sampled rows the most lines
 * (and, a little, its cells their wrapped lines); what no column needs is shared by all. Returns the sampled rows' lines, or 0 when the
 * narrowest columns do not fit. */
static double
fitting_fit (Fitting *fitting,
             double   room,
             double  *widths)
{
  double slack = room, step, total = 0;

  for (guint c = 0; c < fitting->n_columns; c++)
    {
      widths[c] = fitting->least[c];
      slack -= widths[c];
    }
  if (slack < 0)
    return 0;
  for (guint w = 0; w < fitting->n_wrapping; w++)
    fitting_measure (fitting, widths, w);
  fitting_rank (fitting);

  step = MAX (FITTING_STEP_EM, slack / FITTING_STEPS);
  while (slack > 1e-6)
    {
      guint best = G_MAXUINT;
      double best_gain = 0, grown = 0;

      for (guint w = 0; w < fitting->n_wrapping; w++)
        {
          guint c = fitting->wrapping[w];
          double wider = MIN (widths[c] + MIN (step, slack), fitting->most[c]);
          double gain = 0;

          if (wider <= widths[c])
            continue;
          for (guint r = 0; r < fitting->n_samples; r++)
            {
              gsize i = (gsize) r * fitting->n_wrapping + w;
              double lines = lines_in (fitting->cells[i], wider);

              if (fitting->top_column[r] == w)
                gain += fitting->top[r] - MAX (lines, fitting->second[r]);
              gain += CELL_LINE_WEIGHT * (fitting->lines[i] - lines);
            }
          if (gain > best_gain)
            {
              best_gain = gain;
              best = w;
              grown = wider - widths[c];
            }
        }
      if (best == G_MAXUINT)
        break;
      widths[fitting->wrapping[best]] += grown;
      slack -= grown;
      fitting_measure (fitting, widths, best);
      fitting_rank (fitting);
    }

  for (guint r = 0; r < fitting->n_samples; r++)
    {
      double most = 1;

      for (guint w = 0; w < fitting->n_wrapping; w++)
        most = MAX (most, ceil (fitting->lines[(gsize) r * fitting->n_wrapping + w] - 0.01));
      total += most;
    }
  return total;
}

/* Chooses the table's font size and its column widths: from 五号 down, a smaller size only
 * when it spares a good share of the lines, below 六号 a larger share. The table fills the type
 * area. */
void
tj_page_fit_columns (TjPageLayout *self,
                     Sheet        *sheet,
                     double       *widths,
                     gboolean     *short_text)
{
  guint n = sheet->n_columns;
  double room = self->right - self->left;
  g_autofree double *trial = g_new0 (double, n);
  Fitting fitting = { 0 };
  double size = 0, chosen_lines = 0, total = 0, spare;

  if (n == 0)
    {
      sheet->em = table_sizes[0] * self->scale;
      return;
    }
  fitting_init (self, sheet, &fitting);
  for (guint i = 0; i < G_N_ELEMENTS (table_sizes); i++)
    {
      double lines = fitting_fit (&fitting, room / (table_sizes[i] * self->scale), trial);

      double worth = table_sizes[i] >= SMALL_SIZE ? LINES_WORTH_SHRINKING
                                                  : LINES_WORTH_SHRINKING_SMALL;

      if (lines > 0 && (size == 0 || lines <= chosen_lines * worth))
        {
          size = table_sizes[i];
          chosen_lines = lines;
          memcpy (widths, trial, n * sizeof (double));
        }
    }
  if (size == 0)
    {
      /* Not even the smallest size fits: figures keep their width, their headers break where
       * they must, and text columns share what is left. */
      double text = 0, figures = 0;

      size = table_sizes[G_N_ELEMENTS (table_sizes) - 1];
      for (guint c = 0; c < n; c++)
        {
          if (column_wraps (tj_report_get_column (sheet->report, c)))
            {
              widths[c] = fitting.least[c];
              text += widths[c];
            }
          else
            {
              widths[c] = MAX (fitting.natural[c], 2.0) + 2 * CELL_PAD_X + WIDTH_SLACK_EM;
              figures += widths[c];
            }
        }
      if (text > 0 && room / (size * self->scale) > figures)
        for (guint c = 0; c < n; c++)
          if (column_wraps (tj_report_get_column (sheet->report, c)))
            widths[c] *= (room / (size * self->scale) - figures) / text;
    }
  sheet->em = size * self->scale;
  g_debug ("%s: the table's text at %.1f pt", sheet->report->sheet_name, size);

  for (guint c = 0; c < n; c++)
    {
      widths[c] *= sheet->em;
      total += widths[c];
    }
  /* Narrower than the page: every column grows alike; wider (only when even the smallest size
   * does not fit): every column shrinks alike. */
  spare = total > 0 ? room / total : 1;
  for (guint c = 0; c < n; c++)
    {
      widths[c] *= spare;
      short_text[c] = fitting.natural[c] <= CENTRED_MAX_EM &&
                      fitting.natural[c] * sheet->em <= widths[c] - 2 * CELL_PAD_X * sheet->em;
    }
  fitting_clear (&fitting);
}
