/**
 * Checks made on every request to a public surface before anything else runs
 * (src/middlewares/request-guard.ts). Pure.
 */
import { isIP } from 'node:net';

/** The surfaces anonymous callers and API tokens reach. Koa's router matches paths case-insensitively, so must we. */
const PUBLIC_SURFACE = /^\/(api|graphql|preview)(\/|$)/i;
const API_PATH = /^\/api(\/|$)/i;

export const isPublicSurface = (path: string): boolean => PUBLIC_SURFACE.test(path);
export const isApiPath = (path: string): boolean => API_PATH.test(path);
export const isGraphqlPath = (path: string): boolean => /^\/graphql\/?$/i.test(path);

/** Rate-limit budgets are kept per surface: a search miss costs far more than a cached list. */
export type Surface = 'api' | 'search' | 'graphql' | 'preview';
export function surfaceOf(path: string): Surface {
  if (/^\/graphql(\/|$)/i.test(path)) return 'graphql';
  if (/^\/preview(\/|$)/i.test(path)) return 'preview';
  // Related stories run index queries too (GET /api/articles/:documentId/related).
  if (/^\/api\/search(\/|$)/i.test(path) || /^\/api\/articles\/[^/]+\/related\/?$/i.test(path)) return 'search';
  return 'api';
}

/**
 * C0 control characters other than whitespace (tab, LF, VT, FF, CR) and DEL.
 * PostgreSQL refuses NUL in text (a 500 once it reaches SQL) and none of
 * them belongs in a URL, a slug or a search query.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000E-\u001F\u007F]/;

export interface RequestProblem {
  /** The parameter (query key, or `path`) to name in the 400. */
  param: string;
  message: string;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The first path segment or query parameter that is not valid percent-encoding
 * or holds a control character once decoded; null when the URL is clean.
 * Query keys are reported as sent (`filters[title][$eq]`), so the 400 names
 * exactly what the client wrote.
 */
export function findUrlProblem(path: string, querystring: string): RequestProblem | null {
  for (const segment of path.split('/')) {
    const value = decode(segment);
    if (value === null) return { param: 'path', message: 'is not valid percent-encoding' };
    if (CONTROL_CHARACTER.test(value)) return { param: 'path', message: 'must not contain control characters' };
  }
  if (!querystring) return null;
  for (const pair of querystring.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const key = decode(rawKey);
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    const param = key ?? rawKey;
    if (key === null || value === null) return { param, message: 'is not valid percent-encoding' };
    if (CONTROL_CHARACTER.test(key) || CONTROL_CHARACTER.test(value)) return { param, message: 'must not contain control characters' };
  }
  return null;
}

/** `Bearer <token>`, as Strapi's token strategies read it (scheme case-insensitive, one token). */
const BEARER = /^bearer\s+\S+$/i;
export const isBearer = (authorization: string): boolean => BEARER.test(authorization.trim());

/**
 * Whom a request is counted against when it has no token: its client
 * address, with IPv6 grouped by /64 (one subscriber line gets a whole /64,
 * so per-address limits would be no limit at all). IPv4-mapped IPv6 is IPv4.
 */
export function clientSubject(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, missing)).fill('0'), ...right] : left;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
