/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-inspection"
#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tj-date.h"
#include "tj-error.h"
#include "tj-inspection-record.h"
#include "tj-inspection.h"
#include "tj-money.h"
#include "tj-output-file.h"
#include "tj-page-style.h"
#include "tj-report.h"
#include "tj-settings.h"

/* 巡查记录表: the form of one inspection (policy 十, 十一), then its photos two to a row. The
 * pages are laid out by walking the record once per use: to count them (no cairo context), then
 * once per page drawn, drawing only what falls on that page. */

/* A4 portrait, in points. */
#define PAGE_WIDTH 595.28
#define PAGE_HEIGHT 841.89

#define MARGIN_TOP_MM 20.0
#define MARGIN_BOTTOM_MM 22.0
#define MARGIN_SIDE_MM 20.0
#define FOLIO_FROM_BOTTOM_MM 12.0
#define LABEL_WIDTH_MM 30.0
#define CELL_PAD_MM 1.6
#define GAP_MM 4.0
#define PHOTO_GAP_MM 6.0
#define PHOTO_BOX_RATIO 0.75 /* the height of a photo's box to its width */

#define TITLE_SIZE 22.0
#define OFFICE_SIZE 14.0
#define HEADING_SIZE 14.0
#define TEXT_SIZE 11.0
#define CAPTION_SIZE 10.0
#define RUNNING_SIZE 9.0
#define LABEL_FILL 0.92
#define LINE_WIDTH 0.6

#define CREATOR "推进 Tuijin"

typedef enum
{
  CELL_VALUE = 0,
  CELL_LABEL = 1 << 0,  /* grey, in the heading face, centred */
  CELL_CENTER = 1 << 1, /* a figure */
} CellFlags;

typedef struct
{
  TjPhoto *photo; /* with its bytes */
  char *caption;
  int width, height; /* as shown: after the orientation its camera recorded */
} RecordPhoto;

struct _TjInspectionRecord
{
  TjInspection *inspection;
  char *office;
  char *today;
  GPtrArray *photos; /* of RecordPhoto */
  PangoContext *context;
  double scale; /* context units per point */
  double width, height;
  double left, right, top, bottom;
  guint n_pages;
  GError *error; /* of a photo that could not be drawn */
};

/* One walk through the record. */
typedef struct
{
  TjInspectionRecord *self;
  cairo_t *cr;  /* NULL while counting the pages */
  guint target; /* the page drawn */
  guint page;
  double y;
  double page_top; /* below the running head of a continued page */
} Flow;

static void
record_photo_free (RecordPhoto *photo)
{
  tj_photo_free (photo->photo);
  g_free (photo->caption);
  g_free (photo);
}

/* ------------------------------------------------------------------------------------------ */
/* Photos */

/* The photo decoded and turned upright. */
static GdkPixbuf *
photo_pixbuf (const TjPhoto *photo,
              gboolean      *upright,
              GError       **error)
{
  /* by the type stored with it: sniffing needs the MIME database, which a sandbox may lack */
  g_autoptr (GdkPixbufLoader) loader = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *orientation;
  GdkPixbuf *pixbuf;
  gsize size;
  const guchar *data = g_bytes_get_data (photo->data, &size);

  loader = gdk_pixbuf_loader_new_with_mime_type (photo->mime, &local_error);
  if (loader == NULL || !gdk_pixbuf_loader_write (loader, data, size, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error) ||
      gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_DAMAGED, _("The photo “%s” cannot be read: %s"),
                   photo->name,
                   local_error != NULL ? local_error->message
                                       : C_ ("inspection record", "not an image"));
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  if (upright != NULL)
    *upright = orientation == NULL || strcmp (orientation, "1") == 0;
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/* The photo as a cairo image; a JPEG taken upright keeps its own bytes, which the PDF embeds as
 * they are. */
static cairo_surface_t *
photo_surface (const RecordPhoto *photo,
               GError           **error)
{
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  gboolean upright = TRUE;
  cairo_surface_t *surface;
  const guchar *pixels;
  guchar *target;
  int width, height, rowstride, channels, stride;
  gboolean alpha;

  pixbuf = photo_pixbuf (photo->photo, &upright, error);
  if (pixbuf == NULL)
    return NULL;
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);

  surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width,
                                        height);
  cairo_surface_flush (surface);
  target = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guchar *from = pixels + (gsize) y * rowstride;
      guint32 *to = (guint32 *) (target + (gsize) y * stride);

      for (int x = 0; x < width; x++, from += channels)
        {
          guint a = alpha ? from[3] : 255;
          guint r = from[0] * a / 255, g = from[1] * a / 255, b = from[2] * a / 255;

          to[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  /* the same photo kept twice goes into the PDF once */
  if (photo->photo->sha256 != NULL)
    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID,
                                 (const guchar *) photo->photo->sha256,
                                 strlen (photo->photo->sha256), NULL, NULL);
  if (upright && g_strcmp0 (photo->photo->mime, "image/jpeg") == 0)
    {
      gsize size;
      const void *data = g_bytes_get_data (photo->photo->data, &size);

      cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, data, size,
                                   (cairo_destroy_func_t) g_bytes_unref,
                                   g_bytes_ref (photo->photo->data));
    }
  return surface;
}

/* ------------------------------------------------------------------------------------------ */
/* Text */

static PangoLayout *
text_new (TjInspectionRecord *self,
          const char         *text,
          gboolean            heading,
          double              size,
          double              width,
          PangoAlignment      alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, heading ? tj_page_heading_face ()
                                                   : tj_page_body_face ());
  pango_font_description_set_size (font, (int) lround (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
mm (TjInspectionRecord *self,
    double              millimetres)
{
  return millimetres * tj_page_points_per_mm () * self->scale;
}

/* ------------------------------------------------------------------------------------------ */
/* The walk */

static gboolean
flow_drawing (Flow *flow)
{
  return flow->cr != NULL && flow->page == flow->target;
}

/* A continued page starts with the project's name, small, so that a loose page still says
 * whose record it is. */
static void
flow_new_page (Flow *flow)
{
  TjInspectionRecord *self = flow->self;
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;

  flow->page++;
  /* Translators: the running head of a record's next pages: "嵩山大道 巡查记录表（续）" */
  text = g_strdup_printf (_("%s Site Inspection Record (continued)"),
                          self->inspection->project_name);
  layout = text_new (self, text, FALSE, RUNNING_SIZE, self->right - self->left,
                     PANGO_ALIGN_RIGHT);
  if (flow_drawing (flow))
    {
      cairo_move_to (flow->cr, self->left, self->top);
      pango_cairo_show_layout (flow->cr, layout);
    }
  flow->page_top = self->top + text_height (layout) + mm (self, GAP_MM);
  flow->y = flow->page_top;
}

/* Goes on a new page unless height fits below y (or nothing is on this page yet). */
static void
flow_room (Flow  *flow,
           double height)
{
  if (flow->y + height > flow->self->bottom && flow->y > flow->page_top)
    flow_new_page (flow);
}

static void
flow_text (Flow           *flow,
           const char     *text,
           gboolean        heading,
           double          size,
           PangoAlignment  alignment,
           double          space_after)
{
  TjInspectionRecord *self = flow->self;
  g_autoptr (PangoLayout) layout = text_new (self, text, heading, size, self->right - self->left,
                                             alignment);
  double height = text_height (layout);

  flow_room (flow, height);
  if (flow_drawing (flow))
    {
      cairo_move_to (flow->cr, self->left, flow->y);
      pango_cairo_show_layout (flow->cr, layout);
    }
  flow->y += height + space_after;
}

/* A row of the form: n cells between the n + 1 edges, as tall as its tallest text, ruled. */
static void
flow_row (Flow              *flow,
          guint              n,
          const double      *edges,
          const char *const *texts,
          const guint       *flags)
{
  TjInspectionRecord *self = flow->self;
  double pad = mm (self, CELL_PAD_MM);
  g_autoptr (GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = text_new (self, texts[i] != NULL ? texts[i] : "",
                                      (flags[i] & CELL_LABEL) != 0, TEXT_SIZE,
                                      edges[i + 1] - edges[i] - 2 * pad,
                                      (flags[i] & (CELL_LABEL | CELL_CENTER)) != 0
                                        ? PANGO_ALIGN_CENTER
                                        : PANGO_ALIGN_LEFT);

      g_ptr_array_add (layouts, layout);
      height = MAX (height, text_height (layout) + 2 * pad);
    }
  flow_room (flow, height);
  if (flow_drawing (flow))
    {
      cairo_t *cr = flow->cr;

      cairo_set_line_width (cr, LINE_WIDTH * self->scale);
      for (guint i = 0; i < n; i++)
        {
          PangoLayout *layout = g_ptr_array_index (layouts, i);

          cairo_rectangle (cr, edges[i], flow->y, edges[i + 1] - edges[i], height);
          if ((flags[i] & CELL_LABEL) != 0)
            {
              cairo_set_source_rgb (cr, LABEL_FILL, LABEL_FILL, LABEL_FILL);
              cairo_fill_preserve (cr);
            }
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_stroke (cr);
          cairo_move_to (cr, edges[i] + pad, flow->y + (height - text_height (layout)) / 2);
          pango_cairo_show_layout (cr, layout);
        }
    }
  flow->y += height;
}

/* A label and its text across the form. */
static void
flow_line (Flow       *flow,
           const char *label,
           const char *text)
{
  TjInspectionRecord *self = flow->self;
  double edges[] = { self->left, self->left + mm (self, LABEL_WIDTH_MM), self->right };
  const char *texts[] = { label, text };
  guint flags[] = { CELL_LABEL, CELL_VALUE };

  flow_row (flow, 2, edges, texts, flags);
}

/* Two labels and their texts. */
static void
flow_pair (Flow       *flow,
           const char *label1,
           const char *text1,
           const char *label2,
           const char *text2)
{
  TjInspectionRecord *self = flow->self;
  double label = mm (self, LABEL_WIDTH_MM);
  double value = (self->right - self->left - 2 * label) / 2;
  double edges[] = { self->left, self->left + label, self->left + label + value,
                     self->left + 2 * label + value, self->right };
  const char *texts[] = { label1, text1, label2, text2 };
  guint flags[] = { CELL_LABEL, CELL_VALUE, CELL_LABEL, CELL_VALUE };

  flow_row (flow, 4, edges, texts, flags);
}

static char *
count_text (int count,
            const char *(*format) (gulong))
{
  return count < 0 ? g_strdup ("") : g_strdup_printf (format ((gulong) count), count);
}

static const char *
workers_format (gulong count)
{
  /* Translators: workers on site: "35人" */
  return ngettext ("%d person", "%d people", count);
}

static const char *
machines_format (gulong count)
{
  /* Translators: machines on site: "6台" */
  return ngettext ("%d machine", "%d machines", count);
}

/* The form: who inspected what and when, reported against verified, the verdict, the evidence. */
static void
flow_form (Flow *flow)
{
  TjInspectionRecord *self = flow->self;
  TjInspection *inspection = self->inspection;
  double quarter = (self->right - self->left) / 4;
  double figure_edges[] = { self->left, self->left + quarter, self->left + 2 * quarter,
                            self->left + 3 * quarter, self->right };
  guint label_flags[] = { CELL_LABEL, CELL_LABEL, CELL_LABEL, CELL_LABEL };
  guint figure_flags[] = { CELL_CENTER, CELL_CENTER, CELL_CENTER, CELL_CENTER };
  g_autofree char *workers = count_text (inspection->workers, workers_format);
  g_autofree char *machines = count_text (inspection->machines, machines_format);
  g_autofree char *reported = tj_money_format_wan (inspection->reported, 2, TRUE);
  g_autofree char *verified = tj_money_format_wan (inspection->verified, 2, TRUE);
  g_autofree char *difference = tj_money_format_wan (inspection->difference, 2, TRUE);
  g_autofree char *rate = inspection->has_rate ? tj_report_format_percent (inspection->rate)
                                               : g_strdup ("—");
  g_autoptr (GString) evidence = g_string_new (NULL);
  const char *figure_labels[] = { C_ ("inspection column", "Reported cumulative (10,000 yuan)"),
                                  C_ ("inspection column", "Verified cumulative (10,000 yuan)"),
                                  C_ ("inspection column", "Difference (10,000 yuan)"),
                                  C_ ("inspection column", "Difference rate") };
  const char *figures[] = { reported, verified, difference, rate };

  flow_line (flow, C_ ("inspection column", "Project"), inspection->project_name);
  flow_pair (flow, C_ ("inspection column", "Locality"), inspection->locality_name,
             C_ ("inspection record", "Inspection date"),
             inspection->date);
  flow_pair (flow, C_ ("inspection record", "Organiser"), inspection->organiser_name,
             C_ ("inspection column", "Unannounced"),
             inspection->unannounced ? C_ ("inspection record", "Yes")
                                     : C_ ("inspection record", "No"));
  flow_line (flow, C_ ("inspection record", "Inspectors"), inspection->inspectors);
  flow_line (flow, C_ ("inspection record", "On site"), inspection->seen);
  flow_pair (flow, C_ ("inspection record", "Workers on site"), workers,
             C_ ("inspection record", "Machines on site"), machines);
  flow_row (flow, 4, figure_edges, figure_labels, label_flags);
  flow_row (flow, 4, figure_edges, figures, figure_flags);
  flow_pair (flow, C_ ("inspection record", "Reported visual progress"),
             inspection->reported_progress,
             C_ ("inspection record", "Verified visual progress"), inspection->verified_progress);
  flow_pair (flow, C_ ("inspection column", "Suggested verdict"),
             tj_verdict_label (inspection->suggested),
             C_ ("inspection column", "Verdict"), tj_verdict_label (inspection->final_verdict));
  if (inspection->has_verdict && inspection->verdict_reason != NULL &&
      *inspection->verdict_reason != '\0')
    flow_line (flow, C_ ("inspection record", "Reason for the verdict"),
               inspection->verdict_reason);
  for (guint i = 0; i < TJ_EVIDENCE_N; i++)
    g_string_append_printf (evidence, "%s%s%s", i > 0 ? "　" : "",
                            (inspection->evidence & (1u << i)) != 0 ? "☑" : "☐",
                            tj_evidence_label (i));
  flow_line (flow, C_ ("inspection record", "Evidence checked"), evidence->str);
}

/* The state of a rectification on the day the record is printed. */
static const char *
rectification_state (TjInspectionRecord    *self,
                     const TjRectification *rectification)
{
  if (rectification->closed != NULL)
    return NULL;
  if (tj_rectification_is_overdue (rectification, self->today))
    return C_ ("inspection record", "overdue, not closed");
  return C_ ("inspection record", "not closed");
}

static void
flow_findings (Flow *flow)
{
  TjInspectionRecord *self = flow->self;
  GPtrArray *findings = self->inspection->findings;

  if (findings == NULL || findings->len == 0)
    {
      flow_line (flow, C_ ("inspection record", "Findings"), C_ ("inspection record", "None"));
      return;
    }
  for (guint i = 0; i < findings->len; i++)
    {
      TjFinding *finding = g_ptr_array_index (findings, i);
      g_autoptr (GString) text = g_string_new (NULL);
      g_autofree char *label = NULL;

      /* Translators: the label of a finding in the record: "问题1" */
      label = g_strdup_printf (C_ ("inspection record", "Finding %u"), i + 1);
      /* Translators: "【进度不实】上报进度高于现场" */
      g_string_append_printf (text, C_ ("inspection record", "[%s] %s"), finding->kind,
                              finding->description);
      if (finding->unit_name != NULL)
        /* Translators: "（责任单位：城建局）" */
        g_string_append_printf (text, C_ ("inspection record", " (responsible unit: %s)"),
                                finding->unit_name);
      for (guint r = 0; r < finding->rectifications->len; r++)
        {
          TjRectification *rectification = g_ptr_array_index (finding->rectifications, r);
          const char *state = rectification_state (self, rectification);

          g_string_append_c (text, '\n');
          /* Translators: "整改要求：如实填报；整改期限：2026-07-01" */
          g_string_append_printf (text, C_ ("inspection record", "Rectification: %s; deadline: %s"),
                                  rectification->requirement, rectification->deadline);
          if (rectification->unit_name != NULL || rectification->person != NULL)
            {
              g_autofree char *who = g_strjoin (
                rectification->unit_name != NULL && rectification->person != NULL ? " " : "",
                rectification->unit_name != NULL ? rectification->unit_name : "",
                rectification->person != NULL ? rectification->person : "", NULL);

              /* Translators: "；责任单位及责任人：城建局 李四" */
              g_string_append_printf (text, C_ ("inspection record", "; responsible: %s"), who);
            }
          if (rectification->result != NULL && *rectification->result != '\0')
            /* Translators: "；整改结果：已补报" */
            g_string_append_printf (text, C_ ("inspection record", "; result: %s"),
                                    rectification->result);
          if (state != NULL)
            /* Translators: "（未销号）" */
            g_string_append_printf (text, C_ ("inspection record", " (%s)"), state);
          else
            /* Translators: "；验收人：王明，2026-07-10销号" */
            g_string_append_printf (text, C_ ("inspection record", "; checked by %s, closed on %s"),
                                    rectification->checked_by != NULL ? rectification->checked_by
                                                                      : "",
                                    rectification->closed);
        }
      flow_line (flow, label, text->str);
    }
}

/* The photos two to a row, each scaled into its half of the width, its name under it; a row
 * that does not fit goes on the next page. */
static void
flow_photos (Flow *flow)
{
  TjInspectionRecord *self = flow->self;
  double gap = mm (self, PHOTO_GAP_MM);
  double cell = (self->right - self->left - gap) / 2;
  double box = cell * PHOTO_BOX_RATIO;

  if (self->photos->len == 0)
    return;
  for (guint i = 0; i < self->photos->len; i += 2)
    {
      PangoLayout *captions[2] = { NULL, NULL };
      double heights[2] = { 0, 0 };
      double scales[2] = { 0, 0 };
      double caption_height = 0, image_height = 0, height;
      guint n = MIN (2, self->photos->len - i);

      for (guint k = 0; k < n; k++)
        {
          RecordPhoto *photo = g_ptr_array_index (self->photos, i + k);

          scales[k] = MIN (cell / photo->width, box / photo->height);
          heights[k] = photo->height * scales[k];
          captions[k] = text_new (self, photo->caption, FALSE, CAPTION_SIZE, cell,
                                  PANGO_ALIGN_CENTER);
          image_height = MAX (image_height, heights[k]);
          caption_height = MAX (caption_height, text_height (captions[k]));
        }
      height = image_height + mm (self, 1.5) + caption_height;
      if (i == 0)
        {
          const char *title = C_ ("inspection record", "Site photos");
          g_autoptr (PangoLayout) heading = text_new (self, title, TRUE, HEADING_SIZE, 0,
                                                      PANGO_ALIGN_LEFT);

          /* the heading stays with the first row */
          flow_room (flow, text_height (heading) + mm (self, GAP_MM) + height);
          flow_text (flow, title, TRUE, HEADING_SIZE, PANGO_ALIGN_LEFT, mm (self, GAP_MM));
        }
      flow_room (flow, height);
      if (flow_drawing (flow))
        for (guint k = 0; k < n && flow->self->error == NULL; k++)
          {
            RecordPhoto *photo = g_ptr_array_index (self->photos, i + k);
            double x = self->left + k * (cell + gap);
            double width = photo->width * scales[k];
            cairo_surface_t *surface = photo_surface (photo, &self->error);

            if (surface == NULL)
              break;
            cairo_save (flow->cr);
            cairo_translate (flow->cr, x + (cell - width) / 2, flow->y);
            cairo_scale (flow->cr, scales[k], scales[k]);
            cairo_set_source_surface (flow->cr, surface, 0, 0);
            cairo_paint (flow->cr);
            cairo_restore (flow->cr);
            cairo_surface_destroy (surface);
            cairo_move_to (flow->cr, x, flow->y + image_height + mm (self, 1.5));
            pango_cairo_show_layout (flow->cr, captions[k]);
          }
      flow->y += height + gap;
      for (guint k = 0; k < n; k++)
        g_object_unref (captions[k]);
    }
}

/* Room to sign under the form: the inspectors on the left, the inspected unit from the middle. */
static void
flow_signatures (Flow *flow)
{
  TjInspectionRecord *self = flow->self;
  double half = (self->right - self->left) / 2;
  g_autoptr (PangoLayout) inspectors = text_new (self, C_ ("inspection record",
                                                           "Inspectors (signature):"),
                                                 FALSE, TEXT_SIZE, half, PANGO_ALIGN_LEFT);
  g_autoptr (PangoLayout) inspected = text_new (self, C_ ("inspection record",
                                                          "Inspected unit (signature):"),
                                                FALSE, TEXT_SIZE, half, PANGO_ALIGN_LEFT);
  double height = MAX (text_height (inspectors), text_height (inspected));

  flow_room (flow, height);
  if (flow_drawing (flow))
    {
      cairo_move_to (flow->cr, self->left, flow->y);
      pango_cairo_show_layout (flow->cr, inspectors);
      cairo_move_to (flow->cr, self->left + half, flow->y);
      pango_cairo_show_layout (flow->cr, inspected);
    }
  flow->y += height + mm (self, 2 * GAP_MM);
}

static void
flow_record (Flow *flow)
{
  TjInspectionRecord *self = flow->self;

  flow->page = 0;
  flow->page_top = self->top;
  flow->y = self->top;
  flow_text (flow, C_ ("inspection record", "Site Inspection Record"), TRUE, TITLE_SIZE,
             PANGO_ALIGN_CENTER, mm (self, 2));
  flow_text (flow, self->office, FALSE, OFFICE_SIZE, PANGO_ALIGN_CENTER, mm (self, GAP_MM));
  flow_form (flow);
  flow_findings (flow);
  flow->y += mm (self, GAP_MM);
  flow_signatures (flow);
  flow_photos (flow);
}

static void
draw_folio (TjInspectionRecord *self,
            cairo_t            *cr,
            guint               page)
{
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;

  /* Translators: the page number at the foot of a record's page: "第 1 页　共 3 页" */
  text = g_strdup_printf (C_ ("inspection record", "Page %u of %u"), page + 1, self->n_pages);
  layout = text_new (self, text, FALSE, tj_page_folio_size () - 2, self->right - self->left,
                     PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, self->left,
                 self->height - mm (self, FOLIO_FROM_BOTTOM_MM) - text_height (layout) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API */

TjInspectionRecord *
tj_inspection_record_new (TjDb    *db,
                          gint64   inspection_id,
                          GError **error)
{
  g_autoptr (TjInspectionRecord) self = g_new0 (TjInspectionRecord, 1);
  g_autoptr (GPtrArray) listed = NULL;
  g_autofree char *organisation = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  self->inspection = tj_inspection_load (db, inspection_id, error);
  if (self->inspection == NULL)
    return NULL;
  listed = tj_photo_list (db, inspection_id, error);
  if (listed == NULL)
    return NULL;
  organisation = tj_settings_organisation (db);
  /* Translators: the office under the record's title: "登封市发展和改革委员会" */
  self->office = g_strdup_printf (_("%s Development and Reform Commission"), organisation);
  self->today = tj_date_today ();
  self->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) record_photo_free);
  for (guint i = 0; i < listed->len; i++)
    {
      TjPhoto *entry = g_ptr_array_index (listed, i);
      RecordPhoto *photo = g_new0 (RecordPhoto, 1);
      g_autoptr (GdkPixbuf) pixbuf = NULL;
      guint finding = 0;

      g_ptr_array_add (self->photos, photo);
      photo->photo = tj_photo_load (db, entry->id, error);
      if (photo->photo == NULL)
        return NULL;
      pixbuf = photo_pixbuf (photo->photo, NULL, error);
      if (pixbuf == NULL)
        return NULL;
      photo->width = gdk_pixbuf_get_width (pixbuf);
      photo->height = gdk_pixbuf_get_height (pixbuf);
      for (guint f = 0; entry->finding_id != 0 && self->inspection->findings != NULL &&
                        f < self->inspection->findings->len;
           f++)
        if (((TjFinding *) g_ptr_array_index (self->inspection->findings, f))->id ==
            entry->finding_id)
          finding = f + 1;
      /* Translators: the caption of a finding's photo: "问题1：裂缝.jpg" */
      photo->caption = finding > 0 ? g_strdup_printf (C_ ("inspection record", "Finding %u: %s"),
                                                      finding, entry->name)
                                   : g_strdup (entry->name);
    }
  return g_steal_pointer (&self);
}

void
tj_inspection_record_free (TjInspectionRecord *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->inspection);
  g_free (self->office);
  g_free (self->today);
  g_clear_pointer (&self->photos, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_error (&self->error);
  g_free (self);
}

guint
tj_inspection_record_paginate (TjInspectionRecord *self,
                               PangoContext       *context,
                               double              page_width,
                               double              page_height)
{
  Flow flow = { self, NULL, 0, 0, 0, 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  g_clear_object (&self->context);
  self->context = tj_page_context_new (context, &self->scale);
  self->width = page_width;
  self->height = page_height;
  self->left = mm (self, MARGIN_SIDE_MM);
  self->right = page_width - mm (self, MARGIN_SIDE_MM);
  self->top = mm (self, MARGIN_TOP_MM);
  self->bottom = page_height - mm (self, MARGIN_BOTTOM_MM);
  flow_record (&flow);
  self->n_pages = flow.page + 1;
  return self->n_pages;
}

guint
tj_inspection_record_get_n_pages (TjInspectionRecord *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

void
tj_inspection_record_draw_page (TjInspectionRecord *self,
                                cairo_t            *cr,
                                guint               page)
{
  Flow flow = { self, cr, page, 0, 0, 0 };

  g_return_if_fail (self != NULL && self->context != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  flow_record (&flow);
  draw_folio (self, cr, page);
  cairo_restore (cr);
}

gboolean
tj_inspection_record_check (TjInspectionRecord *self,
                            GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->error == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (self->error));
  return FALSE;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  /* a failure is kept by the output file and reported by its commit */
  return tj_output_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                             : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
tj_inspection_record_write (TjDb       *db,
                            gint64      inspection_id,
                            const char *path,
                            GError    **error)
{
  g_autoptr (TjInspectionRecord) self = NULL;
  g_autoptr (TjOutputFile) output = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  self = tj_inspection_record_new (db, inspection_id, error);
  if (self == NULL)
    return FALSE;
  output = tj_output_file_new (path, error);
  if (output == NULL)
    return FALSE;
  n_pages = tj_inspection_record_paginate (self, NULL, PAGE_WIDTH, PAGE_HEIGHT);

  surface = cairo_pdf_surface_create_for_stream (write_cb, output, PAGE_WIDTH, PAGE_HEIGHT);
  /* Translators: the PDF's title: "嵩山大道 巡查记录表 2026-06-15" */
  title = g_strdup_printf (_("%s Site Inspection Record %s"), self->inspection->project_name,
                           self->inspection->date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->office);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, CREATOR);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages && self->error == NULL &&
                       !tj_output_file_is_cancelled (output);
       page++)
    {
      tj_inspection_record_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!tj_inspection_record_check (self, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS && !tj_output_file_is_cancelled (output))
    {
      if (!tj_output_file_write (output, NULL, 0, error))
        return FALSE;
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return tj_output_file_commit (output, error);
}
