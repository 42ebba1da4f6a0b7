/**
 * Configuration: the only module that reads process.env. Every value is parsed and
 * validated once at start-up; a bad value stops the process with a message naming the variable.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Whether a value (a cookie, a path segment) names one of the portal's languages. */
export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: URL;
  readonly database: DatabaseConfig;
  readonly dataDir: string;
  readonly secret: string;
  /** SMTP transport URL (smtp://user:pass@host:port); empty means mail stays queued in the outbox. */
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly defaultLocale: Locale;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind https termination). */
  readonly trustProxy: boolean;
  /** Load the Lào Cai demo on first start when the database is empty. */
  readonly seedDemo: boolean;
  /** Keep rendered article pages in memory for readers who are not signed in (NEWSROOM_PAGE_CACHE, default on). */
  readonly newsroomPageCache: boolean;
  readonly bodyLimitBytes: number;
  /** Cost parameter N of scrypt (a power of two). */
  readonly scryptCost: number;
  /** Hour (0–24, Viet Nam time) from which an online receipt counts from the next working day. */
  readonly receiptCutoffHour: number;
  /** GSO codes of the portal's province, whose unit receives `portal.visits`: in the 2025 structure, and before it. */
  readonly analyticsProvince: { readonly current: string; readonly pre2025: string };
  /** Days of raw page views kept after they are rolled up (the rollups are kept for good). */
  readonly analyticsRawDays: number;
  /** VNPay 2.1.0 merchant settings; by default the in-project sandbox gateway (`/sandbox/vnpay`). */
  readonly vnpay: VnpayConfig;
  /** The account that receives VietQR (NAPAS 247) transfers of fees; VietQR is offered only when set. */
  readonly vietqr: VietQrConfig;
}

export interface VnpayConfig {
  readonly tmnCode: string;
  readonly hashSecret: string;
  /** The gateway's payment page; null: the in-project sandbox at PUBLIC_URL/sandbox/vnpay/vpcpay.html. */
  readonly url: URL | null;
  /** Serve the sandbox gateway (default: on unless VNPAY_URL names a real gateway). */
  readonly sandbox: boolean;
  /** Where the sandbox sends its IPN; null: the origin the browser reached the sandbox at. */
  readonly sandboxIpnUrl: URL | null;
  /** The gateway's merchant web API (querydr); null: the sandbox's, or none with a real gateway. */
  readonly apiUrl: URL | null;
}

export interface VietQrConfig {
  /** NAPAS bank BIN, 6 digits; empty: VietQR not offered. */
  readonly bankBin: string;
  readonly account: string;
  readonly accountName: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name, String(fallback));
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name, fallback ? 'true' : 'false').toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name, fallback);
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** Parses a DATABASE_URL: a postgres:// URL, or a SQLite file path (optionally sqlite:path). */
export function parseDatabaseUrl(raw: string, name = 'DATABASE_URL'): DatabaseConfig {
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError(name, 'is not a valid postgres:// URL');
    }
    return { kind: 'postgres', url: raw };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw new ConfigError(name, `must be a postgres:// URL or a SQLite file path, got "${raw.split(':')[0]}://…"`);
  }
  const file = raw.startsWith('sqlite:') ? raw.slice('sqlite:'.length) : raw;
  if (file === '') throw new ConfigError(name, 'SQLite file path is empty');
  return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = text(env, 'HOST', '0.0.0.0');
  const publicUrlRaw = text(env, 'PUBLIC_URL', `http://localhost:${port}`);
  let publicUrl: URL;
  try {
    publicUrl = new URL(publicUrlRaw);
  } catch {
    throw new ConfigError('PUBLIC_URL', `is not a valid URL: "${publicUrlRaw}"`);
  }
  if (!['http:', 'https:'].includes(publicUrl.protocol)) {
    throw new ConfigError('PUBLIC_URL', 'must start with http:// or https://');
  }
  const dataDir = path.resolve(text(env, 'DATA_DIR', './data'));
  const database = parseDatabaseUrl(text(env, 'DATABASE_URL', path.join(dataDir, 'congso.sqlite')));
  const secret = text(env, 'SECRET', '') || generatedSecret(dataDir);
  if (secret.length < 32) throw new ConfigError('SECRET', 'must be at least 32 characters long');
  const smtpUrl = text(env, 'SMTP_URL', '');
  if (smtpUrl !== '' && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
  }
  const mailFrom = text(env, 'MAIL_FROM', `congso <no-reply@${publicUrl.hostname}>`);
  const scryptCost = integer(env, 'SCRYPT_COST', 32768, 1024, 1048576);
  if ((scryptCost & (scryptCost - 1)) !== 0) throw new ConfigError('SCRYPT_COST', 'must be a power of two');
  return {
    port,
    host,
    publicUrl,
    database,
    dataDir,
    secret,
    smtpUrl,
    mailFrom,
    defaultLocale: oneOf(env, 'DEFAULT_LOCALE', LOCALES, 'vi'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    seedDemo: flag(env, 'SEED_DEMO', true),
    newsroomPageCache: flag(env, 'NEWSROOM_PAGE_CACHE', true),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 1_073_741_824),
    scryptCost,
    receiptCutoffHour: integer(env, 'RECEIPT_CUTOFF_HOUR', 17, 0, 24),
    analyticsProvince: { current: provinceCode(env, 'ANALYTICS_PROVINCE_CODE', '15'), pre2025: provinceCode(env, 'ANALYTICS_PROVINCE_CODE_PRE2025', '10') },
    analyticsRawDays: integer(env, 'ANALYTICS_RAW_DAYS', 90, 1, 3650),
    vnpay: vnpayConfig(env, secret),
    vietqr: vietQrConfig(env),
  };
}

function optionalUrl(env: Env, name: string): URL | null {
  const raw = text(env, name, '');
  if (raw === '') return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new ConfigError(name, `must be an http:// or https:// URL, got "${raw}"`);
}

function vnpayConfig(env: Env, secret: string): VnpayConfig {
  const url = optionalUrl(env, 'VNPAY_URL');
  const tmnCode = text(env, 'VNPAY_TMN_CODE', 'CONGSO01');
  if (!/^[A-Z0-9]{1,20}$/.test(tmnCode)) throw new ConfigError('VNPAY_TMN_CODE', 'must be 1–20 capital letters or digits');
  // Without a real merchant secret, the sandbox's secret is derived from SECRET (never a constant in the source).
  const hashSecret = text(env, 'VNPAY_HASH_SECRET', '') || createHmac('sha256', secret).update('vnpay-sandbox').digest('hex').toUpperCase();
  if (hashSecret.length < 16) throw new ConfigError('VNPAY_HASH_SECRET', 'must be at least 16 characters long');
  return { tmnCode, hashSecret, url, sandbox: flag(env, 'VNPAY_SANDBOX', url === null), sandboxIpnUrl: optionalUrl(env, 'VNPAY_SANDBOX_IPN_URL'), apiUrl: optionalUrl(env, 'VNPAY_API_URL') };
}

function vietQrConfig(env: Env): VietQrConfig {
  const bankBin = text(env, 'VIETQR_BANK_BIN', '');
  const account = text(env, 'VIETQR_ACCOUNT', '');
  if (bankBin !== '' && !/^\d{6}$/.test(bankBin)) throw new ConfigError('VIETQR_BANK_BIN', 'must be the 6-digit NAPAS BIN of the bank');
  if (account !== '' && !/^[0-9A-Za-z]{1,19}$/.test(account)) throw new ConfigError('VIETQR_ACCOUNT', 'must be 1–19 letters or digits');
  if ((bankBin === '') !== (account === '')) throw new ConfigError(bankBin === '' ? 'VIETQR_BANK_BIN' : 'VIETQR_ACCOUNT', 'VIETQR_BANK_BIN and VIETQR_ACCOUNT go together');
  return { bankBin, account, accountName: text(env, 'VIETQR_ACCOUNT_NAME', '') };
}

function provinceCode(env: Env, name: string, fallback: string): string {
  const raw = text(env, name, fallback);
  if (!/^\d{2}$/.test(raw)) throw new ConfigError(name, `must be a two-digit GSO province code, got "${raw}"`);
  return raw;
}

/**
 * Without SECRET, a random one is made on first start and kept in DATA_DIR/.secret (mode 0600),
 * so that `npm start` works on a fresh machine and sessions survive restarts.
 */
function generatedSecret(dataDir: string): string {
  const file = path.join(dataDir, '.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

/** Loads `.env` from the working directory into the environment, if present (Node's own parser). */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Reads the environment once; for entry points (server, CLI) only. */
export function readEnvironment(): Env {
  return { ...process.env };
}
