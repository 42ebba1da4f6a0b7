/** Loaded by autocannon's worker thread for bench/eservices-submit.ts: records each acknowledged dossier (code and document hashes) for the check that follows the load. */
import { appendFileSync } from 'node:fs';

function onResponse(status, body) {
  if (status !== 201) return;
  const receipt = JSON.parse(body);
  appendFileSync(process.env.CONGSO_SUBMIT_ACKS, `${receipt.code}\t${receipt.documents.map((d) => d.sha256).join(',')}\n`);
}

// autocannon's worker loads this file with require(): what require() returns is the function itself.
export { onResponse as 'module.exports' };
