-- SPDX-License-Identifier: GPL-3.0-or-later
-- What a new database starts with: Dengfeng's organisation and units (DOMAIN.md, as of 2018).
-- Another county changes these in Preferences and in the unit list.
INSERT INTO settings (key, value) VALUES
  ('organisation', '登封市'),
  ('level-provincial', '省重点'),
  ('level-prefectural', '郑州市重点'),
  ('level-city', '登封市重点'),
  ('level-provincial-short', '省'),
  ('level-prefectural-short', '郑州市'),
  ('level-city-short', '登封市'),
  ('industries', '工业;农林水;交通;文化旅游及服务业;城建及基础设施;社会事业;生物医药;家居');

INSERT INTO units (name, kind, sort_order) VALUES
  ('嵩阳街道', 'subdistrict', 1), ('少林街道', 'subdistrict', 2), ('中岳街道', 'subdistrict', 3),
  ('大金店镇', 'town', 4), ('颍阳镇', 'town', 5), ('卢店镇', 'town', 6), ('告成镇', 'town', 7),
  ('东华镇', 'town', 8), ('大冶镇', 'town', 9), ('宣化镇', 'town', 10), ('徐庄镇', 'town', 11),
  ('唐庄镇', 'town', 12),
  ('君召乡', 'township', 13), ('石道乡', 'township', 14), ('白坪乡', 'township', 15),
  ('阳城工业区', 'district', 16), ('送表矿区', 'district', 17),
  ('发改委', 'department', 18), ('环保局', 'department', 19), ('国土资源局', 'department', 20),
  ('住建局', 'department', 21), ('城乡规划局', 'department', 22), ('林业局', 'department', 23),
  ('水务局', 'department', 24), ('消防大队', 'department', 25), ('文物局', 'department', 26),
  ('财政局', 'department', 27), ('交运局', 'department', 28), ('扶贫办', 'department', 29),
  ('金融办', 'department', 30), ('统计局', 'department', 31), ('行政服务中心', 'department', 32),
  ('督查考核办', 'department', 33), ('纪委监委', 'department', 34);
