import type { Core } from '@strapi/strapi';

/** The site's editions, created at boot if missing (src/bootstrap/locales.ts). */
export const SITE_LOCALES = [
  { code: 'ar', name: 'العربية (ar)' },
  { code: 'en', name: 'English (en)' },
] as const;
export const DEFAULT_LOCALE = 'ar';

export interface LocaleRegistry {
  isKnown(code: string): Promise<boolean>;
  known(): Promise<string[]>;
  defaultLocale(): Promise<string>;
  /** Drops what is held (a locale was added or removed, or the default changed). */
  forget(): void;
}

/**
 * The configured locales, held in memory: every API request checks its
 * `locale` against them, and they change only when an admin edits the i18n
 * settings — a write to the locale table forgets them (src/infra/index.ts).
 */
export function createLocaleRegistry(strapi: Core.Strapi): LocaleRegistry {
  let held: Promise<{ codes: Set<string>; defaultLocale: string }> | null = null;
  const load = async () => {
    const locales = strapi.plugin('i18n').service('locales');
    const rows: Array<{ code: string }> = await locales.find();
    const defaultLocale: string = (await locales.getDefaultLocale()) ?? DEFAULT_LOCALE;
    return { codes: new Set(rows.map((r) => r.code)), defaultLocale };
  };
  const state = () =>
    (held ??= load().catch((err) => {
      held = null;
      throw err;
    }));
  return {
    isKnown: async (code) => (await state()).codes.has(code),
    known: async () => [...(await state()).codes],
    defaultLocale: async () => (await state()).defaultLocale,
    forget: () => {
      held = null;
    },
  };
}
