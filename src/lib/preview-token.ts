import crypto from 'node:crypto';

/**
 * Signed, expiring preview links (pure). The token binds the exact document,
 * locale and status it was issued for, so it cannot be replayed on another
 * story: `<expiresAtSeconds>.<base64url HMAC-SHA256>`.
 */
export interface PreviewTarget {
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
}

export const PREVIEW_TTL_SECONDS = 60 * 60;
/** Clock difference tolerated between the signer (admin or frontend) and this server. */
export const PREVIEW_CLOCK_SKEW_SECONDS = 60;

const payload = (t: PreviewTarget, exp: number) => `article|${t.documentId}|${t.locale}|${t.status}|${exp}`;
const sign = (text: string, secret: string) => crypto.createHmac('sha256', secret).update(text).digest('base64url');

export function signPreviewToken(target: PreviewTarget, secret: string, now = Date.now(), ttlSeconds = PREVIEW_TTL_SECONDS): string {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  return `${exp}.${sign(payload(target, exp), secret)}`;
}

export type PreviewTokenCheck = 'ok' | 'missing' | 'invalid' | 'expired';

/**
 * A token is good only for its exact target and until its expiry, and only if
 * that expiry is within `ttlSeconds` of now: a token signed for a year (by a
 * leaked secret or a frontend bug) is refused, not honoured.
 */
export function checkPreviewToken(
  token: unknown,
  target: PreviewTarget,
  secret: string,
  now = Date.now(),
  ttlSeconds = PREVIEW_TTL_SECONDS,
): PreviewTokenCheck {
  if (typeof token !== 'string' || token === '') return 'missing';
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'invalid';
  const exp = Number(match[1]);
  const expected = Buffer.from(sign(payload(target, exp), secret));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'invalid';
  if (exp * 1000 <= now) return 'expired';
  return exp * 1000 > now + (ttlSeconds + PREVIEW_CLOCK_SKEW_SECONDS) * 1000 ? 'invalid' : 'ok';
}

/** Where the admin's Preview button points: our own page, or the frontend's when FRONTEND_URL is set. */
export function previewUrl(target: PreviewTarget, secret: string, frontendUrl?: string, now = Date.now(), ttlSeconds = PREVIEW_TTL_SECONDS): string {
  const query = new URLSearchParams({ locale: target.locale, status: target.status, token: signPreviewToken(target, secret, now, ttlSeconds) });
  const path = `/preview/articles/${encodeURIComponent(target.documentId)}?${query}`;
  return frontendUrl ? `${frontendUrl.replace(/\/+$/, '')}${path}` : path;
}
