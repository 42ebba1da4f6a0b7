/** Demo content of the e-services module: the procedure catalogue of demo-procedures.ts. */
import type { DemoSeeder } from '../../platform/seed/demo.ts';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { fold } from '../../platform/text/fold.ts';
import { indexProcedure } from './index-procedure.ts';
import { DEMO_PROCEDURES, type DemoProcedure } from './demo-procedures.ts';

export const procedureSearchText = (p: { code: string; name_vi: string; name_en: string }): string => fold(`${p.code} ${p.name_vi} ${p.name_en}`);

/** Inserts one procedure with its agencies, levels, fees and components; returns its id. */
export async function insertProcedure(db: Db, p: DemoProcedure, agencies: ReadonlyMap<string, number>): Promise<number> {
  const at = nowIso();
  const { id } = await db
    .insertInto('procedures')
    .values({
      code: p.code,
      national_code: p.nationalCode,
      name_vi: p.name.vi,
      name_en: p.name.en,
      field: p.field,
      applicants_vi: p.applicants.vi,
      applicants_en: p.applicants.en,
      steps_vi: p.steps.vi,
      steps_en: p.steps.en,
      processing_days: p.processingDays,
      result_vi: p.result.vi,
      result_en: p.result.en,
      legal_basis: p.legalBasis,
      online_available: p.onlineAvailable ? 1 : 0,
      form_json: JSON.stringify(p.form),
      search_text: procedureSearchText({ code: p.code, name_vi: p.name.vi, name_en: p.name.en }),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const a of p.agencies) {
    const agencyId = agencies.get(a.agency);
    if (agencyId === undefined) throw new Error(`demo procedure ${p.code}: unknown agency ${a.agency}`);
    await db.insertInto('procedure_agencies').values({ procedure_id: id, agency_id: agencyId, role: a.role, valid_from: a.from, valid_to: a.to ?? null }).execute();
  }
  for (const l of p.levels) {
    await db.insertInto('procedure_online_levels').values({ procedure_id: id, scheme: l.scheme, level: l.level, valid_from: l.from, valid_to: l.to ?? null }).execute();
  }
  for (const [i, f] of p.fees.entries()) {
    await db
      .insertInto('procedure_fees')
      .values({ procedure_id: id, label_vi: f.label.vi, label_en: f.label.en, amount_vnd: f.amount, unit_vi: f.unit.vi, unit_en: f.unit.en, legal_basis: f.legalBasis, sort_order: i })
      .execute();
  }
  for (const [i, c] of p.components.entries()) {
    await db
      .insertInto('procedure_components')
      .values({ procedure_id: id, code: c.code, name_vi: c.name.vi, name_en: c.name.en, copies_vi: c.copies.vi, copies_en: c.copies.en, required: c.required ? 1 : 0, template_file: null, sort_order: i })
      .execute();
  }
  await indexProcedure(db, { id, code: p.code, name_vi: p.name.vi, steps_vi: p.steps.vi, applicants_vi: p.applicants.vi, legal_basis: p.legalBasis });
  return id;
}

/**
 * Since 1 March 2025 the demo's procedures are received by the culture and the science departments;
 * the demo officer and leader also hold their roles there, so that the one-stop inbox can be shown.
 * The demo leader also holds the leader role in the provincial People's Committee, which decides the
 * e-information-site licences the culture department submits to it.
 */
const PROCESSING_AGENCIES = ['so-vhttdl-lao-cai', 'so-khcn-lao-cai'] as const;
const PROCESSING_STAFF = [
  ['officer', 'officer'],
  ['leader', 'leader'],
] as const;
const DECIDING_AGENCY = 'ubnd-lao-cai';

export const eservicesDemo: DemoSeeder = async ({ db, agencies, users }) => {
  for (const p of DEMO_PROCEDURES) await insertProcedure(db, p, agencies);
  const at = nowIso();
  for (const code of PROCESSING_AGENCIES) {
    const agencyId = agencies.get(code);
    for (const [handle, role] of PROCESSING_STAFF) {
      const userId = users.get(handle);
      if (agencyId === undefined || userId === undefined) continue;
      await db.insertInto('user_roles').values({ user_id: userId, role, agency_id: agencyId, granted_at: at, granted_by: null }).execute();
    }
  }
  const leader = users.get('leader');
  const deciding = agencies.get(DECIDING_AGENCY);
  if (leader !== undefined && deciding !== undefined) await db.insertInto('user_roles').values({ user_id: leader, role: 'leader', agency_id: deciding, granted_at: at, granted_by: null }).execute();
};
