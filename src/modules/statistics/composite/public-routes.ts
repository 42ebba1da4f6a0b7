/**
 * Composite indices for the public and the open data API: /thong-ke/chi-so (list),
 * /thong-ke/chi-so/{code}?edition=&period= (ranking and method), /thong-ke/chi-so/{code}/tinh/{unit}
 * (one province: rank, score and each step of the computation), /thong-ke/chi-so/{code}/xep-hang.csv|json,
 * and GET /api/v1/indices, /api/v1/indices/{code}/rankings. GET forms only: no JavaScript needed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { errorResponse } from '../api.ts';
import { renderResponsiveChart } from '../chart-svg.ts';
import { attachment, CONTENT_TYPES } from '../downloads.ts';
import { HOME_PROVINCE, homeCodeFor } from '../public-data.ts';
import { periodLabel } from '../period.ts';
import { indexJson, rankingCsv, rankingJson } from './files.ts';
import { allIndices, editionContent, editionsOf, indexByCode, type IndexRow } from './queries.ts';
import { chooseEdition, rankIndex, type IndexRanking } from './rankings.ts';
import { indexName, IndexListPage, IndexPage, INDICES_PATH, ProvincePage, type IndexForm } from './views.tsx';

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => (typeof v === 'string' ? v.normalize('NFC').trim().slice(0, 100) : '');
const formOf = (q: Query): IndexForm => ({ edition: one(q.edition), period: one(q.period), structure: one(q.structure) === '2025' ? '2025' : '' });
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

async function requireIndex(app: FastifyInstance, code: string): Promise<IndexRow> {
  const index = CODE.test(code) ? await indexByCode(app.deps.store.db, code) : undefined;
  if (index === undefined) throw new AppError('not_found', { code: { key: 'statistics.composite.error.unknown_index', params: { code: code.slice(0, 64) } } });
  return index;
}

/** The ranking a request asks for, or the field errors (thrown as 400 for files and the API). */
async function rankingFor(app: FastifyInstance, index: IndexRow, form: IndexForm): Promise<IndexRanking> {
  const db = app.deps.store.db;
  const choice = await chooseEdition(db, index, form);
  if ('errors' in choice) throw new AppError('bad_request', choice.errors);
  return rankIndex(db, index, await editionContent(db, choice.edition), choice.period, form.structure === '2025');
}

const str = { type: 'string', maxLength: 100 } as const;

/** Open data API; registered inside the statistics plugin after the OpenAPI document, so it is described at /api/docs. */
export function registerIndexApi(app: FastifyInstance): void {
  const db = app.deps.store.db;
  app.get('/api/v1/indices', { schema: { tags: ['statistics'], summary: 'Composite indices and their editions', querystring: { type: 'object', properties: { lang: str } } } }, async (_request, reply) => {
    const indices = await allIndices(db);
    const editions = await editionsOf(
      db,
      indices.map((i) => i.id),
    );
    return reply.send({ indices: indices.map((i) => indexJson(i, editions.filter((e) => e.index_id === i.id))) });
  });

  app.get<{ Params: { code: string }; Querystring: { period?: string; edition?: string; structure?: string } }>(
    '/api/v1/indices/:code/rankings',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Provinces ranked by a composite index for a period',
        description:
          'Each indicator is normalised to 0–1 (goalposts, or min–max over the provinces with a figure for the period; `bounds` gives the values used), pillar scores are weighted means of their indicators, the score is the weighted mean of the pillars times `scale`. Each row lists every indicator with its value, normalised value, weight in the index and contribution (contributions add up to the score). Provinces lacking an indicator are in `notRanked` with the missing codes. Without `edition`, the most recent edition covering the period; without `period`, the latest year with a ranking. `structure=2025` views a period before 1 July 2025 under the 34 provinces formed then (sums of former provinces merged whole; otherwise not ranked).',
        params: { type: 'object', properties: { code: str } },
        querystring: { type: 'object', properties: { period: str, edition: str, structure: str, lang: str } },
        response: { 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const index = await requireIndex(app, request.params.code);
      const ranking = await rankingFor(app, index, { edition: (request.query.edition ?? '').trim(), period: (request.query.period ?? '').trim(), structure: request.query.structure === '2025' ? '2025' : '' });
      return reply.send(rankingJson(ranking, request.t, request.locale));
    },
  );
}

export function registerIndexPages(app: FastifyInstance): void {
  const db = app.deps.store.db;

  app.get(INDICES_PATH, async (request, reply) => {
    const indices = await allIndices(db);
    const editions = await editionsOf(
      db,
      indices.map((i) => i.id),
    );
    return sendHtml(reply, IndexListPage({ ctx: await viewContext(request), indices: indices.map((index) => ({ index, editions: editions.filter((e) => e.index_id === index.id) })) }));
  });

  app.get<{ Params: { code: string }; Querystring: Query }>(`${INDICES_PATH}/:code`, async (request, reply) => {
    const index = await requireIndex(app, request.params.code);
    const ctx = await viewContext(request);
    const form = formOf(request.query);
    const choice = await chooseEdition(db, index, form);
    if ('errors' in choice) return sendHtml(reply, IndexPage({ ctx, index, editions: choice.editions, form, errors: choice.errors }), 422);
    const ranking = await rankIndex(db, index, await editionContent(db, choice.edition), choice.period, form.structure === '2025');
    const homeCode = ranking.under2025 ? HOME_PROVINCE.current : homeCodeFor(ranking.period);
    const title = ctx.t('statistics.composite.index_title', { index: indexName(ctx, index), period: periodLabel(ranking.period, ctx.locale) });
    const safeChart = renderResponsiveChart({
      kind: 'bar',
      title,
      description: ctx.t('statistics.indicator.chart_alt', { title }),
      points: ranking.result.rows.map((r) => ({ label: r.unitName, value: r.score, highlight: r.unitCode === homeCode })),
      locale: ctx.locale,
      decimals: ranking.result.decimals,
      idPrefix: 'chart-index',
    });
    return sendHtml(reply, IndexPage({ ctx, index, editions: choice.editions, form: { ...form, edition: choice.edition.label, period: ranking.period.code }, data: { ranking, homeCode, safeChart } }));
  });

  app.get<{ Params: { code: string; unit: string }; Querystring: Query }>(`${INDICES_PATH}/:code/tinh/:unit`, async (request, reply) => {
    const index = await requireIndex(app, request.params.code);
    if (!/^\d{2}$/.test(request.params.unit)) throw new AppError('not_found', { unit: { key: 'statistics.error.unknown_unit', params: { code: request.params.unit.slice(0, 64) } } });
    const ranking = await rankingFor(app, index, formOf(request.query));
    const figures = ranking.figures.find((f) => f.unitCode === request.params.unit);
    if (figures === undefined) throw new AppError('not_found', { unit: { key: 'statistics.error.unknown_unit', params: { code: request.params.unit } } });
    return sendHtml(reply, ProvincePage({ ctx: await viewContext(request), ranking, unit: { code: figures.unitCode, name: figures.unitName }, figures: figures.values }));
  });

  const file = (format: 'csv' | 'json') => async (request: FastifyRequest<{ Params: { code: string }; Querystring: Query }>, reply: FastifyReply) => {
    const index = await requireIndex(app, request.params.code);
    const form = formOf(request.query);
    const choice = await chooseEdition(db, index, form);
    if ('errors' in choice) {
      // A file has no form to re-render: the messages go back as plain text in the reader's language.
      const lines = Object.values(choice.errors).map((e) => request.t(e.key, e.params));
      return reply.code(400).type('text/plain; charset=utf-8').send(`${lines.join('\n')}\n`);
    }
    const ranking = await rankIndex(db, index, await editionContent(db, choice.edition), choice.period, form.structure === '2025');
    const name = request.locale === 'en' ? index.name_en : index.name_vi;
    reply
      .type(CONTENT_TYPES[format])
      .header('content-disposition', attachment(`${name} - ${choice.edition.label} - ${ranking.period.code}`, `${index.code} ${choice.edition.label} ${ranking.period.code}`, format))
      .header('access-control-allow-origin', '*');
    if (format === 'csv') return reply.send(rankingCsv(ranking, request.t, request.locale));
    return reply.send(JSON.stringify(rankingJson(ranking, request.t, request.locale)));
  };
  app.get(`${INDICES_PATH}/:code/xep-hang.csv`, file('csv'));
  app.get(`${INDICES_PATH}/:code/xep-hang.json`, file('json'));
}

