import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  changedFields,
  parseKeep,
  restoreInput,
  textDiff,
  toSnapshot,
  type PlannedRevision,
  type PublishedIds,
  type Shape,
  type Version,
} from '../../../lib/revisions';
import { actorOfRequest, schemaOf, type Actor } from '../../../infra/access';
import { invalid, notFound } from '../../../infra/errors';
import { documentsOf } from '../../../infra/documents';
import { onDb } from '../../../infra/db';
import type { NewsroomConfig } from '../../../../config/newsroom';

/**
 * Revisions of article locale versions (`api::article.revisions`): recorded by
 * the innermost Document Service middleware (src/documents/revisions.ts) in the
 * write's own transaction, read by the desk's admin routes and the content API
 * (drafts permission), restored through the Document Service.
 */
const UID = 'api::article.article';
const TABLE = 'article_revisions';

/** What a write is, beyond its Document Service action (a restore, a scheduled publish). */
export interface WriteContext {
  actor?: Actor;
  action?: string;
  restoredFrom?: number;
}

export interface RevisionRow {
  id: number;
  document_id: string;
  locale: string;
  published: boolean | number;
  action: string;
  title: string | null;
  content?: string | null;
  author_kind: string;
  author_id: number | null;
  author_name: string | null;
  restored_from: number | null;
  created_ms: number | string;
}

export interface Revision {
  id: number;
  documentId: string;
  locale: string;
  version: Version;
  action: string;
  title: string | null;
  author: { kind: string; id: number | null; name: string | null };
  createdAt: string;
  restoredFrom: number | null;
  /** The content as saved; null when the version stopped existing (unpublish, delete). */
  content?: Record<string, unknown> | null;
}

const LIST_COLUMNS = ['id', 'document_id', 'locale', 'published', 'action', 'title', 'author_kind', 'author_id', 'author_name', 'restored_from', 'created_ms'];

export function toRevision(row: RevisionRow, withContent = false): Revision {
  const out: Revision = {
    id: Number(row.id),
    documentId: row.document_id,
    locale: row.locale,
    version: row.published === true || row.published === 1 ? 'published' : 'draft',
    action: row.action,
    title: row.title,
    author: { kind: row.author_kind, id: row.author_id === null ? null : Number(row.author_id), name: row.author_name },
    createdAt: new Date(Number(row.created_ms)).toISOString(),
    restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
  };
  if (withContent) out.content = row.content ? JSON.parse(row.content) : null;
  return out;
}

/** The stored shape of a content type or component: which attributes are relations, media, components. */
function shapeOf(strapi: Core.Strapi, uid: string): { shape: Shape; populate: Record<string, unknown> } {
  const shape: Shape = { relations: [], media: [], components: {} };
  const populate: Record<string, unknown> = {};
  const attributes = (schemaOf(strapi, uid)?.attributes ?? {}) as Record<string, { type: string; target?: string; component?: string; private?: boolean }>;
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.type === 'media') {
      shape.media.push(name);
      populate[name] = { select: ['id'] };
    } else if (attr.type === 'relation' && attr.target && !attr.target.startsWith('admin::')) {
      shape.relations.push(name);
      populate[name] = { select: ['documentId'] };
    } else if (attr.type === 'component' && attr.component) {
      const inner = shapeOf(strapi, attr.component);
      shape.components[name] = inner.shape;
      populate[name] = Object.keys(inner.populate).length ? { populate: inner.populate } : true;
    }
  }
  return { shape, populate };
}

const revisions = ({ strapi }: { strapi: Core.Strapi }) => {
  const context = new AsyncLocalStorage<WriteContext>();
  let model: ReturnType<typeof shapeOf> | null = null;
  const article = () => (model ??= shapeOf(strapi, UID));
  const settings = () => strapi.config.get('newsroom.desk') as NewsroomConfig['desk'];
  let keep: number | null | undefined;
  const keepDrafts = () => (keep === undefined ? (keep = parseKeep(settings().revisionsKeep)) : keep);

  /** Runs `fn` inside the write's transaction (joins the one open, as Strapi's own queries do). */
  const inTransaction = <T>(fn: (trx: Knex) => Promise<T>): Promise<T> => strapi.db.transaction(({ trx }) => fn(trx as Knex)) as Promise<T>;

  async function row(id: number): Promise<RevisionRow> {
    const found = await onDb(strapi, (db) => db(TABLE).where({ id }).first());
    if (!found) notFound('revision', `No revision ${id}`);
    return found as RevisionRow;
  }

  return {
    enabled: (): boolean => settings().revisions,

    /** Runs a write as `ctx` says (an actor outside a request, a restore), for the revisions it makes. */
    within<T>(ctx: WriteContext, fn: () => Promise<T>): Promise<T> {
      return context.run({ ...context.getStore(), ...ctx }, fn);
    },

    /** locale → id of the published row, for the locales given (all when none). One indexed query. */
    async publishedIds(documentId: string): Promise<PublishedIds> {
      const rows = (await strapi.db.query(UID).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id', 'locale'] })) as Array<{ id: number; locale: string }>;
      return Object.fromEntries(rows.map((r) => [r.locale, r.id]));
    },

    /** Stores the planned revisions of one document (called in the write's transaction). */
    async record(documentId: string, planned: PlannedRevision[]): Promise<void> {
      if (!planned.length) return;
      const ctx = context.getStore() ?? {};
      const actor = ctx.actor ?? actorOfRequest(strapi) ?? { kind: 'system', id: null, name: 'system' };
      const now = Date.now();
      const { shape, populate } = article();
      const rows: Array<Record<string, unknown> & { locale: string; published: boolean }> = [];
      const lastHash = async (locale: string, published: boolean): Promise<string | null> => {
        const last = await onDb(strapi, (db) => db(TABLE).select('content_hash').where({ document_id: documentId, locale, published }).orderBy('id', 'desc').first());
        return (last?.content_hash as string | undefined) ?? null;
      };
      for (const p of planned) {
        let content: Record<string, unknown> | null = null;
        if (!p.removed) {
          const stored = await strapi.db.query(UID).findOne({
            where: { documentId, locale: p.locale, publishedAt: p.version === 'draft' ? null : { $notNull: true } },
            populate,
          });
          if (!stored) continue;
          content = toSnapshot(stored as Record<string, unknown>, shape);
        }
        const json = content ? JSON.stringify(content) : null;
        const hash = json ? createHash('sha1').update(json).digest('hex') : null;
        // A draft save that changed nothing (the admin saves the form before it publishes) is no new revision.
        if (p.version === 'draft' && hash && !ctx.action && (await lastHash(p.locale, false)) === hash) continue;
        rows.push({
          document_id: documentId,
          locale: p.locale,
          published: p.version === 'published',
          action: ctx.action && p.version === 'draft' && !p.removed ? ctx.action : p.action,
          title: typeof content?.title === 'string' ? content.title.slice(0, 500) : null,
          content: json,
          content_hash: hash,
          author_kind: actor.kind,
          author_id: actor.id,
          author_name: actor.name.slice(0, 255),
          restored_from: ctx.restoredFrom && p.version === 'draft' ? ctx.restoredFrom : null,
          created_ms: now,
        });
      }
      if (!rows.length) return;
      const limit = keepDrafts();
      await inTransaction(async (trx) => {
        await trx(TABLE).insert(rows);
        if (limit === null) return;
        for (const locale of new Set(rows.filter((r) => !r.published).map((r) => r.locale))) {
          // Everything older than the newest `limit` draft revisions of this version (one statement).
          const cutoff = trx(TABLE).select('id').where({ document_id: documentId, locale, published: false }).orderBy('id', 'desc').limit(1).offset(limit);
          await trx(TABLE).where({ document_id: documentId, locale, published: false }).where('id', '<=', cutoff).del();
        }
      });
    },

    /** A version's history, newest first. */
    async list(documentId: string, locale: string, page = 1, pageSize = 25): Promise<{ data: Revision[]; meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } } }> {
      const where = { document_id: documentId, locale };
      const rows = await onDb(strapi, (db) => db(TABLE).select(LIST_COLUMNS).where(where).orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize));
      const counted = await onDb(strapi, (db) => db(TABLE).where(where).count({ n: '*' }));
      const total = Number(counted[0].n);
      return { data: (rows as RevisionRow[]).map((r) => toRevision(r)), meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
    },

    /** One revision with its content (404 naming `revision`). */
    async get(id: number): Promise<Revision> {
      return toRevision(await row(id), true);
    },

    /**
     * What was public at `atMs`: the newest published revision at or before
     * it, or null when the version was not live then (never yet published,
     * unpublished or deleted by then, or saved before revisions were kept).
     */
    async publishedAt(documentId: string, locale: string, atMs: number): Promise<Revision | null> {
      const found = (await onDb(strapi, (db) =>
        db(TABLE)
          .where({ document_id: documentId, locale, published: true })
          .where('created_ms', '<=', atMs)
          .orderBy([{ column: 'created_ms', order: 'desc' }, { column: 'id', order: 'desc' }])
          .first(),
      )) as RevisionRow | undefined;
      return found && found.content ? toRevision(found, true) : null;
    },

    /**
     * The changes from `againstId` (default: the revision before it of the same
     * version) to revision `id`: changed field names and word diffs of title,
     * excerpt and body text.
     */
    async diff(id: number, againstId?: number) {
      const to = await row(id);
      let from: RevisionRow | undefined;
      if (againstId !== undefined) {
        from = await row(againstId);
        if (from.document_id !== to.document_id) invalid('against', 'is a revision of another article');
      } else {
        from = (await onDb(strapi, (db) =>
          db(TABLE)
            .where({ document_id: to.document_id, locale: to.locale, published: to.published === true || to.published === 1 })
            .where('id', '<', to.id)
            .orderBy('id', 'desc')
            .first(),
        )) as RevisionRow | undefined;
      }
      const a = from?.content ? JSON.parse(from.content) : null;
      const b = to.content ? JSON.parse(to.content) : null;
      return { from: from ? toRevision(from) : null, to: toRevision(to), fields: changedFields(a, b), text: textDiff(a, b, to.locale) };
    },

    /** Writes revision `id`'s content back as the current draft of its version: a new revision, nothing overwritten. */
    async restore(id: number): Promise<{ documentId: string; locale: string }> {
      const source = await row(id);
      if (!source.content) invalid('revision', 'records an unpublish or a delete: there is no content to restore');
      const data = restoreInput(JSON.parse(source.content), article().shape);
      const written = await this.within({ action: 'restore', restoredFrom: Number(source.id) }, () =>
        documentsOf(strapi, UID).update({ documentId: source.document_id, locale: source.locale, status: 'draft', data }),
      );
      if (!written) notFound('documentId', `Article ${source.document_id} (${source.locale}) no longer exists`);
      return { documentId: source.document_id, locale: source.locale };
    },

    /** The newest revision of a version (after a restore: the one it made). */
    async latest(documentId: string, locale: string): Promise<Revision | null> {
      const found = (await onDb(strapi, (db) => db(TABLE).select(LIST_COLUMNS).where({ document_id: documentId, locale }).orderBy('id', 'desc').first())) as RevisionRow | undefined;
      return found ? toRevision(found) : null;
    },
  };
};

export type RevisionsService = ReturnType<typeof revisions>;
export default revisions;
