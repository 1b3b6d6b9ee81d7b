/**
 * The limit: the exact bytes of the article list — as the app sent them to a
 * client asking `Accept-Encoding: gzip, br`, so compressed when the app
 * compresses — served as a pre-compressed static file by nginx on 127.0.0.1
 * with the app's Content-Encoding and Vary, started for the run and stopped after.
 * nginx compresses nothing itself (`gzip off`): both sides send the same bytes,
 * and neither pays for compression per request.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './app';
import { rawRequest } from './http-client';

const NGINX_PATHS = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

const findNginx = () => NGINX_PATHS.find((p) => fs.existsSync(p)) ?? null;

/** The nginx binary, installing Debian's package (nginx-light, else nginx) when missing. */
export function ensureNginx(log: (line: string) => void): string {
  const found = findNginx();
  if (found) return found;
  log('nginx not found: installing the Debian package (apt-get update; apt-get install -y nginx-light)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) => spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env }).status === 0;
  run(['apt-get', 'update']);
  if (!run(['apt-get', 'install', '-y', '--no-install-recommends', 'nginx-light'])) run(['apt-get', 'install', '-y', '--no-install-recommends', 'nginx']);
  const installed = findNginx();
  if (!installed) throw new Error('could not install nginx (apt-get failed)');
  return installed;
}

/** How the stored bytes are sent: their media type and, when compressed, their encoding. */
export interface StaticBody {
  contentType: string;
  contentEncoding?: string;
  vary?: string;
}

export function nginxConfig(dir: string, port: number, file: StaticBody): string {
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  const headers = [
    file.contentEncoding ? `add_header Content-Encoding "${file.contentEncoding}";` : '',
    file.vary ? `add_header Vary "${file.vary}";` : '',
  ].filter(Boolean).join(' ');
  return `worker_processes auto;
daemon off;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip off;
  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}
  types { }
  server {
    listen 127.0.0.1:${port};
    root ${dir};
    location = /list.json { default_type "${file.contentType}";${headers ? ` ${headers}` : ''} }
  }
}
`;
}

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves `body` (bytes as stored, possibly compressed) at /list.json. */
export async function startNginx(binary: string, body: Buffer, file: StaticBody): Promise<StaticServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
  fs.chmodSync(dir, 0o755); // workers run as an unprivileged user
  fs.writeFileSync(path.join(dir, 'list.json'), body, { mode: 0o644 });
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig(dir, port, file));
  const child = spawn(binary, ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/list.json`;
  for (let i = 0; ; i++) {
    try {
      const res = await rawRequest(url);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || i > 100) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${stderr || fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async stop() {
      child.kill('SIGQUIT'); // graceful: master stops its workers
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
