/**
 * The server under test of bench/newsroom-pages.ts, run as a child process (see child-server.ts):
 * configured by the environment the parent passes (DATABASE_URL of the prepared database, PORT=0, …);
 * sends `{ address }` to the parent once listening, reports its CPU time when asked, and stops on
 * SIGTERM like `congso serve`.
 */
import { loadConfig } from '../../src/config/index.ts';
import { handleSignals, startServer } from '../../src/server.ts';
import { reportCpuToParent } from './child-server.ts';

reportCpuToParent();
const server = await startServer(loadConfig(process.env));
handleSignals(server);
process.send!({ address: server.address });
