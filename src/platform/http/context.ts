/** What every request carries once the platform hooks have run, and what the app shares with its plugins. */
import type { Config, Locale } from '../../config/index.ts';
import type { DbHandle } from '../db/index.ts';
import type { Translate } from '../i18n/index.ts';
import type { Role } from '../auth/roles.ts';
import type { SiteSettingsCache } from '../site/settings.ts';
import type { Shortcuts } from './shortcuts.ts';

export interface RoleGrant {
  readonly role: Role;
  /** The agency in which the role is held; null for roles held by the public (citizen, enterprise). */
  readonly agencyId: number | null;
}

export interface CurrentUser {
  readonly id: number;
  readonly email: string;
  readonly fullName: string;
  readonly accountType: 'citizen' | 'business' | 'staff';
  readonly roles: readonly RoleGrant[];
  readonly totpEnabled: boolean;
  readonly emailVerified: boolean;
}

/** A navigation entry a module adds to the portal's main menu. */
export interface NavItem {
  readonly href: string;
  readonly label: Parameters<Translate>[0];
  readonly order: number;
}

/** An entry of the staff area's menu; shown to users holding one of `roles`. */
export interface AdminNavItem {
  readonly href: string;
  readonly label: Parameters<Translate>[0];
  readonly roles: readonly Role[];
  readonly order: number;
}

export interface AppDeps {
  readonly config: Config;
  readonly store: DbHandle;
  readonly nav: NavItem[];
  readonly adminNav: AdminNavItem[];
  readonly site: SiteSettingsCache;
  /** Answers kept pages before the framework, and tells listeners about every response (shortcuts.ts). */
  readonly shortcuts: Shortcuts;
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    user: CurrentUser | null;
    /** Hash of the session token (the sessions table key), when signed in. */
    sessionKey: string | null;
    /** Token to put in every state-changing form (see csrf.ts). */
    readonly csrfToken: string;
    /** Issues the CSRF cookie on first use and returns the token (see csrf.ts); set by the platform's onRequest hook. */
    csrfIssue: (() => string) | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}
