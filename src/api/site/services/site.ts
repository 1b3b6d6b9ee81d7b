import { factories, type Core, type Modules } from '@strapi/strapi';
import type { PublisherInfo } from '../../../lib/json-ld';
import { dbDate } from '../../../lib/dates';
import { infra } from '../../../infra';

const SITE = 'api::site.site';
/** Other app processes see a settings change within this (this process forgets at once, on the write). */
const HOLD_MS = 60_000;

type SiteDocument = Modules.Documents.Document<typeof SITE>;
/** The site settings in one locale; `baseUrl` is shared by every locale. */
export type SiteSettings = Partial<Pick<SiteDocument, 'name' | 'description' | 'copyright' | 'baseUrl'>> & { updatedAt: Date | null };

const FIELDS = ['name', 'description', 'copyright', 'baseUrl', 'updatedAt', 'locale'] as const;

/**
 * The site settings single type, read one way for every surface (feeds,
 * sitemaps, JSON-LD, preview): the version of the locale, completed by the
 * default locale's where it has none, held briefly per locale.
 */
const site = ({ strapi }: { strapi: Core.Strapi }) => {
  const held = new Map<string, { at: number; value: Promise<SiteSettings> }>();

  async function load(locale: string): Promise<SiteSettings> {
    const fallback = await infra(strapi).locales.defaultLocale();
    const rows = (await strapi.db.query(SITE).findMany({
      where: { locale: { $in: [...new Set([locale, fallback])] } },
      select: [...FIELDS],
    })) as Array<Pick<SiteDocument, 'name' | 'description' | 'copyright' | 'baseUrl' | 'locale'> & { updatedAt?: unknown }>;
    const own = rows.find((r) => r.locale === locale);
    const other = rows.find((r) => r.locale !== locale);
    const pick = (field: 'name' | 'description' | 'copyright' | 'baseUrl') => own?.[field] || other?.[field] || undefined;
    return {
      name: pick('name'),
      description: pick('description'),
      copyright: pick('copyright'),
      baseUrl: pick('baseUrl'),
      updatedAt: dbDate(own?.updatedAt ?? other?.updatedAt),
    };
  }

  return {
    settings(locale: string): Promise<SiteSettings> {
      const hit = held.get(locale);
      if (hit && Date.now() - hit.at < HOLD_MS) return hit.value;
      const value = load(locale).catch((err) => {
        held.delete(locale);
        throw err;
      });
      held.set(locale, { at: Date.now(), value });
      return value;
    },

    /** The publisher of JSON-LD: the site's name and public base URL. */
    async publisher(locale: string): Promise<PublisherInfo> {
      const s = await this.settings(locale);
      return { name: s.name ?? '', baseUrl: s.baseUrl ?? this.apiOrigin() };
    },

    /** Called by the publication Document Service middleware on every write to the site settings. */
    forget(): void {
      held.clear();
    },

    /**
     * The public origin of this API (PUBLIC_URL, else Strapi's http://host:port):
     * self links, WebSub topics, and the base of /uploads media URLs everywhere
     * (feeds and JSON-LD alike: the files are served here, not by the frontend).
     */
    apiOrigin(): string {
      return String(strapi.config.get('server.absoluteUrl') || 'http://localhost:1337').replace(/\/+$/, '');
    },
  };
};

export type SiteService = ReturnType<typeof site>;
export default factories.createCoreService(SITE, site);
