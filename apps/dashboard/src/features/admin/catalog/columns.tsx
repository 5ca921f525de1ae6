import { EditOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { TableColumnType } from 'antd';
import type { Translate } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { invalidate } from '../../../lib/resource';
import { ActiveSwitch } from './ActiveSwitch';

/**
 * The two columns every catalogue table ends with: the in-place enable/disable switch (PATCH `<endpoint>/<id>` with
 * `{ active }`, then the cached list is refreshed) and the edit button that opens the page's form.
 */
export function activeColumn<T extends { id: string; active: boolean }>(
  t: Translate,
  endpoint: string,
  cacheKey: string,
  width?: number,
): TableColumnType<T> {
  return {
    title: t('catalog.status'),
    key: 'active',
    width,
    render: (_, row) => (
      <ActiveSwitch
        checked={row.active}
        label={t('catalog.status')}
        save={async (active) => {
          await api.patch<T>(`${endpoint}/${row.id}`, { active });
          invalidate(cacheKey);
          return t(active ? 'catalog.enabledDone' : 'catalog.disabledDone');
        }}
      />
    ),
  };
}

export function editColumn<T>(
  t: Translate,
  onEdit: (row: T) => void,
  extra: Pick<TableColumnType<T>, 'width' | 'fixed'> = {},
): TableColumnType<T> {
  return {
    title: t('common.actions'),
    key: 'actions',
    ...extra,
    render: (_, row) => (
      <Tooltip title={t('common.edit')}>
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={t('common.edit')}
          onClick={() => onEdit(row)}
        />
      </Tooltip>
    ),
  };
}
