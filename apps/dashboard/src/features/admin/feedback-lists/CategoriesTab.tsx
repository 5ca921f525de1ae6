import { useState } from 'react';
import { Alert, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FeedbackCategoryView, Page } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { foldedIncludes } from '../../../lib/reference-data';
import { invalidate, useResource } from '../../../lib/resource';
import { activeColumn, editColumn } from '../catalog/columns';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { FEEDBACK_CATEGORIES_KEY } from '../catalog/labels';
import { ActiveField, CodeField, ListToolbar } from './list-shared';

interface CategoryValues {
  code: string;
  name: string;
  active: boolean;
}

export function CategoriesTab() {
  const { t } = useI18n();
  const categories = useResource<FeedbackCategoryView[]>(
    FEEDBACK_CATEGORIES_KEY,
    async () => (await api.get<Page<FeedbackCategoryView>>('/feedback/categories')).items,
  );
  const [editing, setEditing] = useState<FeedbackCategoryView | null>(null);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const columns = useCategoryColumns((row) => (setEditing(row), setOpen(true)));

  const rows = (categories.data ?? []).filter((c) => !q || foldedIncludes(`${c.code} ${c.name}`, q));
  return (
    <>
      <ListToolbar
        createLabel={t('catalog.fb.createCategory')}
        createTestId="category-create"
        onCreate={() => (setEditing(null), setOpen(true))}
        q={q}
        setQ={setQ}
        onReload={categories.reload}
      />
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
      <CategoryFormModal open={open} editing={editing} onClose={() => setOpen(false)} />
    </>
  );
}

function useCategoryColumns(onEdit: (row: FeedbackCategoryView) => void): TableColumnsType<FeedbackCategoryView> {
  const { t } = useI18n();
  return [
    {
      title: t('catalog.code'),
      dataIndex: 'code',
      key: 'code',
      width: 200,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('catalog.name'), dataIndex: 'name', key: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'vi') },
    activeColumn<FeedbackCategoryView>(t, '/feedback/categories', FEEDBACK_CATEGORIES_KEY, 180),
    editColumn(t, onEdit, { width: 90 }),
  ];
}

function CategoryFormModal({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing: FeedbackCategoryView | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CategoryValues>();
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
  return (
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
      onClose={onClose}
      testId="category-form"
    >
      <CodeField editing={editing !== null} />
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
      <ActiveField />
    </CatalogFormModal>
  );
}
