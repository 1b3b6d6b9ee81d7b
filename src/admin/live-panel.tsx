/// <reference lib="dom" />
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import { errorText } from './fetch-error';
import { contentLocaleOf } from '../lib/text-direction';

/**
 * Live coverage in the article edit view (README, "Posting from the admin"):
 * a side panel on live articles with the entries newest first and a compact
 * form — optional title, text, key event, pinned for editors — that posts in
 * one request to /live-desk (src/api/live/controllers/desk.ts); each entry
 * can be edited in place, pinned/unpinned and deleted as the server allows.
 * Right-to-left for Arabic. Plain elements, like the desk panel.
 */
const ARTICLE = 'api::article.article';
const REFRESH_MS = 20_000;

interface Entry {
  documentId: string;
  postedAt: string | null;
  title: string | null;
  text: string;
  pinned: boolean;
  isKeyEvent: boolean;
  authors: string[];
  postedBy: string | null;
  mayEdit: boolean;
  mayDelete: boolean;
}
interface DeskState {
  coverage: { title: string; isLive: boolean; public: boolean };
  access: { mayPost: boolean; mayPin: boolean; reason: 'not-live' | 'not-assigned' | 'no-permission' | null };
  entries: Entry[];
}
interface Draft {
  title: string;
  text: string;
  isKeyEvent: boolean;
  pinned: boolean;
}
const EMPTY: Draft = { title: '', text: '', isKeyEvent: false, pinned: false };
/** The admin's reset strips buttons bare: give them an outline. */
const BUTTON = { border: '1px solid #8c8cb3', borderRadius: 4, padding: '2px 8px', background: '#f6f6f9', cursor: 'pointer', whiteSpace: 'nowrap', fontSize: 12 } as const;
const BADGE = { borderRadius: 8, padding: '0 6px', fontSize: 11, whiteSpace: 'nowrap' } as const;

const T = {
  title: 'العنوان (اختياري) · Title (optional)',
  text: 'نص التحديث · Update text',
  keyEvent: 'حدث رئيسي · Key event',
  pinned: 'تثبيت · Pinned',
  post: 'نشر · Post',
  save: 'حفظ · Save',
  cancel: 'إلغاء · Cancel',
  edit: 'تعديل · Edit',
  pin: 'تثبيت · Pin',
  unpin: 'إلغاء التثبيت · Unpin',
  remove: 'حذف · Delete',
  confirmDelete: 'حذف هذا التحديث؟ يختفي لدى القراء فوراً · Delete this entry? Readers lose it at once',
  empty: 'لا تحديثات بعد · No entries yet',
  notPublic: 'التغطية غير منشورة: التحديثات محفوظة ولا تصل إلى القراء بعد · Not published: entries are kept, not sent',
  reasons: {
    'not-live': 'احفظ المادة مع تفعيل «مباشر» للنشر فيها · Save the story with Live on to post',
    'not-assigned': 'لست مكلفاً بهذه التغطية: اطلب من محرر إضافتك إلى كتّابها · You are not assigned to this coverage: ask an editor to add you as an author',
    'no-permission': 'لا تملك صلاحية نشر التحديثات · You may not post live entries',
  },
  pinnedBadge: 'مثبت · Pinned',
  keyBadge: 'حدث رئيسي · Key event',
};


function EntryForm({ draft, setDraft, mayPin, dir, busy, submit, label, onCancel }: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  mayPin: boolean;
  dir: 'rtl' | 'ltr';
  busy: boolean;
  submit: () => void;
  label: string;
  onCancel?: () => void;
}) {
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  const field = { width: '100%', boxSizing: 'border-box' as const, padding: 4, font: 'inherit' };
  return (
    // Not a <form>: the panel sits inside the edit view's own form, which a submit would save.
    <div role="form" data-live-form dir={dir} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <input data-live-field="title" dir="auto" placeholder={T.title} value={draft.title} maxLength={250} onChange={(e) => setDraft({ ...draft, title: e.target.value })} onKeyDown={onKey} style={field} />
      <textarea data-live-field="text" dir="auto" placeholder={T.text} value={draft.text} rows={4} onChange={(e) => setDraft({ ...draft, text: e.target.value })} onKeyDown={onKey} style={field} />
      <div style={{ display: 'flex', gap: 10, flexWrap: 'wrap', alignItems: 'center' }}>
        <label>
          <input data-live-field="isKeyEvent" type="checkbox" checked={draft.isKeyEvent} onChange={(e) => setDraft({ ...draft, isKeyEvent: e.target.checked })} /> {T.keyEvent}
        </label>
        {mayPin && (
          <label>
            <input data-live-field="pinned" type="checkbox" checked={draft.pinned} onChange={(e) => setDraft({ ...draft, pinned: e.target.checked })} /> {T.pinned}
          </label>
        )}
      </div>
      <div style={{ display: 'flex', gap: 6 }}>
        <button type="button" data-live-action={onCancel ? 'save' : 'post'} disabled={busy || !draft.text.trim()} onClick={submit} style={BUTTON}>
          {label}
        </button>
        {onCancel && (
          <button type="button" data-live-action="cancel" onClick={onCancel} style={BUTTON}>
            {T.cancel}
          </button>
        )}
      </div>
    </div>
  );
}

function LivePanel({ documentId }: { documentId: string }) {
  const { get, post, put, del } = useFetchClient();
  const locale = contentLocaleOf(window.location.search);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const q = `?locale=${encodeURIComponent(locale)}`;
  const [state, setState] = useState<DeskState | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const { data } = await get<{ data: DeskState }>(`/live-desk/coverage/${documentId}${q}`);
    setState(data.data);
  }, [documentId, q]);

  useEffect(() => {
    void refresh().catch((err) => setMessage(errorText(err)));
    const timer = setInterval(() => void refresh().catch(() => undefined), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      await fn();
      await refresh();
      return true;
    } catch (err) {
      setMessage(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!state) return message ? <div role="alert" style={{ color: '#b00' }}>{message}</div> : null;
  const { access } = state;
  const payload = (d: Draft) => ({ title: d.title, text: d.text, isKeyEvent: d.isKeyEvent, ...(access.mayPin ? { pinned: d.pinned } : {}) });

  return (
    <div data-live-panel dir={dir} style={{ display: 'flex', flexDirection: 'column', gap: 8, width: '100%', fontSize: 13 }}>
      {state.coverage.isLive && !state.coverage.public && <div data-live-note="not-public" style={{ color: '#8a6d00' }}>{T.notPublic}</div>}
      {access.mayPost ? (
        <EntryForm
          draft={draft}
          setDraft={setDraft}
          mayPin={access.mayPin}
          dir={dir}
          busy={busy}
          label={T.post}
          submit={() => void act(() => post(`/live-desk/coverage/${documentId}/entries${q}`, payload(draft))).then((ok) => ok && setDraft(EMPTY))}
        />
      ) : (
        access.reason && <div data-live-note={access.reason}>{T.reasons[access.reason]}</div>
      )}
      {message && <div role="alert" style={{ color: '#b00' }}>{message}</div>}
      <ol data-live-entries style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {state.entries.length === 0 && <li style={{ color: '#666' }}>{T.empty}</li>}
        {state.entries.map((e) => (
          <li key={e.documentId} data-live-entry={e.documentId} data-pinned={e.pinned} data-key-event={e.isKeyEvent} style={{ borderTop: '1px solid #eee', padding: '6px 0', background: e.pinned ? '#fff8e1' : undefined }}>
            {editing?.id === e.documentId ? (
              <EntryForm
                draft={editing.draft}
                setDraft={(d) => setEditing({ id: e.documentId, draft: d })}
                mayPin={false}
                dir={dir}
                busy={busy}
                label={T.save}
                onCancel={() => setEditing(null)}
                submit={() => {
                  const { title, text, isKeyEvent } = editing.draft;
                  void act(() => put(`/live-desk/entries/${e.documentId}${q}`, { title, text, isKeyEvent })).then((ok) => ok && setEditing(null));
                }}
              />
            ) : (
              <>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center', color: '#555', fontSize: 12 }}>
                  <time dateTime={e.postedAt ?? undefined}>{e.postedAt ? new Date(e.postedAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) : ''}</time>
                  {e.authors.length > 0 && <span dir="auto">{e.authors.join('، ')}</span>}
                  {e.pinned && <span data-live-badge="pinned" style={{ ...BADGE, background: '#ffe08a' }}>{T.pinnedBadge}</span>}
                  {e.isKeyEvent && <span data-live-badge="key-event" style={{ ...BADGE, background: '#d9e7ff' }}>{T.keyBadge}</span>}
                </div>
                {e.title && <div dir="auto" style={{ fontWeight: 600 }}>{e.title}</div>}
                <div dir="auto" data-live-text style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }}>
                  {e.mayEdit && (
                    <button type="button" data-live-action="edit" disabled={busy} style={BUTTON} onClick={() => setEditing({ id: e.documentId, draft: { title: e.title ?? '', text: e.text, isKeyEvent: e.isKeyEvent, pinned: e.pinned } })}>
                      {T.edit}
                    </button>
                  )}
                  {e.mayEdit && access.mayPin && (
                    <button type="button" data-live-action={e.pinned ? 'unpin' : 'pin'} disabled={busy} style={BUTTON} onClick={() => void act(() => put(`/live-desk/entries/${e.documentId}${q}`, { pinned: !e.pinned }))}>
                      {e.pinned ? T.unpin : T.pin}
                    </button>
                  )}
                  {e.mayDelete && (
                    <button type="button" data-live-action="delete" disabled={busy} style={BUTTON} onClick={() => window.confirm(T.confirmDelete) && void act(() => del(`/live-desk/entries/${e.documentId}${q}`))}>
                      {T.remove}
                    </button>
                  )}
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The panel description Strapi's edit view asks for (a React hook-using
 * function): articles whose form has Live on, once the document exists.
 */
export const livePanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const isLive = useForm('LivePanel', (s) => (s.values as { isLive?: unknown } | undefined)?.isLive === true);
  return model === ARTICLE && documentId && isLive ? { title: 'تغطية مباشرة · Live coverage', content: <LivePanel documentId={documentId} /> } : null;
};
