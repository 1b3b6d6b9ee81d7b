import type { Core } from '@strapi/strapi';

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
