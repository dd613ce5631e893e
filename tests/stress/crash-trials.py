#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash trials: tuijin killed with SIGKILL at a random moment, again and again.

  crash-trials.py BUILD [--runs N] [--seed S] [--work DIR] [--only NAME ...]

import-projects   a 5,000-row ledger imported into a populated database (demo data)
import-progress   a month's reports for those 5,128 projects
export-xlsx       export projects --year 2026 --output 名单.xlsx (5,128 rows)
export-pdf        export bulletin --month 2026-03 --output 通报.pdf (about 700 pages)

After each kill of an import: tuijin --db F check opens the file again and succeeds, PRAGMA
integrity_check says ok, every table holds exactly its rows of before or of a complete import
(all or nothing), and the rows that were there before are unchanged. After each kill of an
export: the target, if there is one, is complete (zip test and xl/workbook.xml; pdfinfo and the
page count); the temporaries left beside it are counted, and must be gone after the next export.
Prints a table and writes it, with the details, to WORK/crash-trials.md and .json.
"""
import argparse
import json
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

GEN = os.path.join(common.HERE, "gen-data.py")


def prepare(tj, work):
    """base.db (demo data), imported.db (and the ledger), reported.db (and a month's reports)."""
    files = {k: os.path.join(work, v) for k, v in {
        "ledger": "ledger-5000.csv", "progress": "progress-2026-03.csv", "base": "base.db",
        "imported": "imported.db", "reported": "reported.db"}.items()}
    os.makedirs(work, exist_ok=True)
    for key in ("base", "imported", "reported"):
        for suffix in common.DATABASE_FILES:
            if os.path.exists(files[key] + suffix):
                os.unlink(files[key] + suffix)
    os.system("%s %s ledger 5000 %s" % (sys.executable, GEN, files["ledger"]))
    tj.must(files["base"], "demo", "--year", "2026")
    common.settle(files["base"])
    common.copy_database(files["base"], files["imported"])
    tj.must(files["imported"], "import", "projects", files["ledger"], "--year", "2026",
            "--create-missing")
    common.settle(files["imported"])
    os.system("%s %s progress %s %s" % (sys.executable, GEN, files["imported"], files["progress"]))
    common.copy_database(files["imported"], files["reported"])
    tj.must(files["reported"], "import", "progress", files["progress"], "--month", "2026-03")
    common.settle(files["reported"])
    return files


def timed(tj, db, args, before=None):
    """The shortest of three uninterrupted runs: kills drawn within it land while it runs."""
    times = []
    for _ in range(3):
        if before:
            before()
        start = time.monotonic()
        done = tj.run(db, *args)
        times.append(time.monotonic() - start)
        if done.returncode != 0:
            raise SystemExit("tuijin %s failed: %s" % (" ".join(args), done.stderr.strip()))
    return min(times)


def kill_at_random(tj, db, args, duration, rng):
    """Starts tuijin and kills it at a uniformly random moment of its usual run.
    Returns (killed while running, seconds)."""
    at = rng.uniform(0, duration)
    proc = tj.start(db, *args)
    time.sleep(at)
    killed = proc.poll() is None
    if killed:
        proc.kill()
    proc.wait()
    return killed, at


def import_trials(tj, name, source_db, args, runs, rng, work):
    trial_db = os.path.join(work, "trial-%s.db" % name)

    # the reference: the database before and after a complete import
    before = common.snapshot(source_db)
    common.copy_database(source_db, trial_db)
    duration = timed(tj, trial_db, args, before=lambda: common.copy_database(source_db, trial_db))
    after = common.snapshot(trial_db)
    changed_before = {t: {r for r, h in before[t].items() if after.get(t, {}).get(r) != h}
                      for t in before}
    counts_before = {t: len(rows) for t, rows in before.items()}
    counts_after = {t: len(rows) for t, rows in after.items()}
    print("%s: %.2f s uninterrupted; a complete import adds %s" % (
        name, duration, ", ".join("%s +%d" % (t, counts_after[t] - counts_before.get(t, 0))
                                  for t in sorted(counts_after)
                                  if counts_after[t] != counts_before.get(t, 0))), flush=True)
    for t, rows in changed_before.items():
        if rows:
            print("  note: a complete import changes %d earlier rows of %s" % (len(rows), t))

    result = {"scenario": name, "runs": runs, "killed": 0, "nothing": 0, "all": 0, "failures": 0,
              "rows_lost": 0, "left_behind": 0, "duration": duration, "failed_runs": []}
    for run in range(runs):
        common.copy_database(source_db, trial_db)
        killed, at = kill_at_random(tj, trial_db, args, duration, rng)
        result["killed"] += killed
        problems = []

        check = tj.run(trial_db, "check")
        if check.returncode != 0:
            problems.append("check exit %d: %s" % (check.returncode, common.first_line(check.stderr)))
        verdict = common.integrity(trial_db)
        if verdict != "ok":
            problems.append("integrity_check: " + verdict)
        try:
            now = common.snapshot(trial_db)
        except Exception as e:  # a file python cannot read is a failure like any other
            problems.append("cannot read: %s" % e)
            now = None
        if now is not None:
            counts = {t: len(rows) for t, rows in now.items()}
            if counts == counts_before:
                result["nothing"] += 1
            elif counts == counts_after:
                result["all"] += 1
            else:
                problems.append("partial: " + ", ".join(
                    "%s %d (before %d, after %d)" % (t, counts.get(t, 0), counts_before.get(t, 0),
                                                     counts_after.get(t, 0))
                    for t in sorted(set(counts) | set(counts_after))
                    if counts.get(t) not in (counts_before.get(t), counts_after.get(t))))
            # earlier rows: as they were, but for those a complete import updates (when it did)
            lost = 0
            complete = counts == counts_after
            for t, rows in before.items():
                for rowid, digest in rows.items():
                    if complete and rowid in changed_before.get(t, ()):
                        continue
                    if now.get(t, {}).get(rowid) != digest:
                        lost += 1
            if lost:
                problems.append("%d earlier rows lost or changed" % lost)
            result["rows_lost"] += lost
        left = [n for n in os.listdir(work)
                if n.startswith(os.path.basename(trial_db)) and
                n not in [os.path.basename(trial_db) + s for s in ("", "-wal", "-shm")]]
        if left:
            problems.append("left: " + " ".join(left))
            result["left_behind"] += len(left)
        if problems:
            result["failures"] += 1
            result["failed_runs"].append({"run": run, "kill_at": round(at, 3), "killed": killed,
                                          "problems": problems})
        if (run + 1) % 20 == 0:
            print("  %s: %d/%d runs, %d failures" % (name, run + 1, runs, result["failures"]),
                  flush=True)
    return result


def export_trials(tj, name, db, args, target, runs, rng, work):
    folder = os.path.dirname(target)
    target_name = os.path.basename(target)
    is_pdf = target.endswith(".pdf")
    os.makedirs(folder, exist_ok=True)
    for n in os.listdir(folder):
        os.unlink(os.path.join(folder, n))

    def clear():
        if os.path.exists(target):
            os.unlink(target)

    duration = timed(tj, db, args, before=clear)
    pages = common.pdf_pages(target) if is_pdf else None
    reference = os.path.join(work, "reference-" + target_name)
    shutil.copyfile(target, reference)
    print("%s: %.2f s uninterrupted%s" % (name, duration, ", %d pages" % pages if pages else ""),
          flush=True)

    def complete(path):
        if is_pdf:
            return common.pdf_pages(path) == pages
        return common.valid_xlsx(path)

    result = {"scenario": name, "runs": runs, "killed": 0, "failures": 0, "rows_lost": 0,
              "left_behind": 0, "runs_leaving_temporaries": 0, "left_after_next_export": None,
              "target_complete": 0, "no_target": 0, "duration": duration, "failed_runs": []}
    for run in range(runs):
        # every other run over an existing complete file, the others onto no file
        if run % 2 == 0:
            shutil.copyfile(reference, target)
        else:
            clear()
        had_target = os.path.exists(target)
        killed, at = kill_at_random(tj, db, args, duration, rng)
        result["killed"] += killed
        problems = []
        if os.path.exists(target):
            if complete(target):
                result["target_complete"] += 1
            else:
                problems.append("incomplete file at the target")
        else:
            result["no_target"] += 1
            if had_target:
                problems.append("the earlier file is gone")
        left = common.temporaries(folder, target_name)
        if left:
            result["runs_leaving_temporaries"] += 1
            result["left_behind"] = max(result["left_behind"], len(left))
        if problems:
            result["failures"] += 1
            result["failed_runs"].append({"run": run, "kill_at": round(at, 3), "killed": killed,
                                          "problems": problems, "left": left})
        if (run + 1) % 20 == 0:
            print("  %s: %d/%d runs, %d failures, %d runs left temporaries" % (
                name, run + 1, runs, result["failures"], result["runs_leaving_temporaries"]),
                flush=True)

    # the next export removes what the killed ones left
    done = tj.run(db, *args)
    left = common.temporaries(folder, target_name)
    result["left_after_next_export"] = len(left)
    if done.returncode != 0 or left or not complete(target):
        result["failures"] += 1
        result["failed_runs"].append({"run": "next export", "problems": [
            "exit %d" % done.returncode, "left: " + " ".join(left)]})
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261)
    parser.add_argument("--work", default=None)
    parser.add_argument("--only", nargs="*", default=None)
    opts = parser.parse_args()
    work = os.path.abspath(opts.work or os.path.join(opts.build, "stress"))
    tj = common.Tuijin(opts.build)
    rng = random.Random(opts.seed)
    files = prepare(tj, work)
    wanted = lambda n: opts.only is None or n in opts.only  # noqa: E731

    results = []
    if wanted("import-projects"):
        results.append(import_trials(
            tj, "import-projects", files["base"],
            ["import", "projects", files["ledger"], "--year", "2026", "--create-missing"],
            opts.runs, rng, work))
    if wanted("import-progress"):
        results.append(import_trials(
            tj, "import-progress", files["imported"],
            ["import", "progress", files["progress"], "--month", "2026-03"], opts.runs, rng, work))
    export_db = os.path.join(work, "export.db")
    common.copy_database(files["reported"], export_db)
    before = common.logical_digest(export_db)
    if wanted("export-xlsx"):
        target = os.path.join(work, "out-xlsx", "名单.xlsx")
        results.append(export_trials(
            tj, "export-xlsx", export_db,
            ["export", "projects", "--year", "2026", "--output", target], target, opts.runs, rng, work))
    if wanted("export-pdf"):
        target = os.path.join(work, "out-pdf", "通报.pdf")
        results.append(export_trials(
            tj, "export-pdf", export_db,
            ["export", "bulletin", "--month", "2026-03", "--output", target], target, opts.runs,
            rng, work))
    if common.logical_digest(export_db) != before:
        print("the database the exports read from changed!")

    rows = []
    for r in results:
        if r["scenario"].startswith("import"):
            outcome = "%d nothing, %d all" % (r["nothing"], r["all"])
            left = str(r["left_behind"])
        else:
            outcome = "%d complete file, %d no file (%d runs over an earlier file)" % (
                r["target_complete"], r["no_target"], (r["runs"] + 1) // 2)
            left = "%d runs (max %d); after next export: %d" % (
                r["runs_leaving_temporaries"], r["left_behind"], r["left_after_next_export"])
        rows.append([r["scenario"], r["runs"], r["killed"], outcome, r["failures"], r["rows_lost"],
                     left])
    table = common.markdown_table(
        ["trial", "runs", "killed mid-run", "outcome", "failures", "rows lost", "files left behind"],
        rows)
    print()
    print(table)
    for r in results:
        for f in r["failed_runs"][:5]:
            print("  %s run %s: %s" % (r["scenario"], f["run"], "; ".join(f["problems"])))
    with open(os.path.join(work, "crash-trials.md"), "w") as f:
        f.write(table + "\n")
    with open(os.path.join(work, "crash-trials.json"), "w") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
    return 1 if any(r["failures"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
