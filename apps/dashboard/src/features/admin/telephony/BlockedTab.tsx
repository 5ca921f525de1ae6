import { useState } from 'react';
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { BlockedNumberView, Page } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formatDateTime, formatPhone } from '../../../lib/format';
import { invalidate, useResource } from '../../../lib/resource';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { KEYS } from './keys';

interface BlockValues {
  phone: string;
  reason?: string;
}

/** The numbers whose calls are refused: block one, unblock one. */
export function BlockedTab() {
  const { t } = useI18n();
  const blocked = useResource<BlockedNumberView[]>(
    KEYS.blocked,
    async () => (await api.get<Page<BlockedNumberView>>('/blocked-numbers')).items,
  );
  const [open, setOpen] = useState(false);
  const columns = useBlockedColumns(useUnblock());

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
      <BlockFormModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function useUnblock() {
  const { t } = useI18n();
  const { message } = App.useApp();
  return async (b: BlockedNumberView) => {
    try {
      await api.request<void>('DELETE', `/blocked-numbers/${b.id}`);
      void message.success(t('catalog.tel.unblocked', { phone: formatPhone(b.phone) }));
      invalidate(KEYS.blocked);
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };
}

function useBlockedColumns(unblock: (b: BlockedNumberView) => Promise<void>): TableColumnsType<BlockedNumberView> {
  const { t } = useI18n();
  return [
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
}

function BlockFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<BlockValues>();
  const submit = async (v: BlockValues) => {
    const b = await api.post<BlockedNumberView>('/blocked-numbers', {
      phone: v.phone.trim(),
      ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
    });
    invalidate(KEYS.blocked);
    return t('catalog.tel.blockedDone', { phone: formatPhone(b.phone) });
  };
  return (
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
      onClose={onClose}
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
  );
}
