/**
 * The limit: the exact bytes of the article list — as the app sent them to a
 * client asking `Accept-Encoding: gzip, br`, so compressed when the app
 * compresses — served as a pre-compressed static file by nginx on 127.0.0.1
 * with the app's Content-Encoding and Vary, started for the run and stopped after.
 * nginx compresses nothing itself (`gzip off`): both sides send the same bytes,
 * and neither pays for compression per request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ownFiles, runNginx } from '../lib/nginx';
import { freePort } from '../lib/processes';

export { ensureNginx } from '../lib/nginx';

/** How the stored bytes are sent: their media type and, when compressed, their encoding. */
export interface StaticBody {
  contentType: string;
  contentEncoding?: string;
  vary?: string;
}

export function nginxConfig(dir: string, port: number, file: StaticBody): string {
  const own = ownFiles(dir);
  const headers = [
    file.contentEncoding ? `add_header Content-Encoding "${file.contentEncoding}";` : '',
    file.vary ? `add_header Vary "${file.vary}";` : '',
  ].filter(Boolean).join(' ');
  return `worker_processes auto;
${own.main}
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip off;
  ${own.http}
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
  const url = `http://127.0.0.1:${port}/list.json`;
  const nginx = await runNginx(binary, dir, nginxConfig(dir, port, file), url);
  return {
    url,
    async stop() {
      await nginx.stop('SIGQUIT', 5_000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
