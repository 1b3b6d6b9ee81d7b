import { sendError } from '../services/http-errors';

/**
 * Turns a request body that is not valid JSON into Strapi's 400 error shape
 * naming the body, instead of a bare SyntaxError (and a logged stack trace).
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (err: any) {
    const isParseError = err instanceof SyntaxError || err?.type === 'entity.parse.failed';
    if (!isParseError || ctx.body !== undefined) throw err;
    sendError(ctx, 400, 'ValidationError', 'Request body is not valid JSON', [
      { path: ['body'], message: String(err.message ?? 'malformed JSON') },
    ]);
  }
};
