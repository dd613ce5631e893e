#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Fills a township fill-in kit as a township clerk would, in Excel: only the open cells, the
# sheet's protection kept. Prints "name<TAB>yuan" for each figure typed.
#   kit-fill.py KIT fill        every row: 当月完成 = 1.2345 × n 万元, 形象进度
#   kit-fill.py KIT tamper      also changes the first project's name (a locked cell)
#   kit-fill.py KIT negative    the row with the largest cumulative: −1 万元, no 更正说明
#   kit-fill.py KIT correction  the same with 更正说明 filled
#   kit-fill.py KIT partial     every row but the last, which is left blank; prints its name
#                               with the yuan "-"
#   kit-fill.py KIT note        as partial, the last row with 存在问题 typed but no figure (a
#                               warning, not refused); prints its name with "-" and its row
import sys
import openpyxl

path, mode = sys.argv[1], sys.argv[2]
book = openpyxl.load_workbook(path)
sheet = book['进度填报']
assert sheet.protection.sheet, 'the kit is not protected'
rows = [r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 2).value]
filled = rows[:-1] if mode in ('partial', 'note') else rows
for n, r in enumerate(filled, 1):
    wan = round(1.2345 * n, 4)
    sheet.cell(r, 5).value = wan
    sheet.cell(r, 6).value = '主体施工'
    sheet.cell(r, 7).value = '无'
    sheet.cell(r, 8).value = '加快进度'
    print('%s\t%d' % (sheet.cell(r, 2).value, round(wan * 10000)))
if mode == 'partial':
    print('%s\t-' % sheet.cell(rows[-1], 2).value)
elif mode == 'note':
    sheet.cell(rows[-1], 7).value = '征迁未完成'
    print('%s\t-\t%d' % (sheet.cell(rows[-1], 2).value, rows[-1]))
elif mode == 'tamper':
    sheet.cell(rows[0], 2).value = sheet.cell(rows[0], 2).value + '（改）'
elif mode in ('negative', 'correction'):
    r = max(rows, key=lambda r: sheet.cell(r, 4).value or 0)
    sheet.cell(r, 5).value = -1
    if mode == 'correction':
        sheet.cell(r, 9).value = '9月多报 1 万元，本月冲减'
    print('%s\t%d\t%d' % (sheet.cell(r, 2).value, -10000, r))
book.save(path)
