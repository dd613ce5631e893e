/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmarks share: a generated ledger, a clock and the process's peak memory. */
#pragma once

#include <glib.h>

double tj_bench_now_ms (void);
long tj_bench_peak_kb (void);
void tj_bench_write_ledger (const char *path,
                            guint       n);
