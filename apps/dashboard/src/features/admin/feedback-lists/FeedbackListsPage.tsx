import { useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Switch, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AgencyView, FeedbackCategoryView } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { foldedIncludes } from '../../../lib/reference-data';
import { invalidate, useResource } from '../../../lib/resource';
import { activeColumn, editColumn } from '../catalog/columns';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { FEEDBACK_AGENCIES_KEY, FEEDBACK_CATEGORIES_KEY } from '../catalog/labels';

const CODE_PATTERN = /^[a-z0-9-]{2,40}$/;

/** Feedback categories (lĩnh vực) and the competent agencies tickets are forwarded to, with their contact email. */
export default function FeedbackListsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('categories');
  return (
    <>
      <PageHeader title={t('catalog.nav.feedbackLists')} subtitle={t('catalog.fb.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'categories', label: t('catalog.fb.categories'), children: <CategoriesTab /> },
          { key: 'agencies', label: t('catalog.fb.agencies'), children: <AgenciesTab /> },
        ]}
      />
    </>
  );
}

interface CategoryValues {
  code: string;
  name: string;
  active: boolean;
}

function CategoriesTab() {
  const { t } = useI18n();
  const categories = useResource<FeedbackCategoryView[]>(FEEDBACK_CATEGORIES_KEY, () =>
    api.get<FeedbackCategoryView[]>('/feedback/categories'),
  );
  const [editing, setEditing] = useState<FeedbackCategoryView | null>(null);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [form] = Form.useForm<CategoryValues>();

  const columns: TableColumnsType<FeedbackCategoryView> = [
    {
      title: t('catalog.code'),
      dataIndex: 'code',
      key: 'code',
      width: 200,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('catalog.name'), dataIndex: 'name', key: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'vi') },
    activeColumn<FeedbackCategoryView>(t, '/feedback/categories', FEEDBACK_CATEGORIES_KEY, 180),
    editColumn(t, (row) => (setEditing(row), setOpen(true)), { width: 90 }),
  ];

  const submit = async (v: CategoryValues) => {
    if (editing)
      await api.patch<FeedbackCategoryView>(`/feedback/categories/${editing.id}`, {
        name: v.name.trim(),
        active: v.active,
      });
    else
      await api.post<FeedbackCategoryView>('/feedback/categories', {
        code: v.code.trim(),
        name: v.name.trim(),
        active: v.active,
      });
    invalidate(FEEDBACK_CATEGORIES_KEY);
    return t('catalog.savedDone');
  };

  const rows = (categories.data ?? []).filter((c) => !q || foldedIncludes(`${c.code} ${c.name}`, q));
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => (setEditing(null), setOpen(true))}
          data-testid="category-create"
        >
          {t('catalog.fb.createCategory')}
        </Button>
        <Input
          allowClear
          placeholder={t('catalog.search')}
          style={{ width: 240 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Button icon={<ReloadOutlined />} onClick={categories.reload}>
          {t('common.reload')}
        </Button>
      </Space>
      {categories.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, categories.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="categories-table">
        <Table<FeedbackCategoryView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={categories.loading && !categories.data}
          pagination={{ pageSize: 25, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        />
      </div>
      <CatalogFormModal<CategoryValues>
        open={open}
        title={editing ? t('catalog.fb.editCategory', { name: editing.name }) : t('catalog.fb.createCategory')}
        okText={t('common.save')}
        form={form}
        initialValues={editing ?? { active: true }}
        fields={['code', 'name']}
        conflictField="code"
        conflictText={t('catalog.codeTaken')}
        onSubmit={submit}
        onClose={() => setOpen(false)}
        testId="category-form"
      >
        <Form.Item
          name="code"
          label={t('catalog.code')}
          extra={editing ? undefined : t('catalog.fb.codeHint')}
          rules={[
            { required: true, message: t('form.required') },
            { pattern: CODE_PATTERN, message: t('catalog.fb.codeHint') },
          ]}
        >
          <Input disabled={editing !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('catalog.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 150, message: t('form.length', { min: 1, max: 150 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="active" label={t('catalog.status')} valuePropName="checked">
          <Switch checkedChildren={t('catalog.active')} unCheckedChildren={t('catalog.inactive')} />
        </Form.Item>
      </CatalogFormModal>
    </>
  );
}

interface AgencyValues {
  code: string;
  name: string;
  email: string;
  active: boolean;
}

function AgenciesTab() {
  const { t } = useI18n();
  const agencies = useResource<AgencyView[]>(FEEDBACK_AGENCIES_KEY, () => api.get<AgencyView[]>('/feedback/agencies'));
  const [editing, setEditing] = useState<AgencyView | null>(null);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [form] = Form.useForm<AgencyValues>();

  const columns: TableColumnsType<AgencyView> = [
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
    editColumn(t, (row) => (setEditing(row), setOpen(true)), { width: 90 }),
  ];

  const submit = async (v: AgencyValues) => {
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
    return t('catalog.savedDone');
  };

  const rows = (agencies.data ?? []).filter((a) => !q || foldedIncludes(`${a.code} ${a.name} ${a.email}`, q));
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => (setEditing(null), setOpen(true))}
          data-testid="agency-create"
        >
          {t('catalog.fb.createAgency')}
        </Button>
        <Input
          allowClear
          placeholder={t('catalog.search')}
          style={{ width: 240 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Button icon={<ReloadOutlined />} onClick={agencies.reload}>
          {t('common.reload')}
        </Button>
      </Space>
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
        onClose={() => setOpen(false)}
        testId="agency-form"
      >
        <Form.Item
          name="code"
          label={t('catalog.code')}
          extra={editing ? undefined : t('catalog.fb.codeHint')}
          rules={[
            { required: true, message: t('form.required') },
            { pattern: CODE_PATTERN, message: t('catalog.fb.codeHint') },
          ]}
        >
          <Input disabled={editing !== null} autoComplete="off" />
        </Form.Item>
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
        <Form.Item name="active" label={t('catalog.status')} valuePropName="checked">
          <Switch checkedChildren={t('catalog.active')} unCheckedChildren={t('catalog.inactive')} />
        </Form.Item>
      </CatalogFormModal>
    </>
  );
}
