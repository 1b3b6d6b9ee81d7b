// Builds the app (server TypeScript + admin panel), starts `strapi start` in
// production mode on a temporary SQLite file and a free port, creates the first
// Super Admin through the admin API, and hands the address to the tests.
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const appDir = path.resolve(__dirname, '../..');
const stateFile = path.join(appDir, '.tmp/e2e-state.json');

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/**
 * One request on its own connection (Connection: close). fetch() would leave a keep-alive socket in
 * this process's pool, which the tests (same process) reuse: when loading the first test file takes
 * about the server's 5 s keep-alive timeout, the server closes it as it is reused ("other side closed").
 */
const request = (url, { method = 'GET', body } = {}) =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(body);
  });

async function waitForHealth(url, child, logs, timeoutMs = 120000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`strapi start exited ${child.exitCode}:\n${logs.join('')}`);
    try {
      const res = await request(`${url}/_health`);
      if (res.status >= 200 && res.status < 300) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`strapi did not answer ${url}/_health in ${timeoutMs} ms:\n${logs.join('')}`);
}

module.exports = async () => {
  const id = crypto.randomBytes(4).toString('hex');
  const secret = (name) => `e2e-${name}-${id}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: `.tmp/e2e-${id}.db`,
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    APP_KEYS: `${secret('a')},${secret('b')}`,
    API_TOKEN_SALT: secret('salt'),
    ADMIN_JWT_SECRET: secret('admin'),
    TRANSFER_TOKEN_SALT: secret('transfer'),
    JWT_SECRET: secret('jwt'),
    ENCRYPTION_KEY: `e2e-encryption-key-${id}-0123456789`.slice(0, 32),
    PREVIEW_SECRET: secret('preview'),
    STRAPI_TELEMETRY_DISABLED: 'true',
    SEED_DEMO: 'false',
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  };
  const bin = path.join(appDir, 'node_modules/.bin/strapi');
  if (process.env.E2E_SKIP_BUILD !== 'true') {
    const started = Date.now();
    execFileSync(bin, ['build'], { cwd: appDir, env, stdio: 'inherit' });
    console.log(`[e2e] strapi build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  const logs = [];
  const child = spawn(bin, ['start'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (d) => logs.push(String(d)));
  child.stderr.on('data', (d) => logs.push(String(d)));
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(baseUrl, child, logs);

  // The first Super Admin, as the admin's registration page makes it.
  const admin = { email: `chief-${id}@khaleeji247.example`, password: 'E2e-Newsroom-2024', firstname: 'مدير', lastname: 'النظام' };
  const res = await request(`${baseUrl}/admin/register-admin`, { method: 'POST', body: JSON.stringify(admin) });
  if (res.status !== 200 && res.status !== 201) throw new Error(`register-admin → ${res.status}: ${res.text}`);

  fs.writeFileSync(stateFile, JSON.stringify({ baseUrl, pid: child.pid, dbFile: path.join(appDir, env.DATABASE_FILENAME), admin }));
  globalThis.__E2E_LOGS__ = logs;
};
