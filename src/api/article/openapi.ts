/**
 * API reference declarations of the article routes (src/lib/openapi/types.ts
 * RouteDoc), attached to each route as `config.openapi`. The core list and
 * detail are described by Strapi's generator; these add our parameters, the
 * computed response fields and the examples (demo content).
 */
import { digitsParam, documentSchema, fallbackParam, jsonResponse, localeParam, pathParam, query, schemaRef, slugFilterParams } from '../../lib/openapi/declare';
import type { JsonSchema, RouteDoc } from '../../lib/openapi/types';

const ARTICLE = 'api::article.article';
export const DEMO_SLUG = 'وزراء-خارجية-الناتو-يجتمعون-في-بروكسل-لبحث-الإنفاق-الدفاعي-وأوكرانيا-والتحضير-لقمة-لاهاي';

const formattedDate: JsonSchema = {
  anyOf: [
    {
      type: 'object',
      required: ['iso', 'gregorian', 'hijri'],
      additionalProperties: false,
      properties: {
        iso: { type: 'string', format: 'date-time' },
        gregorian: { type: 'string', examples: ['2 ديسمبر 2026'] },
        hijri: { type: 'string', description: 'Umm al-Qura calendar', examples: ['22 جمادى الآخرة 1448 هـ'] },
      },
    },
    { type: 'null' },
  ],
};

/** Fields every article response carries besides its attributes (src/lib/article-extras.ts). */
const articleExtras: Record<string, JsonSchema> = {
  readingTimeLabel: { type: 'string', readOnly: true, description: 'Reading time in the article\'s language, e.g. «3 دقائق»', examples: ['3 دقائق'] },
  dates: {
    type: 'object',
    readOnly: true,
    required: ['firstPublishedAt'],
    additionalProperties: false,
    description: 'firstPublishedAt formatted in the article\'s language, Gregorian and Hijri (digits per `digits`)',
    properties: { firstPublishedAt: formattedDate },
  },
  jsonLd: { type: 'string', readOnly: true, description: 'schema.org NewsArticle as JSON text, safe to place inside <script type="application/ld+json">' },
  alternates: {
    type: 'array',
    readOnly: true,
    description: 'The published editions of the story (this one included), for hreflang: locale and public URL',
    items: { type: 'object', required: ['locale', 'url'], additionalProperties: false, properties: { locale: schemaRef('Locale'), url: { type: 'string', format: 'uri' } } },
  },
  robots: {
    type: 'string',
    readOnly: true,
    description: 'Content for the page\'s <meta name="robots">: index/noindex (seo.noIndex) and max-image-preview (seo.maxImagePreview, `large` unless the editor restricted it: what Google Discover needs for large images)',
    examples: ['index, follow, max-image-preview:large'],
  },
  snippet: { type: 'string', readOnly: true, description: 'Search results only: HTML cut from the text, `<mark>` around the matches (everything else escaped)' },
};

const populate = query('populate', { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }] }, 'Strapi populate (replaces the `full` preset)', { style: 'deepObject', explode: true });
const fields = query('fields', { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, 'Strapi fields (replaces the `full` preset)', { style: 'deepObject', explode: true });
const status = query('status', { type: 'string', enum: ['published', 'draft'] }, '`draft` needs the drafts permission (a preview token); 403 otherwise');

const oneArticle = (description: string) => jsonResponse(description, { type: 'object', required: ['data', 'meta'], additionalProperties: false, properties: { data: documentSchema(ARTICLE), meta: schemaRef('SingleMeta') } });

export const articleList: RouteDoc = {
  summary: 'List articles (card preset), newest first',
  description:
    'Cards: title, slug, excerpt, cover, section, authors, tags, firstPublishedAt, isBreaking, plus `readingTimeLabel`, `dates` and `jsonLd`. `section`, `author` and `tag` filter by slug and combine with Strapi `filters`. Passing `fields`, `populate` or `sort` replaces the preset.',
  tags: ['articles'],
  parameters: [...slugFilterParams('the articles'), digitsParam],
  entityProperties: articleExtras,
  examples: [
    { summary: 'Arabic front page (default locale)' },
    { summary: 'English, page 1 of 5 per page', query: { locale: 'en', 'pagination[page]': '1', 'pagination[pageSize]': '5' } },
    { summary: 'One section and tag, by their Arabic slugs', query: { section: 'دولي', tag: 'الناتو' } },
    { summary: 'Breaking news with Arabic-Indic digits', query: { 'filters[isBreaking][$eq]': 'true', digits: 'arab' } },
    { summary: 'Unknown locale', query: { locale: 'xx' }, status: 400 },
  ],
};

export const articleOne: RouteDoc = {
  summary: 'One article (full preset) by documentId',
  description: 'Adds body, relatedLinks (with the linked article\'s title, slug and documentId), seo, dateline, source and corrections to the card fields.',
  tags: ['articles'],
  parameters: [fallbackParam, digitsParam],
  examples: [
    { summary: 'An Arabic article', path: { id: '<documentId>' } },
    { summary: 'English, else Arabic', path: { id: '<documentId>' }, query: { locale: 'en', fallback: 'ar' } },
    { summary: 'No such document', path: { id: 'zzzzzzzzzzzzzzzzzzzzzzzz' }, status: 404 },
  ],
};

export const articleBySlug: RouteDoc = {
  summary: 'One article (full preset) by slug',
  description:
    'Slugs are Unicode: send Arabic slugs raw or percent-encoded. With `fallback`, a slug not found in `locale` is looked up in the fallback locale and that document\'s `locale` version is served when it exists.',
  tags: ['articles'],
  parameters: [
    pathParam('slug', { type: 'string', minLength: 1, maxLength: 120 }, 'The article slug in that locale', DEMO_SLUG),
    localeParam(),
    fallbackParam,
    digitsParam,
    status,
    fields,
    populate,
  ],
  responses: { 200: oneArticle('The article') },
  errors: [403, 404],
  examples: [
    { summary: 'By Arabic slug', path: { slug: DEMO_SLUG }, query: { locale: 'ar' } },
    { summary: 'English edition of an Arabic slug', path: { slug: DEMO_SLUG }, query: { locale: 'en', fallback: 'ar' } },
    { summary: 'Unknown slug', path: { slug: 'لا-يوجد-خبر-بهذا-العنوان' }, status: 404 },
  ],
};

export const articleDraft: RouteDoc = {
  summary: 'The draft version of an article (preview frontends)',
  description: 'Needs a token with the drafts permission: `npm run token -- preview "Frontend"`. Same presets and extras as the detail.',
  tags: ['articles', 'preview'],
  parameters: [localeParam(), fallbackParam, digitsParam, fields, populate],
  responses: { 200: oneArticle('The draft version') },
  errors: [403, 404],
  security: 'required',
  examples: [
    { summary: 'Draft of an Arabic article', path: { id: '<documentId>' }, query: { locale: 'ar' }, caller: 'preview' },
    { summary: 'Without the drafts permission', path: { id: '<documentId>' }, status: 403 },
  ],
};

const revisionsList = jsonResponse('Revisions, newest first', { type: 'object', required: ['data', 'meta'], properties: { data: { type: 'array', items: { type: 'object', required: ['id'] } }, meta: { type: 'object' } } });
const oneRevision = jsonResponse('One revision: the document as saved, who, when, which action, whether it was the published version', { type: 'object', required: ['data'], properties: { data: { type: 'object', required: ['id'] }, meta: { type: 'object' } } });
const revisionExamples = (extra: Record<string, string> = {}) => [
  { summary: 'Without the drafts permission', path: { id: '<documentId>', ...extra }, status: 403 },
];

export const articleRevisions: RouteDoc = {
  summary: 'Revisions of an article locale version (the desk), newest first',
  description: 'Every save is a revision (draft saves, publish, unpublish, scheduled actions, any path). A revision of an unpublished version is a draft: needs the drafts permission.',
  tags: ['articles', 'desk'],
  parameters: [localeParam(), query('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number'), query('pageSize', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Revisions per page')],
  responses: { 200: revisionsList },
  errors: [403, 404],
  security: 'required',
  examples: [{ summary: 'The Arabic version\'s history', path: { id: '<documentId>' }, query: { locale: 'ar' }, caller: 'preview' }, ...revisionExamples()],
};

export const articleRevision: RouteDoc = {
  summary: 'One revision of an article',
  tags: ['articles', 'desk'],
  parameters: [pathParam('revisionId', { type: 'string', pattern: '^[0-9]+$' }, 'The revision id (from the list)')],
  responses: { 200: oneRevision },
  errors: [403, 404],
  security: 'required',
  examples: [{ summary: 'No such revision', path: { id: '<documentId>', revisionId: '999999999' }, caller: 'preview', status: 404 }, ...revisionExamples({ revisionId: '1' })],
};

export const articlePublishedAt: RouteDoc = {
  summary: 'What was public at a time T (the published revision then in force)',
  description: '"What exactly did we publish at 14:05?": the revision of the locale version that was published at `at`; 404 when the version was not public then.',
  tags: ['articles', 'desk'],
  parameters: [localeParam(), query('at', { type: 'string', format: 'date-time' }, 'ISO 8601 with a time zone', { required: true, example: '2026-03-01T14:05:00+03:00' })],
  responses: { 200: oneRevision },
  errors: [403, 404],
  security: 'required',
  examples: [
    { summary: 'Before the story existed', path: { id: '<documentId>' }, query: { locale: 'ar', at: '2001-01-01T00:00:00+03:00' }, caller: 'preview', status: 404 },
    { summary: 'Not a date', path: { id: '<documentId>' }, query: { at: 'yesterday' }, caller: 'preview', status: 400 },
    ...revisionExamples(),
  ],
};
