import type { Core } from '@strapi/strapi';
import { LIVE_ENTRY_UID } from '../lib/live';
import { liveWriteRefusal } from '../lib/live-desk';
import { infra } from '../infra';
import { refuse } from '../infra/errors';
import { isAssigned, isEditor, mayPin, type Ability, type AdminUser } from '../api/live/desk';
import type { DocumentMiddleware } from './types';

const WRITES = new Set(['create', 'update', 'delete']);

/**
 * Document Service middleware: an admin user's write of a live entry —
 * from the posting form (/live-desk) or the Content Manager alike — must be
 * to a coverage they may post to (editors and up: any; a reporter: one they
 * are assigned to), and only editors change `pinned`: otherwise a 403 naming
 * `coverage` or `pinned` (src/lib/live-desk.ts). API tokens are not admin
 * users: they write what their token's actions allow. Writes outside a
 * request (the demo seed, scripts) are not checked.
 */
export function liveAssignmentMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  return async (ctx, next) => {
    if (ctx.uid !== LIVE_ENTRY_UID || !WRITES.has(ctx.action)) return next();
    const state = (strapi.requestContext.get() as { state?: { userAbility?: Ability; user?: AdminUser } } | undefined)?.state;
    const ability = state?.userAbility;
    const user = state?.user;
    if (!ability || !user?.id) return next();

    const { params } = ctx;
    const data = (params.data ?? {}) as Record<string, unknown>;
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await infra(strapi).locales.defaultLocale();
    let coverage: unknown = data.coverage;
    let pinned = false;
    if (ctx.action !== 'create') {
      const stored = params.documentId
        ? await strapi.db.query(LIVE_ENTRY_UID).findOne({ where: { documentId: params.documentId, ...(params.locale === '*' ? {} : { locale }) }, select: ['coverage', 'pinned'] })
        : null;
      if (!stored) return next(); // nothing to write: the caller's own 404
      coverage = stored.coverage;
      pinned = stored.pinned === true;
    }
    if (typeof coverage !== 'string') return next(); // the validation's 400 names `coverage`

    const editor = isEditor(ability);
    const refusal = liveWriteRefusal({
      editor,
      assigned: editor || (await isAssigned(strapi, coverage, locale, user)),
      mayPin: mayPin(ability),
      changesPin: ctx.action !== 'delete' && 'pinned' in data && data.pinned !== undefined && data.pinned !== null && Boolean(data.pinned) !== pinned,
    });
    if (refusal) refuse(refusal.field, refusal.message, refusal.summary);
    return next();
  };
}
