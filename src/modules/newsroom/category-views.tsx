/** The editors' page for the category tree. */
import { AdminLayout } from '../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextField, fieldMessage } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import type { AdminNavItem } from '../../platform/http/context.ts';
import type { CategoryRow } from './queries.ts';

export const CATEGORY_ADMIN = '/quan-tri/chuyen-muc';

/** Categories in tree order with their depth. */
export function treeOrder(categories: readonly CategoryRow[]): { category: CategoryRow; depth: number }[] {
  const out: { category: CategoryRow; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    if (depth > 20) return;
    for (const c of categories.filter((x) => x.parent_id === parent)) {
      out.push({ category: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export interface CategoryPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly categories: readonly CategoryRow[];
  readonly editing: CategoryRow | undefined;
  readonly values: Record<string, string>;
  readonly errors?: FieldErrors | undefined;
  readonly alert?: string | undefined;
  readonly notice?: string | undefined;
}

export function CategoryAdminPage(props: CategoryPageProps): JSX.Element {
  const { ctx, categories, editing, values, errors } = props;
  const t = ctx.t;
  const labels = { name_vi: t('newsroom.category_name_vi'), name_en: t('newsroom.category_name_en'), slug: t('newsroom.slug'), parent_id: t('newsroom.category_parent'), sort_order: t('newsroom.category_order') };
  const parentError = fieldMessage(t, errors, 'parent_id');
  const tree = treeOrder(categories);
  return (
    <AdminLayout ctx={ctx} title={t('newsroom.categories')} adminNav={props.adminNav}>
      <h1 safe>{t('newsroom.categories')}</h1>
      <Notice message={props.notice} />
      <div class="table-wrap">
        <table>
          <caption safe>{t('newsroom.categories')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('newsroom.category_name_vi')}</th>
              <th scope="col" safe>{t('newsroom.slug')}</th>
              <th scope="col" safe>{t('newsroom.category_order')}</th>
            </tr>
          </thead>
          <tbody>
            {tree.map(({ category: c, depth }) => (
              <tr>
                <td>
                  <a href={`${CATEGORY_ADMIN}?sua=${c.id}`} safe>{`${'— '.repeat(depth)}${c.name_vi}`}</a>
                </td>
                <td safe>{c.slug}</td>
                <td safe>{String(c.sort_order)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="category-form" safe>{editing === undefined ? t('newsroom.category_add') : t('newsroom.category_edit', { name: editing.name_vi })}</h2>
      <form method="post" action={editing === undefined ? CATEGORY_ADMIN : `${CATEGORY_ADMIN}/${editing.id}`} class="stack" novalidate>
        <FormAlert message={props.alert} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <TextField t={t} name="name_vi" label={labels.name_vi} value={values.name_vi} errors={errors} required maxlength={120} />
        <TextField t={t} name="name_en" label={labels.name_en} value={values.name_en} errors={errors} maxlength={120} />
        <TextField t={t} name="slug" label={labels.slug} value={values.slug} errors={errors} hint={t('newsroom.category_slug_hint')} maxlength={80} />
        <div class={parentError === undefined ? 'field' : 'field field-error'}>
          <label for="f-parent_id" safe>{labels.parent_id}</label>
          {parentError === undefined ? '' : <p class="error-message" id="f-parent_id-error" safe>{parentError}</p>}
          <select id="f-parent_id" name="parent_id" aria-invalid={parentError === undefined ? undefined : 'true'} aria-describedby={parentError === undefined ? undefined : 'f-parent_id-error'}>
            <option value="" safe>{t('newsroom.category_root')}</option>
            {tree.map(({ category: c, depth }) => (
              <option value={String(c.id)} selected={values.parent_id === String(c.id)} safe>{`${'— '.repeat(depth)}${c.name_vi}`}</option>
            ))}
          </select>
        </div>
        <TextField t={t} name="sort_order" label={labels.sort_order} type="number" value={values.sort_order} errors={errors} />
        <div class="actions">
          <button type="submit" class="button" safe>{t('newsroom.save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
