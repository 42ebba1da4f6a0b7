/** Every module's plugin, in the order they are registered. */
import type { FastifyPluginAsync } from 'fastify';
import portal from './portal/index.ts';
import mailWorker from '../platform/mail/worker.ts';
import auth from '../platform/auth/plugin.ts';
import admin from './admin/index.ts';
import calendar from '../platform/calendar/plugin.ts';
import search from '../platform/search/routes.ts';
import newsroom from './newsroom/index.ts';
import statistics from './statistics/index.ts';
import eservices from './eservices/index.ts';
import analytics from './analytics/index.ts';
import apiDocs from '../platform/http/api-docs.ts';

export const modules: readonly FastifyPluginAsync[] = [apiDocs, mailWorker, auth, analytics, portal, admin, calendar, statistics, eservices, search, newsroom];
