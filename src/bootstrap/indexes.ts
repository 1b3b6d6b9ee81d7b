import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * Creates the read-path indexes declared in database/migrations once Strapi's
 * tables exist (on a fresh database the migration ran before they did).
 */
export async function ensureReadIndexes(strapi: Core.Strapi): Promise<void> {
  const migration = require(path.join(strapi.dirs.app.root, 'database/migrations/2026.11.29T01.00.00.article-read-indexes.js'));
  await migration.ensure(strapi.db.connection);
}
