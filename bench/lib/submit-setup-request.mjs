/**
 * Loaded by autocannon's worker thread for bench/eservices-submit.ts: every request carries its own
 * document (a unique marker written into the 100 KB PDF of the template body) and its own
 * Idempotency-Key, so that each one makes a dossier and stores a file.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const template = readFileSync(process.env.CONGSO_SUBMIT_TEMPLATE);
const marker = Buffer.from(process.env.CONGSO_SUBMIT_MARKER, 'latin1');
const at = template.indexOf(marker);
if (at < 0) throw new Error('the template body has no marker');
const run = randomBytes(4).toString('hex');
let n = 0;

function setupRequest(request) {
  n += 1;
  const id = `${run}-${String(n).padStart(marker.length - run.length - 1, '0')}`;
  const body = Buffer.from(template);
  body.write(id, at, 'latin1');
  return { ...request, body, headers: { ...request.headers, 'idempotency-key': id } };
}

// autocannon's worker loads this file with require(): what require() returns is the function itself.
export { setupRequest as 'module.exports' };
