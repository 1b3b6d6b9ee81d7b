/**
 * What a write changed for readers: the published versions of a document
 * before and after it, compared per locale. A draft save leaves every
 * published version as it was, so it changes nothing public. Pure.
 */

/** A version as stored: its row id changes when Strapi republishes, its updatedAt when it is edited in place. */
export interface VersionStamp {
  id: unknown;
  locale: string;
  updatedAt?: unknown;
}

export interface PublicChange {
  /** Locales whose public version appeared, changed or disappeared. */
  changed: string[];
  /** Of those, the locales with no public version any more (unpublished, deleted): never served stale. */
  removed: string[];
}

const stamp = (v: VersionStamp) => `${String(v.id)}|${v.updatedAt instanceof Date ? v.updatedAt.getTime() : String(v.updatedAt ?? '')}`;

export function publicChange(before: VersionStamp[], after: VersionStamp[]): PublicChange {
  const was = new Map(before.map((v) => [v.locale, stamp(v)]));
  const is = new Map(after.map((v) => [v.locale, stamp(v)]));
  const changed = [...new Set([...was.keys(), ...is.keys()])].filter((locale) => was.get(locale) !== is.get(locale));
  return { changed, removed: changed.filter((locale) => !is.has(locale)) };
}

/** Splits keys into hard and soft evictions: a key any hard change names is hard. */
export function splitEvictions(hard: Iterable<string>, soft: Iterable<string>): { hard: string[]; soft: string[] } {
  const h = new Set(hard);
  return { hard: [...h], soft: [...new Set(soft)].filter((k) => !h.has(k)) };
}
