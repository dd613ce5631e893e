-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 13: observation tours (观摩; policy 二, in even months): the projects visited in order,
-- the panel's criteria with their weights (summing to 100, checked in tj-tour.c) and the panel's
-- agreed score of each project on each criterion. Totals and ranks are computed when read, never
-- stored. A score is kept in hundredths of a point so that sums stay exact.
CREATE TABLE tours (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (name <> ''),
  route TEXT,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
) STRICT;

-- 评分标准: the panel's criteria of one tour, in the order shown.
CREATE TABLE tour_criteria (
  id INTEGER PRIMARY KEY,
  tour_id INTEGER NOT NULL REFERENCES tours (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  name TEXT NOT NULL CHECK (name <> ''),
  weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
  UNIQUE (tour_id, position),
  UNIQUE (tour_id, name)
) STRICT;

-- 观摩点: the projects visited, in the order of the route.
CREATE TABLE tour_projects (
  id INTEGER PRIMARY KEY,
  tour_id INTEGER NOT NULL REFERENCES tours (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  UNIQUE (tour_id, position),
  UNIQUE (tour_id, project_id)
) STRICT;
CREATE INDEX tour_projects_by_project ON tour_projects (project_id);

-- 评分: the panel's agreed score of a project on a criterion, in hundredths of a point,
-- from 0 to the criterion's weight.
CREATE TABLE tour_scores (
  id INTEGER PRIMARY KEY,
  tour_project_id INTEGER NOT NULL REFERENCES tour_projects (id) ON DELETE CASCADE,
  criterion_id INTEGER NOT NULL REFERENCES tour_criteria (id) ON DELETE CASCADE,
  score INTEGER NOT NULL CHECK (score >= 0),
  UNIQUE (tour_project_id, criterion_id)
) STRICT;
CREATE INDEX tour_scores_by_criterion ON tour_scores (criterion_id);
