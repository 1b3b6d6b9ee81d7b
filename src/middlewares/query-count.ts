import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/**
 * Benchmark instrument, inert unless BENCH_QUERY_COUNT=true: counts the SQL
 * statements (knex 'query' events) issued while serving each request and
 * reports them in an `X-Query-Count` response header. AsyncLocalStorage ties
 * each query to the request that caused it, also under concurrency.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  if (process.env.BENCH_QUERY_COUNT !== 'true') return (_ctx: unknown, next: () => Promise<void>) => next();

  const requests = new AsyncLocalStorage<{ count: number }>();
  let listening = false;

  return async (ctx: any, next: () => Promise<void>) => {
    if (!listening) {
      // The connection exists once Strapi has loaded, i.e. by the first request.
      strapi.db.connection.on('query', () => {
        const store = requests.getStore();
        if (store) store.count++;
      });
      listening = true;
    }
    const store = { count: 0 };
    await requests.run(store, next);
    ctx.set('X-Query-Count', String(store.count));
  };
};
