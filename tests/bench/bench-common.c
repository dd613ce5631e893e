/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"

static const char *const towns[] = { "嵩阳街道", "少林街道", "中岳街道", "大金店镇", "颍阳镇", "卢店镇",
                                     "告成镇", "东华镇", "大冶镇", "宣化镇", "徐庄镇", "唐庄镇",
                                     "君召乡", "石道乡", "白坪乡", "阳城工业区", "送表矿区" };
static const char *const kinds[] = { "污水处理厂", "产业园", "物流园", "安置房", "中学", "医院", "道路改造",
                                     "文旅小镇", "供水管网", "光伏电站", "装配式建筑基地" };
static const char *const units[] = { "发改委", "住建局", "水务局", "交运局", "文物局", "林业局" };
static const char *const industries[] = { "工业", "农林水", "交通", "文化旅游及服务业",
                                          "城建及基础设施", "社会事业" };
static const char *const natures[] = { "新开工", "续建", "竣工", "前期" };
static const char *const levels[] = { "省重点", "郑州市重点", "登封市重点", "登封市重点" };

double
tj_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

long
tj_bench_peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? atol (line + 6) : -1;
}

void
tj_bench_write_ledger (const char *path,
              guint       n)
{
  FILE *out = fopen (path, "w");
  GRand *rand = g_rand_new_with_seed (2026);

  fputs ("序号,项目名称,级别,建设性质,行业类别,建设规模及内容,属地,责任单位,分包市领导,首席服务官,"
         "业主单位,联系人,联系电话,总投资（万元）,年度计划投资（万元）,计划开工,计划竣工,实际开工,"
         "实际竣工,入库日期\r\n",
         out);
  for (guint i = 0; i < n; i++)
    {
      const char *town = towns[i % G_N_ELEMENTS (towns)];
      gint64 total = g_rand_int_range (rand, 5000, 5000000);
      gint64 plan = total / g_rand_int_range (rand, 2, 6);
      int month = 1 + i % 12;

      fprintf (out,
               "%u,%s%s%u号项目,%s,%s,%s,建设规模：占地%d亩,%s,%s,领导%u,服务官%u,登封市%s建设有限公司,"
               "联系人%u,0371-6287%04u,%" G_GINT64_FORMAT ".%04d,%" G_GINT64_FORMAT
               ".%04d,2026-%02d,2028-%02d,%s,,%s\r\n",
               i + 1, town, kinds[i % G_N_ELEMENTS (kinds)], i + 1, levels[i % 4],
               natures[i % 4], industries[i % G_N_ELEMENTS (industries)], 10 + (int) (i % 900), town,
               units[i % G_N_ELEMENTS (units)], i % 40, i % 300, town, i % 500, i % 10000,
               total / 10, (int) (total % 10) * 1000, plan / 10, (int) (plan % 10) * 1000, month,
               month, i % 3 == 0 ? "2026-03-15" : "", i % 5 == 0 ? "2026-04-01" : "");
    }
  fclose (out);
  g_rand_free (rand);
}

