/// <reference lib="dom" />
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorOf, errorText } from './fetch-error';
import { contentLocaleOf } from '../lib/text-direction';
import { setHeldElsewhere } from './desk-lock';

/**
 * The desk in the article edit view (README, "The desk"): a side panel that
 * takes the edit lock when the version opens (heartbeat every 15 s, released
 * on close), shows who holds it with Take over for editors, the review state
 * with Submit / Send back, and the revisions with a side-by-side word diff
 * (Arabic right-to-left) and Restore. While someone else holds the lock
 * the form's fields are inert and Save/Publish disabled (desk-lock.tsx).
 * Plain elements: the panel must not depend on the design system's internals.
 */
const ARTICLE = 'api::article.article';
const HEARTBEAT_MS = 15_000;

interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}
interface Revision {
  id: number;
  version: 'draft' | 'published';
  action: string;
  title: string | null;
  author: { name: string | null };
  createdAt: string;
}
interface LockView {
  held: boolean;
  takenOver?: boolean;
  lock: { userName: string; since: string } | null;
}
interface DeskState {
  access: { mayPublish: boolean; mayUpdate: boolean };
  lock: LockView;
  review: { state: 'submitted' | 'returned'; note: string | null; by: { name: string | null } } | null;
}

const T = {
  lockHeld: 'تحرير هذه النسخة لك · You are editing',
  heldBy: (name: string) => `يحررها الآن ${name} — للقراءة فقط · ${name} is editing (read-only)`,
  takenOver: (name: string) => `أخذ ${name} التحرير منك · ${name} took over`,
  takeOver: 'تولي التحرير · Take over',
  submit: 'إرسال للمراجعة · Submit for review',
  sendBack: 'إعادة مع ملاحظة · Send back',
  restore: 'استعادة كمسودة · Restore',
  history: 'السجل · Revisions',
};

/** The edit view's field area (the form's tab panels; the side panels are outside them). */
const fieldAreasOf = (panel: HTMLElement | null): HTMLElement[] =>
  Array.from(panel?.closest('form')?.querySelectorAll<HTMLElement>('[role="tabpanel"]') ?? []);

/** Makes the fields read-only while `readOnly` (re-applied when Strapi re-renders a tab). */
function useReadOnlyFields(panel: RefObject<HTMLElement>, readOnly: boolean) {
  useEffect(() => {
    const apply = (on: boolean) => {
      for (const area of fieldAreasOf(panel.current)) {
        if (on) {
          if (area.hasAttribute('data-desk-read-only')) continue;
          area.setAttribute('inert', '');
          area.setAttribute('data-desk-read-only', '');
          area.style.opacity = '0.6';
        } else if (area.hasAttribute('data-desk-read-only')) {
          area.removeAttribute('inert');
          area.removeAttribute('data-desk-read-only');
          area.style.opacity = '';
        }
      }
    };
    apply(readOnly);
    const form = panel.current?.closest('form');
    if (!readOnly || !form) return;
    const observer = new MutationObserver(() => apply(true));
    observer.observe(form, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      apply(false);
    };
  }, [panel, readOnly]);
}

function Side({ parts, keep, dir }: { parts: DiffPart[]; keep: 'added' | 'removed'; dir: 'rtl' | 'ltr' }) {
  return (
    <div dir={dir} data-desk-diff={keep} style={{ flex: 1, whiteSpace: 'pre-wrap', fontSize: 12, border: '1px solid #ddd', padding: 4 }}>
      {parts
        .filter((p) => !(keep === 'added' ? p.removed : p.added))
        .map((p, i) =>
          p.added || p.removed ? (
            <mark key={i} style={{ background: p.added ? '#c6f6d5' : '#fed7d7', textDecoration: p.removed ? 'line-through' : 'none' }}>
              {p.value}
            </mark>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
    </div>
  );
}

function DeskPanel({ documentId }: { documentId: string }) {
  const { get, post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const root = useRef<HTMLDivElement>(null);
  const locale = contentLocaleOf(window.location.search);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const base = `/article-desk/articles/${documentId}`;
  const q = `?locale=${encodeURIComponent(locale)}`;
  const [state, setState] = useState<DeskState | null>(null);
  const [lock, setLock] = useState<LockView | null>(null);
  const [revisions, setRevisions] = useState<Revision[]>([]);
  const [diff, setDiff] = useState<{ id: number; text: Record<'title' | 'excerpt' | 'body', DiffPart[]> } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const { data } = await get<{ data: DeskState }>(`${base}${q}`);
    setState(data.data);
    // Who holds it before our own lock request answers (and for those who may only read).
    setLock((current) => current ?? data.data.lock);
    if (data.data.access.mayPublish || data.data.access.mayUpdate) {
      const list = await get<{ data: Revision[] }>(`${base}/revisions${q}&pageSize=20`).catch(() => null);
      setRevisions(list?.data.data ?? []);
    }
  }, [base, q]);

  const takeLock = useCallback(
    async (takeOver = false) => {
      try {
        const { data } = await post<{ data: LockView }>(`${base}/lock${q}`, takeOver ? { takeOver: true } : {});
        setLock(data.data);
      } catch (err) {
        const e = errorOf(err);
        if (e.status === 409) setLock({ held: false, lock: e.details?.lock ?? null });
        else throw err;
      }
    },
    [base, q],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The lock: taken on open (when the user may edit), renewed every 15 s, released on close.
  useEffect(() => {
    if (!state?.access.mayUpdate) return;
    void takeLock().catch(() => undefined);
    const beat = setInterval(async () => {
      try {
        const { data } = await put<{ data: LockView }>(`${base}/lock${q}`, {});
        setLock(data.data);
      } catch (err) {
        const e = errorOf(err);
        if (e.status !== 409) return;
        // Nobody holds it any more (the holder closed the tab): ours now, if still free.
        if (!e.details?.lock && !e.details?.takenOver) return void takeLock().catch(() => undefined);
        setLock((previous) => (previous?.takenOver ? previous : { held: false, takenOver: !!e.details?.takenOver, lock: e.details?.lock ?? null }));
      }
    }, HEARTBEAT_MS);
    const release = () => void del(`${base}/lock${q}`).catch(() => undefined);
    window.addEventListener('beforeunload', release);
    return () => {
      clearInterval(beat);
      window.removeEventListener('beforeunload', release);
      release();
    };
  }, [state?.access.mayUpdate, base, q]);

  // Someone else holds it: read-only here (fields inert, Save/Publish disabled).
  const heldElsewhere = !!lock && !lock.held && !!lock.lock;
  useReadOnlyFields(root, heldElsewhere);
  useEffect(() => {
    setHeldElsewhere(heldElsewhere && lock?.lock ? { documentId, locale, userName: lock.lock.userName } : null);
  }, [heldElsewhere, lock?.lock?.userName, documentId, locale]);
  useEffect(() => () => setHeldElsewhere(null), []);

  // The one taken over hears it on their next heartbeat: a notice, besides the panel's line.
  const takenOverBy = lock?.takenOver ? lock.lock?.userName : undefined;
  useEffect(() => {
    if (takenOverBy) toggleNotification({ type: 'warning', message: T.takenOver(takenOverBy) });
  }, [takenOverBy]);

  const act = async (fn: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await fn();
      await refresh();
    } catch (err) {
      setMessage(errorText(err));
    }
  };

  if (!state) return <div ref={root} data-desk-panel="loading" />;
  const holder = lock?.lock?.userName;
  return (
    <div ref={root} data-desk-panel style={{ display: 'flex', flexDirection: 'column', gap: 8, width: '100%', fontSize: 13 }}>
      <div data-desk-lock={lock?.held ? 'held' : holder ? 'other' : 'none'} data-desk-taken-over={lock?.takenOver ? '' : undefined} role={lock?.takenOver ? 'alert' : undefined} style={{ padding: 6, background: lock?.held ? '#eef' : holder ? '#fee' : 'transparent' }}>
        {lock?.held ? T.lockHeld : holder ? (lock?.takenOver ? T.takenOver(holder) : T.heldBy(holder)) : null}
        {!lock?.held && holder && state.access.mayPublish && (
          <button type="button" data-desk-action="take-over" onClick={() => act(() => takeLock(true))} style={{ marginInlineStart: 8 }}>
            {T.takeOver}
          </button>
        )}
      </div>

      <div data-desk-review={state.review?.state ?? 'none'}>
        {state.review?.state === 'submitted' && <strong>بانتظار المراجعة · Submitted for review</strong>}
        {state.review?.state === 'returned' && (
          <span dir="auto">
            أعيد للتعديل · Sent back{state.review.by.name ? ` (${state.review.by.name})` : ''}: {state.review.note}
          </span>
        )}
        <div style={{ display: 'flex', gap: 6, marginTop: 4 }}>
          {state.access.mayUpdate && state.review?.state !== 'submitted' && (
            <button type="button" data-desk-action="submit" onClick={() => act(() => post(`${base}/review${q}`, { action: 'submit' }))}>
              {T.submit}
            </button>
          )}
          {state.access.mayPublish && state.review?.state === 'submitted' && (
            <button
              type="button"
              data-desk-action="send-back"
              onClick={() => {
                const note = window.prompt('ملاحظة للمراسل · Note for the reporter') ?? '';
                void act(() => post(`${base}/review${q}`, { action: 'return', note }));
              }}
            >
              {T.sendBack}
            </button>
          )}
        </div>
      </div>

      {message && <div role="alert" style={{ color: '#b00' }}>{message}</div>}

      {revisions.length > 0 && (
        <details data-desk-revisions open>
          <summary>{T.history}</summary>
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {revisions.map((r) => (
              <li key={r.id} data-desk-revision={r.id} style={{ borderTop: '1px solid #eee', padding: '4px 0' }}>
                <button type="button" onClick={async () => setDiff({ id: r.id, text: (await get<{ data: { text: Record<'title' | 'excerpt' | 'body', DiffPart[]> } }>(`/article-desk/revisions/${r.id}/diff`)).data.data.text })} style={{ all: 'unset', cursor: 'pointer' }}>
                  <span dir="auto">{r.title ?? '—'}</span>
                  <br />
                  <small>
                    {r.action} · {r.version} · {r.author.name} · {new Date(r.createdAt).toLocaleString(locale)}
                  </small>
                </button>
                {state.access.mayUpdate && r.title !== null && (
                  <button type="button" data-desk-action="restore" onClick={() => act(async () => {
                    await post(`/article-desk/revisions/${r.id}/restore`, {});
                    window.location.reload();
                  })} style={{ marginInlineStart: 6 }}>
                    {T.restore}
                  </button>
                )}
                {diff?.id === r.id &&
                  (['title', 'excerpt', 'body'] as const).map((field) =>
                    diff.text[field].some((p) => p.added || p.removed) ? (
                      <div key={field} style={{ display: 'flex', gap: 4, marginTop: 4 }}>
                        <Side parts={diff.text[field]} keep="removed" dir={dir} />
                        <Side parts={diff.text[field]} keep="added" dir={dir} />
                      </div>
                    ) : null,
                  )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** The panel description Strapi's edit view asks for (articles only, once the document exists). */
export const deskPanel = ({ model, documentId }: { model: string; documentId?: string }) =>
  model === ARTICLE && documentId ? { title: 'المكتب · Desk', content: <DeskPanel documentId={documentId} /> } : null;
