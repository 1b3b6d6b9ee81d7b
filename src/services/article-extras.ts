import type { Core } from '@strapi/strapi';
import { articleExtras, type ExtrasContext } from '../lib/article-extras';
import type { PublisherInfo } from '../lib/json-ld';
import { DIGIT_SYSTEMS, type Digits } from '../lib/reading-time';
import { DEFAULT_TIME_ZONE } from '../lib/dates';
import { defaultLocale } from './locales';
import { sendError } from './http-errors';

const SITE = 'api::site.site';
const TTL_MS = 60_000;

/** Publisher name and base URL per locale, from the site single type; cached briefly, dropped on any site write. */
const cache = new Map<string, { at: number; value: Promise<PublisherInfo> }>();

export const invalidateSiteCache = (): void => cache.clear();

async function loadPublisher(strapi: Core.Strapi, locale: string): Promise<PublisherInfo> {
  const site =
    (await strapi.documents(SITE).findFirst({ locale, fields: ['name', 'baseUrl'] } as any)) ??
    (await strapi.documents(SITE).findFirst({ locale: await defaultLocale(strapi), fields: ['name', 'baseUrl'] } as any));
  return {
    name: (site as any)?.name ?? '',
    baseUrl: (site as any)?.baseUrl ?? String(strapi.config.get('server.url') ?? ''),
  };
}

export function publisherFor(strapi: Core.Strapi, locale: string): Promise<PublisherInfo> {
  const hit = cache.get(locale);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = loadPublisher(strapi, locale).catch((err) => {
    cache.delete(locale);
    throw err;
  });
  cache.set(locale, { at: Date.now(), value });
  return value;
}

export function watchSiteChanges(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [SITE],
    afterCreate: invalidateSiteCache,
    afterUpdate: invalidateSiteCache,
    afterDelete: invalidateSiteCache,
  });
}

const isDigits = (v: unknown): v is Digits => typeof v === 'string' && (DIGIT_SYSTEMS as readonly string[]).includes(v);

/** The `digits` query parameter (latn by default); null after answering 400 for anything else. */
export function digitsParam(ctx: any, value: unknown = 'latn'): Digits | null {
  if (isDigits(value)) return value;
  sendError(ctx, 400, 'ValidationError', `digits must be one of: ${DIGIT_SYSTEMS.join(', ')}`, [
    { path: ['digits'], message: `must be one of: ${DIGIT_SYSTEMS.join(', ')}` },
  ]);
  return null;
}

/** Calendar days of dates are counted in NEWSROOM_TIMEZONE (an IANA zone; default Asia/Riyadh). */
export const siteTimeZone = (): string => process.env.NEWSROOM_TIMEZONE || DEFAULT_TIME_ZONE;

/**
 * Adds readingTimeLabel, dates and jsonLd to each article (in place), with
 * one site lookup per locale present. Articles without a locale are left alone.
 */
export async function addArticleExtras<T extends Record<string, any>>(
  strapi: Core.Strapi,
  articles: T[],
  digits: Digits = 'latn',
): Promise<T[]> {
  const timeZone = siteTimeZone();
  const mediaBaseUrl = (strapi.config.get('server.url') as string) || undefined;
  const contexts = new Map<string, ExtrasContext>();
  for (const article of articles) {
    if (!article || typeof article.locale !== 'string') continue;
    if (!contexts.has(article.locale)) {
      contexts.set(article.locale, { publisher: await publisherFor(strapi, article.locale), digits, timeZone, mediaBaseUrl });
    }
    Object.assign(article, articleExtras(article, contexts.get(article.locale)!));
  }
  return articles;
}
