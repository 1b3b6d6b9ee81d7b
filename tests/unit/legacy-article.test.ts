import * as fs from 'fs';
import * as path from 'path';

import { parseLegacyArticle, paragraphsToBlocks, RELATED_MARKER } from '../../src/lib/legacy-article';
import type { BlocksContent } from '../../src/lib/blocks-types';
import { demoContent } from '../../src/seed/demo-content';
import type { DemoArticleLocale } from '../../src/seed/demo-content';

const REPO_ROOT = path.join(__dirname, '../..');
const SEED_PATH = path.join(__dirname, '../../data/seeds/nato-brussels.txt');
const seedText = fs.readFileSync(SEED_PATH, 'utf8');

const FIRST_START = 'تتسارع وتيرة';
const LAST_END = 'بأنشطة استشارية وبناء القدرات.';

function expectCleanParagraphs(paragraphs: string[]): void {
  for (const p of paragraphs) {
    expect(p).not.toContain('شاركها');
    expect(p).not.toContain('©');
    expect(p).not.toContain('Exit mobile version');
    expect(p).not.toBe(RELATED_MARKER);
    expect(p).not.toBe('أخبار ذات صلة');
    expect(p.trim()).toBe(p);
    expect(p.replace(/[\s\u00A0]/g, '')).not.toBe('');
    expect(p).not.toContain('\r');
  }
}

describe('parseLegacyArticle — real seed file', () => {
  const { paragraphs, relatedMarkerIndex } = parseLegacyArticle(seedText);

  it('yields exactly the 7 body paragraphs in order', () => {
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs[0].startsWith(FIRST_START)).toBe(true);
    expect(paragraphs[6].endsWith(LAST_END)).toBe(true);
    const openings = paragraphs.map((p) => p.split(' ')[0]);
    expect(openings).toEqual(['تتسارع', 'وقال', 'وكان', 'وشدد', 'ومن', 'وفيما', 'وأضاف،']);
  });

  it('drops share line, © footer, Exit mobile version, related marker and NBSP-only paragraph', () => {
    expectCleanParagraphs(paragraphs);
  });

  it('records where the related-news marker stood', () => {
    expect(relatedMarkerIndex).toBe(4);
  });

  it('keeps the text byte-exact (quotes and punctuation untouched)', () => {
    // The legacy text mixes guillemets and curly quotes — must be preserved as-is.
    expect(paragraphs[0]).toContain('«الناتو»');
    expect(paragraphs[5]).toContain('“سنفتح قريباً');
    expect(paragraphs[5]).toContain('في الكويت»،');
    expect(paragraphs[5]).toContain('عمّان');
    // Every paragraph appears verbatim in the source file.
    for (const p of paragraphs) expect(seedText).toContain(p);
  });

  it('handles CRLF line endings identically', () => {
    const crlf = seedText.replace(/\r?\n/g, '\r\n');
    expect(crlf).toContain('\r\n');
    expect(parseLegacyArticle(crlf)).toEqual({ paragraphs, relatedMarkerIndex: 4 });
  });

  it('handles lone CR line endings identically', () => {
    const cr = seedText.replace(/\r?\n/g, '\r');
    expect(parseLegacyArticle(cr)).toEqual({ paragraphs, relatedMarkerIndex: 4 });
  });

  it('removes "Exit mobile version" glued to the © footer line', () => {
    const glued = seedText.replace(/\n?Exit mobile version\s*$/, 'Exit mobile version');
    expect(glued).toMatch(/محفوظة\.Exit mobile version$/);
    const result = parseLegacyArticle(glued);
    expect(result.paragraphs).toEqual(paragraphs);
    expect(result.relatedMarkerIndex).toBe(4);
  });

  it('removes "Exit mobile version" glued to the last body line when there is no footer', () => {
    const text = `${paragraphs[5]}\n\n${paragraphs[6]}Exit mobile version`;
    const result = parseLegacyArticle(text);
    expect(result.paragraphs).toEqual([paragraphs[5], paragraphs[6]]);
    expect(result.relatedMarkerIndex).toBeNull();
  });
});

describe('parseLegacyArticle — synthetic input', () => {
  it('drops whitespace-only and NBSP-only paragraphs and trims', () => {
    const text = '  أولاً  \n\n\u00A0\n\n \t \n\n\u00A0ثانياً\u00A0\n\n';
    expect(parseLegacyArticle(text)).toEqual({ paragraphs: ['أولاً', 'ثانياً'], relatedMarkerIndex: null });
  });

  it('puts relatedMarkerIndex at 0 when the marker comes first and at length when last', () => {
    expect(parseLegacyArticle('أخبار ذات صلة\n\nفقرة').relatedMarkerIndex).toBe(0);
    expect(parseLegacyArticle('فقرة\n\nأخبار ذات صلة').relatedMarkerIndex).toBe(1);
  });

  it('returns empty output for empty input', () => {
    expect(parseLegacyArticle('')).toEqual({ paragraphs: [], relatedMarkerIndex: null });
  });
});

describe('paragraphsToBlocks', () => {
  it('produces Strapi 5 paragraph blocks with a single text leaf', () => {
    const { paragraphs } = parseLegacyArticle(seedText);
    const blocks: BlocksContent = paragraphsToBlocks(paragraphs);
    expect(blocks).toHaveLength(7);
    blocks.forEach((block, i) => {
      expect(block).toEqual({ type: 'paragraph', children: [{ type: 'text', text: paragraphs[i] }] });
    });
    expect(paragraphsToBlocks([])).toEqual([]);
    // Plain JSON, round-trips unchanged.
    expect(JSON.parse(JSON.stringify(blocks))).toEqual(blocks);
  });
});

describe('demoContent', () => {
  const { site, sections, authors, tags, articles } = demoContent;
  const KEY_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  const keySets = {
    sections: new Set(sections.map((s) => s.key)),
    authors: new Set(authors.map((a) => a.key)),
    tags: new Set(tags.map((t) => t.key)),
    articles: new Set(articles.map((a) => a.key)),
  };

  const locales = (): Array<[string, DemoArticleLocale]> =>
    articles.flatMap((a) => {
      const out: Array<[string, DemoArticleLocale]> = [[`${a.key}/ar`, a.ar]];
      if (a.en) out.push([`${a.key}/en`, a.en]);
      return out;
    });

  it('has the site settings', () => {
    expect(site.baseUrl).toBe('https://khaleeji247.example');
    expect(site.ar.name).toBe('خليجي 247');
    expect(site.en.name).toBe('Khaleeji 247');
    expect(site.ar.copyright).toBe('© 2025 خليجي 247. جميع الحقوق محفوظة.');
    expect(site.en.copyright).toBe('© 2025 Khaleeji 247. All rights reserved.');
  });

  it('has enough entities', () => {
    expect(sections.length).toBeGreaterThanOrEqual(4);
    expect(authors.length).toBeGreaterThanOrEqual(3);
    expect(tags.length).toBeGreaterThanOrEqual(6);
    expect(articles.length).toBeGreaterThanOrEqual(7);
  });

  it('uses unique ASCII keys per entity type', () => {
    for (const list of [sections, authors, tags, articles]) {
      const keys = list.map((e) => e.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(k).toMatch(KEY_RE);
    }
  });

  it('only references keys that exist', () => {
    for (const s of sections) {
      if (s.parentKey !== undefined) {
        expect(keySets.sections.has(s.parentKey)).toBe(true);
        expect(s.parentKey).not.toBe(s.key);
      }
    }
    for (const a of articles) {
      expect(keySets.sections.has(a.sectionKey)).toBe(true);
      expect(a.authorKeys.length).toBeGreaterThan(0);
      for (const k of a.authorKeys) expect(keySets.authors.has(k)).toBe(true);
      for (const k of a.tagKeys) expect(keySets.tags.has(k)).toBe(true);
      for (const k of a.relatedKeys) {
        expect(keySets.articles.has(k)).toBe(true);
        expect(k).not.toBe(a.key);
      }
      expect(new Set(a.authorKeys).size).toBe(a.authorKeys.length);
      expect(new Set(a.tagKeys).size).toBe(a.tagKeys.length);
      expect(new Set(a.relatedKeys).size).toBe(a.relatedKeys.length);
    }
  });

  it('starts with the NATO legacy article whose body file exists', () => {
    const nato = articles[0];
    expect(nato.key).toBe('nato-brussels');
    expect(nato.ar.dateline).toBe('بروكسل');
    expect(nato.ar.bodyFromLegacyFile).toBe('data/seeds/nato-brussels.txt');
    expect(fs.existsSync(path.join(REPO_ROOT, nato.ar.bodyFromLegacyFile as string))).toBe(true);
    expect(nato.en).toBeDefined();
    expect(nato.en!.dateline).toBe('Brussels');
    // English is a paragraph-by-paragraph translation of the legacy body.
    expect(nato.en!.body).toHaveLength(parseLegacyArticle(seedText).paragraphs.length);
  });

  it('spreads articles over ≥3 sections and ≥3 authors, with ≥3 English versions', () => {
    expect(new Set(articles.map((a) => a.sectionKey)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(articles.flatMap((a) => a.authorKeys)).size).toBeGreaterThanOrEqual(3);
    expect(articles.filter((a) => a.en !== undefined).length).toBeGreaterThanOrEqual(3);
    expect(articles.some((a) => a.isBreaking)).toBe(true);
    expect(articles.some((a) => a.relatedKeys.length > 0)).toBe(true);
  });

  it('respects title/excerpt limits and has a body for every locale', () => {
    for (const [id, loc] of locales()) {
      expect([id, loc.title.length > 0 && loc.title.length <= 250]).toEqual([id, true]);
      expect([id, loc.excerpt.length > 0 && loc.excerpt.length <= 600]).toEqual([id, true]);
      const hasInline = Array.isArray(loc.body) && loc.body.length > 0;
      const hasFile = typeof loc.bodyFromLegacyFile === 'string';
      expect([id, hasInline !== hasFile]).toEqual([id, true]);
      if (hasInline) {
        for (const p of loc.body as string[]) expect(p.trim().length).toBeGreaterThan(0);
      }
    }
    for (const a of articles.slice(1)) {
      expect(a.ar.body).toBeDefined();
      expect(a.ar.body!.length).toBeGreaterThanOrEqual(3);
      expect(a.ar.body!.length).toBeLessThanOrEqual(5);
    }
  });

  it('has https external related links, at least one', () => {
    const urls = locales().flatMap(([, loc]) => loc.relatedUrls ?? []);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) {
      expect(u.label.length).toBeGreaterThan(0);
      expect(u.url).toMatch(/^https:\/\//);
      expect(() => new URL(u.url)).not.toThrow();
    }
  });

  it('has valid author contact data', () => {
    const platforms = ['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'website'];
    for (const a of authors) {
      expect(a.email).toMatch(/^[a-z0-9.]+@khaleeji247\.example$/);
      for (const l of a.socialLinks) {
        expect(platforms).toContain(l.platform);
        expect(l.url).toMatch(/^https:\/\//);
      }
    }
  });

  it('contains realistic Arabic text features for search tests', () => {
    const arText = articles
      .flatMap((a) => [a.ar.title, a.ar.excerpt, ...(a.ar.body ?? [])])
      .join('\n');
    expect(arText).toMatch(/[\u064B-\u0652]/); // tashkeel
    expect(arText).toMatch(/[\u0660-\u0669]/); // Arabic-Indic digits
    for (const hamza of ['أ', 'إ', 'آ', 'ؤ', 'ئ', 'ء']) expect(arText).toContain(hamza);
    expect(arText).toContain('٢٠٢٥');
  });
});
