import { normalizeArabic } from '../../src/lib/arabic-normalize';
import { createNormalizerSql, sqlEscapedLiteral, translateArguments } from '../../src/lib/arabic-normalize-sql';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const migration = require('../../database/migrations/2026.01.01T00.00.00.article-search-index.js');

/** What PostgreSQL's translate() does: map by position, delete characters past the end of `to`. */
function translate(s: string, from: string, to: string): string {
  let out = '';
  for (const ch of s) {
    const i = from.indexOf(ch);
    out += i === -1 ? ch : i < to.length ? to[i] : '';
  }
  return out;
}

describe('the SQL twin of normalizeArabic', () => {
  it('is what the migration created (a normaliser change needs a new migration)', () => {
    expect(migration.NORMALIZER_SQL).toBe(createNormalizerSql());
  });

  it('translate() arguments reproduce the per-character rules', () => {
    const { from, to } = translateArguments();
    expect(new Set(from).size).toBe(from.length);
    for (const input of ['أَسْعَارُ الـنّفط', 'مستشفى مدرسة مسؤول رئيس', 'کتاب ی ٢٠٢٥ ۱۴۰۳', 'ABC Élan', 'a\u200Bb\u202Ec\uFEFFd', 'x\u00A0\u3000y']) {
      const nfkc = input.normalize('NFKC');
      const sqlLike = translate(nfkc, from, to).replace(/ {2,}/g, ' ').trim().normalize('NFKC');
      expect(sqlLike).toBe(normalizeArabic(input));
    }
  });

  it('escapes every non-ASCII or special character in literals', () => {
    expect(sqlEscapedLiteral("a'\\ب\u200B")).toBe("E'a\\u0027\\u005c\\u0628\\u200b'");
    expect(createNormalizerSql()).toMatch(/^[\x20-\x7e\n]+$/);
    expect(createNormalizerSql()).toContain('IMMUTABLE');
  });
});
