/**
 * The shape and types of content-API query parameters (`filters`,
 * `pagination`, `sort`), checked before Strapi builds SQL. Strapi checks that
 * filter keys name attributes; it does not check what the values are, so
 * `filters[section][$between]=x`, `filters[$or]=x`, two operators on one
 * relation, `filters[id][$eq]=abc` or an integer past 2³¹ reached the database
 * and came back as a 500 (PostgreSQL casts strictly). Pure: the caller passes
 * how to read a content type's attributes.
 */
import type { FieldError, FieldPath } from './input-rules';
import { CONTROL_CHARACTER } from './request-checks';

export interface QueryAttribute {
  type: string;
  target?: string;
  component?: string;
  private?: boolean;
}
export type AttributeLookup = (uid: string) => Record<string, QueryAttribute> | undefined;

export interface FilterOptions {
  /**
   * Whether the caller may see unpublished versions. Without it, a filter may
   * not cross a relation into a draft & publish type: Strapi joins every
   * version there, so `sections?filters[articles][title][$containsi]=…`
   * would answer "is there an embargoed story with this headline?".
   */
  drafts: boolean;
  hasDraftAndPublish: (uid: string) => boolean;
}

const LOGICAL = new Set(['$and', '$or']);
/** Operators that compare one value. */
const SINGLE = new Set([
  '$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte',
  '$contains', '$notContains', '$containsi', '$notContainsi',
  '$startsWith', '$startsWithi', '$endsWith', '$endsWithi',
]);
const LISTS = new Set(['$in', '$notIn']);
const NULLS = new Set(['$null', '$notNull']);

/** Filter values longer than this are refused: a LIKE over 100 kB is work, not a search. */
export const MAX_FILTER_VALUE_LENGTH = 1000;
/** At most this many conditions in one `filters` tree, nested at most this deep. */
export const MAX_FILTER_CONDITIONS = 100;
export const MAX_FILTER_DEPTH = 8;

const INT32 = 2 ** 31 - 1;
const INTEGER_TYPES = new Set(['integer', 'biginteger']);
const NUMBER_TYPES = new Set(['float', 'decimal']);
const DATE_TYPES = new Set(['date', 'datetime', 'timestamp']);
/** Columns whose values are documents, not comparable scalars (PostgreSQL has no `jsonb = text`). */
const UNFILTERABLE = new Set(['json', 'blocks', 'richtext', 'dynamiczone', 'password']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/;

/** A calendar date that exists (JS reads 2025-02-31 as 3 March; PostgreSQL refuses it), optionally with a time. */
function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return false;
  return m[4] === undefined || (TIME.test(m[4].replace(/(Z|[+-]\d{2}:?\d{2})$/, '')) && !Number.isNaN(Date.parse(text)));
}

/** Why `value` cannot be compared with an attribute of `type`; null when it can. */
export function valueProblem(value: unknown, type: string): string | null {
  if (!isScalar(value)) return 'must be a single value';
  const text = String(value);
  if (text.length > MAX_FILTER_VALUE_LENGTH) return `must be at most ${MAX_FILTER_VALUE_LENGTH} characters`;
  if (CONTROL_CHARACTER.test(text)) return 'must not contain control characters';
  if (INTEGER_TYPES.has(type) || type === 'increments') {
    if (!/^-?\d{1,19}$/.test(text)) return 'must be an integer';
    if (type !== 'biginteger' && Math.abs(Number(text)) > INT32) return `must be an integer between -${INT32} and ${INT32}`;
  } else if (NUMBER_TYPES.has(type)) {
    if (text.trim() === '' || !Number.isFinite(Number(text))) return 'must be a number';
  } else if (type === 'boolean') {
    if (!/^(true|false|1|0)$/i.test(text)) return 'must be true or false';
  } else if (DATE_TYPES.has(type)) {
    if (!isIsoDate(text)) return 'must be an ISO 8601 date';
  } else if (type === 'time') {
    if (!TIME.test(text)) return 'must be a time (HH:mm:ss)';
  }
  return null;
}

interface Walk {
  lookup: AttributeLookup;
  options: FilterOptions;
  errors: FieldError[];
  conditions: number;
}

/** `id` and `documentId` are on every content type without being attributes. */
function attributeOf(walk: Walk, uid: string, key: string): QueryAttribute | undefined {
  if (key === 'id') return { type: 'increments' };
  if (key === 'documentId') return { type: 'string' };
  return walk.lookup(uid)?.[key];
}

function fail(walk: Walk, path: FieldPath, message: string): void {
  if (walk.errors.length < 20) walk.errors.push({ path, message });
}

/** Operators applied to one scalar attribute: `{ $eq: 1 }`, `{ $between: [a, b] }`, `{ $not: { … } }`… */
function checkOperators(walk: Walk, value: unknown, type: string, path: FieldPath, depth: number): void {
  if (depth > MAX_FILTER_DEPTH) return fail(walk, path, `nests deeper than ${MAX_FILTER_DEPTH} levels`);
  if (!isRecord(value)) {
    // `filters[title]=x` is an implicit $eq; a list is an implicit $in.
    for (const [i, v] of (Array.isArray(value) ? value : [value]).entries()) {
      const problem = valueProblem(v, type);
      if (problem) fail(walk, Array.isArray(value) ? [...path, i] : path, problem);
    }
    return;
  }
  for (const [op, operand] of Object.entries(value)) {
    const at = [...path, op];
    if (++walk.conditions > MAX_FILTER_CONDITIONS) return fail(walk, at, `too many conditions (at most ${MAX_FILTER_CONDITIONS})`);
    if (SINGLE.has(op)) {
      const problem = valueProblem(operand, type);
      if (problem) fail(walk, at, problem);
    } else if (LISTS.has(op)) {
      const list = Array.isArray(operand) ? operand : [operand];
      if (list.length === 0 || list.length > MAX_FILTER_CONDITIONS) fail(walk, at, `must list 1 to ${MAX_FILTER_CONDITIONS} values`);
      list.forEach((v, i) => {
        const problem = valueProblem(v, type);
        if (problem) fail(walk, [...at, i], problem);
      });
    } else if (op === '$between') {
      if (!Array.isArray(operand) || operand.length !== 2) fail(walk, at, 'must be a list of exactly two values');
      else operand.forEach((v, i) => {
        const problem = valueProblem(v, type);
        if (problem) fail(walk, [...at, i], problem);
      });
    } else if (NULLS.has(op)) {
      if (!/^(true|false|1|0)$/i.test(String(operand)) || !isScalar(operand)) fail(walk, at, 'must be true or false');
    } else if (op === '$not') {
      checkOperators(walk, operand, type, at, depth + 1);
    } else if (LOGICAL.has(op)) {
      if (!Array.isArray(operand)) fail(walk, at, 'must be a list of conditions');
      else operand.forEach((v, i) => checkOperators(walk, v, type, [...at, i], depth + 1));
    } else {
      fail(walk, at, op.startsWith('$') ? 'is not a filter operator' : 'is not an operator of this attribute');
    }
  }
}

/** A filters object of content type `uid`: attribute names, logical operators, and relations to follow. */
function checkObject(walk: Walk, value: unknown, uid: string, path: FieldPath, depth: number): void {
  if (depth > MAX_FILTER_DEPTH) return fail(walk, path, `nests deeper than ${MAX_FILTER_DEPTH} levels`);
  if (Array.isArray(value)) return value.forEach((v, i) => checkObject(walk, v, uid, [...path, i], depth + 1));
  if (!isRecord(value)) return fail(walk, path, 'must be an object of attributes and operators');
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, key];
    if (LOGICAL.has(key)) {
      if (!Array.isArray(child)) fail(walk, at, 'must be a list of conditions');
      else child.forEach((v, i) => checkObject(walk, v, uid, [...at, i], depth + 1));
      continue;
    }
    if (key === '$not') {
      checkObject(walk, child, uid, at, depth + 1);
      continue;
    }
    if (key.startsWith('$')) {
      fail(walk, at, 'an operator must follow an attribute name');
      continue;
    }
    const attribute = attributeOf(walk, uid, key);
    if (!attribute) continue; // Strapi's own validator names unknown and private keys
    const target = attribute.type === 'relation' ? attribute.target : attribute.type === 'component' ? attribute.component : attribute.type === 'media' ? 'plugin::upload.file' : undefined;
    if (target && attribute.type === 'relation' && !walk.options.drafts && walk.options.hasDraftAndPublish(target)) {
      fail(walk, at, 'cannot be filtered on without the drafts permission (its unpublished versions would answer)');
    } else if (target) {
      checkRelation(walk, child, target, at, depth + 1);
    } else if (UNFILTERABLE.has(attribute.type)) {
      fail(walk, at, `cannot be filtered (a ${attribute.type} field)`);
    } else {
      checkOperators(walk, child, attribute.type, at, depth + 1);
    }
  }
}

/**
 * A relation takes either conditions on the related type's attributes, or
 * one operator comparing the related id (`filters[section][$eq]=3`): the query
 * builder refuses two operators on one relation with an internal error.
 */
function checkRelation(walk: Walk, value: unknown, target: string, path: FieldPath, depth: number): void {
  if (!isRecord(value)) return checkOperators(walk, value, 'increments', path, depth);
  const operators = Object.keys(value).filter((k) => k.startsWith('$') && !LOGICAL.has(k) && k !== '$not');
  if (operators.length > 1) fail(walk, path, `takes one operator comparing the related id, not ${operators.length}; combine conditions with $and`);
  const idOps = Object.fromEntries(operators.map((op) => [op, value[op]]));
  if (operators.length) checkOperators(walk, idOps, 'increments', path, depth);
  const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !operators.includes(k)));
  checkObject(walk, rest, target, path, depth);
}

/** Problems with `filters` of content type `uid` (paths start with `path`, `filters` by default). */
export function filterProblems(filters: unknown, uid: string, lookup: AttributeLookup, options: FilterOptions, path: FieldPath = ['filters']): FieldError[] {
  if (filters === undefined || filters === null || filters === '') return [];
  const walk: Walk = { lookup, options, errors: [], conditions: 0 };
  checkObject(walk, filters, uid, path, 0);
  return walk.errors;
}

/** The `filters` inside a populate tree (`populate[section][filters][…]`), checked the same way. */
export function populateFilterProblems(populate: unknown, uid: string, lookup: AttributeLookup, options: FilterOptions, path: FieldPath = ['populate']): FieldError[] {
  if (!isRecord(populate)) return [];
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(populate)) {
    const attribute = lookup(uid)?.[name];
    const target = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : attribute?.type === 'media' ? 'plugin::upload.file' : undefined;
    if (!target || !isRecord(value)) continue;
    errors.push(...filterProblems(value.filters, target, lookup, options, [...path, name, 'filters']));
    errors.push(...populateFilterProblems(value.populate, target, lookup, options, [...path, name, 'populate']));
  }
  return errors;
}

/**
 * REST pagination: page sizes over `maxLimit` (and `limit=-1`, "everything")
 * are refused rather than silently cut to `maxLimit`, as on GraphQL, feeds
 * and search — a partner asking for 1000 items should be told.
 */
export function paginationProblems(pagination: unknown, maxLimit: number, root: FieldPath = ['pagination']): FieldError[] {
  if (pagination === undefined || pagination === null) return [];
  if (!isRecord(pagination)) return [{ path: root, message: 'must be an object (pagination[page], pagination[pageSize]…)' }];
  const errors: FieldError[] = [];
  const int = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN);
  for (const key of ['pageSize', 'limit'] as const) {
    if (pagination[key] === undefined) continue;
    const n = int(pagination[key]);
    if (!Number.isInteger(n) || n < 1 || n > maxLimit) errors.push({ path: [...root, key], message: `must be an integer between 1 and ${maxLimit}` });
  }
  for (const key of ['page', 'start'] as const) {
    if (pagination[key] === undefined) continue;
    const n = int(pagination[key]);
    const min = key === 'page' ? 1 : 0;
    if (!Number.isInteger(n) || n < min || n > 1_000_000) errors.push({ path: [...root, key], message: `must be an integer ≥ ${min}` });
  }
  if ((pagination.page !== undefined || pagination.pageSize !== undefined) && (pagination.start !== undefined || pagination.limit !== undefined)) {
    errors.push({ path: root, message: 'takes page/pageSize or start/limit, not both' });
  }
  if (typeof pagination.withCount !== 'undefined' && !/^(true|false)$/.test(String(pagination.withCount))) {
    errors.push({ path: [...root, 'withCount'], message: 'must be true or false' });
  }
  return errors;
}

/** `sort=title:asc`, `sort[0]=title:desc`, `sort[title]=asc`: directions are asc or desc. */
export function sortProblems(sort: unknown): FieldError[] {
  if (sort === undefined || sort === null) return [];
  const errors: FieldError[] = [];
  const checkText = (text: unknown, path: FieldPath) => {
    if (typeof text !== 'string') return errors.push({ path, message: 'must be field names with :asc or :desc' });
    for (const part of text.split(',')) {
      const dir = part.split(':')[1];
      if (dir !== undefined && !/^(asc|desc)$/i.test(dir.trim())) errors.push({ path, message: `"${dir}" is not asc or desc` });
    }
  };
  const checkObjectSort = (value: Record<string, unknown>, path: FieldPath): void => {
    for (const [key, dir] of Object.entries(value)) {
      if (isRecord(dir)) checkObjectSort(dir, [...path, key]);
      else if (typeof dir !== 'string' || !/^(asc|desc)$/i.test(dir)) errors.push({ path: [...path, key], message: 'must be asc or desc' });
    }
  };
  if (Array.isArray(sort)) sort.forEach((s, i) => (isRecord(s) ? checkObjectSort(s, ['sort', i]) : checkText(s, ['sort', i])));
  else if (isRecord(sort)) checkObjectSort(sort, ['sort']);
  else checkText(sort, ['sort']);
  return errors;
}

/** `fields=title,slug` or `fields[0]=title`: attribute names as text. */
export function fieldsProblems(fields: unknown, path: FieldPath = ['fields']): FieldError[] {
  if (fields === undefined || fields === null || typeof fields === 'string') return [];
  if (Array.isArray(fields) && fields.every((f) => typeof f === 'string')) return [];
  return [{ path, message: 'must be attribute names (fields[0]=title or fields=title,slug)' }];
}
