import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { slugify, uniqueSlug } from '../../lib/slug';
import { SLUG_SOURCES, slugTaken } from '../../documents/slugs';
import { parseTakedown } from '../../lib/syndication';
import { invalidFields } from '../../infra/errors';
import { withTakedown } from '../../infra/takedown';

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
  wrapUnpublish(plugin);
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

/**
 * The admin's unpublish of an article asks "kill or withhold?" and a reason
 * for partners (src/admin/takedown-action.tsx); the choice arrives as
 * `takedown: { kind, reason }` in the body and is handed to the publication
 * Document Service middleware for this request only. Without it, the
 * unpublish is a withhold, as from the API or a scheduled expiry.
 */
type CollectionTypes = { unpublish(ctx: Context): Promise<unknown> };
type ControllerEntry = CollectionTypes | ((args: unknown) => CollectionTypes);

function wrapUnpublish(plugin: { controllers: Record<string, ControllerEntry> }): void {
  const controllers = plugin.controllers['collection-types'];
  const wrap = (controller: CollectionTypes) => {
    const unpublish = controller.unpublish.bind(controller);
    controller.unpublish = async (ctx: Context) => {
      const body = ((ctx.request as { body?: Record<string, unknown> }).body ?? {}) as Record<string, unknown>;
      if (ctx.params?.model !== 'api::article.article' || body.takedown === undefined) return unpublish(ctx);
      const { takedown, errors } = parseTakedown(body.takedown);
      if (errors.length) invalidFields(errors, 'Invalid takedown');
      delete body.takedown;
      return takedown ? withTakedown(takedown, () => unpublish(ctx)) : unpublish(ctx);
    };
    return controller;
  };
  plugin.controllers['collection-types'] = typeof controllers === 'function' ? (args: unknown) => wrap(controllers(args)) : wrap(controllers);
}
