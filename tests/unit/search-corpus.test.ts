import { searchCorpus } from '../../scripts/bench/search-corpus';
import { rng } from '../../scripts/bench/text-bank';

/** The search benchmark's corpus: what docs/benchmarks.md says about it holds. */
describe('search benchmark corpus', () => {
  const corpus = searchCorpus();
  const texts = (() => {
    const random = rng(7);
    return Array.from({ length: 2000 }, () => {
      const words = [corpus.text.title(random), corpus.text.excerpt(random), ...corpus.text.body(random).map((p) => p.children[0].text)]
        .join(' ')
        .split(' ');
      return new Set(words);
    });
  })();
  const share = (word: string) => texts.filter((t) => t.has(word)).length / texts.length;

  it('is deterministic', () => {
    const again = searchCorpus();
    expect(again.queries).toEqual(corpus.queries);
    expect(again.text.title(rng(3))).toBe(corpus.text.title(rng(3)));
  });

  it('has 200-word bodies in two paragraphs', () => {
    const body = corpus.text.body(rng(1));
    expect(body).toHaveLength(2);
    expect(body.flatMap((p) => p.children[0].text.split(' '))).toHaveLength(200);
  });

  it('puts function words in most articles, news words in a few per cent, rare words in well under one', () => {
    expect(share('في')).toBeGreaterThan(0.9);
    const news = ['النفط', 'المطار', 'الجمارك'].map(share);
    for (const s of news) expect(s).toBeGreaterThan(0.01);
    for (const s of news) expect(s).toBeLessThan(0.1);
    for (const word of corpus.queries.rare) expect(share(word)).toBeLessThan(0.01);
  });
});
