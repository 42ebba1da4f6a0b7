/**
 * Serves the rich-text editor's script (squire-rte, MIT) from our own origin: the CSP allows
 * scripts from 'self' only, and the package ships a ready-to-run browser build, so no bundler is
 * involved. Read once at start-up; the URL carries no version, so caching is short.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

export function registerEditorAssets(app: FastifyInstance): void {
  const squire = readFileSync(require.resolve('squire-rte/dist/squire.js'));
  app.get('/vendor/squire.js', async (_request, reply) => {
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(squire);
  });
}
