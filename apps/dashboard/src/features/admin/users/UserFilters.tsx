import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { ROLES, type Role, type UserState } from '@hotline/contracts';
import { PostOfficeSelect } from '../../../components/PostOfficeSelect';
import { useI18n } from '../../../i18n/i18n';

export interface UserFilterValues {
  q: string;
  role?: Role;
  postOfficeId?: string;
  status?: UserState;
}

/** The GET /users query of the filters. */
export function usersQuery(f: UserFilterValues) {
  return {
    q: f.q.trim() || undefined,
    role: f.role,
    postOfficeId: f.postOfficeId,
    disabled: f.status ? f.status === 'disabled' : undefined,
  };
}

export function UserFilters({
  value,
  onChange,
  onReload,
}: {
  value: UserFilterValues;
  onChange: (patch: Partial<UserFilterValues>) => void;
  onReload: () => void;
}) {
  const { t, roleLabel } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('user.search')}
        style={{ width: 260 }}
        onSearch={(q) => onChange({ q })}
      />
      <Select<Role>
        allowClear
        placeholder={t('user.role')}
        style={{ width: 220 }}
        value={value.role}
        onChange={(role) => onChange({ role })}
        options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
      />
      <PostOfficeSelect
        allowClear
        style={{ width: 280 }}
        value={value.postOfficeId}
        onChange={(postOfficeId) => onChange({ postOfficeId })}
      />
      <Select<UserState>
        allowClear
        placeholder={t('user.status')}
        style={{ width: 170 }}
        value={value.status}
        onChange={(status) => onChange({ status })}
        options={[
          { value: 'active', label: t('user.statusActive') },
          { value: 'disabled', label: t('user.statusDisabled') },
        ]}
      />
      <Button icon={<ReloadOutlined />} onClick={onReload}>
        {t('common.reload')}
      </Button>
    </Space>
  );
}
