#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a workbook back with openpyxl and prints what the tests assert, as one JSON object whose
values are all strings (the C tests parse it as a GVariant a{ss}).

usage: xlsx-check.py FILE.xlsx [SHEET_INDEX] [CELL ...]
A CELL with a colon is a range (B4:B63): its values, one a line.
"""
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def text(value):
    return "" if value is None else str(value)


def main():
    path = sys.argv[1]
    index = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    cells = sys.argv[3:]
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[index]
    setup = sheet.page_setup
    facts = {
        "sheets": "|".join(book.sheetnames),
        "merged": " ".join(sorted(str(r) for r in sheet.merged_cells.ranges)),
        "freeze": text(sheet.freeze_panes),
        "paper": text(setup.paperSize),
        "orientation": text(setup.orientation),
        # An absent fitToWidth or fitToHeight is 1, the schema's default.
        "fit_width": text(1 if setup.fitToWidth is None else setup.fitToWidth),
        "fit_height": text(1 if setup.fitToHeight is None else setup.fitToHeight),
        "fit_to_page": text(sheet.sheet_properties.pageSetUpPr.fitToPage
                            if sheet.sheet_properties.pageSetUpPr else None),
        "print_titles": text(sheet.print_title_rows),
        "footer": text(sheet.oddFooter.center.text),
        "max_row": text(sheet.max_row),
        "max_column": text(sheet.max_column),
        "doc_title": text(book.properties.title),
    }
    ranges = list(sheet.merged_cells.ranges)
    facts["overlapping_merges"] = text(sum(
        1 for i, a in enumerate(ranges) for b in ranges[i + 1:]
        if a.min_row <= b.max_row and b.min_row <= a.max_row
        and a.min_col <= b.max_col and b.min_col <= a.max_col))
    for ref in cells:
        if ":" in ref:
            facts[ref] = "\n".join(text(c.value) for row in sheet[ref] for c in row)
            continue
        cell = sheet[ref]
        facts[ref] = text(cell.value)
        facts[ref + ".type"] = type(cell.value).__name__
        facts[ref + ".length"] = text(len(text(cell.value)))
        facts[ref + ".format"] = text(cell.number_format)
        facts[ref + ".bold"] = text(bool(cell.font.b))
        facts[ref + ".font"] = text(cell.font.name)
        facts[ref + ".size"] = text(cell.font.sz)
        facts[ref + ".align"] = text(cell.alignment.horizontal)
        facts[ref + ".wrap"] = text(bool(cell.alignment.wrap_text))
        facts[ref + ".border"] = text(cell.border.left.style)
        facts[ref + ".fill"] = text(cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else "")
        facts[ref + ".height"] = text(sheet.row_dimensions[cell.row].height)
        facts[ref + ".width"] = text(sheet.column_dimensions[get_column_letter(cell.column)].width)
    json.dump(facts, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
