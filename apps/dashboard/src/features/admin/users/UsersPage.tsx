import { useState } from 'react';
import {
  EditOutlined,
  KeyOutlined,
  PlusOutlined,
  ReloadOutlined,
  StopOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLES, type Role, type UserView } from '@hotline/contracts';
import { useCurrentUser } from '../../../auth/session';
import { PageHeader } from '../../../components/PageHeader';
import { PostOfficeSelect } from '../../../components/PostOfficeSelect';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { generatePassword, PASSWORD_PATTERN } from '../../../lib/password';
import { useAllPostOffices } from '../../../lib/reference-data';
import { invalidate, useResource } from '../../../lib/resource';
import { UserFormModal } from './UserFormModal';

interface Filters {
  q: string;
  role?: Role;
  postOfficeId?: string;
  status?: 'active' | 'disabled';
}

const ROLE_COLORS: Record<Role, string> = { operator: 'blue', dispatcher: 'gold', supervisor: 'purple', admin: 'red' };

export default function UsersPage() {
  const { t, roleLabel } = useI18n();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const [filters, setFilters] = useState<Filters>({ q: '' });
  const [editing, setEditing] = useState<UserView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const offices = useAllPostOffices();

  const query = {
    q: filters.q.trim() || undefined,
    role: filters.role,
    postOfficeId: filters.postOfficeId,
    disabled: filters.status ? filters.status === 'disabled' : undefined,
  };
  const key = `users?${JSON.stringify(query)}`;
  const users = useResource<UserView[]>(key, () => api.get<UserView[]>('/users', { query }));

  const act = async (fn: () => Promise<UserView>, done: (u: UserView) => string) => {
    try {
      const u = await fn();
      void message.success(done(u));
      invalidate('users');
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };

  const confirmDisable = (u: UserView) => {
    let reason = '';
    modal.confirm({
      title: t('user.disableTitle', { name: u.fullName }),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('user.disableText')}</Typography.Text>
          <Input.TextArea
            rows={2}
            maxLength={300}
            placeholder={t('user.disableReason')}
            onChange={(e) => (reason = e.target.value)}
          />
        </Space>
      ),
      okText: t('user.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        act(
          () => api.post<UserView>(`/users/${u.id}/disable`, reason.trim() ? { reason: reason.trim() } : {}),
          (x) => t('user.disabledDone', { name: x.fullName }),
        ),
    });
  };

  const columns: TableColumnsType<UserView> = [
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
        id ? (offices.byId.get(id)?.name ?? id) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: t('user.extension'), dataIndex: 'extension', key: 'extension', render: (v: string | null) => v ?? '—' },
    {
      title: t('user.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4} wrap>
          {u.disabled ? (
            <Tag color="default">{t('user.statusDisabled')}</Tag>
          ) : (
            <Tag color="green">{t('user.statusActive')}</Tag>
          )}
          {u.mustChangePassword && <Tag color="orange">{t('user.mustChange')}</Tag>}
        </Space>
      ),
    },
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
      render: (_, u) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => {
                setEditing(u);
                setFormOpen(true);
              }}
            />
          </Tooltip>
          <Tooltip title={t('user.resetPassword')}>
            <Button
              type="text"
              size="small"
              icon={<KeyOutlined />}
              aria-label={t('user.resetPassword')}
              onClick={() => setResetting(u)}
            />
          </Tooltip>
          {u.id !== me.id &&
            (u.disabled ? (
              <Tooltip title={t('user.enable')}>
                <Button
                  type="text"
                  size="small"
                  icon={<UnlockOutlined />}
                  aria-label={t('user.enable')}
                  onClick={() =>
                    void act(
                      () => api.post<UserView>(`/users/${u.id}/enable`),
                      (x) => t('user.enabledDone', { name: x.fullName }),
                    )
                  }
                />
              </Tooltip>
            ) : (
              <Tooltip title={t('user.disable')}>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<StopOutlined />}
                  aria-label={t('user.disable')}
                  onClick={() => confirmDisable(u)}
                />
              </Tooltip>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={t('user.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
            data-testid="user-create"
          >
            {t('user.create')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('user.search')}
          style={{ width: 260 }}
          onSearch={(q) => setFilters((f) => ({ ...f, q }))}
        />
        <Select<Role>
          allowClear
          placeholder={t('user.role')}
          style={{ width: 220 }}
          value={filters.role}
          onChange={(role) => setFilters((f) => ({ ...f, role }))}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
        />
        <PostOfficeSelect
          allowClear
          style={{ width: 280 }}
          value={filters.postOfficeId}
          onChange={(postOfficeId) => setFilters((f) => ({ ...f, postOfficeId }))}
        />
        <Select<'active' | 'disabled'>
          allowClear
          placeholder={t('user.status')}
          style={{ width: 170 }}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={[
            { value: 'active', label: t('user.statusActive') },
            { value: 'disabled', label: t('user.statusDisabled') },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={users.reload}>
          {t('common.reload')}
        </Button>
      </Space>
      {users.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, users.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="users-table">
        <Table<UserView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data ?? []}
          loading={users.loading && !users.data}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <UserFormModal
        open={formOpen}
        user={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => {
          setFormOpen(false);
          invalidate('users');
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const t = useI18n().t;
  const { message } = App.useApp();
  const [password, setPassword] = useState('');
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const valid = PASSWORD_PATTERN.test(password);

  const submit = async () => {
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      await api.post<UserView>(`/users/${user.id}/reset-password`, { newPassword: password });
      setDone(true);
      invalidate('users');
    } catch (err) {
      setError(describeError(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('user.resetTitle', { name: user.fullName }) : ''}
      onCancel={onClose}
      afterOpenChange={(open) => {
        if (open) {
          setPassword(generatePassword());
          setDone(false);
          setError(null);
        }
      }}
      footer={
        done
          ? [
              <Button key="close" type="primary" onClick={onClose}>
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" danger loading={saving} disabled={!valid} onClick={() => void submit()}>
                {t('user.resetPassword')}
              </Button>,
            ]
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {done ? (
        <Alert
          type="success"
          showIcon
          title={t('user.resetDone')}
          description={
            <Typography.Paragraph
              copyable={{ text: password, onCopy: () => void message.success(t('common.copied')) }}
              style={{ margin: 0 }}
            >
              <Typography.Text code style={{ fontSize: 16 }}>
                {password}
              </Typography.Text>
            </Typography.Paragraph>
          }
        />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('user.resetText')}</Typography.Text>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              status={valid ? undefined : 'error'}
            />
            <Button onClick={() => setPassword(generatePassword())}>{t('user.generatePassword')}</Button>
          </Space.Compact>
          {!valid && <Typography.Text type="danger">{t('auth.passwordRule')}</Typography.Text>}
        </Space>
      )}
    </Modal>
  );
}
