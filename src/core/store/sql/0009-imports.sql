-- SPDX-License-Identifier: GPL-3.0-or-later
-- An import is recorded as what it is: the file itself (gzip, with the SHA-256 and size of what
-- was read) in imports, and one audit entry (action 'import', table 'imports') that names the
-- file, the ids each table got from it and the SHA-256 of those rows as the import left them
-- (tj-db-audit.c). The rows an import inserts fire no audit trigger of their own
-- (tj_importing); its updates and deletes keep theirs. A stored file is never changed.
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  year INTEGER,
  kind TEXT NOT NULL
) STRICT;
CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports BEGIN
  SELECT RAISE (ABORT, 'an imported file cannot be changed');
END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports BEGIN
  SELECT RAISE (ABORT, 'an imported file cannot be changed');
END;
-- the action gains 'import', the same way 0008 wrote the check (tj-db-migrate.c then raises
-- schema_version and checks the file)
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace (sql, 'action = ''delete'')', 'action = ''delete'' OR action = ''import'')')
WHERE type = 'table' AND name = 'audit';
PRAGMA writable_schema = OFF;
