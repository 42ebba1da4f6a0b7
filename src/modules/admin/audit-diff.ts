/** Turns an audit entry's before/after JSON into rows of field, old value, new value. */

export interface DiffRow {
  readonly field: string;
  /** The value as text; null when the value was null (shown as "none"), '' when the field was absent. */
  readonly before: string | null;
  readonly after: string | null;
  readonly changed: boolean;
}

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function show(value: unknown): string | null {
  if (value === undefined) return '';
  if (value === null) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** One row per field present on either side, in field order; a value that is not an object is a single "value" row. */
export function auditDiff(beforeJson: string | null, afterJson: string | null): DiffRow[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  if (before === undefined && after === undefined) return [];
  if (!(isRecord(before) || before === undefined) || !(isRecord(after) || after === undefined)) {
    return [{ field: 'value', before: show(before), after: show(after), changed: show(before) !== show(after) }];
  }
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields.map((f) => {
    const was = Object.hasOwn(b, f) ? show(b[f]) : '';
    const now = Object.hasOwn(a, f) ? show(a[f]) : '';
    return { field: f, before: was, after: now, changed: was !== now };
  });
}
