import Redis from 'ioredis';
import type { Core } from '@strapi/strapi';
import { decide, MemoryStore, RedisStore, rateLimitHeaders, type CounterStore } from '../lib/rate-limit';
import { isTokenCaller } from '../services/access';
import { sendError } from '../services/http-errors';

const WINDOW_MS = 60_000;

let sharedStore: { url: string; store: CounterStore; close?: () => void } | null = null;

/** One store per process (and per REDIS_URL), shared by every route using the middleware. */
function storeFor(strapi: Core.Strapi, redisUrl: string, prefix: string): CounterStore {
  if (sharedStore?.url === redisUrl) return sharedStore.store;
  sharedStore?.close?.();
  if (!redisUrl) {
    sharedStore = { url: '', store: new MemoryStore() };
  } else {
    // Fail fast instead of queueing: a Redis outage must not hang feed requests.
    const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true, commandTimeout: 500, lazyConnect: false });
    client.on('error', (err) => strapi.log.warn(`[rate-limit] redis: ${err.message}`));
    sharedStore = { url: redisUrl, store: new RedisStore(client, prefix), close: () => client.disconnect() };
  }
  return sharedStore.store;
}

export function closeRateLimitStore(): void {
  sharedStore?.close?.();
  sharedStore = null;
}

/**
 * Counts the request against its budget: API-token callers per token, everyone
 * else per client IP, each with its own per-minute limit. Sets the RateLimit-*
 * headers; on excess writes the 429 and returns false. If the counter store
 * fails the request is let through (and logged): a Redis outage must not take
 * the feeds down. Also used by the response cache, so cached hits are counted too.
 */
export async function applyRateLimit(strapi: Core.Strapi, ctx: any): Promise<boolean> {
  const cfg = strapi.config.get('syndication.rateLimit') as {
    enabled: boolean;
    tokenPerMinute: number;
    anonymousPerMinute: number;
    redisUrl: string;
    redisPrefix: string;
  };
  if (!cfg?.enabled) return true;
  ctx.state.rateLimited = true;
  const partner = isTokenCaller(ctx);
  const key = partner ? `token:${ctx.state.auth.credentials?.id}` : `ip:${ctx.request.ip}`;
  const limit = partner ? cfg.tokenPerMinute : cfg.anonymousPerMinute;
  const now = Date.now();
  let decision;
  try {
    decision = decide(await storeFor(strapi, cfg.redisUrl, cfg.redisPrefix).hit(key, WINDOW_MS, now), limit, now);
  } catch (err: any) {
    strapi.log.warn(`[rate-limit] counter unavailable, request allowed: ${err?.message ?? err}`);
    return true;
  }
  ctx.set(rateLimitHeaders(decision));
  if (!decision.allowed) {
    sendError(ctx, 429, 'RateLimitError', `Too many requests: ${limit} per minute allowed; retry in ${decision.resetSeconds} s`);
    return false;
  }
  return true;
}

/** Route middleware (runs after authentication). */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (await applyRateLimit(strapi, ctx)) return next();
  };
