/** /quan-tri/thong-tin-cong: the portal identity; saving clears the settings cache at once. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { SETTING_KEYS, siteSettings } from '../../platform/site/settings.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { saveSiteIdentity, type IdentityInput } from './services/save-site-identity.ts';
import { SETTINGS_PATH, SettingsPage } from './views/settings-page.tsx';

export function registerSettingsRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const adminOnly = requireAnyRolePage('administrator');

  async function render(request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, extra: { errors?: FieldErrors; alert?: string; notice?: string } = {}, status = 200) {
    const ctx = await viewContext(request);
    return sendHtml(reply, SettingsPage({ ctx, adminNav: app.deps.adminNav, values, ...extra }), status);
  }

  app.get<{ Querystring: Record<string, string | undefined> }>(SETTINGS_PATH, { preHandler: adminOnly }, async (request, reply) => {
    const current = await siteSettings(store.db);
    const values: Record<string, string> = {};
    for (const key of SETTING_KEYS) {
      values[`${key}_vi`] = current[key].vi;
      values[`${key}_en`] = current[key].en;
    }
    return render(request, reply, values, request.query.ok === '1' ? { notice: request.t('shell.saved') } : {});
  });

  app.post<{ Body: FormValues }>(SETTINGS_PATH, { preHandler: adminOnly }, async (request, reply) => {
    const body = request.body ?? {};
    const values: Record<string, string> = {};
    const input = {} as Record<string, { vi: string; en: string }>;
    for (const key of SETTING_KEYS) {
      values[`${key}_vi`] = field(body, `${key}_vi`);
      values[`${key}_en`] = field(body, `${key}_en`);
      input[key] = { vi: values[`${key}_vi`] ?? '', en: values[`${key}_en`] ?? '' };
    }
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render(request, reply, values, { alert: request.t('error.csrf_invalid') }, 403);
    try {
      await saveSiteIdentity(store.db, actorOf(request), input as IdentityInput);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return render(request, reply, values, { errors: err.fields }, 422);
      throw err;
    }
    app.deps.site.clear();
    return reply.redirect(`${SETTINGS_PATH}?ok=1`, 303);
  });
}
