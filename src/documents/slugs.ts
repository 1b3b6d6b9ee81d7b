import type { Core, UID } from '@strapi/strapi';
import { isValidSlug, slugify, uniqueSlug, SLUG_MAX_LENGTH } from '../lib/slug';
import { infra } from '../infra';
import { invalid } from '../infra/errors';
import type { DocumentMiddleware } from './types';

/** Content types with a Unicode slug, and the field each slug is made from. */
export const SLUG_SOURCES: Record<string, string> = {
  'api::article.article': 'title',
  'api::author.author': 'name',
  'api::section.section': 'name',
  'api::tag.tag': 'name',
};


/** Whether another document (any status) of this locale already uses the slug. */
export async function slugTaken(strapi: Core.Strapi, uid: string, slug: string, locale: string, documentId?: string) {
  const where: Record<string, unknown> = { slug, locale };
  if (documentId) where.documentId = { $ne: documentId };
  return (await strapi.db.query(uid as UID.ContentType).findOne({ where, select: ['id'] })) !== null;
}

async function storedVersion(strapi: Core.Strapi, uid: string, documentId: string, locale: string, field: string) {
  return strapi.db.query(uid as UID.ContentType).findOne({
    where: { documentId, locale },
    select: ['slug', field],
    orderBy: { publishedAt: 'desc' },
  });
}

/**
 * Document Service middleware: a slug is made from the title/name when none is
 * given (Arabic stays Arabic, unique per locale with -2, -3…), kept as it is on
 * later edits and republishing, and a slug given explicitly must be valid and free.
 */
export function slugMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  return async (ctx, next) => {
    const field = SLUG_SOURCES[ctx.uid];
    const data = ctx.params?.data;
    if (!field || (ctx.action !== 'create' && ctx.action !== 'update') || !data || typeof data !== 'object') {
      return next();
    }
    const locale: string = typeof ctx.params.locale === 'string' ? ctx.params.locale : await infra(strapi).locales.defaultLocale();
    const documentId: string | undefined = ctx.params.documentId;

    const given = typeof data.slug === 'string' ? data.slug.trim() : data.slug;
    if (typeof given === 'string' && given !== '') {
      if (!isValidSlug(given)) {
        invalid('slug', `must be lower-case letters (Arabic or Latin) and digits joined by single "-", at most ${SLUG_MAX_LENGTH} characters`, 'Invalid slug');
      }
      if (await slugTaken(strapi, ctx.uid, given, locale, documentId)) {
        invalid('slug', `"${given}" is already used by another document in locale "${locale}"`, 'Slug already in use');
      }
      data.slug = given;
      return next();
    }

    let source: unknown = data[field];
    if (ctx.action === 'update' && documentId) {
      const stored = await storedVersion(strapi, ctx.uid, documentId, locale, field);
      // Stable: an existing slug survives title edits unless the caller clears it.
      if (stored?.slug && !('slug' in data)) return next();
      source ??= stored?.[field];
    }
    if (typeof source !== 'string' || source.trim() === '') return next(); // the validator reports the missing field

    const base = slugify(source) || `${ctx.uid.split('.').pop()}-${Date.now().toString(36)}`;
    data.slug = await uniqueSlug(base, (candidate) => slugTaken(strapi, ctx.uid, candidate, locale, documentId));
    return next();
  };
}
