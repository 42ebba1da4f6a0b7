/**
 * Accounts and sign-in. Registered without encapsulation (fastify-plugin) because the forced-TOTP-setup
 * hook must see every request of the app, not only this plugin's routes.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { registerAccountRoutes } from './routes-account.ts';
import { registerApiTokenRoutes } from './routes-api-tokens.ts';
import { registerRegistrationRoutes } from './routes-register.ts';
import { registerSignInRoutes } from './routes-sign-in.ts';

async function auth(app: FastifyInstance): Promise<void> {
  registerSignInRoutes(app);
  registerRegistrationRoutes(app);
  registerAccountRoutes(app);
  registerApiTokenRoutes(app);
}

export default fp(auth, { name: 'auth' });
