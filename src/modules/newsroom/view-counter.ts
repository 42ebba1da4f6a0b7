/**
 * Article view counts without a database write per view: views are added up in memory and written
 * in one transaction per flush (every few seconds, when many are pending, and when the app closes).
 * A crash loses at most the views of the last interval; a count is a statistic, not a record.
 */
import type { Db } from '../../platform/db/index.ts';

export class ViewCounter {
  private pending = new Map<number, number>();
  private pendingTotal = 0;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly maxPending = 1000,
  ) {}

  /** Counts one view; flushes when many are waiting. */
  count(articleId: number): void {
    this.pending.set(articleId, (this.pending.get(articleId) ?? 0) + 1);
    this.pendingTotal++;
    if (this.pendingTotal >= this.maxPending) void this.flush();
  }

  /** Views counted but not written yet, for showing an up-to-date figure. */
  pendingFor(articleId: number): number {
    return this.pending.get(articleId) ?? 0;
  }

  /** Writes the pending counts in one transaction. Concurrent calls share the same flush. */
  async flush(): Promise<void> {
    if (this.flushing !== null) return this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.pendingTotal = 0;
    this.flushing = this.db
      .transaction()
      .execute(async (trx) => {
        for (const [id, n] of batch) {
          await trx.updateTable('articles').set((eb) => ({ view_count: eb('view_count', '+', n) })).where('id', '=', id).execute();
        }
      })
      .catch((err: unknown) => {
        // Keep the views for the next attempt rather than losing them.
        for (const [id, n] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
        throw err;
      })
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }
}

/** The running app's counter for a database (the module's plugin scope is encapsulated): for operations and tests. */
export const countersByDb = new WeakMap<Db, ViewCounter>();
