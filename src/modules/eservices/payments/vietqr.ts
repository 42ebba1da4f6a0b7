/**
 * VietQR: the NAPAS 247 transfer QR code, an EMVCo merchant-presented QR (MPM) payload.
 *
 * Each field is TLV: a two-digit id, a two-digit length (in characters) and the value. The payload
 * ends with field 63, a CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no
 * final xor) over everything before it including "6304", in four upper-case hex digits.
 * Sources: EMVCo QR Code Specification for Payment Systems (MPM) v1.1; NAPAS "VietQR" switching
 * specification (GUID A000000727, service code QRIBFTTA for a transfer to an account).
 */

export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new RangeError(`TLV id must be two digits: ${id}`);
  if (value.length > 99) throw new RangeError(`TLV ${id} longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE of the text's bytes (check value of "123456789" is 29B1). */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Splits a payload into its top-level fields (for checks and tests). */
export function parseTlv(payload: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < payload.length) {
    const id = payload.slice(i, i + 2);
    const len = Number(payload.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || Number.isNaN(len) || i + 4 + len > payload.length) throw new RangeError(`malformed TLV at ${i}`);
    out.set(id, payload.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

export interface VietQrInput {
  /** The beneficiary bank's 6-digit BIN (e.g. 970415 VietinBank). */
  readonly bankBin: string;
  readonly account: string;
  readonly amountVnd: number;
  /** The transfer note (purpose of transaction), carrying the dossier code. */
  readonly purpose: string;
}

/** Characters banks' apps carry through a transfer note: ASCII letters, digits, space and `.-`. */
export function transferNote(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 50);
}

/** A one-time (dynamic, point of initiation 12) VietQR payload for a transfer of a fixed amount. */
export function vietQrPayload(q: VietQrInput): string {
  if (!/^\d{6}$/.test(q.bankBin)) throw new RangeError('bank BIN must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(q.account)) throw new RangeError('account must be 1–19 letters or digits');
  if (!Number.isInteger(q.amountVnd) || q.amountVnd <= 0) throw new RangeError('amount must be a positive whole number of VND');
  const beneficiary = tlv('00', q.bankBin) + tlv('01', q.account);
  const merchant = tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  const body =
    tlv('00', '01') + // payload format indicator
    tlv('01', '12') + // point of initiation: 12 = dynamic, for one payment
    tlv('38', merchant) +
    tlv('53', '704') + // currency: VND (ISO 4217)
    tlv('54', String(q.amountVnd)) +
    tlv('58', 'VN') +
    tlv('62', tlv('08', transferNote(q.purpose))) + // additional data: purpose of transaction
    '6304';
  return body + crc16(body);
}
