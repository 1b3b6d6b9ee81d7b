import { checkArticleData, checkBlocks, checkRelatedLinks, controlCharacterProblems, isHttpUrl, relationIsSet } from '../../src/lib/input-rules';

describe('isHttpUrl', () => {
  it.each([
    ['https://www.opec.org/', true],
    ['http://example.com/a?b=c', true],
    ['https://ar.wikipedia.org/wiki/%D8%A8%D8%B1%D9%88%D9%83%D8%B3%D9%84', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['data:text/html,<script>', false],
    ['mailto:a@b.c', false],
    ['ftp://x.example', false],
    ['/relative/path', false],
    [' https://padded.example', false],
    ['', false],
    [42, false],
  ])('%p → %p', (value, expected) => {
    expect(isHttpUrl(value)).toBe(expected);
  });
});

describe('relationIsSet', () => {
  it.each([
    ['abc', true], [7, true], [{ documentId: 'abc' }, true], [['a'], true], [{ connect: ['a'] }, true],
    [{ set: [{ documentId: 'a' }] }, true], [null, false], [undefined, false], ['', false], [[], false],
    [{ connect: [] }, false], [{ disconnect: ['a'] }, false],
  ])('%p → %p', (value, expected) => {
    expect(relationIsSet(value)).toBe(expected);
  });
});

describe('checkRelatedLinks', () => {
  it('requires exactly one of url or article, a label, and http(s) URLs', () => {
    expect(checkRelatedLinks([{ label: 'a', url: 'https://x.example' }, { label: 'b', article: 'doc1' }])).toEqual([]);
    expect(checkRelatedLinks([{ label: 'a', url: 'https://x.example', article: 'doc' }])).toEqual([
      { path: ['relatedLinks', 0, 'article'], message: 'set either url or article, not both' },
    ]);
    expect(checkRelatedLinks([{ label: 'a' }])[0].path).toEqual(['relatedLinks', 0, 'url']);
    expect(checkRelatedLinks([{ url: 'https://x.example' }])[0].path).toEqual(['relatedLinks', 0, 'label']);
    expect(checkRelatedLinks([{ label: 'a', url: 'javascript:alert(1)' }])).toContainEqual({
      path: ['relatedLinks', 0, 'url'], message: 'must be an absolute http:// or https:// URL',
    });
    expect(checkRelatedLinks('x')[0].path).toEqual(['relatedLinks']);
    expect(checkRelatedLinks(Array.from({ length: 11 }, () => ({ label: 'a', url: 'https://x.example' })))[0].path).toEqual(['relatedLinks']);
  });
});

describe('checkArticleData', () => {
  it('requires a headline on create, and only when sent on update', () => {
    expect(checkArticleData({}, true)).toEqual([{ path: ['title'], message: 'is required' }]);
    expect(checkArticleData({}, false)).toEqual([]);
    expect(checkArticleData({ title: ' ' }, false)).toEqual([{ path: ['title'], message: 'is required' }]);
    expect(checkArticleData({ title: 'عنوان', seo: { canonicalUrl: 'javascript:x' } }, true)[0].path).toEqual(['seo', 'canonicalUrl']);
  });
});

describe('blocks bodies and control characters', () => {
  const p = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

  it('accepts Strapi blocks: paragraphs, headings, lists of items, links, images', () => {
    const body = [
      p('نص'),
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'عنوان', bold: true }] },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'link', url: 'https://x.example', children: [{ type: 'text', text: 'رابط' }] }] }] },
      { type: 'image', image: { url: '/uploads/a.jpg' }, children: [{ type: 'text', text: '' }] },
    ];
    expect(checkBlocks(body, ['body'])).toEqual([]);
  });

  it('refuses what Strapi would have stored as null, naming the node', () => {
    expect(checkBlocks('not an array', ['body'])).toEqual([{ path: ['body'], message: expect.stringContaining('list of blocks') }]);
    expect(checkBlocks([{ type: 'script', children: [] }], ['body'])[0].path).toEqual(['body', 0]);
    expect(checkBlocks([{ type: 'paragraph' }], ['body'])[0].path).toEqual(['body', 0, 'children']);
    expect(checkBlocks([{ type: 'paragraph', children: [{ type: 'text', text: 5 }] }], ['body'])[0].path).toEqual(['body', 0, 'children', 0, 'text']);
    expect(checkArticleData({ title: 'x', body: {} }, true).map((e) => e.path)).toEqual([['body']]);
  });

  it('finds control characters anywhere in the data, keeping tab and new lines', () => {
    expect(controlCharacterProblems({ title: 'a\tb\nc\r', body: [p('سطر\nآخر')] })).toEqual([]);
    expect(controlCharacterProblems({ title: 'a\u0000b' })).toEqual([{ path: ['title'], message: 'must not contain control characters' }]);
    expect(controlCharacterProblems({ relatedLinks: [{ label: 'x\u0007' }] })[0].path).toEqual(['relatedLinks', 0, 'label']);
    expect(controlCharacterProblems({ ['k\u0001']: 'v' })[0].path).toEqual(['k\u0001']);
  });
});
