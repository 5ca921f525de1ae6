import { CheckCircleOutlined, ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { SlaTargetName, SlaTargetView } from '@hotline/contracts';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import {
  countdownDirection,
  liveSla,
  SLA_COLORS,
  splitCountdown,
  splitMinutes,
  useNow,
  type LiveSla,
} from './tickets-data';

export const targetKey = (n: SlaTargetName): MessageKey => `tickets.sla.target.${n}` as MessageKey;

export function countdownText(t: Translate, live: LiveSla): string {
  if (live.state === 'met') return t('tickets.sla.met', { at: formatDateTime(live.metAt) });
  if (live.state === 'paused') {
    const { hours, minutes } = splitMinutes(live.pausedMinutesLeft ?? 0);
    return t('tickets.sla.paused', { h: hours, m: minutes });
  }
  const dir = countdownDirection(live);
  if (!dir) return '—';
  const { days, clock } = splitCountdown(dir.ms);
  const time = days ? t('tickets.sla.days', { d: days, clock }) : clock;
  return dir.over ? t('tickets.sla.over', { time }) : t('tickets.sla.left', { time });
}

const ICONS = {
  ok: <ClockCircleOutlined />,
  warning: <WarningOutlined />,
  breached: <WarningOutlined />,
  paused: <PauseCircleOutlined />,
  met: <CheckCircleOutlined />,
};

/** One SLA target as a coloured countdown that ticks every second in the browser (no request per tick). */
export function SlaCountdown({
  name,
  target,
  showName = true,
}: {
  name: SlaTargetName;
  target: SlaTargetView | null;
  showName?: boolean;
}) {
  const { t } = useI18n();
  const now = useNow();
  if (!target) return <span>—</span>;
  const live = liveSla(target, now);
  return (
    <Tooltip
      title={`${t(targetKey(name))} · ${t(`tickets.sla.state.${live.state}` as MessageKey)}${live.dueAt ? ` · ${t('tickets.sla.due', { at: formatDateTime(live.dueAt) })}` : ''}`}
    >
      <Tag
        color={SLA_COLORS[live.state]}
        icon={ICONS[live.state]}
        data-testid={`sla-${name}`}
        data-sla-state={live.state}
        style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 0 }}
      >
        {showName ? `${t(targetKey(name))}: ` : ''}
        <span data-testid="sla-text">{countdownText(t, live)}</span>
      </Tag>
    </Tooltip>
  );
}
