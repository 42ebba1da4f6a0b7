/** Small view parts shared by the administration pages. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/index.ts';
import { isRole } from '../../../platform/auth/roles.ts';
import { formatDate } from '../../../platform/text/format.ts';
import { FieldFrame, fieldParts } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';

export const roleLabel = (t: Translate, role: string): string => (isRole(role) ? t(`admin.role_${role}` as MessageKey) : role);

export const periodText = (t: Translate, from: string, to: string | null): string =>
  t('admin.period', { from: formatDate(from), to: to === null ? t('admin.open_ended') : formatDate(to) });

/** Pages 1…pages as links keeping the other query parameters. */
export function Pagination({ ctx, base, params, page, pages }: { ctx: ViewContext; base: string; params: Record<string, string>; page: number; pages: number }): JSX.Element {
  if (pages <= 1) return <></>;
  const href = (p: number): string => {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''));
    q.set('trang', String(p));
    return `${base}?${q.toString()}`;
  };
  const t = ctx.t;
  return (
    <nav class="pagination" aria-label={t('shell.pagination')}>
      <p safe>{t('shell.page_of', { page, pages })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev" safe>{t('shell.previous')}</a>
          </li>
        ) : ''}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next" safe>{t('shell.next')}</a>
          </li>
        ) : ''}
      </ul>
    </nav>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectField(props: { t: Translate; name: string; label: string; options: readonly Option[]; value?: string | undefined; errors?: FieldErrors | undefined; required?: boolean; hint?: string }): JSX.Element {
  const { t, name, label, options, value = '', errors, required = false, hint } = props;
  const parts = fieldParts(t, errors, name, hint);
  return (
    <FieldFrame t={t} parts={parts} label={label} required={required} hint={hint}>
      <select id={parts.id} name={name} required={required} {...parts.aria}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A one-button POST form (CSRF included) for switches such as "disable account". */
export function ButtonForm({ ctx, action, fields, label, secondary = true }: { ctx: ViewContext; action: string; fields: Record<string, string>; label: string; secondary?: boolean }): JSX.Element {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {Object.entries(fields).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class={secondary ? 'button-secondary' : undefined} safe>
        {label}
      </button>
    </form>
  );
}
