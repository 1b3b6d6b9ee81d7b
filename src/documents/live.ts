import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleChangeKeys } from '../lib/cache-keys';
import { LIVE_ENTRY_UID, liveKey, type LiveEvent, type LiveEventKind } from '../lib/live';
import { splitEvictions } from '../lib/publication';
import { infra } from '../infra';
import { invalid } from '../infra/errors';
import { liveService, readModelService } from '../api/services';
import { articleVersions } from './publication';
import type { DocumentMiddleware } from './types';

const ARTICLE = 'api::article.article';
const ENTRY_WRITES: Record<string, LiveEventKind> = { create: 'entry', update: 'update', delete: 'delete' };
const ARTICLE_TAKEDOWNS = new Set(['update', 'delete', 'unpublish']);
/** Webhook event fired when an entry is posted (or marked) breaking: an app sends its push notification. */
export const BREAKING_EVENT = 'live-entry.breaking';

type Target = { coverage: string; locale: string };

/** Locales in which this article is a public live coverage. */
async function publicLocales(strapi: Core.Strapi, documentId: string): Promise<string[]> {
  const rows: Array<{ locale: string }> = await strapi.db.query(ARTICLE).findMany({
    where: { documentId, isLive: true, publishedAt: { $notNull: true } },
    select: ['locale'],
  });
  return rows.map((r) => r.locale);
}

/**
 * Document Service middleware for live coverage, after publication (src/documents/index.ts):
 * - an entry write (create, update, delete) is one transaction with its event
 *   in the live_events log and, when the coverage is public in that locale,
 *   the article's read-model row (its LiveBlogPosting lists the newest
 *   entries). After the commit it evicts the coverage's entries and feeds
 *   (`live:<id>:<locale>`) and the article's keys, and announces the event to
 *   every node's streams. An entry of a coverage that is not public (a
 *   draft, an embargoed story) is stored but sent to nobody.
 * - an article write that takes a live coverage down in a locale (unpublish,
 *   delete, isLive off) sends `end` to its streams, which closes them.
 * The article itself is never republished by an entry.
 */
export function liveMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  const log = (err: unknown) => strapi.log.error(`[live] after-commit effects: ${err instanceof Error ? err.stack : err}`);

  async function run(body: (trx: Knex) => Promise<{ result: unknown; effects: () => Promise<void> }>): Promise<unknown> {
    const nested = strapi.db.inTransaction();
    let effects: (() => Promise<void>) | null = null;
    const result = await strapi.db.transaction(async ({ trx, onCommit }) => {
      const out = await body(trx as unknown as Knex);
      effects = out.effects;
      if (nested) onCommit(() => void out.effects().catch(log));
      return out.result;
    });
    // Awaited: the write's response must not beat the eviction and the announcement.
    if (!nested && effects) await (effects as () => Promise<void>)();
    return result;
  }

  async function entryWrite(ctx: Parameters<DocumentMiddleware>[0], next: () => Promise<any>, kind: LiveEventKind) {
    const { params } = ctx;
    const locale = typeof params.locale === 'string' ? params.locale : await infra(strapi).locales.defaultLocale();
    const data = params.data as Record<string, unknown> | undefined;
    if (kind === 'entry' && data) {
      const coverage = await strapi.db.query(ARTICLE).findOne({ where: { documentId: data.coverage, locale, isLive: true }, select: ['id'] });
      if (!coverage) invalid('coverage', `must be the documentId of a live article (isLive) with a version in locale "${locale}"`);
      if (!data.postedAt) data.postedAt = new Date().toISOString();
    }
    const before: Array<Target & { isBreaking?: boolean }> = params.documentId
      ? await strapi.db.query(LIVE_ENTRY_UID).findMany({
          where: { documentId: params.documentId, ...(locale === '*' ? {} : { locale }) },
          select: ['coverage', 'locale', 'isBreaking'],
        })
      : [];

    return run(async (trx) => {
      const written = await next();
      const documentId: string | undefined = params.documentId ?? written?.documentId;
      // Nothing written (an update of an unknown entry, refused by validation as a 404): nothing to tell anyone.
      const coverage = written?.coverage ?? before[0]?.coverage;
      const targets: Target[] = kind === 'delete' ? before : documentId && typeof coverage === 'string' ? [{ coverage, locale }] : [];
      const live = liveService(strapi);
      const events: LiveEvent[] = [];
      const evict: { hard: string[]; soft: string[] } = { hard: [], soft: [] };
      let breaking: unknown = null;
      for (const t of targets) {
        (kind === 'delete' ? evict.hard : evict.soft).push(liveKey(t.coverage, t.locale));
        if (!(await publicLocales(strapi, t.coverage)).includes(t.locale)) continue;
        const payload = kind === 'delete' ? { documentId, coverage: t.coverage, locale: t.locale } : await live.renderEntry(documentId!, t.locale);
        if (!payload) continue;
        events.push(await live.record(trx, t.coverage, t.locale, documentId!, kind, payload));
        await readModelService(strapi).sync(t.coverage, [t.locale]);
        const versions = (await articleVersions(strapi, t.coverage)).filter((v) => v.locale === t.locale);
        (kind === 'delete' ? evict.hard : evict.soft).push(...articleChangeKeys(t.coverage, t.locale, versions));
        const wasBreaking = before.find((b) => b.locale === t.locale)?.isBreaking === true;
        if (kind !== 'delete' && (payload as { isBreaking?: boolean }).isBreaking && !wasBreaking) breaking = payload;
      }
      return {
        result: written,
        effects: async () => {
          const { cache, live: hub } = infra(strapi);
          const keys = splitEvictions(evict.hard, evict.soft);
          await cache.invalidate(keys.hard);
          await cache.invalidate(keys.soft, { soft: true });
          await hub.announce(events);
          if (breaking) strapi.eventHub.emit(BREAKING_EVENT, { uid: LIVE_ENTRY_UID, entry: breaking });
        },
      };
    });
  }

  async function articleWrite(ctx: Parameters<DocumentMiddleware>[0], next: () => Promise<any>) {
    const documentId: string | undefined = ctx.params?.documentId;
    if (!documentId) return next();
    const was = await publicLocales(strapi, documentId);
    if (!was.length) return next();
    return run(async (trx) => {
      const result = await next();
      const still = await publicLocales(strapi, documentId);
      const events: LiveEvent[] = [];
      for (const locale of was.filter((l) => !still.includes(l))) {
        events.push(await liveService(strapi).record(trx, documentId, locale, '', 'end', { coverage: documentId, locale }));
      }
      return {
        result,
        effects: async () => {
          if (!events.length) return;
          await infra(strapi).cache.invalidate(events.map((e) => liveKey(e.coverage, e.locale)));
          await infra(strapi).live.announce(events);
        },
      };
    });
  }

  return async (ctx, next) => {
    if (ctx.uid === LIVE_ENTRY_UID && ENTRY_WRITES[ctx.action]) return entryWrite(ctx, next, ENTRY_WRITES[ctx.action]);
    if (ctx.uid === ARTICLE && ARTICLE_TAKEDOWNS.has(ctx.action)) return articleWrite(ctx, next);
    return next();
  };
}
