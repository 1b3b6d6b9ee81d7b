/**
 * Write-time rules that Strapi's schema cannot express (or skips for drafts).
 * Pure: returns the list of problems, each naming the field by its path, so the
 * caller can answer 400 before anything is stored.
 */
import { CONTROL_CHARACTER } from './request-checks';

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

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'list', 'quote', 'code', 'image']);
const INLINE_TYPES = new Set(['text', 'link', 'list-item']);
/** A body larger than this many nodes is not a news story. */
export const MAX_BLOCK_NODES = 20_000;

/**
 * Strapi blocks JSON: a list of block nodes, each with a known `type` and a
 * `children` list of text/link nodes. Strapi stores anything else as null
 * and answers 201, which loses the story; this refuses it naming the node.
 */
export function checkBlocks(value: unknown, path: FieldPath): FieldError[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [{ path, message: 'must be a list of blocks (Strapi blocks JSON)' }];
  const errors: FieldError[] = [];
  let nodes = 0;
  const visit = (node: unknown, at: FieldPath, allowed: Set<string>, depth: number): void => {
    if (errors.length >= 10) return;
    if (++nodes > MAX_BLOCK_NODES) {
      if (nodes === MAX_BLOCK_NODES + 1) errors.push({ path, message: `must have at most ${MAX_BLOCK_NODES} nodes` });
      return;
    }
    if (!isRecord(node) || typeof node.type !== 'string' || !allowed.has(node.type)) {
      errors.push({ path: at, message: `must be a block node with a type (${[...allowed].join(', ')})` });
      return;
    }
    if (node.type === 'text') {
      if (typeof node.text !== 'string') errors.push({ path: [...at, 'text'], message: 'must be a string' });
      return;
    }
    if (!Array.isArray(node.children)) {
      errors.push({ path: [...at, 'children'], message: 'must be a list of nodes' });
      return;
    }
    if (depth > 12) {
      errors.push({ path: at, message: 'nests too deep' });
      return;
    }
    node.children.forEach((child, i) => visit(child, [...at, 'children', i], node.type === 'list' ? new Set([...INLINE_TYPES, 'list']) : INLINE_TYPES, depth + 1));
  };
  value.forEach((block, i) => visit(block, [...path, i], BLOCK_TYPES, 0));
  return errors;
}

/** Every string in `data` (keys included) free of control characters other than tab, CR and LF. */
export function controlCharacterProblems(data: unknown, path: FieldPath = []): FieldError[] {
  if (typeof data === 'string') return CONTROL_CHARACTER.test(data) ? [{ path, message: 'must not contain control characters' }] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => controlCharacterProblems(v, [...path, i])).slice(0, 10);
  if (isRecord(data)) {
    return Object.entries(data)
      .flatMap(([k, v]) => (CONTROL_CHARACTER.test(k) ? [{ path: [...path, k], message: 'name must not contain control characters' }] : controlCharacterProblems(v, [...path, k])))
      .slice(0, 10);
  }
  return [];
}

/** Article data on create (every rule) or update (only the fields sent). */
export function checkArticleData(data: Record<string, unknown>, creating: boolean): FieldError[] {
  const errors: FieldError[] = [...checkBlocks(data.body, ['body'])];
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
