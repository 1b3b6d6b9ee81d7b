import { invalidFields } from '../infra/errors';

/**
 * Declared query parameters of a custom endpoint (feeds, sitemaps, search,
 * by-slug): anything else is a 400 naming it. Unknown keys would otherwise be
 * ignored — and each `&x=N` a new response-cache entry, an easy way to make
 * every request a miss. Core routes get the same from Strapi's `strictParams`.
 * Use it in a route's `config.policies` as `allowQuery('locale', 'limit', …)`.
 */
export default (policyContext: any, config: { allow?: string[] }) => {
  const allowed = new Set(config?.allow ?? []);
  const unknown = Object.keys(policyContext.request?.query ?? {}).filter((key) => !allowed.has(key));
  if (unknown.length) {
    const list = [...allowed].join(', ') || 'none';
    invalidFields(
      unknown.map((key) => ({ path: [key], message: `is not a parameter of this endpoint (allowed: ${list})` })),
      `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (allowed: ${list})`,
    );
  }
  return true;
};
