/**
 * Private PostgreSQL and Redis for the fault tests: restarting or stopping
 * the shared ones would break everything else on the machine. Started,
 * stopped and restarted with the commands docs/operations.md names
 * (pg_ctlcluster; redis-server, redis-cli shutdown).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { Client } from 'pg';
import { freePort, startService, waitUntil, type Service } from '../../scripts/lib/processes';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PrivatePostgres {
  port: number;
  /** pg_ctlcluster restart; resolves when it accepts queries again. */
  restart(): Promise<void>;
  drop(): void;
}

/** A cluster of its own (pg_createcluster, trust auth), on a free port. */
export async function startPrivatePostgres(name = `newsroom_faults_${process.pid}`): Promise<PrivatePostgres> {
  const version = fs.readdirSync('/etc/postgresql').sort()[0];
  const port = await freePort();
  spawnSync('pg_dropcluster', ['--stop', version, name], { stdio: 'ignore' }); // a leftover of an aborted run
  run('pg_createcluster', [version, name, '-p', String(port), '--', '--auth-host=trust', '--auth-local=trust']);
  const ctl = (action: string) => run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, action]);
  const ready = async () => {
    for (let i = 0; i < 300; i++) {
      const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch {
        await sleep(100);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw new Error(`PostgreSQL ${version}/${name} did not accept connections in 30 s`);
  };
  ctl('start');
  await ready();
  return {
    port,
    async restart() {
      ctl('restart');
      await ready();
    },
    drop() {
      spawnSync('pg_dropcluster', ['--stop', version, name], { stdio: 'ignore' });
    },
  };
}

export interface PrivateRedis {
  url: string;
  /** redis-server --port <port> --save "" --appendonly no */
  start(): Promise<void>;
  /** redis-cli -p <port> shutdown nosave */
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let service: Service | null = null;
  const start = async () => {
    const started = startService('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
    service = started;
    await waitUntil(`redis-server :${port}`, async () => spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().trim() === 'PONG', started, 10_000);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
      await service?.exited;
      service = null;
    },
  };
}
