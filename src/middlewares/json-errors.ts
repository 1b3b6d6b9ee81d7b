import { sendError } from '../services/http-errors';

/**
 * Request bodies the body parser cannot read get Strapi's error shape naming
 * the body, instead of a 500 and a logged stack trace: malformed JSON or
 * multipart (400) and a body over the size limit (413).
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (err: any) {
    if (ctx.body !== undefined && ctx.body !== null) throw err;
    const message = String(err?.message ?? '');
    if (err?.type === 'entity.too.large' || err?.status === 413) {
      return sendError(ctx, 413, 'PayloadTooLargeError', 'The request body is over the size limit', [{ path: ['body'], message: 'is too large' }]);
    }
    const unreadable = err instanceof SyntaxError || err?.type === 'entity.parse.failed' || /MultipartParser|multipart/i.test(message);
    if (!unreadable) throw err;
    sendError(ctx, 400, 'ValidationError', 'Request body cannot be read (malformed JSON or multipart)', [{ path: ['body'], message: message || 'malformed body' }]);
  }
};
