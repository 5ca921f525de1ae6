import { useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AdministrativeUnitView, UnitType } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { foldedIncludes, useCommunes, COMMUNES_KEY } from '../../../lib/reference-data';
import { invalidate } from '../../../lib/resource';

export default function CommunesPage() {
  const t = useT();
  const { message } = App.useApp();
  const communes = useCommunes();
  const [q, setQ] = useState('');
  const [type, setType] = useState<UnitType | undefined>();
  const [remote, setRemote] = useState<boolean | undefined>();
  const [saving, setSaving] = useState<string | null>(null);

  const all = communes.data ?? [];
  const rows = all.filter(
    (u) =>
      (!q || foldedIncludes(`${u.name} ${u.code}`, q)) &&
      (!type || u.type === type) &&
      (remote === undefined || u.remoteArea === remote),
  );
  const remoteCount = all.filter((u) => u.remoteArea).length;

  const toggle = async (u: AdministrativeUnitView, remoteArea: boolean) => {
    setSaving(u.code);
    try {
      const saved = await api.patch<AdministrativeUnitView>(`/geo/units/${u.code}`, { remoteArea });
      void message.success(
        saved.remoteArea ? t('commune.flagged', { name: saved.name }) : t('commune.unflagged', { name: saved.name }),
      );
      invalidate(COMMUNES_KEY);
    } catch (err) {
      void message.error(describeError(t, err));
    } finally {
      setSaving(null);
    }
  };

  const columns: TableColumnsType<AdministrativeUnitView> = [
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
      render: (v: boolean, u) => (
        <Space>
          <Switch
            checked={v}
            loading={saving === u.code}
            onChange={(checked) => void toggle(u, checked)}
            aria-label={t('commune.remoteArea')}
          />
          {v && <Tag color="orange">{t('commune.remoteShort')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.communes')} subtitle={t('commune.subtitle', { n: all.length, remote: remoteCount })} />
      <Alert type="info" showIcon title={t('commune.remoteHelp')} style={{ marginBottom: 16 }} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          placeholder={t('commune.search')}
          style={{ width: 260 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Select<UnitType>
          allowClear
          placeholder={t('commune.type')}
          style={{ width: 150 }}
          value={type}
          onChange={setType}
          options={[
            { value: 'ward', label: t('commune.ward') },
            { value: 'commune', label: t('commune.commune') },
          ]}
        />
        <Select<'yes' | 'no'>
          allowClear
          placeholder={t('commune.remoteArea')}
          style={{ width: 220 }}
          value={remote === undefined ? undefined : remote ? 'yes' : 'no'}
          onChange={(v) => setRemote(v === undefined ? undefined : v === 'yes')}
          options={[
            { value: 'yes', label: t('commune.remoteOnly') },
            { value: 'no', label: t('commune.notRemote') },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={communes.reload}>
          {t('common.reload')}
        </Button>
      </Space>
      {communes.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, communes.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<AdministrativeUnitView>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={communes.loading && !communes.data}
        pagination={{ pageSize: 25, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
      />
    </>
  );
}
