/**
 * Demo reports: an illustrative telecommunications enterprise ("VNPT Lào Cai", an agency of kind
 * enterprise) reporting for the districts of the old Lào Cai province (pre-2025 structure), the demo
 * account enterprise@laocai.example.vn as its member, assigned the quarterly form BC-VT-01 for those
 * districts and 2025-Q2 open (the last quarter of the old structure) with a deadline two weeks after seeding. The forms are
 * managed by the agency of the demo statistician.
 */
import { addDays } from '../../../platform/calendar/dates.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import type { DemoSeeder } from '../../../platform/seed/demo.ts';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { LAO_CAI_OLD_CODE } from '../lao-cai-2008.ts';
import { reporterNameKey } from './reporters.ts';

export const DEMO_REPORTER_AGENCY = 'vnpt-lao-cai';
export const DEMO_FORM = 'BC-VT-01';
export const DEMO_PERIOD = '2025-Q2';

export const statisticsReportsDemo: DemoSeeder = async ({ db, users }) => {
  const at = nowIso();
  const province = await db.selectFrom('admin_units').select('id').where('structure', '=', 'pre2025').where('level', '=', 'province').where('code', '=', LAO_CAI_OLD_CODE).executeTakeFirst();
  const form = await db.selectFrom('stat_report_forms').select('id').where('code', '=', DEMO_FORM).where('is_current', '=', 1).executeTakeFirst();
  if (province === undefined || form === undefined) return;
  const agency = await db.insertInto('agencies').values({ code: DEMO_REPORTER_AGENCY, kind: 'enterprise', created_at: at }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('agency_versions')
    .values({
      agency_id: agency.id,
      name_vi: 'VNPT Lào Cai (doanh nghiệp minh họa)',
      name_en: 'VNPT Lào Cai (illustrative enterprise)',
      short_name: 'VNPT Lào Cai',
      parent_agency_id: null,
      admin_unit_id: province.id,
      address: null,
      phone: null,
      email: null,
      valid_from: '2008-01-01',
      valid_to: null,
    })
    .execute();
  const name = 'VNPT Lào Cai';
  const reporter = await db.insertInto('stat_reporters').values({ agency_id: agency.id, kind: 'telecom_enterprise', name, name_key: reporterNameKey(name), created_at: at }).returning('id').executeTakeFirstOrThrow();
  const districts = await db.selectFrom('admin_units').select('id').where('parent_id', '=', province.id).where('level', '=', 'district').execute();
  const assigned = await db.insertInto('stat_form_reporters').values({ form_code: DEMO_FORM, reporter_id: reporter.id, created_at: at }).returning('id').executeTakeFirstOrThrow();
  if (districts.length > 0) await db.insertInto('stat_form_reporter_units').values(districts.map((d) => ({ form_reporter_id: assigned.id, admin_unit_id: d.id }))).execute();
  // The department's statisticians manage the forms' assignments.
  const owner = await db.selectFrom('user_roles').select('agency_id').where('role', '=', 'statistician').where('user_id', '=', users.get('statistician') ?? 0).executeTakeFirst();
  if (owner?.agency_id != null) await db.updateTable('stat_report_forms').set({ owner_agency_id: owner.agency_id }).execute();
  const member = users.get('enterprise');
  if (member !== undefined) await db.insertInto('stat_reporter_members').values({ reporter_id: reporter.id, user_id: member }).execute();
  const period = await db
    .insertInto('stat_report_periods')
    .values({ form_id: form.id, period: DEMO_PERIOD, deadline: addDays(todayInVietnam(), 14), status: 'open', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('stat_report_assignments').values({ report_period_id: period.id, reporter_id: reporter.id, reminded_before_at: null, reminded_after_at: null, created_at: at }).execute();
};
