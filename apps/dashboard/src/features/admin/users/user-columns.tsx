import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PostOfficeView, Role, UserView } from '@hotline/contracts';
import type { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/format';
import { UserRowActions, type UserRowHandlers } from './UserRowActions';

type I18n = ReturnType<typeof useI18n>;

const ROLE_COLORS: Record<Role, string> = { operator: 'blue', dispatcher: 'gold', supervisor: 'purple', admin: 'red' };

function UserStatus({ user, t }: { user: UserView; t: I18n['t'] }) {
  return (
    <Space size={4} wrap>
      {user.disabled ? (
        <Tag color="default">{t('user.statusDisabled')}</Tag>
      ) : (
        <Tag color="green">{t('user.statusActive')}</Tag>
      )}
      {user.mustChangePassword && <Tag color="orange">{t('user.mustChange')}</Tag>}
    </Space>
  );
}

/** The columns of the users table. */
export function userColumns(
  { t, roleLabel }: Pick<I18n, 't' | 'roleLabel'>,
  offices: Map<string, PostOfficeView>,
  handlers: UserRowHandlers,
): TableColumnsType<UserView> {
  return [
    {
      title: t('user.user'),
      dataIndex: 'fullName',
      key: 'user',
      render: (name: string, u) => (
        <Space orientation="vertical" size={0}>
          <span>{name}</span>
          <Typography.Text code style={{ fontSize: 12 }}>
            {u.username}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('user.role'),
      dataIndex: 'role',
      key: 'role',
      render: (r: Role) => <Tag color={ROLE_COLORS[r]}>{roleLabel(r)}</Tag>,
    },
    {
      title: t('user.postOffice'),
      dataIndex: 'postOfficeId',
      key: 'postOfficeId',
      render: (id: string | null) =>
        id ? (offices.get(id)?.name ?? id) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: t('user.extension'), dataIndex: 'extension', key: 'extension', render: (v: string | null) => v ?? '—' },
    { title: t('user.status'), key: 'status', render: (_, u) => <UserStatus user={u} t={t} /> },
    {
      title: t('user.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, u) => <UserRowActions user={u} handlers={handlers} />,
    },
  ];
}
