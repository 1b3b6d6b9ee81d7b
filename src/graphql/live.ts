import type { Core } from '@strapi/strapi';
import { isDocumentId, parseEntryQuery } from '../lib/live';
import { infra } from '../infra';
import { invalidFields } from '../infra/errors';
import { liveService } from '../api/services';

/**
 * GraphQL for live coverage: `liveCoverage(documentId, …)` answers what
 * GET /api/live/:documentId/entries does (same cursor rules, same errors
 * naming the argument; null when the coverage is not public in that locale).
 */
export const liveTypeDefs = /* GraphQL */ `
  type LiveEntryAuthor { documentId: ID, name: String, slug: String, jobTitle: String }
  type LiveEntryImage { url: String!, alt: String, caption: String, credit: String, width: Int, height: Int, mime: String }
  type LiveEntryCorrection { date: String, note: String }
  "One update of a live coverage, as readers get it (REST, the stream and the feeds show the same)."
  type LiveCoverageEntry {
    documentId: ID!
    locale: String!
    postedAt: String
    updatedAt: String
    title: String
    body: JSON
    authors: [LiveEntryAuthor!]!
    image: LiveEntryImage
    embedUrl: String
    pinned: Boolean!
    isKeyEvent: Boolean!
    isBreaking: Boolean!
    corrections: [LiveEntryCorrection!]!
  }
  type LiveCoveragePage {
    documentId: ID!
    locale: String!
    title: String!
    coverageStartTime: String
    coverageEndTime: String
    "Newest first."
    entries: [LiveCoverageEntry!]!
    "More entries past this page in its direction (older; newer with after)."
    hasMore: Boolean!
    "Resume point for GET /api/live/:documentId/stream (Last-Event-ID)."
    lastEventId: Float!
  }
  extend type Query {
    "A live coverage's entries, newest first: after/before are entry documentIds, since an ISO 8601 time, limit 1-100 (20)."
    liveCoverage(documentId: ID!, locale: I18NLocaleCode, after: ID, before: ID, since: String, limit: Int): LiveCoveragePage
  }
`;

export function liveResolvers(strapi: Core.Strapi) {
  return {
    liveCoverage: {
      resolve: async (_parent: unknown, args: Record<string, unknown>) => {
        const { value, problems } = parseEntryQuery(Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined)));
        if (problems.length) invalidFields(problems);
        const documentId = args.documentId;
        const locale = typeof args.locale === 'string' ? args.locale : await infra(strapi).locales.defaultLocale();
        const live = liveService(strapi);
        const coverage = isDocumentId(documentId) ? await live.coverage(documentId, locale) : null;
        if (!coverage) return null;
        const [page, lastEventId] = await Promise.all([live.page(coverage.documentId, locale, value), infra(strapi).live.latestId(coverage.documentId, locale)]);
        return { ...coverage, entries: page.entries, hasMore: page.hasMore, lastEventId };
      },
    },
  };
}
