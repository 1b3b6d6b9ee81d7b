import type { Core } from '@strapi/strapi';
import { checkSchedule, SCHEDULE_FIELDS, type Schedule } from '../lib/schedule-rules';
import { infra } from '../infra';
import { invalidFields } from '../infra/errors';
import { actorOfRequest } from '../infra/access';
import { reviewService } from '../api/services';
import type { DocumentCall, DocumentMiddleware } from './types';

const ARTICLE = 'api::article.article';

/**
 * Document Service middleware: an article's embargo/expiry must be dates and
 * the expiry must come after the embargo (400 naming the field). The check
 * looks at the schedule as it will be once saved, so sending only one of the
 * two fields is judged against the stored other one.
 */
/** Admin users who may publish articles may schedule them; everyone else's edits are reviewed first. */
function editorIsSaving(strapi: Core.Strapi): boolean | null {
  const ability = (strapi.requestContext.get() as { state?: { userAbility?: { can: (a: string, s: string) => boolean } } } | undefined)?.state?.userAbility;
  return ability ? ability.can('plugin::content-manager.explorer.publish', ARTICLE) : null;
}

/**
 * A reporter's edit of a draft an editor has scheduled must not go live
 * unreviewed at the embargo time: the embargo (scheduledPublishAt) of that
 * locale version is cleared, and the editor schedules it again after review.
 * The expiry stays: taking a story down is never the risk. The version goes
 * back to the editors' review queue (src/api/article/services/review.ts).
 */
async function clearEmbargoOnReporterEdit(strapi: Core.Strapi, params: DocumentCall['params'], data: Record<string, unknown>): Promise<void> {
  if (editorIsSaving(strapi) !== false || !params.documentId) return;
  const locale = typeof params.locale === 'string' ? params.locale : await infra(strapi).locales.defaultLocale();
  const draft = await strapi.db.query(ARTICLE).findOne({
    where: { documentId: params.documentId, locale, publishedAt: null },
    select: ['id', 'scheduledPublishAt'],
  });
  if (draft?.scheduledPublishAt) {
    data.scheduledPublishAt = null;
    const actor = actorOfRequest(strapi);
    if (actor) await reviewService(strapi).resubmit(params.documentId, locale, actor);
    strapi.log.info(`[schedule] embargo of article ${params.documentId} (${locale}) cleared: edited by a user who cannot publish`);
  }
}

export function scheduleMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  return async (ctx, next) => {
    const data = ctx.params?.data;
    const writing = ctx.uid === ARTICLE && (ctx.action === 'create' || ctx.action === 'update');
    if (!writing || !data || typeof data !== 'object') return next();
    if (ctx.action === 'update') await clearEmbargoOnReporterEdit(strapi, ctx.params, data);
    if (!SCHEDULE_FIELDS.some((f) => f in data)) return next();

    let stored: Schedule = {};
    if (ctx.action === 'update' && ctx.params.documentId) {
      const locale = typeof ctx.params.locale === 'string' ? ctx.params.locale : await infra(strapi).locales.defaultLocale();
      stored = (await strapi.db.query(ARTICLE).findOne({
        where: { documentId: ctx.params.documentId, locale, publishedAt: null },
        select: [...SCHEDULE_FIELDS],
      })) ?? {};
    }
    const problems = checkSchedule(data, stored);
    if (problems.length) {
      invalidFields(problems, `Invalid schedule: ${problems.map((p) => `${p.path[0]} ${p.message}`).join('; ')}`);
    }
    return next();
  };
}
