# SPDX-License-Identifier: GPL-3.0-or-later
"""What the crash and fault trials share: running tuijin, reading a database back with python3's
sqlite3, checking the files an export writes."""
import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DATABASE_FILES = ("", "-wal", "-shm", "-journal")


class Tuijin:
    """The tuijin binary of a build folder, run in Chinese when the system has zh_CN.UTF-8."""

    def __init__(self, build):
        self.binary = os.path.join(build, "src", "tuijin")
        if not os.access(self.binary, os.X_OK):
            raise SystemExit("no tuijin at %s: build first (meson compile -C %s)" % (self.binary, build))
        self.env = dict(os.environ)
        self.env["TJ_LOCALEDIR"] = os.path.join(os.path.abspath(build), "po", "locale")
        locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
        self.env["LC_ALL"] = "zh_CN.UTF-8" if "zh_cn.utf8" in locales else "C.UTF-8"
        self.env["LANGUAGE"] = "zh_CN"

    def argv(self, db, *args):
        return [self.binary, "--db", db, *args]

    def run(self, db, *args, user=None, timeout=600):
        argv = self.argv(db, *args)
        if user is not None:
            argv = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + argv
        return subprocess.run(argv, capture_output=True, text=True, errors="replace", env=self.env,
                              timeout=timeout)

    def start(self, db, *args):
        return subprocess.Popen(self.argv(db, *args), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=self.env)

    def must(self, db, *args):
        done = self.run(db, *args)
        if done.returncode != 0:
            raise SystemExit("tuijin %s failed (%d): %s" % (" ".join(args), done.returncode,
                                                             done.stderr.strip()))
        return done


def copy_database(source, target):
    for suffix in DATABASE_FILES:
        if os.path.exists(target + suffix):
            os.unlink(target + suffix)
    shutil.copyfile(source, target)


def settle(db):
    """Folds the WAL into the file, so that the file alone is the database."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)


def tables(con):
    return [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


class ReadCopy:
    """The database (the file and its WAL) copied to a scratch folder and opened there: reading
    it leaves nothing (no -wal, no -shm) beside the file under trial."""

    def __init__(self, db):
        self.folder = tempfile.mkdtemp(prefix="tj-stress-read-")
        self.path = os.path.join(self.folder, "copy.db")
        shutil.copyfile(db, self.path)
        if os.path.exists(db + "-wal"):
            shutil.copyfile(db + "-wal", self.path + "-wal")

    def __enter__(self):
        self.con = sqlite3.connect(self.path)
        return self.con

    def __exit__(self, *exc):
        self.con.close()
        shutil.rmtree(self.folder)


def snapshot(db):
    """Per table: a digest of every row by rowid."""
    result = {}
    with ReadCopy(db) as con:
        for table in tables(con):
            rows = {}
            for row in con.execute('SELECT rowid, * FROM "%s"' % table):
                rows[row[0]] = hashlib.sha1(repr(row[1:]).encode()).hexdigest()
            result[table] = rows
    return result


def integrity(db):
    try:
        with ReadCopy(db) as con:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as e:
        return str(e)
    return "ok" if rows == ["ok"] else "; ".join(rows[:3])


def file_digest(path):
    h = hashlib.sha256()
    for suffix in ("", "-wal"):
        if os.path.exists(path + suffix):
            with open(path + suffix, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def logical_digest(db):
    """A digest of every row of every table, or None when the file cannot be read."""
    try:
        snap = snapshot(db)
    except sqlite3.DatabaseError:
        return None
    h = hashlib.sha256()
    for table in sorted(snap):
        h.update(table.encode())
        for rowid in sorted(snap[table]):
            h.update(("%d:%s" % (rowid, snap[table][rowid])).encode())
    return h.hexdigest()


def valid_xlsx(path):
    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None and "xl/workbook.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def pdf_pages(path):
    done = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    if done.returncode != 0:
        return None
    for line in done.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def temporaries(folder, target_name):
    """What an export to target_name left in folder: its temporaries, and "<name>.part"."""
    return sorted(n for n in os.listdir(folder)
                  if n != target_name and (n.startswith("." + target_name + ".tj-") or
                                           n == target_name + ".part" or
                                           n.startswith(target_name + ".")))


def first_line(text):
    lines = [l.strip() for l in text.strip().splitlines() if l.strip()]
    return lines[0] if lines else ""


def last_line(text):
    """The error of a refused command: what it says last (warnings about the input come first)."""
    lines = [l.strip() for l in text.strip().splitlines() if l.strip()]
    return lines[-1] if lines else ""


def markdown_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |")
    return "\n".join(out)
