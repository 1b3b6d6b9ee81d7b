/// <reference lib="dom" />
import { useEffect, useState } from 'react';
import { getFetchClient } from '@strapi/strapi/admin';
import { contentLocaleOf } from '../lib/text-direction';

/**
 * The article list view's review column (README, "Review"): "submitted" or
 * "sent back" beside each locale version in review, empty otherwise. The
 * cells of one page ask together — one GET /article-desk/review-states for
 * the rows shown, not one request a row.
 */
const ARTICLE = 'api::article.article';

interface ReviewState {
  state: 'submitted' | 'returned';
  note: string | null;
}
type States = Record<string, ReviewState>;

const LABEL = {
  header: 'المراجعة · Review',
  submitted: 'بانتظار المراجعة · Submitted',
  returned: 'أعيد للتعديل · Sent back',
};

/** Cells that mount in the same task share one request (per locale). */
const waiting = new Map<string, Map<string, Array<(s: ReviewState | null) => void>>>();

function reviewStateOf(documentId: string, locale: string): Promise<ReviewState | null> {
  return new Promise((resolve) => {
    let batch = waiting.get(locale);
    if (!batch) {
      const fresh = new Map<string, Array<(s: ReviewState | null) => void>>();
      waiting.set(locale, fresh);
      batch = fresh;
      setTimeout(async () => {
        waiting.delete(locale);
        const ids = [...fresh.keys()];
        let states: States = {};
        try {
          const query = `locale=${encodeURIComponent(locale)}&documentIds=${ids.map(encodeURIComponent).join(',')}`;
          states = (await getFetchClient().get<{ data: States }>(`/article-desk/review-states?${query}`)).data.data;
        } catch {
          /* the column stays empty */
        }
        for (const [id, callbacks] of fresh) for (const callback of callbacks) callback(states[id] ?? null);
      }, 0);
    }
    batch.set(documentId, [...(batch.get(documentId) ?? []), resolve]);
  });
}

function ReviewCell({ documentId, locale }: { documentId: string; locale: string }) {
  const [review, setReview] = useState<ReviewState | null>(null);
  useEffect(() => {
    let live = true;
    void reviewStateOf(documentId, locale).then((state) => live && setReview(state));
    return () => {
      live = false;
    };
  }, [documentId, locale]);
  if (!review) return <span data-desk-list-review="none">—</span>;
  return (
    <span
      data-desk-list-review={review.state}
      title={review.note ?? undefined}
      dir="auto"
      style={{ padding: '2px 6px', borderRadius: 4, fontSize: 12, background: review.state === 'submitted' ? '#fdf4dc' : '#fcecea', color: review.state === 'submitted' ? '#be5d01' : '#b72b1a' }}
    >
      {LABEL[review.state]}
    </span>
  );
}

interface Header {
  name: string;
  [key: string]: unknown;
}

/**
 * For app.tsx: the Admin/CM/pages/ListView/inject-column-in-table hook, on the
 * article list only; the column comes right after the title (the list is wider
 * than the page: at the end it would be scrolled out of sight).
 */
export const addReviewColumn = ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => {
  if (!window.location.pathname.includes(`/${ARTICLE}`)) return { displayedHeaders, layout };
  const after = displayedHeaders.findIndex((h) => h.name === 'title') + 1 || displayedHeaders.length;
  return {
    displayedHeaders: [
      ...displayedHeaders.slice(0, after),
      {
        attribute: { type: 'string' },
        label: { id: 'desk.list.review', defaultMessage: LABEL.header },
        searchable: false,
        sortable: false,
        name: 'deskReview',
        cellFormatter: (row: { documentId: string; locale?: string }) => (
          <ReviewCell documentId={row.documentId} locale={row.locale ?? contentLocaleOf(window.location.search)} />
        ),
      },
      ...displayedHeaders.slice(after),
    ],
    layout,
  };
};
