import { checkCoverageTimes, checkEntryData, cursorFilter, liveKey, parseEntryQuery, parseLastEventId, publicEntry, sseMessage } from '../../src/lib/live';
import { newsArticleJsonLd } from '../../src/lib/json-ld';

const para = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const ID = 'abcdefghijklmnopqrstuvwx';

describe('parseEntryQuery', () => {
  it('takes cursors, since and limit', () => {
    expect(parseEntryQuery({ before: ID, since: '2030-01-01T10:00:00Z', limit: '5' })).toEqual({
      value: { before: ID, since: new Date('2030-01-01T10:00:00Z'), limit: 5 },
      problems: [],
    });
    expect(parseEntryQuery({}).value).toEqual({ limit: 20 });
    expect(parseEntryQuery({ limit: 100 }).value.limit).toBe(100);
  });

  it.each([
    [{ after: 'not an id' }, 'after'],
    [{ after: [ID, ID] }, 'after'],
    [{ before: 'X'.repeat(10) }, 'before'],
    [{ after: ID, before: ID }, 'before'],
    [{ since: '2030-01-01' }, 'since'],
    [{ since: 'yesterday' }, 'since'],
    [{ since: ['2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z'] }, 'since'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: '1.5' }, 'limit'],
    [{ limit: ['1', '2'] }, 'limit'],
  ])('refuses %j naming %s', (query, field) => {
    expect(parseEntryQuery(query as Record<string, unknown>).problems.map((p) => p.path[0])).toContain(field);
  });
});

describe('cursorFilter', () => {
  it('orders by postedAt, then row id, in the cursor direction', () => {
    expect(cursorFilter('before', { id: 7, postedAt: '2030-01-01T10:00:00.000Z' })).toEqual({
      $or: [{ postedAt: { $lt: '2030-01-01T10:00:00.000Z' } }, { $and: [{ postedAt: { $eq: '2030-01-01T10:00:00.000Z' } }, { id: { $lt: 7 } }] }],
    });
    expect(JSON.stringify(cursorFilter('after', { id: 7, postedAt: new Date('2030-01-01T10:00:00Z') }))).toContain('"$gt"');
  });
});

describe('entry input rules', () => {
  it('needs a coverage and a body to create; the coverage never changes', () => {
    expect(checkEntryData({ coverage: ID, body: [para('x')] }, true)).toEqual([]);
    expect(checkEntryData({ body: [para('x')] }, true).map((p) => p.path[0])).toEqual(['coverage']);
    expect(checkEntryData({ coverage: ID }, true).map((p) => p.path[0])).toEqual(['body']);
    expect(checkEntryData({ coverage: ID, body: [] }, true).map((p) => p.path[0])).toEqual(['body']);
    expect(checkEntryData({ coverage: ID }, false).map((p) => p.path[0])).toEqual(['coverage']);
    expect(checkEntryData({ title: 'x' }, false)).toEqual([]);
  });

  it('refuses non-http embeds, malformed bodies and times', () => {
    expect(checkEntryData({ embedUrl: 'javascript:alert(1)' }, false).map((p) => p.path[0])).toEqual(['embedUrl']);
    expect(checkEntryData({ embedUrl: 'https://x.example/embed' }, false)).toEqual([]);
    expect(checkEntryData({ body: 'text' }, false).map((p) => p.path[0])).toEqual(['body']);
    expect(checkEntryData({ postedAt: 'soon' }, false).map((p) => p.path[0])).toEqual(['postedAt']);
  });

  it('a coverage ends after it starts', () => {
    expect(checkCoverageTimes('2030-01-02T00:00:00Z', '2030-01-01T00:00:00Z').map((p) => p.path[0])).toEqual(['coverageEndTime']);
    expect(checkCoverageTimes('2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z')).toEqual([]);
    expect(checkCoverageTimes(null, '2030-01-02T00:00:00Z')).toEqual([]);
  });
});

describe('publicEntry', () => {
  it('is an allow-list: nothing the row carries beyond it reaches readers', () => {
    const row = {
      id: 3,
      documentId: ID,
      locale: 'ar',
      coverage: 'c'.repeat(24),
      postedAt: new Date('2030-01-01T10:00:00Z'),
      updatedAt: '2030-01-01T10:05:00.000Z',
      title: 'عنوان',
      body: [para('نص')],
      authors: [{ documentId: 'a1', name: 'سارة', slug: 'سارة', jobTitle: null, email: 'private@example' } as never],
      image: { image: { url: '/uploads/x.jpg', width: 10, height: 5, mime: 'image/jpeg', alternativeText: 'بديل' }, caption: 'تعليق', credit: 'وكالة' },
      pinned: true,
      createdBy: { email: 'admin@example' },
    };
    const entry = publicEntry(row as never, 'ar');
    expect(JSON.stringify(entry)).not.toContain('@example');
    expect(entry).toMatchObject({ postedAt: '2030-01-01T10:00:00.000Z', pinned: true, isKeyEvent: false, embedUrl: null, corrections: [] });
    expect(entry.image).toEqual({ url: '/uploads/x.jpg', alt: 'بديل', caption: 'تعليق', credit: 'وكالة', width: 10, height: 5, mime: 'image/jpeg' });
    expect('id' in entry).toBe(false);
  });
});

describe('Server-Sent Events', () => {
  it('frames one message, splitting data on newlines', () => {
    expect(sseMessage({ id: 4, event: 'entry', data: '{"a":1}' })).toBe('id: 4\nevent: entry\ndata: {"a":1}\n\n');
    expect(sseMessage({ data: 'a\nb\r\nc' })).toBe('data: a\ndata: b\ndata: c\n\n');
  });

  it('Last-Event-ID is a non-negative integer or absent', () => {
    expect(parseLastEventId(undefined)).toBeNull();
    expect(parseLastEventId('')).toBeNull();
    expect(parseLastEventId('42')).toBe(42);
    for (const bad of ['-1', 'abc', '1e3', '1.5', ['1'], '9'.repeat(16)]) expect(parseLastEventId(bad)).toBe('invalid');
  });

  it('cache keys are per coverage and locale', () => {
    expect(liveKey(ID, 'ar')).toBe(`live:${ID}:ar`);
  });
});

describe('LiveBlogPosting JSON-LD', () => {
  const publisher = { name: 'خليجي 247', baseUrl: 'https://khaleeji247.example' };
  const article = {
    title: 'تغطية مباشرة',
    slug: 'تغطية',
    locale: 'ar',
    firstPublishedAt: '2030-01-01T06:00:00.000Z',
    section: { name: 'سياسة', slug: 'سياسة' },
    isLive: true,
    coverageEndTime: '2030-01-02T06:00:00.000Z',
    liveEntries: [
      { documentId: 'e2', body: [para('نص </script> ثان')], postedAt: '2030-01-01T08:00:00.000Z', authors: [{ name: 'خالد', slug: 'خالد' }], image: { url: '/uploads/e.jpg' } },
      { documentId: 'e1', title: 'أول', body: [para('نص أول')], postedAt: '2030-01-01T07:00:00.000Z' },
    ],
  };

  it('is a LiveBlogPosting with coverage times and one BlogPosting per entry, newest first', () => {
    const ld = newsArticleJsonLd(article, publisher, { mediaBaseUrl: 'https://cms.example' }) as Record<string, any>;
    const url = `https://khaleeji247.example/ar/${encodeURIComponent('سياسة')}/${encodeURIComponent('تغطية')}`;
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld.coverageStartTime).toBe('2030-01-01T06:00:00.000Z'); // the first publication when none is set
    expect(ld.coverageEndTime).toBe('2030-01-02T06:00:00.000Z');
    expect(ld.liveBlogUpdate).toEqual([
      {
        '@type': 'BlogPosting',
        '@id': `${url}#entry-e2`,
        headline: 'نص </script> ثان',
        articleBody: 'نص </script> ثان',
        datePublished: '2030-01-01T08:00:00.000Z',
        author: [{ '@type': 'Person', name: 'خالد', url: `https://khaleeji247.example/ar/authors/${encodeURIComponent('خالد')}` }],
        image: 'https://cms.example/uploads/e.jpg',
        url: `${url}#entry-e2`,
      },
      { '@type': 'BlogPosting', '@id': `${url}#entry-e1`, headline: 'أول', articleBody: 'نص أول', datePublished: '2030-01-01T07:00:00.000Z', url: `${url}#entry-e1` },
    ]);
  });

  it('an article not live stays a NewsArticle without live properties', () => {
    const ld = newsArticleJsonLd({ ...article, isLive: false }, publisher) as Record<string, unknown>;
    expect(ld['@type']).toBe('NewsArticle');
    for (const key of ['coverageStartTime', 'coverageEndTime', 'liveBlogUpdate']) expect(key in ld).toBe(false);
  });
});
