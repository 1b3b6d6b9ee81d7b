import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Runs `fn` on the transaction open in this async context, if any, else on
 * the pool. Raw queries on `strapi.db.connection` inside a transaction would
 * wait for a second connection — on SQLite (one connection) until the
 * acquire timeout: the content-manager's publish runs its Document Service
 * call in a transaction, so every middleware's read is inside one.
 */
export function onDb<T>(strapi: Core.Strapi, fn: (knex: Knex) => Promise<T>): Promise<T> {
  if (!strapi.db.inTransaction()) return fn(strapi.db.connection);
  return strapi.db.transaction(({ trx }) => fn(trx as Knex)) as Promise<T>;
}
