/** The search page /tim-kiem and GET /api/v1/search: the same engine, the same validation. */
import type { FastifyInstance } from 'fastify';
import type { FieldErrors } from '../errors.ts';
import { translate } from '../i18n/index.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { searchDocuments, type SearchQuery } from './engine.ts';
import { SearchPage } from './search-page.tsx';
import { isSearchType, searchTypes } from './types.ts';

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).normalize('NFC');

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Dates are calendar days in Viet Nam (UTC+7): "to" includes its whole day. */
function parseFilters(raw: { type: string; from: string; to: string; page: string; category: string }): { query: Omit<SearchQuery, 'q'>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (raw.from !== '' && !isRealDate(raw.from)) errors.tu = { key: 'search.error_date' };
  if (raw.to !== '' && !isRealDate(raw.to)) errors.den = { key: 'search.error_date' };
  if (errors.tu === undefined && errors.den === undefined && raw.from !== '' && raw.to !== '' && raw.from > raw.to) errors.den = { key: 'search.error_range' };
  const from = raw.from !== '' && errors.tu === undefined ? new Date(`${raw.from}T00:00:00+07:00`).toISOString() : null;
  const to = raw.to !== '' && errors.den === undefined ? new Date(Date.parse(`${raw.to}T00:00:00+07:00`) + 86_400_000 - 1).toISOString() : null;
  const types = raw.type !== '' && isSearchType(raw.type) ? [raw.type] : raw.type !== '' ? ['-'] : [];
  const page = /^\d{1,4}$/.test(raw.page) ? Number(raw.page) : 1;
  const category = /^\d{1,9}$/.test(raw.category) ? Number(raw.category) : null;
  return { query: { types, from, to, page, category }, errors };
}

export default async function searchPlugin(app: FastifyInstance): Promise<void> {
  const db = app.deps.store.db;
  // Search is the most expensive public request: a limit per address stops a flood while leaving
  // room for many readers behind one office or mobile-carrier address (10 a second).
  const limit = app.rateLimit({ max: 600, timeWindow: '1 minute' });

  app.get<{ Querystring: Raw }>('/tim-kiem', { preHandler: limit }, async (request, reply) => {
    const values = { q: one(request.query.q).trim(), loai: one(request.query.loai), tu: one(request.query.tu), den: one(request.query.den) };
    const { query, errors } = parseFilters({ type: values.loai, from: values.tu, to: values.den, page: one(request.query.trang), category: one(request.query['chuyen-muc']) });
    const hasErrors = Object.keys(errors).length > 0;
    const results = values.q === '' || hasErrors ? null : await searchDocuments(db, { q: values.q, ...query });
    const ctx = await viewContext(request);
    return sendHtml(reply, SearchPage({ ctx, values, types: searchTypes(), results, errors: hasErrors ? errors : undefined }), hasErrors ? 422 : 200);
  });

  app.get<{ Querystring: Raw }>('/api/v1/search', { preHandler: limit }, async (request, reply) => {
    const q = one(request.query.q).trim();
    const { query, errors } = parseFilters({ type: one(request.query.type), from: one(request.query.from), to: one(request.query.to), page: one(request.query.page), category: one(request.query.category) });
    if (Object.keys(errors).length > 0) {
      const both = (e: FieldErrors[string]) => ({ vi: translate('vi', e.key, e.params), en: translate('en', e.key, e.params) });
      const fields = Object.fromEntries(Object.entries(errors).map(([k, e]) => [k === 'tu' ? 'from' : k === 'den' ? 'to' : k, both(e)]));
      return reply.code(400).send({ error: { code: 'bad_request', message: { vi: translate('vi', 'error.bad_request'), en: translate('en', 'error.bad_request') }, fields, requestId: request.id } });
    }
    const r = await searchDocuments(db, { q, ...query });
    return { total: r.total, totalIsLowerBound: r.totalIsLowerBound, page: r.page, pageSize: r.pageSize, truncated: r.truncated, results: r.results };
  });
}
