import type { Core } from '@strapi/strapi';
import { TOKEN_CLASSES, type TokenClass } from '../lib/access-rules';

/** A custom API token of one of our classes (scripts/api-token.js); `accessKey` is only readable now. */
export async function createClassToken(strapi: Core.Strapi, kind: TokenClass, name: string, days: number | null = null): Promise<{ accessKey: string }> {
  const spec = TOKEN_CLASSES[kind];
  return strapi.service('admin::api-token').create({
    name,
    description: spec.description,
    type: 'custom',
    lifespan: days ? days * 86_400_000 : null,
    permissions: [...spec.permissions],
  });
}
