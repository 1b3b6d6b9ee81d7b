/**
 * Write-time rules that Strapi's schema cannot express (or skips for drafts).
 * Pure: returns the list of problems, each naming the field by its path, so the
 * caller can answer 400 before anything is stored.
 */
export type FieldPath = Array<string | number>;
export interface FieldError {
  path: FieldPath;
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Absolute http(s) URL with a host; rejects javascript:, data:, mailto:, relative paths… */
export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() !== value || value === '') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Whether a relation input points at something. Accepts every shape Strapi 5
 * takes: 'documentId', 123, { documentId }, { id }, [..], { connect: [..] }, { set: [..] }.
 */
export function relationIsSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) {
    if ('documentId' in value || 'id' in value) return !isBlank(value.documentId ?? value.id);
    const connect = value.connect ?? value.set;
    if (Array.isArray(connect)) return connect.length > 0;
    if (connect !== undefined) return relationIsSet(connect);
  }
  return false;
}

function urlProblem(value: unknown, path: FieldPath): FieldError[] {
  if (isBlank(value)) return [];
  return isHttpUrl(value)
    ? []
    : [{ path, message: 'must be an absolute http:// or https:// URL' }];
}

/** The «أخبار ذات صلة» block: each entry has a label and exactly one of url / article. */
export function checkRelatedLinks(links: unknown, max = 10): FieldError[] {
  if (links === undefined || links === null) return [];
  if (!Array.isArray(links)) return [{ path: ['relatedLinks'], message: 'must be an array' }];
  const errors: FieldError[] = [];
  if (links.length > max) errors.push({ path: ['relatedLinks'], message: `must contain at most ${max} links` });
  links.forEach((link, i) => {
    const at = (field?: string): FieldPath => (field ? ['relatedLinks', i, field] : ['relatedLinks', i]);
    if (!isRecord(link)) {
      errors.push({ path: at(), message: 'must be an object with label and url or article' });
      return;
    }
    if (isBlank(link.label)) errors.push({ path: at('label'), message: 'is required' });
    const hasUrl = !isBlank(link.url);
    const hasArticle = relationIsSet(link.article);
    if (hasUrl === hasArticle) {
      errors.push({
        path: at(hasUrl ? 'article' : 'url'),
        message: hasUrl
          ? 'set either url or article, not both'
          : 'set exactly one of url (an outside page) or article (one of ours)',
      });
    }
    errors.push(...urlProblem(link.url, at('url')));
  });
  return errors;
}

/** Article data on create (every rule) or update (only the fields sent). */
export function checkArticleData(data: Record<string, unknown>, creating: boolean): FieldError[] {
  const errors: FieldError[] = [];
  // Required even on drafts: the slug and every listing derive from the headline.
  if ((creating || 'title' in data) && isBlank(data.title)) {
    errors.push({ path: ['title'], message: 'is required' });
  }
  errors.push(...checkRelatedLinks(data.relatedLinks));
  if (isRecord(data.seo)) errors.push(...urlProblem(data.seo.canonicalUrl, ['seo', 'canonicalUrl']));
  return errors;
}

/** Authors, sections and tags: a non-blank name (Strapi's `required` lets '' through). */
export function checkNamedData(data: Record<string, unknown>, creating: boolean): FieldError[] {
  return (creating || 'name' in data) && isBlank(data.name) ? [{ path: ['name'], message: 'is required' }] : [];
}

export function checkAuthorData(data: Record<string, unknown>, creating: boolean): FieldError[] {
  const links = Array.isArray(data.socialLinks) ? data.socialLinks : [];
  return [
    ...checkNamedData(data, creating),
    ...links.flatMap((link, i) => (isRecord(link) ? urlProblem(link.url, ['socialLinks', i, 'url']) : [])),
  ];
}

export function checkSiteData(data: Record<string, unknown>): FieldError[] {
  return urlProblem(data.baseUrl, ['baseUrl']);
}
