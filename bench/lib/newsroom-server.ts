/**
 * The server under test of bench/newsroom-pages.ts, run as a child process so that its memory is its
 * own: the parent generates the corpus and runs the load generator. Configured by the environment
 * the parent passes (DATABASE_URL of the prepared database, PORT=0, …); sends `{ address }` to the
 * parent over IPC once listening, and stops on SIGTERM like `congso serve`.
 */
import { loadConfig } from '../../src/config/index.ts';
import { handleSignals, startServer } from '../../src/server.ts';

const server = await startServer(loadConfig(process.env));
handleSignals(server);
if (process.send === undefined) throw new Error('bench/lib/newsroom-server.ts is started by bench/newsroom-pages.ts (it needs an IPC channel)');
process.send({ address: server.address });
