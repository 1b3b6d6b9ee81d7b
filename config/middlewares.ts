import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'global::query-count', // benchmark instrument, inert unless BENCH_QUERY_COUNT=true
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  // Before query parsing: a cache hit needs nothing else (only 200s are stored, so bad locales still 400).
  'global::response-cache',
  'strapi::query',
  'global::locale-guard',
  'global::json-errors',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
