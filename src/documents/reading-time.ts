import type { Core } from '@strapi/strapi';
import { blocksToPlainText } from '../lib/blocks-text';
import { readingTimeMinutes } from '../lib/reading-time';
import { defaultLocale } from '../services/locales';

const ARTICLE = 'api::article.article';

/**
 * Document Service middleware: `readingTimeMinutes` is derived from the body
 * whenever a body is written, in the words-per-minute of the version's
 * locale. Nobody sets it by hand (the attribute is not writable through the
 * API, and a value passed without a body is dropped here).
 */
export function readingTimeMiddleware(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    const data = ctx.params?.data;
    if (ctx.uid !== ARTICLE || (ctx.action !== 'create' && ctx.action !== 'update') || !data || typeof data !== 'object') {
      return next();
    }
    if ('body' in data || ctx.action === 'create') {
      const locale = typeof ctx.params.locale === 'string' ? ctx.params.locale : await defaultLocale(strapi);
      data.readingTimeMinutes = readingTimeMinutes(blocksToPlainText(data.body), locale);
    } else {
      delete data.readingTimeMinutes;
    }
    return next();
  };
}
