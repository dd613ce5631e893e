/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-demo"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tj-approval.h"
#include "tj-calendar.h"
#include "tj-date.h"
#include "tj-demo-private.h"
#include "tj-demo.h"
#include "tj-error.h"
#include "tj-inspection.h"
#include "tj-matter.h"
#include "tj-money.h"
#include "tj-person.h"
#include "tj-progress.h"
#include "tj-project.h"
#include "tj-unit.h"

/* Demo data: the key-project lists of two years of a county like Dengfeng, with the people who
 * run them, over the default units. One seed, so that screenshots and tests stay the same. The
 * data is Chinese whatever the UI language: it stands for what an office types in. */
#define DEMO_SEED 20180406
#define PREVIOUS_YEAR_PROJECTS 112
#define CURRENT_YEAR_PROJECTS 128
/* Dengfeng's administrative division code, the middle of a national project code. */
#define AREA_CODE "410185"

typedef enum
{
  WHERE_ANY,
  WHERE_CENTRE,   /* the subdistricts of the city */
  WHERE_COUNTRY,  /* towns and townships */
  WHERE_INDUSTRY, /* the districts and the towns */
} Where;

typedef enum
{
  KIND_TOURISM,
  KIND_INDUSTRY,
  KIND_SEWAGE,
  KIND_ROAD,
  KIND_HOUSING,
  KIND_SCHOOL,
  KIND_HEALTH,
  KIND_WATER,
  KIND_FARM,
  KIND_MEDICINE,
  KIND_FURNITURE,
  KIND_CITY,
  KIND_SERVICE,
  N_KINDS
} Kind;

static const struct
{
  const char *industry; /* one of the default industries */
  const char *unit;     /* the responsible department; NULL: the locality answers */
  const char *owner;    /* a public owner; NULL: a company */
  const char *code;     /* the industry digits of the project code */
  int weight;
} kinds[N_KINDS] = {
  [KIND_TOURISM] = { "文化旅游及服务业", NULL, NULL, "87", 14 },
  [KIND_INDUSTRY] = { "工业", NULL, NULL, "30", 22 },
  [KIND_SEWAGE] = { "城建及基础设施", "住建局", "登封市城市建设投资集团有限公司", "46", 6 },
  [KIND_ROAD] = { "交通", "交运局", "登封市交通建设投资有限公司", "48", 10 },
  [KIND_HOUSING] = { "城建及基础设施", "住建局", "登封市城乡建设开发有限公司", "47", 8 },
  [KIND_SCHOOL] = { "社会事业", NULL, "登封市教育局", "83", 7 },
  [KIND_HEALTH] = { "社会事业", NULL, "登封市卫生健康委员会", "84", 6 },
  [KIND_WATER] = { "农林水", "水务局", "登封市水利投资有限公司", "76", 6 },
  [KIND_FARM] = { "农林水", "林业局", NULL, "01", 7 },
  [KIND_MEDICINE] = { "生物医药", NULL, NULL, "27", 4 },
  [KIND_FURNITURE] = { "家居", NULL, NULL, "21", 3 },
  [KIND_CITY] = { "城建及基础设施", "住建局", "登封市城市建设投资集团有限公司", "78", 7 },
  [KIND_SERVICE] = { "文化旅游及服务业", NULL, NULL, "59", 6 },
};

/* Project names; "@" stands for the locality's name. */
static const struct
{
  Kind kind;
  Where where;
  const char *name;
} names[] = {
  { KIND_TOURISM, WHERE_CENTRE, "嵩山少林景区智慧旅游提升项目" },
  { KIND_TOURISM, WHERE_CENTRE, "中岳庙历史文化街区改造项目" },
  { KIND_TOURISM, WHERE_CENTRE, "嵩阳书院研学旅行基地项目" },
  { KIND_TOURISM, WHERE_COUNTRY, "观星台天文科普园项目" },
  { KIND_TOURISM, WHERE_CENTRE, "禅武文化小镇项目" },
  { KIND_TOURISM, WHERE_CENTRE, "少室山登山步道提升工程" },
  { KIND_TOURISM, WHERE_COUNTRY, "大禹文化园建设项目" },
  { KIND_TOURISM, WHERE_COUNTRY, "登封窑陶瓷文化产业园项目" },
  { KIND_TOURISM, WHERE_CENTRE, "嵩山国家地质公园博物馆改造项目" },
  { KIND_TOURISM, WHERE_CENTRE, "天地之中文旅综合体项目" },
  { KIND_TOURISM, WHERE_COUNTRY, "嵩山户外运动基地项目" },
  { KIND_TOURISM, WHERE_COUNTRY, "@乡村旅游示范村建设项目" },
  { KIND_TOURISM, WHERE_COUNTRY, "@精品民宿集群项目" },
  { KIND_TOURISM, WHERE_COUNTRY, "@田园综合体项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "年产10万吨高端耐火材料项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "年产30万吨新型干混砂浆项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "高端碳素材料生产线项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "铝合金型材深加工项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "装配式建筑产业园项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "50兆瓦分布式光伏发电项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "电子信息产业园项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "智能装备制造产业园项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "新能源汽车零部件生产项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "高性能陶瓷材料项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "煤矿智能化改造项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "水泥熟料生产线超低排放改造项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "年产5万吨超细氧化铝微粉项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "@耐火材料产业园项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "@新型建材产业园项目" },
  { KIND_INDUSTRY, WHERE_INDUSTRY, "@标准化厂房建设项目" },
  { KIND_SEWAGE, WHERE_CENTRE, "城区第二污水处理厂提标改造工程" },
  { KIND_SEWAGE, WHERE_CENTRE, "城区雨污分流改造工程" },
  { KIND_SEWAGE, WHERE_COUNTRY, "@污水处理厂及配套管网工程" },
  { KIND_SEWAGE, WHERE_COUNTRY, "@农村生活污水治理项目" },
  { KIND_ROAD, WHERE_CENTRE, "嵩山大道北延工程" },
  { KIND_ROAD, WHERE_CENTRE, "少林大道综合改造工程" },
  { KIND_ROAD, WHERE_COUNTRY, "S237登封段改建工程" },
  { KIND_ROAD, WHERE_COUNTRY, "S316登封段改建工程" },
  { KIND_ROAD, WHERE_COUNTRY, "G207登封段改建工程" },
  { KIND_ROAD, WHERE_CENTRE, "郑登快速通道提升工程" },
  { KIND_ROAD, WHERE_CENTRE, "登封西站综合交通枢纽项目" },
  { KIND_ROAD, WHERE_CENTRE, "城区智慧停车场建设项目" },
  { KIND_ROAD, WHERE_COUNTRY, "@农村公路提质改造工程" },
  { KIND_ROAD, WHERE_COUNTRY, "@至城区快速通道工程" },
  { KIND_HOUSING, WHERE_CENTRE, "周山片区棚户区改造项目" },
  { KIND_HOUSING, WHERE_CENTRE, "王河村安置房建设项目" },
  { KIND_HOUSING, WHERE_CENTRE, "书院河片区城中村改造项目" },
  { KIND_HOUSING, WHERE_CENTRE, "城区老旧小区改造项目" },
  { KIND_HOUSING, WHERE_CENTRE, "@安置房建设项目" },
  { KIND_HOUSING, WHERE_CENTRE, "@棚户区改造项目" },
  { KIND_HOUSING, WHERE_COUNTRY, "@易地搬迁安置点提升项目" },
  { KIND_SCHOOL, WHERE_CENTRE, "市第二高级中学新校区建设项目" },
  { KIND_SCHOOL, WHERE_CENTRE, "市第三高级中学扩建项目" },
  { KIND_SCHOOL, WHERE_CENTRE, "登封市职业教育园区项目" },
  { KIND_SCHOOL, WHERE_CENTRE, "城区义务教育学校建设项目" },
  { KIND_SCHOOL, WHERE_COUNTRY, "@中心小学教学楼建设项目" },
  { KIND_SCHOOL, WHERE_ANY, "@公办幼儿园建设项目" },
  { KIND_SCHOOL, WHERE_COUNTRY, "@初级中学改扩建项目" },
  { KIND_HEALTH, WHERE_CENTRE, "市人民医院门急诊综合楼项目" },
  { KIND_HEALTH, WHERE_CENTRE, "市中医院康复医学中心项目" },
  { KIND_HEALTH, WHERE_CENTRE, "市妇幼保健院迁建项目" },
  { KIND_HEALTH, WHERE_CENTRE, "市疾病预防控制中心业务楼项目" },
  { KIND_HEALTH, WHERE_CENTRE, "城区养老服务中心项目" },
  { KIND_HEALTH, WHERE_COUNTRY, "@卫生院改扩建项目" },
  { KIND_HEALTH, WHERE_COUNTRY, "@敬老院提升改造项目" },
  { KIND_WATER, WHERE_CENTRE, "少林水库除险加固工程" },
  { KIND_WATER, WHERE_COUNTRY, "颍河登封段综合治理工程" },
  { KIND_WATER, WHERE_CENTRE, "书院河生态修复工程" },
  { KIND_WATER, WHERE_CENTRE, "城区供水管网改造工程" },
  { KIND_WATER, WHERE_COUNTRY, "南水北调配套水厂及管网工程" },
  { KIND_WATER, WHERE_COUNTRY, "@农村饮水安全巩固提升工程" },
  { KIND_WATER, WHERE_COUNTRY, "@小流域综合治理工程" },
  { KIND_FARM, WHERE_CENTRE, "嵩山国土绿化提升工程" },
  { KIND_FARM, WHERE_COUNTRY, "@高标准农田建设项目" },
  { KIND_FARM, WHERE_COUNTRY, "@特色林果种植基地项目" },
  { KIND_FARM, WHERE_COUNTRY, "@现代农业产业园项目" },
  { KIND_MEDICINE, WHERE_INDUSTRY, "嵩山中药材种植及深加工项目" },
  { KIND_MEDICINE, WHERE_INDUSTRY, "生物医药产业园项目" },
  { KIND_MEDICINE, WHERE_INDUSTRY, "年产2000吨中药饮片项目" },
  { KIND_MEDICINE, WHERE_INDUSTRY, "医疗器械生产基地项目" },
  { KIND_MEDICINE, WHERE_COUNTRY, "@中药材规范化种植基地项目" },
  { KIND_FURNITURE, WHERE_INDUSTRY, "家居产业园项目" },
  { KIND_FURNITURE, WHERE_INDUSTRY, "定制家居智能制造项目" },
  { KIND_FURNITURE, WHERE_INDUSTRY, "实木家具生产线项目" },
  { KIND_FURNITURE, WHERE_INDUSTRY, "@家居建材市场项目" },
  { KIND_CITY, WHERE_CENTRE, "城区集中供热管网扩建工程" },
  { KIND_CITY, WHERE_CENTRE, "天然气管网延伸工程" },
  { KIND_CITY, WHERE_CENTRE, "少林河生态廊道项目" },
  { KIND_CITY, WHERE_CENTRE, "新型智慧城市建设项目" },
  { KIND_CITY, WHERE_CENTRE, "城区道路绿化提升工程" },
  { KIND_CITY, WHERE_COUNTRY, "生活垃圾焚烧发电项目" },
  { KIND_CITY, WHERE_COUNTRY, "@天然气管网工程" },
  { KIND_CITY, WHERE_COUNTRY, "@集镇改造提升项目" },
  { KIND_SERVICE, WHERE_INDUSTRY, "冷链物流中心项目" },
  { KIND_SERVICE, WHERE_INDUSTRY, "电子商务产业园项目" },
  { KIND_SERVICE, WHERE_CENTRE, "城区商业综合体项目" },
  { KIND_SERVICE, WHERE_CENTRE, "嵩山国际会展中心项目" },
  { KIND_SERVICE, WHERE_INDUSTRY, "现代物流园项目" },
};

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "郑", "梁", "宋", "谢", "韩", "唐", "冯", "于", "董", "程", "曹",
  "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏",
};

static const char *const given_names[] = {
  "建国", "志强", "海燕", "丽娟", "卫东", "红霞", "国庆", "晓峰", "振华", "金凤", "永刚",
  "明辉", "亚楠", "静", "磊", "鹏飞", "俊杰", "文博", "雪梅", "春生", "宏伟", "广军",
  "新民", "保国", "秋菊", "晓光", "瑞峰", "少华", "跃进", "红伟", "书洋", "向阳", "玉兰",
  "长松", "国华", "建伟", "利民", "艳红", "朝阳", "占胜", "彦军", "敏", "娜", "勇", "涛",
  "帅", "晓东", "志刚", "丽萍", "军伟", "伟涛", "红梅", "松涛", "慧敏", "永峰", "冬梅",
};

static const char *const leader_posts[] = {
  "市委常委、常务副市长", "市委常委、副市长", "副市长", "副市长", "副市长",
  "市委常委、组织部部长", "市委常委、宣传部部长", "市委常委、政法委书记",
  "市人大常委会副主任", "市政协副主席",
};

/* 首席服务官: deputy-section level or above of the project's township (推进机制 (一)). */
static const char *const officer_posts[TJ_UNIT_N_KINDS][2] = {
  [TJ_UNIT_SUBDISTRICT] = { "街道党工委副书记", "街道办事处副主任" },
  [TJ_UNIT_TOWN] = { "镇党委副书记", "副镇长" },
  [TJ_UNIT_TOWNSHIP] = { "乡党委副书记", "副乡长" },
  [TJ_UNIT_DISTRICT] = { "管委会副主任", "党工委委员" },
  [TJ_UNIT_DEPARTMENT] = { "副局长", "党组成员" },
};

static const struct
{
  const char *unit;
  const char *post;
} staff[] = {
  { "发改委", "重点项目办主任" },
  { "发改委", "重点项目办科员" },
  { "行政服务中心", "投资项目代办员" },
  { "行政服务中心", "投资项目代办员" },
};

/* How a year's work spreads over its months: little around the Spring Festival, less in the rainy
 * July and August, the push to the year's end. */
static const double month_weights[13] = {
  0, 0.5, 0.4, 0.9, 1.0, 1.1, 1.1, 0.9, 0.9, 1.1, 1.2, 1.2, 1.3,
};

/* 存在问题 of a project that lags, as monthly reports word them. */
static const char *const lag_problems[] = {
  "土地征收未完成", "环评手续办理中", "资金到位不足", "施工许可证未办理", "征地拆迁进度滞后",
  "规划调整待批复", "用地指标未落实", "企业融资困难，施工队伍未进场",
};

/* 下步计划 answering each of lag_problems. */
static const char *const lag_next_steps[] = {
  "协调自然资源部门加快土地征收", "督促企业尽快取得环评批复", "加快资金筹措，争取专项债支持",
  "协调住建部门加快办理施工许可", "属地加大征地拆迁工作力度", "加快规划调整报批",
  "积极争取用地指标", "协调金融机构支持，督促施工队伍进场",
};

/* 形象进度 of a project in preparation (前期), step by step through the year. */
static const char *const preparatory_steps[] = {
  "完成项目建议书编制", "完成可行性研究报告编制", "办理用地预审和选址意见", "开展环境影响评价",
  "完成初步设计", "开展施工图设计", "办理施工许可前期手续",
};

static const char *const mobile_prefixes[] = {
  "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152",
  "155", "156", "158", "159", "176", "177", "180", "182", "185", "186", "187", "189",
};

static const char *const company_places[] = { "河南", "郑州", "登封市" };
static const char *const company_brands[] = {
  "嵩泰", "中岳", "颍丰", "禹鼎", "华瑞", "宏达", "金鼎", "鑫源", "天中", "嵩基",
  "恒信", "瑞祥", "豫隆", "登峰", "少室", "太室", "嵩阳", "箕山", "崇高", "阳城",
};
static const char *const company_trades[N_KINDS][4] = {
  [KIND_TOURISM] = { "文化旅游开发有限公司", "旅游发展有限公司", "文旅产业有限公司" },
  [KIND_INDUSTRY] = { "新材料科技有限公司", "耐火材料有限公司", "新型建材有限公司",
                      "装备制造有限公司" },
  [KIND_FARM] = { "农业开发有限公司", "农业科技有限公司", "林果种植专业合作社" },
  [KIND_MEDICINE] = { "生物医药有限公司", "中药饮片有限公司", "药业有限公司" },
  [KIND_FURNITURE] = { "家居有限公司", "木业有限公司" },
  [KIND_SERVICE] = { "物流有限公司", "商贸有限公司", "置业有限公司" },
};

static void
demo_free (Demo *demo)
{
  g_rand_free (demo->rand);
  g_ptr_array_unref (demo->localities);
  g_array_unref (demo->officers);
  g_array_unref (demo->leaders);
  g_hash_table_unref (demo->people);
  g_hash_table_unref (demo->project_names);
  g_strfreev (demo->industries);
  g_free (demo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

/* Every draw is a statement of its own: C leaves the order of a call's arguments open, and the
 * data must be the same whatever the compiler. */
static char *
mobile_phone (Demo *demo)
{
  const char *prefix = mobile_prefixes[pick (demo, G_N_ELEMENTS (mobile_prefixes))];
  int high = pick (demo, 10000);
  int low = pick (demo, 10000);

  return g_strdup_printf ("%s%04d%04d", prefix, high, low);
}

char *
tj_demo_office_phone (Demo *demo)
{
  int exchange = chance (demo, 0.7) ? 2 : 0;
  int line = pick (demo, 1000000);

  return g_strdup_printf ("0371-6%d%06d", exchange, line);
}

static char *
person_name (Demo *demo)
{
  const char *surname = surnames[pick (demo, G_N_ELEMENTS (surnames))];
  const char *given = given_names[pick (demo, G_N_ELEMENTS (given_names))];

  return g_strconcat (surname, given, NULL);
}

/* People listed in the database have names of their own. */
char *
tj_demo_person_name (Demo *demo)
{
  for (;;)
    {
      g_autofree char *name = person_name (demo);

      if (g_hash_table_add (demo->people, g_strdup (name)))
        return g_steal_pointer (&name);
    }
}

static int
year_of (const char *iso_month)
{
  return iso_month != NULL ? atoi (iso_month) : 0;
}

/* The owner's contact: not one of the people on the lists. */
char *
tj_demo_contact_name (Demo *demo)
{
  for (;;)
    {
      g_autofree char *name = person_name (demo);

      if (!g_hash_table_contains (demo->people, name))
        return g_steal_pointer (&name);
    }
}

static char *
month_text (int index)
{
  return g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1);
}

static char *
date_in_month (Demo *demo,
               int   index)
{
  return g_strdup_printf ("%04d-%02d-%02d", index / 12, index % 12 + 1, 1 + pick (demo, 28));
}

/* A figure as an office writes it: three significant digits of 万元 (whole 万元 below 1 000). */
static gint64
round_wan (double wan)
{
  double scale = wan >= 1000 ? pow (10, floor (log10 (wan)) - 2) : 1;

  return MAX (1, (gint64) (round (wan / scale) * scale)) * TJ_YUAN_PER_WAN;
}

static gint64
total_investment (Demo   *demo,
                  TjLevel level)
{
  static const double ranges[TJ_LEVEL_N][2] = {
    [TJ_LEVEL_PROVINCIAL] = { 50000, 300000 },
    [TJ_LEVEL_PREFECTURAL] = { 10000, 100000 },
    [TJ_LEVEL_CITY] = { 1000, 40000 },
  };
  double wan = exp (g_rand_double_range (demo->rand, log (ranges[level][0]),
                                         log (ranges[level][1])));
  gint64 yuan = round_wan (wan);

  /* Now and then a figure down to the hundred yuan: 3 860.36 */
  if (chance (demo, 0.2))
    yuan += (1 + pick (demo, 99)) * 100;
  return yuan;
}

static gint64
annual_plan (Demo     *demo,
             gint64    total,
             TjNature  nature)
{
  static const double shares[TJ_NATURE_N][2] = {
    [TJ_NATURE_NEW] = { 0.25, 0.6 },
    [TJ_NATURE_CONTINUING] = { 0.2, 0.5 },
    [TJ_NATURE_COMPLETING] = { 0.3, 0.8 },
    [TJ_NATURE_PREPARATORY] = { 0.02, 0.1 },
  };
  double share = g_rand_double_range (demo->rand, shares[nature][0], shares[nature][1]);
  gint64 plan = round_wan (tj_money_to_wan (total) * share);

  return CLAMP (plan, TJ_YUAN_PER_WAN, total);
}

static TjUnit *
pick_locality (Demo  *demo,
               Where  where)
{
  g_autoptr (GPtrArray) fitting = g_ptr_array_new ();
  g_autoptr (GPtrArray) districts = g_ptr_array_new ();

  for (guint i = 0; i < demo->localities->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (demo->localities, i);
      gboolean fits = where == WHERE_ANY ||
                      (where == WHERE_CENTRE && unit->kind == TJ_UNIT_SUBDISTRICT) ||
                      (where == WHERE_COUNTRY &&
                       (unit->kind == TJ_UNIT_TOWN || unit->kind == TJ_UNIT_TOWNSHIP)) ||
                      (where == WHERE_INDUSTRY &&
                       (unit->kind == TJ_UNIT_DISTRICT || unit->kind == TJ_UNIT_TOWN));

      if (fits)
        g_ptr_array_add (fitting, unit);
      if (fits && unit->kind == TJ_UNIT_DISTRICT)
        g_ptr_array_add (districts, unit);
    }
  /* Industry gathers in the districts (工业区, 矿区): half of it goes there. */
  if (where == WHERE_INDUSTRY && districts->len > 0 && chance (demo, 0.5))
    return g_ptr_array_index (districts, pick (demo, districts->len));
  if (fitting->len == 0)
    return g_ptr_array_index (demo->localities, pick (demo, demo->localities->len));
  return g_ptr_array_index (fitting, pick (demo, fitting->len));
}

static Kind
pick_kind (Demo *demo)
{
  int total = 0, n;

  for (guint k = 0; k < N_KINDS; k++)
    total += kinds[k].weight;
  n = pick (demo, total);
  for (guint k = 0; k < N_KINDS; k++)
    if ((n -= kinds[k].weight) < 0)
      return k;
  return KIND_INDUSTRY;
}

/* A name not yet used in either year, with the locality it names or suits, and whether it is a
 * township's own project; NULL when the kind has run out of names. */
static char *
project_name (Demo     *demo,
              Kind      kind,
              TjUnit  **locality,
              gboolean *local)
{
  g_autoptr (GArray) of_kind = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i].kind == kind)
      g_array_append_val (of_kind, i);

  for (guint attempt = 0; attempt < 50; attempt++)
    {
      guint i = g_array_index (of_kind, guint, pick (demo, of_kind->len));
      TjUnit *place = pick_locality (demo, names[i].where);
      g_auto (GStrv) parts = g_strsplit (names[i].name, "@", 2);
      g_autofree char *name = g_strjoinv (place->name, parts);

      if (g_hash_table_add (demo->project_names, g_strdup (name)))
        {
          *locality = place;
          *local = strchr (names[i].name, '@') != NULL;
          return g_steal_pointer (&name);
        }
    }
  return NULL;
}

static char *
project_content (Demo *demo,
                 Kind  kind)
{
  static const char *const road_grades[] = { "一级公路", "二级公路", "城市主干路", "城市次干路" };
  int a = pick (demo, 1000);
  int b = pick (demo, 1000);
  int c = pick (demo, 1000);
  int d = pick (demo, 1000);

  switch (kind)
    {
    case KIND_TOURISM:
      return g_strdup_printf ("建设游客服务中心、生态停车场、游步道及配套设施，"
                              "总建筑面积约%d平方米",
                              (2 + a % 40) * 1000);
    case KIND_INDUSTRY:
      return g_strdup_printf ("新建标准化生产车间%d平方米，购置生产及环保设备%d台（套），"
                              "达产后年产值约%d亿元",
                              (1 + a % 30) * 2000, 20 + b % 200, 1 + c % 15);
    case KIND_SEWAGE:
      return g_strdup_printf ("新建日处理%d吨污水处理厂一座，配套建设污水管网%d公里",
                              (1 + a % 20) * 1000, 5 + b % 40);
    case KIND_ROAD:
      return g_strdup_printf ("道路全长%d.%d公里，按%s标准建设，路基宽%d米", 2 + a % 25, b % 10,
                              road_grades[c % G_N_ELEMENTS (road_grades)], 12 + 2 * (d % 14));
    case KIND_HOUSING:
      return g_strdup_printf ("总建筑面积约%d万平方米，建设安置住房%d套及配套设施", 3 + a % 30,
                              (4 + b % 30) * 100);
    case KIND_SCHOOL:
      return g_strdup_printf ("占地%d亩，建设教学楼、实验楼、宿舍楼及运动场，建筑面积%d平方米",
                              20 + a % 180, (5 + b % 60) * 1000);
    case KIND_HEALTH:
      return g_strdup_printf ("总建筑面积%d平方米，新增床位%d张，购置医疗设备",
                              (5 + a % 50) * 1000, (5 + b % 60) * 10);
    case KIND_WATER:
      return g_strdup_printf ("治理河道及沟渠%d公里，建设堤防、护岸、供水管网及生态景观工程",
                              5 + a % 40);
    case KIND_FARM:
      return g_strdup_printf ("建设高标准农田及林果基地%d亩，配套灌溉、田间道路及林网工程",
                              (5 + a % 95) * 100);
    case KIND_MEDICINE:
      return g_strdup_printf ("建设中药材种植基地%d亩及提取加工车间%d平方米",
                              (10 + a % 90) * 100, (2 + b % 20) * 1000);
    case KIND_FURNITURE:
      return g_strdup_printf ("建设生产车间及仓储用房%d平方米，购置自动化生产线%d条",
                              (1 + a % 20) * 5000, 2 + b % 10);
    case KIND_CITY:
      return g_strdup_printf ("新建及改造管网%d公里，配套建设附属设施及绿化工程", 5 + a % 60);
    case KIND_SERVICE:
    case N_KINDS:
    default:
      return g_strdup_printf ("总建筑面积%d平方米，建设仓储、交易、展示及配套服务设施",
                              (1 + a % 40) * 5000);
    }
}

static char *
owner_company (Demo *demo,
               Kind  kind)
{
  const char *const *trades = company_trades[kind];
  const char *place, *brand;
  guint n_trades = 0;

  if (kinds[kind].owner != NULL)
    return g_strdup (kinds[kind].owner);
  while (n_trades < G_N_ELEMENTS (company_trades[kind]) && trades[n_trades] != NULL)
    n_trades++;
  place = company_places[pick (demo, G_N_ELEMENTS (company_places))];
  brand = company_brands[pick (demo, G_N_ELEMENTS (company_brands))];
  return g_strconcat (place, brand, trades[pick (demo, n_trades)], NULL);
}

static const char *
industry_of (Demo *demo,
             Kind  kind)
{
  guint n = g_strv_length (demo->industries);

  if (g_strv_contains ((const char *const *) demo->industries, kinds[kind].industry))
    return kinds[kind].industry;
  /* Another county's list: any of its own industries. */
  return n > 0 ? demo->industries[kind % n] : NULL;
}

static gint64
officer_of (Demo   *demo,
            TjUnit *locality)
{
  for (guint i = 0; i < demo->localities->len; i++)
    if (g_ptr_array_index (demo->localities, i) == locality)
      return g_array_index (demo->officers, gint64, 2 * i + pick (demo, 2));
  return g_array_index (demo->officers, gint64, 0);
}

static TjLevel
pick_level (Demo *demo)
{
  double x = g_rand_double (demo->rand);

  return x < 0.10 ? TJ_LEVEL_PROVINCIAL : x < 0.32 ? TJ_LEVEL_PREFECTURAL : TJ_LEVEL_CITY;
}

static TjNature
pick_nature (Demo    *demo,
             gboolean current)
{
  /* A first listing in the current year is mostly a new start; the carried-over projects
   * bring the continuing ones. */
  static const double current_shares[] = { 0.60, 0.15, 0.10 };
  static const double previous_shares[] = { 0.45, 0.30, 0.15 };
  const double *shares = current ? current_shares : previous_shares;
  double x = g_rand_double (demo->rand);

  if (x < shares[0])
    return TJ_NATURE_NEW;
  if (x < shares[0] + shares[1])
    return TJ_NATURE_CONTINUING;
  if (x < shares[0] + shares[1] + shares[2])
    return TJ_NATURE_COMPLETING;
  return TJ_NATURE_PREPARATORY;
}

/* The planned months for the project's nature, and what has happened by `as_of` (a month
 * index): actual start, completion, statistics entry. */
static void
plan_schedule (Demo      *demo,
               TjProject *p,
               int        as_of)
{
  int january = p->year * 12;
  int start, finish, started = -1;

  switch (p->nature)
    {
    case TJ_NATURE_CONTINUING:
      start = january - 3 - pick (demo, 22);
      finish = january + 12 + pick (demo, 25);
      break;
    case TJ_NATURE_COMPLETING:
      start = january - 6 - pick (demo, 25);
      finish = january + 2 + pick (demo, 10);
      break;
    case TJ_NATURE_PREPARATORY:
      start = january + 12 + pick (demo, 7);
      finish = start + 12 + pick (demo, 19);
      break;
    case TJ_NATURE_NEW:
    case TJ_NATURE_NONE:
    case TJ_NATURE_N:
    default:
      start = january + pick (demo, 9);
      finish = start + 10 + pick (demo, 22);
      break;
    }
  g_free (p->planned_start);
  g_free (p->planned_completion);
  g_free (p->actual_start);
  g_free (p->actual_completion);
  g_free (p->stats_date);
  p->planned_start = month_text (start);
  p->planned_completion = month_text (finish);
  p->actual_start = p->actual_completion = p->stats_date = NULL;

  if (p->nature == TJ_NATURE_NEW && start <= as_of && chance (demo, 0.8))
    {
      started = chance (demo, 0.15) ? start - 1 : start + pick (demo, 2); /* 提前开工 */
      started = CLAMP (started, january, as_of);
    }
  else if (p->nature == TJ_NATURE_CONTINUING || p->nature == TJ_NATURE_COMPLETING)
    started = start + pick (demo, 2);
  if (started < 0)
    return;
  p->actual_start = date_in_month (demo, started);

  if (p->nature == TJ_NATURE_COMPLETING && finish <= as_of && chance (demo, 0.6))
    {
      int done = finish - 1 + pick (demo, 3);

      done = MIN (MAX (done, started + 1), as_of);
      if (done > started)
        p->actual_completion = date_in_month (demo, done);
    }
  /* 统计入库 follows the start by a month or two, for most. */
  if (chance (demo, 0.7))
    {
      int entered = started + 1 + pick (demo, 2);

      if (entered <= as_of)
        p->stats_date = date_in_month (demo, entered);
    }
}

static char *
project_code (Demo      *demo,
              TjProject *p,
              Kind       kind)
{
  return g_strdup_printf ("%.4s-" AREA_CODE "-%s-%s-%06d", p->planned_start, kinds[kind].code,
                          kinds[kind].owner != NULL ? "01" : "03", pick (demo, 1000000));
}

/* A project first listed in `year`; NULL when every name has been used. */
static TjProject *
new_project (Demo    *demo,
             int      year,
             int      as_of,
             gboolean current)
{
  g_autoptr (TjProject) p = tj_project_new ();
  TjUnit *locality = NULL;
  Kind kind = KIND_INDUSTRY;
  gboolean local = FALSE;
  gint64 unit_id;

  for (guint attempt = 0; attempt < 20 && p->name == NULL; attempt++)
    {
      kind = pick_kind (demo);
      p->name = project_name (demo, kind, &locality, &local);
    }
  if (p->name == NULL)
    return NULL;

  p->year = year;
  p->level = pick_level (demo);
  /* A township's own project is not on the province's list. */
  if (local && p->level == TJ_LEVEL_PROVINCIAL)
    p->level = TJ_LEVEL_PREFECTURAL;
  p->nature = pick_nature (demo, current);
  p->industry = g_strdup (industry_of (demo, kind));
  p->content = project_content (demo, kind);
  p->locality_id = locality->id;
  unit_id = kinds[kind].unit != NULL ? tj_unit_find (demo->db, kinds[kind].unit) : 0;
  p->unit_id = unit_id != 0 ? unit_id : locality->id;
  /* 推进机制 (一): provincial and prefectural projects have a city leader; many others too. */
  if (p->level != TJ_LEVEL_CITY || chance (demo, 0.35))
    p->leader_id = g_array_index (demo->leaders, gint64, pick (demo, demo->leaders->len));
  p->officer_id = officer_of (demo, locality);
  p->owner = owner_company (demo, kind);
  p->contact = tj_demo_contact_name (demo);
  p->phone = chance (demo, 0.8) ? mobile_phone (demo) : tj_demo_office_phone (demo);
  p->total_investment = total_investment (demo, p->level);
  p->annual_plan = annual_plan (demo, p->total_investment, p->nature);
  plan_schedule (demo, p, as_of);
  p->code = project_code (demo, p, kind);
  return g_steal_pointer (&p);
}

/* 结转: the copy on the next year's list, linked to the record it came from. A project in
 * preparation becomes a new start; one under way continues, or completes this year. */
static TjProject *
carry_over (Demo      *demo,
            TjProject *from,
            int        year,
            int        as_of)
{
  TjProject *p = tj_project_copy (from);

  p->id = 0;
  p->carried_from = from->id;
  p->year = year;
  g_clear_pointer (&p->created, g_free);
  g_clear_pointer (&p->updated, g_free);
  if (from->nature == TJ_NATURE_PREPARATORY)
    {
      p->nature = TJ_NATURE_NEW;
      plan_schedule (demo, p, as_of);
    }
  else if (year_of (p->planned_completion) == year)
    {
      int finish = tj_month_index (p->planned_completion);

      p->nature = TJ_NATURE_COMPLETING;
      if (finish <= as_of && chance (demo, 0.6))
        p->actual_completion = date_in_month (demo, finish);
    }
  else
    p->nature = TJ_NATURE_CONTINUING;
  p->annual_plan = annual_plan (demo, p->total_investment, p->nature);
  return p;
}

static gboolean
add_people (Demo    *demo,
            GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (leader_posts); i++)
    {
      g_autoptr (TjPerson) person = tj_person_new ();

      person->name = tj_demo_person_name (demo);
      person->post = g_strdup (leader_posts[i]);
      person->phone = mobile_phone (demo);
      person->is_leader = TRUE;
      if (!tj_person_write (demo->db, person, error))
        return FALSE;
      g_array_append_val (demo->leaders, person->id);
    }

  for (guint i = 0; i < demo->localities->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (demo->localities, i);

      for (guint k = 0; k < 2; k++)
        {
          g_autoptr (TjPerson) person = tj_person_new ();

          person->name = tj_demo_person_name (demo);
          person->post = g_strdup (officer_posts[unit->kind][k]);
          person->unit_id = unit->id;
          person->phone = mobile_phone (demo);
          person->is_officer = TRUE;
          if (!tj_person_write (demo->db, person, error))
            return FALSE;
          g_array_append_val (demo->officers, person->id);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autoptr (TjPerson) person = tj_person_new ();

      person->name = tj_demo_person_name (demo);
      person->post = g_strdup (staff[i].post);
      person->unit_id = tj_unit_find (demo->db, staff[i].unit);
      person->phone = tj_demo_office_phone (demo);
      person->is_staff = TRUE;
      if (!tj_person_write (demo->db, person, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_projects (Demo    *demo,
              int      current_year,
              GError **error)
{
  g_autoptr (GPtrArray) previous = g_ptr_array_new_with_free_func (g_object_unref);
  int previous_year = current_year - 1;
  int previous_as_of = previous_year * 12 + 11;
  int current_as_of = current_year * 12 + CURRENT_AS_OF_MONTH - 1;
  guint listed = 0;

  for (guint i = 0; i < PREVIOUS_YEAR_PROJECTS; i++)
    {
      g_autoptr (TjProject) p = new_project (demo, previous_year, previous_as_of, FALSE);

      if (p == NULL)
        break;
      if (!tj_project_write (demo->db, p, FALSE, error))
        return FALSE;
      g_ptr_array_add (previous, g_steal_pointer (&p));
    }

  /* What was under way or in preparation at the end of last year, and not dropped (退出). */
  for (guint i = 0; i < previous->len && listed < CURRENT_YEAR_PROJECTS; i++)
    {
      TjProject *from = g_ptr_array_index (previous, i);
      gboolean under_way = (from->nature == TJ_NATURE_NEW ||
                            from->nature == TJ_NATURE_CONTINUING) &&
                           from->actual_start != NULL &&
                           year_of (from->planned_completion) >= current_year;
      g_autoptr (TjProject) p = NULL;

      if (!(under_way || from->nature == TJ_NATURE_PREPARATORY) || !chance (demo, 0.85))
        continue;
      p = carry_over (demo, from, current_year, current_as_of);
      if (!tj_project_write (demo->db, p, FALSE, error))
        return FALSE;
      listed++;
    }

  for (; listed < CURRENT_YEAR_PROJECTS; listed++)
    {
      g_autoptr (TjProject) p = new_project (demo, current_year, current_as_of, TRUE);

      if (p == NULL)
        break;
      if (!tj_project_write (demo->db, p, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

/* 形象进度 once a project has done `share` of the year's work. */
static char *
visual_progress (TjProject *p,
                 double     share)
{
  int percent = CLAMP ((int) round (share * 20) * 5, 5, 95);

  if (share < 0.08)
    return g_strdup ("场地平整，基础施工");
  if (share < 0.2)
    return g_strdup ("完成基础工程");
  if (share >= 0.97)
    return g_strdup (p->nature == TJ_NATURE_COMPLETING ? "设备安装调试，准备竣工验收"
                                                       : "主体完工，进行附属工程施工");
  if (g_strcmp0 (p->industry, "交通") == 0)
    return g_strdup_printf ("路基路面施工%d%%", percent);
  if (g_strcmp0 (p->industry, "农林水") == 0)
    return g_strdup_printf ("完成工程量%d%%", percent);
  if (share >= 0.85)
    return g_strdup ("主体封顶，装饰装修");
  return g_strdup_printf ("主体施工%d%%", percent);
}

/* The month of `year` a date falls in: 1 for an earlier year, 13 for a later one, 0 without a
 * date. */
int
tj_demo_month_of (const char *date,
                  int         year)
{
  if (date == NULL)
    return 0;
  if (year_of (date) < year)
    return 1;
  return year_of (date) == year ? atoi (date + 5) : 13;
}

/* The monthly reports (月报) of one project for months 1..last_month of its year: work from its
 * actual start to its completion, at a pace of its own between badly behind and ahead of plan.
 * A project not started reports nothing done. */
static gboolean
add_project_reports (Demo      *demo,
                     TjProject *p,
                     int        last_month,
                     gboolean   correct,
                     GError   **error)
{
  int first = tj_demo_month_of (p->actual_start, p->year);
  int done = tj_demo_month_of (p->actual_completion, p->year);
  int end = done != 0 ? done : 12;
  double x = g_rand_double (demo->rand);
  double pace;
  double weights[13] = { 0 };
  double total_weight = 0;
  gint64 amounts[13] = { 0 };
  gint64 cumulative = 0, target;
  int problem = -1;
  gboolean skip_last;

  /* A few projects badly behind, some behind, most on or ahead of plan. */
  if (x < 0.08)
    pace = g_rand_double_range (demo->rand, 0.25, 0.5);
  else if (x < 0.25)
    pace = g_rand_double_range (demo->rand, 0.6, 0.85);
  else
    pace = g_rand_double_range (demo->rand, 0.95, 1.4);
  if (pace < 0.8 || (first == 0 && p->nature != TJ_NATURE_PREPARATORY))
    problem = pick (demo, G_N_ELEMENTS (lag_problems));
  /* Now and then the current month is not in yet (未报). */
  skip_last = last_month < 12 && chance (demo, 0.05);

  if (p->nature == TJ_NATURE_PREPARATORY)
    first = 1;
  for (int m = MAX (first, 1); first != 0 && m <= end; m++)
    {
      weights[m] = month_weights[m] * g_rand_double_range (demo->rand, 0.75, 1.25);
      total_weight += weights[m];
    }
  target = (gint64) (p->annual_plan * pace);
  for (int m = 1; m <= 12 && total_weight > 0; m++)
    amounts[m] = (gint64) round (target * weights[m] / total_weight / 100) * 100;

  for (int m = 1; m <= last_month && !(skip_last && m == last_month); m++)
    {
      g_autofree char *progress = NULL;
      const char *problems = "无";
      const char *next_steps = "加快施工进度，确保完成年度投资计划";
      gint64 completed = amounts[m];

      /* 推进机制 (十): a figure an inspection found overstated (虚报) is taken back. */
      if (correct && m == 6)
        completed = -(gint64) round (cumulative * 0.1 / TJ_YUAN_PER_WAN) * TJ_YUAN_PER_WAN;
      cumulative += completed;

      if (p->nature == TJ_NATURE_PREPARATORY)
        {
          progress = g_strdup (preparatory_steps[(m - 1) * G_N_ELEMENTS (preparatory_steps) / 12]);
          next_steps = "加快前期手续办理，争取早日开工";
        }
      else if (first == 0 || m < first)
        {
          progress = g_strdup ("办理施工前期手续");
          next_steps = "加快办理开工手续，争取早日开工";
        }
      else if (done != 0 && m > done)
        {
          progress = g_strdup ("已竣工投用");
          next_steps = "做好竣工决算和投资统计";
        }
      else if (correct && m == 6)
        {
          progress = g_strdup ("核减前期重复统计投资");
          next_steps = "规范投资统计口径";
        }
      else
        progress = visual_progress (p, target > 0 ? (double) cumulative / target : 0);

      if (problem >= 0 && (first == 0 || m >= first))
        {
          problems = lag_problems[problem];
          next_steps = lag_next_steps[problem];
        }
      else if ((m == 7 || m == 8) && chance (demo, 0.1))
        problems = "雨季施工受影响";

      if (!tj_progress_write (demo->db, p->id, m, completed, progress, problems, next_steps, error))
        return FALSE;
    }
  return TRUE;
}

/* Every project of the year reports its months up to last_month; one continuing project of the
 * current year corrects an overstated figure in June. */
static gboolean
add_reports (Demo    *demo,
             int      year,
             int      last_month,
             GError **error)
{
  g_autoptr (GPtrArray) projects = tj_project_list (demo->db, year, error);
  gboolean corrected = last_month == 12;

  if (projects == NULL)
    return FALSE;
  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);
      gboolean correct = !corrected && last_month >= 6 && p->nature == TJ_NATURE_CONTINUING &&
                         p->actual_completion == NULL;

      if (!add_project_reports (demo, p, last_month, correct, error))
        return FALSE;
      corrected = corrected || correct;
    }
  return TRUE;
}

/* Agency cases: the projects of the current year that have approvals ahead (新开工 and 前期),
 * this many of them; the first one's items go through one window together (并联). */
#define DEMO_AGENCY_CASES 10

static const char *const delivery_methods[] = { "窗口领取", "邮寄送达", "代办员送达" };

/* "2026-10-31": the day the current year is seen from. */
char *
tj_demo_as_of_day (int year)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, CURRENT_AS_OF_MONTH,
                          g_date_get_days_in_month (CURRENT_AS_OF_MONTH, year));
}

/* The n-th working day after a date, by the calendar. */
static char *
workday_after (TjCalendar *calendar,
               const char *date,
               int         n)
{
  return tj_calendar_deadline (calendar, date, n);
}

/* One approval item of a case, accepted on `accepted`; what became of it by as_of is drawn: most
 * finished on time (within the green channel's half limit when green), some late, a few still
 * open past their deadline, reminded by the agent. The items of a batch all finish on time. */
static gboolean
add_item (Demo             *demo,
          TjCalendar       *calendar,
          TjAgencyCase     *agency_case,
          TjCatalogueEntry *entry,
          gint64            batch_id,
          const char       *accepted,
          gboolean          green,
          const char       *agent,
          const char       *as_of,
          char            **last_delivered,
          gboolean         *all_finished,
          GError          **error)
{
  g_autoptr (TjApprovalItem) item = tj_approval_item_new ();
  g_autofree char *deadline = NULL;
  g_autofree char *finished = NULL;
  double outcome = g_rand_double (demo->rand);
  gboolean recent = strcmp (accepted, as_of) > 0 || tj_month_index (accepted) % 12 + 1 >= 9;

  item->project_id = agency_case->project_id;
  item->case_id = agency_case->id;
  item->batch_id = batch_id;
  item->name = g_strdup (entry->name);
  item->stage = entry->stage;
  item->unit_id = entry->unit_id;
  item->statutory_days = entry->statutory_days;
  item->committed_days = green ? tj_approval_green_committed (entry->statutory_days)
                         : entry->statutory_days >= 10 ? entry->statutory_days - pick (demo, 3)
                                                       : entry->statutory_days;
  item->green = green;
  item->handler = tj_demo_contact_name (demo);
  item->accepted = g_strdup (accepted);
  if (batch_id != 0)
    item->copied = g_strdup (accepted);
  deadline = workday_after (calendar, accepted, item->committed_days);

  if (batch_id == 0 && ((recent && outcome < 0.5) || outcome < 0.1))
    finished = NULL;
  else if (outcome < 0.25 && batch_id == 0)
    finished = workday_after (calendar, accepted, item->committed_days + 1 + pick (demo, 5));
  else
    finished = workday_after (calendar, accepted, pick (demo, item->committed_days + 1));
  if (finished != NULL && strcmp (finished, as_of) > 0)
    g_clear_pointer (&finished, g_free);
  item->finished = g_strdup (finished);
  if (finished != NULL)
    {
      g_autofree char *delivered = workday_after (calendar, finished, pick (demo, 3));

      if (strcmp (delivered, as_of) <= 0)
        {
          item->delivered = g_strdup (delivered);
          if (*last_delivered == NULL || strcmp (delivered, *last_delivered) > 0)
            {
              g_free (*last_delivered);
              *last_delivered = g_strdup (delivered);
            }
        }
    }
  *all_finished = *all_finished && finished != NULL;
  if (!tj_approval_item_write (demo->db, item, error))
    return FALSE;

  /* 催办: the agent chases an item the day after its deadline passed. */
  if (finished == NULL && strcmp (deadline, as_of) < 0)
    {
      g_autofree char *reminded = workday_after (calendar, deadline, 1);

      if (strcmp (reminded, as_of) <= 0 &&
          !tj_approval_reminder_write (demo->db, item->id, reminded, agent,
                                       "电话催办，请尽快办结", error))
        return FALSE;
    }
  return TRUE;
}

/* 推进机制 (三)(四): the service centre's agents take on the approvals of some current-year
 * projects, free of charge; half of them in the green channel. */
static gboolean
add_approvals (Demo    *demo,
               int      year,
               GError **error)
{
  g_autoptr (TjCalendar) calendar = tj_calendar_load (demo->db, error);
  g_autoptr (GPtrArray) catalogue = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  g_autoptr (GPtrArray) agents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) agent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *as_of = tj_demo_as_of_day (year);
  gint64 lead_unit = tj_unit_find (demo->db, "发改委");
  guint n = 0;

  if (calendar == NULL || (catalogue = tj_catalogue_list (demo->db, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < catalogue->len; i++)
    {
      TjCatalogueEntry *entry = g_ptr_array_index (catalogue, i);

      if (entry->unit_id != 0 && entry->stage != TJ_STAGE_ACCEPTANCE)
        g_ptr_array_add (entries, entry);
    }
  stmt = tj_db_prepare (demo->db,
                        "SELECT p.id, p.name FROM people p JOIN units u ON u.id = p.unit_id "
                        "WHERE p.is_staff AND u.name = '行政服务中心' ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (agent_ids, id);
      g_ptr_array_add (agents, tj_db_column_dup (stmt, 1));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (entries->len == 0 || agent_ids->len == 0)
    return TRUE;

  stmt = tj_db_prepare (demo->db,
                        "SELECT id, owner, contact, phone FROM projects WHERE year = ? AND "
                        "nature IN ('new', 'preparatory') ORDER BY id LIMIT ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, DEMO_AGENCY_CASES);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (TjAgencyCase) agency_case = tj_agency_case_new ();
      g_autoptr (TjApprovalBatch) batch = NULL;
      g_autoptr (GString) plan = g_string_new ("代办事项：");
      g_autofree char *first = NULL;
      g_autofree char *last_delivered = NULL;
      int month = 1 + (int) (n * (CURRENT_AS_OF_MONTH - 1) / DEMO_AGENCY_CASES);
      guint n_items = 3 + pick (demo, 3);
      guint start = pick (demo, entries->len);
      gboolean green = n % 2 == 0;
      gboolean all_finished = TRUE;
      const char *agent = g_ptr_array_index (agents, n % agents->len);

      agency_case->project_id = sqlite3_column_int64 (stmt, 0);
      agency_case->company = tj_db_column_dup (stmt, 1);
      agency_case->contact = tj_db_column_dup (stmt, 2);
      agency_case->phone = tj_db_column_dup (stmt, 3);
      agency_case->entrusted = date_in_month (demo, year * 12 + month - 1);
      agency_case->agent_id = g_array_index (agent_ids, gint64, n % agent_ids->len);
      agency_case->status = TJ_CASE_IN_PROGRESS;
      for (guint k = 0; k < n_items; k++)
        {
          TjCatalogueEntry *entry = g_ptr_array_index (entries, (start + k) % entries->len);

          g_string_append_printf (plan, "%s%s", k > 0 ? "、" : "", entry->name);
        }
      g_string_append_printf (plan, "；%s绿色通道，按承诺时限办结。", green ? "走" : "不走");
      agency_case->plan = g_strdup (plan->str);
      if (!tj_agency_case_write (demo->db, agency_case, error))
        return FALSE;

      first = workday_after (calendar, agency_case->entrusted, 2 + pick (demo, 3));
      if (n == 0)
        {
          /* 一门受理、抄告相关、同时办理: the first case's items at one window, every one
           * finished. */
          batch = tj_approval_batch_new ();
          batch->project_id = agency_case->project_id;
          batch->lead_unit_id = lead_unit;
          batch->accepted = g_strdup (first);
          batch->notes = g_strdup ("发改委牵头，一门受理、抄告相关、同时办理、限时办结、统一送达");
          if (!tj_approval_batch_write (demo->db, batch, error))
            return FALSE;
        }
      for (guint k = 0; k < n_items; k++)
        {
          TjCatalogueEntry *entry = g_ptr_array_index (entries, (start + k) % entries->len);
          g_autofree char *accepted =
            batch != NULL ? g_strdup (first)
                          : workday_after (calendar, first, (int) k * (1 + pick (demo, 4)));

          if (!add_item (demo, calendar, agency_case, entry, batch != NULL ? batch->id : 0,
                         accepted, green, agent, as_of, &last_delivered, &all_finished, error))
            return FALSE;
        }

      if (all_finished)
        {
          agency_case->status = TJ_CASE_FINISHED;
          agency_case->delivered = g_strdup (last_delivered);
          agency_case->delivery_method =
            g_strdup (delivery_methods[pick (demo, G_N_ELEMENTS (delivery_methods))]);
          agency_case->evaluation = chance (demo, 0.8) ? TJ_EVALUATION_SATISFIED
                                                       : TJ_EVALUATION_FAIRLY_SATISFIED;
          if (!tj_agency_case_write (demo->db, agency_case, error))
            return FALSE;
        }
      n++;
    }
  return TRUE;
}

static Demo *
demo_new (TjDb    *db,
          GError **error)
{
  g_autoptr (Demo) demo = g_new0 (Demo, 1);
  g_autoptr (GPtrArray) units = tj_unit_list (db, error);

  demo->db = db;
  demo->rand = g_rand_new_with_seed (DEMO_SEED);
  demo->localities = g_ptr_array_new_with_free_func (g_object_unref);
  demo->officers = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo->leaders = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo->project_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (units == NULL)
    return NULL;
  demo->industries = tj_industries_load (db, error);
  if (demo->industries == NULL)
    return NULL;
  for (guint i = 0; i < units->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (units, i);

      if (unit->active && tj_unit_is_locality (unit))
        g_ptr_array_add (demo->localities, g_object_ref (unit));
    }
  if (demo->localities->len == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, "%s",
                   _("The demo data needs at least one locality (a town, township, subdistrict "
                     "or district) in the unit list."));
      return NULL;
    }
  return g_steal_pointer (&demo);
}

/* Fills an empty database with two years of plausible key projects, their people and their
 * monthly reports, in one transaction; refuses a database that already holds projects. */
gboolean
tj_demo_fill (TjDb    *db,
              int      current_year,
              GError **error)
{
  g_autoptr (Demo) demo = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  /* the demo fills the year before too */
  g_return_val_if_fail (current_year > TJ_YEAR_FIRST && current_year <= TJ_YEAR_LAST, FALSE);

  if (!tj_db_begin_bulk (db, error))
    return FALSE;
  if (!tj_db_is_empty (db))
    {
      tj_db_rollback (db);
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, "%s",
                   _("The database already holds projects: demo data goes only into an empty "
                     "database."));
      return FALSE;
    }
  demo = demo_new (db, error);
  if (demo == NULL || !add_people (demo, error) || !add_projects (demo, current_year, error) ||
      !add_reports (demo, current_year - 1, 12, error) ||
      !add_reports (demo, current_year, CURRENT_AS_OF_MONTH, error) ||
      !add_approvals (demo, current_year, error) ||
      !tj_demo_add_meetings (demo, current_year, error) ||
      !tj_demo_add_inspections (demo, current_year, error) ||
      !tj_demo_add_mechanism (demo, current_year, error) || !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
