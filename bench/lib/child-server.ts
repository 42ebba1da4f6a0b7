/**
 * A server under test in a process of its own, started by a bench script: its memory and its CPU time
 * are its own, apart from the corpus generation and the load generator of the parent.
 *
 * The child scripts (newsroom-server.ts, bare-server.ts) send `{ address }` over IPC once listening
 * and answer the message `'cpu'` with their `process.cpuUsage()`; they stop on SIGTERM.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';

export interface ChildServer {
  /** Base URL without a trailing slash. */
  readonly url: string;
  readonly pid: number;
  /** The child's user + system CPU time so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `script` with `node [nodeFlags] --import tsx`; sends it `init` (when given) and resolves once it listens. */
export function startChildServer(script: string, env: Record<string, string>, nodeFlags: readonly string[], init?: unknown): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const cpuMicros = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: { cpu?: NodeJS.CpuUsage }): void => {
        if (m.cpu === undefined) return;
        child.off('message', onMessage);
        resolve(m.cpu.user + m.cpu.system);
      };
      child.on('message', onMessage);
      if (!child.send('cpu')) reject(new Error(`${script}: the IPC channel is closed`));
    });
  return new Promise((resolve, reject) => {
    const onMessage = (m: { address?: string }): void => {
      if (m.address === undefined) return;
      child.off('message', onMessage);
      resolve({ url: m.address, pid: child.pid!, cpuMicros, stop });
    };
    child.on('message', onMessage);
    child.once('exit', (code, signal) => reject(new Error(`${script} exited before listening (${code ?? signal})`)));
    child.once('error', reject);
    if (init !== undefined) child.send(init as object);
  });
}

/** Answers the parent's `'cpu'` message with this process's CPU time: for the child scripts. */
export function reportCpuToParent(): void {
  if (process.send === undefined) throw new Error('this bench server is started by a bench script (it needs an IPC channel)');
  process.on('message', (m) => {
    if (m === 'cpu') process.send!({ cpu: process.cpuUsage() });
  });
}

export interface CpuCost {
  /** The server's CPU time per request, in microseconds. */
  readonly microsPerRequest: number;
  readonly requests: number;
  /** Responses outside 2xx, errors and timeouts. */
  readonly failures: number;
}

/**
 * The server's CPU time per request while it is sent `rate` requests per second (50 connections):
 * below saturation, so that the figure does not depend on how the two of them share the CPUs
 * with the load generator, as requests per second at saturation do.
 */
export async function cpuPerRequest(server: ChildServer, path: string, rate: number, seconds: number): Promise<CpuCost> {
  const common = { url: server.url + path, connections: 50, overallRate: rate, workers: 1 };
  await autocannon({ ...common, duration: 1 });
  const before = await server.cpuMicros();
  const result = await autocannon({ ...common, duration: seconds });
  const after = await server.cpuMicros();
  const requests = result.requests.total;
  return { microsPerRequest: requests === 0 ? NaN : (after - before) / requests, requests, failures: result.non2xx + result.errors + result.timeouts };
}
