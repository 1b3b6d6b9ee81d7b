import type { Core } from '@strapi/strapi';
import { slugify, uniqueSlug } from '../../lib/slug';
import { SLUG_SOURCES, slugTaken } from '../../documents/slugs';

interface UidArgs {
  contentTypeUID: string;
  field: string;
  data?: Record<string, unknown>;
  locale?: string;
}
type UidService = { generateUIDField(args: UidArgs): Promise<string> };

/**
 * The content-manager's "regenerate" button on a slug field asks its uid
 * service for a value; Strapi's own slugify transliterates Arabic to Latin.
 * Ours gives Unicode slugs (Arabic titles → Arabic slugs), unique per locale,
 * the same as the Document Service makes on save (src/documents/slugs.ts).
 */
export default (plugin: any) => {
  const createUid = plugin.services.uid as (params: { strapi: Core.Strapi }) => UidService;
  plugin.services.uid = (params: { strapi: Core.Strapi }) => {
    const service = createUid(params);
    const strapiGenerate = service.generateUIDField.bind(service);
    return Object.assign(service, {
      async generateUIDField(args: UidArgs) {
        const source = SLUG_SOURCES[args.contentTypeUID];
        const value = source && args.field === 'slug' ? args.data?.[source] : undefined;
        if (typeof value !== 'string' || value.trim() === '') return strapiGenerate(args);
        const { strapi } = params;
        const locale = args.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
        const base = slugify(value) || args.contentTypeUID.split('.').pop()!;
        const documentId = typeof args.data?.documentId === 'string' ? args.data.documentId : undefined;
        return uniqueSlug(base, (candidate) => slugTaken(strapi, args.contentTypeUID, candidate, locale, documentId));
      },
    });
  };
  return plugin;
};
