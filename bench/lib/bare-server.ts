/**
 * A bare Fastify route in a process of its own (see child-server.ts): the parent sends the body and
 * headers of GET `/` as `{ body, encoding, headers }` (the baseline's short page, or a page captured
 * from the app) and compares the CPU time per request of the app with this one's.
 */
import Fastify from 'fastify';
import { reportCpuToParent } from './child-server.ts';

interface Init {
  readonly body: string;
  /** 'utf8': the body is sent as a string, as the baseline's; 'base64': as bytes, as a captured page. */
  readonly encoding: 'utf8' | 'base64';
  readonly headers: Record<string, string>;
}

reportCpuToParent();
const init = await new Promise<Init>((resolve) => process.once('message', (m) => resolve(m as Init)));
const body = init.encoding === 'utf8' ? init.body : Buffer.from(init.body, 'base64');
const app = Fastify({ logger: false });
app.get('/', async (_request, reply) => reply.headers(init.headers).send(body));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
process.send!({ address });
