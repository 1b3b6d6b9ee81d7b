import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkArticleData, checkAuthorData, checkNamedData, checkSiteData, controlCharacterProblems, relationIsSet } from '../lib/input-rules';
import { checkCoverageTimes, checkEntryData, LIVE_ENTRY_UID } from '../lib/live';
import { invalid, invalidFields, notFound } from '../infra/errors';
import type { DocumentMiddleware } from './types';
import { checkEndpointData } from '../lib/syndication';
import { newSecret } from '../api/partner-endpoint/services/outbox';


const ARTICLE = 'api::article.article';
const ENDPOINT = 'api::partner-endpoint.partner-endpoint';

/** Whether the draft of this article (in these locales) has a section; publishing needs one. */
async function draftsWithoutSection(strapi: Core.Strapi, documentId: string, locale: unknown): Promise<string[]> {
  const where: Record<string, unknown> = { documentId, publishedAt: null };
  if (typeof locale === 'string' && locale !== '*') where.locale = locale;
  const drafts = await strapi.db.query(ARTICLE).findMany({
    where,
    select: ['id', 'locale'],
    populate: { section: { select: ['id'] } },
  });
  return (drafts as Array<{ locale: string; section?: unknown }>).filter((d) => !d.section).map((d) => d.locale);
}

/**
 * Document Service middleware: rules Strapi's schema cannot express (one of
 * url/article per related link, http(s)-only URLs, a headline even on drafts,
 * a section before publishing), checked before anything is written, for every
 * caller: REST, GraphQL, the admin and scripts.
 */
export function validationMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  return async (ctx, next) => {
    const { uid, action, params } = ctx;
    const data = params?.data;
    const writing = (action === 'create' || action === 'update') && data && typeof data === 'object';

    if (writing && uid === ARTICLE) {
      // Owned by Strapi (stamped on first publish): a client must not backdate or move it.
      delete data.firstPublishedAt;
    }
    if (writing) {
      const problems = [
        ...controlCharacterProblems(data),
        ...(uid === ARTICLE ? [...checkArticleData(data, action === 'create'), ...checkCoverageTimes(data.coverageStartTime, data.coverageEndTime)]
        : uid === LIVE_ENTRY_UID ? checkEntryData(data, action === 'create')
        : uid === 'api::author.author' ? checkAuthorData(data, action === 'create')
        : uid === 'api::section.section' || uid === 'api::tag.tag' ? checkNamedData(data, action === 'create')
        : uid === 'api::site.site' ? checkSiteData(data)
        : uid === ENDPOINT ? checkEndpointData(data, action === 'create')
        : []),
      ];
      if (problems.length) invalidFields(problems, `Invalid ${uid.split('.').pop()}: ${problems.map((e) => `${e.path.join('.')} ${e.message}`).join('; ')}`);
    }

    // A partner endpoint without a secret gets one (shown to editors in the admin, never in the API).
    if (writing && uid === ENDPOINT && action === 'create' && !data.secret) data.secret = newSecret();

    if (action === 'delete' && params?.status === 'draft') {
      // Strapi throws a plain Error (a 500) for this; deleting removes every version of a locale.
      invalid('status', 'delete removes the published version and its draft together; use discardDraft for the draft alone', 'A draft cannot be deleted on its own: delete the document, or discard the draft');
    }

    if (uid === ARTICLE) {
      const publishing = action === 'publish' || (writing && params.status === 'published');
      if (publishing) {
        const sectionGiven = writing && 'section' in data;
        if (sectionGiven ? !relationIsSet(data.section) : action === 'create') {
          invalid('section', 'is required to publish', 'An article needs a section before it is published');
        }
        if (!sectionGiven && action !== 'create' && params.documentId) {
          const missing = await draftsWithoutSection(strapi, params.documentId, params.locale);
          if (missing.length) {
            invalid('section', `is required to publish (missing in: ${missing.join(', ')})`, 'An article needs a section before it is published');
          }
        }
      }
    }
    let result: { entries?: unknown[] } | null | undefined;
    try {
      result = await next();
    } catch (err) {
      throw writing ? nameUnknownRelation(err, data) : err;
    }
    // Strapi answers a PUT or DELETE of a documentId that does not exist with 200 {data: null} / 204.
    if (uid.startsWith('api::') && params?.documentId && ((action === 'update' && !result) || (action === 'delete' && result?.entries?.length === 0))) {
      notFound('documentId', `No ${uid.split('.').pop()} with documentId "${params.documentId}"`);
    }
    return result;
  };
}

const UNKNOWN_DOC = /^Document with id "([^"]+)", locale "([^"]*)" not found$/;

/**
 * Strapi reports an unknown relation id without saying which field held it;
 * find the field in the submitted data so the 400 names it.
 */
export function nameUnknownRelation(err: unknown, data: Record<string, unknown>): unknown {
  const match = err instanceof errors.ValidationError ? UNKNOWN_DOC.exec(err.message) : null;
  if (!match) return err;
  const path = findValuePath(data, match[1]);
  if (!path) return err;
  return new errors.ValidationError(`${path.join('.')}: no document with id "${match[1]}" in locale "${match[2]}"`, {
    errors: [{ path, message: `references an unknown document "${match[1]}"`, name: 'ValidationError' }],
  });
}

function findValuePath(value: unknown, needle: string, path: Array<string | number> = []): Array<string | number> | null {
  if (value === needle) return path;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findValuePath(child, needle, [...path, Array.isArray(value) ? Number(key) : key]);
      if (found) return trimRelationSyntax(found);
    }
  }
  return null;
}

/** `authors.connect.0.documentId` and `authors.0` → `authors`; `relatedLinks.0.article` stays as it is. */
function trimRelationSyntax(path: Array<string | number>): Array<string | number> {
  const cut = path.findIndex((p) => p === 'connect' || p === 'set' || p === 'documentId');
  const trimmed = cut === -1 ? path : path.slice(0, cut);
  return typeof trimmed[trimmed.length - 1] === 'number' ? trimmed.slice(0, -1) : trimmed;
}
