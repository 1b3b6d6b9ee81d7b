/**
 * `npm start` runs in production mode, where no development default may stand
 * in for a secret: a missing one stops the boot with a message naming every
 * missing secret (and PREVIEW_SECRET is one of them). With all of them set it
 * boots — and creates no development admin.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import knex from 'knex';
import { appDir } from '../helpers/strapi';
import { SECRET_NAMES } from '../../src/lib/secrets';

const SECRETS = Object.fromEntries(SECRET_NAMES.map((name) => [name, name === 'APP_KEYS' ? 'prod-key-a,prod-key-b' : `prod-${name.toLowerCase()}`]));

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** Runs `npm start` with only `env` (no inherited secrets), until it exits or `until` sees it ready. */
function npmStart(env: Record<string, string>, until?: (port: number) => Promise<boolean>): Promise<{ code: number | null; output: string; ready: boolean }> {
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const child = spawn('npm', ['start'], {
          cwd: appDir,
          env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', STRAPI_TELEMETRY_DISABLED: 'true', HOST: '127.0.0.1', PORT: String(port), DATABASE_CLIENT: 'sqlite', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        });
        let output = '';
        let ready = false;
        child.stdout!.on('data', (c) => (output += c));
        child.stderr!.on('data', (c) => (output += c));
        const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 90_000);
        const poll = setInterval(async () => {
          if (until && !ready && (await until(port))) {
            ready = true;
            process.kill(-child.pid!, 'SIGTERM');
          }
        }, 500);
        child.on('exit', (code) => {
          clearTimeout(timer);
          clearInterval(poll);
          resolve({ code, output, ready });
        });
      }),
  );
}

it('without any secret, exits non-zero naming every one of them', async () => {
  const { code, output } = await npmStart({});
  expect(code).not.toBe(0);
  expect(output).toContain('NODE_ENV=production');
  for (const name of SECRET_NAMES) expect(output).toContain(name);
});

it('without PREVIEW_SECRET alone, exits non-zero naming it (and no other)', async () => {
  const { PREVIEW_SECRET: _, ...rest } = SECRETS;
  const { code, output } = await npmStart(rest);
  expect(code).not.toBe(0);
  const line = output.split('\n').find((l) => l.includes('Missing required secret')) ?? '';
  expect(line).toContain('PREVIEW_SECRET');
  for (const name of SECRET_NAMES.filter((n) => n !== 'PREVIEW_SECRET')) expect(line).not.toContain(name);
});

it('with every secret, boots in production, creates no development admin and keeps the GraphQL schema to itself', async () => {
  const file = `.tmp/production-boot-${process.pid}.db`;
  let introspection: { status: number; body: any } | null = null;
  try {
    const ready = async (port: number) => {
      if ((await fetch(`http://127.0.0.1:${port}/_health`).catch(() => null))?.status !== 204) return false;
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      introspection = { status: res.status, body: await res.json() };
      return true;
    };
    const { ready: booted, output } = await npmStart({ ...SECRETS, DATABASE_FILENAME: file }, ready);
    expect([booted, output.slice(-500)]).toEqual([true, expect.any(String)]);
    expect(introspection!.status).toBe(400);
    expect(JSON.stringify(introspection!.body.errors)).toMatch(/introspection/i);
    expect(output).not.toContain('Development admin created');
    const db = knex({ client: 'better-sqlite3', connection: { filename: path.join(appDir, file) }, useNullAsDefault: true });
    try {
      expect(Number((await db('admin_users').count({ n: '*' }))[0].n)).toBe(0);
    } finally {
      await db.destroy();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(appDir, file + suffix), { force: true });
  }
});
