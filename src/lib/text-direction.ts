/**
 * Which way the admin's editing surfaces run (pure; used by src/admin).
 * The content-manager names the version being edited in the query string
 * (`plugins[i18n][locale]=ar`, as its list rows and locale switcher link it);
 * without it the default locale is edited.
 */
export const RTL_LOCALES = new Set(['ar', 'fa', 'he', 'ur']);

/** Whether a locale code (ar, ar-SA, fa…) is written right-to-left. */
export const isRtlLocale = (locale: string): boolean => RTL_LOCALES.has(locale.split('-')[0].toLowerCase());
export const DEFAULT_CONTENT_LOCALE = 'ar';

/** The content locale of a content-manager URL (`location.search`). */
export function contentLocaleOf(search: string, fallback = DEFAULT_CONTENT_LOCALE): string {
  const params = new URLSearchParams(search);
  // Older links of ours say `plugin[i18n][locale]` (singular), which Strapi itself ignores.
  return params.get('plugins[i18n][locale]') || params.get('plugin[i18n][locale]') || fallback;
}

export interface FieldInfo {
  type?: string | null;
  name?: string | null;
}

/**
 * 'rtl' or 'ltr' for an input/textarea/contenteditable of the edit view:
 * the version's locale decides, except for fields that hold Latin-only
 * machine text (URLs, e-mail addresses, numbers), which stay left-to-right.
 */
export function editingDirection(locale: string, field: FieldInfo = {}): 'rtl' | 'ltr' {
  const type = (field.type ?? 'text').toLowerCase();
  if (['url', 'email', 'number', 'password', 'tel'].includes(type)) return 'ltr';
  // URLs, e-mail addresses and date-times (our attributes named …At) stay left-to-right.
  if (/(^|\.)(url|email)$/i.test(field.name ?? '') || /[a-z]At$/.test(field.name ?? '')) return 'ltr';
  return isRtlLocale(locale) ? 'rtl' : 'ltr';
}

/** Letters of the right-to-left scripts (Arabic with Persian/Urdu letters, Hebrew, Syriac, Thaana, N'Ko). */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/gu;

/**
 * Which way a piece of displayed text reads: 'rtl', 'ltr', or null when it has
 * no letters (a date in digits, "-", an id), which is then left as it is.
 * The majority of its letters decides, not the first one as `dir="auto"` does:
 * an Arabic headline that opens with a Latin name or acronym ("OPEC+ تمدد…",
 * "G20 …") still reads right-to-left, and an English one that quotes an Arabic
 * name stays left-to-right. Digits, punctuation, «» and harakat do not count;
 * a tie goes right-to-left (the newsroom writes Arabic first).
 */
export function textDirection(text: string): 'rtl' | 'ltr' | null {
  let rtl = 0;
  let ltr = 0;
  for (const [letter] of text.matchAll(LETTER)) {
    if (RTL_SCRIPT.test(letter)) rtl++;
    else ltr++;
  }
  if (rtl + ltr === 0) return null;
  return rtl >= ltr ? 'rtl' : 'ltr';
}
