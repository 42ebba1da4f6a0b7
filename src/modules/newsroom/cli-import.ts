/** `congso import articles FILE`: brings news from an old portal (JSON Lines or a WordPress export). */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../../cli/commands.ts';
import { createDb } from '../../platform/db/index.ts';
import { systemActor } from '../../platform/audit/audit.ts';
import { importArticles } from './import-articles.ts';
import { readJsonLines, readWxr, type ImportItem } from './import-sources.ts';

const MAX_FILE_BYTES = 512 * 1024 * 1024;

function progress(total: number): (done: number) => void {
  const isTty = process.stderr.isTTY === true;
  let last = -1;
  return (done) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct === last && done !== total) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% (${done}/${total})`;
    if (isTty) process.stderr.write(`\r${bar}${done === total ? '\n' : ''}`);
    else if (done === total || pct % 10 === 0) process.stderr.write(`${bar}\n`);
  };
}

export const importArticlesCommand: Command = {
  name: 'import articles',
  summary: 'import news from JSON Lines or a WordPress export (WXR)',
  help: `Usage: congso import articles FILE [--format jsonl|wxr] [--category SLUG] [--author NAME]

Imports articles into DATABASE_URL. The format follows the file name (.jsonl, .ndjson → JSON Lines;
.xml, .wxr → WordPress export) unless --format is given.

JSON Lines: one object per line with title, body (HTML or plain text), and optionally slug, lead,
author, source, publishedAt (ISO 8601), category (slug), categoryName, tags (array or comma list),
status ("published", the default, or "draft").
WordPress: posts only (pages and attachments are skipped); "publish" posts are published with their
date, others imported as drafts.

Bodies pass the same HTML allowlist as the editor; missing categories are created; an article whose
slug exists is skipped, so the import can be repeated. Each item is imported on its own: errors are
listed by line (JSON Lines) or item number (WordPress) and do not stop the import.

Options:
  --format jsonl|wxr   the file format
  --category SLUG      category for items that name none
  --author NAME        byline for items without an author (default "Ban biên tập")

Exit status: 0 when every item was imported or skipped; 1 when some items failed; 2 for bad options.`,
  async run(args, config) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, category: { type: 'string' }, author: { type: 'string' } } });
    const file = positionals[0];
    if (file === undefined) {
      console.error('congso import articles: give the FILE to import');
      return 2;
    }
    let text: string;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) {
        console.error(`congso import articles: ${file} is larger than 512 MB; split it`);
        return 2;
      }
      text = readFileSync(file, 'utf8');
    } catch (err) {
      console.error(`congso import articles: cannot read ${file}: ${(err as Error).message}`);
      return 2;
    }
    const format = values.format ?? (/\.(xml|wxr)$/i.test(file) ? 'wxr' : 'jsonl');
    if (format !== 'jsonl' && format !== 'wxr') {
      console.error('congso import articles: --format must be jsonl or wxr');
      return 2;
    }
    const items: ImportItem[] = [...(format === 'wxr' ? readWxr(text) : readJsonLines(text))];
    const store = createDb(config.database);
    try {
      const report = await importArticles(store.db, systemActor('import'), items, {
        ...(values.category === undefined ? {} : { defaultCategory: values.category }),
        defaultAuthor: values.author ?? 'Ban biên tập',
        onItem: progress(items.length),
      });
      for (const e of report.errors) console.error(`${format === 'wxr' ? 'item' : 'line'} ${e.line}: ${e.error}`);
      console.log(`imported ${report.imported}, skipped ${report.skipped} (already there), failed ${report.errors.length}`);
      return report.errors.length === 0 ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};
