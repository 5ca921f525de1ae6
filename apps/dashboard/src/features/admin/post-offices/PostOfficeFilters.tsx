import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { useT } from '../../../i18n/i18n';

export interface PostOfficeFilterValues {
  q?: string;
  communeCode?: string;
  active?: boolean;
}

export function PostOfficeFilters({
  value,
  onChange,
  onReload,
}: {
  value: PostOfficeFilterValues;
  onChange: (patch: Partial<PostOfficeFilterValues>) => void;
  onReload: () => void;
}) {
  const t = useT();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('postOffice.search')}
        style={{ width: 280 }}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="post-office-search"
      />
      <CommuneSelect
        allowClear
        style={{ width: 260 }}
        value={value.communeCode}
        onChange={(v) => onChange({ communeCode: (v as string | undefined) ?? undefined })}
      />
      <Select<'true' | 'false'>
        allowClear
        placeholder={t('postOffice.active')}
        style={{ width: 170 }}
        value={value.active === undefined ? undefined : value.active ? 'true' : 'false'}
        onChange={(v) => onChange({ active: v === undefined ? undefined : v === 'true' })}
        options={[
          { value: 'true', label: t('postOffice.isActive') },
          { value: 'false', label: t('postOffice.isInactive') },
        ]}
      />
      <Button icon={<ReloadOutlined />} onClick={onReload}>
        {t('common.reload')}
      </Button>
    </Space>
  );
}
