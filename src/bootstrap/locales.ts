import type { Core } from '@strapi/strapi';

/**
 * The configured locales, cached in memory: every API request checks its
 * `locale` against them, and they change only when an admin edits i18n
 * settings (the cache is dropped on any write to the locale table).
 */
export const SITE_LOCALES = [
  { code: 'ar', name: 'العربية (ar)' },
  { code: 'en', name: 'English (en)' },
] as const;
export const DEFAULT_LOCALE = 'ar';

let cached: Promise<{ codes: Set<string>; defaultLocale: string }> | null = null;

async function load(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const rows: Array<{ code: string }> = await locales.find();
  const defaultLocale: string = (await locales.getDefaultLocale()) ?? DEFAULT_LOCALE;
  return { codes: new Set(rows.map((r) => r.code)), defaultLocale };
}

function state(strapi: Core.Strapi) {
  if (!cached) {
    cached = load(strapi).catch((err) => {
      cached = null;
      throw err;
    });
  }
  return cached;
}

export const invalidateLocales = (): void => {
  cached = null;
};

export async function isKnownLocale(strapi: Core.Strapi, code: string): Promise<boolean> {
  return (await state(strapi)).codes.has(code);
}

export async function defaultLocale(strapi: Core.Strapi): Promise<string> {
  return (await state(strapi)).defaultLocale;
}

export async function knownLocales(strapi: Core.Strapi): Promise<string[]> {
  return [...(await state(strapi)).codes];
}

/** Creates `ar` and `en` when missing and makes `ar` the default; safe to run on every boot. */
export async function ensureSiteLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const { code, name } of SITE_LOCALES) {
    if (!(await locales.findByCode(code))) await locales.create({ code, name });
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
  invalidateLocales();
}

/** Drop the cache whenever the locale table changes (admin settings, other code). */
export function watchLocaleChanges(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    afterCreate: invalidateLocales,
    afterUpdate: invalidateLocales,
    afterDelete: invalidateLocales,
  });
}

/**
 * Strapi's i18n reads the default locale from the core store on every
 * Document Service call (twice per list request). It changes only through
 * setDefaultLocale, so keep it in memory: dropped on a local change, and at
 * most a minute old on other nodes.
 */
export function cacheDefaultLocaleLookups(strapi: Core.Strapi, ttlMs = 60_000): void {
  const service = strapi.plugin('i18n').service('locales');
  const read = service.getDefaultLocale.bind(service);
  const write = service.setDefaultLocale.bind(service);
  let cachedCode: { code: string; at: number } | null = null;
  service.getDefaultLocale = async () => {
    if (cachedCode && Date.now() - cachedCode.at < ttlMs) return cachedCode.code;
    const code = await read();
    cachedCode = { code, at: Date.now() };
    return code;
  };
  service.setDefaultLocale = async (args: { code: string }) => {
    cachedCode = null;
    try {
      return await write(args);
    } finally {
      cachedCode = null;
      invalidateLocales();
    }
  };
}
