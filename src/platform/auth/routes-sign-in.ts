/** Sign-in (password, then second step or forced TOTP setup) and sign-out. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, recordAudit } from '../audit/audit.ts';
import type { FieldErrors } from '../errors.ts';
import { isCsrfValid } from '../http/csrf.ts';
import { field } from '../http/form-body.ts';
import { safeNext } from '../http/operations.ts';
import { inLocale } from '../site/settings.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { sendError } from '../http/errors-plugin.ts';
import { RecoveryCodesPage, TotpSetupPage } from './account-pages.tsx';
import { authUserById } from './queries.ts';
import { checkSecondFactor, confirmTotp, pendingTotpSecret } from './second-factor.ts';
import { createSession, currentUser, destroySession } from './session.ts';
import { isLocked, recordFailedAttempt, signIn } from './sign-in.ts';
import { SecondFactorPage, SignInPage } from './sign-in-pages.tsx';
import { normalizeEmail } from './validate.ts';
import { anySessionKey, clearSessionCookie, formOf, pendingSession, POST_RATE_LIMIT, qrSvg, setSessionCookie } from './web.ts';

export const SETUP_PATH = '/dang-nhap/thiet-lap-xac-thuc';
const CODE_PATH = '/dang-nhap/xac-thuc';

const nextQuery = (next: string): string => (next === '/' ? '' : `?next=${encodeURIComponent(next)}`);

export function registerSignInRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;

  app.get<{ Querystring: { next?: string } }>('/dang-nhap', async (request, reply) => {
    const next = safeNext(request.query.next);
    if (request.user !== null) return reply.redirect(next, 303);
    return sendHtml(reply, SignInPage({ ctx: await viewContext(request), next }));
  });

  app.post('/dang-nhap', { config: POST_RATE_LIMIT }, async (request, reply) => {
    const values = formOf(request.body);
    const email = normalizeEmail(field(values, 'email'));
    const password = typeof values.password === 'string' ? values.password : '';
    const next = safeNext(field(values, 'next'));
    const ctx = async () => viewContext(request);
    const kept = { email: field(values, 'email') };
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) {
      return sendHtml(reply, SignInPage({ ctx: await ctx(), next, state: { values: kept, alert: request.t('error.csrf_invalid') } }), 403);
    }
    const errors: FieldErrors = {};
    if (email === '') errors.email = { key: 'shell.field_required', params: { field: request.t('auth.email').toLowerCase() } };
    if (password === '') errors.password = { key: 'shell.field_required', params: { field: request.t('auth.password').toLowerCase() } };
    if (Object.keys(errors).length > 0) return sendHtml(reply, SignInPage({ ctx: await ctx(), next, state: { values: kept, errors } }), 422);

    const outcome = await signIn(db, { email, password, previousKey: await anySessionKey(request), userAgent: request.headers['user-agent'] });
    if (outcome.kind !== 'signed_in') {
      const alert =
        outcome.kind === 'locked' ? request.t('auth.error_locked', { minutes: outcome.minutes }) : outcome.kind === 'disabled' ? request.t('auth.error_disabled') : request.t('auth.error_credentials');
      return sendHtml(reply, SignInPage({ ctx: await ctx(), next, state: { values: kept, alert } }), outcome.kind === 'locked' ? 429 : 401);
    }
    setSessionCookie(request, reply, outcome.session.token);
    if (!outcome.pending) return reply.redirect(next, 303);
    const path = outcome.user.totp_enabled_at === null ? SETUP_PATH : CODE_PATH;
    return reply.redirect(`${path}${nextQuery(next)}`, 303);
  });

  app.get<{ Querystring: { next?: string } }>(CODE_PATH, async (request, reply) => {
    if ((await pendingSession(request)) === null) return reply.redirect('/dang-nhap', 303);
    return sendHtml(reply, SecondFactorPage({ ctx: await viewContext(request), next: safeNext(request.query.next) }));
  });

  app.post(CODE_PATH, { config: POST_RATE_LIMIT }, async (request, reply) => {
    const values = formOf(request.body);
    const next = safeNext(field(values, 'next'));
    const session = await pendingSession(request);
    if (session === null) return reply.redirect('/dang-nhap', 303);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) {
      return sendHtml(reply, SecondFactorPage({ ctx: await viewContext(request), next, state: { alert: request.t('error.csrf_invalid') } }), 403);
    }
    const code = field(values, 'code');
    const user = await authUserById(db, session.userId);
    if (user === undefined || user.disabled_at !== null || isLocked(user)) {
      await destroySession(db, session.key);
      clearSessionCookie(request, reply);
      return reply.redirect('/dang-nhap', 303);
    }
    if (code === '' || !(await checkSecondFactor(db, session.userId, code))) {
      const lockedUntil = code === '' ? null : await recordFailedAttempt(db, session.userId);
      if (lockedUntil !== null) {
        await destroySession(db, session.key);
        clearSessionCookie(request, reply);
        const alert = request.t('auth.error_locked', { minutes: 15 });
        return sendHtml(reply, SignInPage({ ctx: await viewContext(request), next, state: { alert } }), 429);
      }
      const errors: FieldErrors = { code: code === '' ? { key: 'shell.field_required', params: { field: request.t('auth.mfa_code').toLowerCase() } } : { key: 'auth.error_code' } };
      return sendHtml(reply, SecondFactorPage({ ctx: await viewContext(request), next, state: { errors } }), 422);
    }
    await db.updateTable('users').set({ failed_sign_ins: 0 }).where('id', '=', session.userId).execute();
    // The live session gets a new id: the pending one never becomes usable in its own right.
    await destroySession(db, session.key);
    const live = await createSession(db, session.userId, { mfaPending: false, userAgent: request.headers['user-agent'] });
    setSessionCookie(request, reply, live.token);
    return reply.redirect(next, 303);
  });

  const renderSetup = async (request: FastifyRequest, userId: number, email: string, state = {}, status = 200) => {
    const secret = await pendingTotpSecret(db, userId);
    const ctx = await viewContext(request);
    const issuer = inLocale(ctx.site.agency_name, 'vi') || config.publicUrl.hostname;
    return { html: TotpSetupPage({ ctx, action: SETUP_PATH, secret, qrSvg: await qrSvg(secret, email, issuer), required: true, state }), status };
  };

  app.get(SETUP_PATH, async (request, reply) => {
    const session = await pendingSession(request);
    const user = session === null ? undefined : await authUserById(db, session.userId);
    if (session === null || user === undefined) return reply.redirect('/dang-nhap', 303);
    if (user.totp_enabled_at !== null) return reply.redirect(CODE_PATH, 303);
    const page = await renderSetup(request, user.id, user.email);
    return sendHtml(reply, page.html, page.status);
  });

  app.post(SETUP_PATH, { config: POST_RATE_LIMIT }, async (request, reply) => {
    const values = formOf(request.body);
    const session = await pendingSession(request);
    const user = session === null ? undefined : await authUserById(db, session.userId);
    if (session === null || user === undefined || user.totp_enabled_at !== null) return reply.redirect('/dang-nhap', 303);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) {
      const page = await renderSetup(request, user.id, user.email, { alert: request.t('error.csrf_invalid') }, 403);
      return sendHtml(reply, page.html, page.status);
    }
    const actor = await currentUser(db, user.id);
    const codes = await db.transaction().execute(async (trx) => {
      const made = await confirmTotp(trx, user.id, field(values, 'code'));
      if (made !== null && actor?.accountType === 'staff') await recordAudit(trx, actorOf(request, actor), { action: 'user.totp_enabled', entityType: 'user', entityId: user.id });
      return made;
    });
    if (codes === null) {
      const page = await renderSetup(request, user.id, user.email, { errors: { code: { key: 'auth.error_code' } } }, 422);
      return sendHtml(reply, page.html, page.status);
    }
    await destroySession(db, session.key);
    const live = await createSession(db, user.id, { mfaPending: false, userAgent: request.headers['user-agent'] });
    setSessionCookie(request, reply, live.token);
    request.user = actor;
    return sendHtml(reply, RecoveryCodesPage({ ctx: await viewContext(request), codes, next: '/tai-khoan' }));
  });

  app.post('/dang-xuat', async (request, reply) => {
    const values = formOf(request.body);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) return sendError(request, reply, 'csrf_invalid', 403);
    const key = await anySessionKey(request);
    if (key !== null) await destroySession(db, key);
    clearSessionCookie(request, reply);
    return reply.redirect('/', 303);
  });

  /**
   * A user whom an administrator obliges to use TOTP and who has none yet reaches nothing but the setup
   * (and sign-out) after the password step.
   */
  app.addHook('onRequest', async (request, reply) => {
    if (request.user !== null || request.cookies.sid === undefined) return;
    const path = request.url.split('?')[0] ?? '/';
    if (path === SETUP_PATH || path === '/dang-xuat' || path.startsWith('/assets/') || path.startsWith('/ngon-ngu/') || path === '/healthz') return;
    const session = await pendingSession(request);
    if (session === null) return;
    const user = await authUserById(db, session.userId);
    if (user !== undefined && user.mfa_required === 1 && user.totp_enabled_at === null) await reply.redirect(SETUP_PATH, 303);
  });
}
