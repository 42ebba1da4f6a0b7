/** Runs the real `congso` command line against a test database. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestEnv } from '../../helpers/build.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `congso …args` with DATABASE_URL, DATA_DIR and SECRET of the test environment. */
export function congso(env: TestEnv, args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  const db = env.config.database;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: env.dataDir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        DATABASE_URL: db.kind === 'sqlite' ? db.file : db.url,
        DATA_DIR: env.dataDir,
        SECRET: env.config.secret,
        SCRYPT_COST: '1024',
        LOG_LEVEL: 'silent',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
