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
import type { FeedService } from './feed/services/feed';
import type { LiveService } from './live/services/live';
import type { PreviewService } from './preview/services/preview';
import type { SearchService } from './search/services/search';
import type { SiteService } from './site/services/site';
import type { SitemapService } from './sitemap/services/sitemap';

const get = <T>(strapi: Core.Strapi, uid: string): T => strapi.service(uid as Parameters<Core.Strapi['service']>[0]) as unknown as T;

export const articleService = (strapi: Core.Strapi) => get<ArticleService>(strapi, 'api::article.article');
export const readModelService = (strapi: Core.Strapi) => get<ReadModelService>(strapi, 'api::article.read-model');
export const scheduleService = (strapi: Core.Strapi) => get<ScheduleService>(strapi, 'api::article.schedule');
export const siteService = (strapi: Core.Strapi) => get<SiteService>(strapi, 'api::site.site');
export const searchService = (strapi: Core.Strapi) => get<SearchService>(strapi, 'api::search.search');
export const feedService = (strapi: Core.Strapi) => get<FeedService>(strapi, 'api::feed.feed');
export const sitemapService = (strapi: Core.Strapi) => get<SitemapService>(strapi, 'api::sitemap.sitemap');
export const previewService = (strapi: Core.Strapi) => get<PreviewService>(strapi, 'api::preview.preview');
export const liveService = (strapi: Core.Strapi) => get<LiveService>(strapi, 'api::live.live');
