/**
 * Typed getters for our services, as Strapi's own plugins have
 * (packages/plugins/i18n/server/src/utils getService). `strapi.service()` is
 * typed for core methods only; each getter names the service's real type
 * once. (Files at the root of src/api are not loaded by Strapi: only folders.)
 */
import type { Core } from '@strapi/strapi';
import type { ArticleService } from './article/services/article';
import type { ReadModelService } from './article/services/read-model';
import type { ScheduleService } from './article/services/schedule';
import type { RevisionsService } from './article/services/revisions';
import type { LocksService } from './article/services/locks';
import type { ReviewService } from './article/services/review';
import type { FeedService } from './feed/services/feed';
import type { ImportMapService } from './import/services/import-map';
import type { WireService } from './import/services/wire';
import type { WordpressImportService } from './import/services/wordpress';
import type { OpenapiService } from './openapi/services/openapi';
import type { NoticesService } from './feed/services/notices';
import type { OutboxService } from './partner-endpoint/services/outbox';
import type { LiveService } from './live/services/live';
import type { PreviewService } from './preview/services/preview';
import type { SearchService } from './search/services/search';
import type { SiteService } from './site/services/site';
import type { SitemapService } from './sitemap/services/sitemap';

const get = <T>(strapi: Core.Strapi, uid: string): T => strapi.service(uid as Parameters<Core.Strapi['service']>[0]) as unknown as T;

export const articleService = (strapi: Core.Strapi) => get<ArticleService>(strapi, 'api::article.article');
export const readModelService = (strapi: Core.Strapi) => get<ReadModelService>(strapi, 'api::article.read-model');
export const scheduleService = (strapi: Core.Strapi) => get<ScheduleService>(strapi, 'api::article.schedule');
export const revisionsService = (strapi: Core.Strapi) => get<RevisionsService>(strapi, 'api::article.revisions');
export const locksService = (strapi: Core.Strapi) => get<LocksService>(strapi, 'api::article.locks');
export const reviewService = (strapi: Core.Strapi) => get<ReviewService>(strapi, 'api::article.review');
export const siteService = (strapi: Core.Strapi) => get<SiteService>(strapi, 'api::site.site');
export const searchService = (strapi: Core.Strapi) => get<SearchService>(strapi, 'api::search.search');
export const feedService = (strapi: Core.Strapi) => get<FeedService>(strapi, 'api::feed.feed');
export const sitemapService = (strapi: Core.Strapi) => get<SitemapService>(strapi, 'api::sitemap.sitemap');
export const previewService = (strapi: Core.Strapi) => get<PreviewService>(strapi, 'api::preview.preview');
export const importMapService = (strapi: Core.Strapi) => get<ImportMapService>(strapi, 'api::import.import-map');
export const wordpressImportService = (strapi: Core.Strapi) => get<WordpressImportService>(strapi, 'api::import.wordpress');
export const wireService = (strapi: Core.Strapi) => get<WireService>(strapi, 'api::import.wire');
export const openapiService = (strapi: Core.Strapi) => get<OpenapiService>(strapi, 'api::openapi.openapi');
export const noticesService = (strapi: Core.Strapi) => get<NoticesService>(strapi, 'api::feed.notices');
export const outboxService = (strapi: Core.Strapi) => get<OutboxService>(strapi, 'api::partner-endpoint.outbox');
export const liveService = (strapi: Core.Strapi) => get<LiveService>(strapi, 'api::live.live');
