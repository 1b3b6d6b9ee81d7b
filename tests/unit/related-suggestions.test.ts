import { linkedArticleIds, relatedLinkEntry, type Suggestion } from '../../src/lib/related-suggestions';

const suggestion: Suggestion = {
  id: 7,
  documentId: 'abc123',
  locale: 'ar',
  title: 'أسعار النفط ترتفع',
  slug: 'اسعار-النفط-ترتفع',
  firstPublishedAt: '2026-12-01T10:00:00.000Z',
  section: { name: 'اقتصاد', slug: 'اقتصاد' },
};

describe('related-story suggestions (admin form data)', () => {
  it('a picked suggestion becomes a relatedLinks row: its title as label, the article connected as the relation input does', () => {
    const entry = relatedLinkEntry(suggestion);
    expect(entry.label).toBe('أسعار النفط ترتفع');
    expect(entry.article.disconnect).toEqual([]);
    expect(entry.article.connect).toHaveLength(1);
    expect(entry.article.connect[0]).toMatchObject({
      id: 7,
      apiData: { id: 7, documentId: 'abc123', locale: 'ar', isTemporary: true },
      label: 'أسعار النفط ترتفع',
      href: '../collection-types/api::article.article/abc123?plugins[i18n][locale]=ar',
    });
    expect(relatedLinkEntry({ ...suggestion, title: 'ن'.repeat(300) }).label).toHaveLength(250);
  });

  it('finds the articles the form links to, whatever else the rows hold', () => {
    const rows = [
      relatedLinkEntry(suggestion),
      { label: 'outside', url: 'https://example.com' },
      { label: 'saved', article: { connect: [], disconnect: [] } },
      { label: 'picked', article: { connect: [{ id: 3, documentId: 'def456' }] } },
      null,
    ];
    expect(linkedArticleIds(rows)).toEqual(['abc123', 'def456']);
    expect(linkedArticleIds(undefined)).toEqual([]);
    expect(linkedArticleIds('x')).toEqual([]);
  });
});
