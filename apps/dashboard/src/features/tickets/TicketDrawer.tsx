import { useState, type ReactNode } from 'react';
import { ArrowRightOutlined, SendOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Rate,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  SLA_TARGET_NAMES,
  TICKET_MACHINE,
  ticketStatusMoves,
  type BcciRequestView,
  type TicketDetailView,
  type TicketStatus,
  type TicketView,
} from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCommunes } from '../../lib/reference-data';
import { invalidate, useResource } from '../../lib/resource';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { vnDateToIso } from '../dispatcher/leg-rules';
import { historyActionText, historyReasonText } from './history-text';
import { SlaCountdown } from './SlaCountdown';
import {
  kindKey,
  priorityKey,
  PRIORITY_COLORS,
  statusKey,
  STATUS_COLORS,
  TICKET_KEYS,
  useAgencies,
  useCategories,
  useStaffDirectory,
  useTicketDetail,
  useTicketHistory,
} from './tickets-data';
import { TicketCitizen } from './TicketCitizen';

const refresh = (id: string) => invalidate(TICKET_KEYS.detail(id), TICKET_KEYS.history(id), 'tickets/list');

/** A staff id in words: me, the name from the operator board (supervisors and admins), else the short id. */
function useWho() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const staff = useStaffDirectory();
  return (id: string | null) =>
    id === null
      ? t('tickets.who.system')
      : id === me.id
        ? t('tickets.who.me')
        : (staff.byId.get(id)?.fullName ?? t('tickets.who.staff', { id: id.slice(-6) }));
}

/** Supervisors and admins hand a ticket to a named operator: every active one, with the live status when known. */
function AssignPicker({
  ticket,
  busy,
  onAssign,
}: {
  ticket: TicketView;
  busy: boolean;
  onAssign: (assigneeId: string) => void;
}) {
  const { t } = useI18n();
  const staff = useStaffDirectory();
  const [pick, setPick] = useState<string | undefined>();
  const options = staff.pickable
    .filter((s) => s.userId !== ticket.assigneeId)
    .map((s) => ({
      value: s.userId,
      label: [
        s.fullName,
        s.extension && t('tickets.assign.extension', { ext: s.extension }),
        s.status && t(`op.status.${s.status}` as MessageKey),
      ]
        .filter(Boolean)
        .join(' · '),
    }));
  return (
    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
      <Select
        placeholder={t('tickets.assign.pick')}
        title={t('tickets.assign.hint')}
        value={pick}
        onChange={setPick}
        options={options}
        loading={staff.loading}
        status={staff.error ? 'warning' : undefined}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ flex: 1 }}
        data-testid="ticket-assign-pick"
      />
      <Button
        icon={<UserAddOutlined />}
        disabled={!pick}
        loading={busy}
        data-testid="ticket-assign-submit"
        onClick={() => {
          if (pick) onAssign(pick);
          setPick(undefined);
        }}
      >
        {t('tickets.assign.submit')}
      </Button>
    </Space.Compact>
  );
}

/** A linked BCCI request by its code (the ticket stores the id). */
function RequestCode({ id }: { id: string }) {
  const r = useResource<BcciRequestView>(`bcci-requests/one/${id}`, () =>
    api.get<BcciRequestView>(`/bcci-requests/${id}`),
  );
  return <span data-testid="ticket-bcci-code">{r.data?.code ?? (r.error ? id : '…')}</span>;
}

/** One action of the drawer: runs, shows the server's refusal in words, refreshes the ticket. */
function useAction(id: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, fn: () => Promise<unknown>, done: MessageKey): Promise<boolean> => {
    setBusy(key);
    try {
      await fn();
      void message.success(t(done));
      refresh(id);
      return true;
    } catch (err) {
      void message.error(describeError(t, err));
      refresh(id);
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

function Section({
  title,
  children,
  testId,
  extra,
}: {
  title: string;
  children: ReactNode;
  testId: string;
  extra?: ReactNode;
}) {
  return (
    <Card size="small" title={title} style={{ marginTop: 12 }} data-testid={testId} extra={extra}>
      {children}
    </Card>
  );
}

/** The replies and notes, oldest first (notes on a yellow background: staff only). */
function MessageList({ ticket }: { ticket: TicketDetailView }) {
  const { t } = useI18n();
  const who = useWho();
  if (!ticket.messages.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.messages.empty')} />;
  return (
    <List
      size="small"
      dataSource={ticket.messages}
      renderItem={(m) => (
        <List.Item
          key={m.id}
          data-testid="ticket-message"
          data-kind={m.kind}
          style={{ background: m.kind === 'internal_note' ? '#fffbe6' : undefined, paddingInline: 8 }}
        >
          <div style={{ width: '100%' }}>
            <Space size={6} wrap>
              <Tag color={m.kind === 'public_reply' ? 'blue' : 'gold'}>
                {t(m.kind === 'public_reply' ? 'tickets.messages.reply' : 'tickets.messages.note')}
              </Tag>
              <Typography.Text type="secondary">
                {who(m.authorId)} · {formatDateTime(m.createdAt)}
              </Typography.Text>
            </Space>
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{m.body}</div>
          </div>
        </List.Item>
      )}
    />
  );
}

/** The composer's state: the tab (reply or note), the text, "called back", and sending it. */
function useComposer(ticketId: string) {
  const { busy, run } = useAction(ticketId);
  const [body, setBody] = useState('');
  const [callBack, setCallBack] = useState(false);
  const [tab, setTab] = useState<'reply' | 'note'>('reply');
  const send = async () => {
    const text = body.trim();
    if (!text) return;
    const ok =
      tab === 'reply'
        ? await run(
            'reply',
            () => api.post(`/tickets/${ticketId}/replies`, { body: text, callBack: callBack || undefined }),
            'tickets.done.reply',
          )
        : await run('note', () => api.post(`/tickets/${ticketId}/notes`, { body: text }), 'tickets.done.note');
    if (ok) {
      setBody('');
      setCallBack(false);
    }
  };
  return { busy, body, setBody, callBack, setCallBack, tab, setTab, send };
}

/** Write a public reply (optionally "called the citizen back") or an internal note. */
function MessageComposer({ ticket }: { ticket: TicketDetailView }) {
  const { t } = useI18n();
  const { busy, body, setBody, callBack, setCallBack, tab, setTab, send } = useComposer(ticket.id);
  return (
    <div style={{ marginTop: 8 }}>
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(k) => setTab(k as 'reply' | 'note')}
        items={[
          { key: 'reply', label: <span data-testid="tab-reply">{t('tickets.messages.replyTab')}</span> },
          { key: 'note', label: <span data-testid="tab-note">{t('tickets.messages.noteTab')}</span> },
        ]}
      />
      <Input.TextArea
        rows={3}
        maxLength={10000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t(tab === 'reply' ? 'tickets.messages.replyHint' : 'tickets.messages.noteHint')}
        data-testid="ticket-message-body"
      />
      <Space style={{ marginTop: 8, justifyContent: 'space-between', width: '100%' }} wrap>
        {tab === 'reply' ? (
          <Checkbox
            checked={callBack}
            onChange={(e) => setCallBack(e.target.checked)}
            data-testid="ticket-reply-callback"
          >
            {t('tickets.messages.callBack')}
          </Checkbox>
        ) : (
          <span />
        )}
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!body.trim()}
          loading={busy === 'reply' || busy === 'note'}
          onClick={() => void send()}
          data-testid="ticket-message-send"
        >
          {t(tab === 'reply' ? 'tickets.messages.sendReply' : 'tickets.messages.sendNote')}
        </Button>
      </Space>
    </div>
  );
}

function MessagesCard({ ticket }: { ticket: TicketDetailView }) {
  const { t } = useI18n();
  return (
    <Section title={t('tickets.messages.title')} testId="ticket-messages">
      <MessageList ticket={ticket} />
      {!TICKET_MACHINE.is('frozen', ticket.status) && <MessageComposer ticket={ticket} />}
    </Section>
  );
}

/** One forward: the agency, when, the note, and the agency's answer (or the field to record it, once). */
function ForwardItem({ ticket, f }: { ticket: TicketDetailView; f: TicketDetailView['forwards'][number] }) {
  const { t } = useI18n();
  const { busy, run } = useAction(ticket.id);
  const [answer, setAnswer] = useState('');
  return (
    <div data-testid="ticket-forward" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8, marginBottom: 8 }}>
      <Space wrap>
        <ArrowRightOutlined />
        <strong>{f.agencyName}</strong>
        <Typography.Text type="secondary">{formatDateTime(f.forwardedAt)}</Typography.Text>
      </Space>
      {f.note && <div style={{ whiteSpace: 'pre-wrap' }}>{f.note}</div>}
      {f.answer ? (
        <Alert
          type="success"
          style={{ marginTop: 6 }}
          title={t('tickets.forward.answered', { at: formatDateTime(f.answeredAt) })}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{f.answer}</span>}
          data-testid="ticket-forward-answer"
        />
      ) : (
        <Space.Compact style={{ width: '100%', marginTop: 6 }}>
          <Input
            placeholder={t('tickets.forward.answerHint')}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            data-testid="ticket-forward-answer-input"
          />
          <Button
            disabled={!answer.trim()}
            loading={busy === `answer-${f.id}`}
            onClick={() =>
              void run(
                `answer-${f.id}`,
                () => api.post(`/tickets/${ticket.id}/forwards/${f.id}/answer`, { answer: answer.trim() }),
                'tickets.done.answer',
              )
            }
            data-testid="ticket-forward-answer-save"
          >
            {t('tickets.forward.saveAnswer')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}

/** Forward to an agency (its mail goes through the outbox): offered when the ticket machine allows `forwarded`. */
function ForwardForm({ ticket }: { ticket: TicketDetailView }) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const { busy, run } = useAction(ticket.id);
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const submit = async () => {
    const body = { agencyId, note: note.trim() || undefined };
    if (await run('forward', () => api.post(`/tickets/${ticket.id}/forwards`, body), 'tickets.done.forward')) {
      setAgencyId(undefined);
      setNote('');
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        placeholder={t('tickets.forward.pickAgency')}
        value={agencyId}
        onChange={setAgencyId}
        options={agencies.active.map((a) => ({ value: a.id, label: a.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        data-testid="ticket-forward-agency"
      />
      <Input.TextArea
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('tickets.forward.noteHint')}
        data-testid="ticket-forward-note"
      />
      <Button
        icon={<ArrowRightOutlined />}
        disabled={!agencyId}
        loading={busy === 'forward'}
        onClick={() => void submit()}
        data-testid="ticket-forward-submit"
      >
        {t('tickets.forward.submit')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tickets.forward.hint')}
      </Typography.Text>
    </Space>
  );
}

function ForwardsCard({ ticket }: { ticket: TicketDetailView }) {
  const { t } = useI18n();
  return (
    <Section title={t('tickets.forward.title')} testId="ticket-forwards">
      {ticket.forwards.map((f) => (
        <ForwardItem key={f.id} ticket={ticket} f={f} />
      ))}
      {TICKET_MACHINE.can(ticket.status, 'forwarded') ? (
        <ForwardForm ticket={ticket} />
      ) : (
        !ticket.forwards.length && <Typography.Text type="secondary">{t('tickets.forward.none')}</Typography.Text>
      )}
    </Section>
  );
}

/** The dossier's facts: code, agency, original and new dates, the apology's reason and slip date. */
function OverdueFacts({ o }: { o: NonNullable<TicketDetailView['overdueDossier']> }) {
  const { t } = useI18n();
  const agencies = useAgencies();
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label={t('tickets.field.dossierCode')}>{o.dossierCode}</Descriptions.Item>
      <Descriptions.Item label={t('tickets.field.agency')}>
        {agencies.byId.get(o.agencyId)?.name ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.field.originalDueDate')}>
        {formatDate(`${o.originalDueDate}T00:00:00+07:00`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.overdue.newDate')}>
        <span data-testid="ticket-overdue-new-date">
          {o.newDueDate ? formatDate(`${o.newDueDate}T00:00:00+07:00`) : '—'}
        </span>
      </Descriptions.Item>
      {o.apologyReason && (
        <Descriptions.Item label={t('tickets.overdue.reason')} span={2}>
          {o.apologyReason}{' '}
          {o.apologySlipDate && (
            <Typography.Text type="secondary">
              ({t('tickets.overdue.slipOn', { date: formatDate(`${o.apologySlipDate}T00:00:00+07:00`) })})
            </Typography.Text>
          )}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The apology slip (Mẫu 04) with the new date: set once, the api refuses a second one. */
function ApologyForm({ ticket }: { ticket: TicketDetailView }) {
  const { t } = useI18n();
  const { busy, run } = useAction(ticket.id);
  const [form] = Form.useForm<{ reason: string; newDueDate: string; slipDate?: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 8 }}
      requiredMark={false}
      onFinish={async (v) => {
        const newDueDate = vnDateToIso(v.newDueDate);
        const slipDate = v.slipDate?.trim() ? vnDateToIso(v.slipDate) : undefined;
        if (!newDueDate) return form.setFields([{ name: 'newDueDate', errors: [t('tickets.form.dateInvalid')] }]);
        if (slipDate === null) return form.setFields([{ name: 'slipDate', errors: [t('tickets.form.dateInvalid')] }]);
        await run(
          'apology',
          () => api.post(`/tickets/${ticket.id}/overdue-dossier/apology`, { reason: v.reason, newDueDate, slipDate }),
          'tickets.done.apology',
        );
      }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('tickets.overdue.hint')}
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('tickets.overdue.reason')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} data-testid="apology-reason" />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="newDueDate"
          label={t('tickets.overdue.newDate')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input placeholder="dd/MM/yyyy" data-testid="apology-new-date" />
        </Form.Item>
        <Form.Item name="slipDate" label={t('tickets.overdue.slipDate')}>
          <Input placeholder="dd/MM/yyyy" data-testid="apology-slip-date" />
        </Form.Item>
      </Space>
      <Button htmlType="submit" loading={busy === 'apology'} data-testid="apology-submit">
        {t('tickets.overdue.submit')}
      </Button>
    </Form>
  );
}

function OverdueCard({ ticket }: { ticket: TicketDetailView }) {
  const { t } = useI18n();
  const o = ticket.overdueDossier;
  if (!o) return null;
  return (
    <Section title={t('tickets.overdue.title')} testId="ticket-overdue">
      <OverdueFacts o={o} />
      {o.newDueDate ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="ticket-overdue-once">
          {t('tickets.overdue.once', { at: formatDateTime(o.newDateSetAt) })}
        </Typography.Text>
      ) : (
        <ApologyForm ticket={ticket} />
      )}
    </Section>
  );
}

function CsatCard({ ticket }: { ticket: TicketDetailView }) {
  const { t } = useI18n();
  const { busy, run } = useAction(ticket.id);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const done = TICKET_MACHINE.is('rateable', ticket.status);
  if (!done && !ticket.csat) return null;
  return (
    <Section title={t('tickets.csat.title')} testId="ticket-csat">
      {ticket.csat ? (
        <Space orientation="vertical">
          <Rate disabled value={ticket.csat.score} />
          {ticket.csat.comment && <span>{ticket.csat.comment}</span>}
          <Typography.Text type="secondary">{formatDateTime(ticket.csat.recordedAt)}</Typography.Text>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Rate value={score} onChange={setScore} data-testid="csat-score" />
          <Input
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('tickets.csat.commentHint')}
            data-testid="csat-comment"
          />
          <Button
            disabled={!score}
            loading={busy === 'csat'}
            onClick={() =>
              void run(
                'csat',
                () => api.post(`/tickets/${ticket.id}/csat`, { score, comment: comment.trim() || undefined }),
                'tickets.done.csat',
              )
            }
            data-testid="csat-submit"
          >
            {t('tickets.csat.submit')}
          </Button>
        </Space>
      )}
    </Section>
  );
}

function HistoryCard({ id }: { id: string }) {
  const { t } = useI18n();
  const who = useWho();
  const history = useTicketHistory(id);
  const label = (action: string) => historyActionText(t, action);
  const PEOPLE = new Set(['assigned', 'reassigned', 'taken_over']);
  const value = (action: string, s: string | null) =>
    s === null
      ? null
      : PEOPLE.has(action)
        ? who(s)
        : s in STATUS_COLORS
          ? t(statusKey(s as TicketStatus))
          : /^\d{4}-\d{2}-\d{2}$/.test(s)
            ? formatDate(`${s}T00:00:00+07:00`)
            : /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(s)
              ? formatDateTime(s)
              : s;
  // Reasons the server wrote by itself ("work started", "resolution warning") are shown in words; typed ones as written.
  const reason = (r: string) => historyReasonText(t, r);
  return (
    <Section title={t('tickets.history.title')} testId="ticket-history">
      {history.data?.length ? (
        <Timeline
          items={history.data.map((h, i) => ({
            key: i,
            content: (
              <div data-testid="ticket-history-item" data-action={h.action}>
                <Space size={6} wrap>
                  <strong>{label(h.action)}</strong>
                  {(h.from || h.to) && (
                    <span>
                      {value(h.action, h.from) ?? '∅'} → {value(h.action, h.to) ?? '∅'}
                    </span>
                  )}
                </Space>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {who(h.actorId)} · {formatDateTime(h.at)}
                    {h.reason ? ` · ${reason(h.reason)}` : ''}
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      ) : (
        <Spin spinning={history.loading}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        </Spin>
      )}
    </Section>
  );
}

/** Subject, kind, channel, priority, queue and the SLA countdowns. */
function TicketSummary({ head }: { head: TicketView }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="ticket-subject">
        {head.subject}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag>{t(kindKey(head.kind))}</Tag>
        <Tag>{t(`tickets.channel.${head.channel}` as MessageKey)}</Tag>
        <Tag color={PRIORITY_COLORS[head.priority]} data-testid="ticket-priority">
          {t(priorityKey(head.priority))}
        </Tag>
        {head.priorityRaisedForRemoteArea && <Tag color="orange">{t('tickets.remoteRaised')}</Tag>}
        {head.queue === 'supervisors' && <Tag color="red">{t('tickets.queue.supervisors')}</Tag>}
      </Space>
      <Space wrap size={[8, 8]} data-testid="ticket-sla">
        {SLA_TARGET_NAMES.map((n) => (head.sla[n] ? <SlaCountdown key={n} name={n} target={head.sla[n]} /> : null))}
      </Space>
    </>
  );
}

/** The status buttons: the moves the ticket machine allows from here (forwarding has its own form). */
function StatusMoveButtons({
  head,
  action,
}: {
  head: TicketView;
  action: Pick<ReturnType<typeof useAction>, 'busy' | 'run'>;
}) {
  const { t } = useI18n();
  const { busy, run } = action;
  const moves = ticketStatusMoves(head.status);
  return (
    <div style={{ marginTop: 8 }}>
      <Space wrap>
        <Typography.Text type="secondary">{t('tickets.detail.moveTo')}:</Typography.Text>
        {moves.length ? (
          moves.map((to) => (
            <Button
              key={to}
              size="small"
              loading={busy === `move-${to}`}
              data-testid={`ticket-move-${to}`}
              onClick={() =>
                void run(`move-${to}`, () => api.post(`/tickets/${head.id}/transitions`, { to }), 'tickets.done.move')
              }
            >
              {t(statusKey(to))}
            </Button>
          ))
        ) : (
          <Typography.Text type="secondary">{t('tickets.detail.final')}</Typography.Text>
        )}
      </Space>
    </div>
  );
}

/** Who has it (assign to me, take over, assign to someone) and the status moves the ticket machine allows. */
function TicketActionsCard({ head }: { head: TicketView }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const who = useWho();
  const { busy, run } = useAction(head.id);
  const supervisor = me.role === 'supervisor' || me.role === 'admin';
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="ticket-actions">
      <Space wrap>
        <Typography.Text type="secondary">{t('tickets.detail.assignee')}:</Typography.Text>
        <strong data-testid="ticket-assignee">
          {head.assigneeId ? who(head.assigneeId) : t('tickets.who.nobody')}
        </strong>
        {head.assigneeId !== me.id && !TICKET_MACHINE.is('frozen', head.status) && (!head.assigneeId || supervisor) && (
          <Button
            size="small"
            icon={<UserAddOutlined />}
            loading={busy === 'assign'}
            data-testid="ticket-assign-me"
            onClick={() =>
              void run(
                'assign',
                () =>
                  head.assigneeId && supervisor
                    ? api.post(`/tickets/${head.id}/take-over`)
                    : api.post(`/tickets/${head.id}/assign`, { assigneeId: me.id }),
                'tickets.done.assign',
              )
            }
          >
            {t(head.assigneeId ? 'tickets.detail.takeOver' : 'tickets.detail.assignMe')}
          </Button>
        )}
      </Space>
      {supervisor && !TICKET_MACHINE.is('frozen', head.status) && (
        <AssignPicker
          ticket={head}
          busy={busy === 'assign-to'}
          onAssign={(assigneeId) =>
            void run('assign-to', () => api.post(`/tickets/${head.id}/assign`, { assigneeId }), 'tickets.assign.done')
          }
        />
      )}
      <StatusMoveButtons head={head} action={{ busy, run }} />
    </Card>
  );
}

/** Content, citizen, category, commune, dossier, BCCI request and the instants. */
function TicketFacts({ head }: { head: TicketView }) {
  const { t } = useI18n();
  const categories = useCategories();
  const communes = useCommunes();
  return (
    <Descriptions size="small" column={2} bordered style={{ marginTop: 12 }}>
      <Descriptions.Item label={t('tickets.field.content')} span={2}>
        <span style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-content">
          {head.content}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.citizen.column')} span={2}>
        <TicketCitizen ticket={head} />
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.field.category')}>
        {head.categoryId ? (categories.byId.get(head.categoryId)?.name ?? '—') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.field.commune')}>
        {head.communeCode ? (communes.byCode.get(head.communeCode)?.name ?? head.communeCode) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.field.dossierCode')}>{head.dossierCode ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('tickets.field.bcciRequest')}>
        {head.bcciRequestId ? <RequestCode id={head.bcciRequestId} /> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.detail.received')}>{formatDateTime(head.receivedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('tickets.detail.firstResponse')}>
        {formatDateTime(head.firstResponseAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.detail.resolved')}>{formatDateTime(head.resolvedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('tickets.detail.closed')}>{formatDateTime(head.closedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** The drawer's title: the code and the status. */
function DrawerTitle({ head }: { head: TicketView }) {
  const { t } = useI18n();
  return (
    <Space wrap data-testid="ticket-drawer-title">
      <span data-testid="ticket-code">{head.code}</span>
      <Tag color={STATUS_COLORS[head.status]} data-testid="ticket-status" data-status={head.status}>
        {t(statusKey(head.status))}
      </Tag>
    </Space>
  );
}

/** The ticket detail: SLA countdowns, allowed status moves, assignment, replies/notes, forwarding, overdue dossier, CSAT, history. */
export function TicketDrawer({
  ticketId,
  onClose,
  live,
}: {
  ticketId: string | null;
  onClose: () => void;
  live?: TicketView;
}) {
  const { t } = useI18n();
  const detail = useTicketDetail(ticketId);

  useRealtimeEvent('ticket:changed', (p) => {
    if (ticketId && p.ticket.id === ticketId) refresh(ticketId);
  });

  const d = detail.data && detail.data.id === ticketId ? detail.data : undefined;
  // A newer version seen live (list, socket) wins for the header fields until the detail is re-read.
  const head: TicketView | undefined = d && live && live.version > d.version ? live : d;

  return (
    <Drawer
      open={!!ticketId}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={head ? <DrawerTitle head={head} /> : t('tickets.detail.title')}
      data-testid="ticket-drawer"
    >
      {!head ? (
        detail.error ? (
          <Alert type="error" showIcon title={describeError(t, detail.error)} />
        ) : (
          <Spin />
        )
      ) : (
        <div data-testid="ticket-detail" data-ticket-id={head.id}>
          <TicketSummary head={head} />

          <TicketActionsCard head={head} />

          <TicketFacts head={head} />

          {d && (
            <>
              <MessagesCard ticket={d} />
              <ForwardsCard ticket={d} />
              <OverdueCard ticket={d} />
              <CsatCard ticket={d} />
            </>
          )}
          <HistoryCard id={head.id} />
        </div>
      )}
    </Drawer>
  );
}
