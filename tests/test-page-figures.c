/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text cells set as figures (tj-page-glyphs.c) against Pango laying out the same text: the same
 * lines, glyphs and positions, in the faces and sizes the PDF uses. */
#include "tj-test.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "tj-page-layout-private.h"

static PangoLayout *
layout_new (gboolean bold,
            double   size)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *font = pango_font_description_new ();
  PangoLayout *layout;

  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  layout = pango_layout_new (context);
  g_object_unref (context);
  pango_font_description_set_family_static (font, BODY_FACE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size (font, (int) lround (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static const char *const texts[] = {
  "嵩阳街道污水处理厂1号项目",
  "宣化镇物流园7813号项目",
  "建设规模：占地517亩，新建厂房（一期）12000平方米。",
  "（一期）工程",
  "年产10万吨新型建材生产线项目",
  "中岳街道污水处理厂5919号项目",
  "第1期、第2期、第3期工程！",
  "项目",
};

/* Lines and glyphs as Pango sets them, in columns from two characters wide to one line. */
static void
test_figures_as_pango (void)
{
  for (guint bold = 0; bold < 2; bold++)
    {
      g_autoptr (PangoLayout) layout = layout_new (bold, 6.5);
      Figures figures = { 0 };
      guint set = 0;

      tj_page_figures_init (&figures, layout);
      g_assert_nonnull (figures.font);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        for (double room = 13.3; room < 120; room += 6.1)
          {
            FigureLine lines[FIGURE_LINES_MOST];
            guint n = tj_page_figure_lines (&figures, texts[t], room, FIGURE_LINES_MOST, lines);
            Glyphs ours, pango;
            gsize start = 0;

            if (n == 0)
              continue;
            set++;
            tj_page_glyphs_init (&ours);
            tj_page_glyphs_init (&pango);
            pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
            pango_layout_set_text (layout, texts[t], -1);
            g_assert_cmpint (pango_layout_get_line_count (layout), ==, n);
            g_assert_true (tj_page_glyphs_add_layout (&pango, layout, figures.font, 0, 0));
            for (guint i = 0; i < n; i++)
              {
                tj_page_glyphs_add_figure (&ours, &figures, texts[t] + start, lines[i].end - start,
                                           0, figures.baseline + i * tj_page_text_height (layout) / n);
                start = lines[i].end;
              }
            g_assert_cmpuint (ours.glyphs->len, ==, pango.glyphs->len);
            g_assert_cmpstr (ours.text->str, ==, pango.text->str);
            for (guint g = 0; g < ours.glyphs->len; g++)
              {
                cairo_glyph_t *a = &g_array_index (ours.glyphs, cairo_glyph_t, g);
                cairo_glyph_t *b = &g_array_index (pango.glyphs, cairo_glyph_t, g);

                g_assert_cmpuint (a->index, ==, b->index);
                g_assert_cmpfloat_with_epsilon (a->x, b->x, 0.002);
                g_assert_cmpfloat_with_epsilon (a->y, b->y, 0.002);
              }
            tj_page_glyphs_clear (&ours);
            tj_page_glyphs_clear (&pango);
          }
      /* every text is set so in most widths: the path is taken */
      g_assert_cmpuint (set, >, G_N_ELEMENTS (texts) * 10);
      tj_page_figures_clear (&figures);
    }
}

/* Letters (kerned), dashes (another glyph after a figure), line breaks and spaces are left to
 * Pango. */
static void
test_figures_left_to_pango (void)
{
  g_autoptr (PangoLayout) layout = layout_new (FALSE, 6.5);
  const char *const others[] = { "A区1号楼", "第1—3期", "一期\n二期", "一期 二期", "" };
  Figures figures = { 0 };
  FigureLine lines[FIGURE_LINES_MOST];

  tj_page_figures_init (&figures, layout);
  for (guint t = 0; t < G_N_ELEMENTS (others); t++)
    g_assert_cmpuint (tj_page_figure_lines (&figures, others[t], 100, FIGURE_LINES_MOST, lines),
                      ==, 0);
  /* more lines than asked for */
  g_assert_cmpuint (tj_page_figure_lines (&figures, texts[2], 14, 3, lines), ==, 0);
  g_assert_cmpfloat (tj_page_figure_width (&figures, "第1—3期"), <, 0);
  g_assert_cmpfloat (tj_page_figure_width (&figures, "项目"), >, 12);
  tj_page_figures_clear (&figures);
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/page/figures-set-as-pango-sets-them", test_figures_as_pango);
  g_test_add_func ("/tj/page/figures-leave-other-text-to-pango", test_figures_left_to_pango);
  return g_test_run ();
}
