/**
 * The records behind the introduction pages that staff edit as lists: leaders (people), directory
 * entries and organisation units. One description per kind drives the forms, validation and audit.
 */
import type { FieldErrors } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { isEmail } from '../../ui/forms.tsx';

export type FieldKind = 'text' | 'textarea' | 'email' | 'tel' | 'portrait' | 'order' | 'flag' | 'parent';

export interface FieldSpec {
  readonly name: string;
  readonly label: MessageKey;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly max?: number;
  readonly hint?: MessageKey;
}

export interface RecordSpec {
  readonly kind: 'lanh-dao' | 'danh-ba' | 'don-vi';
  readonly table: 'people' | 'directory_entries' | 'org_units';
  readonly title: MessageKey;
  /** Audit entity type. */
  readonly entity: string;
  readonly fields: readonly FieldSpec[];
  /** The field naming a record in lists and confirmations. */
  readonly nameField: string;
  /** The public page showing these records. */
  readonly publicSlug: string;
}

const order: FieldSpec = { name: 'sort_order', label: 'portal.field_sort_order', kind: 'order' };
const phone: FieldSpec = { name: 'phone', label: 'portal.field_phone', kind: 'tel', max: 40 };
const email: FieldSpec = { name: 'email', label: 'portal.field_email', kind: 'email', max: 254 };

export const RECORD_SPECS: readonly RecordSpec[] = [
  {
    kind: 'lanh-dao',
    table: 'people',
    title: 'portal.admin_leaders',
    entity: 'person',
    nameField: 'full_name',
    publicSlug: 'lanh-dao',
    fields: [
      { name: 'full_name', label: 'portal.field_full_name', kind: 'text', required: true, max: 120 },
      { name: 'position_vi', label: 'portal.field_position_vi', kind: 'text', required: true, max: 200 },
      { name: 'position_en', label: 'portal.field_position_en', kind: 'text', required: true, max: 200 },
      { name: 'duties_vi', label: 'portal.field_duties_vi', kind: 'textarea', max: 1000 },
      { name: 'duties_en', label: 'portal.field_duties_en', kind: 'textarea', max: 1000 },
      phone,
      email,
      { name: 'portrait_url', label: 'portal.field_portrait', kind: 'portrait', max: 300, hint: 'portal.field_portrait_hint' },
      { name: 'is_leader', label: 'portal.field_is_leader', kind: 'flag' },
      order,
    ],
  },
  {
    kind: 'danh-ba',
    table: 'directory_entries',
    title: 'portal.admin_directory',
    entity: 'directory_entry',
    nameField: 'unit_vi',
    publicSlug: 'danh-ba',
    fields: [
      { name: 'unit_vi', label: 'portal.field_unit_vi', kind: 'text', required: true, max: 200 },
      { name: 'unit_en', label: 'portal.field_unit_en', kind: 'text', required: true, max: 200 },
      { name: 'person', label: 'portal.field_person', kind: 'text', max: 120 },
      { name: 'position_vi', label: 'portal.field_position_vi', kind: 'text', max: 200 },
      { name: 'position_en', label: 'portal.field_position_en', kind: 'text', max: 200 },
      phone,
      email,
      order,
    ],
  },
  {
    kind: 'don-vi',
    table: 'org_units',
    title: 'portal.admin_units',
    entity: 'org_unit',
    nameField: 'name_vi',
    publicSlug: 'co-cau-to-chuc',
    fields: [
      { name: 'name_vi', label: 'portal.field_name_vi', kind: 'text', required: true, max: 200 },
      { name: 'name_en', label: 'portal.field_name_en', kind: 'text', required: true, max: 200 },
      { name: 'parent_id', label: 'portal.field_parent', kind: 'parent' },
      order,
    ],
  },
];

export const specByKind = (kind: string): RecordSpec | undefined => RECORD_SPECS.find((s) => s.kind === kind);

export type RecordValues = Record<string, string | number | null>;

const PHONE = /^[\d\s.()+-]{3,40}$/;
// A path on the portal itself: the CSP allows images only from 'self' (and data:).
const PORTRAIT = /^\/[\w./-]{1,299}$/;

/**
 * Checks the submitted strings and converts them to column values (empty optional text → null,
 * flags → 0/1, order → integer). The parent of a unit is checked against `parentChoices`.
 */
export function validateRecord(spec: RecordSpec, input: Record<string, string>, t: (key: MessageKey) => string, parentChoices: readonly number[] = []): { values: RecordValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: RecordValues = {};
  for (const f of spec.fields) {
    const raw = (input[f.name] ?? '').trim();
    const label = t(f.label);
    if (f.kind === 'flag') {
      values[f.name] = raw === '' ? 0 : 1;
      continue;
    }
    if (f.kind === 'order') {
      if (raw === '') values[f.name] = 0;
      else if (/^\d{1,4}$/.test(raw)) values[f.name] = Number(raw);
      else errors[f.name] = { key: 'portal.error_sort_order' };
      continue;
    }
    if (f.kind === 'parent') {
      if (raw === '') values[f.name] = null;
      else if (/^\d{1,9}$/.test(raw) && parentChoices.includes(Number(raw))) values[f.name] = Number(raw);
      else errors[f.name] = { key: 'portal.error_parent' };
      continue;
    }
    if (raw === '') {
      if (f.required === true) errors[f.name] = { key: 'shell.field_required', params: { field: label.toLowerCase() } };
      values[f.name] = null;
      continue;
    }
    if (f.max !== undefined && [...raw].length > f.max) {
      errors[f.name] = { key: 'shell.field_too_long', params: { field: label, max: f.max } };
      continue;
    }
    if (f.kind === 'email' && !isEmail(raw)) errors[f.name] = { key: 'shell.field_invalid_email' };
    else if (f.kind === 'tel' && !PHONE.test(raw)) errors[f.name] = { key: 'portal.error_phone' };
    else if (f.kind === 'portrait' && (!PORTRAIT.test(raw) || raw.startsWith('//'))) errors[f.name] = { key: 'portal.error_portrait' };
    values[f.name] = raw;
  }
  return { values, errors };
}
