/**
 * Scheduled publishing: a schedule step writes a job (persisted in the jobs table), and a poller
 * started with the app publishes what is due. A restart loses nothing: due jobs are picked up by
 * the next poll. A job whose article was returned or edited since is closed without publishing.
 */
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { recordAudit, systemActor } from '../../platform/audit/audit.ts';
import { articleById } from './queries.ts';
import { makeLive, PUBLISH_JOB } from './workflow.ts';

// A claimed job left running by a crashed process becomes due again after this.
const LOCK_MS = 60_000;

/** Publishes every scheduled article whose time has come; returns how many were published. */
export async function publishDueArticles(db: Db, now: Date = new Date()): Promise<number> {
  const at = now.toISOString();
  const due = await db
    .selectFrom('jobs')
    .select(['id', 'payload_json', 'run_at'])
    .where('kind', '=', PUBLISH_JOB)
    .where('run_at', '<=', at)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', at)])]))
    .orderBy('run_at')
    .limit(50)
    .execute();
  let published = 0;
  for (const job of due) {
    await db.transaction().execute(async (trx) => {
      // Claiming by a conditional update: of two processes polling together, one wins.
      const claimed = await trx
        .updateTable('jobs')
        .set({ status: 'running', locked_until: new Date(now.getTime() + LOCK_MS).toISOString(), attempts: (eb) => eb('attempts', '+', 1) })
        .where('id', '=', job.id)
        .where((eb) => eb.or([eb('status', '=', 'queued'), eb('locked_until', '<', at)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const { articleId, revisionId } = JSON.parse(job.payload_json) as { articleId: number; revisionId: number };
      const article = await articleById(trx, articleId);
      const isStillScheduled = article !== undefined && article.status === 'scheduled' && article.working_revision_id === revisionId;
      if (isStillScheduled) {
        await makeLive(trx, article, article.scheduled_at ?? job.run_at);
        await recordAudit(trx, systemActor('scheduler'), { action: 'newsroom.article_published_on_schedule', entityType: 'article', entityId: articleId, agencyId: article.agency_id, before: { status: 'scheduled' }, after: { status: 'published' } });
        published++;
      }
      await trx
        .updateTable('jobs')
        .set({ status: 'done', done_at: nowIso(), locked_until: null, last_error: isStillScheduled ? null : 'article no longer scheduled' })
        .where('id', '=', job.id)
        .execute();
    });
  }
  return published;
}

/** Starts polling every `intervalMs`; returns a function that stops it and waits for a poll in progress. */
export function startScheduler(db: Db, intervalMs: number, onError: (err: unknown) => void, onPublished: () => void = () => {}): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const tick = (): void => {
    if (inFlight !== undefined || stopped) return;
    inFlight = publishDueArticles(db)
      .then((published) => {
        if (published > 0) onPublished();
      }, onError)
      .finally(() => {
        inFlight = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await inFlight;
  };
}
