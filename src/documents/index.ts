import type { Core } from '@strapi/strapi';
import { slugMiddleware } from './slugs';
import { validationMiddleware } from './validation';
import { readingTimeMiddleware } from './reading-time';
import { searchIndexMiddleware } from './search-index';

/**
 * Registers the Document Service middlewares. Order matters (first = outermost):
 * validate, derive slugs and reading time, and innermost, right around the
 * write, keep the search index in step.
 */
export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  strapi.documents.use(validationMiddleware(strapi) as any);
  strapi.documents.use(slugMiddleware(strapi) as any);
  strapi.documents.use(readingTimeMiddleware(strapi) as any);
  strapi.documents.use(searchIndexMiddleware(strapi) as any);
}
