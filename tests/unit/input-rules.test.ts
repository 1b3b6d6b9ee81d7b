import { checkArticleData, checkRelatedLinks, isHttpUrl, relationIsSet } from '../../src/lib/input-rules';

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
