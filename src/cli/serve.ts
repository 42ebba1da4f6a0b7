import { handleSignals, startServer } from '../server.ts';
import type { Command } from './commands.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the web server (migrates, and loads the demo into an empty database)',
  help: `Usage: congso serve

Starts the portal on HOST:PORT. Pending migrations are applied first; an empty database
receives the Lào Cai demo unless SEED_DEMO=false. Stops gracefully on SIGTERM.`,
  async run(_args, config) {
    const server = await startServer(config);
    handleSignals(server);
    return -1;
  },
};
