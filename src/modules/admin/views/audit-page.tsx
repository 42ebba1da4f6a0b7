/** The audit log viewer: filters, the entries with a field-by-field diff, and the chain check. */
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { ChainReport } from '../../../platform/audit/audit.ts';
import type { AuditLogTable } from '../../../platform/db/schema.ts';
import { formatDateTime } from '../../../platform/text/format.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { FormAlert, Notice, TextField } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { Selectable } from 'kysely';
import { auditDiff } from '../audit-diff.ts';
import { AUDIT_PAGE_SIZE } from '../audit-queries.ts';
import { Pagination, SelectField } from './common.tsx';

export const AUDIT_PATH = '/quan-tri/nhat-ky';

export interface AuditPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly filters: Record<'loai' | 'hanh-dong' | 'nguoi' | 'tu' | 'den', string>;
  readonly vocabulary: { entityTypes: readonly string[]; actions: readonly string[] };
  readonly rows: readonly Selectable<AuditLogTable>[];
  readonly total: number;
  readonly page: number;
  readonly chain?: ChainReport;
}

function ChainResult({ ctx, chain }: { ctx: ViewContext; chain: ChainReport | undefined }): JSX.Element {
  if (chain === undefined) return <></>;
  if (chain.brokenAt === null) return <Notice message={ctx.t('admin.audit_intact', { count: chain.checked })} />;
  return <FormAlert message={ctx.t(chain.brokenAt.reason === 'hash' ? 'admin.audit_broken_hash' : 'admin.audit_broken_link', { id: chain.brokenAt.id })} />;
}

export function AuditPage(props: AuditPageProps): JSX.Element {
  const { ctx, filters, vocabulary, rows, total, page } = props;
  const t = ctx.t;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const any = { value: '', label: '' };
  return (
    <AdminLayout ctx={ctx} title={t('admin.audit_title')} adminNav={props.adminNav}>
      <h1 safe>{t('admin.audit_title')}</h1>
      <p class="prose" safe>{t('admin.audit_intro')}</p>

      <section aria-labelledby="verify-title">
        <h2 id="verify-title" safe>{t('admin.audit_verify_title')}</h2>
        <ChainResult ctx={ctx} chain={props.chain} />
        <form method="get" action={`${AUDIT_PATH}/kiem-tra`}>
          <button type="submit" class="button-secondary" safe>{t('admin.audit_verify')}</button>
        </form>
      </section>

      <form method="get" action={AUDIT_PATH} class="stack" aria-label={t('admin.filter')}>
        <SelectField t={t} name="loai" label={t('admin.audit_entity_type')} value={filters.loai} options={[any, ...vocabulary.entityTypes.map((v) => ({ value: v, label: v }))]} />
        <SelectField t={t} name="hanh-dong" label={t('admin.audit_action')} value={filters['hanh-dong']} options={[any, ...vocabulary.actions.map((v) => ({ value: v, label: v }))]} />
        <TextField t={t} name="nguoi" label={t('admin.audit_actor')} hint={t('admin.audit_actor_hint')} value={filters.nguoi} />
        <TextField t={t} name="tu" type="date" label={t('admin.audit_from')} value={filters.tu} />
        <TextField t={t} name="den" type="date" label={t('admin.audit_to')} value={filters.den} />
        <div class="actions">
          <button type="submit" safe>{t('admin.filter')}</button>
        </div>
      </form>
      <p class="muted" role="status" safe>{t('admin.results', { count: total })}</p>

      {rows.length === 0 ? (
        <p safe>{t('admin.audit_none')}</p>
      ) : (
        rows.map((r) => {
          const diff = auditDiff(r.before_json, r.after_json);
          return (
            <article class="card audit-entry" aria-labelledby={`entry-${r.id}`}>
              <h2 id={`entry-${r.id}`} safe>{`${t('admin.audit_entry', { id: r.id })}: ${r.action}`}</h2>
              <dl class="details">
                <dt safe>{t('admin.audit_at')}</dt>
                <dd safe>{formatDateTime(r.at)}</dd>
                <dt safe>{t('admin.audit_actor')}</dt>
                <dd safe>{r.actor_label}</dd>
                <dt safe>{t('admin.audit_entity')}</dt>
                <dd safe>{r.entity_id === null ? r.entity_type : `${r.entity_type} #${r.entity_id}`}</dd>
              </dl>
              {diff.length === 0 ? (
                <p class="muted" safe>{t('admin.audit_no_changes')}</p>
              ) : (
                <div class="table-wrap">
                  <table>
                    <caption class="visually-hidden" safe>{`${t('admin.audit_changes')} – ${t('admin.audit_entry', { id: r.id })}`}</caption>
                    <thead>
                      <tr>
                        <th scope="col" safe>{t('admin.audit_field')}</th>
                        <th scope="col" safe>{t('admin.audit_before')}</th>
                        <th scope="col" safe>{t('admin.audit_after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.map((d) => (
                        <tr class={d.changed ? 'changed' : undefined}>
                          <th scope="row" safe>{d.field}</th>
                          <td>{d.changed && d.before !== '' ? <del safe>{d.before ?? t('admin.none')}</del> : <span safe>{d.before ?? t('admin.none')}</span>}</td>
                          <td>{d.changed && d.after !== '' ? <ins safe>{d.after ?? t('admin.none')}</ins> : <span safe>{d.after ?? t('admin.none')}</span>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </article>
          );
        })
      )}
      <Pagination ctx={ctx} base={AUDIT_PATH} params={filters} page={page} pages={pages} />
    </AdminLayout>
  );
}
