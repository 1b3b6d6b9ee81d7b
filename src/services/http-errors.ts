import type { FieldError } from '../lib/input-rules';

const NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  429: 'RateLimitError',
};

/** Writes an error in Strapi's own REST error shape, so clients parse one format everywhere. */
export function sendError(
  ctx: any,
  status: number,
  name: string | undefined,
  message: string,
  errors: FieldError[] = [],
): void {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = {
    data: null,
    error: {
      status,
      name: name ?? NAMES[status] ?? 'ApplicationError',
      message,
      details: errors.length ? { errors: errors.map((e) => ({ ...e, name: 'ValidationError' })) } : {},
    },
  };
}
