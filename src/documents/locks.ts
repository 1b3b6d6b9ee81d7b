import type { Core } from '@strapi/strapi';
import { actorOfRequest } from '../infra/access';
import { conflict } from '../infra/errors';
import { infra } from '../infra';
import { locksService } from '../api/services';
import type { DocumentCall, DocumentMiddleware } from './types';

const ARTICLE = 'api::article.article';
const GUARDED = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft']);
/** The header an API caller sends to write a version someone holds the lock of, knowingly. */
export const LOCK_OVERRIDE_HEADER = 'x-lock-override';

const overrides = (strapi: Core.Strapi): boolean => {
  const request = strapi.requestContext.get() as { request?: { headers?: Record<string, unknown> } } | undefined;
  return String(request?.request?.headers?.[LOCK_OVERRIDE_HEADER] ?? '').toLowerCase() === 'true';
};

/**
 * Document Service middleware: a write made while serving a request to an
 * article locale version someone else holds the edit lock of (src/api/article/services/locks.ts)
 * is a 409 naming the holder — whether it comes from another admin, REST or
 * GraphQL — unless the caller sends `X-Lock-Override: true`. Writes outside a
 * request (the scheduler, scripts) are not held up: an embargo is kept even
 * while someone has the story open.
 */
export function locksMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  return async (ctx: DocumentCall, next) => {
    if (ctx.uid !== ARTICLE || !GUARDED.has(ctx.action) || !ctx.params?.documentId) return next();
    const actor = actorOfRequest(strapi);
    if (!actor || overrides(strapi)) return next();
    const { documentId, locale } = ctx.params;
    const locks = locksService(strapi);
    const named = typeof locale === 'string' && locale !== '*' ? [locale] : locale === undefined || locale === null ? [await infra(strapi).locales.defaultLocale()] : null;
    const held = named ? (await Promise.all(named.map((l) => locks.holder(documentId, l)))).filter((l) => l !== null) : await locks.holders(documentId);
    const other = held.find((l) => !(actor.kind === 'admin' && l.userId === actor.id));
    if (other) {
      conflict(
        'lock',
        `is held by ${other.userName} since ${new Date(other.sinceMs).toISOString()}`,
        `${other.userName} is editing this article (${other.locale}); send ${LOCK_OVERRIDE_HEADER}: true to write anyway`,
        { lock: { userName: other.userName, locale: other.locale, since: new Date(other.sinceMs).toISOString(), expiresAt: other.expiresAt } },
      );
    }
    return next();
  };
}
