/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include "tj-page-layout-private.h"

/* Glyphs gathered to be drawn in one operation: figures set without shaping, laid out text
 * moved into place. */

#define FIGURE_CHARACTERS "0123456789,.-+%:/ "
/* the characters other than ASCII ones probed for a face: the common Chinese ones and more */
#define OTHERS_KEPT 16384
#define OTHER_UNSET G_MAXUINT

void
tj_page_glyphs_init (Glyphs *glyphs)
{
  glyphs->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  glyphs->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  glyphs->text = g_string_new (NULL);
}

void
tj_page_glyphs_clear (Glyphs *glyphs)
{
  g_clear_pointer (&glyphs->glyphs, g_array_unref);
  g_clear_pointer (&glyphs->clusters, g_array_unref);
  if (glyphs->text != NULL)
    g_string_free (g_steal_pointer (&glyphs->text), TRUE);
}

/* Whether a character laid out in `layout`, alone, is one glyph of `font` with no offset: its
 * glyph and advance then. */
static gboolean
figure_probe (PangoLayout *layout,
              PangoFont   *font,
              const char  *text,
              int          length,
              Figure      *figure)
{
  PangoLayoutLine *line;
  PangoGlyphItem *run;
  PangoGlyphInfo *glyph;

  pango_layout_set_text (layout, text, length);
  line = pango_layout_get_line_readonly (layout, 0);
  if (line == NULL || line->runs == NULL || line->runs->next != NULL ||
      pango_layout_get_line_count (layout) != 1)
    return FALSE;
  run = line->runs->data;
  glyph = &run->glyphs->glyphs[0];
  if (run->glyphs->num_glyphs != 1 || (glyph->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 ||
      glyph->glyph == PANGO_GLYPH_EMPTY || glyph->geometry.x_offset != 0 ||
      glyph->geometry.y_offset != 0 || run->item->analysis.level % 2 != 0 ||
      (font != NULL && font != run->item->analysis.font))
    return FALSE;
  figure->glyph = glyph->glyph;
  figure->advance = (double) glyph->geometry.width / PANGO_SCALE;
  return TRUE;
}

void
tj_page_figures_init (Figures     *figures,
                      PangoLayout *layout)
{
  for (const char *c = FIGURE_CHARACTERS; *c != '\0'; c++)
    {
      Figure figure;

      if (!figure_probe (layout, figures->font, c, 1, &figure))
        continue;
      if (figures->font == NULL)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);

          figures->font = g_object_ref (((PangoGlyphItem *) line->runs->data)->item->analysis.font);
        }
      figures->glyphs[(guchar) *c] = figure.glyph;
      figures->advances[(guchar) *c] = figure.advance;
      figures->known[(guchar) *c] = TRUE;
    }
  pango_layout_set_text (layout, "0", 1);
  figures->baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  figures->probe = pango_layout_copy (layout);
  pango_layout_set_width (figures->probe, -1);
  figures->others = g_hash_table_new (NULL, NULL);
  figures->other = g_array_new (FALSE, FALSE, sizeof (Figure));
}

void
tj_page_figures_clear (Figures *figures)
{
  g_clear_object (&figures->font);
  g_clear_object (&figures->probe);
  g_clear_pointer (&figures->others, g_hash_table_unref);
  g_clear_pointer (&figures->other, g_array_unref);
}

/* Whether a character is set like a figure: one glyph whatever stands beside it. Han
 * characters and the common punctuation of Chinese text (brackets, quotes, commas, stops);
 * not letters (kerned, joined), marks, controls, other spaces (breaks, alignment), nor dashes
 * and symbols (Noto CJK sets a dash after a figure with another glyph). */
static gboolean
settable (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
      return TRUE;
    case G_UNICODE_SCRIPT_COMMON:
      switch (g_unichar_type (c))
        {
        case G_UNICODE_OPEN_PUNCTUATION:
        case G_UNICODE_CLOSE_PUNCTUATION:
        case G_UNICODE_INITIAL_PUNCTUATION:
        case G_UNICODE_FINAL_PUNCTUATION:
        case G_UNICODE_OTHER_PUNCTUATION:
        case G_UNICODE_DECIMAL_NUMBER:
          return TRUE;
        default:
          return FALSE;
        }
    default:
      return FALSE;
    }
}

/* The glyph of a character other than an ASCII one, probed once; NULL when it is not set as a
 * figure. The characters kept are bounded (a table of them is a few bytes each). */
static const Figure *
other_figure (Figures  *figures,
              gunichar  c)
{
  gpointer found = g_hash_table_lookup (figures->others, GUINT_TO_POINTER (c));
  char text[8];
  Figure figure;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) == OTHER_UNSET
             ? NULL
             : &g_array_index (figures->other, Figure, GPOINTER_TO_UINT (found) - 1);
  if (g_hash_table_size (figures->others) >= OTHERS_KEPT)
    return NULL;
  if (!settable (c) ||
      !figure_probe (figures->probe, figures->font, text, g_unichar_to_utf8 (c, text), &figure))
    {
      g_hash_table_insert (figures->others, GUINT_TO_POINTER (c), GUINT_TO_POINTER (OTHER_UNSET));
      return NULL;
    }
  g_array_append_val (figures->other, figure);
  g_hash_table_insert (figures->others, GUINT_TO_POINTER (c),
                       GUINT_TO_POINTER (figures->other->len));
  return &g_array_index (figures->other, Figure, figures->other->len - 1);
}

/* A text's width set as figures, or -1 when it has a character that is not set so. */
double
tj_page_figure_width (Figures    *figures,
                      const char *text)
{
  double width = 0;

  if (figures->font == NULL || *text == '\0')
    return -1;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guchar byte = (guchar) *p;
      const Figure *figure;

      if (byte < 128)
        {
          if (!figures->known[byte])
            return -1;
          width += figures->advances[byte];
        }
      else if ((figure = other_figure (figures, g_utf8_get_char (p))) != NULL)
        width += figure->advance;
      else
        return -1;
    }
  return width;
}

/* How a character set as a figure breaks lines (UAX #14's classes, as Pango uses them), or
 * BREAK_UNKNOWN when the lines of a text with it are left to Pango. */
enum
{
  BREAK_UNKNOWN,
  BREAK_IDEOGRAPHIC,
  BREAK_NUMERIC,
  BREAK_OPEN,
  BREAK_NOT_BEFORE /* closing punctuation, non-starters, exclamation */
};

static int
break_class (gunichar c)
{
  if (c >= '0' && c <= '9')
    return BREAK_NUMERIC;
  if (c < 128)
    return BREAK_UNKNOWN;
  switch (g_unichar_break_type (c))
    {
    case G_UNICODE_BREAK_IDEOGRAPHIC:
      return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN ? BREAK_IDEOGRAPHIC : BREAK_UNKNOWN;
    case G_UNICODE_BREAK_OPEN_PUNCTUATION:
      return BREAK_OPEN;
    case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
    case G_UNICODE_BREAK_NON_STARTER:
    case G_UNICODE_BREAK_EXCLAMATION:
      return BREAK_NOT_BEFORE;
    default:
      return BREAK_UNKNOWN;
    }
}

/* Whether a line may break between two characters of these classes: not inside a number,
 * not after an opening bracket, not before a closing one, a comma, a stop or a colon. */
static gboolean
break_allowed (int before,
               int after)
{
  return after != BREAK_NOT_BEFORE && before != BREAK_OPEN &&
         !(before == BREAK_NUMERIC && after == BREAK_NUMERIC);
}

/* Breaks a text set as figures into lines narrower than room, as a layout of that width (words
 * then characters) breaks it: each line's end (a byte offset) and width in lines. The number
 * of lines, or 0 when that is left to Pango: a character other than Han ones, figures and
 * Chinese brackets and stops, a line as wide as room, one with nowhere to break, more than
 * `most` lines. */
guint
tj_page_figure_lines (Figures    *figures,
                      const char *text,
                      double      room,
                      guint       most,
                      FigureLine *lines)
{
  int bound = (int) (room * PANGO_SCALE);
  const char *p = text, *start = text, *last_break = NULL;
  double width = 0, width_at_break = 0;
  int before = BREAK_UNKNOWN;
  guint n = 0;

  if (figures->font == NULL || *text == '\0' || most == 0)
    return 0;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      int class = break_class (c);
      const Figure *figure = c < 128 ? NULL : other_figure (figures, c);
      double advance;

      if (class == BREAK_UNKNOWN || (c < 128 ? !figures->known[c] : figure == NULL))
        return 0;
      advance = c < 128 ? figures->advances[c] : figure->advance;
      if (p != start && break_allowed (before, class))
        {
          last_break = p;
          width_at_break = width;
        }
      if ((width + advance) * PANGO_SCALE == bound)
        return 0;
      if ((width + advance) * PANGO_SCALE > bound)
        {
          if (last_break == NULL || n + 1 >= most)
            return 0;
          lines[n].end = last_break - text;
          lines[n++].width = width_at_break;
          /* the rest from the break again */
          p = start = last_break;
          last_break = NULL;
          width = 0;
          continue;
        }
      width += advance;
      before = class;
      p = g_utf8_next_char (p);
    }
  lines[n].end = p - text;
  lines[n++].width = width;
  return n;
}

/* Adds a text whose width tj_page_figure_width gave (its first length bytes, or all of it when
 * length is -1), its baseline's left end at (x, baseline). */
void
tj_page_glyphs_add_figure (Glyphs     *glyphs,
                           Figures    *figures,
                           const char *text,
                           gssize      length,
                           double      x,
                           double      baseline)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end;)
    {
      const char *next = g_utf8_next_char (p);
      guchar byte = (guchar) *p;
      const Figure *figure = byte < 128 ? NULL : other_figure (figures, g_utf8_get_char (p));
      cairo_glyph_t glyph = { byte < 128 ? figures->glyphs[byte] : figure->glyph, x, baseline };
      cairo_text_cluster_t cluster = { (int) (next - p), 1 };

      g_array_append_val (glyphs->glyphs, glyph);
      g_array_append_val (glyphs->clusters, cluster);
      x += byte < 128 ? figures->advances[byte] : figure->advance;
      p = next;
    }
  g_string_append_len (glyphs->text, text, end - text);
}

/* Adds the glyphs of a layout whose top left corner is at (x, y), with their text; FALSE, adding
 * nothing, when one is not in `font`, unknown, or set right to left. */
gboolean
tj_page_glyphs_add_layout (Glyphs      *glyphs,
                           PangoLayout *layout,
                           PangoFont   *font,
                           double       x,
                           double       y)
{
  const char *text = pango_layout_get_text (layout);
  guint n_glyphs = glyphs->glyphs->len;
  guint n_clusters = glyphs->clusters->len;
  gsize length = glyphs->text->len;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean drawable = font != NULL;

  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
      PangoGlyphItemIter cluster;
      PangoRectangle logical;
      double pen, baseline;

      if (run == NULL)
        continue;
      if (run->item->analysis.font != font || run->item->analysis.level % 2 != 0)
        {
          drawable = FALSE;
          break;
        }
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      pen = x + (double) logical.x / PANGO_SCALE;
      baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      for (gboolean more = pango_glyph_item_iter_init_start (&cluster, run, text);
           more && drawable; more = pango_glyph_item_iter_next_cluster (&cluster))
        {
          cairo_text_cluster_t bytes = { cluster.end_index - cluster.start_index,
                                         cluster.end_glyph - cluster.start_glyph };

          for (int g = cluster.start_glyph; g < cluster.end_glyph; g++)
            {
              PangoGlyphInfo *info = &run->glyphs->glyphs[g];
              cairo_glyph_t glyph = { info->glyph,
                                      pen + (double) info->geometry.x_offset / PANGO_SCALE,
                                      baseline + (double) info->geometry.y_offset / PANGO_SCALE };

              if ((info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 ||
                  info->glyph == PANGO_GLYPH_EMPTY)
                drawable = FALSE;
              g_array_append_val (glyphs->glyphs, glyph);
              pen += (double) info->geometry.width / PANGO_SCALE;
            }
          g_array_append_val (glyphs->clusters, bytes);
          g_string_append_len (glyphs->text, text + cluster.start_index, bytes.num_bytes);
        }
    }
  while (drawable && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  if (!drawable)
    {
      g_array_set_size (glyphs->glyphs, n_glyphs);
      g_array_set_size (glyphs->clusters, n_clusters);
      g_string_truncate (glyphs->text, length);
    }
  return drawable;
}

/* Adds glyphs laid out already, moved to (x, y). */
void
tj_page_glyphs_add_glyphs (Glyphs       *glyphs,
                           const Glyphs *from,
                           double        x,
                           double        y)
{
  guint first = glyphs->glyphs->len;

  g_array_append_vals (glyphs->glyphs, from->glyphs->data, from->glyphs->len);
  for (guint i = first; i < glyphs->glyphs->len; i++)
    {
      cairo_glyph_t *glyph = &g_array_index (glyphs->glyphs, cairo_glyph_t, i);

      glyph->x += x;
      glyph->y += y;
    }
  g_array_append_vals (glyphs->clusters, from->clusters->data, from->clusters->len);
  g_string_append_len (glyphs->text, from->text->str, from->text->len);
}

void
tj_page_glyphs_add_measured (Glyphs         *glyphs,
                             const Glyphs   *kept,
                             const Measured *measured,
                             double          x,
                             double          y)
{
  guint first = glyphs->glyphs->len;

  g_array_append_vals (glyphs->glyphs,
                       &g_array_index (kept->glyphs, cairo_glyph_t, measured->glyph),
                       measured->n_glyphs);
  for (guint i = first; i < glyphs->glyphs->len; i++)
    {
      cairo_glyph_t *glyph = &g_array_index (glyphs->glyphs, cairo_glyph_t, i);

      glyph->x += x;
      glyph->y += y;
    }
  g_array_append_vals (glyphs->clusters,
                       &g_array_index (kept->clusters, cairo_text_cluster_t, measured->cluster),
                       measured->n_clusters);
  g_string_append_len (glyphs->text, kept->text->str + measured->text, measured->text_length);
}

void
tj_page_glyphs_show (Glyphs    *glyphs,
                     cairo_t   *cr,
                     PangoFont *font)
{
  if (glyphs->glyphs->len == 0)
    return;
  cairo_set_scaled_font (cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)));
  cairo_show_text_glyphs (cr, glyphs->text->str, (int) glyphs->text->len,
                          (cairo_glyph_t *) glyphs->glyphs->data, (int) glyphs->glyphs->len,
                          (cairo_text_cluster_t *) glyphs->clusters->data,
                          (int) glyphs->clusters->len, 0);
  g_array_set_size (glyphs->glyphs, 0);
  g_array_set_size (glyphs->clusters, 0);
  g_string_truncate (glyphs->text, 0);
}
