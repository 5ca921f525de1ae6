import { useEffect, useMemo, useState } from 'react';
import {
  BellOutlined,
  CarOutlined,
  CheckOutlined,
  CloseOutlined,
  DollarOutlined,
  DownloadOutlined,
  InboxOutlined,
  MutedOutlined,
  SoundOutlined,
} from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  List,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { LEG_MACHINE, type LegEvent, type LegView, vnLocalDate } from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api-client';
import { describeError, formatWait } from '../../lib/errors';
import { formatDate, formatDateTime, formatMoney, formatPhone } from '../../lib/format';
import { useCommunes } from '../../lib/reference-data';
import { invalidate } from '../../lib/resource';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { isMuted, playChime, setMuted } from './chime';
import { LegActionModal, type ModalAction } from './LegActionModal';
import {
  KEYS,
  type LegAction,
  kindKey,
  nextActions,
  routeKey,
  STATE_COLORS,
  stateKey,
  vnDateToIso,
  awaitsRemittance,
  useActiveLegs,
  useUnremittedLegs,
  useOffice,
  useOfficeLegs,
  useUnremitted,
} from './legs-data';

/** Re-renders every `ms` (countdowns, live overdue flags). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

const isOverdue = (leg: LegView, now: number) =>
  !LEG_MACHINE.is('finished', leg.state) && (leg.overdue || Date.parse(leg.dueAt) < now);

function DueDate({ leg, now }: { leg: LegView; now: number }) {
  const { t } = useI18n();
  const overdue = isOverdue(leg, now);
  return (
    <Space size={4} wrap data-testid="leg-due" data-overdue={overdue ? 'true' : 'false'}>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(leg.dueAt)}</span>
      {overdue && <Tag color="red">{t('disp.overdue')}</Tag>}
    </Space>
  );
}

function Address({ leg }: { leg: LegView }) {
  const { t } = useI18n();
  const communes = useCommunes();
  const commune = communes.byCode.get(leg.communeCode);
  return (
    <Space size={4} wrap>
      <span>
        {leg.addressDetail}
        {commune ? `, ${commune.name}` : ''}
      </span>
      {leg.remoteArea && <Tag color="volcano">{t('op.pop.remote')}</Tag>}
      {leg.request && (
        <Typography.Text type="secondary" data-testid="leg-contact">
          {[
            leg.request.contactName,
            formatPhone(leg.request.citizenPhone),
            `${t('disp.dossier')} ${leg.request.dossierCode} — ${leg.request.procedureName}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      )}
    </Space>
  );
}

const actionIcons: Partial<Record<LegAction, React.ReactNode>> = {
  courier: <CarOutlined />,
  deliver: <CheckOutlined />,
};

/** A pending offer: what, where, the price, the due date and the time left to answer. */
function OfferItem({
  leg,
  liveDeadline,
  fresh,
  now,
  onAccept,
  onReject,
  busy,
}: {
  leg: LegView;
  liveDeadline: string | undefined;
  fresh: boolean;
  now: number;
  onAccept: () => void;
  onReject: () => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  // The server's word on the offer (pendingOffer); the live event's copy only until the list is re-fetched.
  const deadline = leg.pendingOffer ? leg.pendingOffer.deadlineAt : (liveDeadline ?? null);
  const left = deadline ? (Date.parse(deadline) - now) / 1000 : null;
  return (
    <List.Item
      className={fresh ? 'dispatch-offer dispatch-offer-fresh' : 'dispatch-offer'}
      data-testid="offer-item"
      data-leg-id={leg.id}
      actions={[
        <Button
          key="accept"
          type="primary"
          icon={<CheckOutlined />}
          loading={busy}
          onClick={onAccept}
          data-testid="offer-accept"
          disabled={left !== null && left <= 0}
        >
          {t('disp.action.accept')}
        </Button>,
        <Button
          key="reject"
          danger
          icon={<CloseOutlined />}
          onClick={onReject}
          data-testid="offer-reject"
          disabled={busy || (left !== null && left <= 0)}
        >
          {t('disp.action.reject')}
        </Button>,
      ]}
    >
      <List.Item.Meta
        avatar={fresh ? <Badge status="processing" color="#fa541c" /> : <Badge status="default" />}
        title={
          <Space wrap size={6}>
            <strong data-testid="offer-code">{leg.requestCode}</strong>
            <Tag color={leg.kind === 'pickup' ? 'blue' : 'purple'}>{t(kindKey(leg.kind))}</Tag>
            {fresh && <Tag color="orange">{t('disp.offer.new')}</Tag>}
            <Tag color={left !== null && left < 300 ? 'red' : 'gold'} data-testid="offer-countdown">
              {left === null
                ? t('disp.offer.noDeadline')
                : left > 0
                  ? t('disp.offer.left', { time: formatWait(t, left) })
                  : t('disp.offer.expired')}
            </Tag>
            {deadline && (
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12 }}
                data-testid="offer-deadline"
                data-deadline={deadline}
              >
                {t('dispatch.offer.deadline', { time: formatDateTime(deadline) })}
              </Typography.Text>
            )}
          </Space>
        }
        description={
          <Space orientation="vertical" size={0}>
            <Address leg={leg} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(routeKey(leg.routeType))} · {t('disp.postage')}: {formatMoney(leg.postage)}
              {leg.feeExpected > 0 && ` · ${t('disp.fee.expectedShort')}: ${formatMoney(leg.feeExpected)}`} ·{' '}
              {t('disp.due')}: {formatDateTime(leg.dueAt)}
              {leg.windowFrom &&
                ` · ${t('disp.window')}: ${formatDateTime(leg.windowFrom)} – ${formatDateTime(leg.windowTo)}`}
            </Typography.Text>
          </Space>
        }
      />
    </List.Item>
  );
}

function stepSummary(t: Translate, leg: LegView): string {
  const parts: string[] = [];
  if (leg.courierName) parts.push(`${t('disp.courier.short')}: ${leg.courierName}`);
  if (leg.pickupChecklist) {
    const c = leg.pickupChecklist;
    parts.push(
      c.missingDocuments.length
        ? t('disp.pickup.missingN', { n: c.missingDocuments.length })
        : t('disp.pickup.completeShort'),
    );
    if (c.feeReceiptNumber) parts.push(`${t('disp.pickup.receiptShort')} ${c.feeReceiptNumber}`);
  }
  if (leg.failedAttempts) parts.push(t('disp.failedN', { n: leg.failedAttempts }));
  if (leg.proofOfDelivery)
    parts.push(
      `${leg.proofOfDelivery.recipientName} (${leg.proofOfDelivery.relation}) ${formatDateTime(leg.proofOfDelivery.deliveredAt)}`,
    );
  return parts.join(' · ');
}

/** Fees collected on behalf and not yet remitted, and the remittance form. */
function FeesCard({ officeId, officeCode }: { officeId: string; officeCode: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const unremitted = useUnremitted();
  const [form] = Form.useForm<{ reference: string; remittedOn: string }>();
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const row = unremitted.data?.find((r) => r.officeId === officeId);
  // Which fees still wait for a remittance batch is the server's word (`unremitted=true`, LegView.remittance), not this
  // browser's memory; a leg remitted meanwhile (live update pending) is left out at once.
  const unremittedLegs = useUnremittedLegs();
  const candidates = (unremittedLegs.data?.items ?? []).filter(awaitsRemittance);
  const total = candidates.filter((l) => selected.includes(l.id)).reduce((s, l) => s + (l.feeCollected ?? 0), 0);

  const remit = async (v: { reference: string; remittedOn: string }) => {
    setBusy(true);
    try {
      const r = await api.post<{ amount: number }>('/bcci-remittances', {
        reference: v.reference.trim(),
        legIds: selected,
        remittedOn: vnDateToIso(v.remittedOn)!,
      });
      setSelected([]);
      form.setFieldsValue({ reference: '' });
      void message.success(t('disp.remit.done', { amount: formatMoney(r.amount) }));
    } catch (err) {
      // Already remitted (409 naming the leg): the re-fetched list no longer offers it.
      const legId = err instanceof ApiError ? (err.body.details as { legId?: string } | undefined)?.legId : undefined;
      if (legId && err instanceof ApiError && err.status === 409) setSelected((s) => s.filter((x) => x !== legId));
      void message.error(describeError(t, err));
    } finally {
      setBusy(false);
      invalidate(KEYS.unremitted, 'bcci-legs/');
    }
  };

  const download = async () => {
    setDownloading(true);
    try {
      const blob = await api.get<Blob>('/bcci-remittances/unremitted.csv', { as: 'blob' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `thu-ho-chua-nop-${officeCode ?? 'buu-cuc'}-${vnLocalDate(Date.now())}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      void message.error(t('dispatch.fees.downloadFailed', { reason: describeError(t, err) }));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      title={
        <Space>
          <DollarOutlined />
          {t('disp.fees.title')}
        </Space>
      }
      extra={
        <Tooltip title={t('dispatch.fees.downloadHint')}>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={() => void download()}
            data-testid="fees-csv"
          >
            {t('dispatch.fees.download')}
          </Button>
        </Tooltip>
      }
      data-testid="fees-card"
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={12}>
          <Statistic
            title={t('disp.fees.unremitted')}
            value={formatMoney(row?.amount ?? 0)}
            styles={{ content: { color: row?.amount ? '#d4380d' : undefined, fontSize: 20 } }}
            data-testid="unremitted-amount"
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t('disp.fees.legs')}
            value={row?.legs ?? 0}
            styles={{ content: { fontSize: 20 } }}
            data-testid="unremitted-legs"
          />
        </Col>
      </Row>
      <Table<LegView>
        size="small"
        rowKey="id"
        dataSource={candidates}
        pagination={false}
        locale={{ emptyText: t('disp.fees.none') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        onRow={(l) => ({ 'data-testid': 'fee-row', 'data-leg-id': l.id }) as never}
        columns={[
          {
            key: 'code',
            title: t('disp.code'),
            render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{l.requestCode}</span>,
          },
          {
            key: 'state',
            title: t('disp.state'),
            render: (_, l) => <Tag color={STATE_COLORS[l.state]}>{t(stateKey(l.state))}</Tag>,
          },
          {
            key: 'fee',
            title: t('disp.fees.amount'),
            align: 'right',
            render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(l.feeCollected)}</span>,
          },
          {
            key: 'receipt',
            title: t('disp.pickup.receiptShort'),
            render: (_, l) => (
              <span style={{ whiteSpace: 'nowrap' }}>{l.pickupChecklist?.feeReceiptNumber ?? '—'}</span>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {t('disp.remit.hint')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        name="remittance"
        initialValues={{ remittedOn: formatDate(new Date()) }}
        onFinish={(v) => void remit(v)}
        data-testid="remit-form"
      >
        <Form.Item
          name="reference"
          rules={[{ required: true, whitespace: true, message: t('disp.remit.referenceRequired') }]}
        >
          <Input
            placeholder={t('disp.remit.reference')}
            maxLength={60}
            style={{ width: 180 }}
            data-testid="remit-reference"
          />
        </Form.Item>
        <Form.Item
          name="remittedOn"
          rules={[
            {
              validator: (_, v: string | undefined) =>
                v && vnDateToIso(v) ? Promise.resolve() : Promise.reject(new Error(t('disp.remit.dateInvalid'))),
            },
          ]}
        >
          <Input placeholder="dd/MM/yyyy" maxLength={10} style={{ width: 130 }} data-testid="remit-date" />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            disabled={!selected.length}
            loading={busy}
            data-testid="remit-submit"
          >
            {t('disp.remit.submit', { amount: formatMoney(total) })}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

export default function DispatcherInboxPage() {
  const { t } = useI18n();
  const { message, notification } = App.useApp();
  const me = useCurrentUser();
  const officeId = me.postOfficeId;
  const office = useOffice(officeId);
  const activeLegs = useActiveLegs();
  const legs = useOfficeLegs();
  const now = useNow(1000);
  const [muted, setMutedState] = useState(isMuted);
  /** Deadlines and arrival times of offers seen live (the list carries no offers; the event does). */
  const [liveOffers, setLiveOffers] = useState<Record<string, { deadlineAt: string | null; at: number }>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [modal, setModal] = useState<{ leg: LegView; action: ModalAction } | null>(null);

  useRealtimeEvent('dispatch:leg-assigned', (p: LegEvent) => {
    if (p.officeId !== officeId) return;
    setLiveOffers((m) => ({ ...m, [p.legId]: { deadlineAt: p.deadlineAt, at: Date.now() } }));
    playChime();
    void notification.info({
      key: `offer-${p.legId}`,
      message: t('disp.offer.arrived', { code: p.requestCode }),
      icon: <BellOutlined style={{ color: '#fa541c' }} />,
      duration: 6,
    });
    invalidate('bcci-legs/');
  });
  useRealtimeEvent('dispatch:leg-updated', () => invalidate('bcci-legs/', KEYS.unremitted));
  useRealtimeEvent('dispatch:leg-overdue', (p: LegEvent) => {
    if (p.officeId === officeId) void message.warning(t('disp.overdueNow', { code: p.requestCode }));
    invalidate('bcci-legs/');
  });

  const current = useMemo(() => activeLegs.data?.items ?? [], [activeLegs.data]);
  const all = useMemo(() => legs.data?.items ?? [], [legs.data]);
  const offers = useMemo(
    () => current.filter((l) => l.state === 'assigned').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
    [current],
  );
  const active = useMemo(
    () => current.filter((l) => LEG_MACHINE.is('officeHeld', l.state)).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    [current],
  );
  const finished = useMemo(() => all.filter((l) => LEG_MACHINE.is('finished', l.state)).slice(0, 20), [all]);
  const overdueCount = active.filter((l) => isOverdue(l, now)).length;

  const accept = async (leg: LegView) => {
    setBusy(leg.id);
    try {
      await api.post(`/bcci-legs/${leg.id}/accept`, {});
      void message.success(t('disp.done.accept', { code: leg.requestCode }));
    } catch (err) {
      void message.error(describeError(t, err));
    } finally {
      setBusy(null);
      invalidate('bcci-legs/');
    }
  };

  const toggleMute = () => {
    setMuted(!muted);
    setMutedState(!muted);
    if (muted) playChime();
  };

  if (!officeId) return <Empty description={t('disp.noOffice')} />;

  return (
    <>
      <PageHeader
        title={t('nav.dispatcherInbox')}
        subtitle={
          office.data
            ? t('disp.subtitle', { office: `${office.data.code} · ${office.data.name}` })
            : t('disp.subtitleShort')
        }
        extra={
          <Tooltip title={muted ? t('disp.sound.unmuteHint') : t('disp.sound.muteHint')}>
            <Button
              icon={muted ? <MutedOutlined /> : <SoundOutlined />}
              onClick={toggleMute}
              data-testid="mute-toggle"
              data-muted={muted ? 'true' : 'false'}
            >
              {muted ? t('disp.sound.off') : t('disp.sound.on')}
            </Button>
          </Tooltip>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={
              <Space>
                <InboxOutlined />
                {t('disp.offers.title')}
                <Badge
                  count={offers.length}
                  showZero
                  color={offers.length ? '#fa541c' : '#bfbfbf'}
                  data-testid="offers-count"
                />
              </Space>
            }
            extra={<Typography.Text type="secondary">{t('disp.offers.hint')}</Typography.Text>}
            data-testid="offers"
          >
            {offers.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={activeLegs.loading && !activeLegs.data ? '…' : t('disp.offers.empty')}
                data-testid="offers-empty"
              />
            ) : (
              <List
                dataSource={offers}
                renderItem={(leg) => (
                  <OfferItem
                    key={leg.id}
                    leg={leg}
                    liveDeadline={liveOffers[leg.id]?.deadlineAt ?? undefined}
                    fresh={!!liveOffers[leg.id] && now - liveOffers[leg.id].at < 60_000}
                    now={now}
                    busy={busy === leg.id}
                    onAccept={() => void accept(leg)}
                    onReject={() => setModal({ leg, action: 'reject' })}
                  />
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <FeesCard officeId={officeId} officeCode={office.data?.code ?? null} />
        </Col>
        <Col span={24}>
          <Card
            title={
              <Space>
                <CarOutlined />
                {t('disp.active.title')}
                <Badge count={active.length} showZero color="#1677ff" />
                {overdueCount > 0 && <Tag color="red">{t('disp.active.overdue', { n: overdueCount })}</Tag>}
              </Space>
            }
            extra={
              activeLegs.data && !activeLegs.data.complete ? (
                <Typography.Text type="secondary">
                  {t('dispatch.list.more', { shown: activeLegs.data.items.length })}
                </Typography.Text>
              ) : undefined
            }
            data-testid="active-legs"
          >
            <Table<LegView>
              size="small"
              rowKey="id"
              dataSource={active}
              loading={activeLegs.loading && !activeLegs.data}
              pagination={active.length > 10 ? { pageSize: 10, size: 'small' } : false}
              locale={{ emptyText: t('disp.active.empty') }}
              onRow={(l) => ({ 'data-testid': 'leg-row', 'data-leg-id': l.id, 'data-state': l.state }) as never}
              columns={[
                {
                  key: 'code',
                  title: t('disp.code'),
                  render: (_, l) => (
                    <Space orientation="vertical" size={0}>
                      <strong>{l.requestCode}</strong>
                      <Tag color={l.kind === 'pickup' ? 'blue' : 'purple'}>{t(kindKey(l.kind))}</Tag>
                    </Space>
                  ),
                },
                {
                  key: 'what',
                  title: t('disp.address'),
                  render: (_, l) => (
                    <Space orientation="vertical" size={0}>
                      <Address leg={l} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {stepSummary(t, l)}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  key: 'state',
                  title: t('disp.state'),
                  render: (_, l) => (
                    <Tag color={STATE_COLORS[l.state]} data-testid="leg-state">
                      {t(stateKey(l.state))}
                    </Tag>
                  ),
                },
                { key: 'due', title: t('disp.due'), render: (_, l) => <DueDate leg={l} now={now} /> },
                {
                  key: 'actions',
                  title: t('disp.next'),
                  render: (_, l) => (
                    <Space wrap size={4}>
                      {nextActions(l).map((a) => (
                        <Button
                          key={a}
                          size="small"
                          type={a === 'fail' || a === 'return' ? 'default' : 'primary'}
                          danger={a === 'fail'}
                          icon={actionIcons[a]}
                          onClick={() => setModal({ leg: l, action: a })}
                          data-testid={`leg-action-${a}`}
                        >
                          {t(`disp.action.${a}` as MessageKey)}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('disp.finished.title')} data-testid="finished-legs">
            {finished.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disp.finished.empty')} />
            ) : (
              <List
                size="small"
                dataSource={finished}
                renderItem={(l) => (
                  <List.Item key={l.id} data-testid="finished-item" data-leg-id={l.id}>
                    <List.Item.Meta
                      title={
                        <Space wrap size={6}>
                          <strong>{l.requestCode}</strong>
                          <Tag color={STATE_COLORS[l.state]}>{t(stateKey(l.state))}</Tag>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {formatDate(l.updatedAt)}
                          </Typography.Text>
                          {l.remittance && (
                            <Tooltip
                              title={t('dispatch.remitted', {
                                amount: formatMoney(l.feeCollected),
                                reference: l.remittance.reference,
                                date: formatDate(`${l.remittance.remittedOn}T12:00:00+07:00`),
                              })}
                            >
                              <Tag color="green" data-testid="leg-remitted" data-reference={l.remittance.reference}>
                                {t('dispatch.remitted.short')} · {l.remittance.reference}
                              </Tag>
                            </Tooltip>
                          )}
                        </Space>
                      }
                      description={
                        <Typography.Text style={{ fontSize: 12 }}>{stepSummary(t, l) || '—'}</Typography.Text>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <LegActionModal leg={modal?.leg ?? null} action={modal?.action ?? null} onClose={() => setModal(null)} />
    </>
  );
}
