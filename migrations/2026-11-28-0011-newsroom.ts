/** Newsroom: categories (a tree), tags, articles with every revision kept, ratings and their daily salts. */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  await withId(db, db.schema.createTable('news_categories'))
    .addColumn('parent_id', 'integer', (c) => c.references('news_categories.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('news_tags'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('articles'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('news_categories.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    // The revision being worked on, and the one readers see; a published article being edited has both.
    // No foreign keys here: revisions reference their article, and the pair is written in one transaction.
    .addColumn('working_revision_id', 'integer', (c) => c.notNull())
    .addColumn('live_revision_id', 'integer')
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', ts)
    .addColumn('scheduled_at', ts)
    .addColumn('review_comment', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_sum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_public').on('articles').columns(['is_public', 'published_at']).execute();
  await db.schema.createIndex('articles_category').on('articles').columns(['category_id', 'is_public', 'published_at']).execute();

  await withId(db, db.schema.createTable('article_revisions'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_byline', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('event_date', date(db))
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('article_revisions_number', ['article_id', 'number'])
    .execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('news_tags.id'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();

  await withId(db, db.schema.createTable('article_ratings'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
    // 'u:<user id>' for a signed-in reader, else 'h:<keyed hash of the day's salt, address and user agent>'.
    .addColumn('rater_key', 'text', (c) => c.notNull())
    .addColumn('stars', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('article_ratings_once', ['article_id', 'rater_key'])
    .execute();

  await db.schema
    .createTable('rating_salts')
    .addColumn('day', date(db), (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
}
