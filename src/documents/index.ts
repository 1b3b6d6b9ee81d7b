import type { Core } from '@strapi/strapi';
import { slugMiddleware } from './slugs';
import { validationMiddleware } from './validation';
import { scheduleMiddleware } from './schedule';

/** Registers the Document Service middlewares (order matters: validate, then derive slugs). */
export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  strapi.documents.use(validationMiddleware(strapi) as any);
  strapi.documents.use(scheduleMiddleware(strapi) as any);
  strapi.documents.use(slugMiddleware(strapi) as any);
}
