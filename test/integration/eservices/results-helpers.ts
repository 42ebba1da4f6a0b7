/** Helpers of the results tests: a dossier taken to the leader's decision, and binary downloads. */
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import type { Client } from '../../helpers/client.ts';
import { PDF, PUBLISHING_FORM, signedIn, upload } from './helpers.ts';

export interface ProcedureCase {
  readonly code: string;
  readonly form: Record<string, string>;
  readonly components: readonly string[];
  /** Decided by another agency (the competent authority) after the department's leader submits it. */
  readonly byAuthority?: boolean;
}
export const PUBLISHING: ProcedureCase = { code: '1.003868', form: PUBLISHING_FORM, components: ['don-de-nghi', 'ban-thao'] };
/** The general e-information site licence (LC-TTDT-01). */
export const SITE: ProcedureCase = {
  code: 'LC-TTDT-01',
  form: {
    ...Object.fromEntries(Object.entries(PUBLISHING_FORM).filter(([k]) => k.startsWith('applicant_') || k.startsWith('org_'))),
    org_name: 'Công ty TNHH Truyền thông Sa Pa',
    site_domain: 'tintuc-sapa.example.vn',
    site_purpose: 'Tổng hợp tin du lịch Sa Pa',
    site_sources: 'Báo Lào Cai',
    site_manager: 'Lò Văn Minh',
  },
  components: ['don-de-nghi', 'giay-to-phap-ly', 'de-an', 'thoa-thuan-nguon-tin'],
  byAuthority: true,
};

export async function submittedDossier(app: FastifyInstance, store: DbHandle, citizen: Client, procedure: ProcedureCase = PUBLISHING): Promise<{ id: number; code: string }> {
  await citizen.get(`/thu-tuc/${procedure.code}`);
  const draftUrl = (await citizen.post(`/thu-tuc/${procedure.code}/nop-truc-tuyen`, {})).location ?? '';
  await citizen.get(draftUrl);
  await citizen.post(draftUrl, procedure.form);
  await citizen.get(draftUrl);
  for (const component of procedure.components) await upload(citizen, `${draftUrl}/tai-lieu`, { component }, { name: `${component}.pdf`, type: 'application/pdf', content: PDF(component) });
  await citizen.get(draftUrl);
  await citizen.post(`${draftUrl}/nop`, {});
  const row = await store.db.selectFrom('dossiers').select(['id', 'code']).where('applicant_id', '=', (await store.db.selectFrom('users').select('id').where('email', '=', 'citizen@laocai.example.vn').executeTakeFirstOrThrow()).id).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { id: row.id, code: row.code ?? '' };
}

export async function act(client: Client, id: number, action: string) {
  await client.get(`/quan-tri/ho-so/${id}`);
  const res = await client.post(`/quan-tri/ho-so/${id}/xu-ly`, { action });
  if (res.status !== 303) throw new Error(`${action}: ${res.status}`);
}

/** A dossier accepted, proposed and approved (by the competent authority when the procedure says so; the demo leader is also its leader): ready for its licence. */
export async function decidedDossier(app: FastifyInstance, store: DbHandle, procedure?: ProcedureCase): Promise<{ citizen: Client; officer: Client; leader: Client; id: number; code: string }> {
  const citizen = await signedIn(app, store, 'citizen');
  const officer = await signedIn(app, store, 'officer');
  const leader = await signedIn(app, store, 'leader');
  const { id, code } = await submittedDossier(app, store, citizen, procedure);
  await act(officer, id, 'accept');
  await act(officer, id, 'propose');
  if (procedure?.byAuthority === true) {
    await act(leader, id, 'submit_to_authority');
    await act(leader, id, 'authority_approve');
  } else {
    await act(leader, id, 'approve');
  }
  return { citizen, officer, leader, id, code };
}

/** GET with the client's cookies, keeping the body as bytes. */
export async function download(app: FastifyInstance, client: Client | null, url: string): Promise<{ status: number; type: string; body: Buffer }> {
  const cookie = client === null ? '' : [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await app.inject({ method: 'GET', url, headers: cookie === '' ? {} : { cookie } });
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.rawPayload };
}

export const ISSUE_FORM = { signer_title: 'Phó Giám đốc', signer_name: 'Nguyễn Thị Lan' };

/** Issues the licence of a decided publishing dossier through the staff form; returns its number. */
export async function issuePublishingLicence(store: DbHandle, staff: Client, id: number): Promise<string> {
  await staff.get(`/quan-tri/ho-so/${id}/giay-phep`);
  const res = await staff.post(`/quan-tri/ho-so/${id}/giay-phep`, { holder_name: 'Hội Nông dân tỉnh Lào Cai', holder_address: 'Phường Cốc Lếu, Lào Cai', title: 'Sổ tay kỹ thuật trồng chè Shan tuyết', quantity: '500', ...ISSUE_FORM });
  if (res.status !== 303) throw new Error(`issue licence: ${res.status}`);
  const row = await store.db.selectFrom('licences').select('number').where('dossier_id', '=', id).executeTakeFirstOrThrow();
  return row.number;
}
