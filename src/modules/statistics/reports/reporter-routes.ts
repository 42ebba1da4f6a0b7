/** Routes of a reporting organisation: /bao-cao-thong-ke (its assignments), entry, templates and uploads. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit/audit.ts';
import { requireUserPage } from '../../../platform/auth/guards.ts';
import { AppError } from '../../../platform/errors.ts';
import { isCsrfValid } from '../../../platform/http/csrf.ts';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { FIRST_DATA_ROW, cellRef, reasonColumn, valueColumn, type Problem, type RawRow } from './grid.ts';
import { MAX_UPLOAD_BYTES, readUpload } from './read-upload.ts';
import { assignmentById, assignmentsForUser, cellsOf, formItems, isReporterMember, reporterUnits, submissionsOf, type AssignmentView } from './report-queries.ts';
import { AssignmentPage, MyReportsPage, REPORTS_PATH, assignmentPath } from './reporter-pages.tsx';
import { submitReport } from './submit-report.ts';
import { buildCsvTemplate, buildXlsxTemplate, templateFileName } from './template.ts';

const NOTICES = { nop: 'reports.submitted_ok' } as const;

export function registerReporterRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;

  /** The assignment, if the signed-in user reports for its reporter; otherwise a 404 (another enterprise's assignment does not exist for them). */
  async function ownAssignment(request: FastifyRequest<{ Params: { id: string } }>): Promise<AssignmentView> {
    const user = request.user;
    if (user === null) throw new AppError('unauthenticated');
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : null;
    const a = id === null ? undefined : await assignmentById(db, id);
    if (a === undefined || !(await isReporterMember(db, a.reporterId, user.id))) throw new AppError('not_found');
    return a;
  }

  async function latestFilled(a: AssignmentView) {
    const latest = (await submissionsOf(db, a.id))[0];
    return latest === undefined ? [] : cellsOf(db, latest.id);
  }

  async function renderAssignment(request: FastifyRequest, reply: FastifyReply, a: AssignmentView, extra: { problems?: Problem[]; typed?: Map<string, string>; notice?: string }, status = 200) {
    const [items, units, history] = await Promise.all([formItems(db, a.formId), reporterUnits(db, a.reporterId, a.formCode, a.period), submissionsOf(db, a.id)]);
    let values = extra.typed;
    if (values === undefined) {
      values = new Map();
      const latest = history[0];
      const cells = latest === undefined ? [] : await cellsOf(db, latest.id);
      const byKey = new Map(cells.map((c) => [`${c.indicatorId}:${c.unitId}`, c]));
      units.forEach((unit, k) => {
        items.forEach((item, i) => {
          const c = byKey.get(`${item.indicatorId}:${unit.id}`);
          if (c !== undefined) values!.set(cellRef(valueColumn(i), FIRST_DATA_ROW + k), String(c.value));
          if (c?.reason) values!.set(cellRef(reasonColumn(items.length), FIRST_DATA_ROW + k), c.reason);
        });
      });
    }
    const ctx = await viewContext(request);
    // A reporter with no unit in the period's structure is told so before it fills anything in.
    const problems = extra.problems ?? (units.length === 0 ? [{ key: 'reports.err.no_units_in_period' as const, params: { period: a.period } }] : []);
    return sendHtml(reply, AssignmentPage({ ctx, assignment: a, items, units, values, problems, history, notice: extra.notice }), status);
  }

  app.get(REPORTS_PATH, { preHandler: requireUserPage }, async (request, reply) => {
    const ctx = await viewContext(request);
    return sendHtml(reply, MyReportsPage({ ctx, assignments: await assignmentsForUser(db, request.user!.id) }));
  });

  app.get<{ Params: { id: string }; Querystring: { ok?: string; v?: string } }>(`${REPORTS_PATH}/:id`, { preHandler: requireUserPage }, async (request, reply) => {
    const a = await ownAssignment(request);
    const key = NOTICES[request.query.ok as keyof typeof NOTICES];
    const version = /^\d{1,4}$/.test(request.query.v ?? '') ? request.query.v! : '';
    return renderAssignment(request, reply, a, key === undefined ? {} : { notice: request.t(key, { version }) });
  });

  app.get<{ Params: { id: string; ext: string } }>(`${REPORTS_PATH}/:id/mau.:ext`, { preHandler: requireUserPage }, async (request, reply) => {
    const a = await ownAssignment(request);
    const ext = request.params.ext;
    if (ext !== 'xlsx' && ext !== 'csv') throw new AppError('not_found');
    const input = { assignment: a, items: await formItems(db, a.formId), units: await reporterUnits(db, a.reporterId, a.formCode, a.period), filled: await latestFilled(a), locale: request.locale };
    const body = ext === 'xlsx' ? await buildXlsxTemplate(input) : buildCsvTemplate(input);
    return reply
      .type(ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(templateFileName(a, ext))}`)
      .header('cache-control', 'private, no-store')
      .send(body);
  });

  async function finish(request: FastifyRequest, reply: FastifyReply, a: AssignmentView, rows: readonly RawRow[], channel: 'form' | 'xlsx' | 'csv', fileName: string | null, typed?: Map<string, string>) {
    const user = request.user!;
    const result = await submitReport(db, { ...actorOf(request), id: user.id }, a, { rows, channel, fileName });
    if (!result.ok) return renderAssignment(request, reply, a, { problems: result.problems, ...(typed === undefined ? {} : { typed }) }, 422);
    return reply.redirect(`${assignmentPath(a.id)}?ok=nop&v=${result.version}`, 303);
  }

  app.post<{ Params: { id: string }; Body: FormValues }>(`${REPORTS_PATH}/:id/nhap`, { preHandler: requireUserPage }, async (request, reply) => {
    const a = await ownAssignment(request);
    const body = request.body ?? {};
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) throw new AppError('csrf_invalid');
    const [items, units] = await Promise.all([formItems(db, a.formId), reporterUnits(db, a.reporterId, a.formCode, a.period)]);
    const typed = new Map<string, string>();
    const rows: RawRow[] = units.map((unit, k) => {
      const row = FIRST_DATA_ROW + k;
      const read = (ref: string): string => {
        const v = field(body, `c_${ref}`).trim().slice(0, 1000);
        if (v !== '') typed.set(ref, v);
        return v;
      };
      const values = items.map((_, i) => {
        const v = read(cellRef(valueColumn(i), row));
        return v === '' ? ({ kind: 'empty' } as const) : ({ kind: 'text', text: v } as const);
      });
      return { row, unitCode: unit.code, values, reason: read(cellRef(reasonColumn(items.length), row)) };
    });
    return finish(request, reply, a, rows, 'form', null, typed);
  });

  app.post<{ Params: { id: string } }>(`${REPORTS_PATH}/:id/tai-len`, { preHandler: requireUserPage }, async (request, reply) => {
    const a = await ownAssignment(request);
    if (!request.isMultipart()) throw new AppError('unsupported_media_type');
    const fields: Record<string, string> = {};
    let file: { name: string; content: Buffer } | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const content = await part.toBuffer();
          if (file === undefined && part.fieldname === 'file') file = { name: part.filename, content };
        } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        return renderAssignment(request, reply, a, { problems: [{ key: 'reports.err.too_big', params: { kb: MAX_UPLOAD_BYTES / 1024 } }] }, 413);
      }
      throw err;
    }
    if (!isCsrfValid(request, fields._csrf ?? '', config.secret)) throw new AppError('csrf_invalid');
    if (a.periodStatus !== 'open') return renderAssignment(request, reply, a, { problems: [{ key: 'reports.err.period_closed', params: { period: a.period } }] }, 422);
    if (file === undefined || file.content.length === 0) return renderAssignment(request, reply, a, { problems: [{ key: 'reports.err.no_file' }] }, 422);
    const items = await formItems(db, a.formId);
    const units = await reporterUnits(db, a.reporterId, a.formCode, a.period);
    const read = await readUpload(file.name, file.content, {
      code: a.formCode,
      version: a.formVersion,
      period: a.period,
      assignmentId: a.id,
      itemCodes: items.map((i) => i.code),
      unitCount: units.length,
    });
    if (!read.ok) return renderAssignment(request, reply, a, { problems: read.problems }, 422);
    return finish(request, reply, a, read.rows, read.channel, file.name.slice(0, 120));
  });
}
