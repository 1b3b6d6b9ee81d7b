/**
 * Conditional GET for syndication responses (RFC 9110 §13): strong ETags from a
 * fingerprint of what the response depends on, Last-Modified at one-second
 * resolution, and the 304 decision. Pure.
 */
import crypto from 'node:crypto';

export type AccessClass = 'public' | 'partner';

export const CACHE_CONTROL: Record<AccessClass, string> = {
  public: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
  // Full text is licensed per partner: never stored by shared caches.
  partner: 'private, max-age=60',
};

/** Strong ETag over every input that changes the representation. */
export function strongEtag(parts: unknown[]): string {
  return `"${crypto.createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}"`;
}

/** HTTP dates carry whole seconds; round down so If-Modified-Since with the same value matches. */
export const toHttpDate = (date: Date): string => new Date(Math.floor(date.getTime() / 1000) * 1000).toUTCString();

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  // Weak comparison, as If-None-Match requires: W/"x" matches "x".
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => bare(candidate) === bare(etag));
}

/**
 * RFC 9110 §13.1: If-None-Match wins when present (weak comparison: W/"x"
 * matches "x"); If-Modified-Since is consulted only without it, and only when
 * the response has a Last-Modified. The one 304 decision of the app: the
 * response cache and the feed/sitemap controllers both make it here.
 */
export function isNotModified(
  headers: { 'if-none-match'?: string; 'if-modified-since'?: string },
  etag: string,
  lastModified?: Date | null,
): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined && inm !== '') return etagMatches(inm, etag);
  const ims = headers['if-modified-since'];
  if (!ims || !lastModified) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
