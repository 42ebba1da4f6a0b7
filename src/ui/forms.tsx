/** Accessible form parts: error summary linked to fields, labelled inputs with their own messages. */
import type { Children } from '@kitajs/html';
import type { FieldErrors } from '../platform/errors.ts';
import { CSRF_FIELD } from '../platform/http/csrf.ts';
import type { MessageKey, Translate } from '../platform/i18n/index.ts';
import type { ViewContext } from './view-context.ts';

export function CsrfField({ ctx }: { ctx: ViewContext }): JSX.Element {
  return <input type="hidden" name={CSRF_FIELD} value={ctx.csrfToken} />;
}

/** Banner for a form-level problem (expired CSRF token, conflict, …). */
export function FormAlert({ message }: { message?: string | undefined }): JSX.Element {
  if (message === undefined || message === '') return <></>;
  return (
    <div class="alert alert-error" role="alert" safe>
      {message}
    </div>
  );
}

export function Notice({ message }: { message?: string | undefined }): JSX.Element {
  if (message === undefined || message === '') return <></>;
  return (
    <div class="alert alert-success" role="status" safe>
      {message}
    </div>
  );
}

export const fieldMessage = (t: Translate, errors: FieldErrors | undefined, name: string): string | undefined => {
  const e = errors?.[name];
  return e === undefined ? undefined : t(e.key, e.params);
};

/** A summary at the top of the form, each entry a link to its field (GOV.UK error summary pattern). */
export function ErrorSummary({ t, errors, labels }: { t: Translate; errors?: FieldErrors | undefined; labels: Record<string, string> }): JSX.Element {
  const names = Object.keys(errors ?? {});
  if (names.length === 0) return <></>;
  return (
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" safe>{t('shell.error_summary', { count: names.length })}</h2>
      <ul>
        {names.map((name) => (
          <li>
            <a href={`#f-${name}`} safe>
              {`${labels[name] ?? name}: ${fieldMessage(t, errors, name) ?? ''}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FieldProps {
  readonly t: Translate;
  readonly name: string;
  readonly label: string;
  readonly value?: string | undefined;
  readonly errors?: FieldErrors | undefined;
  readonly type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date' | 'url' | 'search';
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly hint?: string;
  readonly maxlength?: number;
  readonly inputmode?: string;
}

/** Ids and ARIA attributes tying a control to its hint and its message. */
export interface FieldParts {
  readonly id: string;
  readonly message: string | undefined;
  readonly aria: { readonly 'aria-invalid'?: 'true'; readonly 'aria-describedby'?: string };
}

export function fieldParts(t: Translate, errors: FieldErrors | undefined, name: string, hint: string | undefined): FieldParts {
  const id = `f-${name}`;
  const message = fieldMessage(t, errors, name);
  const describedBy = [hint === undefined ? '' : `${id}-hint`, message === undefined ? '' : `${id}-error`].filter((s) => s !== '').join(' ');
  return {
    id,
    message,
    aria: { ...(message === undefined ? {} : { 'aria-invalid': 'true' as const }), ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }) },
  };
}

/** What every labelled control shares: the label (marked when required), the hint and the message, around the control given as children. */
export function FieldFrame(props: { t: Translate; parts: FieldParts; label: string; required: boolean; hint: string | undefined; children?: Children }): JSX.Element {
  const { t, parts, label, required, hint, children } = props;
  return (
    <div class={parts.message === undefined ? 'field' : 'field field-error'}>
      <label for={parts.id}>
        <span safe>{label}</span>
        {required ? <span class="required" safe>{` (${t('shell.required')})`}</span> : ''}
      </label>
      {hint === undefined ? '' : (
        <p class="hint" id={`${parts.id}-hint`} safe>
          {hint}
        </p>
      )}
      {parts.message === undefined ? '' : (
        <p class="error-message" id={`${parts.id}-error`} safe>
          {parts.message}
        </p>
      )}
      {children ?? ''}
    </div>
  );
}

export function TextField(props: FieldProps): JSX.Element {
  const { t, name, label, value = '', errors, type = 'text', required = false, hint } = props;
  const parts = fieldParts(t, errors, name, hint);
  return (
    <FieldFrame t={t} parts={parts} label={label} required={required} hint={hint}>
      <input
        id={parts.id}
        name={name}
        type={type}
        value={type === 'password' ? '' : value}
        required={required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength === undefined ? undefined : String(props.maxlength)}
        inputmode={props.inputmode}
        {...parts.aria}
      />
    </FieldFrame>
  );
}

export function TextArea(props: Omit<FieldProps, 'type'> & { rows?: number }): JSX.Element {
  const { t, name, label, value = '', errors, required = false, hint, rows = 6 } = props;
  const parts = fieldParts(t, errors, name, hint);
  return (
    <FieldFrame t={t} parts={parts} label={label} required={required} hint={hint}>
      <textarea id={parts.id} name={name} rows={String(rows)} required={required} {...parts.aria} safe>
        {value}
      </textarea>
    </FieldFrame>
  );
}

/** Field validation helpers that produce message keys of the shell catalogue. */
export function requireText(errors: FieldErrors, name: string, value: string, label: string, max = 500): void {
  if (value === '') errors[name] = { key: 'shell.field_required' satisfies MessageKey, params: { field: label.toLowerCase() } };
  else if ([...value].length > max) errors[name] = { key: 'shell.field_too_long', params: { field: label, max } };
}

export function optionalText(errors: FieldErrors, name: string, value: string, label: string, max = 500): void {
  if ([...value].length > max) errors[name] = { key: 'shell.field_too_long', params: { field: label, max } };
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
export const isEmail = (value: string): boolean => value.length <= 254 && EMAIL.test(value);
