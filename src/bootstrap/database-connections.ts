import type { Core } from '@strapi/strapi';
import { isDatabaseUnavailable } from '../lib/database-errors';

/**
 * Strapi 5.54 prepares each new PostgreSQL connection (`SET search_path`) in its pool's
 * afterCreate hook as `initialize(conn).then(() => done(null, conn))` — with no catch
 * (@strapi/database dist/index.js, afterCreate). A connection opened while PostgreSQL
 * is shutting down or starting up fails that statement, and the rejection nobody
 * handles stops the whole Node process (it took a node down in the fault test of a
 * PostgreSQL restart, tests/faults). Here a failed preparation is logged and the
 * connection handed over marked as knex marks a connection that errored
 * (`__knex__disposed`), so the pool's validation discards it on acquire and opens another.
 */
export function survivePoolConnectionErrors(strapi: Core.Strapi): void {
  const dialect = strapi.db.dialect as { initialize(connection: { __knex__disposed?: unknown }): Promise<void> };
  const initialize = dialect.initialize.bind(dialect);
  dialect.initialize = (connection) =>
    initialize(connection).catch((err: Error) => {
      connection.__knex__disposed = err;
      strapi.log.warn(`[database] preparing a new connection failed (${err.message}); it is discarded`);
    });
}

const ORPHANS_HANDLED = Symbol.for('newsroom.orphanedDatabaseRejections');

/**
 * A statement cut off with its connection can reject a promise nobody awaits any more: Strapi's entity
 * validator runs its unique and relation checks concurrently on the write's transaction connection (pg warns
 * "client.query() when the client is already executing a query"), and when PostgreSQL terminates that
 * connection one check's rejection outlives the request, which had already been answered (503). Node's default
 * for an unhandled rejection is to stop the process: it took a node down in the connection-cutting fault test.
 * Here an unhandled rejection that means "database unavailable" (src/lib/database-errors.ts) is logged and the
 * node keeps serving; any other one still stops the process, as Node would (rethrown as an uncaught exception)
 * unless another listener handles rejections.
 */
export function surviveOrphanedDatabaseErrors(strapi: Core.Strapi): void {
  const proc = process as NodeJS.Process & { [ORPHANS_HANDLED]?: boolean };
  if (proc[ORPHANS_HANDLED]) return; // one listener per process (tests start several apps in one)
  proc[ORPHANS_HANDLED] = true;
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      strapi.log.warn(`[database] a statement cut off with its connection was left unawaited (${reason instanceof Error ? reason.message.slice(-120) : reason}); the node keeps serving`);
      return;
    }
    // Node's default (--unhandled-rejections=throw) applies only when nobody listens; defer to other listeners (a test runner).
    if (process.listenerCount('unhandledRejection') > 1) return;
    setImmediate(() => {
      throw reason;
    });
  });
}
