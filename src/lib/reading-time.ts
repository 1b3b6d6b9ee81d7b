/**
 * Reading time of an article body and its localized label.
 * Silent reading speed: Arabic ≈ 180 words/minute, English ≈ 238.
 * `reading-time` counts Arabic words correctly (it splits on spaces, not on \w).
 */
import readingTime from 'reading-time';

export type Digits = 'latn' | 'arab';
export const DIGIT_SYSTEMS: readonly Digits[] = ['latn', 'arab'];

export const WORDS_PER_MINUTE: Readonly<Record<string, number>> = { ar: 180, en: 238 };
const DEFAULT_WPM = WORDS_PER_MINUTE.en;

/** Whole minutes, rounded up; 0 only when there is no text at all. */
export function readingTimeMinutes(text: string, locale: string): number {
  const { words } = readingTime(text);
  if (words === 0) return 0;
  return Math.max(1, Math.ceil(words / (WORDS_PER_MINUTE[locale] ?? DEFAULT_WPM)));
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, (n: string) => string>> & { other: (n: string) => string };

/** Arabic has six plural forms: ٠ أقل من دقيقة، دقيقة، دقيقتان، ٣–١٠ دقائق، ١١–٩٩ دقيقة، ١٠٠ دقيقة. */
const FORMS: Record<string, PluralForms> = {
  ar: {
    zero: () => 'أقل من دقيقة',
    one: () => 'دقيقة',
    two: () => 'دقيقتان',
    few: (n) => `${n} دقائق`,
    many: (n) => `${n} دقيقة`,
    other: (n) => `${n} دقيقة`,
  },
  en: {
    one: (n) => `${n} minute`,
    other: (n) => `${n} minutes`,
  },
};

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
const cached = <T>(map: Map<string, T>, key: string, make: () => T): T => {
  let v = map.get(key);
  if (!v) map.set(key, (v = make()));
  return v;
};

/** "٣ دقائق" / "3 دقائق" / "5 minutes"; locales without their own forms use English. */
export function readingTimeLabel(minutes: number, locale: string, digits: Digits = 'latn'): string {
  const lang = FORMS[locale] ? locale : 'en';
  if (minutes === 0 && lang === 'en') return 'less than a minute';
  const forms = FORMS[lang];
  const category = cached(plurals, lang, () => new Intl.PluralRules(lang)).select(minutes);
  const tag = `${lang}-u-nu-${digits}`;
  const number = cached(numbers, tag, () => new Intl.NumberFormat(tag)).format(minutes);
  return (forms[category] ?? forms.other)(number);
}
