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
