import { normalizeArabic } from '../../src/lib/arabic-normalize';
import { charClass, createNormalizerSql, sqlEscapedLiteral, sqlNormalizerParts } from '../../src/lib/arabic-normalize-sql';

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

  it('its steps (deletions, spaces, two translate() tables) reproduce the per-character rules', () => {
    const p = sqlNormalizerParts();
    const all = p.deleted + p.spaces + p.common.from + p.latin.from;
    expect(new Set(all).size).toBe(all.length);
    expect(p.common.from).toHaveLength(p.common.to.length);
    expect(p.latin.from).toHaveLength(p.latin.to.length);
    const inputs = ['أَسْعَارُ الـنّفط', 'مستشفى مدرسة مسؤول رئيس', 'کتاب ی ٢٠٢٥ ۱۴۰۳', 'ABC ÉLAN Ǆ ẞ', 'a\u200Bb\u202Ec\uFEFFd', 'x\u00A0\u3000\ty'];
    for (const input of inputs) {
      let t = input.normalize('NFKC');
      t = translate(t, p.deleted, '');
      t = translate(t, p.spaces, ' '.repeat(p.spaces.length));
      t = translate(translate(t, p.common.from, p.common.to), p.latin.from, p.latin.to);
      expect(t.replace(/ {2,}/g, ' ').trim().normalize('NFKC')).toBe(normalizeArabic(input));
    }
  });

  it('charClass writes ranges, and merges near ones on request', () => {
    expect(charClass('abcxz')).toBe('[a-cxz]');
    expect(charClass('acegz', 1)).toBe('[a-gz]');
  });

  it('escapes every non-ASCII or special character in literals', () => {
    expect(sqlEscapedLiteral("a'\\ب\u200B")).toBe("E'a\\u0027\\u005c\\u0628\\u200b'");
    expect(createNormalizerSql()).toMatch(/^[\x20-\x7e\n]+$/);
    expect(createNormalizerSql()).toContain('IMMUTABLE');
  });
});
