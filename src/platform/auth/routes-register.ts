/** Registration, email verification, forgotten password and reset by link. */
import type { FastifyInstance } from 'fastify';
import type { FieldErrors } from '../errors.ts';
import { isCsrfValid } from '../http/csrf.ts';
import { field } from '../http/form-body.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { requireText, isEmail } from '../../ui/forms.tsx';
import { requestPasswordReset, resetPassword } from './change-password.ts';
import { emailTokenUser } from './email-tokens.ts';
import { authUserById } from './queries.ts';
import { registerAccount, verifyEmail } from './register-account.ts';
import { ForgotPasswordPage, MessagePage, RegisterPage, ResetPasswordPage } from './sign-in-pages.tsx';
import { checkNewPassword, normalizeEmail } from './validate.ts';
import { formOf, isPhone, keptValues, POST_RATE_LIMIT } from './web.ts';

export function registerRegistrationRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;

  app.get('/dang-ky', async (request, reply) => sendHtml(reply, RegisterPage({ ctx: await viewContext(request) })));

  app.post('/dang-ky', { config: POST_RATE_LIMIT }, async (request, reply) => {
    const values = formOf(request.body);
    const kept = keptValues(values, ['full_name', 'email', 'phone', 'account_type']);
    const t = request.t;
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) {
      return sendHtml(reply, RegisterPage({ ctx: await viewContext(request), state: { values: kept, alert: t('error.csrf_invalid') } }), 403);
    }
    const email = normalizeEmail(kept.email ?? '');
    const password = typeof values.password === 'string' ? values.password : '';
    const confirm = typeof values.password_confirm === 'string' ? values.password_confirm : '';
    const accountType = kept.account_type;
    const errors: FieldErrors = {};
    requireText(errors, 'full_name', kept.full_name ?? '', t('auth.full_name'), 200);
    if (email === '') errors.email = { key: 'shell.field_required', params: { field: t('auth.email').toLowerCase() } };
    else if (!isEmail(email)) errors.email = { key: 'auth.error_email_invalid' };
    if (kept.phone !== '' && !isPhone(kept.phone ?? '')) errors.phone = { key: 'auth.error_phone' };
    if (accountType !== 'citizen' && accountType !== 'business') errors.account_type = { key: 'auth.error_account_type' };
    if (password === '') errors.password = { key: 'shell.field_required', params: { field: t('auth.password').toLowerCase() } };
    else checkNewPassword(errors, 'password', password, 'password_confirm', confirm, email);
    if (Object.keys(errors).length === 0) {
      const result = await registerAccount(db, config, {
        fullName: kept.full_name ?? '',
        email,
        phone: kept.phone === '' ? null : (kept.phone ?? null),
        accountType: accountType === 'business' ? 'business' : 'citizen',
        password,
        locale: request.locale,
      });
      if (result === 'created') return reply.redirect('/dang-ky/kiem-tra-thu', 303);
      errors.email = { key: 'auth.error_email_taken' };
    }
    return sendHtml(reply, RegisterPage({ ctx: await viewContext(request), state: { values: kept, errors } }), 422);
  });

  app.get('/dang-ky/kiem-tra-thu', async (request, reply) =>
    sendHtml(reply, MessagePage({ ctx: await viewContext(request), title: request.t('auth.registered_title'), body: request.t('auth.registered_body') })),
  );

  app.get<{ Querystring: { token?: string } }>('/xac-thuc-email', async (request, reply) => {
    const ok = await verifyEmail(db, request.query.token ?? '');
    const ctx = await viewContext(request);
    const t = request.t;
    if (!ok) return sendHtml(reply, MessagePage({ ctx, title: t('auth.link_invalid_title'), body: t('auth.link_invalid_body') }), 400);
    return sendHtml(reply, MessagePage({ ctx, title: t('auth.verified_title'), body: t('auth.verified_body'), link: { href: '/dang-nhap', label: t('auth.sign_in') } }));
  });

  app.get('/quen-mat-khau', async (request, reply) => sendHtml(reply, ForgotPasswordPage({ ctx: await viewContext(request) })));

  app.post('/quen-mat-khau', { config: POST_RATE_LIMIT }, async (request, reply) => {
    const values = formOf(request.body);
    const kept = keptValues(values, ['email']);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) {
      return sendHtml(reply, ForgotPasswordPage({ ctx: await viewContext(request), state: { values: kept, alert: request.t('error.csrf_invalid') } }), 403);
    }
    const email = normalizeEmail(kept.email ?? '');
    if (!isEmail(email)) {
      const errors: FieldErrors = { email: email === '' ? { key: 'shell.field_required', params: { field: request.t('auth.email').toLowerCase() } } : { key: 'auth.error_email_invalid' } };
      return sendHtml(reply, ForgotPasswordPage({ ctx: await viewContext(request), state: { values: kept, errors } }), 422);
    }
    await requestPasswordReset(db, config, email);
    return reply.redirect('/quen-mat-khau/da-gui', 303);
  });

  app.get('/quen-mat-khau/da-gui', async (request, reply) =>
    sendHtml(reply, MessagePage({ ctx: await viewContext(request), title: request.t('auth.forgot_sent_title'), body: request.t('auth.forgot_sent_body') })),
  );

  const invalidLink = async (request: Parameters<typeof viewContext>[0]) =>
    MessagePage({ ctx: await viewContext(request), title: request.t('auth.link_invalid_title'), body: request.t('auth.link_invalid_body'), link: { href: '/quen-mat-khau', label: request.t('auth.forgot_title') } });

  app.get<{ Querystring: { token?: string } }>('/dat-lai-mat-khau', async (request, reply) => {
    const token = request.query.token ?? '';
    if ((await emailTokenUser(db, token, 'reset-password')) === null) return sendHtml(reply, await invalidLink(request), 400);
    return sendHtml(reply, ResetPasswordPage({ ctx: await viewContext(request), token }));
  });

  app.post('/dat-lai-mat-khau', { config: POST_RATE_LIMIT }, async (request, reply) => {
    const values = formOf(request.body);
    const token = field(values, 'token');
    const userId = await emailTokenUser(db, token, 'reset-password');
    if (userId === null) return sendHtml(reply, await invalidLink(request), 400);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) {
      return sendHtml(reply, ResetPasswordPage({ ctx: await viewContext(request), token, state: { alert: request.t('error.csrf_invalid') } }), 403);
    }
    const user = await authUserById(db, userId);
    const password = typeof values.password === 'string' ? values.password : '';
    const errors: FieldErrors = {};
    checkNewPassword(errors, 'password', password, 'password_confirm', typeof values.password_confirm === 'string' ? values.password_confirm : '', user?.email ?? '');
    if (Object.keys(errors).length > 0) return sendHtml(reply, ResetPasswordPage({ ctx: await viewContext(request), token, state: { errors } }), 422);
    if ((await resetPassword(db, config, token, password)) === null) return sendHtml(reply, await invalidLink(request), 400);
    return reply.redirect('/dat-lai-mat-khau/xong', 303);
  });

  app.get('/dat-lai-mat-khau/xong', async (request, reply) =>
    sendHtml(
      reply,
      MessagePage({ ctx: await viewContext(request), title: request.t('auth.reset_done_title'), body: request.t('auth.reset_done_body'), link: { href: '/dang-nhap', label: request.t('auth.sign_in') } }),
    ),
  );
}
