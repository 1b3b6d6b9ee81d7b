/// <reference lib="dom" />
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { unstable_useDocumentLayout, useFetchClient, useForm } from '@strapi/strapi/admin';
import { contentLocaleOf } from '../lib/text-direction';
import { linkedArticleIds, relatedLinkEntry, type Suggestion } from '../lib/related-suggestions';

/**
 * Suggested related stories (أخبار ذات صلة) in the article edit view, next to
 * the relatedLinks field: published stories of the locale most like the
 * version being edited — its title and excerpt as typed (unsaved text counts;
 * a draft never published and a story not saved yet get suggestions too), its
 * saved tags and section — from POST /article-related/suggestions
 * (src/api/search/controllers/suggestions.ts). "Add" puts a relatedLinks row
 * in the form (label = the story's title, the article connected), saved with
 * the story like any edit; a story already linked is not suggested.
 *
 * Where: under the relatedLinks field, in its cell of the form's grid, when
 * the edit view shows it; else in this side panel. Plain elements,
 * right-to-left for Arabic.
 */
const ARTICLE = 'api::article.article';
const FIELD = 'relatedLinks';
const MAX_LINKS = 10; // the schema's max
const DEBOUNCE_MS = 400;
const HOST_ID = 'newsroom-related-suggestions';

const T = {
  heading: 'أخبار ذات صلة مقترحة · Suggested related stories',
  empty: 'لا اقتراحات بعد: اكتب العنوان · No suggestions yet: write the headline',
  add: 'أضف · Add',
  full: 'اكتمل عدد الروابط (10) · 10 links, the most',
  failed: 'تعذر جلب الاقتراحات · Could not load suggestions',
  below: 'الاقتراحات تحت حقل «أخبار ذات صلة» · Suggestions are under the related-links field',
};

interface FormSlice {
  title: string;
  excerpt: string;
  links: unknown[];
  addFieldRow: (field: string, value: Record<string, unknown>) => void;
}

/**
 * The relatedLinks field's cell of the edit form's layout grid (null: not on
 * screen), found by the field's label as the edit view's layout names it
 * (src/bootstrap/article-admin.ts sets it; the attribute name by default).
 */
function fieldCell(label: string): HTMLElement | null {
  const form = document.querySelector('main form');
  if (!form) return null;
  const labels = [label, FIELD].filter(Boolean);
  const el = [...form.querySelectorAll('label')].find((l) => labels.some((text) => (l.textContent ?? '').trim().startsWith(text)));
  for (let node = el?.parentElement ?? null; node && node !== form; node = node.parentElement) {
    if (node.parentElement && getComputedStyle(node.parentElement).display === 'grid') return node;
  }
  return null;
}

function SuggestionList({ documentId }: { documentId?: string }) {
  const { post } = useFetchClient();
  const locale = contentLocaleOf(window.location.search);
  const dir = locale === 'ar' ? 'rtl' : 'auto';
  const form = useForm('RelatedSuggestions', (s): FormSlice => {
    const values = s.values as Record<string, unknown>;
    return {
      title: typeof values.title === 'string' ? values.title : '',
      excerpt: typeof values.excerpt === 'string' ? values.excerpt : '',
      links: Array.isArray(values[FIELD]) ? (values[FIELD] as unknown[]) : [],
      addFieldRow: s.addFieldRow,
    };
  });
  const linked = linkedArticleIds(form.links);
  const linkedKey = linked.join(',');
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [failed, setFailed] = useState(false);

  // The typed text, settled for a moment, and the links: a new request.
  useEffect(() => {
    const timer = setTimeout(async () => {
      try {
        const { data } = await post<{ data: Suggestion[] }>(`/article-related/suggestions?locale=${encodeURIComponent(locale)}`, {
          ...(documentId ? { documentId } : {}),
          title: form.title.slice(0, 250),
          excerpt: form.excerpt.slice(0, 600),
          exclude: linked.slice(0, 50),
        });
        setSuggestions(data.data);
        setFailed(false);
      } catch {
        setFailed(true);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [documentId, locale, form.title, form.excerpt, linkedKey]);

  const full = form.links.length >= MAX_LINKS;
  const shown = (suggestions ?? []).filter((s) => !linked.includes(s.documentId));
  return (
    <section data-related-suggestions dir={dir} style={{ display: 'flex', flexDirection: 'column', gap: 6, width: '100%', fontSize: 13, border: '1px dashed #c0c0cf', borderRadius: 4, padding: 8, marginTop: 8 }}>
      <strong>{T.heading}</strong>
      {failed && <div role="alert" style={{ color: '#b00' }}>{T.failed}</div>}
      {suggestions && shown.length === 0 && <span>{T.empty}</span>}
      {full && shown.length > 0 && <span>{T.full}</span>}
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map((s) => (
          <li key={s.documentId} data-related-suggestion={s.documentId} style={{ display: 'flex', alignItems: 'center', gap: 8, borderTop: '1px solid #eee', padding: '4px 0' }}>
            <span style={{ flex: 1, minWidth: 0 }}>
              <span dir="auto">{s.title}</span>
              <br />
              <small dir="auto">
                {s.section ? `${s.section.name} · ` : ''}
                {new Date(s.firstPublishedAt).toLocaleDateString(locale)}
              </small>
            </span>
            <button type="button" data-related-add={s.documentId} disabled={full} onClick={() => form.addFieldRow(FIELD, relatedLinkEntry(s, ARTICLE))}>
              {T.add}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * In the side panel; moved under the relatedLinks field (a portal keeps it in
 * the form's React tree) whenever that field is on screen.
 */
function RelatedSuggestions({ documentId }: { documentId?: string }) {
  const [host, setHost] = useState<HTMLElement | null>(null);
  const layout = unstable_useDocumentLayout(ARTICLE) as { edit?: { metadatas?: Record<string, { label?: string } | undefined> } };
  const label = layout.edit?.metadatas?.[FIELD]?.label ?? FIELD;
  useEffect(() => {
    const place = () => {
      const cell = fieldCell(label);
      let el = document.getElementById(HOST_ID);
      if (!cell) {
        el?.remove();
        setHost(null);
        return;
      }
      if (!el) {
        el = document.createElement('div');
        el.id = HOST_ID;
      }
      // Last in the field's cell: under the entries and their "add an entry" button.
      if (el.parentElement !== cell || el.nextElementSibling) cell.appendChild(el);
      setHost(el);
    };
    place();
    const observer = new MutationObserver(() => requestAnimationFrame(place));
    const root = document.querySelector('main') ?? document.body;
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      document.getElementById(HOST_ID)?.remove();
    };
  }, [label]);
  const list = useMemo(() => <SuggestionList documentId={documentId} />, [documentId]);
  if (!host) return list;
  return (
    <>
      <small dir="rtl" style={{ color: '#666' }}>{T.below}</small>
      {createPortal(list, host)}
    </>
  );
}

/** The panel description Strapi's edit view asks for: articles, saved or not. */
export const relatedSuggestionsPanel = ({ model, documentId }: { model: string; documentId?: string }) =>
  model === ARTICLE ? { title: 'اقتراحات · Suggestions', content: <RelatedSuggestions documentId={documentId} /> } : null;
