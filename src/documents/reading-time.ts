import type { Core } from '@strapi/strapi';
import { blocksToPlainText } from '../lib/blocks-text';
import { readingTimeMinutes } from '../lib/reading-time';
import { infra } from '../infra';
import type { DocumentMiddleware } from './types';

const ARTICLE = 'api::article.article';

/**
 * Document Service middleware: `readingTimeMinutes` is derived from the body
 * whenever a body is written, in the words-per-minute of the version's
 * locale. Nobody sets it by hand (the attribute is not writable through the
 * API, and a value passed without a body is dropped here).
 */
export function readingTimeMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  return async (ctx, next) => {
    const data = ctx.params?.data;
    if (ctx.uid !== ARTICLE || (ctx.action !== 'create' && ctx.action !== 'update') || !data || typeof data !== 'object') {
      return next();
    }
    if ('body' in data || ctx.action === 'create') {
      const locale = typeof ctx.params.locale === 'string' ? ctx.params.locale : await infra(strapi).locales.defaultLocale();
      data.readingTimeMinutes = readingTimeMinutes(blocksToPlainText(data.body), locale);
    } else {
      delete data.readingTimeMinutes;
    }
    return next();
  };
}
