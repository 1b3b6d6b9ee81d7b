/**
 * PostgreSQL twin of `normalizeArabic`, generated from the same character
 * table so the two cannot drift apart silently. The migration that creates
 * the function embeds the generated SQL verbatim (migrations are frozen); a
 * unit test fails if the table changes without a new migration, and an
 * integration test runs both on PostgreSQL over the same inputs.
 *
 * Speed matters (it runs over every indexed body): translate() scans its
 * `from` list linearly for every character, so deletions and whitespace go
 * through regex ranges instead, and the ~400 accented Latin capitals are only
 * translated when the text contains one.
 */
import { normalizerCharMap } from './arabic-normalize';

export const SQL_NORMALIZER_NAME = 'newsroom_normalize_arabic';

/** `E'…'` literal with every non-printable-ASCII character as \uXXXX (surrogates never occur: BMP only). */
export function sqlEscapedLiteral(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f && ch !== "'" && ch !== '\\') out += ch;
    else out += '\\u' + c.toString(16).padStart(4, '0');
  }
  return `E'${out}'`;
}

/**
 * Regex bracket expression for a set of characters, consecutive code points as
 * ranges. With `gap` > 0, ranges closer than that are merged (a superset, for a
 * quick "any of these?" test: PostgreSQL's regex engine is slow on hundreds of
 * single non-ASCII characters, fast on a few ranges).
 */
export function charClass(chars: string, gap = 0): string {
  const codes = [...chars].map((c) => c.charCodeAt(0)).sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] <= codes[j] + 1 + gap) j++;
    out += j > i ? `${String.fromCharCode(codes[i])}-${String.fromCharCode(codes[j])}` : String.fromCharCode(codes[i]);
    i = j + 1;
  }
  return `[${out}]`;
}

const isAsciiOrArabic = (ch: string) => ch.charCodeAt(0) < 0x80 || (ch.charCodeAt(0) >= 0x0600 && ch.charCodeAt(0) <= 0x06ff);

/** The pieces of the SQL twin: what is deleted, what becomes a space, and the two translate() tables. */
export function sqlNormalizerParts() {
  const { mapped, deleted, spaces } = normalizerCharMap();
  const common = mapped.filter(([a]) => isAsciiOrArabic(a));
  const latin = mapped.filter(([a]) => !isAsciiOrArabic(a));
  const table = (pairs: Array<[string, string]>) => ({ from: pairs.map(([a]) => a).join(''), to: pairs.map(([, b]) => b).join('') });
  return { deleted, spaces, common: table(common), latin: table(latin) };
}

/**
 * NFKC → drop ZWJ except right after an emoji (astral character or VS16) →
 * delete marks/tatweel/controls → whitespace to spaces → fold letters and
 * digits (Arabic, ASCII) → lower-case accented Latin when present →
 * collapse spaces, trim → NFKC again (a deletion can bring a base letter and
 * a combining mark together). IMMUTABLE, so it can feed a stored generated column.
 */
export function createNormalizerSql(): string {
  const p = sqlNormalizerParts();
  const lit = sqlEscapedLiteral;
  const otherSpaces = p.spaces.replace(' ', ''); // plain spaces need no rewriting
  // PL/pgSQL rather than SQL: its simple expressions are evaluated on a fast
  // path with cached plans, and each regex runs only when its characters occur.
  return `CREATE OR REPLACE FUNCTION ${SQL_NORMALIZER_NAME}(input text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
  t text := normalize(input, NFKC);
BEGIN
  IF strpos(t, E'\\u200d') > 0 THEN
    t := regexp_replace(t, E'(^|[^\\\\U00010000-\\\\U0010FFFF\\\\uFE0F])\\\\u200D+', E'\\\\1', 'g');
  END IF;
  IF t ~ ${lit(charClass(p.deleted))} THEN
    t := regexp_replace(t, ${lit(charClass(p.deleted))}, '', 'g');
  END IF;
  IF t ~ ${lit(charClass(otherSpaces))} THEN
    t := regexp_replace(t, ${lit(charClass(otherSpaces))}, ' ', 'g');
  END IF;
  t := translate(t, ${lit(p.common.from)}, ${lit(p.common.to)});
  IF t ~ ${lit(charClass(p.latin.from, 64))} THEN
    t := translate(t, ${lit(p.latin.from)}, ${lit(p.latin.to)});
  END IF;
  IF strpos(t, '  ') > 0 THEN
    t := regexp_replace(t, ' {2,}', ' ', 'g');
  END IF;
  RETURN normalize(btrim(t, ' '), NFKC);
END
$fn$`;
}
