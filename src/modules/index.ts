/** Every module's plugin, in the order they are registered. */
import type { FastifyPluginAsync } from 'fastify';
import portal from './portal/index.ts';

export const modules: readonly FastifyPluginAsync[] = [portal];
