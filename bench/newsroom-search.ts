/**
 * Search benchmark: generates a corpus of Vietnamese articles (about 2 KB each) into a fresh
 * database, then times two- and three-word queries typed without diacritics.
 *
 *   npx tsx bench/newsroom-search.ts [--docs 100000] [--queries 300] [--database URL]
 *
 * With BENCH_SCALE=small (set by `npm run bench`) the default corpus is 5,000 documents and 100 queries.
 * DATABASE: a SQLite file path (default: a temporary file) or a postgres:// URL of an EMPTY database.
 * Prints the corpus size, indexing time and p50/p95/p99 query latency in milliseconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { indexDocument, searchDocuments } from '../src/platform/search/engine.ts';
import { fold } from '../src/platform/text/fold.ts';

// Syllables of the sector's vocabulary; texts draw from them with a Zipf-like skew, as real text does.
const WORDS = (
  'của và các có được cho với trong là những đã này về người một không tỉnh sở thông tin truyền ' +
  'bưu chính viễn điện tử công nghệ dịch vụ trực tuyến hành thủ tục hồ sơ giấy phép báo chí xuất bản ' +
  'lào cai yên bái hà nội ủy ban nhân dân chủ tịch giám đốc phó trưởng phòng ban đoàn tác làm việc ' +
  'hạ tầng mạng internet thuê bao di động cố định mật độ máy dân số xã huyện thành phố điểm phục văn ' +
  'hóa tem kiểm tra xử lý vi phạm chất lượng giám sát doanh nghiệp dùng chung cho thuê quyền nghĩa ' +
  'đầu tư phát triển ứng dụng chuyển đổi số cổng giao tiếp chính phủ khung kiến nghị đề xuất nghiên ' +
  'cứu hướng dẫn quy định quyết định thông tư nghị định kế hoạch năm tháng quý báo cáo thống kê chỉ ' +
  'tiêu đánh giá xếp hạng truy cập toàn quốc tổ chức hội nghị tập huấn cán bộ công chức viên an toàn ' +
  'bảo mật phần mềm dữ liệu trung tâm lưu trữ phát thanh truyền hình tần số vô tuyến quảng cáo đối ngoại'
).split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const random = rng(20081006);
const zipfWord = (): string => WORDS[Math.min(WORDS.length - 1, Math.floor(WORDS.length * random() ** 2.2))]!;
const uniformWord = (): string => WORDS[Math.floor(random() * WORDS.length)]!;

function sentence(): string {
  const n = 8 + Math.floor(random() * 14);
  const words = Array.from({ length: n }, zipfWord);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function article(i: number): { title: string; body: string } {
  let body = '';
  while (body.length < 2000) body += `${sentence()} `;
  return { title: Array.from({ length: 6 + (i % 6) }, zipfWord).join(' '), body: body.trim() };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { docs: { type: 'string' }, queries: { type: 'string' }, database: { type: 'string' } } });
  const small = process.env.BENCH_SCALE === 'small';
  const docs = Number(values.docs ?? (small ? 5_000 : 100_000));
  const queryCount = Number(values.queries ?? (small ? 100 : 300));
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-bench-'));
  const url = values.database ?? path.join(dir, 'bench.sqlite');
  const store = createDb(url.startsWith('postgres') ? { kind: 'postgres', url } : { kind: 'sqlite', file: url });
  try {
    await migrateToLatest(store.db);
    const started = performance.now();
    const batch = 1000;
    for (let from = 0; from < docs; from += batch) {
      await store.db.transaction().execute(async (trx) => {
        for (let i = from; i < Math.min(docs, from + batch); i++) {
          const a = article(i);
          await indexDocument(trx, { type: 'article', id: i + 1, title: a.title, body: a.body, url: `/tin-tuc/bench/${i + 1}`, publishedAt: new Date(Date.UTC(2008, 0, 1) + i * 600_000).toISOString(), categoryId: 1 + (i % 6) });
        }
      });
      if (process.stderr.isTTY) process.stderr.write(`\rindexed ${Math.min(docs, from + batch)}/${docs}`);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    const indexSeconds = (performance.now() - started) / 1000;
    if (store.dialect === 'postgres') await sql`analyze search_documents`.execute(store.db);

    const timings: number[] = [];
    for (let q = 0; q < queryCount; q++) {
      const words = Array.from({ length: 2 + (q % 2) }, uniformWord).map(fold);
      const t0 = performance.now();
      await searchDocuments(store.db, { q: words.join(' '), types: ['article'] });
      timings.push(performance.now() - t0);
    }
    timings.sort((a, b) => a - b);
    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(
      JSON.stringify({
        engine: store.dialect,
        docs,
        indexSeconds: Math.round(indexSeconds),
        queries: queryCount,
        p50ms: Number(percentile(timings, 50).toFixed(2)),
        p95ms: Number(percentile(timings, 95).toFixed(2)),
        p99ms: Number(percentile(timings, 99).toFixed(2)),
        rssMB: Math.round(rss),
      }),
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
