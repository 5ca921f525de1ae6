import { useSyncExternalStore } from 'react';
import { App } from 'antd';
import type { AnnouncementEvent } from '@hotline/contracts';
import { useT } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { sessionStore } from '../lib/session-store';
import { useRealtimeEvent } from './RealtimeProvider';

/** Announcements received during this session, newest first (there is no announcement history on the server yet). */
const MAX_KEPT = 50;
let feed: AnnouncementEvent[] = [];
let unread = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
let snapshot = { feed, unread };

function push(a: AnnouncementEvent): void {
  if (feed.some((x) => x.id === a.id)) return; // delivered twice (reconnect): show once
  feed = [a, ...feed].slice(0, MAX_KEPT);
  unread++;
  snapshot = { feed, unread };
  emit();
}

export function markAnnouncementsRead(): void {
  if (!unread) return;
  unread = 0;
  snapshot = { feed, unread };
  emit();
}

sessionStore.subscribe(() => {
  if (!sessionStore.get() && feed.length) {
    feed = [];
    unread = 0;
    snapshot = { feed, unread };
    emit();
  }
});

export function useAnnouncements(): { feed: AnnouncementEvent[]; unread: number } {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** Mounted once in the shell: every role sees announcements as notifications, live. */
export function AnnouncementNotifier() {
  const t = useT();
  const { notification } = App.useApp();
  useRealtimeEvent('announcement', (a) => {
    push(a);
    notification.info({
      key: a.id,
      title: t('announcement.notificationTitle', { from: a.from.fullName }),
      description: (
        <div data-testid="announcement-notification">
          <div style={{ whiteSpace: 'pre-wrap' }}>{a.message}</div>
          <div style={{ marginTop: 6, fontSize: 12, opacity: 0.65 }}>{formatDateTime(a.sentAt)}</div>
        </div>
      ),
      duration: false,
      placement: 'topRight',
    });
  });
  return null;
}
