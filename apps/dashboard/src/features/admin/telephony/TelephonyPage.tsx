import { useState } from 'react';
import { DeleteOutlined, PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { BlockedNumberView, Page, PbxTokenView } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formatDateTime, formatPhone } from '../../../lib/format';
import { invalidate, useResource } from '../../../lib/resource';
import { CatalogFormModal } from '../catalog/CatalogFormModal';

const KEYS = { tokens: 'cti/tokens', blocked: 'blocked-numbers' };

/** The PBXs allowed to post call events (a token each, shown once) and the numbers whose calls are refused. */
export default function TelephonyPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('tokens');
  return (
    <>
      <PageHeader title={t('catalog.nav.telephony')} subtitle={t('catalog.tel.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'tokens', label: t('catalog.tel.tokens'), children: <TokensTab /> },
          { key: 'blocked', label: t('catalog.tel.blocked'), children: <BlockedTab /> },
        ]}
      />
    </>
  );
}

interface TokenValues {
  name: string;
  outboundCallerId?: string;
}

function TokensTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const tokens = useResource<PbxTokenView[]>(
    KEYS.tokens,
    async () => (await api.get<Page<PbxTokenView>>('/cti/tokens')).items,
  );
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<PbxTokenView | null>(null);
  const [form] = Form.useForm<TokenValues>();

  const revoke = async (p: PbxTokenView) => {
    try {
      await api.post<PbxTokenView>(`/cti/tokens/${p.id}/revoke`);
      void message.success(t('catalog.tel.revoked', { name: p.name }));
      invalidate(KEYS.tokens);
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };

  const columns: TableColumnsType<PbxTokenView> = [
    {
      title: t('catalog.tel.pbxName'),
      dataIndex: 'name',
      key: 'name',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('catalog.tel.outboundCallerId'),
      dataIndex: 'outboundCallerId',
      key: 'outbound',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('catalog.status'),
      dataIndex: 'active',
      key: 'active',
      render: (v: boolean) =>
        v ? <Tag color="green">{t('catalog.tel.inUse')}</Tag> : <Tag color="red">{t('catalog.tel.revokedTag')}</Tag>,
    },
    {
      title: t('catalog.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) =>
        p.active ? (
          <Popconfirm
            title={t('catalog.tel.revokeConfirm', { name: p.name })}
            description={t('catalog.tel.revokeText')}
            okText={t('catalog.tel.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke(p)}
          >
            <Button size="small" danger icon={<StopOutlined />}>
              {t('catalog.tel.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const submit = async (v: TokenValues) => {
    const p = await api.post<PbxTokenView>('/cti/tokens', {
      name: v.name.trim(),
      ...(v.outboundCallerId?.trim() ? { outboundCallerId: v.outboundCallerId.trim() } : {}),
    });
    invalidate(KEYS.tokens);
    setCreated(p);
    return t('catalog.tel.created', { name: p.name });
  };

  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="token-create">
          {t('catalog.tel.create')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={tokens.reload}>
          {t('common.reload')}
        </Button>
      </Space>
      <Alert
        type="info"
        showIcon
        title={t('catalog.tel.tokensHelp')}
        description={t('catalog.tel.tokensHelpUrls', {
          url: `${origin}/api/cti/events`,
          zammad: `${origin}/api/v1/cti/<token>`,
        })}
        style={{ marginBottom: 16 }}
      />
      {tokens.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, tokens.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="tokens-table">
        <Table<PbxTokenView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tokens.data ?? []}
          loading={tokens.loading && !tokens.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <CatalogFormModal<TokenValues>
        open={open}
        title={t('catalog.tel.create')}
        okText={t('catalog.tel.createOk')}
        form={form}
        initialValues={{}}
        fields={['name', 'outboundCallerId']}
        conflictField="name"
        conflictText={t('catalog.tel.nameTaken')}
        onSubmit={submit}
        onClose={() => setOpen(false)}
        testId="token-form"
      >
        <Form.Item
          name="name"
          label={t('catalog.tel.pbxName')}
          extra={t('catalog.tel.pbxNameHint')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input autoComplete="off" placeholder="pbx-pleiku" />
        </Form.Item>
        <Form.Item
          name="outboundCallerId"
          label={t('catalog.tel.outboundCallerId')}
          extra={t('catalog.tel.outboundHint')}
        >
          <Input autoComplete="off" placeholder="02693888222" />
        </Form.Item>
      </CatalogFormModal>
      <Modal
        open={created !== null}
        title={t('catalog.tel.createdTitle', { name: created?.name ?? '' })}
        closable={false}
        maskClosable={false}
        keyboard={false}
        footer={[
          <Button key="done" type="primary" onClick={() => setCreated(null)} data-testid="token-done">
            {t('catalog.tel.savedIt')}
          </Button>,
        ]}
      >
        <Alert type="warning" showIcon title={t('catalog.tel.onceWarning')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph
          copyable={{ text: created?.token ?? '', onCopy: () => void message.success(t('common.copied')) }}
          style={{ margin: 0 }}
        >
          <Typography.Text code style={{ fontSize: 15, wordBreak: 'break-all' }} data-testid="token-value">
            {created?.token}
          </Typography.Text>
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

interface BlockValues {
  phone: string;
  reason?: string;
}

function BlockedTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const blocked = useResource<BlockedNumberView[]>(
    KEYS.blocked,
    async () => (await api.get<Page<BlockedNumberView>>('/blocked-numbers')).items,
  );
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<BlockValues>();

  const unblock = async (b: BlockedNumberView) => {
    try {
      await api.request<void>('DELETE', `/blocked-numbers/${b.id}`);
      void message.success(t('catalog.tel.unblocked', { phone: formatPhone(b.phone) }));
      invalidate(KEYS.blocked);
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };

  const columns: TableColumnsType<BlockedNumberView> = [
    {
      title: t('catalog.tel.phone'),
      dataIndex: 'phone',
      key: 'phone',
      render: (v: string) => <strong>{formatPhone(v)}</strong>,
    },
    { title: t('catalog.tel.reason'), dataIndex: 'reason', key: 'reason', render: (v: string | null) => v ?? '—' },
    {
      title: t('catalog.tel.blockedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, b) => (
        <Popconfirm
          title={t('catalog.tel.unblockConfirm', { phone: formatPhone(b.phone) })}
          okText={t('catalog.tel.unblock')}
          cancelText={t('common.cancel')}
          onConfirm={() => unblock(b)}
        >
          <Button size="small" icon={<DeleteOutlined />}>
            {t('catalog.tel.unblock')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const submit = async (v: BlockValues) => {
    const b = await api.post<BlockedNumberView>('/blocked-numbers', {
      phone: v.phone.trim(),
      ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
    });
    invalidate(KEYS.blocked);
    return t('catalog.tel.blockedDone', { phone: formatPhone(b.phone) });
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="block-create">
          {t('catalog.tel.block')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={blocked.reload}>
          {t('common.reload')}
        </Button>
      </Space>
      <Alert type="info" showIcon title={t('catalog.tel.blockedHelp')} style={{ marginBottom: 16 }} />
      {blocked.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, blocked.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="blocked-table">
        <Table<BlockedNumberView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={blocked.data ?? []}
          loading={blocked.loading && !blocked.data}
          pagination={{ pageSize: 25, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        />
      </div>
      <CatalogFormModal<BlockValues>
        open={open}
        title={t('catalog.tel.block')}
        okText={t('catalog.tel.block')}
        form={form}
        initialValues={{}}
        fields={['phone', 'reason']}
        conflictField="phone"
        conflictText={t('catalog.tel.alreadyBlocked')}
        onSubmit={submit}
        onClose={() => setOpen(false)}
        testId="block-form"
      >
        <Form.Item
          name="phone"
          label={t('catalog.tel.phone')}
          extra={t('catalog.tel.phoneHint')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input inputMode="tel" autoComplete="off" placeholder="0912 345 678" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('catalog.tel.reason')}
          rules={[{ max: 255, message: t('form.length', { min: 0, max: 255 }) }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </CatalogFormModal>
    </>
  );
}
