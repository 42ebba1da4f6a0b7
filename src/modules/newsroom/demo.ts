/** Newsroom demo: the category tree and the seed article, published on 6 October 2008. */
import type { DemoSeeder } from '../../platform/seed/demo.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { slugify } from '../../platform/text/slug.ts';
import { syncArticleIndex } from './article-index.ts';
import { syncLegalDocumentIndex } from './legal-documents.ts';
import { SEED_ARTICLE } from './seed-article.ts';
import { parseTags } from './validate-article.ts';

const CATEGORIES: readonly { slug: string; vi: string; en: string; parent?: string }[] = [
  { slug: 'tin-hoat-dong', vi: 'Tin hoạt động', en: 'Activities' },
  { slug: 'hoat-dong-cua-so', vi: 'Hoạt động của Sở', en: "The Department's activities", parent: 'tin-hoat-dong' },
  { slug: 'tin-trong-tinh', vi: 'Tin trong tỉnh', en: 'Provincial news', parent: 'tin-hoat-dong' },
  { slug: 'buu-chinh-vien-thong', vi: 'Bưu chính, viễn thông', en: 'Posts and telecommunications' },
  { slug: 'cong-nghe-thong-tin', vi: 'Công nghệ thông tin', en: 'Information technology' },
  { slug: 'bao-chi-xuat-ban', vi: 'Báo chí, xuất bản', en: 'Press and publishing' },
];

export const newsroomDemo: DemoSeeder = async ({ db, agencies, users }) => {
  const ids = new Map<string, number>();
  let order = 0;
  for (const c of CATEGORIES) {
    const parentId = c.parent === undefined ? null : (ids.get(c.parent) ?? null);
    const row = await db.insertInto('news_categories').values({ slug: c.slug, name_vi: c.vi, name_en: c.en, parent_id: parentId, sort_order: ++order }).returning('id').executeTakeFirstOrThrow();
    ids.set(c.slug, row.id);
  }
  const writer = users.get('writer') ?? null;
  const at = nowIso();
  const a = SEED_ARTICLE;
  const { id } = await db
    .insertInto('articles')
    .values({
      category_id: ids.get('hoat-dong-cua-so')!,
      slug: slugify(a.title),
      status: 'published',
      working_revision_id: 0,
      is_public: 1,
      is_featured: 1,
      published_at: a.publishedAt,
      agency_id: agencies.get('so-tttt-lao-cai') ?? null,
      created_by: writer,
      created_at: a.publishedAt,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const revision = await db
    .insertInto('article_revisions')
    .values({ article_id: id, number: 1, title: a.title, lead: a.lead, body: a.body, author_byline: a.authorByline, source: a.source, event_date: a.eventDate, tags: a.tags, note: null, created_by: writer, created_at: a.publishedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('articles').set({ working_revision_id: revision.id, live_revision_id: revision.id }).where('id', '=', id).execute();
  for (const name of parseTags(a.tags)) {
    const tag = await db.insertInto('news_tags').values({ slug: slugify(name, 60), name }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('article_tags').values({ article_id: id, tag_id: tag.id }).execute();
  }
  await syncArticleIndex(db, id);

  // The rules the article says the Department advised the province to issue; the number and dates
  // are illustrative (the article does not give them), like the demo's licence line.
  await db
    .insertInto('legal_documents')
    .values({
      slug: 'quy-che-phat-ngon-va-cung-cap-thong-tin-cho-bao-chi',
      number_symbol: '15/2008/QĐ-UBND',
      doc_type: 'quyet-dinh',
      title: 'Ban hành Quy chế phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà nước tỉnh Lào Cai',
      issuing_body: 'Ủy ban nhân dân tỉnh Lào Cai',
      signer: 'Phó Chủ tịch UBND tỉnh',
      issued_on: '2008-07-15',
      effective_on: '2008-07-25',
      expires_on: null,
      status: 'in_force',
      replaced_by: null,
      summary: 'Quy định việc phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà nước tỉnh Lào Cai, do Sở Thông tin và Truyền thông tham mưu. (Số hiệu và ngày tháng minh họa cho bản demo.)',
      is_published: 1,
      created_by: users.get('editor') ?? null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const legal = await db.selectFrom('legal_documents').select('id').executeTakeFirstOrThrow();
  await syncLegalDocumentIndex(db, legal.id);

  // The working session the seed article reports; the article gives no time of day.
  await db
    .insertInto('work_schedule_events')
    .values({
      event_date: '2008-10-06',
      start_time: null,
      end_time: null,
      place: 'Sở Thông tin và Truyền thông tỉnh Lào Cai',
      leader: 'Thứ trưởng Bộ Thông tin và Truyền thông Trần Đức Lai',
      attendees: 'Đồng chí Phạm Văn Cường, Phó Chủ tịch UBND tỉnh; lãnh đạo Sở Thông tin và Truyền thông tỉnh Lào Cai',
      content: 'Làm việc với Đoàn công tác của Bộ Thông tin và Truyền thông về tháo gỡ khó khăn và triển khai nhiệm vụ của Sở',
      is_published: 1,
      agency_id: agencies.get('so-tttt-lao-cai') ?? null,
      created_by: users.get('editor') ?? null,
      created_at: at,
      updated_at: at,
    })
    .execute();
};
