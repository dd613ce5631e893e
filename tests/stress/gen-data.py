#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates the trials' input files from the test fixtures.

gen-data.py ledger N OUT.csv      a ledger of N projects (the fixture's rows, with unique names)
gen-data.py progress DB OUT.csv   a month's reports for every project of 2026 in DB
"""
import csv
import os
import sqlite3
import sys

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")


def ledger(n, out):
    with open(os.path.join(FIXTURES, "ledger-2026-gb18030.csv"), encoding="gb18030", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]
    name_col = [h.strip() for h in header].index("项目名称")
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(header)
        for i in range(n):
            row = list(body[i % len(body)])
            row[0] = str(i + 1)
            row[name_col] = "%s·压测%05d" % (row[name_col].strip(), i + 1)
            w.writerow(row)


def progress(db, out):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    names = [r[0] for r in con.execute("SELECT name FROM projects WHERE year = 2026 ORDER BY id")]
    con.close()
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["项目名称", "当月完成（万元）", "形象进度", "存在问题"])
        for i, name in enumerate(names):
            w.writerow([name, "%.4f" % (100 + (i * 37) % 900 + 0.1234), "主体施工%d%%" % (i % 90 + 5),
                        "无"])


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "ledger":
        ledger(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "progress":
        progress(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
