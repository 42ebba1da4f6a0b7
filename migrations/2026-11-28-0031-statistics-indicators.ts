/**
 * The indicator dictionary of the sector (Circular 03/2022/TT-BTTTT lists the indicators; Circular
 * 04/2022/TT-BTTTT sets the reporting periods), mapped to ITU codes where ITU defines the same figure.
 * Kept here as data so that an installation starts with the national list; administrators extend it.
 */
import type { AnyDb } from './_lib/index.ts';

type Row = {
  code: string;
  category: string;
  name_vi: string;
  name_en: string;
  definition_vi: string;
  definition_en: string;
  unit_vi: string;
  unit_en: string;
  source_vi: string;
  source_en: string;
  itu_code: string | null;
  periodicity: 'month' | 'quarter' | 'half' | 'year';
  unit_aggregation: 'sum' | 'average';
  time_aggregation: 'sum' | 'latest' | 'average';
  formula: string | null;
  decimals: number;
};

const TT03 = { source_vi: 'Thông tư 03/2022/TT-BTTTT', source_en: 'Circular 03/2022/TT-BTTTT' };
const TT03_ITU = { source_vi: 'Thông tư 03/2022/TT-BTTTT; ITU World Telecommunication/ICT Indicators', source_en: 'Circular 03/2022/TT-BTTTT; ITU World Telecommunication/ICT Indicators' };
const stock = { periodicity: 'year', unit_aggregation: 'sum', time_aggregation: 'latest', formula: null, decimals: 0 } as const;
const share = { periodicity: 'year', unit_aggregation: 'average', time_aggregation: 'latest', formula: null, decimals: 1 } as const;
const derived = (formula: string, decimals: number) => ({ periodicity: 'year', unit_aggregation: 'sum', time_aggregation: 'latest', formula, decimals }) as const;

export const INDICATORS: readonly Row[] = [
  {
    code: 'population', category: 'population', name_vi: 'Dân số trung bình', name_en: 'Average population',
    definition_vi: 'Số dân bình quân của đơn vị hành chính trong năm; mẫu số của các chỉ tiêu tính trên 100 dân và bình quân đầu người.',
    definition_en: 'Average number of inhabitants of the administrative unit during the year; the denominator of per-100-inhabitant and per-capita indicators.',
    unit_vi: 'người', unit_en: 'persons', source_vi: 'Tổng cục Thống kê (Niên giám thống kê; Tổng điều tra dân số và nhà ở)', source_en: 'General Statistics Office (Statistical Yearbook; Population and Housing Census)',
    itu_code: null, periodicity: 'year', unit_aggregation: 'sum', time_aggregation: 'average', formula: null, decimals: 0,
  },
  {
    code: 'postal.service_points', category: 'postal', name_vi: 'Số điểm phục vụ bưu chính', name_en: 'Postal service points',
    definition_vi: 'Số bưu cục, điểm bưu điện - văn hóa xã, đại lý và điểm phục vụ khác có người phục vụ đang hoạt động tại thời điểm báo cáo (Luật Bưu chính 2010).',
    definition_en: 'Staffed post offices, commune cultural post offices, agencies and other service points in operation at the reporting date (Law on Postal Services 2010).',
    unit_vi: 'điểm', unit_en: 'points', ...TT03, itu_code: null, ...stock,
  },
  {
    code: 'postal.commune_cultural_post_offices', category: 'postal', name_vi: 'Số xã có điểm Bưu điện - Văn hóa xã', name_en: 'Communes with a commune cultural post office',
    definition_vi: 'Số xã có điểm Bưu điện - Văn hóa xã đang hoạt động tại thời điểm báo cáo.',
    definition_en: 'Communes with a commune cultural post office (điểm Bưu điện - Văn hóa xã) in operation at the reporting date.',
    unit_vi: 'xã', unit_en: 'communes', ...TT03, itu_code: null, ...stock,
  },
  {
    code: 'postal.communes_total', category: 'postal', name_vi: 'Tổng số xã, phường, thị trấn', name_en: 'Communes, wards and townships',
    definition_vi: 'Số đơn vị hành chính cấp xã tại thời điểm báo cáo; mẫu số của tỷ lệ xã có điểm Bưu điện - Văn hóa xã.',
    definition_en: 'Commune-level administrative units at the reporting date; the denominator of the share of communes with a cultural post office.',
    unit_vi: 'đơn vị', unit_en: 'units', ...TT03, itu_code: null, ...stock,
  },
  {
    code: 'postal.communes_with_cultural_post_office_pct', category: 'postal', name_vi: 'Tỷ lệ xã có điểm Bưu điện - Văn hóa xã', name_en: 'Share of communes with a commune cultural post office',
    definition_vi: 'Số xã có điểm Bưu điện - Văn hóa xã chia cho tổng số đơn vị hành chính cấp xã, nhân 100.',
    definition_en: 'Communes with a commune cultural post office divided by all commune-level units, times 100.',
    unit_vi: '%', unit_en: '%', ...TT03, itu_code: null, ...derived('postal.commune_cultural_post_offices / postal.communes_total * 100', 1),
  },
  {
    code: 'postal.population_per_service_point', category: 'postal', name_vi: 'Số dân bình quân được phục vụ trên một điểm phục vụ bưu chính', name_en: 'Inhabitants served per postal service point',
    definition_vi: 'Dân số chia cho số điểm phục vụ bưu chính.',
    definition_en: 'Population divided by the number of postal service points.',
    unit_vi: 'người/điểm', unit_en: 'persons per point', ...TT03, itu_code: null, ...derived('population / postal.service_points', 0),
  },
  {
    code: 'press.district_centres_same_day_newspaper_pct', category: 'press', name_vi: 'Tỷ lệ trung tâm huyện có báo đến trong ngày', name_en: 'District centres receiving newspapers the same day',
    definition_vi: 'Số trung tâm huyện, thị xã, thành phố thuộc tỉnh nhận được báo Nhân Dân trong ngày phát hành chia cho tổng số trung tâm huyện, nhân 100.',
    definition_en: 'District, town and provincial-city centres that receive the Nhân Dân newspaper on its day of issue, divided by all district centres, times 100.',
    unit_vi: '%', unit_en: '%', ...TT03, itu_code: null, ...share,
  },
  {
    code: 'telecom.fixed_phone_subscriptions', category: 'telecom', name_vi: 'Số thuê bao điện thoại cố định', name_en: 'Fixed-telephone subscriptions',
    definition_vi: 'Số đường dây điện thoại cố định đang hoạt động: thuê bao analog, VoIP, vô tuyến cố định (WLL), kênh thoại ISDN và điện thoại công cộng, tại thời điểm báo cáo.',
    definition_en: 'Active fixed telephone lines: analogue lines, VoIP, fixed wireless local loop, ISDN voice channels and public payphones, at the reporting date.',
    unit_vi: 'thuê bao', unit_en: 'subscriptions', ...TT03_ITU, itu_code: 'i112', ...stock,
  },
  {
    code: 'telecom.mobile_subscriptions', category: 'telecom', name_vi: 'Số thuê bao điện thoại di động', name_en: 'Mobile-cellular telephone subscriptions',
    definition_vi: 'Số thuê bao di động trả trước và trả sau có phát sinh lưu lượng trong 3 tháng gần nhất, không gồm thuê bao chỉ dùng dữ liệu (USB, data card).',
    definition_en: 'Postpaid and prepaid mobile subscriptions active in the last three months, excluding data-only subscriptions (data cards, USB modems).',
    unit_vi: 'thuê bao', unit_en: 'subscriptions', ...TT03_ITU, itu_code: 'i271', ...stock,
  },
  {
    code: 'telecom.phone_density_per_100', category: 'telecom', name_vi: 'Mật độ điện thoại trên 100 dân', name_en: 'Telephone subscriptions per 100 inhabitants',
    definition_vi: 'Tổng số thuê bao điện thoại cố định và di động chia cho dân số, nhân 100 (chỉ tiêu quốc gia 1203).',
    definition_en: 'Fixed-telephone plus mobile-cellular subscriptions divided by the population, times 100 (national indicator 1203).',
    unit_vi: 'thuê bao/100 dân', unit_en: 'per 100 inhabitants', ...TT03_ITU, itu_code: null,
    ...derived('(telecom.fixed_phone_subscriptions + telecom.mobile_subscriptions) / population * 100', 1),
  },
  {
    code: 'telecom.fixed_phone_per_100', category: 'telecom', name_vi: 'Thuê bao điện thoại cố định trên 100 dân', name_en: 'Fixed-telephone subscriptions per 100 inhabitants',
    definition_vi: 'Số thuê bao điện thoại cố định chia cho dân số, nhân 100.', definition_en: 'Fixed-telephone subscriptions divided by the population, times 100.',
    unit_vi: 'thuê bao/100 dân', unit_en: 'per 100 inhabitants', ...TT03_ITU, itu_code: 'i112 per 100', ...derived('telecom.fixed_phone_subscriptions / population * 100', 1),
  },
  {
    code: 'telecom.mobile_per_100', category: 'telecom', name_vi: 'Thuê bao điện thoại di động trên 100 dân', name_en: 'Mobile-cellular subscriptions per 100 inhabitants',
    definition_vi: 'Số thuê bao điện thoại di động chia cho dân số, nhân 100.', definition_en: 'Mobile-cellular subscriptions divided by the population, times 100.',
    unit_vi: 'thuê bao/100 dân', unit_en: 'per 100 inhabitants', ...TT03_ITU, itu_code: 'i271 per 100', ...derived('telecom.mobile_subscriptions / population * 100', 1),
  },
  {
    code: 'telecom.mobile_broadband_subscriptions', category: 'telecom', name_vi: 'Số thuê bao băng rộng di động đang hoạt động', name_en: 'Active mobile-broadband subscriptions',
    definition_vi: 'Thuê bao di động có sử dụng Internet trong 3 tháng gần nhất cộng với thuê bao dữ liệu chuyên dụng.',
    definition_en: 'Mobile subscriptions that used the Internet in the last three months, plus dedicated data subscriptions.',
    unit_vi: 'thuê bao', unit_en: 'subscriptions', ...TT03_ITU, itu_code: 'i271mw', ...stock,
  },
  {
    code: 'telecom.mobile_broadband_per_100', category: 'telecom', name_vi: 'Thuê bao băng rộng di động trên 100 dân', name_en: 'Active mobile-broadband subscriptions per 100 inhabitants',
    definition_vi: 'Số thuê bao băng rộng di động đang hoạt động chia cho dân số, nhân 100 (chỉ số IDI của ITU).',
    definition_en: 'Active mobile-broadband subscriptions divided by the population, times 100 (an ITU IDI indicator).',
    unit_vi: 'thuê bao/100 dân', unit_en: 'per 100 inhabitants', ...TT03_ITU, itu_code: 'i271mw per 100', ...derived('telecom.mobile_broadband_subscriptions / population * 100', 1),
  },
  {
    code: 'internet.subscribers', category: 'internet', name_vi: 'Số thuê bao truy nhập Internet', name_en: 'Internet access subscriptions',
    definition_vi: 'Số thuê bao truy nhập Internet (quay số, băng rộng cố định và thuê bao dữ liệu) tại thời điểm báo cáo.',
    definition_en: 'Internet access subscriptions (dial-up, fixed broadband and data subscriptions) at the reporting date.',
    unit_vi: 'thuê bao', unit_en: 'subscriptions', ...TT03, itu_code: null, ...stock,
  },
  {
    code: 'internet.fixed_broadband_subscriptions', category: 'internet', name_vi: 'Số thuê bao băng rộng cố định', name_en: 'Fixed-broadband subscriptions',
    definition_vi: 'Thuê bao truy nhập Internet cố định tốc độ tải xuống từ 256 kbit/s trở lên: xDSL, cáp truyền hình, cáp quang (FTTH/B), vệ tinh, vô tuyến cố định.',
    definition_en: 'Fixed subscriptions to high-speed Internet access (downstream 256 kbit/s or more): DSL, cable, FTTH/B, satellite, terrestrial fixed wireless.',
    unit_vi: 'thuê bao', unit_en: 'subscriptions', ...TT03_ITU, itu_code: 'i4213tfbb', ...stock,
  },
  {
    code: 'internet.fixed_broadband_per_100', category: 'internet', name_vi: 'Thuê bao băng rộng cố định trên 100 dân', name_en: 'Fixed-broadband subscriptions per 100 inhabitants',
    definition_vi: 'Số thuê bao băng rộng cố định chia cho dân số, nhân 100.', definition_en: 'Fixed-broadband subscriptions divided by the population, times 100.',
    unit_vi: 'thuê bao/100 dân', unit_en: 'per 100 inhabitants', ...TT03_ITU, itu_code: 'i4213tfbb per 100', ...derived('internet.fixed_broadband_subscriptions / population * 100', 1),
  },
  {
    code: 'internet.users_pct', category: 'internet', name_vi: 'Tỷ lệ người sử dụng Internet', name_en: 'Individuals using the Internet',
    definition_vi: 'Tỷ lệ người đã sử dụng Internet từ bất kỳ địa điểm, thiết bị nào trong 3 tháng gần nhất (điều tra hộ gia đình).',
    definition_en: 'Share of individuals who used the Internet from any location and device in the last three months (household survey).',
    unit_vi: '%', unit_en: '%', ...TT03_ITU, itu_code: 'i99H', ...share,
  },
  {
    code: 'internet.households_with_internet_pct', category: 'internet', name_vi: 'Tỷ lệ hộ gia đình có truy nhập Internet', name_en: 'Households with Internet access at home',
    definition_vi: 'Tỷ lệ hộ gia đình mà mọi thành viên có thể truy nhập Internet tại nhà vào bất kỳ lúc nào, dù có sử dụng hay không.',
    definition_en: 'Share of households in which Internet access at home is available to all members at any time, whether or not it is used.',
    unit_vi: '%', unit_en: '%', ...TT03_ITU, itu_code: 'HH6', ...share,
  },
  {
    code: 'it.state_agencies_with_lan', category: 'it', name_vi: 'Số cơ quan nhà nước có mạng nội bộ (LAN)', name_en: 'State agencies with a local area network',
    definition_vi: 'Số cơ quan hành chính nhà nước có mạng nội bộ (LAN) phục vụ quản lý, điều hành tại thời điểm báo cáo.',
    definition_en: 'State administrative agencies with a local area network used for management and operations at the reporting date.',
    unit_vi: 'cơ quan', unit_en: 'agencies', ...TT03, itu_code: null, ...stock,
  },
  {
    code: 'portal.visits', category: 'portal', name_vi: 'Số lượt truy cập cổng thông tin điện tử', name_en: 'Visits to the e-portal',
    definition_vi: 'Số lượt truy cập cổng thông tin điện tử của tỉnh trong kỳ, đếm phía máy chủ, đã loại trừ máy tự động.',
    definition_en: "Visits to the province's e-portal during the period, counted on the server, automated clients excluded.",
    unit_vi: 'lượt', unit_en: 'visits', ...TT03, itu_code: null, periodicity: 'month', unit_aggregation: 'sum', time_aggregation: 'sum', formula: null, decimals: 0,
  },
  {
    code: 'portal.visits_per_capita', category: 'portal', name_vi: 'Số lượt truy cập cổng thông tin điện tử trên đầu người', name_en: 'E-portal visits per inhabitant',
    definition_vi: 'Số lượt truy cập cổng thông tin điện tử trong kỳ chia cho dân số.', definition_en: 'Visits to the e-portal during the period divided by the population.',
    unit_vi: 'lượt/người', unit_en: 'visits per inhabitant', ...TT03, itu_code: null, ...derived('portal.visits / population', 3),
  },
  ...([1, 2, 3, 4] as const).map((level) => ({
    code: `eservices.online_services_level${level}`, category: 'eservices',
    name_vi: `Số dịch vụ công trực tuyến mức độ ${level}`, name_en: `Online public services at level ${level}`,
    definition_vi: `Số dịch vụ công trực tuyến mức độ ${level} cung cấp trên cổng thông tin điện tử của tỉnh tại thời điểm báo cáo (mức độ theo Nghị định 43/2011/NĐ-CP).`,
    definition_en: `Online public services at level ${level} offered on the province's e-portal at the reporting date (levels as in Decree 43/2011/ND-CP).`,
    unit_vi: 'dịch vụ', unit_en: 'services', ...TT03, itu_code: null, ...stock,
  })),
];

export async function up(db: AnyDb): Promise<void> {
  const at = new Date().toISOString();
  await db
    .insertInto('stat_indicators')
    .values(INDICATORS.map((row, i) => ({ ...row, higher_is_better: row.code === 'postal.population_per_service_point' ? 0 : 1, sort_order: (i + 1) * 10, created_at: at, updated_at: at })))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom('stat_indicators').where('code', 'in', INDICATORS.map((r) => r.code)).execute();
}
