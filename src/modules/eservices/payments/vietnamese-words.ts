/**
 * Amounts in Vietnamese words, as written on receipts ("Số tiền bằng chữ"): groups of three digits
 * named nghìn, triệu, tỷ (then nghìn tỷ, triệu tỷ); "không trăm" and "linh" inside a number
 * (1 005 000: một triệu không trăm linh năm nghìn); after "mươi", 1 is "mốt", 4 is "tư" and 5 is
 * "lăm"; after "mười", 5 is "lăm".
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const digit = (d: number): string => DIGITS[d] ?? '';

/** Words of 0–999; `inner`: the group follows a higher group, so zero hundreds are said. */
function group(n: number, inner: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || inner) out.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (out.length > 0) out.push('linh');
      out.push(digit(u));
    }
  } else if (t === 1) {
    out.push('mười');
    if (u > 0) out.push(u === 5 ? 'lăm' : digit(u));
  } else {
    out.push(digit(t), 'mươi');
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push('tư');
    else if (u === 5) out.push('lăm');
    else if (u > 0) out.push(digit(u));
  }
  return out;
}

/** Words of 0–999 999 999 (below a billion); `inner` as for group. */
function belowBillion(n: number, inner: boolean): string[] {
  const parts: [number, string][] = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor((n % 1_000_000) / 1000), 'nghìn'],
    [n % 1000, ''],
  ];
  const out: string[] = [];
  let started = inner;
  for (const [value, unit] of parts) {
    if (value === 0) continue;
    out.push(...group(value, started));
    if (unit !== '') out.push(unit);
    started = true;
  }
  return out;
}

function words(n: number, inner: boolean): string[] {
  if (n < 1_000_000_000) return belowBillion(n, inner);
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  return [...words(billions, inner), 'tỷ', ...(rest === 0 ? [] : belowBillion(rest, true))];
}

/** A whole number in Vietnamese words, lower case: 150000 → "một trăm năm mươi nghìn". */
export function numberInVietnameseWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('a whole number from 0 is expected');
  if (n === 0) return 'không';
  return words(n, false).join(' ');
}

/** An amount of money for a receipt: "Một trăm năm mươi nghìn đồng". */
export function vndInWords(n: number): string {
  const text = `${numberInVietnameseWords(n)} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
