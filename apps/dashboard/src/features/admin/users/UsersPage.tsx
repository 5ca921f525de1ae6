import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Page, UserView } from '@hotline/contracts';
import { useCurrentUser } from '../../../auth/session';
import { PageHeader } from '../../../components/PageHeader';
import { PagerControls } from '../../../components/PagerControls';
import { useI18n, useT } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { useCursorPages } from '../../../lib/pages';
import { useAllPostOffices } from '../../../lib/reference-data';
import { invalidate, useResource } from '../../../lib/resource';
import { ResetPasswordModal } from './ResetPasswordModal';
import { userColumns } from './user-columns';
import { useUserActions } from './user-actions';
import { UserFilters, type UserFilterValues, usersQuery } from './UserFilters';
import { UserFormModal } from './UserFormModal';

const PAGE_SIZE = 20;

/** One page of users (GET /users, in username order) for the filters. */
function useUsersPage(filters: UserFilterValues) {
  const pages = useCursorPages();
  const query = { ...usersQuery(filters), limit: PAGE_SIZE, cursor: pages.cursor };
  const page = useResource<Page<UserView>>(`users?${JSON.stringify(query)}`, () =>
    api.get<Page<UserView>>('/users', { query }),
  );
  return { page, pages };
}

/** The table of the current page and the pager under it. */
function UsersTable({
  users: { page, pages },
  columns,
}: {
  users: ReturnType<typeof useUsersPage>;
  columns: TableColumnsType<UserView>;
}) {
  const t = useT();
  return (
    <>
      {page.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, page.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="users-table">
        <Table<UserView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page.data?.items ?? []}
          loading={page.loading && !page.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <PagerControls
        pageIndex={pages.pageIndex}
        hasNext={!!page.data?.nextCursor}
        onPrev={pages.prev}
        onNext={() => pages.next(page.data?.nextCursor)}
      />
    </>
  );
}

function UsersHeader({ onCreate }: { onCreate: () => void }) {
  const t = useT();
  return (
    <PageHeader
      title={t('nav.users')}
      subtitle={t('user.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="user-create">
          {t('user.create')}
        </Button>
      }
    />
  );
}

export default function UsersPage() {
  const i18n = useI18n();
  const me = useCurrentUser();
  const [filters, setFilters] = useState<UserFilterValues>({ q: '' });
  const usersPage = useUsersPage(filters);
  const { page, pages } = usersPage;
  const [form, setForm] = useState<{ user: UserView | null } | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const offices = useAllPostOffices();
  const actions = useUserActions();
  const columns = userColumns(i18n, offices.byId, {
    meId: me.id,
    onEdit: (user) => setForm({ user }),
    onReset: setResetting,
    onDisable: actions.disable,
    onEnable: actions.enable,
  });

  return (
    <>
      <UsersHeader onCreate={() => setForm({ user: null })} />
      <UserFilters
        value={filters}
        onChange={(patch) => {
          setFilters((f) => ({ ...f, ...patch }));
          pages.reset();
        }}
        onReload={page.reload}
      />
      <UsersTable users={usersPage} columns={columns} />
      <UserFormModal
        open={form !== null}
        user={form?.user ?? null}
        onClose={() => setForm(null)}
        onSaved={() => {
          setForm(null);
          invalidate('users');
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
