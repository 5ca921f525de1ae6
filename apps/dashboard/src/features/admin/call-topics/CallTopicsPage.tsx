import { useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CallTopicView, Page } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { invalidate, useResource } from '../../../lib/resource';
import { activeColumn, editColumn } from '../catalog/columns';
import { CatalogFormModal } from '../catalog/CatalogFormModal';

/** Same prefix as the operator console's topic list, so an edit here refreshes it too. */
const KEY = 'call-topics/admin';

interface Values {
  code: string;
  name: string;
  sortOrder?: number;
  active: boolean;
}

export default function CallTopicsPage() {
  const { t } = useI18n();
  const topics = useResource<CallTopicView[]>(
    KEY,
    async () => (await api.get<Page<CallTopicView>>('/call-topics', { query: { all: true } })).items,
  );
  const [editing, setEditing] = useState<CallTopicView | null>(null);
  const [open, setOpen] = useState(false);

  const rows = [...(topics.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi'));
  const nextOrder = rows.reduce((m, r) => Math.max(m, r.sortOrder), 0) + 10;

  const columns = useTopicColumns((row) => (setEditing(row), setOpen(true)));

  return (
    <>
      <PageHeader
        title={t('catalog.nav.callTopics')}
        subtitle={t('catalog.topic.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => (setEditing(null), setOpen(true))}
            data-testid="topic-create"
          >
            {t('catalog.topic.create')}
          </Button>
        }
      />
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<ReloadOutlined />} onClick={topics.reload}>
          {t('common.reload')}
        </Button>
      </Space>
      {topics.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, topics.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="topics-table">
        <Table<CallTopicView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={topics.loading && !topics.data}
          pagination={{ pageSize: 25, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        />
      </div>
      <TopicFormModal open={open} editing={editing} nextOrder={nextOrder} onClose={() => setOpen(false)} />
    </>
  );
}

function useTopicColumns(onEdit: (row: CallTopicView) => void): TableColumnsType<CallTopicView> {
  const { t } = useI18n();
  return [
    { title: t('catalog.topic.sortOrder'), dataIndex: 'sortOrder', key: 'sortOrder', width: 90, align: 'right' },
    {
      title: t('catalog.code'),
      dataIndex: 'code',
      key: 'code',
      width: 200,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('catalog.name'), dataIndex: 'name', key: 'name' },
    activeColumn<CallTopicView>(t, '/call-topics', 'call-topics', 180),
    editColumn(t, onEdit, { width: 90 }),
  ];
}

/** A new topic is created, then switched off if the admin asked for it inactive; an edit patches what may change. */
async function saveTopic(editing: CallTopicView | null, v: Values): Promise<void> {
  const sortOrder = v.sortOrder !== undefined && v.sortOrder !== null ? { sortOrder: v.sortOrder } : {};
  if (editing) {
    await api.patch<CallTopicView>(`/call-topics/${editing.id}`, {
      name: v.name.trim(),
      active: v.active,
      ...sortOrder,
    });
  } else {
    const created = await api.post<CallTopicView>('/call-topics', {
      code: v.code.trim(),
      name: v.name.trim(),
      ...sortOrder,
    });
    if (!v.active) await api.patch<CallTopicView>(`/call-topics/${created.id}`, { active: false });
  }
  invalidate('call-topics');
}

/** Code (fixed once created), name, sort order, active. */
function TopicFields({ editing }: { editing: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="code"
        label={t('catalog.code')}
        extra={editing ? undefined : t('catalog.topic.codeHint')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Input disabled={editing} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('catalog.name')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('catalog.topic.sortOrder')} extra={t('catalog.topic.sortOrderHint')}>
        <InputNumber<number> precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="active" label={t('catalog.status')} valuePropName="checked">
        <Switch checkedChildren={t('catalog.active')} unCheckedChildren={t('catalog.inactive')} />
      </Form.Item>
    </>
  );
}

function TopicFormModal({
  open,
  editing,
  nextOrder,
  onClose,
}: {
  open: boolean;
  editing: CallTopicView | null;
  /** The sort order a new topic gets (after the last one). */
  nextOrder: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    await saveTopic(editing, v);
    return t('catalog.savedDone');
  };
  return (
    <CatalogFormModal<Values>
      open={open}
      title={editing ? t('catalog.topic.editTitle', { name: editing.name }) : t('catalog.topic.create')}
      okText={t('common.save')}
      form={form}
      initialValues={editing ?? { active: true, sortOrder: nextOrder }}
      fields={['code', 'name', 'sortOrder']}
      conflictField="code"
      conflictText={t('catalog.codeTaken')}
      onSubmit={submit}
      onClose={onClose}
      testId="topic-form"
    >
      <TopicFields editing={editing !== null} />
    </CatalogFormModal>
  );
}
