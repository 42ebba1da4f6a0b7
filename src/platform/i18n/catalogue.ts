/** The merged catalogue of every area. Keys are prefixed by area (`shell.`, `auth.`, `error.`, …). */
import { errorMessages } from '../errors-messages.ts';
import { shellMessages } from '../../ui/messages.ts';
import { calendarMessages } from '../calendar/messages.ts';
import { authMessages } from '../auth/messages.ts';
import { apiTokenMessages } from '../auth/api-token-messages.ts';
import { eservicesApiMessages } from '../../modules/eservices/api-messages.ts';
import { searchMessages } from '../search/messages.ts';
import { newsroomMessages } from '../../modules/newsroom/messages.ts';
import { adminMessages } from '../../modules/admin/messages.ts';
import { eservicesMessages } from '../../modules/eservices/messages.ts';
import { statisticsMessages } from '../../modules/statistics/messages.ts';
import { reportMessages } from '../../modules/statistics/reports/messages.ts';
import { licenceMessages } from '../../modules/eservices/results/messages.ts';
import { feedbackMessages } from '../../modules/eservices/feedback/messages.ts';
import { serviceIndexMessages } from '../../modules/eservices/service-index/messages.ts';
import { paymentMessages } from '../../modules/eservices/payments/messages.ts';
import { portalMessages } from '../../modules/portal/messages.ts';
import { analyticsMessages } from '../../modules/analytics/messages.ts';

const parts = [shellMessages, errorMessages, calendarMessages, adminMessages, statisticsMessages, reportMessages, eservicesMessages, licenceMessages, feedbackMessages, serviceIndexMessages, paymentMessages, searchMessages, newsroomMessages, authMessages, apiTokenMessages, eservicesApiMessages, portalMessages, analyticsMessages] as const;

type Keys<P> = P extends { vi: Readonly<Record<infer K, string>> } ? K : never;
export type MessageKey = Keys<(typeof parts)[number]>;

export const catalogue: { vi: Record<MessageKey, string>; en: Record<MessageKey, string> } = {
  vi: Object.assign({}, ...parts.map((p) => p.vi)) as Record<MessageKey, string>,
  en: Object.assign({}, ...parts.map((p) => p.en)) as Record<MessageKey, string>,
};
