import { changedFields, lockHeld, parseInstant, parseKeep, planRevisions, restoreInput, reviewRefusal, textDiff, toSnapshot, type Shape } from '../../src/lib/revisions';

const leaf: Shape = { relations: [], media: [], components: {} };
const ARTICLE: Shape = {
  relations: ['section', 'authors', 'tags'],
  media: [],
  components: { cover: { relations: [], media: ['image'], components: {} }, relatedLinks: { relations: ['article'], media: [], components: {} }, seo: leaf },
};

describe('planRevisions', () => {
  it('a draft save is one draft revision of the locale written', () => {
    expect(planRevisions('update', ['ar'], {}, {})).toEqual([{ locale: 'ar', version: 'draft', action: 'update', removed: false }]);
  });
  it('an update that also published adds a publish revision; other locales untouched', () => {
    expect(planRevisions('update', ['ar'], { ar: 1, en: 7 }, { ar: 9, en: 7 })).toEqual([
      { locale: 'ar', version: 'draft', action: 'update', removed: false },
      { locale: 'ar', version: 'published', action: 'publish', removed: false },
    ]);
  });
  it('a first publish, an unpublish, a delete of every locale', () => {
    expect(planRevisions('publish', [], {}, { ar: 3 })).toEqual([{ locale: 'ar', version: 'published', action: 'publish', removed: false }]);
    expect(planRevisions('unpublish', [], { ar: 3 }, {})).toEqual([{ locale: 'ar', version: 'published', action: 'unpublish', removed: true }]);
    expect(planRevisions('delete', ['ar', 'en'], { ar: 3 }, {})).toEqual([
      { locale: 'ar', version: 'published', action: 'delete', removed: true },
      { locale: 'ar', version: 'draft', action: 'delete', removed: true },
      { locale: 'en', version: 'draft', action: 'delete', removed: true },
    ]);
  });
  it('a discarded draft is a `discard` revision of the draft; a republish with the same row id is none', () => {
    expect(planRevisions('discardDraft', ['en'], { en: 4 }, { en: 4 })).toEqual([{ locale: 'en', version: 'draft', action: 'discard', removed: false }]);
    expect(planRevisions('publish', [], { ar: 4 }, { ar: 4 })).toEqual([]);
  });
});

describe('snapshots and restore input', () => {
  const row = {
    id: 12,
    documentId: 'doc1',
    locale: 'ar',
    title: 'عنوان',
    createdAt: 'x',
    updatedAt: 'y',
    publishedAt: null,
    section: { id: 4, documentId: 'sec1' },
    authors: [{ id: 5, documentId: 'a1' }, { id: 6, documentId: 'a2' }],
    tags: [],
    cover: { id: 9, caption: 'صورة', image: { id: 33 } },
    relatedLinks: [{ id: 2, label: 'رابط', url: null, article: { id: 8, documentId: 'doc2' } }],
    seo: null,
    slug: 'عنوان',
    scheduledPublishAt: '2030-01-01T00:00:00.000Z',
  };
  it('keeps fields, component contents without ids, relation documentIds and media ids', () => {
    expect(toSnapshot(row, ARTICLE)).toEqual({
      title: 'عنوان',
      section: 'sec1',
      authors: ['a1', 'a2'],
      tags: [],
      cover: { caption: 'صورة', image: 33 },
      relatedLinks: [{ label: 'رابط', url: null, article: 'doc2' }],
      seo: null,
      slug: 'عنوان',
      scheduledPublishAt: '2030-01-01T00:00:00.000Z',
    });
  });
  it('restores content but not the slug, derived fields or the schedule', () => {
    const input = restoreInput(toSnapshot(row, ARTICLE), ARTICLE);
    expect(input).toEqual({ title: 'عنوان', section: 'sec1', authors: ['a1', 'a2'], tags: [], cover: { caption: 'صورة', image: 33 }, relatedLinks: [{ label: 'رابط', url: null, article: 'doc2' }], seo: null });
  });
  it('names changed fields', () => {
    expect(changedFields({ title: 'a', tags: ['x'] }, { title: 'a', tags: ['y'], excerpt: 'n' })).toEqual(['excerpt', 'tags']);
  });
});

describe('textDiff', () => {
  it('diffs Arabic word by word, not letter by letter', () => {
    const d = textDiff({ title: 'اجتماع في بروكسل' }, { title: 'اجتماع في باريس' });
    expect(d.title).toEqual([{ value: 'اجتماع في ' }, { value: 'بروكسل', removed: true }, { value: 'باريس', added: true }]);
    expect(d.excerpt).toEqual([]);
  });
  it('diffs the body as text, one block per line', () => {
    const p = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
    const d = textDiff({ body: [p('سطر أول'), p('سطر ثان')] }, { body: [p('سطر أول'), p('سطر ثالث')] });
    expect(d.body.filter((x) => x.added).map((x) => x.value)).toEqual(['ثالث']);
    expect(d.body.filter((x) => x.removed).map((x) => x.value)).toEqual(['ثان']);
  });
});

describe('settings and parameters', () => {
  it('REVISIONS_KEEP: default 50, a positive integer, or all', () => {
    expect(parseKeep(undefined)).toBe(50);
    expect(parseKeep('7')).toBe(7);
    expect(parseKeep('ALL')).toBeNull();
    for (const bad of ['0', '-1', '1.5', 'many']) expect(() => parseKeep(bad)).toThrow(/REVISIONS_KEEP/);
  });
  it('an instant needs a zone; epoch milliseconds pass', () => {
    expect(parseInstant('2026-03-01T14:05:00+03:00')).toBe(Date.parse('2026-03-01T11:05:00Z'));
    expect(parseInstant('2026-03-01T14:05Z')).toBe(Date.parse('2026-03-01T14:05:00Z'));
    expect(parseInstant('1772370300000')).toBe(1772370300000);
    for (const bad of ['2026-03-01T14:05:00', '2026-03-01', 'now', '2026-02-30T99:00:00Z', ['x'], undefined]) expect(parseInstant(bad)).toBeNull();
  });
});

describe('locks and review rules', () => {
  const lock = { userId: 1, userName: 'هند', sinceMs: 0, heartbeatMs: 1000 };
  it('a lock holds until its heartbeat is older than the TTL', () => {
    expect(lockHeld(lock, 1000 + 44_999, 45_000)).toBe(true);
    expect(lockHeld(lock, 1000 + 45_000, 45_000)).toBe(false);
    expect(lockHeld(null, 0, 45_000)).toBe(false);
  });
  it('submit from anything but submitted; return only by those who publish, only what is submitted', () => {
    expect(reviewRefusal('submit', null, false)).toBeNull();
    expect(reviewRefusal('submit', 'returned', false)).toBeNull();
    expect(reviewRefusal('submit', 'submitted', true)).toMatch(/already/);
    expect(reviewRefusal('return', 'submitted', true)).toBeNull();
    expect(reviewRefusal('return', 'submitted', false)).toMatch(/editors/);
    expect(reviewRefusal('return', 'returned', true)).toMatch(/not submitted/);
  });
});
