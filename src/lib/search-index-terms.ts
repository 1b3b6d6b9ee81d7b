/**
 * What the search index stores for a text, built from the keys of arabic-stem.ts,
 * so both databases hold the same terms and match them the same way
 * (queries: toFts5Match / toTsquery in search-query.ts).
 *
 * SQLite FTS5: per field a surface column (the words as normalizeArabic folds
 * them) and a stem column (one stem per word, so phrases of stems work), plus
 * one `alt` column with the proclitic-less stems that differ from the stem.
 * PostgreSQL: a tsvector literal in which every word is, at its position, its
 * surface form, `~stem` and (when different) `^alt`; head = title (A) +
 * excerpt (B), the full vector adds the body (C).
 */
import { ALT_MARK, analyzeWords, STEM_MARK, type WordKeys } from './arabic-stem';

export interface IndexedText {
  title: string;
  excerpt: string;
  body: string;
}

export interface Fts5Columns {
  title: string;
  excerpt: string;
  body: string;
  title_k: string;
  excerpt_k: string;
  body_k: string;
  alt: string;
}

export function fts5Columns(text: IndexedText): Fts5Columns {
  const title = analyzeWords(text.title);
  const excerpt = analyzeWords(text.excerpt);
  const body = analyzeWords(text.body);
  const surfaces = (ws: WordKeys[]) => ws.map((w) => w.surface).join(' ');
  const stems = (ws: WordKeys[]) => ws.map((w) => w.stem).join(' ');
  const alt = [...title, ...excerpt, ...body].filter((w) => w.alt !== w.stem).map((w) => w.alt);
  return {
    title: surfaces(title),
    excerpt: surfaces(excerpt),
    body: surfaces(body),
    title_k: stems(title),
    excerpt_k: stems(excerpt),
    body_k: stems(body),
    alt: alt.join(' '),
  };
}

// PostgreSQL's limits: positions 1..16383, at most 256 positions per lexeme (tsvector input keeps the first ones).
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;

type Weight = 'A' | 'B' | 'C';

class VectorBuilder {
  private lexemes = new Map<string, string[]>();
  private position = 0;

  add(words: WordKeys[], weight: Weight): this {
    for (const w of words) {
      this.position = Math.min(this.position + 1, MAX_POSITION);
      this.put(w.surface, weight);
      this.put(STEM_MARK + w.stem, weight);
      if (w.alt !== w.stem) this.put(ALT_MARK + w.alt, weight);
    }
    return this;
  }

  private put(lexeme: string, weight: Weight) {
    let positions = this.lexemes.get(lexeme);
    if (!positions) this.lexemes.set(lexeme, (positions = []));
    const entry = `${this.position}${weight === 'C' ? '' : weight}`;
    if (positions.length < MAX_POSITIONS_PER_LEXEME && positions[positions.length - 1] !== entry) positions.push(entry);
  }

  /** tsvector input syntax: 'lexeme':1A,2A … (lexemes hold only letters, digits and the marks; quotes doubled anyway). */
  toString(): string {
    return Array.from(this.lexemes, ([lexeme, positions]) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${positions.join(',')}`).join(' ');
  }
}

/** The head (title + excerpt) and full vectors of a text, as tsvector literals. */
export function tsvectors(text: IndexedText): { head: string; full: string } {
  const title = analyzeWords(text.title);
  const excerpt = analyzeWords(text.excerpt);
  const head = new VectorBuilder().add(title, 'A').add(excerpt, 'B').toString();
  const full = new VectorBuilder().add(title, 'A').add(excerpt, 'B').add(analyzeWords(text.body), 'C').toString();
  return { head, full };
}
