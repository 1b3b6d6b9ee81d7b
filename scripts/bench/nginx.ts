/**
 * The limit (scenario 7): the exact bytes of the article list served as a
 * static file by nginx on 127.0.0.1, started for the run and stopped after.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ownFiles, runNginx } from '../lib/nginx';
import { freePort } from '../lib/processes';

export { ensureNginx } from '../lib/nginx';

export function nginxConfig(dir: string, port: number, contentType: string): string {
  const own = ownFiles(dir);
  return `worker_processes auto;
${own.main}
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  ${own.http}
  types { }
  server {
    listen 127.0.0.1:${port};
    root ${dir};
    location = /list.json { default_type "${contentType}"; }
  }
}
`;
}

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves `body` at /list.json with `contentType`. */
export async function startNginx(binary: string, body: Buffer, contentType: string): Promise<StaticServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
  fs.chmodSync(dir, 0o755); // workers run as an unprivileged user
  fs.writeFileSync(path.join(dir, 'list.json'), body, { mode: 0o644 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/list.json`;
  const nginx = await runNginx(binary, dir, nginxConfig(dir, port, contentType), url);
  return {
    url,
    async stop() {
      await nginx.stop('SIGQUIT', 5_000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
