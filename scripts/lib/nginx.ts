/** nginx for scripts: Debian's binary, started with a config of our own in a directory of our own (never the system service). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { answers, startService, waitUntil, type Service } from './processes';

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

/** The directives that keep nginx's pid, error log and temporary files inside `dir`. */
export function ownFiles(dir: string): { main: string; http: string } {
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  return {
    main: `daemon off;\npid ${path.join(dir, 'nginx.pid')};\nerror_log ${path.join(dir, 'error.log')} warn;`,
    http: `${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
  };
}

/**
 * Writes `config` to `dir`/nginx.conf, starts nginx on it and waits until `readyUrl` answers 2xx (5 s).
 * Stop it with `stop('SIGQUIT')`: a graceful shutdown (the master lets its workers finish).
 */
export async function runNginx(binary: string, dir: string, config: string, readyUrl: string, detached = false): Promise<Service> {
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, config);
  const service = startService(binary, ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', conf], { detached });
  await waitUntil('nginx', () => answers(readyUrl), service, 5_000);
  return service;
}
