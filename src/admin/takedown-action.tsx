import { useState } from 'react';
import { getFetchClient } from '@strapi/strapi/admin';

/**
 * The article edit view's Unpublish asks what partners must be told
 * (README, "Kill and withhold"): withhold (taken down pending review — the
 * default, as for the API and scheduled expiry) or kill (partners must delete
 * it), with a reason sent to them. The choice goes with the content-manager's
 * own unpublish request as `takedown: { kind, reason }`
 * (src/extensions/content-manager/strapi-server.ts); other content types keep
 * Strapi's action unchanged.
 */
const ARTICLE = 'api::article.article';

type Action = ((props: any) => any) & { type?: string; position?: unknown };

interface FormProps {
  documentId: string;
  locale?: string;
  onClose: () => void;
}

const L = {
  title: 'سحب المادة من النشر · Unpublish',
  question: 'ماذا نبلّغ الشركاء؟ · What do partners get?',
  withhold: 'حجب مؤقت للمراجعة (withheld) · Withhold pending review',
  kill: 'إلغاء نهائي (canceled): على الشركاء حذفها · Kill: partners must delete it',
  reason: 'السبب (يُرسل إلى الشركاء) · Reason (sent to partners)',
  confirm: 'سحب · Unpublish',
  cancel: 'إلغاء · Cancel',
};

function TakedownForm({ documentId, locale, onClose }: FormProps) {
  const [kind, setKind] = useState<'withhold' | 'kill'>('withhold');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const query = locale ? `?locale=${encodeURIComponent(locale)}` : '';
      await getFetchClient().post(`/content-manager/collection-types/${ARTICLE}/${encodeURIComponent(documentId)}/actions/unpublish${query}`, {
        takedown: { kind, reason: reason.trim() || undefined },
      });
      onClose();
      window.location.reload(); // the edit view shows the draft-only state
    } catch (err: any) {
      setError(err?.response?.data?.error?.message ?? String(err?.message ?? err));
      setBusy(false);
    }
  };
  const row = { display: 'flex', gap: 8, alignItems: 'flex-start', margin: '8px 0' } as const;
  return (
    <div dir="auto" style={{ padding: 16, display: 'grid', gap: 12 }}>
      <strong>{L.question}</strong>
      {(['withhold', 'kill'] as const).map((k) => (
        <label key={k} style={row}>
          <input type="radio" name="takedown-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
          <span>{L[k]}</span>
        </label>
      ))}
      <label style={{ display: 'grid', gap: 4 }}>
        <span>{L.reason}</span>
        <textarea dir="auto" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {error ? <div role="alert" style={{ color: '#d02b20' }}>{error}</div> : null}
      <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
        <button type="button" onClick={onClose} disabled={busy}>{L.cancel}</button>
        <button type="button" onClick={submit} disabled={busy} style={{ fontWeight: 600 }}>{L.confirm}</button>
      </div>
    </div>
  );
}

/** Wraps Strapi's unpublish action: same visibility and permissions, our dialog on articles. */
export function takedownAction(original: Action): Action {
  const Unpublish: Action = (props: any) => {
    const description = original(props); // always called: the original uses hooks
    if (!description || props.model !== ARTICLE || !props.document?.documentId) return description;
    const { documentId } = props.document;
    const locale = props.document.locale as string | undefined;
    return {
      ...description,
      onClick: undefined,
      dialog: {
        type: 'modal',
        title: L.title,
        content: ({ onClose }: { onClose: () => void }) => <TakedownForm documentId={documentId} locale={locale} onClose={onClose} />,
      },
    };
  };
  Unpublish.type = original.type;
  Unpublish.position = original.position;
  return Unpublish;
}

/** For app.tsx: replaces the unpublish document action. */
export const withTakedownDialog = (actions: Action[]): Action[] => actions.map((a) => (a.type === 'unpublish' ? takedownAction(a) : a));
