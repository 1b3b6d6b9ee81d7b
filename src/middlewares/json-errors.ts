import type { Context, Next } from 'koa';
import { invalid, tooLarge } from '../infra/errors';

/**
 * Request bodies the body parser cannot read get Strapi's error shape naming
 * the body, instead of a 500 and a logged stack trace: malformed JSON or
 * multipart (400) and a body over the size limit (413).
 */
export default () => async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (err) {
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.too.large' || e?.status === 413) {
      tooLarge('body', 'The request body is over the size limit');
    }
    const message = String(e?.message ?? '');
    if (err instanceof SyntaxError || e?.type === 'entity.parse.failed' || /MultipartParser|multipart/i.test(message)) {
      invalid('body', message || 'malformed body', 'Request body cannot be read (malformed JSON or multipart)');
    }
    throw err;
  }
};
