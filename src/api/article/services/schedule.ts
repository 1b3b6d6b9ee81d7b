import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { revisionsService } from '../../services';

/**
 * Embargo and expiry: publishes the drafts whose `scheduledPublishAt` is due and
 * unpublishes the locale versions whose `scheduledUnpublishAt` is due, through
 * the Document Service (the same path as the admin's Publish button), so
 * document middlewares, firstPublishedAt, lifecycle events and webhooks follow.
 *
 * The schedule lives on the draft row of each locale version (that is what the
 * admin edits). Exactly-once across app processes sharing one PostgreSQL: each
 * due row is claimed with `SELECT … FOR UPDATE SKIP LOCKED` in its own
 * transaction, re-checking that it is still due; the schedule is cleared in that
 * same transaction, so a second process either skips the locked row or finds it
 * no longer due. SQLite has no row locks: a single app process is assumed there.
 */
const UID = 'api::article.article';
const BATCH = 100;

export type ScheduleKind = 'publish' | 'unpublish';
export interface ScheduleOutcome {
  kind: ScheduleKind;
  documentId: string;
  locale: string;
}
export interface TickResult {
  done: ScheduleOutcome[];
  failed: Array<ScheduleOutcome & { error: string }>;
}

const FIELD: Record<ScheduleKind, 'scheduledPublishAt' | 'scheduledUnpublishAt'> = {
  publish: 'scheduledPublishAt',
  unpublish: 'scheduledUnpublishAt',
};

function columns(strapi: Core.Strapi) {
  const meta = strapi.db.metadata.get(UID);
  const col = (attr: string) => (meta.attributes[attr] as { columnName?: string }).columnName ?? attr;
  return {
    table: meta.tableName,
    id: col('id'),
    publishedAt: col('publishedAt'),
    publish: col('scheduledPublishAt'),
    unpublish: col('scheduledUnpublishAt'),
  };
}

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** Draft rows whose schedule of this kind is due (a hint: each is re-checked under lock). */
async function dueDrafts(strapi: Core.Strapi, kind: ScheduleKind, now: Date) {
  return strapi.db.query(UID).findMany({
    where: { publishedAt: null, [FIELD[kind]]: { $notNull: true, $lte: now } },
    select: ['id', 'documentId', 'locale'],
    orderBy: [{ [FIELD[kind]]: 'asc' }, { id: 'asc' }],
    limit: BATCH,
  }) as Promise<Array<{ id: number; documentId: string; locale: string }>>;
}

/** Locks the draft row if it is still due; false when another process holds it or already did it. */
async function claim(strapi: Core.Strapi, trx: Knex.Transaction, kind: ScheduleKind, id: number, now: Date): Promise<boolean> {
  const c = columns(strapi);
  let query = trx(c.table)
    .select(c.id)
    .where(c.id, id)
    .whereNull(c.publishedAt)
    .whereNotNull(c[kind])
    .where(c[kind], '<=', now);
  if (isPostgres(strapi)) query = query.forUpdate().skipLocked();
  return (await query).length > 0;
}

/** The revisions these writes make name the scheduler as their author. */
const SCHEDULER = { actor: { kind: 'system' as const, id: null, name: 'scheduler' } };

async function runOne(strapi: Core.Strapi, kind: ScheduleKind, row: { id: number; documentId: string; locale: string }, now: Date) {
  return revisionsService(strapi).within(SCHEDULER, () => claimAndRun(strapi, kind, row, now));
}

async function claimAndRun(strapi: Core.Strapi, kind: ScheduleKind, row: { id: number; documentId: string; locale: string }, now: Date) {
  return strapi.db.transaction(async ({ trx }) => {
    if (!(await claim(strapi, trx as Knex.Transaction, kind, row.id, now))) return false;
    // Cleared first, so the published copy made from this draft carries no stale schedule.
    await strapi.db.query(UID).update({ where: { id: row.id }, data: { [FIELD[kind]]: null } });
    const documents = strapi.documents(UID);
    if (kind === 'publish') {
      await documents.publish({ documentId: row.documentId, locale: row.locale });
      return true;
    }
    const live = await strapi.db.query(UID).count({
      where: { documentId: row.documentId, locale: row.locale, publishedAt: { $notNull: true } },
    });
    if (live > 0) await documents.unpublish({ documentId: row.documentId, locale: row.locale });
    return live > 0; // an expiry that passed before the version went live is simply dropped
  });
}

/** The scheduler as a service: `api::article.schedule`, ticked once a minute by config/cron-tasks.ts. */
const schedule = ({ strapi }: { strapi: Core.Strapi }) => {
  let running: Promise<TickResult> | null = null;
  let stopped = false;
  return {
    /** One tick: everything due at `now` (publishing before unpublishing). */
    runDue(now: Date = new Date()): Promise<TickResult> {
      // A slow tick must not overlap the next one in this process; none starts once shutting down.
      if (running || stopped) return Promise.resolve({ done: [], failed: [] });
      running = this.tick(now).finally(() => (running = null));
      return running;
    },

    /** Shutting down: no tick starts any more; resolves when the one running (if any) has finished. */
    async stop(): Promise<void> {
      stopped = true;
      await running?.catch(() => undefined);
    },

    /** The tick itself (runDue guards against overlap and shutdown). */
    async tick(now: Date): Promise<TickResult> {
      const result: TickResult = { done: [], failed: [] };
      for (const kind of ['publish', 'unpublish'] as const) {
        for (const row of await dueDrafts(strapi, kind, now)) {
          const outcome = { kind, documentId: row.documentId, locale: row.locale };
          try {
            if (await runOne(strapi, kind, row, now)) result.done.push(outcome);
          } catch (err) {
            // e.g. a draft without a section cannot be published: it stays scheduled and is retried.
            const error = err instanceof Error ? err.message : String(err);
            result.failed.push({ ...outcome, error });
            strapi.log.error(`[scheduler] could not ${kind} article ${row.documentId} (${row.locale}): ${error}`);
          }
        }
      }
      if (result.done.length) {
        strapi.log.info(`[scheduler] ${result.done.map((o) => `${o.kind} ${o.documentId}/${o.locale}`).join(', ')}`);
      }
      return result;
    },
  };
};

export type ScheduleService = ReturnType<typeof schedule>;
export default schedule;
