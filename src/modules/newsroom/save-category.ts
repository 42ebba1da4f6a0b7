/** Editors keep the category tree: add and rename categories, move them under another (no cycles). Audited. */
import type { Db } from '../../platform/db/index.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { slugify, uniqueSlug } from '../../platform/text/slug.ts';
import { allCategories, categoryById } from './queries.ts';

export interface CategoryInput {
  readonly nameVi: string;
  readonly nameEn: string;
  readonly slug: string;
  readonly parentId: string;
  readonly sortOrder: string;
}

// Pages of the portal live beside /tin-tuc/<category>: these names would shadow them.
const RESERVED = new Set(['rss-xml', 'atom-xml', 'danh-gia', 'anh']);

/** Creates (id null) or updates a category; returns its id. */
export async function saveCategory(db: Db, actor: AuditActor, id: number | null, input: CategoryInput): Promise<number> {
  const errors: FieldErrors = {};
  if (input.nameVi === '') errors.name_vi = { key: 'newsroom.category_error_name' };
  else if ([...input.nameVi].length > 120) errors.name_vi = { key: 'shell.field_too_long', params: { field: 'name', max: 120 } };
  if ([...input.nameEn].length > 120) errors.name_en = { key: 'shell.field_too_long', params: { field: 'name', max: 120 } };
  if (input.slug !== '' && (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug) || input.slug.length > 80)) errors.slug = { key: 'newsroom.error_slug' };
  const sortOrder = input.sortOrder === '' ? 0 : /^-?\d{1,6}$/.test(input.sortOrder) ? Number(input.sortOrder) : NaN;
  if (Number.isNaN(sortOrder)) errors.sort_order = { key: 'newsroom.category_error_order' };
  return db.transaction().execute(async (trx) => {
    const all = await allCategories(trx);
    const parentId = input.parentId === '' ? null : /^\d{1,9}$/.test(input.parentId) ? Number(input.parentId) : -1;
    if (parentId !== null && !all.some((c) => c.id === parentId)) errors.parent_id = { key: 'newsroom.error_category' };
    // A category cannot be moved under itself or one of its descendants.
    if (id !== null && parentId !== null) {
      let p: number | null = parentId;
      for (let i = 0; p !== null && i < 100; i++) {
        if (p === id) {
          errors.parent_id = { key: 'newsroom.category_error_cycle' };
          break;
        }
        const cur: number = p;
        p = all.find((c) => c.id === cur)?.parent_id ?? null;
      }
    }
    const wanted = input.slug === '' ? slugify(input.nameVi, 80) : input.slug;
    if (RESERVED.has(wanted)) errors.slug = { key: 'newsroom.category_error_reserved' };
    const taken = all.find((c) => c.slug === wanted);
    if (input.slug !== '' && taken !== undefined && taken.id !== id) errors.slug = { key: 'newsroom.category_error_slug_taken' };
    if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
    const row = { name_vi: input.nameVi, name_en: input.nameEn === '' ? input.nameVi : input.nameEn, parent_id: parentId, sort_order: sortOrder };
    if (id === null) {
      const slug = await uniqueSlug(wanted, async (s) => all.some((c) => c.slug === s));
      const { id: newId } = await trx.insertInto('news_categories').values({ ...row, slug }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, actor, { action: 'newsroom.category_created', entityType: 'news_category', entityId: newId, after: { ...row, slug } });
      return newId;
    }
    const before = await categoryById(trx, id);
    if (before === undefined) throw new AppError('not_found');
    // The slug is part of every article's address: it changes only when asked for explicitly.
    const slug = input.slug === '' ? before.slug : input.slug;
    await trx.updateTable('news_categories').set({ ...row, slug }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'newsroom.category_updated', entityType: 'news_category', entityId: id, before, after: { ...row, slug } });
    return id;
  });
}
