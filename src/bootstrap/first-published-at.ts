import type { Core } from '@strapi/strapi';

const FLAG = 'features.future.experimental_firstPublishedAt';

/**
 * Strapi's firstPublishedAt feature ships a content migration that runs after
 * every schema sync, i.e. on every boot, and reads the WHOLE table of each
 * draft & publish type (`select *`) to backfill the field. At 100,000
 * articles that is ~1.5 GB of memory and +15 s of boot. We switch the flag
 * off for the sync (the attribute is already part of the schema by then) and
 * back on in bootstrap, and backfill with one set-based UPDATE instead.
 */
export function skipFullTableFirstPublishedAtMigration(strapi: Core.Strapi): void {
  strapi.hook('strapi::content-types.beforeSync').register(async () => {
    strapi.config.set(FLAG, false);
  });
}

/** Turns the feature back on and stamps any published version that lacks the date (e.g. data imported in bulk). */
/** Returns how many article rows it filled in (written around the Document Service: the read model re-renders them). */
export async function restoreFirstPublishedAt(strapi: Core.Strapi): Promise<number> {
  strapi.config.set(FLAG, true);
  return backfillFirstPublishedAt(strapi);
}

export async function backfillFirstPublishedAt(strapi: Core.Strapi, table = 'articles'): Promise<number> {
  const knex = strapi.db.connection;
  const firstPublish = knex(`${table} as p`)
    .min('p.published_at')
    .whereRaw(`p.document_id = ${table}.document_id`)
    .andWhereRaw(`p.locale = ${table}.locale`)
    .whereNotNull('p.published_at');
  return knex(table)
    .whereNull('first_published_at')
    .whereExists(
      knex(`${table} as q`).select(knex.raw('1')).whereRaw(`q.document_id = ${table}.document_id`).andWhereRaw(`q.locale = ${table}.locale`).whereNotNull('q.published_at'),
    )
    .update({ first_published_at: firstPublish });
}
