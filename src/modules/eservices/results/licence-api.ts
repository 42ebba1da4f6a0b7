/**
 * The public licence register as JSON: `GET /api/v1/licences` (filters as on /giay-phep) and
 * `GET /api/v1/licences/{number}` (the number URL-encoded, e.g. 22%2FGP-STTTT; `year` when the
 * number recurs in several years). Read-only and public: any origin may fetch it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { agencyNameOn } from '../dossier-queries.ts';
import { isLicenceKind } from './licence-kinds.ts';
import { licenceState, verifyPath } from './licence-pages.tsx';
import { licencesByNumber, registerPage, type LicenceRow, type RegisterFilter } from './licence-queries.ts';

const str = { type: 'string', maxLength: 200 } as const;
const API_PAGE_SIZE = 100;

export function registerLicenceApi(app: FastifyInstance): void {
  const db = app.deps.store.db;
  const publicUrl = app.deps.config.publicUrl;
  const names = new Map<string, Promise<{ vi: string; en: string }>>();
  const agencyName = (l: LicenceRow) => {
    const key = `${l.agency_id}:${l.issued_on}`;
    let name = names.get(key);
    if (name === undefined) {
      name = agencyNameOn(db, l.agency_id, l.issued_on);
      if (names.size < 1000) names.set(key, name);
    }
    return name;
  };

  async function licenceJson(l: LicenceRow, today: string): Promise<Record<string, unknown>> {
    return {
      number: l.number,
      year: l.year,
      kind: l.kind,
      issuer: await agencyName(l),
      holder: l.holder_name,
      title: l.title,
      quantity: l.quantity,
      issuedOn: l.issued_on,
      validUntil: l.valid_until,
      status: licenceState(l, today),
      revokedOn: l.revoked_on,
      revokeReason: l.revoke_reason,
      illustrative: l.illustrative === 1,
      verifyUrl: new URL(verifyPath(l.token), publicUrl).toString(),
    };
  }
  const send = (reply: FastifyReply, body: unknown) => reply.header('access-control-allow-origin', '*').send(body);

  app.get<{ Querystring: { year?: string; kind?: string; q?: string; page?: string } }>(
    '/api/v1/licences',
    {
      schema: {
        tags: ['eservices'],
        summary: 'Licences issued (public register)',
        description: 'Newest first, 100 a page. `q` matches number, title, holder and address with or without Vietnamese diacritics; `kind` is publishing_noncommercial or e_information_site.',
        querystring: { type: 'object', properties: { year: str, kind: str, q: str, page: str } },
      },
    },
    async (request, reply) => {
      const { year, kind, q, page } = request.query;
      if ((year !== undefined && !/^\d{4}$/.test(year)) || (kind !== undefined && !isLicenceKind(kind)) || (page !== undefined && !/^[1-9]\d{0,5}$/.test(page))) throw new AppError('bad_request');
      const filter: RegisterFilter = {
        ...(year === undefined ? {} : { year: Number(year) }),
        ...(kind !== undefined && isLicenceKind(kind) ? { kind } : {}),
        ...(q === undefined || q.trim() === '' ? {} : { q: q.normalize('NFC') }),
      };
      const p = page === undefined ? 1 : Number(page);
      const { rows, total } = await registerPage(db, filter, p, API_PAGE_SIZE);
      const today = todayInVietnam();
      return send(reply, { total, page: p, pageSize: API_PAGE_SIZE, licences: await Promise.all(rows.map((l) => licenceJson(l, today))) });
    },
  );

  app.get<{ Params: { number: string }; Querystring: { year?: string } }>(
    '/api/v1/licences/:number',
    {
      schema: {
        tags: ['eservices'],
        summary: "One licence's public record",
        description: 'The number URL-encoded (22%2FGP-STTTT). Numbers restart each year: give `year` when one recurs.',
        params: { type: 'object', properties: { number: str } },
        querystring: { type: 'object', properties: { year: str } },
      },
    },
    async (request, reply) => {
      const { year } = request.query;
      if (year !== undefined && !/^\d{4}$/.test(year)) throw new AppError('bad_request');
      const rows = await licencesByNumber(db, request.params.number.normalize('NFC').slice(0, 60), year === undefined ? undefined : Number(year));
      const [first] = rows;
      if (first === undefined) throw new AppError('not_found');
      if (rows.length > 1) throw new AppError('validation', { year: { key: 'licences.error_year_needed' } });
      return send(reply, { licence: await licenceJson(first, todayInVietnam()) });
    },
  );
}
