/** Helpers shared by the account routes: the session cookie, the pending session, the QR code, form values. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { FormValues } from '../http/form-body.ts';
import { field } from '../http/form-body.ts';
import { loadSession, SESSION_COOKIE, type LoadedSession } from './session.ts';
import { otpauthUri } from './totp.ts';

/** Routes answer 429 (a localized page via the error handler) past this many POSTs per IP per minute. */
export const POST_RATE_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } } as const;

export const isSecure = (request: FastifyRequest): boolean => request.server.deps.config.publicUrl.protocol === 'https:';

/** A browser-session cookie: the server's sliding expiry (session.ts) decides how long it stays valid. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(request) });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(request) });
}

/** The browser's session when it still waits for its second step (the platform hook leaves request.user null then). */
export async function pendingSession(request: FastifyRequest): Promise<LoadedSession | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined) return null;
  const session = await loadSession(request.server.deps.store.db, token);
  return session !== null && session.mfaPending ? session : null;
}

/** The key of whatever session the browser holds (live or pending), to replace at sign-in. */
export async function anySessionKey(request: FastifyRequest): Promise<string | null> {
  if (request.sessionKey !== null) return request.sessionKey;
  return (await pendingSession(request))?.key ?? null;
}

/**
 * The otpauth:// URI as SVG markup. The markup is made by `qrcode` from module geometry only (the URI's
 * text, which holds the user's email, is encoded as squares, never written out), so it is safe to inline.
 */
export async function qrSvg(secret: string, email: string, issuer: string): Promise<string> {
  return QRCode.toString(otpauthUri(secret, email, issuer), { type: 'svg', margin: 2, errorCorrectionLevel: 'M', width: 200 });
}

/** The typed values to show again in a re-rendered form; password fields are never echoed. */
export function keptValues(values: FormValues, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, field(values, n)]));
}

export const formOf = (body: unknown): FormValues => (body !== null && typeof body === 'object' ? (body as FormValues) : {});

const PHONE = /^\+?[0-9 .-]{8,20}$/;
export const isPhone = (value: string): boolean => PHONE.test(value);
