import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * The import_map table (database/migrations/2026.12.02T00.00.00.import-map.js):
 * which document (or media file) each outside item became, so that a second
 * run of an importer updates or skips instead of duplicating. Rows are written
 * inside the caller's transaction (Strapi's knex follows the current one), so
 * a mapping exists exactly when the write it records committed.
 */
const TABLE = 'import_map';

export interface ImportKey {
  /** `wordpress:<site URL>`, `wire:<agency>`… */
  source: string;
  kind: string;
  externalId: string;
  locale?: string;
}

export interface ImportRow {
  targetId: string;
  version: string | null;
  checksum: string | null;
  meta: Record<string, unknown>;
}

const where = (k: ImportKey) => ({ source: k.source, kind: k.kind, external_id: k.externalId, locale: k.locale ?? '' });

const importMap = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Runs on the current transaction when there is one (Strapi keeps it per async context), else in its own. */
  const db = <T>(fn: (k: Knex) => Promise<T>): Promise<T> => strapi.db.transaction(({ trx }) => fn(trx as unknown as Knex)) as Promise<T>;
  return {
    async get(key: ImportKey): Promise<ImportRow | null> {
      const row = await db((k) => k(TABLE).where(where(key)).first());
      if (!row) return null;
      let meta: Record<string, unknown> = {};
      try {
        meta = row.meta ? JSON.parse(row.meta) : {};
      } catch {
        meta = {};
      }
      return { targetId: String(row.target_id), version: row.version ?? null, checksum: row.checksum ?? null, meta };
    },

    /** Records (or moves) the mapping of one item. */
    async put(key: ImportKey, row: Partial<ImportRow> & { targetId: string }): Promise<void> {
      const values = {
        target_id: row.targetId,
        version: row.version ?? null,
        checksum: row.checksum ?? null,
        meta: JSON.stringify(row.meta ?? {}),
        updated_ms: Date.now(),
      };
      await db(async (k) => {
        const updated = await k(TABLE).where(where(key)).update(values);
        if (!updated) await k(TABLE).insert({ ...where(key), ...values });
      });
    },

    /** Every mapping of a kind from one source (small kinds: sections, tags, authors). */
    async all(source: string, kind: string): Promise<Array<ImportKey & ImportRow>> {
      const rows = await db((k) => k(TABLE).where({ source, kind }));
      return rows.map((r: Record<string, string>) => ({
        source,
        kind,
        externalId: r.external_id,
        locale: r.locale,
        targetId: String(r.target_id),
        version: r.version ?? null,
        checksum: r.checksum ?? null,
        meta: r.meta ? JSON.parse(r.meta) : {},
      }));
    },
  };
};

export type ImportMapService = ReturnType<typeof importMap>;
export default importMap;
