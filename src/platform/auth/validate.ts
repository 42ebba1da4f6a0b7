/** Input rules shared by registration, password change and reset. */
import type { FieldErrors } from '../errors.ts';

export const PASSWORD_MIN = 10;
/** Long enough for passphrases; the cap keeps one request from costing seconds of scrypt. */
export const PASSWORD_MAX = 200;

/** Emails are stored and compared trimmed, NFC, lower-case. */
export const normalizeEmail = (email: string): string => email.trim().normalize('NFC').toLowerCase();

/** Adds the messages for a new password (and its confirmation) to `errors`. */
export function checkNewPassword(errors: FieldErrors, name: string, password: string, confirmName: string, confirm: string, email: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) errors[name] = { key: 'auth.error_password_short', params: { min: PASSWORD_MIN } };
  else if (length > PASSWORD_MAX) errors[name] = { key: 'auth.error_password_long', params: { max: PASSWORD_MAX } };
  else if (email !== '' && normalizeEmail(password) === normalizeEmail(email)) errors[name] = { key: 'auth.error_password_is_email' };
  if (errors[name] === undefined && password !== confirm) errors[confirmName] = { key: 'auth.error_password_mismatch' };
}
