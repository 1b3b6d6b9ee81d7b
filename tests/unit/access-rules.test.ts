import { boundPopulate, draftParamIn, isUnboundedRelation, mayUseResource, namedUnboundedRelation, type ModelLookup } from '../../src/lib/access-rules';

/** A tiny schema: sections and authors (no drafts) list articles (drafts) through inverse relations. */
const models: Record<string, ReturnType<ModelLookup>> = {
  'api::article.article': {
    draftAndPublish: true,
    attributes: {
      title: { type: 'string' },
      section: { type: 'relation', relation: 'manyToOne', target: 'api::section.section', inversedBy: 'articles' } as any,
      authors: { type: 'relation', relation: 'manyToMany', target: 'api::author.author', inversedBy: 'articles' } as any,
      cover: { type: 'component', component: 'media.figure' },
    },
  },
  'api::section.section': {
    draftAndPublish: false,
    attributes: {
      name: { type: 'string' },
      articles: { type: 'relation', relation: 'oneToMany', target: 'api::article.article', mappedBy: 'section' },
      children: { type: 'relation', relation: 'oneToMany', target: 'api::section.section', mappedBy: 'parent' },
      parent: { type: 'relation', relation: 'manyToOne', target: 'api::section.section' },
    },
  },
  'api::author.author': {
    draftAndPublish: false,
    attributes: { name: { type: 'string' }, articles: { type: 'relation', relation: 'manyToMany', target: 'api::article.article', mappedBy: 'authors' } },
  },
  'media.figure': { draftAndPublish: false, attributes: { image: { type: 'media' }, caption: { type: 'string' } } },
};
const lookup: ModelLookup = (uid) => models[uid];

describe('draft parameters', () => {
  it('finds the parameter that reaches unpublished content', () => {
    expect(draftParamIn({ status: 'draft' })).toBe('status');
    expect(draftParamIn({ status: 'DRAFT' })).toBe('status');
    expect(draftParamIn({ status: 'published' })).toBeNull();
    expect(draftParamIn({ status: 'PUBLISHED' })).toBeNull();
    expect(draftParamIn({ status: ['draft'] })).toBe('status');
    expect(draftParamIn({ publicationFilter: 'modified' })).toBe('publicationFilter');
    expect(draftParamIn({ hasPublishedVersion: false })).toBe('hasPublishedVersion');
    expect(draftParamIn({ status: '' })).toBeNull();
    expect(draftParamIn(undefined)).toBeNull();
  });
});

describe('resources per caller', () => {
  it('keeps read-only tokens on our own types (and the locale list)', () => {
    expect(mayUseResource('read-only-token', 'api::article.article')).toBe(true);
    expect(mayUseResource('read-only-token', 'plugin::i18n.locales')).toBe(true);
    expect(mayUseResource('read-only-token', 'plugin::users-permissions.user')).toBe(false);
    expect(mayUseResource('read-only-token', 'plugin::upload.content-api')).toBe(false);
    for (const kind of ['public', 'custom-token', 'full-access-token', 'admin'] as const) expect(mayUseResource(kind, 'plugin::upload.content-api')).toBe(true);
  });
});

describe('unbounded relations', () => {
  it('are the inverse to-many relations to a draft & publish type', () => {
    expect(isUnboundedRelation(models['api::section.section']!.attributes.articles, lookup)).toBe(true);
    expect(isUnboundedRelation(models['api::author.author']!.attributes.articles, lookup)).toBe(true);
    expect(isUnboundedRelation(models['api::section.section']!.attributes.children, lookup)).toBe(false);
    expect(isUnboundedRelation(models['api::article.article']!.attributes.authors, lookup)).toBe(false);
  });

  it('are found wherever a populate names them, in every spelling', () => {
    expect(namedUnboundedRelation('articles', 'api::section.section', lookup)).toEqual(['articles']);
    expect(namedUnboundedRelation('children,articles', 'api::section.section', lookup)).toEqual(['articles']);
    expect(namedUnboundedRelation(['articles'], 'api::author.author', lookup)).toEqual(['articles']);
    expect(namedUnboundedRelation({ section: { populate: { articles: true } } }, 'api::article.article', lookup)).toEqual(['section', 'populate', 'articles']);
    expect(namedUnboundedRelation('*', 'api::section.section', lookup)).toBeNull();
    expect(namedUnboundedRelation({ children: true, parent: { populate: '*' } }, 'api::section.section', lookup)).toBeNull();
  });

  it('are left out of `*` and of expanded populate trees, which are cut at the depth limit', () => {
    expect(boundPopulate('*', 'api::section.section', lookup, 4)).toEqual({ populate: { children: true, parent: true }, tooDeep: null });
    expect(boundPopulate({ articles: true, children: { populate: '*' } }, 'api::section.section', lookup, 4).populate).toEqual({
      children: { populate: { children: true, parent: true } },
    });
    const deep = { parent: { populate: { parent: { populate: { parent: { populate: { parent: { populate: '*' } } } } } } } };
    expect(boundPopulate(deep, 'api::section.section', lookup, 4).tooDeep).toEqual(['parent', 'populate', 'parent', 'populate', 'parent', 'populate', 'parent', 'populate']);
    expect(boundPopulate(deep, 'api::section.section', lookup, 5).tooDeep).toBeNull();
  });
});
