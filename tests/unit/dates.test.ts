import { formatDate } from '../../src/lib/dates';

describe('formatDate', () => {
  // Umm al-Qura: 1 Ramadan 1446 = 1 March 2025; 1 Muharram 1447 = 26 June 2025.
  it.each([
    ['2025-03-01T12:00:00Z', 'ar', 'latn', '1 مارس 2025', '1 رمضان 1446 هـ'],
    ['2025-03-01T12:00:00Z', 'ar', 'arab', '١ مارس ٢٠٢٥', '١ رمضان ١٤٤٦ هـ'],
    ['2025-06-26T09:00:00Z', 'ar', 'latn', '26 يونيو 2025', '1 محرم 1447 هـ'],
    ['2025-03-01T12:00:00Z', 'en', 'latn', 'March 1, 2025', 'Ramadan 1, 1446 AH'],
  ] as const)('%s in %s (%s)', (iso, locale, digits, gregorian, hijri) => {
    expect(formatDate(iso, locale, { digits })).toEqual({ iso: new Date(iso).toISOString(), gregorian, hijri });
  });

  it('counts the day in the newsroom time zone (Riyadh by default)', () => {
    expect(formatDate('2025-02-28T22:30:00Z', 'ar')?.hijri).toBe('1 رمضان 1446 هـ');
    expect(formatDate('2025-02-28T22:30:00Z', 'ar', { timeZone: 'UTC' })?.gregorian).toBe('28 فبراير 2025');
  });

  it('uses the Umm al-Qura calendar, not the tabular one', () => {
    // ICU's astronomical `islamic` calendar says 2 Rajab here; Umm al-Qura says 1 Rajab 1446.
    const other = new Intl.DateTimeFormat('ar-u-ca-islamic-nu-latn', { dateStyle: 'long', timeZone: 'Asia/Riyadh' }).format(new Date('2025-01-01T12:00:00Z'));
    expect(other).toBe('2 رجب 1446 هـ');
    expect(formatDate('2025-01-01T12:00:00Z', 'ar')?.hijri).toBe('1 رجب 1446 هـ');
  });

  it('accepts Date objects and returns null for invalid input', () => {
    expect(formatDate(new Date('2025-03-01T12:00:00Z'), 'ar')?.hijri).toBe('1 رمضان 1446 هـ');
    expect(formatDate('not a date', 'ar')).toBeNull();
  });
});
