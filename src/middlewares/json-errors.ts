import type { Context, Next } from 'koa';
import { isDatabaseUnavailable } from '../lib/database-errors';
import { invalid, tooLarge, unavailable } from '../infra/errors';

/** Seconds a client is told to wait when the database is unreachable (PostgreSQL restarts take a few). */
const RETRY_AFTER_SECONDS = 5;

/**
 * Errors that are not the application's fault get Strapi's error shape
 * naming their cause, instead of a 500 and a logged stack trace: request
 * bodies the body parser cannot read — malformed JSON or multipart (400), a
 * body over the size limit (413) — and a database that cannot be reached
 * (503 with Retry-After; a write's transaction was rolled back, nothing half-written).
 */
export default () => async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (err) {
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.too.large' || e?.status === 413) {
      tooLarge('body', 'The request body is over the size limit');
    }
    if (isDatabaseUnavailable(err)) {
      ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
      unavailable('database', 'The database is unavailable; retry shortly');
    }
    const message = String(e?.message ?? '');
    if (err instanceof SyntaxError || e?.type === 'entity.parse.failed' || /MultipartParser|multipart/i.test(message)) {
      invalid('body', message || 'malformed body', 'Request body cannot be read (malformed JSON or multipart)');
    }
    throw err;
  }
};
