import type { Core, UID } from '@strapi/strapi';

/** A document as our code reads it: documentId and locale, the rest by field name. */
export type LooseDocument = Record<string, any> & { documentId: string; locale?: string | null };

/**
 * The Document Service of a content type chosen at run time, or with params
 * built from our presets. Strapi types each call by the literal uid and the
 * exact shape of `populate`/`filters`; presets are plain objects, and several
 * callers pick the uid from a table, so they go through this view (one cast,
 * here) instead of a cast at every call.
 */
export interface LooseDocuments {
  findMany(params: object): Promise<LooseDocument[]>;
  findFirst(params: object): Promise<LooseDocument | null>;
  findOne(params: object): Promise<LooseDocument | null>;
  create(params: object): Promise<LooseDocument>;
  update(params: object): Promise<LooseDocument | null>;
  delete(params: object): Promise<unknown>;
}

export const documentsOf = (strapi: Core.Strapi, uid: string): LooseDocuments => strapi.documents(uid as UID.ContentType) as unknown as LooseDocuments;
