/**
 * Imports articles read by import-sources.ts. Each item is validated like a form, written in its own
 * transaction (so one bad item never stops or half-writes the rest), indexed when published, and
 * audited. An article whose slug already exists is skipped, so an import can be run again.
 */
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { translate } from '../../platform/i18n/index.ts';
import { slugify } from '../../platform/text/slug.ts';
import { syncArticleIndex } from './article-index.ts';
import { allCategories } from './queries.ts';
import type { ImportItem, ImportRecord } from './import-sources.ts';
import { validateArticle } from './validate-article.ts';

export interface ImportOptions {
  /** Category slug for items that name none. */
  readonly defaultCategory?: string;
  /** Byline for items without an author. */
  readonly defaultAuthor: string;
  readonly onItem?: (done: number) => void;
}

export interface ImportReport {
  imported: number;
  skipped: number;
  errors: { line: number; error: string }[];
}

async function categoryFor(db: Db, actor: AuditActor, record: ImportRecord, fallback: string | undefined): Promise<number | string> {
  const slug = slugify(record.category === '' ? (fallback ?? '') : record.category, 80);
  if (slug === '') return 'no category (give --category)';
  const existing = await db.selectFrom('news_categories').select('id').where('slug', '=', slug).executeTakeFirst();
  if (existing !== undefined) return existing.id;
  const name = record.categoryName === '' ? slug : record.categoryName;
  const { id } = await db.insertInto('news_categories').values({ slug, name_vi: name, name_en: name, parent_id: null, sort_order: 100 }).returning('id').executeTakeFirstOrThrow();
  await recordAudit(db, actor, { action: 'newsroom.category_created', entityType: 'news_category', entityId: id, after: { slug, name } });
  return id;
}

async function importOne(db: Db, actor: AuditActor, record: ImportRecord, options: ImportOptions): Promise<'imported' | 'skipped' | string> {
  return db.transaction().execute(async (trx) => {
    const slug = slugify(record.slug === '' ? record.title : record.slug);
    if (slug !== '' && (await trx.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined) return 'skipped';
    const category = await categoryFor(trx, actor, record, options.defaultCategory);
    if (typeof category === 'string') return category;
    const published = Date.parse(record.publishedAt);
    if (record.publish && Number.isNaN(published)) return 'publication date missing or invalid';
    const categories = new Set((await allCategories(trx)).map((c) => c.id));
    const { errors, clean } = validateArticle(
      { title: record.title, slug, lead: record.lead, body: record.body, authorByline: record.author === '' ? options.defaultAuthor : record.author, source: record.source, eventDate: '', categoryId: String(category), tags: record.tags.slice(0, 10).map((t) => t.slice(0, 50)).join(', '), featured: false, note: '' },
      categories,
    );
    const problems = Object.entries(errors);
    if (problems.length > 0) return problems.map(([field, e]) => `${field}: ${translate('en', e.key, e.params)}`).join('; ');
    const at = nowIso();
    const publishedAt = record.publish ? new Date(published).toISOString() : null;
    const { id } = await trx
      .insertInto('articles')
      .values({ category_id: category, slug, status: record.publish ? 'published' : 'draft', working_revision_id: 0, is_public: record.publish ? 1 : 0, published_at: publishedAt, created_at: publishedAt ?? at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const revision = await trx
      .insertInto('article_revisions')
      .values({ article_id: id, number: 1, title: clean.title, lead: clean.lead, body: clean.body, author_byline: clean.authorByline, source: clean.source, event_date: null, tags: clean.tags.join(', '), note: 'import', created_by: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('articles').set({ working_revision_id: revision.id, live_revision_id: record.publish ? revision.id : null }).where('id', '=', id).execute();
    for (const name of clean.tags) {
      const tagSlug = slugify(name, 60);
      if (tagSlug === '') continue;
      const tag = (await trx.selectFrom('news_tags').select('id').where('slug', '=', tagSlug).executeTakeFirst()) ?? (await trx.insertInto('news_tags').values({ slug: tagSlug, name }).returning('id').executeTakeFirstOrThrow());
      await trx.insertInto('article_tags').values({ article_id: id, tag_id: tag.id }).onConflict((oc) => oc.doNothing()).execute();
    }
    if (record.publish) await syncArticleIndex(trx, id);
    await recordAudit(trx, actor, { action: 'newsroom.article_imported', entityType: 'article', entityId: id, after: { slug, title: clean.title, published: record.publish } });
    return 'imported';
  });
}

export async function importArticles(db: Db, actor: AuditActor, items: Iterable<ImportItem>, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, skipped: 0, errors: [] };
  let done = 0;
  for (const item of items) {
    if ('error' in item) report.errors.push({ line: item.line, error: item.error });
    else {
      const outcome = await importOne(db, actor, item.record, options);
      if (outcome === 'imported') report.imported++;
      else if (outcome === 'skipped') report.skipped++;
      else report.errors.push({ line: item.line, error: outcome });
    }
    options.onItem?.(++done);
  }
  return report;
}
