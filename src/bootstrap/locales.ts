import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, SITE_LOCALES } from '../infra/locales';
import { infra } from '../infra';

/** Creates `ar` and `en` when missing and makes `ar` the default; safe to run on every boot. */
export async function ensureSiteLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const { code, name } of SITE_LOCALES) {
    if (!(await locales.findByCode(code))) await locales.create({ code, name });
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
  infra(strapi).locales.forget();
}
