/**
 * The request log line (src/middlewares/request-log.ts): what the caller sent,
 * not what the app rewrote it into (a controller that applies a preset replaces
 * the query string with a 2,000-character `fields[0]=…&populate[…]`). Pure.
 */
import crypto from 'node:crypto';

/** Longest URL printed; longer ones are cut and marked. */
export const MAX_LOGGED_URL = 1000;

/** An id a proxy in front may send (nginx `$request_id`, a UUID, a trace id): kept when it looks like one. */
const FOREIGN_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function acceptRequestId(header: string | undefined): string | null {
  return header && FOREIGN_ID.test(header) ? header : null;
}

/**
 * A new id: this process's random prefix and a counter, 16 hex digits. Unique across nodes and restarts
 * (the prefix), cheap on every request (randomBytes per request cost ~25 µs under load).
 */
const PROCESS_PREFIX = crypto.randomBytes(4).toString('hex');
let counter = crypto.randomBytes(4).readUInt32BE(0);
export function newRequestId(): string {
  counter = (counter + 1) >>> 0;
  return PROCESS_PREFIX + counter.toString(16).padStart(8, '0');
}

/**
 * The URL as a person reads it: percent-encoded UTF-8 (an Arabic slug or query) decoded, except what
 * separates parameters (`decodeURI` keeps `& = ? # /` and the like encoded). A URL that does not decode, or
 * would decode to control or format characters (a forged line break, bidi overrides), stays as sent.
 */
export function readableUrl(url: string): string {
  let out = url;
  try {
    const decoded = decodeURI(url);
    if (!/[\p{Cc}\p{Cf}]/u.test(decoded)) out = decoded;
  } catch {
    /* broken percent-encoding: print it as it came */
  }
  if (/[\p{Cc}]/u.test(out)) out = out.replace(/[\p{Cc}]/gu, (c) => encodeURIComponent(c));
  return out.length > MAX_LOGGED_URL ? `${out.slice(0, MAX_LOGGED_URL)}…(${out.length} chars)` : out;
}

export interface RequestLogEntry {
  method: string;
  /** The URL as received (Koa's `originalUrl`). */
  url: string;
  status: number;
  durationMs: number;
  requestId: string;
  /** X-Cache of the response (HIT, STALE, MISS), when the response cache answered or stored it. */
  cache?: string;
}

/** `GET /api/articles?locale=ar 200 12.3 ms id=… cache=HIT` */
export function formatRequestLine(e: RequestLogEntry): string {
  const ms = e.durationMs < 10 ? e.durationMs.toFixed(1) : String(Math.round(e.durationMs));
  return `${e.method} ${readableUrl(e.url)} ${e.status} ${ms} ms id=${e.requestId}${e.cache ? ` cache=${e.cache}` : ''}`;
}
