import { useState } from 'react';
import { PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Page, PbxTokenView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { invalidate, useResource } from '../../../lib/resource';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { KEYS } from './keys';

interface TokenValues {
  name: string;
  outboundCallerId?: string;
}

/** The PBXs' tokens: create one (its secret shown once), revoke one. */
export function TokensTab() {
  const { t } = useI18n();
  const tokens = useResource<PbxTokenView[]>(
    KEYS.tokens,
    async () => (await api.get<Page<PbxTokenView>>('/cti/tokens')).items,
  );
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<PbxTokenView | null>(null);
  const columns = useTokenColumns(useRevoke());

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
      <TokenFormModal open={open} onClose={() => setOpen(false)} onCreated={setCreated} />
      <TokenCreatedModal created={created} onDone={() => setCreated(null)} />
    </>
  );
}

function useRevoke() {
  const { t } = useI18n();
  const { message } = App.useApp();
  return async (p: PbxTokenView) => {
    try {
      await api.post<PbxTokenView>(`/cti/tokens/${p.id}/revoke`);
      void message.success(t('catalog.tel.revoked', { name: p.name }));
      invalidate(KEYS.tokens);
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };
}

function useTokenColumns(revoke: (p: PbxTokenView) => Promise<void>): TableColumnsType<PbxTokenView> {
  const { t } = useI18n();
  return [
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
}

function TokenFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (p: PbxTokenView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<TokenValues>();
  const submit = async (v: TokenValues) => {
    const p = await api.post<PbxTokenView>('/cti/tokens', {
      name: v.name.trim(),
      ...(v.outboundCallerId?.trim() ? { outboundCallerId: v.outboundCallerId.trim() } : {}),
    });
    invalidate(KEYS.tokens);
    onCreated(p);
    return t('catalog.tel.created', { name: p.name });
  };
  return (
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
      onClose={onClose}
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
  );
}

/** The new token's secret, shown this once: the admin confirms having saved it. */
function TokenCreatedModal({ created, onDone }: { created: PbxTokenView | null; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Modal
      open={created !== null}
      title={t('catalog.tel.createdTitle', { name: created?.name ?? '' })}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="done" type="primary" onClick={onDone} data-testid="token-done">
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
  );
}
