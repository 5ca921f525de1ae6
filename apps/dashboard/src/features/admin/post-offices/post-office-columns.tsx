import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AdministrativeUnitView, PostOfficeView } from '@hotline/contracts';
import type { useT } from '../../../i18n/i18n';
import { formatPhone } from '../../../lib/format';
import { summarizeOpeningHours } from './OpeningHoursEditor';

type T = ReturnType<typeof useT>;

function NameCell({ office, t }: { office: PostOfficeView; t: T }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {office.name} {office.isDemo && <Tag color="purple">{t('postOffice.demo')}</Tag>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {office.address}
      </Typography.Text>
    </Space>
  );
}

function ServiceAreaCell({ codes, names, t }: { codes: string[]; names: (code: string) => string; t: T }) {
  return (
    <Tooltip title={codes.map(names).join(', ')}>
      <span>{t('postOffice.communeCount', { n: codes.length })}</span>
    </Tooltip>
  );
}

/** The columns of the post offices table. */
export function postOfficeColumns(
  t: T,
  communes: Map<string, AdministrativeUnitView>,
  onEdit: (o: PostOfficeView) => void,
): TableColumnsType<PostOfficeView> {
  const communeName = (c: string) => communes.get(c)?.name ?? c;
  return [
    {
      title: t('postOffice.code'),
      dataIndex: 'code',
      key: 'code',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('postOffice.name'),
      dataIndex: 'name',
      key: 'name',
      render: (_: string, o) => <NameCell office={o} t={t} />,
    },
    { title: t('postOffice.commune'), dataIndex: 'communeCode', key: 'communeCode', render: communeName },
    { title: t('postOffice.phone'), dataIndex: 'phone', key: 'phone', render: (p: string | null) => formatPhone(p) },
    {
      title: t('postOffice.openingHours'),
      dataIndex: 'openingHours',
      key: 'openingHours',
      render: (h: PostOfficeView['openingHours']) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {summarizeOpeningHours(h, t) || t('postOffice.closed')}
        </Typography.Text>
      ),
    },
    {
      title: t('postOffice.serviceArea'),
      dataIndex: 'serviceArea',
      key: 'serviceArea',
      render: (codes: string[]) => <ServiceAreaCell codes={codes} names={communeName} t={t} />,
    },
    { title: t('postOffice.capacity'), dataIndex: 'dailyCapacity', key: 'dailyCapacity', align: 'right' },
    {
      title: t('postOffice.active'),
      dataIndex: 'active',
      key: 'active',
      render: (a: boolean) =>
        a ? <Tag color="green">{t('postOffice.isActive')}</Tag> : <Tag>{t('postOffice.isInactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, o) => (
        <Button type="link" size="small" onClick={() => onEdit(o)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
}
