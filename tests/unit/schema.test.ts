import fs from 'node:fs';
import path from 'node:path';
import { SLUG_REGEX_SOURCE, slugify } from '../../src/lib/slug';

const schema = (type: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, `../../src/api/${type}/content-types/${type}/schema.json`), 'utf8'));

describe('content-type schemas', () => {
  it.each(['article', 'author', 'section', 'tag'])('%s slug uses the Unicode slug regex from src/lib/slug', (type) => {
    const slug = schema(type).attributes.slug;
    expect(slug.type).toBe('uid');
    expect(slug.regex).toBe(SLUG_REGEX_SOURCE);
    // Exactly how Strapi compiles it: no flags.
    expect(new RegExp(slug.regex).test(slugify('وزراء خارجية الناتو ٢٠٢٥'))).toBe(true);
    expect(new RegExp(slug.regex).test('Not A Slug')).toBe(false);
  });

  it('keeps the public field names of article', () => {
    expect(Object.keys(schema('article').attributes).sort()).toEqual(
      expect.arrayContaining(['title', 'slug', 'excerpt', 'body', 'cover', 'section', 'authors', 'tags', 'relatedLinks', 'dateline', 'source', 'isBreaking', 'seo']),
    );
    expect(schema('author').attributes.email.private).toBe(true);
  });
});
