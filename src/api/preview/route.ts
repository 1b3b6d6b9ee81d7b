import type { Core } from '@strapi/strapi';
import { localeParam, pathParam, query, schemaRef } from '../../lib/openapi/declare';
import type { RouteDoc } from '../../lib/openapi/types';

const previewDoc: RouteDoc = {
  summary: 'The preview page of one version (behind the admin\'s Preview button)',
  description:
    'An HTML page as a reader would see it (`dir="rtl"` for Arabic). Only a valid, unexpired token signed with `PREVIEW_SECRET` for exactly this document, locale and status opens it; the admin makes the link (`/content-manager/preview/url/…`).',
  tags: ['preview'],
  parameters: [
    pathParam('documentId', schemaRef('DocumentId'), 'The article'),
    { ...localeParam('The version\'s locale (required)'), required: true },
    query('status', { type: 'string', enum: ['draft', 'published'] }, 'Which version', { required: true }),
    query('token', { type: 'string' }, 'HMAC-SHA256 token of the preview link (expires after `PREVIEW_TTL_SECONDS`)', { required: true }),
  ],
  responses: {
    200: {
      description: 'The page (`Cache-Control: no-store`, `X-Robots-Tag: noindex`, a CSP without scripts)',
      headers: { 'Content-Security-Policy': { description: 'No scripts, no external resources', schema: { type: 'string' } } },
      content: { 'text/html': { type: 'string' } },
    },
  },
  errors: [401, 404],
  examples: [
    { summary: 'Draft of an Arabic article', path: { documentId: '<documentId>' }, query: { locale: 'ar', status: 'draft', token: '<previewToken>' } },
    { summary: 'Wrong token', path: { documentId: '<documentId>' }, query: { locale: 'ar', status: 'draft', token: 'not-a-token' }, status: 401 },
  ],
};

/**
 * The preview page lives at /preview/… (not under /api: it is a page, not an
 * API), so it is added to the server's root router instead of the routes folders of src/api,
 * which Strapi always mounts under /api. The token is the only authorisation.
 */
export const PREVIEW_ROUTES = [
  { method: 'GET' as const, path: '/preview/articles/:documentId', handler: 'api::preview.preview.article', config: { auth: false as const, openapi: previewDoc } },
];

export function registerPreviewRoute(strapi: Core.Strapi): void {
  strapi.server.routes(PREVIEW_ROUTES as unknown as Parameters<Core.Strapi['server']['routes']>[0]);
}
