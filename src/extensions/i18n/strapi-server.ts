import type { Core } from '@strapi/strapi';
import { addContentAccess } from '../../lib/route-policies';
import { infra } from '../../infra';

/** Other app processes see a change of the default locale within this. */
const DEFAULT_LOCALE_HOLD_MS = 60_000;

type LocalesService = { getDefaultLocale(): Promise<string>; setDefaultLocale(args: { code: string }): Promise<unknown> };

/**
 * i18n, extended:
 * - its content-API route (GET /api/i18n/locales) gets the newsroom's access rules;
 * - its locales service keeps the default locale in memory. Strapi reads it from
 *   the core store on every Document Service call (twice per list request), and
 *   it changes only through setDefaultLocale: dropped on a change here, at most
 *   a minute old on other nodes.
 */
export default (plugin: any) => {
  addContentAccess(plugin.routes['content-api'].routes);
  const createLocales = plugin.services.locales as (params: { strapi: Core.Strapi }) => LocalesService;
  plugin.services.locales = (params: { strapi: Core.Strapi }) => {
    const service = createLocales(params);
    const read = service.getDefaultLocale.bind(service);
    const write = service.setDefaultLocale.bind(service);
    let held: { code: string; at: number } | null = null;
    return Object.assign(service, {
      async getDefaultLocale() {
        if (held && Date.now() - held.at < DEFAULT_LOCALE_HOLD_MS) return held.code;
        const code = await read();
        held = { code, at: Date.now() };
        return code;
      },
      async setDefaultLocale(args: { code: string }) {
        held = null;
        try {
          return await write(args);
        } finally {
          held = null;
          infra(params.strapi).locales.forget();
        }
      },
    });
  };
  return plugin;
};
