/**
 * Apollo plugin: an anonymous GraphQL GET (a persisted query) that succeeded
 * is as public and cacheable as the REST response with the same content, so
 * it gets the same Cache-Control; the response cache (src/middlewares/
 * response-cache.ts) and CDNs may then keep it. Apollo's own default marks
 * every response `no-store` when no field carries a cache hint. POSTs,
 * callers with a token and results with errors keep `no-store`.
 */
import { CACHE_CONTROL } from '../lib/http-cache';

interface HttpRequestContext {
  request: { http?: { method: string; headers: Map<string, string> } };
  response: { http: { headers: Map<string, string> }; body: { kind: string; singleResult?: { errors?: unknown } } };
}

export function httpCachingPlugin() {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }: HttpRequestContext) {
          const http = request.http;
          const clean = response.body.kind === 'single' && !response.body.singleResult?.errors;
          if (http?.method === 'GET' && !http.headers.get('authorization') && clean) response.http.headers.set('cache-control', CACHE_CONTROL.public);
        },
      };
    },
  };
}
