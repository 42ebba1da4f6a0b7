/** Starting an online dossier: a draft addressed to the agency that receives the procedure today. */
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { receivingAgency, type ProcedureRow } from './catalogue-queries.ts';

/** Creates the draft and returns its id; the applicant's name and email are filled in from the account. */
export async function startDossier(db: Db, user: CurrentUser, procedure: ProcedureRow, today: string): Promise<number> {
  if (procedure.online_available !== 1) throw new AppError('unprocessable', { procedure: { key: 'eservices.error_not_online' } });
  const agencyId = await receivingAgency(db, procedure.id, today);
  if (agencyId === undefined) throw new AppError('unprocessable', { procedure: { key: 'eservices.error_no_agency' } });
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const form = { applicant_name: user.fullName, applicant_email: user.email };
    const { id } = await trx
      .insertInto('dossiers')
      .values({
        code: null,
        procedure_id: procedure.id,
        agency_id: agencyId,
        applicant_id: user.id,
        status: 'draft',
        national_status: null,
        channel: 2,
        applicant_name: user.fullName,
        applicant_phone: '',
        applicant_email: user.email,
        summary: '',
        form_json: JSON.stringify(form),
        submitted_at: null,
        received_on: null,
        due_on: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('dossier_events').values({ dossier_id: id, at, actor_id: user.id, action: 'created', status: 'draft', national_status: null, note: null }).execute();
    return id;
  });
}
