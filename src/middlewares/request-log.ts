import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { acceptRequestId, formatRequestLine, newRequestId } from '../lib/request-log';

/**
 * One `http`-level line per request, in place of strapi::logger: method, the URL
 * as the caller sent it (strapi::logger printed `ctx.url`, which the article
 * controllers rewrite into the expanded preset), status, duration and a request
 * id. The id is the caller's `X-Request-Id` when a proxy in front sent a sane one,
 * else a new one; it is answered in `X-Request-Id` and kept in `ctx.state.requestId`.
 * First in config/middlewares.ts, so cached answers (`cache=HIT`), rate-limited
 * and drained requests are logged too, and the duration is the whole exchange.
 * With LOG_LEVEL above `http` (the benchmarks run at `error`) nothing is formatted.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const requestId = acceptRequestId(ctx.get('x-request-id')) ?? newRequestId();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    let status: number | undefined;
    try {
      await next();
    } catch (err) {
      // Thrown past strapi::errors (by a middleware before it): Koa answers with the error's status.
      const s = (err as { status?: unknown }).status;
      status = typeof s === 'number' && s >= 400 && s < 600 ? s : 500;
      throw err;
    } finally {
      if (strapi.log.isLevelEnabled('http')) {
        strapi.log.http(
          formatRequestLine({
            method: ctx.method,
            url: ctx.originalUrl,
            status: status ?? ctx.status,
            durationMs: Number(process.hrtime.bigint() - started) / 1e6,
            requestId,
            cache: (ctx.response.get('x-cache') as string) || undefined,
          }),
        );
      }
    }
  };
