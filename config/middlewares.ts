import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'global::query-count', // benchmark instrument, inert unless BENCH_QUERY_COUNT=true
  'strapi::cors', // per request: CORS headers depend on the caller's Origin
  // A hit is answered here, before the rest runs (the original response's headers are replayed; only
  // 200s are stored, so bad locales still get their 400 from the guard below). Hits are not logged.
  'global::response-cache',
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::poweredBy',
  'strapi::query',
  'global::locale-guard',
  'global::json-errors',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
