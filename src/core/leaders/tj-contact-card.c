/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-leaders"
#include "config.h"

#include "tj-contact-card.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "tj-delegation.h"
#include "tj-error.h"
#include "tj-output-file.h"
#include "tj-page-style.h"
#include "tj-person.h"
#include "tj-settings.h"

/* A4 portrait, in points. */
#define PAGE_WIDTH 595.28
#define PAGE_HEIGHT 841.89
#define MARGIN_MM 25.0
#define ROW_MM 19.0
#define LABEL_MM 40.0
#define PHONE_MM 48.0
#define PAD_MM 3.0
#define TITLE_PT 26.0
#define BODY_PT 15.0

#define CREATOR "推进 Tuijin"

typedef struct
{
  char *project;
  char *owner;
  char *locality;
  char *leader;             /* "张三（李四代）" during a delegation */
  char *leader_phone;       /* the acting leader's during a delegation */
  char *officer;
  char *officer_phone;
  char *contact;            /* the locality's staff contact */
  char *contact_phone;
} Card;

struct _TjContactCards
{
  GArray *cards;            /* of Card */
  char *office;
  char *centre;
  char *centre_phone;
  char *date;
};

static void
card_clear (Card *card)
{
  g_free (card->project);
  g_free (card->owner);
  g_free (card->locality);
  g_free (card->leader);
  g_free (card->leader_phone);
  g_free (card->officer);
  g_free (card->officer_phone);
  g_free (card->contact);
  g_free (card->contact_phone);
}

void
tj_contact_cards_free (TjContactCards *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cards, g_array_unref);
  g_free (self->office);
  g_free (self->centre);
  g_free (self->centre_phone);
  g_free (self->date);
  g_free (self);
}

/* The service centre's name and phone: the settings', or the office's 行政服务中心 (policy 四) and
 * no phone (a blank the office writes in). */
gboolean
tj_contact_card_read_centre (TjDb     *db,
                             char    **name,
                             char    **phone,
                             GError  **error)
{
  g_autofree char *centre = NULL;
  g_autofree char *number = NULL;

  if (!tj_db_read_setting (db, TJ_CONTACT_CARD_CENTRE_KEY, &centre, error) ||
      !tj_db_read_setting (db, TJ_CONTACT_CARD_CENTRE_PHONE_KEY, &number, error))
    return FALSE;
  if (centre == NULL || *g_strstrip (centre) == '\0')
    {
      g_autofree char *office = tj_settings_organisation (db);

      g_free (centre);
      /* Translators: the default service centre on a contact card: "登封市行政服务中心（投资项目
       * 代办中心）" */
      centre = g_strdup_printf (_("%s Administrative Service Centre (Investment Project "
                                  "Agency Centre)"), office);
    }
  *name = g_steal_pointer (&centre);
  *phone = g_steal_pointer (&number);
  return TRUE;
}

/* Keeps the service centre's name (empty: the default) and phone, in one transaction; refused
 * with a message naming the field when the phone is not one. */
gboolean
tj_contact_card_set_centre (TjDb        *db,
                            const char  *name,
                            const char  *phone,
                            GError     **error)
{
  if (!tj_phone_is_valid (phone))
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Service centre phone: digits, spaces, “-” and “+” only."));
      return FALSE;
    }
  if (!tj_db_begin (db, error))
    return FALSE;
  if (!tj_db_set_setting (db, TJ_CONTACT_CARD_CENTRE_KEY, name != NULL ? name : "", error) ||
      !tj_db_set_setting (db, TJ_CONTACT_CARD_CENTRE_PHONE_KEY, phone != NULL ? phone : "",
                          error) ||
      !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_card (TjContactCards *self,
           TjDb           *db,
           GHashTable     *acting,
           gint64          project_id,
           GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  Card card = { 0 };
  gint64 leader_id;
  gint64 acting_id = 0;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT p.name, p.owner, l.name, ld.name, ld.phone, o.name, o.phone, "
                        "(SELECT s.name FROM people s WHERE s.unit_id = p.locality_id "
                        "AND s.is_staff = 1 AND s.active = 1 ORDER BY s.id LIMIT 1), "
                        "(SELECT s.phone FROM people s WHERE s.unit_id = p.locality_id "
                        "AND s.is_staff = 1 AND s.active = 1 ORDER BY s.id LIMIT 1), "
                        "p.leader_id FROM projects p "
                        "JOIN units l ON l.id = p.locality_id "
                        "LEFT JOIN people ld ON ld.id = p.leader_id "
                        "LEFT JOIN people o ON o.id = p.officer_id WHERE p.id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (tj_db_rows_done (db, rc, error))
        g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("The project no longer exists."));
      return FALSE;
    }
  card.project = tj_db_column_dup (stmt, 0);
  card.owner = tj_db_column_dup (stmt, 1);
  card.locality = tj_db_column_dup (stmt, 2);
  card.leader = tj_db_column_dup (stmt, 3);
  card.leader_phone = tj_db_column_dup (stmt, 4);
  card.officer = tj_db_column_dup (stmt, 5);
  card.officer_phone = tj_db_column_dup (stmt, 6);
  card.contact = tj_db_column_dup (stmt, 7);
  card.contact_phone = tj_db_column_dup (stmt, 8);
  leader_id = sqlite3_column_int64 (stmt, 9);
  if (leader_id != 0 && g_hash_table_contains (acting, &leader_id))
    {
      g_autoptr (sqlite3_stmt) phone = NULL;

      g_free (card.leader);
      card.leader = g_strdup (g_hash_table_lookup (acting, &leader_id));
      if (!tj_delegation_acting_leader (db, leader_id, self->date, &acting_id, error) ||
          (phone = tj_db_prepare (db, "SELECT phone FROM people WHERE id = ?1", error)) == NULL)
        {
          card_clear (&card);
          return FALSE;
        }
      sqlite3_bind_int64 (phone, 1, acting_id);
      rc = sqlite3_step (phone);
      if (rc != SQLITE_ROW && !tj_db_rows_done (db, rc, error))
        {
          card_clear (&card);
          return FALSE;
        }
      g_free (card.leader_phone);
      card.leader_phone = rc == SQLITE_ROW ? tj_db_column_dup (phone, 0) : NULL;
    }
  g_array_append_val (self->cards, card);
  return TRUE;
}

/* Reads the cards of the projects as of date (YYYY-MM-DD): NULL with the reason when it
 * cannot. */
TjContactCards *
tj_contact_cards_new (TjDb         *db,
                      const gint64 *project_ids,
                      guint         n_projects,
                      const char   *date,
                      GError      **error)
{
  g_autoptr (TjContactCards) self = g_new0 (TjContactCards, 1);
  g_autoptr (GHashTable) acting = NULL;

  self->cards = g_array_new (FALSE, TRUE, sizeof (Card));
  g_array_set_clear_func (self->cards, (GDestroyNotify) card_clear);
  self->office = tj_settings_organisation (db);
  self->date = g_strdup (date);
  if (!tj_contact_card_read_centre (db, &self->centre, &self->centre_phone, error))
    return NULL;
  acting = tj_delegation_leader_names (db, date, error);
  if (acting == NULL)
    return NULL;
  for (guint i = 0; i < n_projects; i++)
    if (!read_card (self, db, acting, project_ids[i], error))
      return NULL;
  return g_steal_pointer (&self);
}

guint
tj_contact_cards_get_n_pages (TjContactCards *self)
{
  return self->cards->len;
}

/* The ids of year's projects, as the register lists them (by id). */
GArray *
tj_contact_cards_year_projects (TjDb    *db,
                                int      year,
                                GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db, "SELECT id FROM projects WHERE year = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static PangoLayout *
text_layout (PangoContext *context,
             const char   *face,
             double        size,
             double        scale,
             const char   *text,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (face);

  pango_font_description_set_size (font, (int) (size * scale * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * scale * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

/* Text centred vertically in a cell at x, y of w × h, left aligned after a pad; a heading's
 * face on a light grey ground. */
static void
draw_cell (cairo_t      *cr,
           PangoContext *context,
           double        scale,
           double        mm,
           gboolean      heading,
           const char   *text,
           double        x,
           double        y,
           double        w,
           double        h)
{
  g_autoptr (PangoLayout) layout = text_layout (context,
                                                heading ? tj_page_heading_face ()
                                                        : tj_page_body_face (),
                                                BODY_PT, scale, text, w - 2 * PAD_MM * mm);
  int tw, th;

  cairo_rectangle (cr, x, y, w, h);
  if (heading)
    {
      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  cairo_stroke (cr);
  pango_layout_get_size (layout, &tw, &th);
  cairo_move_to (cr, x + PAD_MM * mm, y + (h - th / (double) PANGO_SCALE / scale) / 2);
  cairo_save (cr);
  cairo_scale (cr, 1 / scale, 1 / scale);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Draws card page (0-based) of the cards on a page of page_width × page_height units. */
void
tj_contact_cards_draw_page (TjContactCards *self,
                            cairo_t        *cr,
                            PangoContext   *context,
                            double          page_width,
                            double          page_height,
                            guint           page)
{
  const Card *card = &g_array_index (self->cards, Card, page);
  PangoContext *page_context;
  double scale = 1;
  double mm = page_width / 210.0;
  double x = MARGIN_MM * mm;
  double y = MARGIN_MM * mm;
  double width = page_width - 2 * MARGIN_MM * mm;
  double row = ROW_MM * mm;
  double label = LABEL_MM * mm;
  double phone = PHONE_MM * mm;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autoptr (PangoLayout) heading = NULL;
  g_autoptr (PangoLayout) note = NULL;
  int tw, th;
  struct
  {
    const char *label;
    const char *name;
    const char *phone;
  } people[] = {
    { C_("contact card", "City leader"), card->leader, card->leader_phone },
    { C_("contact card", "Service officer"), card->officer, card->officer_phone },
    { C_("contact card", "Locality contact"), card->contact, card->contact_phone },
    { C_("contact card", "Service centre"), self->centre, self->centre_phone },
  };
  struct
  {
    const char *label;
    const char *value;
  } facts[] = {
    { C_("contact card", "Project"), card->project },
    { C_("contact card", "Owner"), card->owner },
    { C_("contact card", "Locality"), card->locality },
  };

  page_context = tj_page_context_new (context, &scale);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1.0 * mm / 2.83);

  title = g_strdup_printf (C_("contact card", "%s Key Project Service Contact Card"), self->office);
  heading = text_layout (page_context, tj_page_heading_face (), TITLE_PT, scale, title, 0);
  pango_layout_get_size (heading, &tw, &th);
  cairo_move_to (cr, (page_width - tw / (double) PANGO_SCALE / scale) / 2, y);
  cairo_save (cr);
  cairo_scale (cr, 1 / scale, 1 / scale);
  pango_cairo_show_layout (cr, heading);
  cairo_restore (cr);
  y += th / (double) PANGO_SCALE / scale + 10 * mm;

  cairo_set_line_width (cr, 0.8);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++, y += row)
    {
      draw_cell (cr, page_context, scale, mm, TRUE, facts[i].label, x, y,
                 label, row);
      draw_cell (cr, page_context, scale, mm, FALSE, facts[i].value, x + label, y,
                 width - label, row);
    }
  draw_cell (cr, page_context, scale, mm, TRUE, C_("contact card", "Role"),
             x, y, label, row);
  draw_cell (cr, page_context, scale, mm, TRUE, C_("contact card", "Name"),
             x + label, y, width - label - phone, row);
  draw_cell (cr, page_context, scale, mm, TRUE, C_("contact card", "Phone"),
             x + width - phone, y, phone, row);
  y += row;
  for (guint i = 0; i < G_N_ELEMENTS (people); i++, y += row)
    {
      draw_cell (cr, page_context, scale, mm, TRUE, people[i].label, x, y,
                 label, row);
      draw_cell (cr, page_context, scale, mm, FALSE, people[i].name, x + label,
                 y, width - label - phone, row);
      draw_cell (cr, page_context, scale, mm, FALSE, people[i].phone,
                 x + width - phone, y, phone, row);
    }
  cairo_set_line_width (cr, 2.0);
  cairo_rectangle (cr, x, y - row * (G_N_ELEMENTS (facts) + G_N_ELEMENTS (people) + 1), width,
                   row * (G_N_ELEMENTS (facts) + G_N_ELEMENTS (people) + 1));
  cairo_stroke (cr);
  y += 8 * mm;

  /* Translators: under the contact card's table (policy 五): "项目建设中遇到困难和问题，请及时
   * 联系分包市领导、首席服务官或属地联系人。发卡日期：2026-03-01" */
  footer = g_strdup_printf (C_("contact card", "For any difficulty in building the project, "
                               "please contact the city leader, the service officer or the "
                               "locality's contact. Issued %s."), self->date);
  note = text_layout (page_context, tj_page_body_face (), BODY_PT - 2, scale, footer, width);
  cairo_move_to (cr, x, y);
  cairo_save (cr);
  cairo_scale (cr, 1 / scale, 1 / scale);
  pango_cairo_show_layout (cr, note);
  cairo_restore (cr);
  cairo_restore (cr);
  g_object_unref (page_context);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  return tj_output_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                             : CAIRO_STATUS_WRITE_ERROR;
}

/* The cards as a PDF at path, one a page, through a temporary file renamed over it. */
gboolean
tj_contact_cards_write (TjDb         *db,
                        const gint64 *project_ids,
                        guint         n_projects,
                        const char   *date,
                        const char   *path,
                        GError      **error)
{
  g_autoptr (TjContactCards) self = NULL;
  g_autoptr (TjOutputFile) output = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (n_projects == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("There is no project to print a card "
                                                          "for."));
      return FALSE;
    }
  if ((self = tj_contact_cards_new (db, project_ids, n_projects, date, error)) == NULL ||
      (output = tj_output_file_new (path, error)) == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (write_cb, output, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  C_("contact card", "Service Contact Card"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->office);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, CREATOR);
  cr = cairo_create (surface);
  for (guint page = 0; page < self->cards->len && !tj_output_file_is_cancelled (output); page++)
    {
      tj_contact_cards_draw_page (self, cr, NULL, PAGE_WIDTH, PAGE_HEIGHT, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
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
