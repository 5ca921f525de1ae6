import { useState } from 'react';
import { Alert, App, Table } from 'antd';
import type { AdministrativeUnitView } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { COMMUNES_KEY, foldedIncludes, useCommunes } from '../../../lib/reference-data';
import { invalidate } from '../../../lib/resource';
import { communeColumns } from './commune-columns';
import { CommuneFilters, type CommuneFilterValues } from './CommuneFilters';

/** Flags a commune remote (or not) and refreshes every screen's communes. */
function useRemoteToggle() {
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState<string | null>(null);
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
  return { saving, toggle };
}

const matches = (u: AdministrativeUnitView, f: CommuneFilterValues) =>
  (!f.q || foldedIncludes(`${u.name} ${u.code}`, f.q)) &&
  (!f.type || u.type === f.type) &&
  (f.remote === undefined || u.remoteArea === f.remote);

/** The 135 communes (one page from the api), filtered here, with their remote-area flag. */
export default function CommunesPage() {
  const t = useT();
  const communes = useCommunes();
  const [filters, setFilters] = useState<CommuneFilterValues>({ q: '' });
  const { saving, toggle } = useRemoteToggle();
  const all = communes.data ?? [];
  const remoteCount = all.filter((u) => u.remoteArea).length;
  return (
    <>
      <PageHeader title={t('nav.communes')} subtitle={t('commune.subtitle', { n: all.length, remote: remoteCount })} />
      <Alert type="info" showIcon title={t('commune.remoteHelp')} style={{ marginBottom: 16 }} />
      <CommuneFilters
        value={filters}
        onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
        onReload={communes.reload}
      />
      {communes.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, communes.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<AdministrativeUnitView>
        rowKey="code"
        size="small"
        columns={communeColumns(t, saving, (u, on) => void toggle(u, on))}
        dataSource={all.filter((u) => matches(u, filters))}
        loading={communes.loading && !communes.data}
        pagination={{ pageSize: 25, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
      />
    </>
  );
}
