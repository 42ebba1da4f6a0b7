/**
 * E-services benchmark: the public catalogue (list and a search without diacritics), the dossier
 * tracking lookup (the /tra-cuu form and the JSON status API) at 50 connections, beside a bare
 * Fastify route measured in the same run.
 *
 *   npx tsx bench/eservices.ts [--database postgres://…/EMPTY_DATABASE]
 *
 * Default: a temporary SQLite file. The lookups are rate-limited per client address (20 a minute):
 * the app runs behind a trusted proxy here (TRUST_PROXY) and every request carries its own
 * X-Forwarded-For, as the citizens of a province reaching the portal through its reverse proxy would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { createDb } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/platform/seed/demo.ts';
import { benchSeconds, measure, printTable, startBaseline, type Measurement, type Row } from './lib/http.ts';

const CODE = '000.00.07.H15-261130-9001';
const PHONE = '0912 345 678';

/** autocannon with a different client address on every request (see the header comment). */
async function measureSpread(url: string, init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> }): Promise<Measurement> {
  let n = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections: 50,
      duration,
      requests: [
        {
          method: init.method,
          ...(init.body === undefined ? {} : { body: init.body }),
          setupRequest: (req) => {
            n += 1;
            return { ...req, headers: { ...init.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } };
          },
        },
      ],
    });
  await run(1);
  const r = await run(benchSeconds());
  return { requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total, failures: r.non2xx + r.errors + r.timeouts };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { database: { type: 'string' } } });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'congso-bench-es-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: values.database ?? path.join(dataDir, 'bench.sqlite'),
    SECRET: randomBytes(24).toString('hex'),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    TRUST_PROXY: 'true',
  });
  const store = createDb(config.database);
  const baseline = await startBaseline();
  try {
    await migrateToLatest(store.db);
    await seedDemo(store, config);
    // One submitted dossier of the citizen to look up, with the timeline a tracking page shows.
    const procedure = await store.db.selectFrom('procedures').select('id').where('code', '=', '1.003868').executeTakeFirstOrThrow();
    const agency = await store.db.selectFrom('procedure_agencies').select('agency_id').where('procedure_id', '=', procedure.id).where('role', '=', 'receiving').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const citizen = await store.db.selectFrom('users').select('id').where('email', '=', 'citizen@laocai.example.vn').executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const dossier = await store.db
      .insertInto('dossiers')
      .values({ code: CODE, procedure_id: procedure.id, agency_id: agency.agency_id, applicant_id: citizen.id, status: 'accepted', national_status: 2, channel: 2, applicant_name: 'Hoàng Văn Đạt', applicant_phone: PHONE, applicant_email: 'citizen@laocai.example.vn', summary: 'Sổ tay kỹ thuật trồng chè Shan tuyết', form_json: '{}', submitted_at: at, received_on: '2026-11-30', due_on: '2026-12-14', created_at: at, updated_at: at, resume_status: null, paused_on: null, finished_on: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.db
      .insertInto('dossier_events')
      .values([
        { dossier_id: dossier.id, at, actor_id: citizen.id, action: 'submitted', status: 'submitted', national_status: 1, note: null, due_on: '2026-12-14' },
        { dossier_id: dossier.id, at, actor_id: null, action: 'accept', status: 'accepted', national_status: 2, note: null, due_on: null },
      ])
      .execute();

    const app = await buildApp({ config, store, logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      // The tracking form needs the CSRF pair of a visit: one cookie and its token, reused by every request.
      const visit = await fetch(`${url}/tra-cuu`);
      const cookie = (visit.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(await visit.text())?.[1] ?? '';
      const form = new URLSearchParams({ _csrf: token, code: CODE, contact: PHONE }).toString();
      const check = await fetch(`${url}/tra-cuu`, { method: 'POST', body: form, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
      if (check.status !== 200 || !(await check.text()).includes(CODE)) throw new Error(`the tracking lookup does not find the dossier (${check.status})`);

      const base = await measure(`${baseline.url}/`);
      const rows: Row[] = [{ scenario: 'baseline: bare Fastify route', measurement: base }];
      const add = (scenario: string, m: Measurement) => rows.push({ scenario, measurement: m, baselineRps: base.requestsPerSecond });
      add('GET /thu-tuc (catalogue)', await measure(`${url}/thu-tuc`));
      add('GET /thu-tuc?q=giay phep xuat ban', await measure(`${url}/thu-tuc?q=giay+phep+xuat+ban`));
      add('GET /api/v1/procedures?q=…', await measure(`${url}/api/v1/procedures?q=tai+lieu`));
      add('POST /tra-cuu (tracking form)', await measureSpread(`${url}/tra-cuu`, { method: 'POST', body: form, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } }));
      add('GET /api/v1/dossiers/{code}/status', await measureSpread(`${url}/api/v1/dossiers/${encodeURIComponent(CODE)}/status?contact=${encodeURIComponent(PHONE)}`, { method: 'GET' }));
      console.log(`e-services, ${store.dialect}, 50 connections, ${benchSeconds()} s per scenario`);
      printTable(rows);
    } finally {
      await app.close();
    }
  } finally {
    await baseline.stop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
