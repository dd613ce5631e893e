/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Agency service (全程代办) and parallel approvals (并联审批), 推进机制 (三)(四). Every time limit
 * is in working days of the holiday calendar (tj-calendar.h); every computed figure takes "today"
 * as an ISO date (NULL: the real date) so that the same data always gives the same figures.
 *
 * One header per part; this one includes them all:
 * - tj-approval-labels.h: stages, case statuses, evaluations, item states and field labels;
 * - tj-approval-item.h: 审批事项 and their rules, 催办;
 * - tj-approval-suspension.h: 暂停期间, left out of the limits;
 * - tj-agency-case.h: 代办件;
 * - tj-approval-batch.h: 并联批次;
 * - tj-approval-catalogue.h: the catalogue of matters;
 * - tj-approval-report.h: 代办事项台账 and 部门审批提速情况;
 * - tj-approval-import.h: the import of items. */

#include "tj-agency-case.h"
#include "tj-approval-batch.h"
#include "tj-approval-catalogue.h"
#include "tj-approval-import.h"
#include "tj-approval-item.h"
#include "tj-approval-labels.h"
#include "tj-approval-report.h"
#include "tj-approval-suspension.h"
