/** Runs a PostgreSQL client program (pg_dump, pg_restore) and reports a missing program clearly. */
import { spawn } from 'node:child_process';

export class MissingToolError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} was not found on PATH; install the PostgreSQL client programs (the same major version as the server or newer)`);
    this.name = 'MissingToolError';
  }
}

/** Resolves with the exit code and standard error of `tool args…`; rejects with MissingToolError when it is not installed. */
export function runTool(tool: string, args: readonly string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new MissingToolError(tool) : err));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}
