import { useState } from 'react';
import { Alert, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AgencyView, Page } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { foldedIncludes } from '../../../lib/reference-data';
import { invalidate, useResource } from '../../../lib/resource';
import { activeColumn, editColumn } from '../catalog/columns';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { FEEDBACK_AGENCIES_KEY } from '../catalog/labels';
import { ActiveField, CodeField, ListToolbar } from './list-shared';

interface AgencyValues {
  code: string;
  name: string;
  email: string;
  active: boolean;
}

export function AgenciesTab() {
  const { t } = useI18n();
  const agencies = useResource<AgencyView[]>(
    FEEDBACK_AGENCIES_KEY,
    async () => (await api.get<Page<AgencyView>>('/feedback/agencies')).items,
  );
  const [editing, setEditing] = useState<AgencyView | null>(null);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const columns = useAgencyColumns((row) => (setEditing(row), setOpen(true)));

  const rows = (agencies.data ?? []).filter((a) => !q || foldedIncludes(`${a.code} ${a.name} ${a.email}`, q));
  return (
    <>
      <ListToolbar
        createLabel={t('catalog.fb.createAgency')}
        createTestId="agency-create"
        onCreate={() => (setEditing(null), setOpen(true))}
        q={q}
        setQ={setQ}
        onReload={agencies.reload}
      />
      <Alert type="info" showIcon title={t('catalog.fb.agencyHelp')} style={{ marginBottom: 16 }} />
      {agencies.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, agencies.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="agencies-table">
        <Table<AgencyView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={agencies.loading && !agencies.data}
          pagination={{ pageSize: 25, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <AgencyFormModal open={open} editing={editing} onClose={() => setOpen(false)} />
    </>
  );
}

function useAgencyColumns(onEdit: (row: AgencyView) => void): TableColumnsType<AgencyView> {
  const { t } = useI18n();
  return [
    {
      title: t('catalog.code'),
      dataIndex: 'code',
      key: 'code',
      width: 200,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('catalog.fb.agencyName'),
      dataIndex: 'name',
      key: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
    },
    {
      title: t('catalog.fb.email'),
      dataIndex: 'email',
      key: 'email',
      render: (v: string) => <a href={`mailto:${v}`}>{v}</a>,
    },
    activeColumn<AgencyView>(t, '/feedback/agencies', FEEDBACK_AGENCIES_KEY, 180),
    editColumn(t, onEdit, { width: 90 }),
  ];
}

async function saveAgency(editing: AgencyView | null, v: AgencyValues): Promise<void> {
  if (editing)
    await api.patch<AgencyView>(`/feedback/agencies/${editing.id}`, {
      name: v.name.trim(),
      email: v.email.trim(),
      active: v.active,
    });
  else
    await api.post<AgencyView>('/feedback/agencies', {
      code: v.code.trim(),
      name: v.name.trim(),
      email: v.email.trim(),
      active: v.active,
    });
  invalidate(FEEDBACK_AGENCIES_KEY);
}

function AgencyFormModal({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing: AgencyView | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<AgencyValues>();
  const submit = async (v: AgencyValues) => {
    await saveAgency(editing, v);
    return t('catalog.savedDone');
  };
  return (
    <CatalogFormModal<AgencyValues>
      open={open}
      title={editing ? t('catalog.fb.editAgency', { name: editing.name }) : t('catalog.fb.createAgency')}
      okText={t('common.save')}
      form={form}
      initialValues={editing ?? { active: true }}
      fields={['code', 'name', 'email']}
      conflictField="code"
      conflictText={t('catalog.codeTaken')}
      onSubmit={submit}
      onClose={onClose}
      testId="agency-form"
    >
      <CodeField editing={editing !== null} />
      <Form.Item
        name="name"
        label={t('catalog.fb.agencyName')}
        rules={[
          { required: true, whitespace: true, message: t('form.required') },
          { max: 200, message: t('form.length', { min: 1, max: 200 }) },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('catalog.fb.email')}
        extra={t('catalog.fb.emailHint')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input type="email" inputMode="email" autoComplete="off" />
      </Form.Item>
      <ActiveField />
    </CatalogFormModal>
  );
}
