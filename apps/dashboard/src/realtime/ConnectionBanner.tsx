import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { useT } from '../i18n/i18n';
import { useConnectionState } from './RealtimeProvider';

/** The first connection gets a few seconds of grace before the banner shows; a lost one shows at once. */
const FIRST_CONNECT_GRACE_MS = 4000;

export function ConnectionBanner() {
  const t = useT();
  const state = useConnectionState();
  const [graceOver, setGraceOver] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setGraceOver(true), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);
  if (state === 'online' || (state === 'connecting' && !graceOver)) return null;
  return (
    <Alert
      banner
      type="warning"
      role="status"
      data-testid="connection-banner"
      title={state === 'connecting' ? t('realtime.connecting') : t('realtime.lost')}
    />
  );
}
