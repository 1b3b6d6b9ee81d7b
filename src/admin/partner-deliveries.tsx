/// <reference lib="dom" />
import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorText } from './fetch-error';
import type { Delivery, DeliveryStatus } from '../lib/syndication';

/**
 * «تسليمات الشركاء · Partner deliveries»: the partner webhooks' recent
 * deliveries (README, "Webhooks for partners") with their status, attempts,
 * last HTTP answer and error, filtered by status or endpoint, and "resend" for
 * a delivered or dead one. Backed by the admin API of
 * src/bootstrap/partner-admin.ts (read: who may read partner endpoints;
 * resend: who may update them). Plain elements, as the desk panel.
 */
const ENDPOINT_UID = 'api::partner-endpoint.partner-endpoint';

// Types only (erased from the bundle): the admin API's answer is the outbox service's Delivery.
type Status = DeliveryStatus;

const T = {
  title: 'تسليمات الشركاء · Partner deliveries',
  intro: 'آخر ما أُرسل إلى نقاط استقبال الشركاء · The latest webhook deliveries to partner endpoints',
  all: 'الكل · All',
  status: { pending: 'قيد الإرسال · Pending', delivered: 'سُلّم · Delivered', dead: 'فشل نهائياً · Dead' } as Record<Status, string>,
  endpoint: 'نقطة الاستقبال · Endpoint',
  event: 'الحدث · Event',
  attempts: 'المحاولات · Attempts',
  last: 'آخر رد · Last answer',
  when: 'الوقت · When',
  statusHeader: 'الحالة · Status',
  resend: 'إعادة الإرسال · Resend',
  resent: (id: number) => `أعيد إدراج التسليم ${id} · Delivery ${id} is due again`,
  refresh: 'تحديث · Refresh',
  empty: 'لا توجد تسليمات · No deliveries',
};

const COLOURS: Record<Status, string> = { pending: '#b7791f', delivered: '#2f855a', dead: '#c53030' };


const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function PartnerDeliveriesPage() {
  const { get, post } = useFetchClient();
  const [status, setStatus] = useState<Status | ''>('');
  const [endpoint, setEndpoint] = useState('');
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const query = new URLSearchParams({ limit: '100' });
    if (status) query.set('status', status);
    if (endpoint) query.set('endpoint', endpoint);
    try {
      const { data } = await get<{ data: Delivery[] }>(`/partner-webhooks/deliveries?${query}`);
      setRows(data.data);
    } catch (err) {
      setMessage(errorText(err));
      setRows([]);
    }
  }, [status, endpoint]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    void get<{ results: Array<{ documentId: string; name: string }> }>(`/content-manager/collection-types/${ENDPOINT_UID}?pageSize=100`)
      .then(({ data }) => setNames(Object.fromEntries(data.results.map((e) => [e.documentId, e.name]))))
      .catch(() => undefined);
  }, []);

  const resend = async (id: number) => {
    setMessage(null);
    try {
      await post(`/partner-webhooks/deliveries/${id}/resend`, {});
      setMessage(T.resent(id));
      await load();
    } catch (err) {
      setMessage(errorText(err));
    }
  };

  const cell = { padding: '6px 8px', borderBottom: '1px solid #eaeaef', textAlign: 'start' as const, verticalAlign: 'top' as const };
  return (
    <main dir="auto" data-partner-deliveries style={{ padding: 40, display: 'grid', gap: 16 }}>
      <h1 style={{ fontSize: 24, fontWeight: 600 }}>{T.title}</h1>
      <p>{T.intro}</p>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <select aria-label="status" value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
          <option value="">{T.all}</option>
          {(['pending', 'delivered', 'dead'] as const).map((s) => (
            <option key={s} value={s}>
              {T.status[s]}
            </option>
          ))}
        </select>
        <select aria-label="endpoint" value={endpoint} onChange={(e) => setEndpoint(e.target.value)}>
          <option value="">{T.all}</option>
          {Object.entries(names).map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void load()}>
          {T.refresh}
        </button>
      </div>
      {message && (
        <p role="status" dir="auto">
          {message}
        </p>
      )}
      {rows && !rows.length && <p>{T.empty}</p>}
      {rows && rows.length > 0 && (
        <table style={{ borderCollapse: 'collapse', width: '100%', background: '#fff' }}>
          <thead>
            <tr>
              {['#', T.endpoint, T.event, T.statusHeader, T.attempts, T.last, T.when, ''].map((h, i) => (
                <th key={i} style={cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-delivery={d.id} data-status={d.status}>
                <td style={cell}>{d.id}</td>
                <td style={cell} dir="auto">
                  {names[d.endpointId] ?? d.endpointId}
                </td>
                <td style={cell}>
                  <code>{d.eventType}</code> · {d.locale} · <code>{d.documentId}</code>
                </td>
                <td style={{ ...cell, color: COLOURS[d.status], fontWeight: 600 }}>{T.status[d.status]}</td>
                <td style={cell}>{d.attempts}</td>
                <td style={cell} dir="auto">
                  {d.lastStatus ?? '—'}
                  {d.lastError ? ` · ${d.lastError}` : ''}
                </td>
                <td style={cell}>
                  {d.status === 'delivered' ? time(d.deliveredAt) : d.status === 'pending' ? `→ ${time(d.nextAttemptAt)}` : time(d.createdAt)}
                </td>
                <td style={cell}>
                  {d.status !== 'pending' && (
                    <button type="button" data-resend={d.id} onClick={() => void resend(d.id)}>
                      {T.resend}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

export default PartnerDeliveriesPage;

/** The menu icon: a paper plane (no icon package dependency). */
export function PartnerDeliveriesIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M22 2 11 13" />
      <path d="M22 2 15 22l-4-9-9-4 20-7z" />
    </svg>
  );
}
