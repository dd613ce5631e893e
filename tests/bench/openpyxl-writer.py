# SPDX-License-Identifier: GPL-3.0-or-later
"""The office's alternative: the same table written by python3-openpyxl in write_only mode,
with bench-xlsx-peer's cells and formats (title, header, bordered body, figures as numbers,
widths from the widest cell, panes frozen below the header).

    python3 openpyxl-writer.py TABLE.csv OUT.xlsx TITLE
"""
import csv
import sys
from copy import copy

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side


def width(text):
    return sum(2 if ord(ch) >= 0x800 else 1 for ch in text)


def number(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return value if text.strip() == text and text else None


def main(table_csv, out, title, sheet="表"):
    with open(table_csv, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    n_columns = max(len(r) for r in rows)
    widths = [0] * n_columns
    for i, r in enumerate(rows):
        for c, text in enumerate(r):
            w = (width(text) + 1) // 2 if i == 0 else width(text)
            widths[c] = max(widths[c], w)

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name="仿宋", size=11)
    title_font = Font(name="黑体", size=16, bold=True)
    header_font = Font(name="黑体", size=11, bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    right = Alignment(horizontal="right", vertical="center")
    middle = Alignment(horizontal="center", vertical="center")

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    for c, w in enumerate(widths):
        ws.column_dimensions[column_letter(c + 1)].width = min(max(w + 2, 4), 24)
    ws.freeze_panes = "A3"
    ws.merged_cells.ranges.append("A1:%s1" % column_letter(max(n_columns, 2)))
    ws.row_dimensions[1].height = 36
    ws.row_dimensions[2].height = 24

    # One styled cell per kind; each written cell copies its style array, openpyxl's own fast
    # path (assigning a Font to every cell would look it up in the workbook each time).
    def template(font, alignment, number_format=None, with_border=True):
        cell = WriteOnlyCell(ws)
        cell.font, cell.alignment = font, alignment
        if with_border:
            cell.border = border
        if number_format is not None:
            cell.number_format = number_format
        return cell._style

    title_style = template(title_font, centre, with_border=False)
    header_style = template(header_font, centre)
    text_style = template(body_font, left)
    decimal_style = template(body_font, right, "#,##0.00")
    integer_style = template(body_font, middle, "0")

    def styled(value, style):
        cell = WriteOnlyCell(ws, value=value)
        cell._style = copy(style)
        return cell

    ws.append([styled(title, title_style)])
    ws.append([styled(text, header_style) for text in rows[0]])
    for r in rows[1:]:
        out_row = []
        for text in r:
            value = number(text)
            if value is None:
                out_row.append(styled(text if text else None, text_style))
            else:
                out_row.append(styled(value, decimal_style if "." in text else integer_style))
        ws.append(out_row)
    wb.save(out)


def column_letter(n):
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


if __name__ == "__main__":
    main(*sys.argv[1:5])
