import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { NewsroomConfig } from '../../config/newsroom';

/**
 * Benchmark instrument, inert unless BENCH_QUERY_COUNT=true: counts the SQL
 * statements (knex 'query' events) issued while serving each request and
 * reports them in an `X-Query-Count` response header. AsyncLocalStorage ties
 * each query to the request that caused it, also under concurrency.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  if (!(strapi.config.get('newsroom') as NewsroomConfig).benchQueryCount) return (_ctx: unknown, next: Next) => next();

  const requests = new AsyncLocalStorage<{ count: number }>();
  let listening = false;

  return async (ctx: Context, next: Next) => {
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
