/** The account page: profile, password change, turning TOTP on (with recovery codes) and off. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, recordAudit } from '../audit/audit.ts';
import type { FieldErrors } from '../errors.ts';
import { requireUser, requireUserPage } from './guards.ts';
import { isCsrfValid } from '../http/csrf.ts';
import { field } from '../http/form-body.ts';
import { inLocale } from '../site/settings.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { AccountPage, RecoveryCodesPage, TotpSetupPage } from './account-pages.tsx';
import { changePassword } from './change-password.ts';
import { verifyPassword } from './password.ts';
import { authUserById } from './queries.ts';
import { confirmTotp, pendingTotpSecret, removeTotp } from './second-factor.ts';
import type { FormState } from './sign-in-pages.tsx';
import { checkNewPassword } from './validate.ts';
import { formOf, isPhone, keptValues, POST_RATE_LIMIT, qrSvg } from './web.ts';
import { updateProfile } from './update-profile.ts';
import { requireText } from '../../ui/forms.tsx';

const SETUP = '/tai-khoan/xac-thuc-hai-buoc';

export function registerAccountRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const guard = { preHandler: requireUserPage };

  const account = async (request: FastifyRequest, parts: { profile?: FormState; password?: FormState; totp?: FormState; notice?: string | undefined } = {}) => {
    const user = await authUserById(db, requireUser(request).id);
    if (user === undefined) throw new Error('signed-in user vanished');
    return AccountPage({ ctx: await viewContext(request), user, ...parts });
  };

  app.get<{ Querystring: { ok?: string } }>('/tai-khoan', guard, async (request, reply) => {
    const notices = { 'mat-khau': 'auth.password_changed', 'tat-2fa': 'auth.totp_disabled', 'ho-so': 'auth.profile_saved' } as const;
    const ok = request.query.ok;
    const notice = ok !== undefined && Object.hasOwn(notices, ok) ? request.t(notices[ok as keyof typeof notices]) : undefined;
    return sendHtml(reply, await account(request, { notice }));
  });

  app.post('/tai-khoan/ho-so', { ...guard, config: POST_RATE_LIMIT }, async (request, reply) => {
    const user = requireUser(request);
    const values = formOf(request.body);
    const kept = keptValues(values, ['full_name', 'phone']);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) return sendHtml(reply, await account(request, { profile: { values: kept, alert: request.t('error.csrf_invalid') } }), 403);
    const errors: FieldErrors = {};
    requireText(errors, 'full_name', kept.full_name ?? '', request.t('auth.full_name'), 200);
    if (kept.phone !== '' && !isPhone(kept.phone ?? '')) errors.phone = { key: 'auth.error_phone' };
    if (Object.keys(errors).length > 0) return sendHtml(reply, await account(request, { profile: { values: kept, errors } }), 422);
    await updateProfile(db, request, user, { fullName: kept.full_name ?? '', phone: kept.phone === '' ? null : (kept.phone ?? null) });
    return reply.redirect('/tai-khoan?ok=ho-so', 303);
  });

  app.post('/tai-khoan/mat-khau', { ...guard, config: POST_RATE_LIMIT }, async (request, reply) => {
    const user = requireUser(request);
    const values = formOf(request.body);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) return sendHtml(reply, await account(request, { password: { alert: request.t('error.csrf_invalid') } }), 403);
    const str = (name: string): string => (typeof values[name] === 'string' ? (values[name] as string) : '');
    const errors: FieldErrors = {};
    if (str('current_password') === '') errors.current_password = { key: 'shell.field_required', params: { field: request.t('auth.current_password').toLowerCase() } };
    checkNewPassword(errors, 'password', str('password'), 'password_confirm', str('password_confirm'), user.email);
    if (Object.keys(errors).length === 0) {
      if (await changePassword(db, config, request, user, str('current_password'), str('password'))) return reply.redirect('/tai-khoan?ok=mat-khau', 303);
      errors.current_password = { key: 'auth.error_current_password' };
    }
    return sendHtml(reply, await account(request, { password: { errors } }), 422);
  });

  const setupPage = async (request: FastifyRequest, state: FormState = {}) => {
    const user = requireUser(request);
    const secret = await pendingTotpSecret(db, user.id);
    const ctx = await viewContext(request);
    const issuer = inLocale(ctx.site.agency_name, 'vi') || config.publicUrl.hostname;
    return TotpSetupPage({ ctx, action: SETUP, secret, qrSvg: await qrSvg(secret, user.email, issuer), required: false, state });
  };

  app.get(SETUP, guard, async (request, reply) => {
    if (requireUser(request).totpEnabled) return reply.redirect('/tai-khoan', 303);
    return sendHtml(reply, await setupPage(request));
  });

  app.post(SETUP, { ...guard, config: POST_RATE_LIMIT }, async (request, reply) => {
    const user = requireUser(request);
    if (user.totpEnabled) return reply.redirect('/tai-khoan', 303);
    const values = formOf(request.body);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) return sendHtml(reply, await setupPage(request, { alert: request.t('error.csrf_invalid') }), 403);
    const codes = await db.transaction().execute(async (trx) => {
      const made = await confirmTotp(trx, user.id, field(values, 'code'));
      if (made !== null && user.accountType === 'staff') await recordAudit(trx, actorOf(request), { action: 'user.totp_enabled', entityType: 'user', entityId: user.id });
      return made;
    });
    if (codes === null) return sendHtml(reply, await setupPage(request, { errors: { code: { key: 'auth.error_code' } } }), 422);
    return sendHtml(reply, RecoveryCodesPage({ ctx: await viewContext(request), codes, next: '/tai-khoan' }));
  });

  app.post('/tai-khoan/tat-xac-thuc-hai-buoc', { ...guard, config: POST_RATE_LIMIT }, async (request, reply) => {
    const user = requireUser(request);
    const values = formOf(request.body);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) return sendHtml(reply, await account(request, { totp: { alert: request.t('error.csrf_invalid') } }), 403);
    const row = await authUserById(db, user.id);
    const password = typeof values.totp_password === 'string' ? values.totp_password : '';
    if (row === undefined || row.totp_enabled_at === null) return reply.redirect('/tai-khoan', 303);
    if (row.mfa_required === 1) return sendHtml(reply, await account(request, { totp: { alert: request.t('auth.error_mfa_required') } }), 422);
    if (!(await verifyPassword(password, row.password_hash))) {
      const errors: FieldErrors = { totp_password: password === '' ? { key: 'shell.field_required', params: { field: request.t('auth.password').toLowerCase() } } : { key: 'auth.error_current_password' } };
      return sendHtml(reply, await account(request, { totp: { errors } }), 422);
    }
    await db.transaction().execute(async (trx) => {
      await removeTotp(trx, user.id);
      if (user.accountType === 'staff') await recordAudit(trx, actorOf(request), { action: 'user.totp_disabled', entityType: 'user', entityId: user.id });
    });
    return reply.redirect('/tai-khoan?ok=tat-2fa', 303);
  });
}
