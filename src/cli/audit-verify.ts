import { verifyAuditChain } from '../platform/audit/audit.ts';
import { createDb } from '../platform/db/index.ts';
import type { Command } from './commands.ts';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'check the audit log hash chain',
  help: `Usage: congso audit verify

Walks the audit log of DATABASE_URL in order and recomputes each entry's hash and its link to the
previous entry. A row changed or removed behind the application's back breaks the chain there.

Exit status: 0 and "chain intact: N entries"; 1 naming the first broken entry and the reason
("hash": its content was changed; "link": the entry before it was changed or removed).`,
  async run(_args, config) {
    const store = createDb(config.database);
    try {
      const report = await verifyAuditChain(store.db);
      if (report.brokenAt === null) {
        console.log(`chain intact: ${report.checked} entries`);
        return 0;
      }
      const why = report.brokenAt.reason === 'hash' ? 'its content does not match its hash' : 'it does not link to the entry before it';
      console.error(`chain broken at entry ${report.brokenAt.id} (${report.brokenAt.reason}): ${why}; ${report.checked} entries before it are intact`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
