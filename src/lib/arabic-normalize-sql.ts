/**
 * PostgreSQL twin of `normalizeArabic`, generated from the same character
 * table so the two cannot drift apart silently. The migration that creates
 * the function embeds the generated SQL verbatim (migrations are frozen); a
 * unit test fails if the table changes without a new migration, and an
 * integration test runs both on PostgreSQL over the same inputs.
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

/** translate() arguments: mapped characters first, then the ones it deletes (no counterpart in `to`). */
export function translateArguments(): { from: string; to: string } {
  const { mapped, deleted, spaces } = normalizerCharMap();
  return {
    from: mapped.map(([a]) => a).join('') + spaces + deleted,
    to: mapped.map(([, b]) => b).join('') + ' '.repeat(spaces.length),
  };
}

/**
 * NFKC → drop ZWJ except right after an emoji (astral character or VS16) →
 * the per-character table → collapse spaces, trim → NFKC again (a deletion
 * can bring a base letter and a combining mark together).
 * IMMUTABLE, so it can feed a stored generated tsvector column.
 */
export function createNormalizerSql(): string {
  const { from, to } = translateArguments();
  return `CREATE OR REPLACE FUNCTION ${SQL_NORMALIZER_NAME}(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
SELECT normalize(btrim(regexp_replace(translate(
  regexp_replace(normalize(input, NFKC), E'(^|[^\\\\U00010000-\\\\U0010FFFF\\\\uFE0F])\\\\u200D+', E'\\\\1', 'g'),
  ${sqlEscapedLiteral(from)},
  ${sqlEscapedLiteral(to)}), ' {2,}', ' ', 'g'), ' '), NFKC)
$fn$`;
}
