/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-project.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* The monthly bulletin (月通报) of month N of year Y, every figure computed once, in yuan. The
 * rules are issue 3's "The bulletin, month N of year Y: exact rules"; see tj-bulletin.c. */

/* The light thresholds are the settings' (tj-settings.h: TJ_SETTINGS_*_DEFAULT without them). */

/* The figures of the whole list, or of one level, nature, industry or locality. */
typedef struct
{
  char *name;               /* the group's name; NULL for the whole list */
  gint64 id;                /* the locality's unit id; 0 for the other groups */
  guint count;              /* projects */
  gint64 total_investment;  /* Σ total investment, yuan */
  gint64 plan;              /* Σ A, the annual plans, yuan */
  gint64 month_completed;   /* Σ completed in month N, yuan */
  gint64 cumulative;        /* Σ C, completed in months 1..N, yuan */
  gboolean has_rate;        /* Σ A > 0 */
  double rate;              /* Σ C ÷ Σ A, unrounded; 0 without a plan */
  double gap;               /* (rate − s) × 100, percentage points; 0 without a plan */
  gboolean on_schedule;     /* rate ≥ s, exactly (Σ C × 12 ≥ N × Σ A); FALSE without a plan */
  guint starts_due;         /* 新开工 whose planned start is month N of Y or earlier */
  guint started;            /* of those due, started by the end of month N */
  double start_rate;        /* started ÷ starts_due; 0 when none is due */
  guint completions_due;    /* planned completion month N of Y or earlier */
  guint completed;          /* actual completion by the end of month N, whether due or not */

  /*< private >*/
  gint64 order;             /* the list order of its first project (tj_bulletin_order_key) */
} TjBulletinFigures;

/* One row of the detail table (附件). Strings belong to the bulletin; NULL when empty. */
typedef struct
{
  gint64 id;
  const char *name;
  TjLevel level;
  const char *level_name;   /* the organisation's name of the level: 省重点 */
  TjNature nature;
  const char *industry;
  const char *content;      /* 建设规模及内容 */
  gint64 locality_id;
  const char *locality;
  const char *unit;         /* 责任单位 */
  const char *leader;       /* 分包市领导 */
  const char *officer;      /* 首席服务官 */
  gint64 total_investment;  /* yuan */
  gint64 plan;              /* A, yuan */
  gboolean reported;        /* a monthly report exists for month N */
  gint64 month_completed;   /* completed in month N, yuan; 0 when not reported */
  gint64 cumulative;        /* C, yuan */
  gboolean has_rate;        /* A > 0 */
  double rate;              /* C ÷ A, unrounded */
  double gap;               /* (r − s) × 100, percentage points */
  const char *planned_start;      /* YYYY-MM */
  const char *planned_completion; /* YYYY-MM */
  const char *actual_start;       /* YYYY-MM-DD, as recorded */
  const char *actual_completion;  /* YYYY-MM-DD, as recorded */
  const char *stats_date;         /* 入库日期, as recorded */
  const char *progress;     /* 形象进度 of month N */
  const char *problems;     /* 存在问题 of month N */
  gboolean started;         /* actual start by the end of month N */
  gboolean start_due;       /* 新开工, planned start month N of Y or earlier */
  gboolean early_start;     /* 提前开工: 新开工, planned start after month N, started */
  gboolean completion_due;
  gboolean completed;       /* actual completion by the end of month N */
  gboolean in_statistics;   /* 入库 by the end of month N */
  int months_late;          /* L = N − planned start month, for a due project not started */
  TjLight investment_light;
  TjLight start_light;
  TjLight light;            /* the worse of the two */
} TjBulletinProject;

typedef struct
{
  int year;                 /* Y */
  int month;                /* N */
  double schedule;          /* s = N ÷ 12 */
  char *organisation;       /* 登封市 */
  int green_gap;            /* the thresholds used, in tenths of a point: -100 is -10.0 */
  int red_gap;
  int start_red_months;
  TjBulletinFigures overall;
  TjBulletinFigures levels[TJ_LEVEL_N];   /* [TJ_LEVEL_NONE] is unused */
  TjBulletinFigures natures[TJ_NATURE_N]; /* [TJ_NATURE_NONE] is unused */
  GArray *industries;       /* of TjBulletinFigures: the settings' order, then others by name */
  GArray *localities;       /* of TjBulletinFigures: by rate, highest first; ties by name */
  GArray *projects;         /* of TjBulletinProject: by level, then as entered; empty in a
                             * bulletin built for export (its detail table streams) */
  GPtrArray *early_starts;  /* of TjBulletinProject *, 提前开工, by name */
  GPtrArray *not_started;   /* of TjBulletinProject *, 应开未开, by name */
  GPtrArray *lagging;       /* of TjBulletinProject *, yellow and red lights, by name; in a
                             * bulletin built for export only the first names the overview
                             * shows (its sheet reads the list from the database) */
  guint n_lagging;          /* the lagging projects, and the red lights among them */
  guint n_lagging_red;
  guint reported;           /* projects with a report for month N */
  GPtrArray *unreported;    /* of TjBulletinProject *, no report for month N (counted as 0), by
                             * name */

  /*< private >*/
  GStringChunk *strings;
  TjLevelNames *level_names;
  GHashTable *unit_names;   /* gint64 id → char *name */
  GHashTable *people_names;
  GHashTable *acting_leaders; /* leader id → "张三（代：李四）" at month N's end (tj-delegation.h) */
  char *visits_note;        /* leaders' visits in month N (tj-visit.h); NULL when none */
  TjDb *db;                 /* set when the projects are not kept: the detail table streams */
  GPtrArray *kept;          /* of TjBulletinProject *, owned: the listed projects when the
                             * projects are not kept */
} TjBulletin;

TjBulletin *tj_bulletin_build (TjDb    *db,
                               int      year,
                               int      month,
                               GError **error);
/* Only for tj_bulletin_month_lights: the year's projects (the fields the lights judge by, names,
 * locality, unit, leader, officer) in the list's order, nothing else (no sums, groups, lists). */
TjBulletin *tj_bulletin_build_lights (TjDb    *db,
                                      int      year,
                                      int      month,
                                      GError **error);
TjLight *tj_bulletin_month_lights (TjBulletin *self,
                                   TjDb       *db,
                                   GError    **error);
void tj_bulletin_free (TjBulletin *self);

/* The bulletins of months 1..N of year Y as the quarterly ranking and the assessment read them,
 * by the bulletin's own rules in one read of the list and one of its reports: per locality
 * (the unit id; 0 for none) the figures of month N's bulletin (count, Σ A, Σ C, starts due and
 * started, on schedule; no name, no month's figures), and the months m ≤ N whose bulletin finds
 * it on schedule. func, when given, sees each project as month N's bulletin judges it (its
 * strings only during the call; its cumulative sum is not read). */
typedef struct
{
  TjBulletinFigures figures;
  guint on_schedule_months; /* bit m − 1: month m */
} TjBulletinLocality;

typedef void (*TjBulletinProjectFunc) (const TjBulletinProject *project,
                                       gpointer                 data);

GArray *tj_bulletin_localities (TjDb                 *db,
                                int                   year,
                                int                   month,
                                TjBulletinProjectFunc func,
                                gpointer              data,
                                GError              **error);
/* The same for several months N (each 1..12) in one read: element k the localities of
 * months[k] as tj_bulletin_localities (months[k]) gives them, in the same order; func sees each
 * project as each month N's bulletin judges it. */
typedef void (*TjBulletinProjectAtFunc) (const TjBulletinProject *project,
                                         int                      month,
                                         gpointer                 data);

GPtrArray *tj_bulletin_localities_at (TjDb                   *db,
                                      int                     year,
                                      const int              *months,
                                      guint                   n_months,
                                      TjBulletinProjectAtFunc func,
                                      gpointer                data,
                                      GError                **error);

char *tj_bulletin_overview (TjBulletin *self);
char *tj_bulletin_reporting_text (TjBulletin *self);
char *tj_bulletin_unreported_names (TjBulletin *self);
TjReportBook *tj_bulletin_book (TjBulletin *self);
TjReport *tj_bulletin_detail_report (TjBulletin *self);

gboolean tj_bulletin_check_export (TjBulletin *self,
                                   GError    **error);
gboolean tj_bulletin_write (TjDb       *db,
                            int         year,
                            int         month,
                            const char *path,
                            GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjBulletin, tj_bulletin_free)

G_END_DECLS
