/** Child processes that scripts start, wait for and stop: app servers, nginx. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const appDir = path.resolve(__dirname, '..', '..');

/**
 * `strapi start` as `npm start` runs it (package.json): the node executable's arguments, V8 flags first. The
 * flags are read from the start script so that the cluster, the fault tests and the benchmarks run the
 * nodes exactly as production does (docs/operations.md, "Memory").
 */
export function strapiStartArgs(command = 'start'): string[] {
  const start: string = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')).scripts.start;
  const flags = start.split(/\s+/).filter((token) => token.startsWith('--'));
  return [...flags, path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), command];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Append everything the process writes to this file. */
  logFile?: string;
  /** Also print each line here, prefixed (e.g. "[A] "). */
  echo?: string;
  /**
   * Own process group: a Ctrl-C in the terminal then reaches only the parent, which stops its children in
   * order. Such children are killed (SIGKILL, whole group) when the parent exits without stopping them.
   */
  detached?: boolean;
}

export interface Service {
  readonly pid: number;
  /** Resolves with the exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  alive(): boolean;
  /** The last 4000 characters it wrote, for error messages. */
  tail(): string;
  /** Sends `signal`, then SIGKILL (to its group, if detached) after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export function startService(command: string, args: string[], options: ServiceOptions = {}): Service {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached });
  const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : null;
  let tail = '';
  let partial = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4000);
    log?.write(chunk);
    if (options.echo !== undefined) {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${options.echo}${line}\n`);
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let alive = true;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      alive = false;
      log?.end();
      resolve(code);
    }),
  );
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (options.detached) process.kill(-child.pid!, signal);
      else child.kill(signal);
    } catch {
      // already gone
    }
  };
  if (options.detached) {
    const onParentExit = () => alive && kill('SIGKILL');
    process.once('exit', onParentExit);
    void exited.then(() => process.removeListener('exit', onParentExit));
  }
  return {
    pid: child.pid!,
    exited,
    alive: () => alive,
    tail: () => tail,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (!alive) return;
      kill(signal);
      const timer = setTimeout(() => kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Whether `url` answers with `status` (any 2xx when not given) within 2 s. */
export async function answers(url: string, status?: number): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return status === undefined ? res.ok : res.status === status;
  } catch {
    return false;
  }
}

/** Polls `probe` every 50 ms until it is true; fails when `service` exits first or after `timeoutMs`. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, service: Service, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await probe()) return Math.round(performance.now() - started);
    if (!service.alive()) throw new Error(`${what}: the process exited first:\n${service.tail()}`);
    if (performance.now() - started > timeoutMs) {
      await service.stop('SIGKILL', 0);
      throw new Error(`${what}: not ready within ${timeoutMs} ms:\n${service.tail()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
