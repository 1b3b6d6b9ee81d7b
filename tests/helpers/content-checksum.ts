import crypto from 'node:crypto';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { appDir, pgClient } from './strapi';

/** Keys sorted at every level, so equal content hashes equally whatever order the database returned columns in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

const sha256 = (value: unknown) => crypto.createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');

/**
 * Every attribute of a content type or component, nested: components to the bottom, media with all their
 * metadata, relations as documentIds (their own content is counted under their own type). Admin-user
 * relations (createdBy/updatedBy) are not populated: they are no content; nor is a medium's polymorphic
 * `related` (the other side, each content type's media fields, is).
 */
function deepPopulate(strapi: Core.Strapi, uid: string): Record<string, unknown> {
  const attributes = (strapi.getModel(uid as any) as { attributes: Record<string, any> }).attributes;
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'media') populate[name] = true;
    else if (attribute.type === 'component') populate[name] = { populate: deepPopulate(strapi, attribute.component) };
    else if (attribute.type === 'dynamiczone') {
      populate[name] = { on: Object.fromEntries(attribute.components.map((c: string) => [c, { populate: deepPopulate(strapi, c) }])) };
    } else if (attribute.type === 'relation' && attribute.target && !String(attribute.target).startsWith('admin::')) {
      populate[name] = { fields: ['documentId'] };
    }
  }
  return populate;
}

/**
 * A checksum over every document the app holds: each api:: content type and the media library
 * (plugin::upload.file), in every locale, draft and published versions, read through the Document
 * Service with deep populate. Nothing is left out: a full restore brings back ids and timestamps too.
 * Returns the checksum and how many versions each type has (so a test can show what it compared).
 */
export async function documentsChecksum(strapi: Core.Strapi): Promise<{ checksum: string; versions: Record<string, number> }> {
  const locales = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((l) => l.code).sort();
  const uids = [...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')).sort(), 'plugin::upload.file'];
  const all: Record<string, unknown[]> = {};
  const versions: Record<string, number> = {};
  for (const uid of uids) {
    const model = strapi.getModel(uid as any) as { options?: { draftAndPublish?: boolean }; pluginOptions?: { i18n?: { localized?: boolean } } };
    const statuses = model.options?.draftAndPublish ? ['draft', 'published'] : [undefined];
    const localesOf = model.pluginOptions?.i18n?.localized ? locales : [undefined];
    const rows: unknown[] = [];
    for (const locale of localesOf) {
      for (const status of statuses) {
        const found = await strapi.documents(uid as any).findMany({ locale, status, populate: deepPopulate(strapi, uid), sort: ['documentId:asc'] } as any);
        rows.push(...found.map((doc: unknown) => ({ locale, status, doc })));
      }
    }
    all[uid] = rows;
    versions[uid] = rows.length;
  }
  return { checksum: sha256(all), versions };
}

/**
 * A fingerprint of every row of every table, read with SQL (not through the app): equal fingerprints
 * mean two databases hold the same data, search index and FTS5 tables included.
 */
/**
 * Node-coordination logs, appended by background work of a running app (the cache eviction log, the
 * live-coverage event log): not content, and not something the backup scripts may be blamed for changing.
 */
const COORDINATION_LOGS = new Set(['cache_evictions', 'live_events', 'public.cache_evictions', 'public.live_events']);

/** A digest per table (name → digest): a mismatch in a test names the table that changed. */
export async function tableFingerprint(env: Record<string, string>): Promise<Record<string, string>> {
  if (env.DATABASE_FILENAME) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const Sqlite = require('better-sqlite3');
    const db = new Sqlite(path.join(appDir, env.DATABASE_FILENAME), { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all();
      const names = tables.map(({ name }: { name: string }) => name).filter((name: string) => !COORDINATION_LOGS.has(name));
      return Object.fromEntries(names.map((name: string) => [name, sha256(db.prepare(`SELECT * FROM "${name}"`).all().map((r: unknown) => JSON.stringify(canonical(r))).sort())]));
    } finally {
      db.close();
    }
  }
  const client = pgClient(env.DATABASE_NAME);
  await client.connect();
  try {
    const { rows: tables } = await client.query("SELECT schemaname || '.' || tablename AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
    const prints: Array<[string, string]> = [];
    for (const { name } of (tables as Array<{ name: string }>).filter((t) => !COORDINATION_LOGS.has(t.name))) {
      const quoted = name.split('.').map((part) => `"${part}"`).join('.');
      const { rows } = await client.query(`SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS print FROM ${quoted} t`);
      prints.push([name, rows[0].print]);
    }
    return Object.fromEntries(prints);
  } finally {
    await client.end();
  }
}
