import { PassThrough } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { LISTS_KEY } from '../../../lib/cache-keys';
import { isFeedFormat } from '../../../lib/feeds';
import { isDocumentId, liveKey, parseEntryQuery, parseLastEventId, sseMessage, type LiveEvent } from '../../../lib/live';
import { infra } from '../../../infra';
import { isTokenCaller } from '../../../infra/access';
import { invalid, invalidFields, notFound, unavailable } from '../../../infra/errors';
import { declareCacheKeys, respondWithValidators } from '../../../infra/http';
import { liveService } from '../../services';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../feed/services/feed';

/** A slow reader whose unread backlog passes this is dropped; it resumes with Last-Event-ID. */
const MAX_BACKLOG_BYTES = 1 << 20;
/** Reconnection delay the browser's EventSource is told to use. */
const RETRY_MS = 3000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The coverage a request names, public in its locale, or 404 — a draft, an embargoed or unpublished story, or not live. */
  async function coverageOf(ctx: Context) {
    const { documentId } = ctx.params;
    const locale = (ctx.query.locale as string | undefined) ?? (await infra(strapi).locales.defaultLocale());
    const coverage = isDocumentId(documentId) ? await liveService(strapi).coverage(documentId, locale) : null;
    if (!coverage) notFound('documentId', `No live coverage "${documentId}" in locale "${locale}"`);
    return coverage;
  }

  return {
    /** GET /api/live/:documentId/entries — newest first; ?after= / ?before= (entry documentIds), ?since=, ?limit=. */
    async entries(ctx: Context) {
      const { value, problems } = parseEntryQuery(ctx.query);
      if (problems.length) invalidFields(problems, 'Invalid live entries parameters');
      const coverage = await coverageOf(ctx);
      // Entry writes evict liveKey; an unpublish evicts the article; author renames evict `lists`.
      declareCacheKeys(ctx, [liveKey(coverage.documentId, coverage.locale), `article:${coverage.documentId}`, LISTS_KEY]);
      const live = liveService(strapi);
      const [page, lastEventId] = await Promise.all([live.page(coverage.documentId, coverage.locale, value), infra(strapi).live.latestId(coverage.documentId, coverage.locale)]);
      const { entries } = page;
      ctx.body = {
        data: entries,
        meta: {
          coverage,
          pagination: { limit: value.limit, hasMore: page.hasMore, newest: entries[0]?.documentId ?? null, oldest: entries[entries.length - 1]?.documentId ?? null },
          // Resume point for the stream: pass it as Last-Event-ID, and nothing posted after this page is missed.
          lastEventId,
        },
      };
    },

    /**
     * GET /api/live/:documentId/stream — Server-Sent Events: `entry`, `update`,
     * `delete` (and `end` when the coverage is taken down), each with the event
     * log id; `Last-Event-ID` (or ?lastEventId=) replays what came after it.
     */
    async stream(ctx: Context) {
      const last = parseLastEventId(ctx.get('last-event-id') || ctx.query.lastEventId);
      if (last === 'invalid') invalid('lastEventId', 'must be the id of an event of this stream (a non-negative integer)');
      const { live, lifecycle } = infra(strapi);
      if (lifecycle.draining) {
        ctx.set('Retry-After', '1');
        unavailable('stream', 'This node is shutting down: reconnect');
      }
      const coverage = await coverageOf(ctx);

      const stream = new PassThrough();
      let replaying = true;
      const held: string[] = [];
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        stream.end();
      };
      const unsubscribe = live.subscribe(coverage.documentId, coverage.locale, {
        write(text) {
          if (closed) return;
          if (replaying) held.push(text);
          else if (stream.writableLength > MAX_BACKLOG_BYTES) close();
          else stream.write(text);
        },
        end: close,
      });
      if (!unsubscribe) {
        ctx.set('Retry-After', '5');
        unavailable('stream', 'This node holds as many live streams as it may: retry');
      }
      ctx.req.on('close', close);
      ctx.req.socket.setTimeout(0);
      ctx.req.socket.setNoDelay(true);
      ctx.req.socket.setKeepAlive(true);

      (ctx as Context & { compress?: boolean }).compress = false; // koa-compress would buffer the stream
      ctx.status = 200;
      ctx.set('Content-Type', 'text/event-stream; charset=utf-8');
      ctx.set('Cache-Control', 'no-cache, no-transform');
      ctx.set('X-Accel-Buffering', 'no'); // nginx: pass events through as they come
      stream.write(`retry: ${RETRY_MS}\n\n`);
      let replayedUpTo = last ?? 0;
      if (last !== null) {
        let batch: LiveEvent[];
        do {
          batch = await live.replay(coverage.documentId, coverage.locale, replayedUpTo);
          for (const e of batch) {
            stream.write(sseMessage({ id: e.id, event: e.kind, data: e.payload }));
            replayedUpTo = e.id;
          }
        } while (batch.length === 1000);
      }
      replaying = false;
      // Events that arrived during the replay, minus those it already sent.
      for (const text of held) {
        const id = Number(/^id: (\d+)/.exec(text)?.[1] ?? NaN);
        if (!(id <= replayedUpTo)) stream.write(text);
      }
      held.length = 0;
      ctx.body = stream;
    },

    /** GET /api/live/:documentId/feed/rss|atom|json — each entry an item with its own stable id; full text for partners. */
    async feed(ctx: Context) {
      const { format } = ctx.params;
      if (!isFeedFormat(format) || format === 'ninjs') notFound('format', `Unknown feed format "${format}"`);
      let limit = DEFAULT_LIMIT;
      if (ctx.query.limit !== undefined) {
        const raw = ctx.query.limit;
        limit = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
        if (!(limit >= 1 && limit <= MAX_LIMIT)) invalid('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
      }
      const coverage = await coverageOf(ctx);
      declareCacheKeys(ctx, [liveKey(coverage.documentId, coverage.locale), `article:${coverage.documentId}`, LISTS_KEY]);
      const access = isTokenCaller(ctx) ? 'partner' : 'public';
      const live = liveService(strapi);
      const validators = await live.feedValidators(format, coverage, access, limit);
      await respondWithValidators(ctx, validators, live.contentType(format), () => live.renderFeed(format, coverage, access, limit));
    },
  };
};
