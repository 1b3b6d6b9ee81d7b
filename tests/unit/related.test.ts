import { rankRelated, significantWords, type RelatedCandidate } from '../../src/lib/related';

const source = {
  documentId: 'src',
  words: significantWords('أسعار النفط ترتفع في الأسواق'),
  tags: new Set(['oil']),
  sectionId: 'economy',
};
const candidate = (documentId: string, publishedAt: string, extra: Partial<RelatedCandidate> = {}): RelatedCandidate => ({
  documentId, publishedAt, tags: new Set(), sectionId: null, ...extra,
});

describe('related stories', () => {
  it('looks for the significant words only, each stem once', () => {
    expect(significantWords('في النفط والنفط من 2025 جديد').map((w) => w.surface)).toEqual(['النفط']);
  });

  it('ranks by shared stems (1), tags (2) and section (1), then newest, without the source or candidates with nothing shared', () => {
    const ranked = rankRelated(
      source,
      [
        candidate('src', '2026-01-09', { text: 'النفط' }),
        candidate('term-old', '2026-01-01', { text: 'بالنفط' }),
        candidate('term-new', '2026-01-03', { text: 'النفط يرتفع' }),
        candidate('tag', '2026-01-02', { tags: new Set(['oil']) }),
        candidate('all', '2026-01-01', { text: 'الأسواق', tags: new Set(['oil']), sectionId: 'economy' }),
        candidate('nothing', '2026-01-08', { text: 'كرة القدم', sectionId: 'sport' }),
      ],
      10,
    );
    expect(ranked).toEqual(['all', 'tag', 'term-new', 'term-old']);
  });

  it('merges a candidate found twice (by terms and by tag) and honours the limit', () => {
    const ranked = rankRelated(
      source,
      [candidate('a', '2026-01-01', { text: 'النفط' }), candidate('b', '2026-01-05', { text: 'النفط' }), candidate('a', '2026-01-01', { tags: new Set(['oil']) })],
      1,
    );
    expect(ranked).toEqual(['a']);
  });
});
