/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <math.h>
#include <string.h>

#include "tj-page-layout-private.h"

/* Widths estimated without laying text out, and the table's headers broken to their columns. */

/* Widths are estimated from the first ESTIMATED_MAX_BYTES of a text. */
#define ESTIMATED_MAX_BYTES 65536

void
tj_page_advances_init (TjPageLayout *self,
                       Advances     *advances,
                       gboolean      bold)
{
  char text[2] = { 0 };

  advances->probe = tj_page_text_layout_new (self, BODY_FACE, bold, REFERENCE_SIZE);
  advances->others = g_hash_table_new (NULL, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (advances->ascii); c++)
    {
      if (c < 0x20 || c == 0x7f)
        continue;
      text[0] = (char) c;
      pango_layout_set_text (advances->probe, text, 1);
      advances->ascii[c] = tj_page_text_width (advances->probe) / (REFERENCE_SIZE * self->scale);
    }
}

void
tj_page_advances_clear (Advances *advances)
{
  g_clear_pointer (&advances->others, g_hash_table_unref);
  g_clear_object (&advances->probe);
}

/* Ideographs, kana, hangul and full-width forms take one em in the CJK faces. */
static gboolean
is_full_width (gunichar c)
{
  return (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
         (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
         (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
         (c >= 0x20000 && c <= 0x3fffd);
}

static double
advance_of (TjPageLayout *self,
            Advances     *advances,
            gunichar      c)
{
  gpointer found;
  char text[8];
  double em;
  int length;

  if (is_full_width (c))
    return 1.0;
  if (g_hash_table_lookup_extended (advances->others, GUINT_TO_POINTER (c), NULL, &found))
    return (double) GPOINTER_TO_UINT (found) / 1000.0;
  length = g_unichar_to_utf8 (c, text);
  pango_layout_set_text (advances->probe, text, length);
  em = tj_page_text_width (advances->probe) / (REFERENCE_SIZE * self->scale);
  g_hash_table_insert (advances->others, GUINT_TO_POINTER (c),
                       GUINT_TO_POINTER ((guint) lround (em * 1000.0)));
  return em;
}

/* The width of a text in em, its widest line counting; *lines tells whether it has several,
 * *word how wide its widest run of Latin letters and figures is (a telephone number, a code):
 * what no column should break. */
double
tj_page_estimate_em (TjPageLayout *self,
                     Advances     *advances,
                     const char   *text,
                     gboolean     *lines,
                     double       *word)
{
  double width = 0, widest = 0, run = 0, widest_run = 0;
  const guchar *p = (const guchar *) text;

  *lines = FALSE;
  while (*p != '\0')
    {
      /* A text this long takes several lines in any column. */
      if ((gsize) (p - (const guchar *) text) >= ESTIMATED_MAX_BYTES)
        {
          *lines = TRUE;
          break;
        }
      if (*p < 0x80)
        {
          if (*p == '\n')
            {
              *lines = TRUE;
              widest = MAX (widest, width);
              width = 0;
            }
          else
            width += advances->ascii[*p];
          if (*p == ' ' || *p == '\n')
            run = 0;
          else
            {
              run += advances->ascii[*p];
              widest_run = MAX (widest_run, run);
            }
          p++;
        }
      else
        {
          width += advance_of (self, advances, g_utf8_get_char ((const char *) p));
          run = 0;
          p = (const guchar *) g_utf8_next_char (p);
        }
    }
  if (word != NULL)
    *word = widest_run;
  return MAX (widest, width);
}

/* The text of a cell as a reader sees it; TEXT and DATE cells without a copy. */
const char *
tj_page_cell_text (const TjReportCell *cell,
                   char              **owned)
{
  *owned = NULL;
  switch (cell->type)
    {
    case TJ_REPORT_TEXT:
    case TJ_REPORT_DATE:
      return cell->value.text;
    case TJ_REPORT_EMPTY:
      return "";
    case TJ_REPORT_INTEGER:
    case TJ_REPORT_WAN:
    case TJ_REPORT_YI:
    case TJ_REPORT_PERCENT:
    case TJ_REPORT_LIGHT:
    default:
      return *owned = tj_report_cell_text (cell);
    }
}

/* Whether a line may end before p: not inside a figure, not before closing punctuation. */
static gboolean
breaks_before (const char *p)
{
  GUnicodeBreakType type;

  if (*p == '\0')
    return TRUE;
  if (g_ascii_isalnum (p[-1]) && g_ascii_isalnum (*p))
    return FALSE;
  type = g_unichar_break_type (g_utf8_get_char (p));
  return type != G_UNICODE_BREAK_CLOSE_PUNCTUATION && type != G_UNICODE_BREAK_CLOSE_PARANTHESIS &&
         type != G_UNICODE_BREAK_EXCLAMATION && type != G_UNICODE_BREAK_INFIX_SEPARATOR;
}

/* A piece of a header, in lines of about equal length when it is wider than its column:
 * 年度计 划投资 rather than 年度计划投 资. Text with spaces is left to break between its words. */
static void
append_balanced (GString     *text,
                 PangoLayout *probe,
                 const char  *piece,
                 double       room)
{
  glong length = g_utf8_strlen (piece, -1);
  const char *start = piece;
  double width;
  glong lines;

  pango_layout_set_text (probe, piece, -1);
  width = tj_page_text_width (probe);
  if (width <= room || room <= 0 || length < 2 || strchr (piece, ' ') != NULL)
    {
      g_string_append (text, piece);
      return;
    }
  lines = MIN ((glong) ceil (width / room), length);
  for (glong i = 1; i <= lines && *start != '\0'; i++)
    {
      const char *end = g_utf8_offset_to_pointer (piece, (length * i + lines - 1) / lines);

      while (end <= start || !breaks_before (end))
        end = g_utf8_next_char (end);
      if (start != piece)
        g_string_append_c (text, '\n');
      g_string_append_len (text, start, end - start);
      start = end;
    }
}

/* A header set as wide as its column: broken before its unit when it does not fit whole, and
 * into even lines. */
void
tj_page_set_header_text (PangoLayout *layout,
                         const char  *header,
                         double       room)
{
  const char *split = tj_report_header_break (header);
  g_autoptr (GString) text = g_string_new (NULL);

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, header, -1);
  if (tj_page_text_width (layout) <= room)
    g_string_append (text, header);
  else if (split == NULL)
    append_balanced (text, layout, header, room);
  else
    {
      g_autofree char *head = g_strndup (header, split - header);

      append_balanced (text, layout, g_strchomp (head), room);
      g_string_append_c (text, '\n');
      append_balanced (text, layout, split, room);
    }
  pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
  pango_layout_set_text (layout, text->str, -1);
}

/* The widest word of a text in em, as a header breaks only between words. */
static double
widest_word_em (TjPageLayout *self,
                PangoLayout  *probe,
                const char   *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      pango_layout_set_text (probe, words[i], -1);
      widest = MAX (widest, tj_page_text_width (probe) / (REFERENCE_SIZE * self->scale));
    }
  return widest;
}

/* The narrowest a piece of a header reads well, in em: whole when short, else on two lines,
 * never narrower than a word. */
static double
piece_min_em (TjPageLayout *self,
              PangoLayout  *probe,
              const char   *piece)
{
  double whole;

  pango_layout_set_text (probe, piece, -1);
  whole = tj_page_text_width (probe) / (REFERENCE_SIZE * self->scale);
  if (whole <= 4.5)
    return whole;
  return MAX (MAX (ceil (whole / 2), 2.0), widest_word_em (self, probe, piece));
}

/* The narrowest a header reads well, in em: broken before its unit and once more, or on two
 * lines. */
double
tj_page_header_min_em (TjPageLayout *self,
                       PangoLayout  *probe,
                       const char   *header)
{
  const char *split = tj_report_header_break (header);
  g_autofree char *first = NULL;

  pango_layout_set_width (probe, -1);
  if (split == NULL)
    return piece_min_em (self, probe, header);
  first = g_strndup (header, split - header);
  g_strchomp (first);
  return MAX (piece_min_em (self, probe, first), piece_min_em (self, probe, split));
}
