/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-import.h"
#include "tj-matter.h"

G_BEGIN_DECLS

/* 会议日期, 会议类型, 会议名称, 事项内容, 项目名称, 牵头领导, 责任单位, 责任人, 交办日期, 办结期限,
 * 延期至, 办结日期, 办理结果: a matter is keyed by its meeting (date, type, name) and content. */
gboolean tj_matter_import (TjDb            *db,
                           const char      *path,
                           int              year,
                           gboolean         dry_run,
                           TjImportResult **result,
                           GError         **error);
/* Who approved the extension an import writes from 延期至 (translated: 导入). */
const char *tj_matter_import_approver (void);

G_END_DECLS
