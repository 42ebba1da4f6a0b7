/**
 * Reads of prepared() queries on PostgreSQL, outside transactions, over a few pipelined connections
 * (node-postgres `pipeline: true`): a query is written without waiting for the answers of those
 * before it on the same connection, and each is followed by its own Sync, so each runs in its own
 * implicit transaction and an error ends only that query.
 *
 * Why: through the pool, every read takes a connection of its own, and each is a full round trip
 * (the backend sleeps between queries, Node waits for each answer before the next write). A public
 * page is one such read, so under load the round trips cost more than the queries: on the article
 * page, pipelining took Node's CPU per query from about 105 µs to 60-76 µs and the backends' from
 * 150-170 µs to 82-116 µs (20 queries in flight, Unix socket; newsroom CONTEXT).
 *
 * Only prepared() queries come here: short reads on hot paths, so one cannot hold up those behind it
 * on its connection for long. Everything else (writes, transactions, reports) goes through the pool.
 */
import pg from 'pg';

/** The application_name of these connections, as pg_stat_activity shows them. */
export const PIPELINED_READS_APPLICATION = 'congso pipelined reads';

interface Slot {
  /** Connected or connecting; undefined after the connection failed or ended (a new one is opened on demand). */
  client: Promise<pg.Client> | undefined;
  inFlight: number;
}

/** An error that ends the connection (a socket error, or the server's FATAL), not only the query. */
function isConnectionLoss(err: unknown): boolean {
  return !(err instanceof pg.DatabaseError) || err.severity === 'FATAL' || err.severity === 'PANIC';
}

export class PipelinedReads {
  private readonly slots: Slot[];
  private closed = false;

  constructor(
    private readonly connectionString: string,
    size = 2,
  ) {
    this.slots = Array.from({ length: size }, () => ({ client: undefined, inFlight: 0 }));
  }

  /** The rows of a named statement (parsed once per connection) run with `values`. */
  async query<R>(name: string, text: string, values: readonly unknown[]): Promise<R[]> {
    if (this.closed) throw new Error('PipelinedReads: closed');
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.inFlight < slot.inFlight) slot = s;
    slot.inFlight++;
    const connection = this.clientOf(slot);
    try {
      const client = await connection;
      const result = await client.query<R & pg.QueryResultRow>({ name, text, values: values as unknown[] });
      return result.rows;
    } catch (err) {
      // The connection's own 'error' or 'end' event may come after its queries have failed: the
      // next read must not be written to it.
      if (isConnectionLoss(err) && slot.client === connection) slot.client = undefined;
      throw err;
    } finally {
      slot.inFlight--;
    }
  }

  private clientOf(slot: Slot): Promise<pg.Client> {
    if (slot.client !== undefined) return slot.client;
    const client = new pg.Client({ connectionString: this.connectionString, pipeline: true, application_name: PIPELINED_READS_APPLICATION });
    const dropped = (): void => {
      if (slot.client === connecting) slot.client = undefined;
    };
    // The queries in flight on a lost connection fail with its error; the next ones open a new one.
    // Without a listener, an 'error' event (the server restarting) would end the process.
    client.on('error', dropped);
    client.on('end', dropped);
    const connecting = client.connect().then(
      () => client,
      (err: unknown) => {
        dropped();
        throw err;
      },
    );
    slot.client = connecting;
    return connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    const open = this.slots.map((s) => s.client);
    for (const s of this.slots) s.client = undefined;
    await Promise.all(open.map((c) => c?.then((client) => client.end()).catch(() => undefined)));
  }
}
