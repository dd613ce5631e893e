/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <math.h>

#include "tj-page-layout-private.h"

/* The items of a sheet flowed down pages. */

#define TABLE_MIN_ROWS 5   /* a table that goes on over the next page starts with as many */
#define TOTAL_KEEPS_ROWS 2 /* the body rows a total (合计) keeps with it on its page */

/* The furthest an item may be cut at, at most `limit` from its top and beyond `from`: between
 * the lines of a text, between the lines of a row's cells. `from` when not one line fits. */
static double
item_cut (Sheet *sheet,
          Item  *item,
          double from,
          double limit)
{
  double cut = from;

  if (item->height <= limit)
    return item->height;
  if (item->kind == ITEM_ROW)
    {
      double top = from > 0 ? from : sheet->pad_y;
      guint lines = (guint) floor ((limit - top) / sheet->pitch);

      return lines > 0 ? top + lines * sheet->pitch : from;
    }
  if (item->layout != NULL)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (item->layout);

      do
        {
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if ((double) y1 / PANGO_SCALE > limit)
            break;
          cut = MAX (cut, (double) y1 / PANGO_SCALE);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return cut;
}

static void
add_page (TjPageLayout *self,
          guint         sheet,
          guint         first,
          double        first_from)
{
  Page page = { sheet, first, first, first_from, 0 };

  g_array_append_val (self->pages, page);
}

static TjReportRowKind
item_row_kind (Sheet *sheet,
               guint  i)
{
  Item buffer;
  Item *item = tj_page_item (sheet, i, &buffer);

  return item != NULL && item->kind == ITEM_ROW ? item->row_kind : TJ_REPORT_ROW_BODY;
}

static gboolean
is_row (Sheet *sheet,
        guint  i)
{
  Item buffer;
  Item *item = tj_page_item (sheet, i, &buffer);

  return item != NULL && item->kind == ITEM_ROW;
}

/* Whether item i starts a table: its unit line, or its first row when it has none. */
static gboolean
starts_table (Sheet *sheet,
              guint  i)
{
  Item buffer, before;
  Item *item = tj_page_item (sheet, i, &buffer);

  if (item->kind == ITEM_UNIT_LINE)
    return is_row (sheet, i + 1);
  return item->kind == ITEM_ROW &&
         (i == 0 || (!is_row (sheet, i - 1) &&
                     tj_page_item (sheet, i - 1, &before)->kind != ITEM_UNIT_LINE));
}

/* Where a page ends when row i does not fit on it: before i, or before the rows a total (合计)
 * carries with it to the next page when fewer than TOTAL_KEEPS_ROWS body rows would go there
 * before it; never back to `first` (a page keeps something). */
static guint
break_before (Sheet *sheet,
              guint  first,
              guint  i)
{
  guint body = 0, next, from = i;

  for (next = i; is_row (sheet, next) && body < TOTAL_KEEPS_ROWS; next++)
    {
      if (item_row_kind (sheet, next) == TJ_REPORT_ROW_TOTAL)
        break;
      body += item_row_kind (sheet, next) == TJ_REPORT_ROW_BODY;
    }
  if (body >= TOTAL_KEEPS_ROWS || !is_row (sheet, next) ||
      item_row_kind (sheet, next) != TJ_REPORT_ROW_TOTAL)
    return i;
  while (body < TOTAL_KEEPS_ROWS && from > first + 1 && is_row (sheet, from - 1))
    {
      from--;
      body += item_row_kind (sheet, from) == TJ_REPORT_ROW_BODY;
    }
  return from;
}

/* Whether a table starting with item i (its unit line or first row) at y would leave fewer than
 * TABLE_MIN_ROWS of its rows on this page and go on over the next: it then starts on a new page.
 * The rows counted are those that stay once a total that does not fit has taken its rows. */
static gboolean
table_starts_short (TjPageLayout *self,
                    Sheet        *sheet,
                    guint         i,
                    double        y)
{
  guint first = i, next;
  double room;
  Item buffer;

  if (tj_page_item (sheet, i, &buffer)->kind == ITEM_UNIT_LINE)
    {
      y += buffer.height;
      first = i + 1;
    }
  room = self->bottom - y - sheet->header_height;
  for (next = first; is_row (sheet, next); next++)
    {
      Item *row = tj_page_item (sheet, next, &buffer);

      if (row->height > room)
        break;
      room -= row->height;
    }
  if (!is_row (sheet, next))
    return FALSE; /* the whole table fits */
  return break_before (sheet, first - 1, next) - first < TABLE_MIN_ROWS;
}

/* Items flow down the type area; a row comes under the table header on every page and is never
 * split, unless it is taller than a page by itself: then it is cut between lines of text and
 * goes on under the header of the next page. A block of text is cut between its lines. The unit
 * line keeps with the header and the first row. A table starts on a new page when fewer than
 * TABLE_MIN_ROWS of its rows would fit where it begins, and a total (合计) never goes to a page
 * without TOTAL_KEEPS_ROWS body rows before it. */
void
tj_page_paginate_sheet (TjPageLayout *self,
                        Sheet        *sheet,
                        guint         index)
{
  double y = self->top;
  gboolean empty = TRUE, rows = FALSE;
  guint n_items = tj_page_n_items (sheet);
  Page *page;

  add_page (self, index, 0, 0);
  for (guint i = 0; i < n_items; i++)
    {
      Item buffer;
      Item *item = tj_page_item (sheet, i, &buffer);
      double from = 0;
      guint carried = i;

      while (TRUE)
        {
          double before = empty || from > 0 ? 0 : item->space_before;
          double header = item->kind == ITEM_ROW && !rows ? sheet->header_height : 0;
          double keep = 0;
          double room, cut;

          page = &g_array_index (self->pages, Page, self->pages->len - 1);
          if (item->kind == ITEM_UNIT_LINE && i + 1 < n_items)
            {
              Item next_buffer;
              Item *next = tj_page_item (sheet, i + 1, &next_buffer);

              if (next->kind == ITEM_ROW)
                keep = sheet->header_height + MIN (next->height, self->bottom - self->top);
            }
          room = self->bottom - y - before - header;
          if (from == 0 && !empty && starts_table (sheet, i) &&
              table_starts_short (self, sheet, i, y + before))
            cut = from; /* the table goes to the next page */
          else if (from == 0 && item->height + keep <= room)
            cut = item->height;
          else if (item->kind == ITEM_ROW && !empty &&
                   item->height - from + sheet->header_height <= self->bottom - self->top)
            {
              cut = from; /* a whole row goes to the next page */
              if (from == 0)
                carried = break_before (sheet, page->first, i);
            }
          else if (keep > 0 && !empty)
            cut = from;
          else
            cut = item_cut (sheet, item, from, from + room);

          /* Not one line fits an empty page: clipped. */
          if (cut <= from && empty)
            cut = room > 0 ? MIN (item->height, from + room) : item->height;
          if (cut > from)
            {
              page->last = i + 1;
              page->last_to = cut;
              y += before + header + (cut - from);
              empty = FALSE;
              rows = rows || item->kind == ITEM_ROW;
              from = cut;
            }
          if (from >= item->height)
            break;
          if (carried < i)
            {
              /* The page ends before the rows the total carries; they are laid out again. */
              Item carried_item;

              page->last = carried;
              page->last_to = tj_page_item (sheet, carried - 1, &carried_item)->height;
              from = 0;
            }
          add_page (self, index, carried, from);
          y = self->top;
          empty = TRUE;
          rows = FALSE;
          if (carried < i)
            break;
        }
      if (carried < i)
        i = carried - 1;
    }
}
