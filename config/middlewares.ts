import type { Core } from '@strapi/strapi';

/** Origins allowed to call the API from a browser (with credentials): CORS_ORIGINS, else the admin's and the frontend's. */
function corsOrigins(env: Core.Config.Shared.ConfigParams['env']): string[] {
  const listed = env.array('CORS_ORIGINS', []).map((o: string) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  if (listed.length) return listed;
  const origin = (url: string) => {
    try {
      return new URL(url).origin;
    } catch {
      return null;
    }
  };
  const port = env.int('PORT', 1337);
  const publicUrl: string = env('PUBLIC_URL', '');
  const own = publicUrl ? [origin(publicUrl)] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return [...own, origin(env('FRONTEND_URL', ''))].filter((o): o is string => !!o);
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const origins = corsOrigins(env);
  return [
    'global::drain', // a node shutting down says Connection: close, /_health 503 (src/bootstrap/graceful-shutdown.ts)
    'global::query-count', // benchmark instrument, inert unless BENCH_QUERY_COUNT=true
    // Per request: the Origin is echoed only when it is allowed; `*` in CORS_ORIGINS opens reads to every site, without credentials.
    { name: 'strapi::cors', config: { origin: origins, credentials: !origins.includes('*') } },
    // Control characters, Authorization shape and rate limits, before the cache so hits are counted.
    'global::request-guard',
    // br/gzip by Accept-Encoding: streams (static files, admin assets) here; what is rendered in memory
    // in one call below; the cache stores its entries already compressed and marks them Content-Encoding.
    'strapi::compression',
    'global::compress',
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
    {
      name: 'strapi::body',
      config: {
        jsonLimit: env('BODY_JSON_LIMIT', '2mb'),
        formLimit: '1mb',
        textLimit: '1mb',
        formidable: { maxFileSize: env.int('UPLOAD_MAX_BYTES', 50 * 1024 * 1024) },
      },
    },
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;
