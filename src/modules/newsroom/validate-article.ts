/** Validation of what a writer submits in the article form. */
import type { FieldErrors } from '../../platform/errors.ts';
import { htmlToText, sanitiseBody } from './sanitize.ts';

export interface ArticleInput {
  readonly title: string;
  readonly slug: string;
  readonly lead: string;
  readonly body: string;
  readonly authorByline: string;
  readonly source: string;
  readonly eventDate: string;
  readonly categoryId: string;
  readonly tags: string;
  readonly featured: boolean;
  readonly note: string;
  /** Related article ids, comma- or space-separated (absent from older callers: none). */
  readonly related?: string;
}

export interface CleanArticle {
  readonly title: string;
  readonly slug: string;
  readonly lead: string;
  readonly body: string;
  readonly authorByline: string;
  readonly source: string | null;
  readonly eventDate: string | null;
  readonly categoryId: number;
  readonly tags: string[];
  readonly featured: boolean;
  readonly note: string | null;
  readonly relatedIds: number[];
}

const chars = (s: string): number => [...s].length;

/** A real calendar date written YYYY-MM-DD (2008-02-30 is refused). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const parseTags = (raw: string): string[] => [...new Set(raw.split(',').map((t) => t.trim().replace(/\s+/g, ' ')).filter((t) => t !== ''))];

export const MAX_RELATED = 8;

/** "12, 7 30" → [12, 7, 30]; undefined when something else than ids was typed. */
export function parseRelatedIds(raw: string): number[] | undefined {
  const parts = raw.split(/[\s,;#]+/).filter((p) => p !== '');
  if (parts.some((p) => !/^\d{1,9}$/.test(p))) return undefined;
  return [...new Set(parts.map(Number))];
}

export function validateArticle(input: ArticleInput, categoryIds: ReadonlySet<number>): { errors: FieldErrors; clean: CleanArticle } {
  const errors: FieldErrors = {};
  if (input.title === '') errors.title = { key: 'newsroom.error_title' };
  else if (chars(input.title) > 300) errors.title = { key: 'shell.field_too_long', params: { field: 'title', max: 300 } };
  if (input.slug !== '' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug)) errors.slug = { key: 'newsroom.error_slug' };
  else if (input.slug.length > 120) errors.slug = { key: 'shell.field_too_long', params: { field: 'slug', max: 120 } };
  if (chars(input.lead) > 1000) errors.lead = { key: 'shell.field_too_long', params: { field: 'lead', max: 1000 } };
  const body = sanitiseBody(input.body);
  // An editor's empty paragraph (<p><br></p>) is no body either.
  if (htmlToText(body.html) === '' && !body.html.includes('<img')) errors.body = { key: 'newsroom.error_body' };
  else if (body.imagesWithoutAlt > 0) errors.body = { key: 'newsroom.error_image_alt', params: { count: body.imagesWithoutAlt } };
  else if (input.body.length > 500_000) errors.body = { key: 'shell.field_too_long', params: { field: 'body', max: 500000 } };
  if (input.authorByline === '') errors.author_byline = { key: 'newsroom.error_author' };
  else if (chars(input.authorByline) > 200) errors.author_byline = { key: 'shell.field_too_long', params: { field: 'author', max: 200 } };
  if (chars(input.source) > 200) errors.source = { key: 'shell.field_too_long', params: { field: 'source', max: 200 } };
  if (input.eventDate !== '' && !isRealDate(input.eventDate)) errors.event_date = { key: 'newsroom.error_date' };
  const categoryId = /^\d{1,9}$/.test(input.categoryId) ? Number(input.categoryId) : NaN;
  if (!categoryIds.has(categoryId)) errors.category_id = { key: 'newsroom.error_category' };
  const tags = parseTags(input.tags);
  if (tags.length > 10 || tags.some((t) => chars(t) > 50)) errors.tags = { key: 'newsroom.error_tags' };
  const relatedIds = parseRelatedIds(input.related ?? '');
  if (relatedIds === undefined || relatedIds.length > MAX_RELATED) errors.related = { key: 'newsroom.error_related' };
  if (chars(input.note) > 500) errors.note = { key: 'shell.field_too_long', params: { field: 'note', max: 500 } };
  return {
    errors,
    clean: {
      title: input.title,
      slug: input.slug,
      lead: input.lead,
      body: body.html,
      authorByline: input.authorByline,
      source: input.source === '' ? null : input.source,
      eventDate: input.eventDate === '' ? null : input.eventDate,
      categoryId,
      tags,
      featured: input.featured,
      note: input.note === '' ? null : input.note,
      relatedIds: relatedIds ?? [],
    },
  };
}
