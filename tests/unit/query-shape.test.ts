import { fieldsProblems, filterProblems, paginationProblems, populateFilterProblems, sortProblems, valueProblem, type AttributeLookup, type FilterOptions } from '../../src/lib/query-shape';

const schemas: Record<string, Record<string, any>> = {
  'api::article.article': {
    title: { type: 'string' },
    readingTimeMinutes: { type: 'integer' },
    isBreaking: { type: 'boolean' },
    firstPublishedAt: { type: 'datetime' },
    body: { type: 'blocks' },
    section: { type: 'relation', target: 'api::section.section' },
    cover: { type: 'component', component: 'media.figure' },
  },
  'api::section.section': { name: { type: 'string' }, position: { type: 'integer' }, articles: { type: 'relation', target: 'api::article.article' } },
  'media.figure': { caption: { type: 'string' } },
};
const lookup: AttributeLookup = (uid) => schemas[uid];
const publicCaller: FilterOptions = { drafts: false, hasDraftAndPublish: (uid) => uid === 'api::article.article' };
const editor: FilterOptions = { ...publicCaller, drafts: true };
const check = (filters: unknown, uid = 'api::article.article', options = publicCaller) => filterProblems(filters, uid, lookup, options);
const paths = (filters: unknown, uid?: string, options?: FilterOptions) => check(filters, uid, options).map((p) => p.path.join('.'));

describe('filter values are checked against the attribute type', () => {
  it.each([
    ['integer', 'abc', 'must be an integer'],
    ['integer', '3000000000', 'must be an integer between'],
    ['biginteger', '3000000000', null],
    ['integer', '-12', null],
    ['float', 'x', 'must be a number'],
    ['float', '1.5e3', null],
    ['boolean', 'maybe', 'must be true or false'],
    ['boolean', 'TRUE', null],
    ['datetime', 'tomorrow', 'must be an ISO 8601 date'],
    ['datetime', '2025-01-02T03:04:05Z', null],
    ['time', '25:99:99', 'must be a time'],
    ['time', '23:59:59.123', null],
    ['date', '2025-02-31', 'must be an ISO 8601 date'],
    ['date', '2024-02-29', null],
    ['datetime', '2025-01-02T25:00:00Z', 'must be an ISO 8601 date'],
    ['datetime', '2025-01-02T03:04:05.678+03:00', null],
    ['time', 'noon', 'must be a time'],
    ['string', 'a\u0000b', 'must not contain control characters'],
    ['string', 'ا'.repeat(1001), 'must be at most 1000 characters'],
    ['string', { a: 1 }, 'must be a single value'],
  ])('%s ← %j', (type, value, problem) => {
    const found = valueProblem(value, type);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('filter shapes', () => {
  it('accepts what frontends send', () => {
    expect(check({ title: { $eq: 'x' }, readingTimeMinutes: { $gte: '3' }, section: { name: { $in: ['a', 'b'] } } })).toEqual([]);
    expect(check({ $or: [{ title: 'a' }, { title: { $containsi: 'b' } }], isBreaking: true, id: { $in: ['1', '2'] } })).toEqual([]);
    expect(check({ firstPublishedAt: { $between: ['2025-01-01', '2025-02-01'] }, $not: { title: { $null: 'true' } } })).toEqual([]);
    expect(check({ section: { $eq: '3' } })).toEqual([]);
    expect(check({ cover: { caption: { $notNull: true } } })).toEqual([]);
  });

  it('names what the database would have choked on', () => {
    expect(paths({ section: { $between: 'x' } })).toEqual(['filters.section.$between']);
    expect(paths({ title: { $eq: { a: 'b' } } })).toEqual(['filters.title.$eq']);
    expect(paths({ $or: 'x' })).toEqual(['filters.$or']);
    expect(paths({ section: { $eq: '1', $ne: '2' } })).toEqual(['filters.section']);
    expect(paths({ id: { $eq: 'abc' } })).toEqual(['filters.id.$eq']);
    expect(paths({ section: { id: { $eq: 'abc' } } })).toEqual(['filters.section.id.$eq']);
    expect(paths({ title: { $foo: 'x' } })).toEqual(['filters.title.$foo']);
    expect(paths({ $eq: 'x' })).toEqual(['filters.$eq']);
    expect(paths('x')).toEqual(['filters']);
    expect(paths({ body: { $contains: 'x' } })).toEqual(['filters.body']);
    expect(paths({ title: { $in: [] } })).toEqual(['filters.title.$in']);
    expect(paths({ isBreaking: { $null: 'perhaps' } })).toEqual(['filters.isBreaking.$null']);
  });

  it('bounds the size and depth of a filter tree', () => {
    const deep = Array.from({ length: 20 }).reduce<Record<string, unknown>>((acc) => ({ $not: acc }), { title: 'x' });
    expect(check(deep).length).toBeGreaterThan(0);
    const wide = { $or: Array.from({ length: 150 }, (_, i) => ({ title: { $eq: String(i) } })) };
    expect(check(wide).some((p) => /too many conditions/.test(p.message))).toBe(true);
  });

  it('without the drafts permission, no filter crosses a relation into articles', () => {
    expect(paths({ articles: { title: { $containsi: 'embargo' } } }, 'api::section.section')).toEqual(['filters.articles']);
    expect(paths({ section: { articles: { title: 'x' } } })).toEqual(['filters.section.articles']);
    expect(paths({ articles: { title: 'x' } }, 'api::section.section', editor)).toEqual([]);
    expect(populateFilterProblems({ section: { filters: { articles: { title: 'x' } } } }, 'api::article.article', lookup, publicCaller).map((p) => p.path.join('.'))).toEqual([
      'populate.section.filters.articles',
    ]);
  });
});

describe('pagination, sort and fields', () => {
  it('refuses pages over the limit instead of cutting them', () => {
    expect(paginationProblems({ pageSize: '100' }, 100)).toEqual([]);
    expect(paginationProblems({ pageSize: '101' }, 100).map((p) => p.path)).toEqual([['pagination', 'pageSize']]);
    expect(paginationProblems({ limit: '-1' }, 100).map((p) => p.path)).toEqual([['pagination', 'limit']]);
    expect(paginationProblems({ page: '0' }, 100).map((p) => p.path)).toEqual([['pagination', 'page']]);
    expect(paginationProblems({ page: '1', start: '0' }, 100).map((p) => p.path)).toEqual([['pagination']]);
    expect(paginationProblems('5', 100).map((p) => p.path)).toEqual([['pagination']]);
    expect(paginationProblems({ limit: 20, start: 0 }, 100, [])).toEqual([]);
  });

  it('knows asc from desc', () => {
    expect(sortProblems('title:asc,firstPublishedAt:DESC')).toEqual([]);
    expect(sortProblems(['title', { section: { name: 'asc' } }])).toEqual([]);
    expect(sortProblems('title:sideways').map((p) => p.path)).toEqual([['sort']]);
    expect(sortProblems({ title: 'up' }).map((p) => p.path)).toEqual([['sort', 'title']]);
  });

  it('takes field names as text', () => {
    expect(fieldsProblems(['title', 'slug'])).toEqual([]);
    expect(fieldsProblems('title,slug')).toEqual([]);
    expect(fieldsProblems([{ a: 'b' }]).map((p) => p.path)).toEqual([['fields']]);
  });
});
