import type { Core } from '@strapi/strapi';
import { slugMiddleware } from './slugs';
import { validationMiddleware } from './validation';
import { websubMiddleware } from './websub';

/** Registers the Document Service middlewares (order matters: validate, then derive slugs; WebSub pings after). */
export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  strapi.documents.use(validationMiddleware(strapi) as any);
  strapi.documents.use(slugMiddleware(strapi) as any);
  strapi.documents.use(websubMiddleware(strapi) as any);
}
