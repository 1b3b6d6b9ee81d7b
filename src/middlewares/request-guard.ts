import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { decide, rateLimitHeaders } from '../lib/rate-limit';
import { clientSubject, findUrlProblem, isBearer, isPublicSurface, surfaceOf } from '../lib/request-checks';
import { infra } from '../infra';
import { sendError } from '../infra/http';
import type { SecurityConfig } from '../../config/security';

type RateLimitConfig = SecurityConfig['rateLimit'];

/**
 * Counts the request against its caller's budget for this surface: an API
 * token (any `Authorization` that survives the check above is a bearer token;
 * an invalid one is refused with 401 by Strapi's auth, so rotating fake tokens
 * buys nothing), else the client address. Cached responses are counted too:
 * this runs before the response cache. A counter outage lets requests through.
 */
async function withinRateLimit(strapi: Core.Strapi, ctx: Context): Promise<boolean> {
  const cfg = strapi.config.get('security.rateLimit') as RateLimitConfig;
  if (!cfg?.enabled) return true;
  const surface = surfaceOf(ctx.path);
  // Reads are what the public can multiply; REST writes need a token with write permissions.
  if (surface !== 'graphql' && ctx.method !== 'GET' && ctx.method !== 'HEAD') return true;
  const authorization: string = ctx.get('authorization');
  const caller = authorization ? 'token' : 'anonymous';
  const subject = authorization
    ? `token:${crypto.createHash('sha256').update(authorization.trim()).digest('base64url').slice(0, 24)}`
    : `ip:${clientSubject(ctx.request.ip)}`;
  const limit = cfg.perWindow[caller][surface];
  const now = Date.now();
  let decision;
  try {
    const hit = await infra(strapi).rateLimits.hit(`${surface}:${subject}`, cfg.windowMs, now);
    decision = decide(hit, limit, now);
  } catch (err) {
    strapi.log.warn(`[rate-limit] counter unavailable, request allowed: ${err instanceof Error ? err.message : err}`);
    return true;
  }
  ctx.set(rateLimitHeaders(decision));
  if (decision.allowed) return true;
  sendError(ctx, 429, `Too many requests: ${limit} per minute allowed on this surface; retry in ${decision.resetSeconds} s`);
  return false;
}


/**
 * First on every public surface (/api, /graphql, /preview), before the
 * response cache, so cached answers get the same treatment:
 * 1. a path segment or query parameter with a control character (NUL…) or
 *    broken percent-encoding → 400 naming it (PostgreSQL would answer 500);
 * 2. an `Authorization` header that is not `Bearer <token>` → 401 (it used to
 *    be served as an anonymous request);
 * 3. rate limits per caller and surface, on reads (every GraphQL request,
 *    REST GETs) → 429 with Retry-After.
 * Afterwards, the router's plain-text 404/405 (and 501, as a 405) become the JSON error shape.
 * Runs before strapi::errors, so it writes its own error responses.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (!isPublicSurface(ctx.path)) return next();

    const problem = findUrlProblem(ctx.path, ctx.querystring);
    if (problem) {
      return sendError(ctx, 400, `Invalid request: ${problem.param} ${problem.message}`, [{ path: [problem.param], message: problem.message }]);
    }
    const authorization: string = ctx.get('authorization');
    if (authorization && !isBearer(authorization)) {
      ctx.set('WWW-Authenticate', 'Bearer');
      return sendError(ctx, 401, 'Authorization must be "Bearer <API token>"', [{ path: ['authorization'], message: 'must be a Bearer token' }]);
    }
    if (!(await withinRateLimit(strapi, ctx))) return;

    await next();

    // A method the router does not know at all (PROPFIND, TRACE) is a 501 there: for a client it is a 405.
    if (ctx.status === 501) ctx.status = 405;
    if ((ctx.status === 404 || ctx.status === 405) && (ctx.body === undefined || ctx.body === null || typeof ctx.body === 'string')) {
      const allow = ctx.response.get('allow');
      sendError(ctx, ctx.status, ctx.status === 405 ? `Method ${ctx.method} not allowed here${allow ? `; use ${allow}` : ''}` : 'Not Found');
    }
  };
