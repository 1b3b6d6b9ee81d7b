import { buildSchema, parse } from 'graphql';
import { controlCharacterArgument, operationCost } from '../../src/graphql/operation-limits';

const schema = buildSchema(`
  type Image { url: String }
  type Section { name: String articles(pagination: Page): [Article] }
  type Article { title: String jsonLd: String section: Section authors(pagination: Page): [Author] tags: [Tag] }
  type Author { name: String avatar: Image }
  type Tag { name: String }
  type Connection { nodes: [Article] }
  input Page { page: Int pageSize: Int limit: Int }
  type Result { items: [Article] total: Int }
  type Query {
    articles(pagination: Page, locale: String): [Article]
    articles_connection(pagination: Page): Connection
    searchArticles(q: String!, pageSize: Int): Result
  }
`);
const options = { maxCost: 5000, defaultPageSize: 20, maxPageSize: 100 };
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), variables, options);

describe('GraphQL operation cost', () => {
  it('prices scalars at nothing and each object or list by the page it asks for', () => {
    expect(cost('{ articles { title } }')).toBe(1);
    expect(cost('{ articles { section { name } } }')).toBe(1 + 20 * 1);
    expect(cost('{ articles(pagination: { pageSize: 100 }) { section { name } } }')).toBe(1 + 100 * 1);
    expect(cost('query($n: Int) { articles(pagination: { pageSize: $n }) { section { name } } }', { n: 5 })).toBe(1 + 5);
    expect(cost('{ articles { authors { avatar { url } } } }')).toBe(1 + 20 * (1 + 20 * 1));
    expect(cost('{ articles_connection(pagination: { pageSize: 10 }) { nodes { section { name } } } }')).toBe(1 + 10 * (1 + 1));
  });

  it('charges the fields that load more (jsonLd, search)', () => {
    expect(cost('{ articles(pagination: { pageSize: 100 }) { jsonLd } }')).toBe(1 + 100 * 10);
    expect(cost('{ searchArticles(q: "x", pageSize: 10) { items { title } total } }')).toBe(25 + 10 * 1);
  });

  it('prices pages over the maximum at the maximum (the resolver refuses them, naming the argument)', () => {
    expect(cost('{ articles(pagination: { pageSize: 100000 }) { jsonLd } }')).toBe(1 + 100 * 10);
  });

  it('makes aliases pay one by one', () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: articles(pagination: { pageSize: 100 }) { jsonLd }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBe(200 * 1001);
    expect(cost(`{ ${aliases} }`)).toBeGreaterThan(options.maxCost);
    expect(cost('{ articles(pagination: { pageSize: 100 }) { title section { name } authors(pagination: { pageSize: 10 }) { name avatar { url } } tags { name } } }')).toBeLessThanOrEqual(options.maxCost);
  });
});

describe('control characters in GraphQL arguments', () => {
  it('are found in literals and in variables, however nested', () => {
    expect(controlCharacterArgument(parse('{ searchArticles(q: "a\\u0000b") { total } }'), {})).toBe('q');
    expect(controlCharacterArgument(parse('query($q: String!) { searchArticles(q: $q) { total } }'), { q: 'a\u0007' })).toBe('$q');
    expect(controlCharacterArgument(parse('query($p: Page) { articles(pagination: $p) { title } }'), { p: { pageSize: 1, x: ['ok', 'no\u0001'] } })).toBe('$p');
    expect(controlCharacterArgument(parse('{ articles(locale: "ar") { title } }'), { unused: 'tab\tand\nnewline' })).toBeNull();
  });
});
