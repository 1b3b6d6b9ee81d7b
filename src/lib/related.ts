/**
 * Related stories (أخبار ذات صلة) suggested from the search index: the
 * articles sharing the most with one article — the stems of its title and
 * excerpt, its tags, its section — most similar first, and among equally
 * similar ones the most recent first.
 */
import { analyzeWords, type WordKeys } from './arabic-stem';

/** Words too common in news copy to say two stories are about the same thing. */
const FUNCTION_WORDS = new Set(
  (
    'في من على الى ان عن مع هذا هذه التي الذي الذين كان كانت قد بين بعد قبل خلال حيث كما ذلك تلك وقد ' +
    'لقد ثم او اي كل بعض غير عند منذ حتى اذا لكن بل هو هي هم نحن انه انها لم لن ما لا يكون تكون جديد جديده عام اليوم'
  ).split(' '),
);

/** At most this many words of the source article are looked for. */
export const MAX_SOURCE_WORDS = 12;

/** The distinct words of a text worth matching on (by stem), in order of first appearance. */
export function significantWords(text: string): WordKeys[] {
  const seen = new Set<string>();
  return analyzeWords(text).filter((w) => {
    if (w.stem.length < 3 || FUNCTION_WORDS.has(w.surface) || /^\d+$/.test(w.surface) || seen.has(w.stem)) return false;
    seen.add(w.stem);
    return true;
  });
}

export interface RelatedCandidate {
  documentId: string;
  publishedAt: string | null;
  /** Title, excerpt and body text, when the index gave it (term matches). */
  text?: string;
  tags: Set<string>;
  sectionId: string | null;
}

export interface RelatedSource {
  documentId: string;
  words: WordKeys[];
  tags: Set<string>;
  sectionId: string | null;
}

/** Shared stems count 1 each, shared tags 2 each, the same section 1. */
export function similarity(source: RelatedSource, c: RelatedCandidate): number {
  const stems = new Set(c.text ? analyzeWords(c.text).flatMap((w) => [w.stem, w.alt]) : []);
  const terms = source.words.filter((w) => stems.has(w.stem)).length;
  const tags = [...c.tags].filter((t) => source.tags.has(t)).length;
  return terms + 2 * tags + (source.sectionId && c.sectionId === source.sectionId ? 1 : 0);
}

/** The `limit` best candidates (never the source itself, nothing with nothing in common): most similar, then newest. */
export function rankRelated(source: RelatedSource, candidates: RelatedCandidate[], limit: number): string[] {
  const byId = new Map<string, RelatedCandidate>();
  for (const c of candidates) {
    if (c.documentId === source.documentId) continue;
    const known = byId.get(c.documentId);
    byId.set(c.documentId, known ? { ...known, text: known.text ?? c.text, tags: new Set([...known.tags, ...c.tags]) } : c);
  }
  return [...byId.values()]
    .map((c) => ({ c, score: similarity(source, c) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || (b.c.publishedAt ?? '').localeCompare(a.c.publishedAt ?? '') || a.c.documentId.localeCompare(b.c.documentId))
    .slice(0, limit)
    .map((x) => x.c.documentId);
}
