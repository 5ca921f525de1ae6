import { Space, Switch, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AdministrativeUnitView, UnitType } from '@hotline/contracts';
import type { useT } from '../../../i18n/i18n';

type T = ReturnType<typeof useT>;

function RemoteSwitch(props: { unit: AdministrativeUnitView; saving: boolean; onToggle: (on: boolean) => void; t: T }) {
  const { unit, saving, onToggle, t } = props;
  return (
    <Space>
      <Switch checked={unit.remoteArea} loading={saving} onChange={onToggle} aria-label={t('commune.remoteArea')} />
      {unit.remoteArea && <Tag color="orange">{t('commune.remoteShort')}</Tag>}
    </Space>
  );
}

/** The columns of the communes table; the remote-area flag is switched in place. */
export function communeColumns(
  t: T,
  saving: string | null,
  onToggle: (u: AdministrativeUnitView, on: boolean) => void,
): TableColumnsType<AdministrativeUnitView> {
  return [
    {
      title: t('commune.code'),
      dataIndex: 'code',
      key: 'code',
      width: 100,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('commune.name'), dataIndex: 'name', key: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'vi') },
    {
      title: t('commune.type'),
      dataIndex: 'type',
      key: 'type',
      width: 120,
      render: (v: UnitType) => (
        <Tag color={v === 'ward' ? 'blue' : 'green'}>{t(v === 'ward' ? 'commune.ward' : 'commune.commune')}</Tag>
      ),
    },
    {
      title: t('commune.centroid'),
      key: 'centroid',
      width: 200,
      render: (_, u) => (
        <Typography.Text type="secondary">{`${u.lat.toFixed(4)}, ${u.lng.toFixed(4)}`}</Typography.Text>
      ),
    },
    {
      title: t('commune.remoteArea'),
      dataIndex: 'remoteArea',
      key: 'remoteArea',
      width: 200,
      render: (_: boolean, u) => (
        <RemoteSwitch unit={u} saving={saving === u.code} onToggle={(on) => onToggle(u, on)} t={t} />
      ),
    },
  ];
}
