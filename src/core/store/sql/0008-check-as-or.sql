-- SPDX-License-Identifier: GPL-3.0-or-later
-- The constraints CHECK (x IN ('a', 'b', …)) on projects.level, projects.nature and audit.action
-- made SQLite 3.40 build a temporary b-tree for every row inserted (EXPLAIN: OpenEphemeral),
-- about a quarter of an import's time; written as x = 'a' OR x = 'b' … they allow the same values
-- and cost a few comparisons. SQLite cannot alter a CHECK constraint: its documented way for an
-- equivalent one is to edit the table's text in sqlite_schema (no row moves, so the audit log and
-- its hash chain are untouched, and no trigger or foreign key is rebuilt). tj-db-migrate.c then
-- raises schema_version, so that every connection reads the new text, and checks the file.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace (replace (sql,
    'level IN (''provincial'', ''prefectural'', ''city'')',
    '(level = ''provincial'' OR level = ''prefectural'' OR level = ''city'')'),
    'nature IN (''new'', ''continuing'', ''completing'', ''preparatory'')',
    '(nature = ''new'' OR nature = ''continuing'' OR nature = ''completing'' OR '
    || 'nature = ''preparatory'')')
WHERE type = 'table' AND name = 'projects';
UPDATE sqlite_schema
SET sql = replace (sql, 'action IN (''insert'', ''update'', ''delete'')',
                   '(action = ''insert'' OR action = ''update'' OR action = ''delete'')')
WHERE type = 'table' AND name = 'audit';
PRAGMA writable_schema = OFF;
