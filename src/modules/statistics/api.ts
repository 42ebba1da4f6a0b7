/**
 * Open data API (JSON), version 1. Read-only and public: every response may be fetched from any origin.
 * Query parameter `lang=en` gives English error messages.
 */
import type { FastifyInstance } from 'fastify';
import { translator } from '../../platform/i18n/index.ts';
import { rankingOfIndicator, seriesOfIndicator } from './figures.ts';
import { periodParam, rangeParams, requireIndicator, requireUnit } from './params.ts';
import { allIndicators, type Indicator } from './queries.ts';

/** The public description of an indicator, the same in the API and the JSON download. */
export function indicatorJson(i: Indicator): Record<string, unknown> {
  return {
    code: i.code,
    category: i.category,
    name: { vi: i.name_vi, en: i.name_en },
    definition: { vi: i.definition_vi, en: i.definition_en },
    unit: { vi: i.unit_vi, en: i.unit_en },
    source: { vi: i.source_vi, en: i.source_en },
    ituCode: i.itu_code,
    periodicity: i.periodicity,
    aggregation: { units: i.unit_aggregation, time: i.time_aggregation },
    formula: i.formula,
    derived: i.formula !== null,
    decimals: i.decimals,
    higherIsBetter: i.higher_is_better === 1,
  };
}

const str = { type: 'string', maxLength: 64 } as const;
/** The error body of the open data API, for the OpenAPI document. */
export const errorResponse = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } } } },
} as const;

export function registerApi(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const lang = (request.query as Record<string, unknown> | undefined)?.lang;
    if (lang === 'en' || lang === 'vi') {
      request.locale = lang;
      request.t = translator(lang);
    }
    if (request.url.startsWith('/api/')) reply.header('access-control-allow-origin', '*');
  });

  app.get('/api/v1/indicators', { schema: { tags: ['statistics'], summary: 'Indicator dictionary', querystring: { type: 'object', properties: { lang: str } } } }, async (_request, reply) => {
    const indicators = await allIndicators(app.deps.store.db);
    return reply.send({ indicators: indicators.map(indicatorJson) });
  });

  app.get<{ Params: { code: string } }>(
    '/api/v1/indicators/:code',
    { schema: { tags: ['statistics'], summary: 'One indicator', params: { type: 'object', properties: { code: str } }, response: { 404: errorResponse } } },
    async (request, reply) => reply.send({ indicator: indicatorJson(await requireIndicator(app.deps.store.db, request.params.code)) }),
  );

  app.get<{ Params: { code: string }; Querystring: { unit?: string; from?: string; to?: string } }>(
    '/api/v1/indicators/:code/values',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Figures of an indicator for one administrative unit',
        description: 'Periods are written 2008, 2008-H2, 2008-Q3 or 2008-09. Each value has a status: reported, approved, estimate or illustrative.',
        params: { type: 'object', properties: { code: str } },
        querystring: { type: 'object', properties: { unit: str, from: str, to: str, lang: str } },
        response: { 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const db = app.deps.store.db;
      const indicator = await requireIndicator(db, request.params.code);
      const { from, to } = rangeParams(request.query.from, request.query.to);
      const unit = await requireUnit(db, request.query.unit, from, to);
      const values = await seriesOfIndicator(db, indicator, unit, from, to);
      return reply.send({ indicator: indicator.code, unit: unit.code, unitName: unit.name, illustrative: values.some((v) => v.status === 'illustrative'), values });
    },
  );

  app.get<{ Params: { code: string }; Querystring: { period?: string } }>(
    '/api/v1/rankings/:code',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Provinces ranked by an indicator for a period',
        description: 'Equal values share a rank (1, 2, 2, 4). `illustrative` is true when any figure is illustrative.',
        params: { type: 'object', properties: { code: str } },
        querystring: { type: 'object', properties: { period: str, lang: str } },
        response: { 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const db = app.deps.store.db;
      const indicator = await requireIndicator(db, request.params.code);
      const period = periodParam('period', request.query.period, true);
      if (period === null) return reply.callNotFound();
      const ranking = await rankingOfIndicator(db, indicator, period);
      return reply.send({ indicator: indicator.code, ...ranking });
    },
  );
}
