import type { Core } from '@strapi/strapi';
import { alternatesOf, type Alternate } from '../lib/hreflang';
import { articleService, siteService } from '../api/services';

type Editions = Awaited<ReturnType<ReturnType<typeof articleService>['editions']>>;
interface Batch {
  ids: Set<string>;
  result: Promise<Editions>;
}

/**
 * `Article.alternates`, as REST's (src/lib/article-extras.ts): the story's
 * other published editions `[{ locale, url }]`. Articles resolved in the same
 * tick of one request (a page of `articles`) share ONE editions query; rows
 * from the read model already carry the list.
 */
export function alternatesResolver(strapi: Core.Strapi) {
  const batches = new WeakMap<object, Map<string, Batch>>();
  const load = (context: object, baseUrl: string, documentId: string): Promise<Editions> => {
    const perRequest = batches.get(context) ?? new Map<string, Batch>();
    batches.set(context, perRequest);
    let batch = perRequest.get(baseUrl);
    if (!batch) {
      const ids = new Set<string>();
      const result = Promise.resolve().then(() => {
        perRequest.delete(baseUrl); // later ticks start a new batch
        return articleService(strapi).editions([...ids], baseUrl);
      });
      batch = { ids, result };
      perRequest.set(baseUrl, batch);
    }
    batch.ids.add(documentId);
    return batch.result;
  };

  return async (parent: { documentId?: string; locale?: string | null; alternates?: unknown }, _args: unknown, context: object): Promise<Alternate[]> => {
    if (Array.isArray(parent.alternates)) return parent.alternates as Alternate[];
    if (!parent.documentId || typeof parent.locale !== 'string') return [];
    const { baseUrl } = await siteService(strapi).publisher(parent.locale);
    const found = await load(context ?? {}, baseUrl, parent.documentId);
    return alternatesOf(parent.locale, found.get(parent.documentId)?.all ?? []);
  };
}
