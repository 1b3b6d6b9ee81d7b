/**
 * API reference declarations of the live-coverage read routes (src/lib/openapi/types.ts RouteDoc).
 * The replayed examples run against the demo's live coverage (`<liveDocumentId>`, the storm alert), a
 * published article that is not one (404) and bad input (400). The stream's only replayed example is
 * its 404: a stream that opens does not end.
 */
import { jsonResponse, localeParam, pathParam, query, schemaRef } from '../../lib/openapi/declare';
import type { JsonSchema, RouteDoc } from '../../lib/openapi/types';

const coverage = pathParam('documentId', schemaRef('DocumentId'), 'The live coverage (an article with `isLive: true`)');
const limit = (max: number, fallback: number) => query('limit', { type: 'integer', minimum: 1, maximum: max, default: fallback }, 'Number of entries');
const notLive = { summary: 'A published article that is not a live coverage', path: { documentId: '<documentId>' }, status: 404 };

const entry: JsonSchema = {
  type: 'object',
  required: ['documentId', 'postedAt', 'body'],
  properties: {
    documentId: schemaRef('DocumentId'),
    postedAt: { type: 'string', format: 'date-time' },
    title: { type: ['string', 'null'] },
    body: { type: 'array', description: 'Strapi blocks' },
    pinned: { type: 'boolean' },
    isKeyEvent: { type: 'boolean' },
    isBreaking: { type: 'boolean' },
    embedUrl: { type: ['string', 'null'] },
  },
};

export const liveEntriesDoc: RouteDoc = {
  summary: 'Entries of a live coverage (تغطية مباشرة), newest first, with cursors',
  description:
    'Readable exactly when the coverage has a published, live version in the locale. `before=<entry documentId>` pages to older entries, `after=` gives the entries right after one, `since=<ISO time>` those posted or edited since. `meta.lastEventId` is where the stream resumes.',
  tags: ['live'],
  parameters: [
    coverage,
    localeParam(),
    query('after', schemaRef('DocumentId'), 'Entries posted right after this entry'),
    query('before', schemaRef('DocumentId'), 'Entries posted before this entry (the next, older page)'),
    query('since', { type: 'string', format: 'date-time' }, 'Entries posted or edited since this time'),
    limit(100, 20),
  ],
  responses: {
    200: jsonResponse('Entries, newest first', { type: 'object', required: ['data', 'meta'], properties: { data: { type: 'array', items: entry }, meta: { type: 'object' } } }),
  },
  errors: [404],
  examples: [
    { summary: 'The newest two entries of a coverage', path: { documentId: '<liveDocumentId>' }, query: { limit: '2', locale: 'ar' } },
    notLive,
    { summary: 'Limit out of range', path: { documentId: '<documentId>' }, query: { limit: '500' }, status: 400 },
  ],
};

export const liveStreamDoc: RouteDoc = {
  summary: 'Server-Sent Events of a live coverage: entry, update, delete, end',
  description:
    '`text/event-stream`; each event carries its id — send it back as `Last-Event-ID` (or `?lastEventId=`) to replay what came after it, on any node. `end` says the coverage was taken down; the stream then closes.',
  tags: ['live'],
  parameters: [coverage, localeParam(), query('lastEventId', { type: 'string', pattern: '^[0-9]+$' }, 'Replay the events after this one')],
  responses: { 200: { description: 'The event stream', content: { 'text/event-stream': { type: 'string' } } } },
  errors: [404],
  examples: [notLive],
};

export const liveFeedDoc: RouteDoc = {
  summary: 'A live coverage as a feed: RSS 2.0, Atom 1.0 or JSON Feed 1.1, one item per entry',
  description: 'Each entry an item with its own stable `urn:uuid` id; full text for API tokens, as the article feeds.',
  tags: ['live', 'feeds'],
  parameters: [coverage, pathParam('format', { type: 'string', enum: ['rss', 'atom', 'json'] }, 'Feed format', 'rss'), localeParam(), limit(100, 30)],
  responses: {
    200: {
      description: 'The feed (media type by format)',
      content: { 'application/rss+xml': { type: 'string' }, 'application/atom+xml': { type: 'string' }, 'application/feed+json': { type: 'object', required: ['version', 'items'] } },
    },
  },
  errors: [404],
  examples: [
    { summary: 'A coverage as Atom', path: { documentId: '<liveDocumentId>', format: 'atom' }, query: { locale: 'ar' } },
    { ...notLive, path: { documentId: '<documentId>', format: 'rss' } },
  ],
};
