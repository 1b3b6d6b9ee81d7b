import type { Server } from 'node:http';
import type { Core } from '@strapi/strapi';
import { outboxService, readModelService, scheduleService } from '../api/services';
import { infra } from '../infra';
import type { NewsroomConfig } from '../../config/newsroom';

/**
 * SIGTERM (or SIGINT) drains before Strapi shuts down, so a rolling restart
 * behind a load balancer resets no connection:
 * 1. draining: responses carry `Connection: close`, `/_health` is 503 (src/middlewares/drain.ts);
 * 2. the node stops accepting connections (a balancer's new connection is
 *    refused and goes to another node — safe to retry, nothing was sent) but
 *    keeps its open keep-alive connections: closing an idle one while the
 *    balancer sends on it is the one way a request would be lost;
 * 3. no scheduler tick starts, the running one finishes, and so do a read-model refresh and a webhook pass;
 * 4. it waits until the balancer has let go of every connection (nginx closes
 *    idle ones after its keepalive_timeout, 4 s in docs/operations.md), up to
 *    SHUTDOWN_TIMEOUT_MS;
 * 5. Strapi's own shutdown (plugins, lifecycles, server, database), then exit.
 * Strapi's own signal handler (which destroys every connection at once) is replaced.
 */
export function installGracefulShutdown(strapi: Core.Strapi): void {
  const { shutdownTimeoutMs: timeoutMs } = strapi.config.get('newsroom') as NewsroomConfig;
  let started = false;
  const shutdown = async (signal: string) => {
    if (started) return; // signals arrive twice under some process managers
    started = true;
    const t = Date.now();
    strapi.log.info(`[shutdown] ${signal}: draining (up to ${timeoutMs} ms)`);
    infra(strapi).lifecycle.draining = true;
    infra(strapi).live.endAll(); // live streams never end by themselves: their clients resume on another node (Last-Event-ID)
    const server = strapi.server.httpServer as Server & { closeIdleConnections?: () => void };
    if (server.listening) {
      // Node's close() also drops idle keep-alive connections: keep them until the balancer lets go.
      const closeIdle = server.closeIdleConnections;
      server.closeIdleConnections = () => {};
      server.close();
      server.closeIdleConnections = closeIdle;
    }
    strapi.cron.stop();
    await Promise.all([scheduleService(strapi).stop(), readModelService(strapi).idle(), outboxService(strapi).stop()]);
    const deadline = t + timeoutMs;
    while (Date.now() < deadline && (await openConnections(server)) > 0) await new Promise((r) => setTimeout(r, 100));
    strapi.log.info(`[shutdown] drained in ${Date.now() - t} ms (${await openConnections(server)} connections left)`);
    try {
      await strapi.destroy();
    } finally {
      process.exit(0);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

const openConnections = (server: Server) => new Promise<number>((resolve) => server.getConnections((err, n) => resolve(err ? 0 : n)));
