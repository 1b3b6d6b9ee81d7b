/// <reference lib="dom" />
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorText } from './fetch-error';

/**
 * The editors' review queue (README, "Review"): an admin page (menu link
 * "المراجعة · Review queue", for those who may publish articles) listing the
 * locale versions submitted for review, oldest first, from
 * GET /article-desk/review-queue — each with Open (the edit view of that
 * version, where it is published) and Send back with a note
 * (POST /article-desk/articles/:id/review). Plain elements, like the panel.
 */
interface QueueItem {
  documentId: string;
  locale: string;
  title: string | null;
  submittedBy: { name: string | null };
  changedAt: string;
}

const T = {
  heading: 'بانتظار المراجعة · Submitted for review',
  allLocales: 'كل اللغات · All locales',
  empty: 'لا شيء بانتظار المراجعة · Nothing is waiting for review',
  open: 'فتح · Open',
  sendBack: 'إعادة مع ملاحظة · Send back',
  note: 'ملاحظة للمراسل · Note for the reporter',
  confirm: 'إعادة · Send back',
  cancel: 'إلغاء · Cancel',
};

const editPath = (item: QueueItem) =>
  `/content-manager/collection-types/api::article.article/${item.documentId}?plugins[i18n][locale]=${encodeURIComponent(item.locale)}`;

function SendBack({ item, onDone }: { item: QueueItem; onDone: (error?: string) => void }) {
  const { post } = useFetchClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" data-desk-action="send-back" onClick={() => setOpen(true)}>
        {T.sendBack}
      </button>
    );
  }
  const send = async () => {
    setBusy(true);
    try {
      await post(`/article-desk/articles/${item.documentId}/review?locale=${encodeURIComponent(item.locale)}`, { action: 'return', note });
      onDone();
    } catch (err) {
      setBusy(false);
      onDone(errorText(err));
    }
  };
  return (
    <span style={{ display: 'inline-flex', gap: 6, alignItems: 'flex-start' }}>
      <textarea dir="auto" rows={2} maxLength={1000} aria-label={T.note} placeholder={T.note} data-desk-note value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="button" data-desk-action="confirm-send-back" disabled={busy} onClick={send}>
        {T.confirm}
      </button>
      <button type="button" disabled={busy} onClick={() => setOpen(false)}>
        {T.cancel}
      </button>
    </span>
  );
}

export default function ReviewQueuePage() {
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Array<{ code: string; name: string }>>([]);
  const [locale, setLocale] = useState('');
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const { data } = await get<{ data: QueueItem[] }>(`/article-desk/review-queue${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`);
      setItems(data.data);
    } catch (err) {
      setItems([]);
      setMessage(errorText(err));
    }
  }, [locale]);

  useEffect(() => {
    void get<Array<{ code: string; name: string }>>('/i18n/locales')
      .then(({ data }) => setLocales(data))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const cell = { padding: '8px 12px', borderBottom: '1px solid #eaeaef', textAlign: 'start' as const, verticalAlign: 'top' as const };
  return (
    <main data-desk-queue style={{ padding: '40px 56px', fontSize: 14 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 24 }}>
        <h1 style={{ fontSize: 28, fontWeight: 600, margin: 0 }}>{T.heading}</h1>
        <select aria-label="locale" data-desk-queue-locale value={locale} onChange={(e) => setLocale(e.target.value)}>
          <option value="">{T.allLocales}</option>
          {locales.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      {message && (
        <div role="alert" style={{ color: '#b00', marginBottom: 12 }}>
          {message}
        </div>
      )}
      {items && items.length === 0 && !message && <p data-desk-queue-empty>{T.empty}</p>}
      {items && items.length > 0 && (
        <table style={{ borderCollapse: 'collapse', width: '100%', background: '#fff' }}>
          <thead>
            <tr>
              {['العنوان · Title', 'اللغة · Locale', 'أرسلها · Submitted by', 'منذ · Since', ''].map((h) => (
                <th key={h} style={{ ...cell, fontWeight: 600 }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.documentId}/${item.locale}`} data-desk-queue-item={`${item.documentId}/${item.locale}`}>
                <td style={cell} dir={item.locale === 'ar' ? 'rtl' : 'auto'}>
                  {item.title ?? '—'}
                </td>
                <td style={cell}>{item.locale}</td>
                <td style={cell} dir="auto">
                  {item.submittedBy.name ?? '—'}
                </td>
                <td style={cell}>{new Date(item.changedAt).toLocaleString(item.locale)}</td>
                <td style={{ ...cell, display: 'flex', gap: 8 }}>
                  <Link to={editPath(item)} data-desk-action="open">
                    {T.open}
                  </Link>
                  <SendBack
                    item={item}
                    onDone={(error) => {
                      setMessage(error ?? null);
                      void load();
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
