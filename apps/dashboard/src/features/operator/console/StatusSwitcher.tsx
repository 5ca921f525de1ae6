import { CoffeeOutlined, SoundOutlined } from '@ant-design/icons';
import { Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import type { OperatorStatus, OperatorStatusView } from '@hotline/contracts';
import { operatorStatusChoices } from '@hotline/contracts';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';

export type ChosenStatus = 'available' | 'break';

const STATUS_COLORS: Record<OperatorStatus, string> = {
  available: 'green',
  on_call: 'red',
  wrap_up: 'gold',
  break: 'default',
  offline: 'default',
};

/** What Alt+B does from `status`: the other of break/available, if the operator may pick it (not while on a call). */
export function toggledStatus(status: OperatorStatus | undefined): ChosenStatus | null {
  if (!status) return null;
  const target: ChosenStatus = status === 'break' ? 'available' : 'break';
  return operatorStatusChoices(status).includes(target) ? target : null;
}

/** The operator's status and the control to take a break / come back: it offers what the status machine allows. */
export function StatusSwitcher({
  status,
  onChange,
  busy,
}: {
  status: OperatorStatusView | undefined;
  onChange: (to: ChosenStatus) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const s = status?.status;
  const choices = s ? operatorStatusChoices(s) : [];
  const locked = !!s && choices.length === 0;
  return (
    <Space wrap data-testid="my-status" data-status={s ?? ''}>
      <Typography.Text type="secondary">{t('op.status.label')}:</Typography.Text>
      <Tag
        color={s ? STATUS_COLORS[s] : 'default'}
        style={{ fontSize: 14, padding: '2px 10px' }}
        data-testid="my-status-tag"
      >
        {s ? t(`op.status.${s}` as MessageKey) : '…'}
      </Tag>
      {status && status.version > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('op.status.since', { time: formatTime(status.since) })}
        </Typography.Text>
      )}
      {s === 'wrap_up' && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="my-status-wrapup">
          {t('op.status.wrapUpHint')}
        </Typography.Text>
      )}
      <Tooltip title={locked ? t('op.status.onCallHint') : t('op.shortcut.status')}>
        <Segmented<ChosenStatus>
          disabled={locked || busy || !status}
          value={s === 'break' ? 'break' : s === 'available' ? 'available' : (undefined as never)}
          onChange={onChange}
          data-testid="status-switch"
          options={[
            { value: 'available', label: t('op.status.setAvailable'), icon: <SoundOutlined /> },
            { value: 'break', label: t('op.status.setBreak'), icon: <CoffeeOutlined /> },
          ]}
        />
      </Tooltip>
    </Space>
  );
}
