import { PhoneOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Empty, List, Space, Statistic, Tag, Typography } from 'antd';
import {
  LEG_STATES,
  normalizePhone,
  TICKET_STATUSES,
  type CallView,
  type CallerLookupView,
  type CitizenHistorySection,
  type LegState,
  type TicketStatus,
} from '@hotline/contracts';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { formatDateTime, formatPhone } from '../../lib/format';
import { stateKey } from '../dispatcher/legs-data';
import { statusKey } from '../tickets/tickets-data';
import { clock, outcomeKey, OUTCOME_COLORS, useTopics } from './calls-data';

/** Our line as the PBX gave it, shown like any phone when it parses. */
function lineLabel(line: string): string {
  const e164 = normalizePhone(line);
  return e164 ? formatPhone(e164) : line;
}

/** The label of a history section's latest status (a ticket status, a leg state), as the screens of those items say it. */
const LATEST_STATUS: Record<string, (status: string) => MessageKey | null> = {
  tickets: (s) => ((TICKET_STATUSES as readonly string[]).includes(s) ? statusKey(s as TicketStatus) : null),
  requests: (s) => ((LEG_STATES as readonly string[]).includes(s) ? stateKey(s as LegState) : null),
};

const STATE_COLORS: Record<CallView['state'], string> = { ringing: 'gold', answered: 'green', ended: 'default' };

interface PanelProps {
  call: CallView;
  caller: CallerLookupView | undefined;
  answeredElsewhere: boolean;
}

/** The call's line: number, state, direction, outcome, time, our line; and what the operator must know first. */
function CallHeader({ call, caller, answeredElsewhere }: PanelProps) {
  const { t } = useI18n();
  return (
    <>
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <PhoneOutlined style={{ fontSize: 22, color: '#1677ff' }} />
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="screen-pop-phone">
          {call.withheld || caller?.withheld ? t('op.pop.withheld') : formatPhone(call.phone)}
        </Typography.Title>
        <Tag color={STATE_COLORS[call.state]} data-testid="screen-pop-state">
          {t(`op.pop.state.${call.state}` as 'op.pop.state.ringing')}
        </Tag>
        <Tag>{t(`op.direction.${call.direction}` as 'op.direction.inbound')}</Tag>
        {call.outcome && (
          <Tag color={OUTCOME_COLORS[call.outcome]} data-testid="screen-pop-outcome">
            {t(outcomeKey(call.outcome))}
          </Tag>
        )}
        <Typography.Text type="secondary">{formatDateTime(call.startedAt)}</Typography.Text>
        {call.line && (
          <Typography.Text type="secondary">{t('op.pop.line', { line: lineLabel(call.line) })}</Typography.Text>
        )}
      </Space>
      {answeredElsewhere && (
        <Alert type="info" showIcon title={t('op.pop.answeredElsewhere')} style={{ marginBottom: 8 }} />
      )}
      {caller?.openCallbackId && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          title={t('op.pop.openCallback')}
          style={{ marginBottom: 8 }}
          data-testid="screen-pop-open-callback"
        />
      )}
    </>
  );
}

function CallerName({ call, caller }: Pick<PanelProps, 'call' | 'caller'>) {
  const { t } = useI18n();
  const citizen = caller?.citizen;
  if (!citizen)
    return (
      <Typography.Text type="secondary" data-testid="screen-pop-name">
        {call.withheld ? t('op.pop.withheld') : caller ? t('op.pop.unknownCaller') : '…'}
      </Typography.Text>
    );
  return (
    <Space wrap>
      <strong data-testid="screen-pop-name">{citizen.fullName ?? '—'}</strong>
      {citizen.kind === 'organisation' && <Tag>{t('op.pop.organisation')}</Tag>}
    </Space>
  );
}

/** Who it is and where they live (the remote-area tag raises a request's priority). */
function CitizenDetails({ call, caller }: Pick<PanelProps, 'call' | 'caller'>) {
  const { t } = useI18n();
  const citizen = caller?.citizen ?? null;
  const commune = caller?.commune;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('user.fullName')} span={2}>
        <CallerName call={call} caller={caller} />
      </Descriptions.Item>
      <Descriptions.Item label={t('op.pop.commune')} span={2}>
        {commune ? (
          <Space wrap>
            <span data-testid="screen-pop-commune">{commune.name}</span>
            {commune.remoteArea && (
              <Tag color="orange" icon={<WarningOutlined />} data-testid="remote-area-tag">
                {t('op.pop.remote')}
              </Tag>
            )}
          </Space>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      {citizen?.idNumber && <Descriptions.Item label={t('op.pop.idNumber')}>{citizen.idNumber}</Descriptions.Item>}
      {citizen?.addressDetail && (
        <Descriptions.Item label={t('op.pop.address')}>{citizen.addressDetail}</Descriptions.Item>
      )}
      {citizen?.email && <Descriptions.Item label={t('op.pop.email')}>{citizen.email}</Descriptions.Item>}
      {citizen && citizen.phones.length > 1 && (
        <Descriptions.Item label={t('op.pop.phones')}>
          {citizen.phones.map((p) => formatPhone(p.phone)).join(', ')}
        </Descriptions.Item>
      )}
      {citizen?.notes && (
        <Descriptions.Item label={t('op.pop.notes')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{citizen.notes}</span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Another context's section (requests, tickets): open / total and the latest open item. */
function HistorySection({ label, s, testId }: { label: string; s: CitizenHistorySection | undefined; testId: string }) {
  const { t } = useI18n();
  const statusLabel = (kind: string, status: string) => {
    const key = LATEST_STATUS[kind]?.(status);
    return key ? t(key) : status;
  };
  return (
    <div data-testid={testId}>
      <Statistic title={label} value={s?.open ?? 0} suffix={<span style={{ fontSize: 13 }}>/ {s?.total ?? 0}</span>} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('op.pop.openTotal', { open: s?.open ?? 0, total: s?.total ?? 0 })}
      </Typography.Text>
      {s?.latest && (
        <div style={{ fontSize: 12 }} data-testid={`${testId}-latest`}>
          {t('op.pop.latest', {
            code: s.latest.code ?? s.latest.id.slice(0, 8),
            status: statusLabel(s.kind, s.latest.status),
          })}
        </div>
      )}
    </div>
  );
}

function CallerHistory({ caller }: { caller: CallerLookupView | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Text strong>{t('op.pop.history')}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 12, margin: '8px 0 12px' }}>
        <div data-testid="history-calls">
          <Statistic title={t('op.pop.calls')} value={caller?.callCount ?? 0} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('op.pop.callsTotal', { n: caller?.callCount ?? 0 })}
          </Typography.Text>
        </div>
        <HistorySection label={t('op.pop.requests')} s={caller?.history.requests} testId="history-requests" />
        <HistorySection label={t('op.pop.tickets')} s={caller?.history.tickets} testId="history-tickets" />
      </div>
    </>
  );
}

/** The calls before this one (the lookup may already list the call on screen). */
function LastCalls({ call, caller }: Pick<PanelProps, 'call' | 'caller'>) {
  const { t } = useI18n();
  const topics = useTopics();
  const previous = (caller?.lastCalls ?? []).filter((c) => c.id !== call.id);
  return (
    <>
      <Typography.Text strong>{t('op.pop.lastCalls')}</Typography.Text>
      {previous.length > 0 ? (
        <List
          size="small"
          data-testid="screen-pop-last-calls"
          dataSource={previous}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <Space wrap size={6}>
                <span>{formatDateTime(c.startedAt)}</span>
                <Tag>{t(`op.direction.${c.direction}` as 'op.direction.inbound')}</Tag>
                {c.outcome ? (
                  <Tag color={OUTCOME_COLORS[c.outcome]}>{t(outcomeKey(c.outcome))}</Tag>
                ) : (
                  <Tag>{t('op.outcome.none')}</Tag>
                )}
                {c.topicId && <span>{topics.byId.get(c.topicId)?.name ?? ''}</span>}
                {c.talkSeconds !== null && <Typography.Text type="secondary">{clock(c.talkSeconds)}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('op.pop.noLastCalls')} style={{ margin: '8px 0' }} />
      )}
    </>
  );
}

/** The screen-pop: who is calling, where they live (remote-area tag), what happened before. */
export function CallerPanel(props: PanelProps) {
  const { call, caller } = props;
  return (
    <div data-testid="screen-pop" data-call-id={call.id} data-state={call.state}>
      <CallHeader {...props} />
      <CitizenDetails call={call} caller={caller} />
      <CallerHistory caller={caller} />
      <LastCalls call={call} caller={caller} />
    </div>
  );
}
