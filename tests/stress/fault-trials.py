#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fault injection: each command against a database or a folder in trouble.

  fault-trials.py BUILD [--work DIR] [--only FAULT ...]

disk-full        the database, or the export's folder, on a small tmpfs that fills up (root only:
                 it mounts one; skipped with a message otherwise)
read-only-file   the database file mode 0444 (the command run as nobody: root ignores modes)
read-only-folder the database's folder, or the export's folder, mode 0555 (as nobody)
locked           another writer (python3 sqlite3) holding BEGIN EXCLUSIVE for the whole command
corrupted        256 bytes flipped in the middle of the file
newer-schema     PRAGMA user_version = 99

Each command must either be refused (non-zero exit, a message on stderr) or, where the fault does
not stand in its way (reading a read-only file), succeed; in both cases nothing may be lost (the
database's rows, or for a corrupted file its bytes, the same before and after) and a refused
export leaves neither a file nor a temporary. Prints a table and writes it to
WORK/fault-trials.md and .json.
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

NOBODY = 65534
LOCK_SECONDS = 200  # longer than the application's busy timeout (120 s)

REFUSE = "refuse"
EITHER = "either"


class Case:
    def __init__(self, fault, command, expected, db, args, user=None, output=None,
                 compare="rows"):
        self.fault, self.command, self.expected = fault, command, expected
        self.db, self.args, self.user, self.output, self.compare = db, args, user, output, compare


def fresh(source, folder, name="tuijin.db", owner=None):
    os.makedirs(folder, exist_ok=True)
    db = os.path.join(folder, name)
    common.copy_database(source, db)
    if owner is not None:
        os.chown(folder, owner, owner)
        os.chown(db, owner, owner)
    return db


def digest(db, compare):
    if compare == "none":
        return ""
    return common.file_digest(db) if compare == "bytes" else common.logical_digest(db)


def run_case(tj, case, during=None):
    before = digest(case.db, case.compare)
    if case.output and os.path.exists(case.output):
        os.unlink(case.output)
    start = time.monotonic()
    done = tj.run(case.db, *case.args, user=case.user, timeout=LOCK_SECONDS + 60)
    took = time.monotonic() - start
    if during:
        during()
    after = digest(case.db, case.compare)
    message = common.last_line(done.stderr)
    left = []
    if case.output:
        folder, name = os.path.split(case.output)
        left = common.temporaries(folder, name)
        if done.returncode != 0 and os.path.exists(case.output):
            left.append(name)
    problems = []
    if done.returncode < 0:
        problems.append("killed by signal %d" % -done.returncode)
    elif case.expected == REFUSE and done.returncode == 0:
        problems.append("not refused")
    if done.returncode != 0 and not message:
        problems.append("no message")
    if before is None or after != before:
        problems.append("data changed" if before is not None else "unreadable before")
    if left:
        problems.append("left " + " ".join(left))
    if done.returncode == 0 and case.output and not os.path.exists(case.output):
        problems.append("no file written")
    return {"fault": case.fault, "command": case.command, "exit": done.returncode,
            "message": message if done.returncode != 0 else common.first_line(done.stdout),
            "seconds": round(took, 1), "nothing_lost": before is not None and after == before,
            "left": left, "verdict": "FAIL: " + "; ".join(problems) if problems else "ok"}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build")
    parser.add_argument("--work", default=None)
    parser.add_argument("--only", nargs="*", default=None)
    opts = parser.parse_args()
    work = os.path.abspath(opts.work or os.path.join(opts.build, "stress"))
    tj = common.Tuijin(opts.build)
    gen = os.path.join(common.HERE, "gen-data.py")
    root = os.geteuid() == 0
    wanted = lambda f: opts.only is None or f in opts.only  # noqa: E731

    faults = os.path.join(work, "faults")
    if os.path.isdir(faults):
        subprocess.run(["umount", os.path.join(faults, "tmpfs")], capture_output=True)
        shutil.rmtree(faults)
    os.makedirs(faults)
    os.chmod(faults, 0o755)
    os.chmod(work, 0o755)
    ledger = os.path.join(faults, "ledger-5000.csv")

    def import_args():
        return ["import", "projects", ledger, "--year", "2026", "--create-missing"]

    def export_args(target):
        return ["export", "projects", "--year", "2026", "--output", target]

    subprocess.run([sys.executable, gen, "ledger", "5000", ledger], check=True)
    os.chmod(ledger, 0o644)
    base = os.path.join(faults, "base.db")
    tj.must(base, "demo", "--year", "2026")
    common.settle(base)
    big = os.path.join(faults, "big.db")  # and the ledger's 5,000 projects, for exports that fill
    common.copy_database(base, big)
    tj.must(big, *import_args())
    common.settle(big)
    outside = os.path.join(faults, "out")  # a folder anyone can write
    os.makedirs(outside)
    os.chmod(outside, 0o777)

    results, skipped = [], []

    # Disk full: a tmpfs just larger than the database, then filled to the last 64 KiB.
    if wanted("disk-full"):
        mnt = os.path.join(faults, "tmpfs")
        os.makedirs(mnt)
        size = (os.path.getsize(base) + 512 * 1024 + 4095) // 4096 * 4096
        mounted = root and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=%d" % size, "tmpfs", mnt],
            capture_output=True).returncode == 0
        if not mounted:
            skipped.append("disk-full: needs root to mount a tmpfs (%s)" %
                           ("mount failed" if root else "not root"))
        else:
            try:
                db = fresh(base, mnt)
                results.append(run_case(tj, Case("disk-full", "import projects", REFUSE, db,
                                                 import_args())))
                filler = os.path.join(mnt, "filler")
                with open(filler, "wb") as f:
                    free = os.statvfs(mnt).f_bavail * os.statvfs(mnt).f_frsize
                    f.write(b"\0" * max(0, free - 64 * 1024))
                db = fresh(big, outside, "disk-full.db")
                for name in ("名单.xlsx", "名单.csv"):
                    target = os.path.join(mnt, name)
                    results.append(run_case(tj, Case("disk-full", "export projects → " + name,
                                                     REFUSE, db, export_args(target),
                                                     output=target)))
                target = os.path.join(mnt, "通报.pdf")
                results.append(run_case(tj, Case(
                    "disk-full", "export bulletin → 通报.pdf", REFUSE, db,
                    ["export", "bulletin", "--month", "2026-03", "--output", target],
                    output=target)))
                target = os.path.join(mnt, "backup.db")
                results.append(run_case(tj, Case("disk-full", "backup", REFUSE, db,
                                                 ["backup", "--output", target], output=target)))
            finally:
                subprocess.run(["umount", mnt])

    # Read-only database file: run as nobody, for root writes whatever the mode.
    if wanted("read-only-file"):
        if not root:
            user = None
        else:
            user = NOBODY
        folder = os.path.join(faults, "ro-file")
        for command, expected, args, output in (
                ("import projects", REFUSE, import_args(), None),
                ("export projects", EITHER, export_args(os.path.join(outside, "ro-file.xlsx")),
                 os.path.join(outside, "ro-file.xlsx")),
                ("check", EITHER, ["check"], None)):
            db = fresh(base, folder, owner=NOBODY if root else None)
            os.chmod(folder, 0o777)
            os.chmod(db, 0o444)
            results.append(run_case(tj, Case("read-only-file", command, expected, db, args,
                                             user=user, output=output)))

    # Read-only folder: the database's folder (SQLite cannot make its journal there), and the
    # export's folder.
    if wanted("read-only-folder"):
        user = NOBODY if root else None
        folder = os.path.join(faults, "ro-folder")
        ro_out = os.path.join(faults, "ro-out")
        os.makedirs(ro_out)
        for command, expected, args, output in (
                ("import projects", REFUSE, import_args(), None),
                ("export projects", EITHER, export_args(os.path.join(outside, "ro-folder.xlsx")),
                 os.path.join(outside, "ro-folder.xlsx")),
                ("check", EITHER, ["check"], None),
                ("export projects → a read-only folder", REFUSE,
                 export_args(os.path.join(ro_out, "名单.xlsx")), os.path.join(ro_out, "名单.xlsx"))):
            if os.path.isdir(folder):
                os.chmod(folder, 0o755)
            db = fresh(base, folder, owner=NOBODY if root else None)
            os.chown(folder, 0, 0) if root else None
            os.chmod(db, 0o666)
            if "→" in command:
                os.chmod(folder, 0o777)  # the database where it can be written, the output not
                os.chmod(ro_out, 0o555)
            else:
                os.chmod(folder, 0o555)
            results.append(run_case(tj, Case("read-only-folder", command, expected, db, args,
                                             user=user, output=output)))
        os.chmod(folder, 0o755)
        os.chmod(ro_out, 0o755)

    # Locked: another writer holds BEGIN EXCLUSIVE for longer than the busy timeout.
    if wanted("locked"):
        folder = os.path.join(faults, "locked")
        for command, expected, args, output in (
                ("import projects", REFUSE, import_args(), None),
                ("export projects", EITHER, export_args(os.path.join(outside, "locked.xlsx")),
                 os.path.join(outside, "locked.xlsx")),
                ("check", EITHER, ["check"], None)):
            db = fresh(base, folder)
            before = common.logical_digest(db)
            ready, release = threading.Event(), threading.Event()

            def hold(db=db):
                con = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
                con.execute("BEGIN EXCLUSIVE")
                ready.set()
                release.wait(LOCK_SECONDS)
                con.execute("ROLLBACK")
                con.close()

            holder = threading.Thread(target=hold)
            holder.start()
            ready.wait()
            case = Case("locked", command, expected, db, args, output=output)
            # the rows are compared once the other writer has let go
            case.compare = "none"
            result = run_case(tj, case, during=lambda: (release.set(), holder.join()))
            after = common.logical_digest(db)
            result["nothing_lost"] = after == before
            if after != before:
                result["verdict"] = "FAIL: data changed"
            results.append(result)

    # A corrupted page: 256 bytes inverted in the middle of the file, and in the middle of a
    # page of the projects table.
    if wanted("corrupted"):
        folder = os.path.join(faults, "corrupted")
        con = sqlite3.connect(base)
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        middle = os.path.getsize(base) // 2
        owner = con.execute("SELECT name FROM dbstat WHERE pageno = ?",
                            (middle // page_size + 1,)).fetchone()
        leaves = [r[0] for r in con.execute(
            "SELECT pageno FROM dbstat WHERE name = 'projects' AND pagetype = 'leaf' "
            "ORDER BY pageno")]
        con.close()
        variants = [("corrupted (middle of the file: a page of %s)" % (owner[0] if owner else "?"),
                     middle, owner is not None and owner[0].startswith("audit"))]
        if leaves:
            page = leaves[len(leaves) // 2]
            variants.append(("corrupted (a page of projects)",
                             (page - 1) * page_size + page_size // 2, False))
        for fault, offset, export_may_read in variants:
            for command, args, output, expected in (
                    ("check", ["check"], None, REFUSE),
                    ("import projects", import_args(), None, REFUSE),
                    ("export projects", export_args(os.path.join(outside, "corrupted.xlsx")),
                     os.path.join(outside, "corrupted.xlsx"), EITHER if export_may_read else REFUSE)):
                db = fresh(base, folder)
                with open(db, "r+b") as f:
                    f.seek(offset)
                    chunk = f.read(256)
                    f.seek(offset)
                    f.write(bytes(b ^ 0xFF for b in chunk))
                results.append(run_case(tj, Case(fault, command, expected, db, args,
                                                 output=output, compare="bytes")))

    # A database of a newer Tuijin.
    if wanted("newer-schema"):
        folder = os.path.join(faults, "newer")
        for command, args, output in (
                ("import projects", import_args(), None),
                ("export projects", export_args(os.path.join(outside, "newer.xlsx")),
                 os.path.join(outside, "newer.xlsx")),
                ("check", ["check"], None)):
            db = fresh(base, folder)
            con = sqlite3.connect(db)
            con.execute("PRAGMA user_version = 99")
            con.commit()
            con.close()
            common.settle(db)
            results.append(run_case(tj, Case("newer-schema", command, REFUSE, db, args,
                                             output=output, compare="bytes")))

    table = common.markdown_table(
        ["fault", "command", "exit", "seconds", "message", "nothing lost", "left behind",
         "verdict"],
        [[r["fault"], r["command"], r["exit"], r["seconds"], r["message"][:160],
          "yes" if r["nothing_lost"] else "NO", " ".join(r["left"]) or "-", r["verdict"]]
         for r in results])
    print(table)
    for s in skipped:
        print("skipped: " + s)
    with open(os.path.join(work, "fault-trials.md"), "w") as f:
        f.write(table + "\n")
        for s in skipped:
            f.write("\nskipped: %s\n" % s)
    with open(os.path.join(work, "fault-trials.json"), "w") as f:
        json.dump({"results": results, "skipped": skipped}, f, ensure_ascii=False, indent=1)
    return 1 if any(r["verdict"] != "ok" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
