/**
 * An article date as readers expect it in the Gulf: Gregorian and Hijri
 * (Umm al-Qura, the Saudi civil calendar, named explicitly so no ICU default
 * can swap it for the tabular `islamic` calendar), in the article's language.
 * Latin digits by default (what most Gulf sites print); Arabic-Indic on request.
 */
import type { Digits } from './reading-time';

export interface FormattedDate {
  iso: string;
  gregorian: string;
  hijri: string;
}

export interface DateOptions {
  digits?: Digits;
  /** Calendar days are counted in this zone (a story at 23:30 UTC is "tomorrow" in Riyadh). */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Riyadh';

// Building an Intl formatter costs far more than formatting: keep one per combination.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tag: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone })));
  return f;
}

export function formatDate(value: string | Date, locale: string, options: DateOptions = {}): FormattedDate | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const digits = options.digits ?? 'latn';
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const lang = locale.split('-')[0];
  return {
    iso: date.toISOString(),
    gregorian: formatter(`${lang}-u-ca-gregory-nu-${digits}`, timeZone).format(date),
    hijri: formatter(`${lang}-u-ca-islamic-umalqura-nu-${digits}`, timeZone).format(date),
  };
}

/**
 * A date read from the database: SQLite gives epoch milliseconds (a number or
 * a numeric string), PostgreSQL a Date, JSON an ISO string. Null when absent or invalid.
 */
export function dbDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? null : date;
}
