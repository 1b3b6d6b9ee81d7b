import { sendError } from './http-errors';

const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/** Callers with a Strapi API token (partners, frontends' build servers, scripts); not the public role. */
export const isTokenCaller = (ctx: any): boolean => TOKEN_STRATEGIES.has(ctx.state?.auth?.strategy?.name);

/**
 * Strapi lets anyone with `find` read drafts with ?status=draft. A newsroom
 * must never leak embargoed copy, so the public role is refused drafts.
 * Returns true when the response has been written.
 */
export function refuseAnonymousDrafts(ctx: any): boolean {
  if (ctx.query?.status !== 'draft' || isTokenCaller(ctx)) return false;
  sendError(ctx, 403, 'ForbiddenError', 'Drafts are only available with an API token', [
    { path: ['status'], message: 'draft requires an API token' },
  ]);
  return true;
}
