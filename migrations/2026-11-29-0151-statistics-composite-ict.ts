/**
 * An ICT-readiness style index to start with, in two editions, with weights and goalposts that are
 * ILLUSTRATIVE (marked so on every page, file and API answer). Its shape follows the published
 * methods in the research notes: the Vietnam ICT Index's pillars (technical infrastructure, use,
 * IT application and online public services; scores on 0–1) and the ITU's legacy ICT Development
 * Index (reference values: fixed telephone 60 and mobile 150 per 100 inhabitants in its earlier
 * editions, 120 in 2016/17; fixed broadband 60 and active mobile broadband 100 per 100; shares 100%).
 * Also adds the derived indicator internet.subscribers_per_100, which the 2008 edition needs.
 */
import type { AnyDb } from './_lib/index.ts';

type Ind = { code: string; weight: number; higher: boolean; norm: 'goalposts' | 'minmax'; min?: number; max?: number };
type Pillar = { code: string; name_vi: string; name_en: string; weight: number; indicators: Ind[] };

const IDI_SOURCE = 'ITU MIS 2011/2016 methodology (legacy IDI reference values)';
const METHOD_COMMON_VI =
  'Mỗi chỉ tiêu được chuẩn hóa về 0–1: theo cặp ngưỡng (giá trị ≤ ngưỡng dưới là 0, ≥ ngưỡng trên là 1) hoặc theo giá trị nhỏ nhất và lớn nhất của các tỉnh có số liệu trong kỳ. Điểm trụ cột là trung bình có trọng số của các chỉ tiêu; điểm chỉ số là trung bình có trọng số của các trụ cột. Tỉnh thiếu bất kỳ chỉ tiêu nào thì không được xếp hạng, có nêu lý do; không ước tính thay số liệu thiếu. Trọng số và ngưỡng là minh họa, không phải phương pháp chính thức của Vietnam ICT Index.';
const METHOD_COMMON_EN =
  "Each indicator is normalised to 0–1: against goalposts (a value at or below the lower goalpost scores 0, at or above the upper one 1) or against the lowest and highest value among the provinces with a figure for the period. A pillar's score is the weighted mean of its indicators; the index is the weighted mean of the pillars. A province lacking any indicator is not ranked, with the reason; missing figures are never estimated. Weights and goalposts are illustrative, not the official Vietnam ICT Index method.";

const EDITIONS: { label: string; first: number; last: number | null; vi: string; en: string; pillars: Pillar[] }[] = [
  {
    label: '2008',
    first: 2008,
    last: 2012,
    vi: `Ấn bản cho các năm 2008–2012, chỉ dùng các chỉ tiêu đã được thu thập từ 2008. Ngưỡng trên của mật độ điện thoại cố định (60) và di động (150 thuê bao/100 dân) lấy theo giá trị tham chiếu của chỉ số IDI cũ của ITU. ${METHOD_COMMON_VI}`,
    en: `Edition for 2008–2012, using only indicators collected since 2008. The upper goalposts for fixed (60) and mobile telephone subscriptions (150 per 100 inhabitants) are the reference values of ITU's legacy IDI. ${METHOD_COMMON_EN}`,
    pillars: [
      {
        code: 'ha-tang', name_vi: 'Hạ tầng kỹ thuật', name_en: 'Technical infrastructure', weight: 0.4,
        indicators: [
          { code: 'telecom.fixed_phone_per_100', weight: 0.5, higher: true, norm: 'goalposts', min: 0, max: 60 },
          { code: 'telecom.mobile_per_100', weight: 0.5, higher: true, norm: 'goalposts', min: 0, max: 150 },
        ],
      },
      {
        code: 'su-dung', name_vi: 'Sử dụng', name_en: 'Use', weight: 0.3,
        indicators: [
          { code: 'internet.subscribers_per_100', weight: 0.5, higher: true, norm: 'minmax' },
          { code: 'portal.visits_per_capita', weight: 0.5, higher: true, norm: 'minmax' },
        ],
      },
      {
        code: 'ung-dung', name_vi: 'Ứng dụng CNTT và dịch vụ công trực tuyến', name_en: 'IT applications and online public services', weight: 0.3,
        indicators: [
          { code: 'eservices.online_services_level1', weight: 0.5, higher: true, norm: 'minmax' },
          { code: 'eservices.online_services_level2', weight: 0.5, higher: true, norm: 'minmax' },
        ],
      },
    ],
  },
  {
    label: '2013',
    first: 2013,
    last: null,
    vi: `Ấn bản từ năm 2013: thêm băng rộng, tỷ lệ người dùng và hộ gia đình có Internet, dịch vụ công mức độ 3 và 4. Ngưỡng trên theo giá trị tham chiếu của IDI cũ (di động 120 như các ấn bản 2016/17; băng rộng cố định 60; băng rộng di động 100; tỷ lệ 100%). ${METHOD_COMMON_VI}`,
    en: `Edition from 2013: adds broadband, Internet users and households with Internet, and level 3 and 4 online services. Upper goalposts are the legacy IDI reference values (mobile 120 as in its 2016/17 editions; fixed broadband 60; mobile broadband 100; shares 100%). ${METHOD_COMMON_EN}`,
    pillars: [
      {
        code: 'ha-tang', name_vi: 'Hạ tầng kỹ thuật', name_en: 'Technical infrastructure', weight: 0.4,
        indicators: [
          { code: 'telecom.mobile_per_100', weight: 0.3333, higher: true, norm: 'goalposts', min: 0, max: 120 },
          { code: 'internet.fixed_broadband_per_100', weight: 0.3333, higher: true, norm: 'goalposts', min: 0, max: 60 },
          { code: 'telecom.mobile_broadband_per_100', weight: 0.3334, higher: true, norm: 'goalposts', min: 0, max: 100 },
        ],
      },
      {
        code: 'su-dung', name_vi: 'Sử dụng', name_en: 'Use', weight: 0.3,
        indicators: [
          { code: 'internet.users_pct', weight: 0.4, higher: true, norm: 'goalposts', min: 0, max: 100 },
          { code: 'internet.households_with_internet_pct', weight: 0.4, higher: true, norm: 'goalposts', min: 0, max: 100 },
          { code: 'portal.visits_per_capita', weight: 0.2, higher: true, norm: 'minmax' },
        ],
      },
      {
        code: 'ung-dung', name_vi: 'Ứng dụng CNTT và dịch vụ công trực tuyến', name_en: 'IT applications and online public services', weight: 0.3,
        indicators: [
          { code: 'eservices.online_services_level3', weight: 0.5, higher: true, norm: 'minmax' },
          { code: 'eservices.online_services_level4', weight: 0.5, higher: true, norm: 'minmax' },
        ],
      },
    ],
  },
];

export async function up(db: AnyDb): Promise<void> {
  const at = new Date().toISOString();
  const after = await db.selectFrom('stat_indicators').select('sort_order').where('code', '=', 'internet.subscribers').executeTakeFirst();
  await db
    .insertInto('stat_indicators')
    .values({
      code: 'internet.subscribers_per_100', category: 'internet',
      name_vi: 'Thuê bao truy nhập Internet trên 100 dân', name_en: 'Internet access subscriptions per 100 inhabitants',
      definition_vi: 'Số thuê bao truy nhập Internet chia cho dân số trung bình, nhân 100 (tương tự chỉ tiêu quốc gia 1202, Thông tư 06/2018/TT-BKHĐT).',
      definition_en: 'Internet access subscriptions divided by the average population, times 100 (cf. national indicator 1202, Circular 06/2018/TT-BKHĐT).',
      unit_vi: 'thuê bao/100 dân', unit_en: 'per 100 inhabitants',
      source_vi: 'Thông tư 03/2022/TT-BTTTT; Thông tư 06/2018/TT-BKHĐT', source_en: 'Circular 03/2022/TT-BTTTT; Circular 06/2018/TT-BKHĐT',
      itu_code: null, periodicity: 'year', unit_aggregation: 'sum', time_aggregation: 'latest',
      formula: 'internet.subscribers / population * 100', decimals: 2, higher_is_better: 1,
      sort_order: Number(after?.sort_order ?? 900) + 5, created_at: at, updated_at: at,
    })
    .execute();

  const index = await db
    .insertInto('stat_indices')
    .values({
      code: 'ict-readiness',
      name_vi: 'Chỉ số sẵn sàng ứng dụng CNTT-TT (minh họa)',
      name_en: 'ICT readiness index (illustrative)',
      description_vi: 'Chỉ số tổng hợp xếp hạng các tỉnh, thành phố theo hạ tầng kỹ thuật, mức độ sử dụng và ứng dụng CNTT, dịch vụ công trực tuyến, theo cách của Vietnam ICT Index. Trọng số và ngưỡng là minh họa.',
      description_en: 'A composite index ranking provinces by technical infrastructure, use, and IT applications and online public services, in the manner of the Vietnam ICT Index. Weights and goalposts are illustrative.',
      source_vi: `Mô phỏng Vietnam ICT Index (Bộ TT&TT và Hội Tin học Việt Nam) và chỉ số IDI cũ của ITU; ${IDI_SOURCE}`,
      source_en: `Modelled on the Vietnam ICT Index (Ministry of Information and Communications and the Vietnam Association for Information Processing) and ITU's legacy IDI; ${IDI_SOURCE}`,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = new Map((await db.selectFrom('stat_indicators').select(['id', 'code']).execute()).map((r: { id: number; code: string }) => [r.code, r.id]));
  for (const e of EDITIONS) {
    const edition = await db
      .insertInto('stat_index_editions')
      .values({ index_id: index.id, label: e.label, first_year: e.first, last_year: e.last, scale: 1, method_vi: e.vi, method_en: e.en, illustrative: 1, copied_from: null, created_by: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [p, pillar] of e.pillars.entries()) {
      const row = await db
        .insertInto('stat_index_pillars')
        .values({ edition_id: edition.id, position: p, code: pillar.code, name_vi: pillar.name_vi, name_en: pillar.name_en, weight: pillar.weight })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('stat_index_indicators')
        .values(
          pillar.indicators.map((i, position) => {
            const indicatorId = ids.get(i.code);
            if (indicatorId === undefined) throw new Error(`composite index: unknown indicator ${i.code}`);
            return { pillar_id: row.id, position, indicator_id: indicatorId, weight: i.weight, higher_is_better: i.higher ? 1 : 0, normalisation: i.norm, goal_min: i.min ?? null, goal_max: i.max ?? null };
          }),
        )
        .execute();
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom('stat_index_indicators').execute();
  await db.deleteFrom('stat_index_pillars').execute();
  await db.deleteFrom('stat_index_editions').execute();
  await db.deleteFrom('stat_indices').execute();
  await db.deleteFrom('stat_indicators').where('code', '=', 'internet.subscribers_per_100').execute();
}
