import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { reviewRefusal, type ReviewAction, type ReviewState } from '../../../lib/revisions';
import type { Actor } from '../../../infra/access';
import { onDb } from '../../../infra/db';
import { invalid } from '../../../infra/errors';

/**
 * The review step (`api::article.review`): a locale version's draft can be
 * submitted for review; editors see the queue, send a story back with a note,
 * or publish it — publishing clears the state (src/documents/revisions.ts).
 * A reporter's edit of a scheduled draft clears the embargo and puts the
 * story back in the queue (src/documents/schedule.ts).
 */
const UID = 'api::article.article';
const TABLE = 'article_reviews';

interface Row {
  document_id: string;
  locale: string;
  state: ReviewState;
  note: string | null;
  by_id: number | null;
  by_name: string | null;
  submitted_by_id: number | null;
  submitted_by_name: string | null;
  changed_ms: number | string;
}

export interface Review {
  documentId: string;
  locale: string;
  state: ReviewState;
  note: string | null;
  by: { id: number | null; name: string | null };
  submittedBy: { id: number | null; name: string | null };
  changedAt: string;
}

const toReview = (r: Row): Review => ({
  documentId: r.document_id,
  locale: r.locale,
  state: r.state,
  note: r.note,
  by: { id: r.by_id === null ? null : Number(r.by_id), name: r.by_name },
  submittedBy: { id: r.submitted_by_id === null ? null : Number(r.submitted_by_id), name: r.submitted_by_name },
  changedAt: new Date(Number(r.changed_ms)).toISOString(),
});

export const NOTE_MAX = 1000;

const review = ({ strapi }: { strapi: Core.Strapi }) => {
  /** In the caller's transaction when there is one (the scheduler's, a write's). */
  const run = <T>(fn: (trx: Knex) => Promise<T>): Promise<T> => strapi.db.transaction(({ trx }) => fn(trx as Knex)) as Promise<T>;

  async function read(documentId: string, locale: string): Promise<Review | null> {
    const row = (await onDb(strapi, (db) => db(TABLE).where({ document_id: documentId, locale }).first())) as Row | undefined;
    return row ? toReview(row) : null;
  }

  async function put(documentId: string, locale: string, state: ReviewState, actor: Actor, note: string | null, submitter: Actor | null): Promise<void> {
    await run(async (trx) => {
      await trx(TABLE).where({ document_id: documentId, locale }).del();
      await trx(TABLE).insert({
        document_id: documentId,
        locale,
        state,
        note,
        by_id: actor.id,
        by_name: actor.name.slice(0, 255),
        submitted_by_id: submitter?.id ?? null,
        submitted_by_name: submitter?.name.slice(0, 255) ?? null,
        changed_ms: Date.now(),
      });
    });
  }

  return {
    state: read,

    /** Moves a version's review state (400 naming `state` when the move is not allowed from where it is). */
    async transition(documentId: string, locale: string, action: ReviewAction, actor: Actor, mayPublish: boolean, note?: unknown): Promise<Review> {
      if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > NOTE_MAX)) invalid('note', `must be text of at most ${NOTE_MAX} characters`);
      const current = await read(documentId, locale);
      const refusal = reviewRefusal(action, current?.state ?? null, mayPublish);
      if (refusal) invalid('state', refusal);
      if (action === 'submit') await put(documentId, locale, 'submitted', actor, null, actor);
      else {
        const submitter = current ? { kind: 'admin' as const, id: current.submittedBy.id, name: current.submittedBy.name ?? '' } : null;
        await put(documentId, locale, 'returned', actor, typeof note === 'string' && note.trim() ? note.trim() : null, submitter);
      }
      return (await read(documentId, locale))!;
    },

    /** Back in the queue without a person asking (a reporter's edit of a scheduled draft). */
    async resubmit(documentId: string, locale: string, actor: Actor): Promise<void> {
      await put(documentId, locale, 'submitted', actor, null, actor);
    },

    /** Publishing (or deleting) ends the review of those versions. */
    async clear(documentId: string, locales: string[]): Promise<void> {
      if (!locales.length) return;
      await run((trx) => trx(TABLE).where({ document_id: documentId }).whereIn('locale', locales).del());
    },

    /** The review state of several versions of one locale (those not in review are left out). */
    async states(documentIds: string[], locale: string): Promise<Review[]> {
      if (!documentIds.length) return [];
      const rows = (await onDb(strapi, (db) => db(TABLE).whereIn('document_id', documentIds).where({ locale }))) as Row[];
      return rows.map(toReview);
    },

    /** The editors' queue: submitted versions, oldest first, with their draft's title. */
    async queue(locale?: string): Promise<Array<Review & { title: string | null }>> {
      let q = strapi.db.connection(TABLE).where({ state: 'submitted' }).orderBy('changed_ms', 'asc').limit(200);
      if (locale) q = q.where({ locale });
      const rows = ((await q) as Row[]).map(toReview);
      if (!rows.length) return [];
      const drafts = (await strapi.db.query(UID).findMany({
        where: { documentId: { $in: [...new Set(rows.map((r) => r.documentId))] }, publishedAt: null },
        select: ['documentId', 'locale', 'title'],
      })) as Array<{ documentId: string; locale: string; title: string }>;
      const title = new Map(drafts.map((d) => [`${d.documentId}/${d.locale}`, d.title]));
      return rows.map((r) => ({ ...r, title: title.get(`${r.documentId}/${r.locale}`) ?? null }));
    },
  };
};

export type ReviewService = ReturnType<typeof review>;
export default review;
