import { useMemo, useState } from 'react';
import { SendOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type AssignmentView, type LegEvent, type LegView, OFFER_MACHINE } from '@hotline/contracts';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { api, ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formatDateTime, formatPhone } from '../../../lib/format';
import { foldedIncludes, useAllPostOffices, useCommunes } from '../../../lib/reference-data';
import { invalidate } from '../../../lib/resource';
import { useRealtimeEvent } from '../../../realtime/RealtimeProvider';
import { kindKey } from '../../dispatcher/legs-data';
import {
  legPoint,
  type OfficeChoice,
  officeChoices,
  SUP_KEYS,
  useLegDetail,
  useUnroutableLegs,
} from './supervision-data';

const km = (d: number | null) =>
  d === null ? '' : `${d.toLocaleString('vi-VN', { maximumFractionDigits: d < 10 ? 1 : 0 })} km`;

/** What the supervisor reads before picking an office: the leg, its address and contact, its due date. */
function LegSummary({ leg }: { leg: LegView }) {
  const { t } = useI18n();
  const communes = useCommunes();
  const commune = communes.byCode.get(leg.communeCode);
  return (
    <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('sup.legs.kind')}>{t(kindKey(leg.kind))}</Descriptions.Item>
      <Descriptions.Item label={t('disp.address')}>
        {leg.addressDetail}, {commune?.name ?? leg.communeCode}{' '}
        {leg.remoteArea && <Tag color="orange">{t('commune.remoteShort')}</Tag>}
      </Descriptions.Item>
      {leg.request && (
        <Descriptions.Item label={t('sup.legs.contact')}>
          {leg.request.contactName ?? '—'} · {formatPhone(leg.request.citizenPhone)}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('sup.legs.due')}>{formatDateTime(leg.dueAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** The offices that refused the leg or let the offer time out, and why. */
function RefusedBy({ refused }: { refused: Map<string, AssignmentView> }) {
  const { t } = useI18n();
  const offices = useAllPostOffices();
  if (!refused.size) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('sup.assign.refusedBy')}
      description={
        <List
          size="small"
          dataSource={[...refused.values()]}
          renderItem={(a) => (
            <List.Item style={{ padding: '2px 0' }}>
              {offices.byId.get(a.officeId)?.name ?? a.officeId}:{' '}
              {a.state === 'timed_out' ? t('sup.assign.timedOut') : (a.reason ?? '—')}
            </List.Item>
          )}
        />
      }
    />
  );
}

interface OfficePickerProps {
  choices: OfficeChoice[];
  refused: Map<string, AssignmentView>;
  approximate: boolean;
  loading: boolean;
  value: string | undefined;
  onChange: (id: string) => void;
}

/** Active offices, nearest to the address first, with their distance, whether they serve the commune, who refused. */
function OfficePicker({ choices, refused, approximate, loading, value, onChange }: OfficePickerProps) {
  const { t } = useI18n();
  return (
    <Form layout="vertical">
      <Form.Item
        label={t('sup.assign.office')}
        help={approximate ? t('sup.assign.fromCentroid') : t('sup.assign.fromAddress')}
        required
      >
        <Select<string>
          data-testid="assign-office"
          value={value}
          onChange={onChange}
          placeholder={t('sup.assign.placeholder')}
          loading={loading}
          showSearch={{ filterOption: (input, option) => foldedIncludes((option as { search: string }).search, input) }}
          options={choices.map((c) => ({
            value: c.office.id,
            search: `${c.office.name} ${c.office.code} ${c.office.address}`,
            label: (
              <Space size={6}>
                <span>
                  {c.office.name} ({c.office.code})
                </span>
                {c.distanceKm !== null && <Typography.Text type="secondary">{km(c.distanceKm)}</Typography.Text>}
                {c.servesCommune && <Tag color="green">{t('sup.assign.serves')}</Tag>}
                {refused.has(c.office.id) && <Tag color="red">{t('sup.assign.refused')}</Tag>}
              </Space>
            ),
          }))}
        />
      </Form.Item>
    </Form>
  );
}

/** The manual assignment: POST …/assign; a 409 (someone else assigned it, or it moved on) is said as such. */
function useAssign(leg: LegView, onClose: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const offices = useAllPostOffices();
  const [officeId, setOfficeId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!officeId) return setError(t('sup.assign.pickRequired'));
    setBusy(true);
    setError(null);
    try {
      await api.post(`/bcci-legs/${leg.id}/assign`, { officeId });
      void message.success(
        t('sup.assign.done', { code: leg.requestCode, office: offices.byId.get(officeId)?.name ?? '' }),
      );
      invalidate('bcci-legs/');
      onClose();
    } catch (err) {
      // The list is re-read and says what the leg is now.
      setError(err instanceof ApiError && err.status === 409 ? t('sup.assign.conflict') : describeError(t, err));
      invalidate('bcci-legs/');
    } finally {
      setBusy(false);
    }
  };
  return { officeId, setOfficeId, busy, error, submit };
}

/** Pick an office by hand for a leg no office took: active offices only, nearest to the address first. */
function AssignOfficeModal({ leg, onClose }: { leg: LegView; onClose: () => void }) {
  const { t } = useI18n();
  const communes = useCommunes();
  const offices = useAllPostOffices();
  const detail = useLegDetail(leg.id);
  const assign = useAssign(leg, onClose);
  const point = legPoint(leg, communes.byCode);
  const refused = useMemo(
    () =>
      new Map(
        (detail.data?.assignments ?? [])
          .filter((a) => OFFER_MACHINE.is('refused', a.state))
          .map((a) => [a.officeId, a]),
      ),
    [detail.data],
  );
  const [lat, lng] = [point?.lat, point?.lng];
  const choices = useMemo(
    () =>
      officeChoices(offices.data ?? [], lat !== undefined && lng !== undefined ? { lat, lng } : null, leg.communeCode),
    [offices.data, lat, lng, leg.communeCode],
  );
  return (
    <Modal
      open
      title={t('sup.assign.title', { code: leg.requestCode })}
      onCancel={onClose}
      onOk={() => void assign.submit()}
      okText={t('sup.assign.submit')}
      okButtonProps={{ loading: assign.busy, 'data-testid': 'assign-submit' } as never}
      cancelText={t('common.cancel')}
      width={640}
    >
      <LegSummary leg={leg} />
      <RefusedBy refused={refused} />
      <OfficePicker
        choices={choices}
        refused={refused}
        approximate={!!point?.approximate}
        loading={offices.loading && !offices.data}
        value={assign.officeId}
        onChange={assign.setOfficeId}
      />
      {assign.error && <Alert type="error" showIcon title={assign.error} data-testid="assign-error" />}
    </Modal>
  );
}

/** Escalations arrive live (a notification, the row marked new); other leg events re-read the list when they concern it. */
function useUnroutableEvents(legs: LegView[] | undefined): Record<string, number> {
  const { t } = useI18n();
  const { notification } = App.useApp();
  const [arrivedAt, setArrivedAt] = useState<Record<string, number>>({});
  useRealtimeEvent('dispatch:escalated', (p: LegEvent) => {
    setArrivedAt((m) => ({ ...m, [p.legId]: Date.now() }));
    void notification.warning({
      key: `escalated-${p.legId}`,
      message: t('sup.legs.escalated', { code: p.requestCode }),
      icon: <WarningOutlined style={{ color: '#f5222d' }} />,
      duration: 8,
    });
    invalidate(SUP_KEYS.unroutable, SUP_KEYS.leg(p.legId));
  });
  const known = new Set((legs ?? []).map((l) => l.id));
  const onChange = (p: LegEvent) => {
    if (known.has(p.legId) || p.to === 'unroutable') invalidate(SUP_KEYS.unroutable, SUP_KEYS.leg(p.legId));
  };
  useRealtimeEvent('dispatch:leg-assigned', onChange);
  useRealtimeEvent('dispatch:leg-updated', onChange);
  return arrivedAt;
}

function UnroutableRow({ leg, fresh, onAssign }: { leg: LegView; fresh: boolean; onAssign: () => void }) {
  const { t } = useI18n();
  const communes = useCommunes();
  return (
    <List.Item
      data-testid="unroutable-row"
      data-leg-id={leg.id}
      data-fresh={fresh ? 'true' : 'false'}
      style={fresh ? { background: '#fff1f0' } : undefined}
      actions={[
        <Button
          key="assign"
          type="primary"
          size="small"
          icon={<SendOutlined />}
          onClick={onAssign}
          data-testid="unroutable-assign"
        >
          {t('sup.legs.assign')}
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space size={6} wrap>
            <Typography.Text strong>{leg.requestCode}</Typography.Text>
            <Tag>{t(kindKey(leg.kind))}</Tag>
            {leg.remoteArea && <Tag color="orange">{t('commune.remoteShort')}</Tag>}
            {fresh && <Tag color="red">{t('sup.legs.new')}</Tag>}
          </Space>
        }
        description={
          <>
            {leg.addressDetail}, {communes.byCode.get(leg.communeCode)?.name ?? leg.communeCode}
            <br />
            {t('sup.legs.dueShort', { date: formatDateTime(leg.dueAt) })}
            {leg.request && ` · ${t('sup.legs.dossier' as MessageKey, { code: leg.request.dossierCode })}`}
          </>
        }
      />
    </List.Item>
  );
}

/** Legs no office took (every eligible one refused or timed out): escalations arrive live; the supervisor assigns by hand. */
export function UnroutableLegsCard({ now }: { now: number }) {
  const { t } = useI18n();
  const legs = useUnroutableLegs();
  const arrivedAt = useUnroutableEvents(legs.data);
  const [assigning, setAssigning] = useState<LegView | null>(null);
  const items = [...(legs.data ?? [])].sort(
    (a, b) => Number(b.remoteArea) - Number(a.remoteArea) || a.dueAt.localeCompare(b.dueAt),
  );
  const title = (
    <Space>
      <WarningOutlined />
      {t('sup.legs.title')}
      <Badge
        count={items.length}
        showZero
        color={items.length ? '#f5222d' : '#bfbfbf'}
        data-testid="unroutable-count"
      />
    </Space>
  );
  return (
    <Card size="small" data-testid="unroutable-legs" title={title}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('sup.legs.hint')}
      </Typography.Paragraph>
      {legs.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, legs.error)} style={{ marginBottom: 8 }} />
      )}
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={legs.loading && !legs.data ? '…' : t('sup.legs.empty')}
          data-testid="unroutable-empty"
        />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(leg) => (
            <UnroutableRow
              leg={leg}
              fresh={arrivedAt[leg.id] !== undefined && now - arrivedAt[leg.id] < 60_000}
              onAssign={() => setAssigning(leg)}
            />
          )}
        />
      )}
      {assigning && <AssignOfficeModal leg={assigning} onClose={() => setAssigning(null)} />}
    </Card>
  );
}
