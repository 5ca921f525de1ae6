import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CoffeeOutlined, FileAddOutlined, PhoneOutlined, SendOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Row, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type {
  BcciRequestView,
  CallView,
  CallerLookupView,
  OperatorStatus,
  OperatorStatusView,
  ScreenPopEvent,
} from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError } from '../../lib/errors';
import { formatDateTime, formatPhone, formatTime } from '../../lib/format';
import { invalidate, useResource } from '../../lib/resource';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { CreateTicketModal } from '../tickets/CreateTicketModal';
import { MyTicketsCard } from '../tickets/MyTicketsCard';
import { TicketDrawer } from '../tickets/TicketDrawer';
import { BcciRequestModal } from './BcciRequestModal';
import { CallbacksCard } from './CallbacksCard';
import { MyRequestsCard } from './MyRequestsCard';
import { CallerPanel } from './CallerPanel';
import { CallForm, ShortcutHelp, type CallFormHandle } from './CallForm';
import { clock, KEYS, newest, outcomeKey, OUTCOME_COLORS, useCallsToday, useMyStatus, useTopics } from './calls-data';

/** "Create from this call": one click opens the flow with the call's citizen, phone and call id prefilled. */
interface ActionSlot {
  key: 'bcci-request' | 'ticket';
  label: MessageKey;
  icon: ReactNode;
}

export const CALL_ACTION_SLOTS: ActionSlot[] = [
  { key: 'bcci-request', label: 'op.slot.bcci', icon: <SendOutlined /> },
  { key: 'ticket', label: 'op.slot.ticket', icon: <FileAddOutlined /> },
];

const STATUS_COLORS: Record<OperatorStatus, string> = {
  available: 'green',
  on_call: 'red',
  wrap_up: 'gold',
  break: 'default',
  offline: 'default',
};

function StatusSwitcher({
  status,
  onChange,
  busy,
}: {
  status: OperatorStatusView | undefined;
  onChange: (to: 'available' | 'break') => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const s = status?.status;
  const locked = s === 'on_call';
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
        <Segmented<'available' | 'break'>
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

export default function OperatorConsolePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const topics = useTopics();
  const today = useCallsToday(me.id);
  const statusRes = useMyStatus(me.id);
  const [liveStatus, setLiveStatus] = useState<OperatorStatusView | null>(null);
  const [statusBusy, setStatusBusy] = useState(false);
  /** Calls seen live (screen-pops, call:updated), newest version wins over the REST list. */
  const [live, setLive] = useState<Record<string, CallView>>({});
  const [pops, setPops] = useState<Record<string, CallerLookupView>>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const formRef = useRef<CallFormHandle>(null);
  const [openSlot, setOpenSlot] = useState<ActionSlot['key'] | null>(null);
  const [createdRequests, setCreatedRequests] = useState<BcciRequestView[]>([]);
  const [ticketId, setTicketId] = useState<string | null>(null);

  const status = useMemo(() => {
    const a = statusRes.data;
    if (!liveStatus) return a;
    if (!a) return liveStatus;
    return liveStatus.version >= a.version ? liveStatus : a;
  }, [statusRes.data, liveStatus]);

  const callById = useCallback(
    (id: string | null): CallView | undefined =>
      id
        ? newest(
            today.data?.items.find((c) => c.id === id),
            live[id],
          )
        : undefined,
    [today.data, live],
  );
  const selected = callById(selectedId);

  /** A call of mine that still needs its notes: do not take the panel away from it for a call ringing elsewhere. */
  const busyWith = (c: CallView | undefined) =>
    !!c && c.operatorId === me.id && c.state !== 'ringing' && c.outcome === null;

  useRealtimeEvent('call:screen-pop', (p: ScreenPopEvent) => {
    setLive((m) => ({ ...m, [p.callId]: newest(m[p.callId], p.call)! }));
    setPops((m) => ({ ...m, [p.callId]: p.caller }));
    if (p.event === 'answer' || !busyWith(callById(selectedId))) setSelectedId(p.callId);
  });

  useRealtimeEvent('call:updated', (c: CallView) => {
    const known = c.id in live || c.id === selectedId || today.data?.items.some((x) => x.id === c.id);
    if (c.operatorId === me.id || known) {
      setLive((m) => ({ ...m, [c.id]: newest(m[c.id], c)! }));
      if (c.operatorId === me.id && !today.data?.items.some((x) => x.id === c.id)) invalidate('calls/today');
    }
  });

  useRealtimeEvent('operator:status', (s: OperatorStatusView) => {
    if (s.userId === me.id) setLiveStatus((prev) => (prev && prev.version > s.version ? prev : s));
  });

  const setStatus = useCallback(
    async (to: 'available' | 'break') => {
      setStatusBusy(true);
      try {
        const s = await api.request<OperatorStatusView>('PUT', '/operator-status/me', { json: { status: to } });
        setLiveStatus((prev) => (prev && prev.version > s.version ? prev : s));
      } catch (err) {
        void message.error(describeError(t, err));
        invalidate(KEYS.myStatus(me.id));
      } finally {
        setStatusBusy(false);
      }
    },
    [me.id, message, t],
  );

  // Keyboard shortcuts, documented next to the form: Alt+S save, Alt+T topic, Alt+N notes, Alt+O outcome, Alt+B break.
  const statusRef = useRef(status);
  statusRef.current = status;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.code;
      const act: Record<string, () => void> = {
        KeyS: () => formRef.current?.save(),
        KeyT: () => formRef.current?.focus('topic'),
        KeyN: () => formRef.current?.focus('notes'),
        KeyO: () => formRef.current?.focus('outcome'),
        KeyB: () => {
          const s = statusRef.current?.status;
          if (s && s !== 'on_call') void setStatus(s === 'break' ? 'available' : 'break');
        },
      };
      if (act[k]) {
        e.preventDefault();
        act[k]();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setStatus]);

  // Caller data: the screen-pop's when we have it, else a lookup of the selected call's number.
  const popCaller = selectedId ? pops[selectedId] : undefined;
  const lookupPhone = !popCaller && selected?.phone ? selected.phone : null;
  const lookup = useResource<CallerLookupView>(lookupPhone ? KEYS.lookup(lookupPhone) : null, () =>
    api.get<CallerLookupView>('/citizens/lookup', { query: { phone: lookupPhone! } }),
  );
  const caller = popCaller ?? (selected?.withheld ? undefined : lookup.data);
  const answeredElsewhere =
    !!selected && selected.state !== 'ringing' && selected.operatorId !== null && selected.operatorId !== me.id;

  /** After a request or ticket is created from the call, the screen-pop's history counts are read again. */
  const refreshCaller = useCallback(() => {
    const id = selectedId;
    const phone = selected?.phone;
    if (!id || !phone) return;
    invalidate(KEYS.lookup(phone));
    void api.get<CallerLookupView>('/citizens/lookup', { query: { phone } }).then(
      (c) => setPops((m) => (id in m ? { ...m, [id]: c } : m)),
      () => undefined, // the counts stay as they were; the request itself was created
    );
  }, [selectedId, selected?.phone]);

  const ringing = Object.values(live).filter((c) => c.state === 'ringing' && c.id !== selectedId);

  const myCalls = useMemo(() => {
    const map = new Map<string, CallView>();
    for (const c of today.data?.items ?? []) map.set(c.id, c);
    for (const c of Object.values(live))
      if (c.operatorId === me.id && map.has(c.id)) map.set(c.id, newest(map.get(c.id), c)!);
    return [...map.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }, [today.data, live, me.id]);

  return (
    <>
      <PageHeader
        title={t('nav.operatorConsole')}
        subtitle={t('op.subtitle')}
        extra={<StatusSwitcher status={status} onChange={(to) => void setStatus(to)} busy={statusBusy} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={
              <Space>
                <PhoneOutlined />
                {t('op.pop.title')}
              </Space>
            }
            data-testid="screen-pop-card"
          >
            {ringing.length > 0 && (
              <Space wrap style={{ marginBottom: 12 }} data-testid="ringing-list">
                <Typography.Text type="secondary">{t('op.pop.alsoRinging')}</Typography.Text>
                {ringing.map((c) => (
                  <Button key={c.id} size="small" onClick={() => setSelectedId(c.id)} icon={<PhoneOutlined />}>
                    {c.withheld ? t('op.pop.withheld') : formatPhone(c.phone)}
                  </Button>
                ))}
              </Space>
            )}
            {selected ? (
              <CallerPanel call={selected} caller={caller} answeredElsewhere={answeredElsewhere} />
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('op.pop.empty')}
                data-testid="screen-pop-empty"
              />
            )}
          </Card>

          <Card
            title={t('op.form.title')}
            style={{ marginTop: 16 }}
            extra={
              selected && (
                <Typography.Text type="secondary">
                  {t('op.form.callOf', {
                    phone: selected.withheld ? t('op.pop.withheld') : formatPhone(selected.phone),
                    time: formatDateTime(selected.startedAt),
                  })}
                </Typography.Text>
              )
            }
          >
            {selected && !answeredElsewhere && (selected.operatorId === me.id || me.role === 'supervisor') ? (
              <CallForm
                key={`${selected.id}`}
                ref={formRef}
                call={selected}
                onSaved={(c) => {
                  setLive((m) => ({ ...m, [c.id]: newest(m[c.id], c)! }));
                  invalidate('calls/today');
                  if (c.phone) invalidate(KEYS.lookup(c.phone));
                }}
                onConflict={() => {
                  invalidate('calls/today');
                  void api.get<CallView>(`/calls/${selected.id}`).then((c) => setLive((m) => ({ ...m, [c.id]: c })));
                }}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('op.form.none')} />
            )}
            <ShortcutHelp />
          </Card>

          <Card title={t('op.slot.title')} size="small" style={{ marginTop: 16 }} data-testid="call-action-slots">
            <Space wrap>
              {CALL_ACTION_SLOTS.map((slot) => (
                <Tooltip key={slot.key} title={selected ? undefined : t('tickets.slot.needCall')}>
                  <span data-testid={`slot-${slot.key}`}>
                    <Button
                      icon={slot.icon}
                      disabled={!selected}
                      type={selected ? 'primary' : 'default'}
                      ghost={!!selected}
                      onClick={() => setOpenSlot(slot.key)}
                    >
                      {t(slot.label)}
                    </Button>
                  </span>
                </Tooltip>
              ))}
            </Space>
          </Card>
          <div style={{ marginTop: 16 }}>
            <MyRequestsCard highlightId={createdRequests[0]?.id} extra={createdRequests} />
          </div>
        </Col>

        <Col xs={24} xl={10}>
          <div style={{ marginBottom: 16 }}>
            <MyTicketsCard onOpen={setTicketId} />
          </div>
          <Card
            title={t('op.calls.title')}
            data-testid="my-calls"
            extra={<Typography.Text type="secondary">{t('common.total', { n: myCalls.length })}</Typography.Text>}
          >
            <Table<CallView>
              size="small"
              rowKey="id"
              dataSource={myCalls}
              loading={today.loading && !today.data}
              pagination={myCalls.length > 10 ? { pageSize: 10, size: 'small' } : false}
              locale={{ emptyText: t('op.calls.empty') }}
              onRow={(c) =>
                ({
                  onClick: () => setSelectedId(c.id),
                  style: { cursor: 'pointer', background: c.id === selectedId ? '#e6f4ff' : undefined },
                  'data-testid': 'my-call-row',
                  'data-call-id': c.id,
                }) as never
              }
              columns={[
                { key: 'time', title: t('op.calls.time'), width: 64, render: (_, c) => formatTime(c.startedAt) },
                {
                  key: 'phone',
                  title: t('op.calls.phone'),
                  render: (_, c) => (
                    <Space size={4} wrap>
                      <span style={{ whiteSpace: 'nowrap' }}>
                        {c.withheld ? t('op.pop.withheld') : formatPhone(c.phone)}
                      </span>
                      {c.direction === 'outbound' && <Tag>{t('op.direction.outbound')}</Tag>}
                    </Space>
                  ),
                },
                {
                  key: 'topic',
                  title: t('op.form.topic'),
                  ellipsis: true,
                  render: (_, c) => (c.topicId ? (topics.byId.get(c.topicId)?.name ?? '—') : '—'),
                },
                {
                  key: 'outcome',
                  title: t('op.form.outcome'),
                  render: (_, c) =>
                    c.outcome ? (
                      <Tag color={OUTCOME_COLORS[c.outcome]}>{t(outcomeKey(c.outcome))}</Tag>
                    ) : c.state === 'ended' ? (
                      <Tag color="orange">{t('op.outcome.none')}</Tag>
                    ) : (
                      <Tag color="green">{t(`op.pop.state.${c.state}` as MessageKey)}</Tag>
                    ),
                },
                { key: 'talk', title: t('op.calls.talk'), width: 70, render: (_, c) => clock(c.talkSeconds) },
              ]}
            />
          </Card>
          <div style={{ marginTop: 16 }}>
            <CallbacksCard />
          </div>
        </Col>
      </Row>
      <BcciRequestModal
        open={openSlot === 'bcci-request'}
        call={selected ?? null}
        caller={caller}
        onClose={() => setOpenSlot(null)}
        onCreated={(r) => {
          setOpenSlot(null);
          setCreatedRequests((list) => [r, ...list.filter((x) => x.id !== r.id)]);
          refreshCaller();
        }}
      />
      <CreateTicketModal
        open={openSlot === 'ticket'}
        source={{
          call: selected ?? null,
          caller,
          requests: createdRequests
            .filter((r) => !selected?.phone || r.citizenPhone === selected.phone)
            .map((r) => ({ id: r.id, code: r.code })),
        }}
        onClose={() => setOpenSlot(null)}
        onCreated={(tk) => {
          setOpenSlot(null);
          setTicketId(tk.id);
          refreshCaller();
        }}
      />
      <TicketDrawer ticketId={ticketId} onClose={() => setTicketId(null)} />
    </>
  );
}
