/**
 * The report forms an installation starts with, as data (a form is code, version, periodicity, the
 * kind of reporter and the indicators it collects). Modelled on the reporting regime of Circular
 * 04/2022/TT-BTTTT: telecommunications enterprises report subscribers by district each quarter,
 * postal enterprises their service points each year, district culture and information offices the
 * state agencies with a LAN and households with Internet each year. A jump over 50% from the
 * previous period needs a reason.
 */
import type { AnyDb } from './_lib/index.ts';

const FORMS = [
  {
    code: 'BC-VT-01', name_vi: 'Thuê bao viễn thông và Internet theo huyện', name_en: 'Telecommunications and Internet subscriptions by district',
    periodicity: 'quarter', reporter_kind: 'telecom_enterprise',
    items: ['telecom.fixed_phone_subscriptions', 'telecom.mobile_subscriptions', 'telecom.mobile_broadband_subscriptions', 'internet.fixed_broadband_subscriptions'],
  },
  {
    code: 'BC-BC-01', name_vi: 'Mạng lưới bưu chính theo huyện', name_en: 'Postal network by district',
    periodicity: 'year', reporter_kind: 'postal_enterprise',
    items: ['postal.service_points', 'postal.commune_cultural_post_offices'],
  },
  {
    code: 'BC-VH-01', name_vi: 'Ứng dụng công nghệ thông tin và Internet hộ gia đình cấp huyện', name_en: 'IT use and household Internet access by district',
    periodicity: 'year', reporter_kind: 'district_office',
    items: ['it.state_agencies_with_lan', 'internet.households_with_internet_pct'],
  },
] as const;

export async function up(db: AnyDb): Promise<void> {
  const at = new Date().toISOString();
  for (const f of FORMS) {
    const row = await db
      .insertInto('stat_report_forms')
      .values({ code: f.code, version: 1, name_vi: f.name_vi, name_en: f.name_en, periodicity: f.periodicity, reporter_kind: f.reporter_kind, jump_share: 0.5, is_current: 1, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const indicators = await db.selectFrom('stat_indicators').select(['id', 'code']).where('code', 'in', [...f.items]).execute();
    const ids = new Map(indicators.map((i: { id: number; code: string }) => [i.code, i.id]));
    await db
      .insertInto('stat_report_form_items')
      .values(f.items.map((code, position) => ({ form_id: row.id, indicator_id: ids.get(code), position })))
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom('stat_report_form_items').execute();
  await db.deleteFrom('stat_report_forms').execute();
}
