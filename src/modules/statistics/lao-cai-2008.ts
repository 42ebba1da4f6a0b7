/**
 * The figures of the Ministry's article of 6 October 2008 on its working visit to the Lào Cai
 * Department of Information and Communications ("Tính đến ngày 30/9/2008 …"), as stored facts.
 */

export const LAO_CAI_OLD_CODE = '10';
export const ARTICLE_PERIOD = '2008-09';
export const RANKING_PERIOD = '2008';
export const ARTICLE_SOURCE = 'mic.gov.vn, 06/10/2008: "Đoàn công tác của Bộ Thông tin & Truyền thông làm việc với sở TT& TT tỉnh Lào Cai"';

/** What the article states, keyed by indicator; `approx` marks "trên" (over). */
export const ARTICLE_FIGURES = [
  { code: 'postal.service_points', value: 277 },
  { code: 'postal.commune_cultural_post_offices', value: 127 },
  { code: 'press.district_centres_same_day_newspaper_pct', value: 100 },
  { code: 'telecom.phone_density_per_100', value: 32 },
  { code: 'internet.subscribers', value: 11_900, approx: true },
  { code: 'it.state_agencies_with_lan', value: 42 },
] as const;

/** "Cổng giao tiếp điện tử Lào Cai được xếp thứ 5/56 … cho số dân, đứng thứ 12/56 … dịch vụ công trực tuyến mức 1". */
export const ARTICLE_RANKS = [
  { code: 'portal.visits_per_capita', rank: 5, total: 56 },
  { code: 'eservices.online_services_level1', rank: 12, total: 56 },
] as const;

/** Lào Cai's population at the 1 April 2019 census (GSO, quoted by the provincial portal doingoailaocai.vn). */
export const CENSUS_2019 = { year: 2019, value: 730_420, source: 'Tổng điều tra dân số và nhà ở 2019 (Tổng cục Thống kê), theo doingoailaocai.vn' } as const;
/** The merged province (old Lào Cai + Yên Bái, code 15 from 1 July 2025): Resolution 202/2025/QH15 merger figures. */
export const NEW_LAO_CAI_2025 = { code: '15', year: 2025, value: 1_778_785, source: 'Đề án sắp xếp đơn vị hành chính theo Nghị quyết 202/2025/QH15' } as const;
/**
 * Years without a sourced figure are estimated from the 2019 census with a constant growth rate;
 * the rate is an assumption of the demo, and every such figure is stored with status "estimate".
 */
export const ASSUMED_GROWTH = 0.017;
