/**
 * The one way request validation fails: throw a Strapi error carrying the
 * fields at fault; `strapi::errors` (or GraphQL's formatter) writes Strapi's
 * error shape — `{ data: null, error: { status, name, message, details: { errors: [{ path, message }] } } }`.
 * Only the two middlewares that run before strapi::errors (the request guard
 * and the response cache) write error responses themselves (src/infra/http.ts).
 */
import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import type { FieldError, FieldPath } from '../lib/input-rules';

const asPath = (field: string | FieldPath): FieldPath => (typeof field === 'string' ? [field] : field);
const details = (list: FieldError[], name: string) => ({ errors: list.map((e) => ({ ...e, name })) });
const describe = (list: FieldError[]) => list.map((e) => `${e.path.join('.')} ${e.message}`).join('; ');

/** 400 for several problems at once (each names its field). */
export function invalidFields(list: FieldError[], summary = `Invalid request: ${describe(list)}`): never {
  throw new errors.ValidationError(summary, details(list, 'ValidationError'));
}

/** 400 naming one field. */
export function invalid(field: string | FieldPath, message: string, summary?: string): never {
  return invalidFields([{ path: asPath(field), message }], summary ?? `${asPath(field).join('.')} ${message}`);
}

/** 404 naming what was looked for. */
export function notFound(field: string | FieldPath, summary: string): never {
  throw new errors.NotFoundError(summary, details([{ path: asPath(field), message: 'not found' }], 'NotFoundError'));
}

/**
 * 403 that keeps its message: Strapi's route authorization turns any other
 * ForbiddenError thrown below it into a bare "Forbidden".
 */
export function refuse(field: string | FieldPath, message: string, summary: string): never {
  throw new errors.PolicyError(summary, details([{ path: asPath(field), message }], 'ForbiddenError'));
}

/** 413 naming the field (the request body). */
export function tooLarge(field: string | FieldPath, summary: string): never {
  throw new errors.PayloadTooLargeError(summary, details([{ path: asPath(field), message: 'is too large' }], 'PayloadTooLargeError'));
}

/**
 * 401 that keeps its message and field. Strapi's route authorization turns an
 * UnauthorizedError thrown below it into a bare "Unauthorized"; an HTTP error
 * passes through and strapi::errors writes it in the same shape.
 */
export function unauthorized(field: string | FieldPath, message: string, summary: string): never {
  throw createHttpError(401, summary, { details: details([{ path: asPath(field), message }], 'UnauthorizedError') });
}

/** 503 naming what is unavailable; the caller sets Retry-After. Writes made so far were rolled back. */
export function unavailable(field: string | FieldPath, summary: string): never {
  throw createHttpError(503, summary, { details: details([{ path: asPath(field), message: 'is unavailable' }], 'ServiceUnavailableError') });
}

/** 409 naming what is in the way (e.g. another editor's lock on the version). */
export function conflict(field: string | FieldPath, message: string, summary: string, extra: Record<string, unknown> = {}): never {
  throw createHttpError(409, summary, { details: { ...details([{ path: asPath(field), message }], 'ConflictError'), ...extra } });
}
