import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkSchedule, SCHEDULE_FIELDS, type Schedule } from '../lib/schedule-rules';
import { defaultLocale } from '../services/locales';

const ARTICLE = 'api::article.article';

/**
 * Document Service middleware: an article's embargo/expiry must be dates and
 * the expiry must come after the embargo (400 naming the field). The check
 * looks at the schedule as it will be once saved, so sending only one of the
 * two fields is judged against the stored other one.
 */
export function scheduleMiddleware(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    const data = ctx.params?.data;
    const writing = ctx.uid === ARTICLE && (ctx.action === 'create' || ctx.action === 'update');
    if (!writing || !data || typeof data !== 'object' || !SCHEDULE_FIELDS.some((f) => f in data)) return next();

    let stored: Schedule = {};
    if (ctx.action === 'update' && ctx.params.documentId) {
      const locale = typeof ctx.params.locale === 'string' ? ctx.params.locale : await defaultLocale(strapi);
      stored = (await strapi.db.query(ARTICLE).findOne({
        where: { documentId: ctx.params.documentId, locale, publishedAt: null },
        select: [...SCHEDULE_FIELDS],
      })) ?? {};
    }
    const problems = checkSchedule(data, stored);
    if (problems.length) {
      throw new errors.ValidationError(`Invalid schedule: ${problems.map((p) => `${p.path[0]} ${p.message}`).join('; ')}`, {
        errors: problems.map((p) => ({ ...p, name: 'ValidationError' })),
      });
    }
    return next();
  };
}
