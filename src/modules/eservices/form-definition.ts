/**
 * A procedure's application form, defined as data (procedures.form_json): sections of typed fields
 * with their validation and the conditions under which they apply. One renderer and one validator
 * serve every procedure.
 */
import type { Locale } from '../../config/index.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import { isIsoDate } from '../../platform/calendar/dates.ts';
import { isEmail } from '../../ui/forms.tsx';

export interface Text2 {
  readonly vi: string;
  readonly en: string;
}

export const FIELD_TYPES = ['text', 'textarea', 'email', 'tel', 'integer', 'date', 'select'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FormFieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly label: Text2;
  readonly hint?: Text2;
  readonly required?: boolean;
  /** Longest text, in characters (default 500; 5000 for textarea). */
  readonly max?: number;
  /** Bounds of an integer field. */
  readonly min?: number;
  readonly maxValue?: number;
  readonly options?: readonly { readonly value: string; readonly label: Text2 }[];
  /** The field applies (and is required) only when another field has this value. */
  readonly when?: { readonly field: string; readonly equals: string };
}

export interface FormSectionDef {
  readonly title: Text2;
  readonly fields: readonly FormFieldDef[];
}

export interface FormDefinition {
  readonly sections: readonly FormSectionDef[];
  /** The field whose value summarises the dossier in lists (trích yếu). */
  readonly summaryField: string;
}

export type FormData = Record<string, string>;

/** Every dossier asks who applies and how to reach them; tracking uses the phone or email. */
export const APPLICANT_FIELDS: readonly FormFieldDef[] = [
  { name: 'applicant_name', type: 'text', label: { vi: 'Họ và tên người nộp hồ sơ', en: 'Full name of the applicant' }, required: true, max: 200 },
  { name: 'applicant_phone', type: 'tel', label: { vi: 'Số điện thoại', en: 'Phone number' }, required: true, max: 20 },
  { name: 'applicant_email', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' }, required: true, max: 254 },
];

export const label = (text: Text2, locale: Locale): string => (locale === 'en' ? text.en : text.vi);

export function allFields(def: FormDefinition): FormFieldDef[] {
  return [...APPLICANT_FIELDS, ...def.sections.flatMap((s) => s.fields)];
}

export function parseFormDefinition(json: string): FormDefinition {
  return JSON.parse(json) as FormDefinition;
}

const isApplicable = (f: FormFieldDef, data: FormData): boolean => f.when === undefined || data[f.when.field] === f.when.equals;

/** Keeps the values of the form's own fields only (unknown keys are dropped). */
export function pickFormData(def: FormDefinition, values: (name: string) => string): FormData {
  const data: FormData = {};
  for (const f of allFields(def)) data[f.name] = values(f.name);
  return data;
}

/**
 * Checks the values against the definition. With `complete` false (saving a draft) only the
 * format of what was typed is checked; with `complete` true required fields must be filled.
 */
export function validateFormData(def: FormDefinition, data: FormData, locale: Locale, complete: boolean): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of allFields(def)) {
    const value = data[f.name] ?? '';
    const name = label(f.label, locale);
    if (value === '') {
      if (complete && f.required === true && isApplicable(f, data)) errors[f.name] = { key: 'shell.field_required', params: { field: name.toLowerCase() } };
      continue;
    }
    const max = f.max ?? (f.type === 'textarea' ? 5000 : 500);
    if ([...value].length > max) {
      errors[f.name] = { key: 'shell.field_too_long', params: { field: name, max } };
      continue;
    }
    let valid = true;
    if (f.type === 'email') valid = isEmail(value);
    else if (f.type === 'tel') valid = /^\+?[0-9 .()-]{8,20}$/.test(value) && value.replace(/\D/g, '').length >= 8;
    else if (f.type === 'date') valid = isIsoDate(value);
    else if (f.type === 'integer') {
      const n = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
      valid = !Number.isNaN(n) && n >= (f.min ?? 0) && n <= (f.maxValue ?? Number.MAX_SAFE_INTEGER);
    } else if (f.type === 'select') valid = (f.options ?? []).some((o) => o.value === value);
    if (!valid) errors[f.name] = f.type === 'email' ? { key: 'shell.field_invalid_email' } : { key: 'shell.field_invalid', params: { field: name } };
  }
  return errors;
}
