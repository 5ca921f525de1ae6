import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import type { UnitType } from '@hotline/contracts';
import { useT } from '../../../i18n/i18n';

export interface CommuneFilterValues {
  q: string;
  type?: UnitType;
  remote?: boolean;
}

export function CommuneFilters({
  value,
  onChange,
  onReload,
}: {
  value: CommuneFilterValues;
  onChange: (patch: Partial<CommuneFilterValues>) => void;
  onReload: () => void;
}) {
  const t = useT();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input
        allowClear
        placeholder={t('commune.search')}
        style={{ width: 260 }}
        value={value.q}
        onChange={(e) => onChange({ q: e.target.value })}
      />
      <Select<UnitType>
        allowClear
        placeholder={t('commune.type')}
        style={{ width: 150 }}
        value={value.type}
        onChange={(type) => onChange({ type })}
        options={[
          { value: 'ward', label: t('commune.ward') },
          { value: 'commune', label: t('commune.commune') },
        ]}
      />
      <Select<'yes' | 'no'>
        allowClear
        placeholder={t('commune.remoteArea')}
        style={{ width: 220 }}
        value={value.remote === undefined ? undefined : value.remote ? 'yes' : 'no'}
        onChange={(v) => onChange({ remote: v === undefined ? undefined : v === 'yes' })}
        options={[
          { value: 'yes', label: t('commune.remoteOnly') },
          { value: 'no', label: t('commune.notRemote') },
        ]}
      />
      <Button icon={<ReloadOutlined />} onClick={onReload}>
        {t('common.reload')}
      </Button>
    </Space>
  );
}
