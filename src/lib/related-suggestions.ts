/**
 * The admin's related-story suggestions (src/admin/related-suggestions.tsx),
 * the part that is plain data: which articles the edit form already links to,
 * and the relatedLinks entry that picking a suggestion adds — in the shape the
 * content manager's own relation input puts in its form (a `connect` item
 * carrying `apiData`, which is what the form submits).
 */

/** A suggestion as POST /article-related/suggestions answers it. */
export interface Suggestion {
  /** The target's draft row, the one the relation input connects. */
  id: number;
  documentId: string;
  locale: string;
  title: string;
  slug: string | null;
  firstPublishedAt: string;
  section: { name: string; slug: string } | null;
}

interface ConnectItem {
  id?: unknown;
  documentId?: unknown;
  apiData?: { documentId?: unknown } | null;
}

/** The documentIds the form's relatedLinks connect (links added since the last save; saved ones the server knows). */
export function linkedArticleIds(relatedLinks: unknown): string[] {
  if (!Array.isArray(relatedLinks)) return [];
  const ids = new Set<string>();
  for (const link of relatedLinks) {
    const connect = (link as { article?: { connect?: ConnectItem[] } } | null)?.article?.connect;
    for (const item of Array.isArray(connect) ? connect : []) {
      const id = item?.apiData?.documentId ?? item?.documentId;
      if (typeof id === 'string' && id) ids.add(id);
    }
  }
  return [...ids];
}

/** The relatedLinks row for a picked suggestion: its title as the label, the article connected. */
export function relatedLinkEntry(s: Suggestion, model = 'api::article.article') {
  return {
    label: s.title.slice(0, 250),
    article: {
      connect: [
        {
          id: s.id,
          documentId: s.documentId,
          locale: s.locale,
          apiData: { id: s.id, documentId: s.documentId, locale: s.locale, isTemporary: true },
          status: 'published',
          // A fractional-indexing key (the content manager's first one): the relation list sorts by it.
          __temp_key__: 'a0',
          title: s.title,
          label: s.title,
          href: `../collection-types/${model}/${s.documentId}?plugins[i18n][locale]=${encodeURIComponent(s.locale)}`,
        },
      ],
      disconnect: [],
    },
  };
}
