/**
 * The pure half of the article read model (src/api/article/services/read-model.ts):
 * what a rendered version references, and the REST bodies assembled from
 * stored JSON without parsing it. Pure.
 */

/** What a read-model row shows, so a change to any of them finds the rows it makes stale. */
export type RefKind = 'section' | 'author' | 'tag' | 'media' | 'article';
export interface Ref {
  kind: RefKind;
  /** documentId (section/author/tag/article) or file id (media). */
  ref: string;
  /** The slug, for the kinds an article list is filtered by. */
  slug: string | null;
}

interface Related {
  documentId?: unknown;
  slug?: unknown;
}
interface Media {
  id?: unknown;
}
/** The fields of a full, unsanitized article version that reference other records. */
export interface ArticleReferences {
  section?: Related | null;
  authors?: Array<Related & { avatar?: Media | null }> | null;
  tags?: Related[] | null;
  cover?: { image?: Media | null } | null;
  seo?: { ogImage?: Media | null } | null;
  relatedLinks?: Array<{ article?: Related | null }> | null;
}

/** Every record a full article version shows (its card shows a subset), deduplicated. */
export function referencesOf(doc: ArticleReferences): Ref[] {
  const out = new Map<string, Ref>();
  const add = (kind: RefKind, ref: unknown, slug: unknown = null) => {
    if ((typeof ref !== 'string' && typeof ref !== 'number') || ref === '') return;
    out.set(`${kind}\u0000${ref}`, { kind, ref: String(ref), slug: typeof slug === 'string' && slug ? slug : null });
  };
  if (doc.section) add('section', doc.section.documentId, doc.section.slug);
  for (const a of doc.authors ?? []) {
    add('author', a?.documentId, a?.slug);
    add('media', a?.avatar?.id);
  }
  for (const t of doc.tags ?? []) add('tag', t?.documentId, t?.slug);
  add('media', doc.cover?.image?.id);
  add('media', doc.seo?.ogImage?.id);
  for (const link of doc.relatedLinks ?? []) add('article', link?.article?.documentId);
  return [...out.values()];
}

/** A datetime as the read model's sort key: epoch milliseconds, null when absent or invalid. */
export function epochMs(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
  return Number.isFinite(ms) ? ms : null;
}

export interface Pagination {
  page: number;
  pageSize: number;
}

/** Strapi's REST list body, `{ data, meta: { pagination } }`, around already-serialized items. */
export function listBody(items: string[], { page, pageSize }: Pagination, total: number): string {
  const pagination = { page, pageSize, pageCount: Math.ceil(total / pageSize), total };
  return `{"data":[${items.join(',')}],"meta":${JSON.stringify({ pagination })}}`;
}

/** Strapi's REST single-document body around an already-serialized document. */
export function documentBody(item: string, meta: Record<string, unknown> = {}): string {
  return `{"data":${item},"meta":${JSON.stringify(meta)}}`;
}
