/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <math.h>

#include "tj-page-layout-private.h"

/* The items of a sheet flowed down pages. */

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

/* Items flow down the type area; a row comes under the table header on every page and is never
 * split, unless it is taller than a page by itself: then it is cut between lines of text and
 * goes on under the header of the next page. A block of text is cut between its lines. The unit
 * line keeps with the header and the first row. */
void
tj_page_paginate_sheet (TjPageLayout *self,
                        Sheet        *sheet,
                        guint         index)
{
  double y = self->top;
  gboolean empty = TRUE, rows = FALSE;
  Page *page;

  add_page (self, index, 0, 0);
  for (guint i = 0; i < sheet->items->len; i++)
    {
      Item *item = &g_array_index (sheet->items, Item, i);
      double from = 0;

      while (TRUE)
        {
          double before = empty || from > 0 ? 0 : item->space_before;
          double header = item->kind == ITEM_ROW && !rows ? sheet->header_height : 0;
          double keep = 0;
          double room, cut;

          if (item->kind == ITEM_UNIT_LINE && i + 1 < sheet->items->len)
            {
              Item *next = &g_array_index (sheet->items, Item, i + 1);

              if (next->kind == ITEM_ROW)
                keep = sheet->header_height + MIN (next->height, self->bottom - self->top);
            }
          room = self->bottom - y - before - header;
          if (from == 0 && item->height + keep <= room)
            cut = item->height;
          else if (item->kind == ITEM_ROW && !empty &&
                   item->height - from + sheet->header_height <= self->bottom - self->top)
            cut = from; /* a whole row goes to the next page */
          else if (keep > 0 && !empty)
            cut = from;
          else
            cut = item_cut (sheet, item, from, from + room);

          /* Not one line fits an empty page: clipped. */
          if (cut <= from && empty)
            cut = room > 0 ? MIN (item->height, from + room) : item->height;
          if (cut > from)
            {
              page = &g_array_index (self->pages, Page, self->pages->len - 1);
              page->last = i + 1;
              page->last_to = cut;
              y += before + header + (cut - from);
              empty = FALSE;
              rows = rows || item->kind == ITEM_ROW;
              from = cut;
            }
          if (from >= item->height)
            break;
          add_page (self, index, i, from);
          y = self->top;
          empty = TRUE;
          rows = FALSE;
        }
    }
}
