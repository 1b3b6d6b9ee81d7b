import type { Core, Modules } from '@strapi/strapi';

/**
 * What our Document Service middlewares read of a call. Strapi's own type is
 * a union over every content type × action; ours branch on `uid`/`action` at
 * run time, so they take this plain view of it.
 */
export interface DocumentCall {
  uid: string;
  action: string;
  params: Record<string, any> & { data?: Record<string, any>; documentId?: string; locale?: unknown; status?: string };
}
export type DocumentMiddleware = (ctx: DocumentCall, next: () => Promise<any>) => Promise<unknown>;

/** Registers the middlewares in order (the one place Strapi's union type meets ours). */
export function useDocumentMiddlewares(strapi: Core.Strapi, middlewares: DocumentMiddleware[]): void {
  for (const middleware of middlewares) strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}
