import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Switch } from 'antd';
import { useI18n } from '../../../i18n/i18n';

export const CODE_PATTERN = /^[a-z0-9-]{2,40}$/;

/** Create, search, reload: above each list. */
export function ListToolbar({
  createLabel,
  createTestId,
  onCreate,
  q,
  setQ,
  onReload,
}: {
  createLabel: string;
  createTestId: string;
  onCreate: () => void;
  q: string;
  setQ: (q: string) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={createTestId}>
        {createLabel}
      </Button>
      <Input
        allowClear
        placeholder={t('catalog.search')}
        style={{ width: 240 }}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <Button icon={<ReloadOutlined />} onClick={onReload}>
        {t('common.reload')}
      </Button>
    </Space>
  );
}

/** The code field: a lower-case slug, fixed once the entry exists. */
export function CodeField({ editing }: { editing: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="code"
      label={t('catalog.code')}
      extra={editing ? undefined : t('catalog.fb.codeHint')}
      rules={[
        { required: true, message: t('form.required') },
        { pattern: CODE_PATTERN, message: t('catalog.fb.codeHint') },
      ]}
    >
      <Input disabled={editing} autoComplete="off" />
    </Form.Item>
  );
}

export function ActiveField() {
  const { t } = useI18n();
  return (
    <Form.Item name="active" label={t('catalog.status')} valuePropName="checked">
      <Switch checkedChildren={t('catalog.active')} unCheckedChildren={t('catalog.inactive')} />
    </Form.Item>
  );
}
