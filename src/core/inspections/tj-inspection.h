/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-deletion.h"
#include "tj-import.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* 结论 of an inspection: reported against verified. */
typedef enum
{
  TJ_VERDICT_TRUE,      /* 属实, stored 'true' */
  TJ_VERDICT_FALSE,     /* 虚报 (reported more than verified), 'false' */
  TJ_VERDICT_CONCEALED, /* 瞒报 (reported less), 'concealed' */
} TjVerdict;

const char *tj_verdict_label (TjVerdict verdict); /* translated */
const char *tj_verdict_to_sql (TjVerdict verdict);
gboolean tj_verdict_from_label (const char *label, /* the label or the SQL word */
                                TjVerdict  *verdict);

/* Evidence checked (核查资料), as flags. */
typedef enum
{
  TJ_EVIDENCE_APPROVALS = 1 << 0, /* 批复文件 */
  TJ_EVIDENCE_CONTRACT = 1 << 1,  /* 施工合同 */
  TJ_EVIDENCE_SETTLEMENT = 1 << 2, /* 结算单 */
  TJ_EVIDENCE_LOG = 1 << 3,       /* 施工日志 */
  TJ_EVIDENCE_INVOICES = 1 << 4,  /* 发票 */
  TJ_EVIDENCE_ACCOUNTS = 1 << 5,  /* 财务账 */
} TjEvidence;
#define TJ_EVIDENCE_N 6
const char *tj_evidence_label (guint index); /* translated, index 0..TJ_EVIDENCE_N-1 */

/* The tolerance of the suggested verdict in tenths of a percent (setting
 * "inspection-tolerance", default 100 = 10%) and the photo limit in bytes (setting
 * "photo-limit", default 10 MB); a bad setting is an error naming it. */
gboolean tj_inspection_get_tolerance (TjDb    *db,
                                      int     *permille,
                                      GError **error);
gboolean tj_inspection_get_photo_limit (TjDb    *db,
                                        gint64  *bytes,
                                        GError **error);

/* The reported cumulative (万元 stored as yuan) as of an inspection on date in month M of year Y
 * for a project of year Y: the sum of its monthly reports of months 1..M−1 of Y (0 in January;
 * all twelve when the date is after Y). */
gboolean tj_inspection_reported (TjDb       *db,
                                 gint64      project_id,
                                 const char *date,
                                 gint64     *reported,
                                 GError    **error);
/* The suggested verdict: verified = 0 → 虚报 when reported > 0, else 属实; otherwise rate =
 * (reported − verified) ÷ verified, > tolerance → 虚报, < −tolerance → 瞒报, else 属实 (both
 * edges 属实). Exact: integers only. */
TjVerdict tj_inspection_suggest (gint64 reported,
                                 gint64 verified,
                                 int    tolerance_permille);

/* 问题 and its 整改. */
typedef struct
{
  gint64 id;
  char *requirement;  /* 整改要求 */
  char *person;       /* 责任人 */
  gint64 unit_id;     /* 责任单位, 0 when none */
  char *deadline;     /* 整改期限 */
  char *result;       /* 整改结果 */
  char *checked_by;   /* 验收人 */
  char *closed;       /* 销号日期 (checked on), NULL while open */
  char *unit_name;    /* filled when loaded */
} TjRectification;

typedef struct
{
  gint64 id;
  char *kind;         /* 问题类型 */
  char *description;
  gint64 unit_id;     /* 责任单位, 0 when none */
  char *unit_name;    /* filled when loaded */
  GPtrArray *rectifications; /* TjRectification */
} TjFinding;

/* A photo of an inspection (finding_id 0) or of one of its findings. */
typedef struct
{
  gint64 id;
  gint64 finding_id; /* 0: of the inspection */
  char *name;        /* the file's name */
  char *mime;        /* image/jpeg or image/png */
  GBytes *data;      /* NULL when listed without bytes */
  gint64 size;
  char *sha256;
} TjPhoto;

#define TJ_TYPE_INSPECTION (tj_inspection_get_type ())
G_DECLARE_FINAL_TYPE (TjInspection, tj_inspection, TJ, INSPECTION, GObject)

struct _TjInspection
{
  GObject parent_instance;
  /* stored */
  gint64 id;
  gint64 project_id;
  char *date;            /* 巡查日期 */
  gint64 organiser_id;   /* 组织单位 (纪委监委, 督查考核办, 发改委, another unit) */
  char *inspectors;      /* 巡查人员 */
  gboolean unannounced;  /* 暗访 */
  char *seen;            /* 现场情况 */
  int workers;           /* 现场人员, -1 when not given */
  int machines;          /* 机械, -1 when not given */
  gint64 verified;       /* 核实累计完成, yuan */
  char *verified_progress; /* 核实形象进度 */
  gboolean has_verdict;  /* the inspector set a verdict of his own */
  TjVerdict verdict;
  char *verdict_reason;  /* required when has_verdict and it differs from the suggestion */
  guint evidence;        /* TjEvidence flags */
  GPtrArray *findings;   /* TjFinding; NULL when not loaded: write leaves the stored ones */
  /* filled when loaded */
  char *project_name;
  int project_year;
  char *locality_name;
  char *organiser_name;
  /* computed when loaded (and by tj_inspection_compute) */
  gint64 reported;        /* 上报累计, yuan */
  char *reported_progress; /* the last reported 形象进度 before the inspection's month */
  gint64 difference;      /* reported − verified */
  gboolean has_rate;      /* verified > 0 */
  double rate;            /* difference ÷ verified, for display only */
  TjVerdict suggested;    /* 建议结论 */
  TjVerdict final_verdict; /* 结论: verdict when has_verdict, else suggested */
  guint n_photos;
  guint n_rectifications;
  guint n_open_rectifications;
  guint n_overdue_rectifications; /* open and past deadline as of today */
};

TjInspection *tj_inspection_new (void);
TjInspection *tj_inspection_copy (TjInspection *self);
/* Fills reported, reported_progress, difference, rate, suggested and final_verdict. */
gboolean tj_inspection_compute (TjInspection *self,
                                TjDb         *db,
                                GError      **error);
/* TjProblem per field ("date", "project", "organiser", "verified", "verdict_reason",
 * "findings"…): the project on that year's list, the date valid, verified ≥ 0, a reason when
 * the verdict differs from the suggestion, findings and rectifications complete. */
GPtrArray *tj_inspection_validate (TjInspection *self,
                                   TjDb         *db);
GPtrArray *tj_inspection_list (TjDb    *db, /* of the projects of that year's list, by date */
                               int      year,
                               GError **error);
GPtrArray *tj_inspection_list_project (TjDb    *db,
                                       gint64   project_id,
                                       GError **error);
TjInspection *tj_inspection_load (TjDb    *db, /* with its findings and rectifications */
                                  gint64   id,
                                  GError **error);
/* Validates, then writes inside the caller's transaction (an import's). */
gboolean tj_inspection_write (TjDb         *db,
                              TjInspection *inspection,
                              GError      **error);
gboolean tj_inspection_save (TjDb         *db,
                             TjInspection *inspection,
                             GError      **error);
gboolean tj_inspection_delete (TjDb    *db,
                               gint64   id,
                               GError **error);
/* The same, undone by tj_deletion_undo: the inspection, its findings, their rectifications and
 * its photos (bytes included) back with their ids, in one transaction. */
TjDeletion *tj_inspection_delete_undoable (TjDb    *db,
                                           gint64   id,
                                           GError **error);

TjFinding *tj_finding_new (void);
void tj_finding_free (TjFinding *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjFinding, tj_finding_free)
TjRectification *tj_rectification_new (void);
void tj_rectification_free (TjRectification *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjRectification, tj_rectification_free)
/* Open (not closed) and past its deadline as of as_of. */
gboolean tj_rectification_is_overdue (const TjRectification *self,
                                      const char            *as_of);

/* Photos: the bytes are checked (a JPEG or PNG by their signature and by decoding the header)
 * and refused above the limit with a message naming the file, its size and the limit; nothing
 * is stored then. */
void tj_photo_free (TjPhoto *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjPhoto, tj_photo_free)
gint64 tj_photo_add (TjDb       *db,
                     gint64      inspection_id,
                     gint64      finding_id, /* 0: of the inspection */
                     const char *name,
                     GBytes     *data,
                     GError    **error);
GPtrArray *tj_photo_list (TjDb    *db, /* TjPhoto without bytes, by id */
                          gint64   inspection_id,
                          GError **error);
TjPhoto *tj_photo_load (TjDb    *db, /* with bytes */
                        gint64   id,
                        GError **error);
gboolean tj_photo_delete (TjDb    *db,
                          gint64   id,
                          GError **error);

/* tuijin import inspections: 巡查日期, 项目名称, 组织单位, 巡查人员, 暗访 (是/否), 核实累计完成
 * (万元), 核实形象进度, 结论 (empty: the suggested one), 结论说明 (required when 结论 differs
 * from the suggestion), 现场情况; all or nothing, one audit entry; a row of a project, date and
 * organiser already stored updates it. */
gboolean tj_inspection_import (TjDb            *db,
                               const char      *path,
                               int              year,
                               gboolean         dry_run,
                               TjImportResult **result,
                               GError         **error);

/* 巡查台账 of year's list, by date: .xlsx, .pdf or .csv by the path's extension. */
TjReportBook *tj_inspection_ledger_book (TjDb    *db,
                                         int      year,
                                         GError **error);
gboolean tj_inspection_write_ledger (TjDb       *db,
                                     int         year,
                                     const char *path,
                                     GError    **error);

G_END_DECLS
