import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { FileAddOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Tooltip } from 'antd';
import type { BcciRequestView, CallView, CallerLookupView } from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { CreateTicketModal } from '../tickets/CreateTicketModal';
import { MyTicketsCard } from '../tickets/MyTicketsCard';
import { TicketDrawer } from '../tickets/TicketDrawer';
import { BcciRequestModal } from './BcciRequestModal';
import { CallbacksCard } from './CallbacksCard';
import { MyRequestsCard } from './MyRequestsCard';
import type { CallFormHandle } from './CallForm';
import { CallFormCard } from './console/CallFormCard';
import { MyCallsCard } from './console/MyCallsCard';
import { ScreenPopCard } from './console/ScreenPopCard';
import { StatusSwitcher } from './console/StatusSwitcher';
import { useConsoleCalls } from './console/use-console-calls';
import { useConsoleShortcuts } from './console/use-console-shortcuts';
import { useMyLiveStatus } from './console/use-my-status';

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

/** "Create from this call": one click opens the flow with the call's citizen, phone and call id prefilled. */
function ActionSlots({ enabled, onOpen }: { enabled: boolean; onOpen: (key: ActionSlot['key']) => void }) {
  const { t } = useI18n();
  return (
    <Card title={t('op.slot.title')} size="small" style={{ marginTop: 16 }} data-testid="call-action-slots">
      <Space wrap>
        {CALL_ACTION_SLOTS.map((slot) => (
          <Tooltip key={slot.key} title={enabled ? undefined : t('tickets.slot.needCall')}>
            <span data-testid={`slot-${slot.key}`}>
              <Button
                icon={slot.icon}
                disabled={!enabled}
                type={enabled ? 'primary' : 'default'}
                ghost={enabled}
                onClick={() => onOpen(slot.key)}
              >
                {t(slot.label)}
              </Button>
            </span>
          </Tooltip>
        ))}
      </Space>
    </Card>
  );
}

/** The flows a call opens: a BCCI request, a feedback ticket (with the requests created from this call to link). */
function CallActionModals(props: {
  openSlot: ActionSlot['key'] | null;
  call: CallView | null;
  caller: CallerLookupView | undefined;
  createdRequests: BcciRequestView[];
  onClose: () => void;
  onRequest: (r: BcciRequestView) => void;
  onTicket: (id: string) => void;
}) {
  const { call, caller } = props;
  const requests = props.createdRequests
    .filter((r) => !call?.phone || r.citizenPhone === call.phone)
    .map((r) => ({ id: r.id, code: r.code }));
  return (
    <>
      <BcciRequestModal
        open={props.openSlot === 'bcci-request'}
        call={call}
        caller={caller}
        onClose={props.onClose}
        onCreated={props.onRequest}
      />
      <CreateTicketModal
        open={props.openSlot === 'ticket'}
        source={{ call, caller, requests }}
        onClose={props.onClose}
        onCreated={(tk) => props.onTicket(tk.id)}
      />
    </>
  );
}

/** The call: who is calling, its notes, what to create from it, my requests. */
function MainColumn(props: {
  calls: ReturnType<typeof useConsoleCalls>;
  formRef: RefObject<CallFormHandle | null>;
  createdRequests: BcciRequestView[];
  onOpenSlot: (key: ActionSlot['key']) => void;
}) {
  const me = useCurrentUser();
  const { calls } = props;
  const { selected } = calls;
  const answeredElsewhere =
    !!selected && selected.state !== 'ringing' && selected.operatorId !== null && selected.operatorId !== me.id;
  const editable = !answeredElsewhere && (selected?.operatorId === me.id || me.role === 'supervisor');
  return (
    <>
      <ScreenPopCard
        selected={selected}
        caller={calls.caller}
        answeredElsewhere={answeredElsewhere}
        ringing={calls.ringing}
        onSelect={calls.setSelectedId}
      />
      <CallFormCard
        selected={selected}
        editable={editable}
        formRef={props.formRef}
        remember={calls.remember}
        replace={calls.replace}
      />
      <ActionSlots enabled={!!selected} onOpen={props.onOpenSlot} />
      <div style={{ marginTop: 16 }}>
        <MyRequestsCard highlightId={props.createdRequests[0]?.id} extra={props.createdRequests} />
      </div>
    </>
  );
}

/** Beside the call: my tickets, my calls of today, the callbacks waiting. */
function SideColumn({
  calls,
  onOpenTicket,
}: {
  calls: ReturnType<typeof useConsoleCalls>;
  onOpenTicket: (id: string) => void;
}) {
  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <MyTicketsCard onOpen={onOpenTicket} />
      </div>
      <MyCallsCard
        calls={calls.myCalls}
        loading={calls.today.loading && !calls.today.data}
        selectedId={calls.selectedId}
        onSelect={calls.setSelectedId}
      />
      <div style={{ marginTop: 16 }}>
        <CallbacksCard />
      </div>
    </>
  );
}

export default function OperatorConsolePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { status, busy: statusBusy, setStatus } = useMyLiveStatus(me.id);
  const calls = useConsoleCalls(me);
  const { selected, caller, refreshCaller } = calls;
  const formRef = useRef<CallFormHandle>(null);
  const [openSlot, setOpenSlot] = useState<ActionSlot['key'] | null>(null);
  const [createdRequests, setCreatedRequests] = useState<BcciRequestView[]>([]);
  const [ticketId, setTicketId] = useState<string | null>(null);
  useConsoleShortcuts(formRef, status?.status, setStatus);

  return (
    <>
      <PageHeader
        title={t('nav.operatorConsole')}
        subtitle={t('op.subtitle')}
        extra={<StatusSwitcher status={status} onChange={(to) => void setStatus(to)} busy={statusBusy} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <MainColumn calls={calls} formRef={formRef} createdRequests={createdRequests} onOpenSlot={setOpenSlot} />
        </Col>

        <Col xs={24} xl={10}>
          <SideColumn calls={calls} onOpenTicket={setTicketId} />
        </Col>
      </Row>
      <CallActionModals
        openSlot={openSlot}
        call={selected ?? null}
        caller={caller}
        createdRequests={createdRequests}
        onClose={() => setOpenSlot(null)}
        onRequest={(r) => {
          setOpenSlot(null);
          setCreatedRequests((list) => [r, ...list.filter((x) => x.id !== r.id)]);
          refreshCaller();
        }}
        onTicket={(id) => {
          setOpenSlot(null);
          setTicketId(id);
          refreshCaller();
        }}
      />
      <TicketDrawer ticketId={ticketId} onClose={() => setTicketId(null)} />
    </>
  );
}
