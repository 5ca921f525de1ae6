import { useEffect, useMemo, useState } from 'react';
import { App } from 'antd';
import type { MailOutboxListView, MailOutboxView, MailState } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { invalidate, useResource } from '../../../lib/resource';

export const KEY = 'feedback/outbox';
const PAGE = 50;
/** No socket event carries mail state: the first page is re-read while some shown mail is still pending. */
const PENDING_REFRESH_MS = 3000;

export type Filter = MailState | 'all';

/**
 * The outbox under a filter: the first page (a shared resource, re-read every few seconds while a shown mail is
 * pending), the older pages loaded on demand, and a resend of one mail.
 */
export function useOutbox(filter: Filter) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [older, setOlder] = useState<MailOutboxView[]>([]);
  const [olderNext, setOlderNext] = useState<string | null | undefined>(undefined);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const state = filter === 'all' ? undefined : filter;
  const first = useResource<MailOutboxListView>(`${KEY}?state=${filter}`, () =>
    api.get<MailOutboxListView>('/feedback/outbox', { query: { state, limit: PAGE } }),
  );
  const list = first.data;

  useEffect(() => {
    setOlder([]);
    setOlderNext(undefined);
  }, [filter]);

  const rows = useMemo(() => {
    const seen = new Set<string>();
    return [...(list?.items ?? []), ...older].filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
  }, [list, older]);
  const hasPending = rows.some((m) => m.state === 'pending');
  usePendingRefresh(hasPending, first.reload);

  const nextBefore = olderNext === undefined ? list?.nextBefore : olderNext;
  const loadOlder = async () => {
    if (!nextBefore) return;
    setLoadingOlder(true);
    try {
      const page = await api.get<MailOutboxListView>('/feedback/outbox', {
        query: { state, limit: PAGE, before: nextBefore },
      });
      setOlder((o) => [...o, ...page.items]);
      setOlderNext(page.nextBefore);
    } catch (err) {
      void message.error(describeError(t, err));
    } finally {
      setLoadingOlder(false);
    }
  };
  const { retry, retrying } = useRetry((updated) => setOlder((o) => o.map((x) => (x.id === updated.id ? updated : x))));

  return { first, list, rows, hasPending, nextBefore, loadOlder, loadingOlder, retry, retrying };
}

function usePendingRefresh(hasPending: boolean, reload: () => void): void {
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(reload, PENDING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [hasPending, reload]);
}

/** Resends a mail; the first page is re-read either way, an older page's row is replaced by the answer. */
function useRetry(onUpdated: (m: MailOutboxView) => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [retrying, setRetrying] = useState<string | null>(null);
  const retry = async (m: MailOutboxView) => {
    setRetrying(m.id);
    try {
      const updated = await api.post<MailOutboxView>(`/feedback/outbox/${m.id}/retry`);
      void message.success(t('outbox.retryDone', { to: updated.to }));
      onUpdated(updated);
      invalidate(KEY);
    } catch (err) {
      void message.error(describeError(t, err));
      invalidate(KEY);
    } finally {
      setRetrying(null);
    }
  };
  return { retry, retrying };
}
