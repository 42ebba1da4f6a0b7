/**
 * Licence benchmark: issuing licences one transaction each (numbering under its lock), the public
 * register's searches on a large register, and making licence PDFs.
 *
 *   npx tsx bench/eservices-licences.ts [--licences 100000] [--database URL]
 *
 * With BENCH_SCALE=small (set by `npm run bench`) the register holds 5,000 licences.
 * DATABASE: a SQLite file path (default: a temporary file) or a postgres:// URL of an EMPTY database.
 * Prints issuing rate, register p50/p95 latency (folded two-word queries, with and without a year)
 * and PDF p50/p95 time and size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { insertLicence } from '../src/modules/eservices/results/issue-licence.ts';
import { registerPage } from '../src/modules/eservices/results/licence-queries.ts';
import { licencePdf } from '../src/modules/eservices/results/licence-pdf.ts';

const HOLDERS = ['Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Tỉnh đoàn', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Liên đoàn Lao động', 'Ban Dân tộc', 'Sở Tư pháp', 'Hội Cựu chiến binh', 'Công an tỉnh'];
const TITLES = ['Bản tin', 'Sổ tay', 'Tài liệu tuyên truyền', 'Kỷ yếu', 'Cẩm nang', 'Tài liệu hỏi đáp', 'Niên giám'];
const TOPICS = ['nông nghiệp', 'phụ nữ', 'thanh niên', 'phòng chống dịch bệnh', 'giáo dục địa phương', 'công đoàn', 'dân tộc vùng cao', 'pháp luật', 'du lịch Sa Pa', 'an toàn giao thông', 'chuyển đổi số', 'chè Shan tuyết'];
const QUERIES = ['ban tin', 'so tay nong nghiep', 'hoi nong dan', 'tai lieu phap luat', 'du lich sa pa', 'chuyen doi so', 'phu nu', 'giao thong'];

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number): number => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { licences: { type: 'string' }, database: { type: 'string' } } });
  const small = process.env.BENCH_SCALE === 'small';
  const count = Number(values.licences ?? (small ? 5_000 : 100_000));
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-bench-'));
  const url = values.database ?? path.join(dir, 'bench.sqlite');
  const store = createDb(url.startsWith('postgres') ? { kind: 'postgres', url } : { kind: 'sqlite', file: url });
  try {
    await migrateToLatest(store.db);
    const at = new Date().toISOString();
    const agency = await store.db.insertInto('agencies').values({ code: 'so-tttt-lao-cai', kind: 'department', created_at: at }).returning('id').executeTakeFirstOrThrow();
    await store.db.insertInto('agency_versions').values({ agency_id: agency.id, name_vi: 'Sở Thông tin và Truyền thông tỉnh Lào Cai', name_en: 'Lào Cai Department of Information and Communications', short_name: null, parent_agency_id: null, admin_unit_id: null, address: null, phone: null, email: null, valid_from: '2008-01-01', valid_to: null }).execute();
    const procedure = await store.db
      .insertInto('procedures')
      .values({ code: '1.003868', national_code: '1.003868', name_vi: 'Cấp giấy phép xuất bản tài liệu không kinh doanh', name_en: 'Licence', field: 'publishing', applicants_vi: '', applicants_en: '', steps_vi: '', steps_en: '', processing_days: 10, result_vi: '', result_en: '', legal_basis: '', form_json: '{}', search_text: '', created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();

    const issueOne = (db: typeof store.db, i: number) =>
      insertLicence(db, 'so-tttt-lao-cai', {
        agencyId: agency.id,
        procedureId: procedure.id,
        dossierId: null,
        kind: 'publishing_noncommercial',
        issuedOn: `${2008 + (i % 18)}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
        holderName: `${HOLDERS[i % HOLDERS.length] ?? ''} tỉnh Lào Cai`,
        holderAddress: 'Lào Cai',
        title: `${TITLES[i % TITLES.length] ?? ''} ${TOPICS[(i * 7) % TOPICS.length] ?? ''} số ${i}`,
        quantity: 100 + (i % 50) * 10,
        details: { doc_form: 'print', doc_pages: String(8 + (i % 90)) },
        validUntil: null,
        signerName: 'Lãnh đạo Sở',
        signerTitle: 'Giám đốc',
        illustrative: true,
        issuedBy: null,
      });

    // Issuing as the app does: one transaction per licence.
    const timed = Math.min(count, 2_000);
    let t0 = performance.now();
    for (let i = 0; i < timed; i++) await store.db.transaction().execute((trx) => issueOne(trx, i));
    const issuePerSecond = timed / ((performance.now() - t0) / 1000);
    for (let from = timed; from < count; from += 1000) {
      await store.db.transaction().execute(async (trx) => {
        for (let i = from; i < Math.min(count, from + 1000); i++) await issueOne(trx, i);
      });
    }
    if (store.dialect === 'postgres') await sql`analyze licences`.execute(store.db);

    const search: number[] = [];
    for (let q = 0; q < 200; q++) {
      const filter = { q: QUERIES[q % QUERIES.length] ?? '', ...(q % 2 === 0 ? { year: 2008 + (q % 18) } : {}) };
      t0 = performance.now();
      await registerPage(store.db, filter, 1);
      search.push(performance.now() - t0);
    }
    search.sort((a, b) => a - b);
    const plain: number[] = [];
    for (let q = 0; q < 100; q++) {
      t0 = performance.now();
      await registerPage(store.db, { year: 2008 + (q % 18) }, 1 + (q % 5));
      plain.push(performance.now() - t0);
    }
    plain.sort((a, b) => a - b);

    const sample = await store.db.selectFrom('licences').selectAll().limit(30).execute();
    const pdfMs: number[] = [];
    let bytes = 0;
    for (const l of sample) {
      t0 = performance.now();
      const pdf = await licencePdf(l, 'Sở Thông tin và Truyền thông tỉnh Lào Cai', `https://congso.example.vn/xac-thuc/giay-phep/${l.token}`);
      pdfMs.push(performance.now() - t0);
      bytes += pdf.length;
    }
    pdfMs.sort((a, b) => a - b);
    const total = await store.db.selectFrom('licences').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(
      JSON.stringify({
        bench: 'eservices-licences',
        engine: store.dialect,
        licences: Number(total.n),
        issuePerSecond: Math.round(issuePerSecond),
        registerSearchMs: { p50: round(percentile(search, 50)), p95: round(percentile(search, 95)) },
        registerYearMs: { p50: round(percentile(plain, 50)), p95: round(percentile(plain, 95)) },
        pdfMs: { p50: round(percentile(pdfMs, 50)), p95: round(percentile(pdfMs, 95)) },
        pdfKb: Math.round(bytes / sample.length / 1024),
      }),
    );
  } finally {
    await store.db.destroy();
    if (values.database === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
