import { useCallback, useMemo, useState } from 'react';
import { App } from 'antd';
import type { OperatorStatusView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { invalidate } from '../../../lib/resource';
import { useRealtimeEvent } from '../../../realtime/RealtimeProvider';
import { KEYS, useMyStatus } from '../calls-data';
import type { ChosenStatus } from './StatusSwitcher';

const newer = (a: OperatorStatusView | null | undefined, b: OperatorStatusView) => (a && a.version > b.version ? a : b);

/** The operator's own status: the REST answer, overtaken by newer live events and by the answer to their own change. */
export function useMyLiveStatus(userId: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const statusRes = useMyStatus(userId);
  const [liveStatus, setLiveStatus] = useState<OperatorStatusView | null>(null);
  const [busy, setBusy] = useState(false);

  const status = useMemo(() => {
    const a = statusRes.data;
    if (!liveStatus) return a;
    if (!a) return liveStatus;
    return liveStatus.version >= a.version ? liveStatus : a;
  }, [statusRes.data, liveStatus]);

  useRealtimeEvent('operator:status', (s: OperatorStatusView) => {
    if (s.userId === userId) setLiveStatus((prev) => newer(prev, s));
  });

  const setStatus = useCallback(
    async (to: ChosenStatus) => {
      setBusy(true);
      try {
        const s = await api.request<OperatorStatusView>('PUT', '/operator-status/me', { json: { status: to } });
        setLiveStatus((prev) => newer(prev, s));
      } catch (err) {
        void message.error(describeError(t, err));
        invalidate(KEYS.myStatus(userId));
      } finally {
        setBusy(false);
      }
    },
    [userId, message, t],
  );

  return { status, busy, setStatus };
}
