import { useState } from 'react';
import { PhoneOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Segmented,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import {
  ERROR_CODES,
  type BcciOption,
  type PublicRequestView,
  type PublicTicketView,
  type TicketStatus,
} from '@hotline/contracts';
import { useI18n, type Lang, type MessageKey, type Translate } from '../../i18n/i18n';
import { ApiError, NetworkError } from '../../lib/api-client';
import { HOTLINE_DISPLAY, HOTLINE_E164 } from '../../lib/brand';
import { formatWait } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { LEG_STEP, lookup, TICKET_DONE, type LookupResult } from './public-lookup';
import './public-lookup.css';

const OPTION_LABELS: Record<BcciOption, MessageKey> = {
  send_dossier: 'catalog.public.option.send_dossier',
  receive_result: 'catalog.public.option.receive_result',
  both: 'catalog.public.option.both',
};

const TICKET_STATUS: Record<TicketStatus, { key: MessageKey; color: string }> = {
  new: { key: 'catalog.public.ticket.new', color: 'blue' },
  open: { key: 'catalog.public.ticket.open', color: 'processing' },
  waiting_citizen: { key: 'catalog.public.ticket.waiting_citizen', color: 'orange' },
  forwarded: { key: 'catalog.public.ticket.forwarded', color: 'purple' },
  resolved: { key: 'catalog.public.ticket.resolved', color: 'green' },
  closed: { key: 'catalog.public.ticket.closed', color: 'default' },
  reopened: { key: 'catalog.public.ticket.reopened', color: 'processing' },
};

interface Values {
  code: string;
  phone: string;
}

/** What went wrong, politely, without saying whether the code or the phone was wrong (that would leak). */
function lookupError(t: Translate, err: unknown): { type: 'warning' | 'error'; title: string; text?: string } {
  if (err instanceof NetworkError) return { type: 'error', title: t('error.network') };
  if (err instanceof ApiError) {
    if (err.status === 404)
      return {
        type: 'warning',
        title: t('catalog.public.notFound'),
        text: t('catalog.public.notFoundText', { hotline: HOTLINE_DISPLAY }),
      };
    if (err.status === 429 || err.code === ERROR_CODES.TOO_MANY_REQUESTS)
      return {
        type: 'warning',
        title: err.retryAfterSeconds
          ? t('catalog.public.tooManyWait', { wait: formatWait(t, err.retryAfterSeconds) })
          : t('catalog.public.tooMany'),
      };
    if (err.status === 400) {
      const field = (err.body.details as { field?: string } | undefined)?.field;
      return {
        type: 'warning',
        title: t(
          field === 'phone' || /phone/i.test(err.message) ? 'catalog.public.badPhone' : 'catalog.public.badCode',
        ),
      };
    }
  }
  return { type: 'error', title: t('catalog.public.failed', { hotline: HOTLINE_DISPLAY }) };
}

export default function PublicLookupPage() {
  const { t } = useI18n();
  const { busy, result, error, onFinish } = useLookup();

  return (
    <div className="public-lookup">
      <div className="public-lookup-inner">
        <LookupBrand />
        <LookupForm busy={busy} onFinish={onFinish} />
        {error && (
          <Alert
            type={error.type}
            showIcon
            title={error.title}
            description={error.text}
            style={{ marginBottom: 16 }}
            data-testid="lookup-error"
            role="alert"
          />
        )}
        {result?.type === 'request' && <RequestResult r={result.data} />}
        {result?.type === 'ticket' && <TicketResult r={result.data} />}
        <Typography.Paragraph style={{ textAlign: 'center', marginTop: 24 }}>
          <Link to="/login">{t('catalog.public.staffLogin')}</Link>
        </Typography.Paragraph>
      </div>
    </div>
  );
}

function useLookup() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<ReturnType<typeof lookupError> | null>(null);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await lookup(v.code, v.phone));
    } catch (err) {
      setError(lookupError(t, err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, result, error, onFinish };
}

/** The application's name, the language switch, the page's title and the hotline to call. */
function LookupBrand() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="public-lookup-brand">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text style={{ color: 'rgba(255,255,255,.85)' }}>{t('app.title')}</Typography.Text>
        <Segmented<Lang>
          size="small"
          value={lang}
          onChange={setLang}
          options={[
            { label: 'Tiếng Việt', value: 'vi' },
            { label: 'English', value: 'en' },
          ]}
        />
      </Space>
      <h1>{t('catalog.public.title')}</h1>
      <Typography.Text style={{ color: 'rgba(255,255,255,.85)' }}>
        <PhoneOutlined /> {t('catalog.public.hotline')} <a href={`tel:${HOTLINE_E164}`}>{HOTLINE_DISPLAY}</a>
      </Typography.Text>
    </div>
  );
}

/** The code (prefilled from ?code=) and the phone number given with it. */
function LookupForm({ busy, onFinish }: { busy: boolean; onFinish: (v: Values) => Promise<void> }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  return (
    <Card style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('catalog.public.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        initialValues={{ code: params.get('code') ?? '' }}
      >
        <Form.Item
          name="code"
          label={t('catalog.public.code')}
          extra={t('catalog.public.codeHint')}
          rules={[{ required: true, whitespace: true, message: t('catalog.public.codeRequired') }]}
        >
          <Input
            size="large"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="BC-260315-000123"
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('catalog.public.phone')}
          extra={t('catalog.public.phoneHint')}
          rules={[{ required: true, whitespace: true, message: t('catalog.public.phoneRequired') }]}
        >
          <Input size="large" inputMode="tel" autoComplete="tel" placeholder="0912 345 678" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          icon={<SearchOutlined />}
          loading={busy}
          data-testid="lookup-submit"
        >
          {t('catalog.public.submit')}
        </Button>
      </Form>
    </Card>
  );
}

const STEPS: MessageKey[] = [
  'catalog.public.step.received',
  'catalog.public.step.office',
  'catalog.public.step.moving',
  'catalog.public.step.done',
];

/** One leg of a request: its state, where it is in the four steps, when it is due and when it was delivered. */
function LegCard({ leg }: { leg: PublicRequestView['legs'][number] }) {
  const { t } = useI18n();
  const s = LEG_STEP[leg.state];
  return (
    <Card
      type="inner"
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{t(`catalog.public.leg.${leg.kind}`)}</span>}
    >
      <Tag
        color={s.status === 'error' ? 'orange' : s.status === 'finish' ? 'green' : 'blue'}
        style={{ marginBottom: 12, fontSize: 14, padding: '2px 10px' }}
        data-testid="lookup-leg-state"
      >
        {t(`catalog.public.legState.${leg.state}`)}
      </Tag>
      <Steps
        size="small"
        current={s.step}
        status={s.status}
        items={STEPS.map((k) => ({ title: t(k) }))}
        style={{ marginBottom: 12 }}
      />
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('catalog.public.dueAt')}>{formatDateTime(leg.dueAt)}</Descriptions.Item>
        {leg.deliveredAt && (
          <Descriptions.Item
            label={t(leg.kind === 'pickup' ? 'catalog.public.deliveredToAgency' : 'catalog.public.deliveredToYou')}
          >
            {formatDateTime(leg.deliveredAt)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('catalog.public.updatedAt')}>{formatDateTime(leg.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function RequestResult({ r }: { r: PublicRequestView }) {
  const { t } = useI18n();
  return (
    <Card title={t('catalog.public.requestTitle', { code: r.code })} data-testid="lookup-request">
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('catalog.public.service')}>{t(OPTION_LABELS[r.option])}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.public.createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {r.legs.map((leg) => (
          <LegCard key={leg.kind} leg={leg} />
        ))}
      </Space>
    </Card>
  );
}

function TicketResult({ r }: { r: PublicTicketView }) {
  const { t } = useI18n();
  const s = TICKET_STATUS[r.status];
  return (
    <Card
      title={t('catalog.public.ticketTitle', { code: r.code })}
      extra={
        <Tag color={s.color} data-testid="lookup-ticket-status">
          {t(s.key)}
        </Tag>
      }
      data-testid="lookup-ticket"
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('catalog.public.receivedAt')}>{formatDateTime(r.receivedAt)}</Descriptions.Item>
        {!TICKET_DONE[r.status] && r.resolutionDueAt && (
          <Descriptions.Item label={t('catalog.public.resolutionDue')}>
            {formatDateTime(r.resolutionDueAt)}
          </Descriptions.Item>
        )}
        {r.resolvedAt && (
          <Descriptions.Item label={t('catalog.public.resolvedAt')}>{formatDateTime(r.resolvedAt)}</Descriptions.Item>
        )}
        {r.closedAt && (
          <Descriptions.Item label={t('catalog.public.closedAt')}>{formatDateTime(r.closedAt)}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>{t('catalog.public.replies')}</Typography.Title>
      {r.replies.length ? (
        <Timeline
          items={r.replies.map((reply, i) => ({
            key: i,
            content: (
              <div data-testid="lookup-reply">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(reply.at)}
                </Typography.Text>
                <div className="public-lookup-reply">{reply.body}</div>
              </div>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">{t('catalog.public.noReply')}</Typography.Text>
      )}
    </Card>
  );
}
