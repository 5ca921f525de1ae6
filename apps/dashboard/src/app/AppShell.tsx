import { useEffect, useMemo, useState } from 'react';
import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Dropdown,
  Empty,
  Layout,
  List,
  Menu,
  Popover,
  Segmented,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import type { MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { PostOfficeView, UserView } from '@hotline/contracts';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { logout, useCurrentUser } from '../auth/session';
import { type Lang, useI18n } from '../i18n/i18n';
import { api, authClient } from '../lib/api-client';
import { HOTLINE_DISPLAY } from '../lib/brand';
import { formatDateTime } from '../lib/format';
import { useResource } from '../lib/resource';
import { sessionStore } from '../lib/session-store';
import { markAnnouncementsRead, AnnouncementNotifier, useAnnouncements } from '../realtime/announcements';
import { ConnectionBanner } from '../realtime/ConnectionBanner';
import { RealtimeProvider, useConnectionState } from '../realtime/RealtimeProvider';
import { EXTERNAL_LINKS, GROUP_LABELS, NAV_GROUPS, SCREENS } from './screens';

const { Header, Sider, Content } = Layout;

export function useOffice(officeId: string | null | undefined) {
  return useResource<PostOfficeView>(officeId ? `post-offices/${officeId}` : null, () =>
    api.get<PostOfficeView>(`/post-offices/${officeId}`),
  );
}

function ConnectionDot() {
  const { t } = useI18n();
  const state = useConnectionState();
  const status = state === 'online' ? 'success' : state === 'connecting' ? 'processing' : 'warning';
  const label =
    state === 'online' ? t('realtime.online') : state === 'connecting' ? t('realtime.connecting') : t('realtime.lost');
  return (
    <Tooltip title={label}>
      <Badge
        status={status}
        text={
          <span style={{ color: 'rgba(0,0,0,.65)' }}>
            {state === 'online' ? t('realtime.onlineShort') : t('realtime.offlineShort')}
          </span>
        }
        data-testid="connection-state"
        data-state={state}
      />
    </Tooltip>
  );
}

function AnnouncementBell() {
  const { t } = useI18n();
  const { feed, unread } = useAnnouncements();
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflow: 'auto' }}>
      {feed.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('announcement.none')} />
      ) : (
        <List
          size="small"
          dataSource={feed}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <List.Item.Meta
                title={`${a.from.fullName} · ${formatDateTime(a.sentAt)}`}
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{a.message}</span>}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      content={content}
      title={t('announcement.received')}
      trigger="click"
      placement="bottomRight"
      onOpenChange={(open) => open && markAnnouncementsRead()}
    >
      <Badge count={unread} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={t('announcement.received')} />
      </Badge>
    </Popover>
  );
}

function UserMenu({ user, onChangePassword }: { user: UserView; onChangePassword: () => void }) {
  const { t, roleLabel } = useI18n();
  const navigate = useNavigate();
  const office = useOffice(user.role === 'dispatcher' ? user.postOfficeId : null);
  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: onChangePassword },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: t('auth.logout'),
      onClick: () => void logout().then(() => navigate('/login', { replace: true })),
    },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button type="text" style={{ height: 'auto', padding: '4px 8px' }} data-testid="user-menu">
        <Space align="center">
          <UserOutlined />
          <span style={{ textAlign: 'left', lineHeight: 1.25, display: 'inline-block' }}>
            <strong data-testid="user-name">{user.fullName}</strong>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="user-role">
              {roleLabel(user.role)}
              {user.role === 'dispatcher' && office.data ? ` · ${office.data.name}` : ''}
            </Typography.Text>
          </span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}

/** Opens a server-side tool in a new tab with a fresh token; the tab is opened first so popup blockers allow it. */
async function openExternal(href: (token: string) => string): Promise<void> {
  const win = window.open('about:blank', '_blank');
  const token = await authClient.accessToken();
  if (!win) return;
  win.opener = null;
  if (token) win.location.href = href(token);
  else win.close();
}

/** The menu for my role: ungrouped screens, then each group's screens and external tools (a group title unless collapsed). */
function useMenuItems(collapsed: boolean): MenuProps['items'] {
  const { t } = useI18n();
  const user = useCurrentUser();
  return useMemo<MenuProps['items']>(() => {
    const items: NonNullable<MenuProps['items']> = [];
    for (const s of SCREENS)
      if (s.group === null && s.roles.includes(user.role)) items.push({ key: s.path, icon: s.icon, label: t(s.label) });
    for (const g of NAV_GROUPS) {
      const children: NonNullable<MenuProps['items']> = [];
      for (const s of SCREENS)
        if (s.group === g && s.roles.includes(user.role))
          children.push({ key: s.path, icon: s.icon, label: t(s.label) });
      for (const l of EXTERNAL_LINKS) {
        if (l.group === g && l.roles.includes(user.role)) {
          children.push({
            key: `external:${l.key}`,
            icon: l.icon,
            label: <span data-testid={`external-${l.key}`}>{t(l.label)} ↗</span>,
          });
        }
      }
      if (children.length)
        items.push({ type: 'group', key: g, label: collapsed ? null : t(GROUP_LABELS[g]), children });
    }
    return items;
  }, [user.role, t, collapsed]);
}

/** The dark side menu: the hotline's number, then the screens; an external tool opens in a new tab. */
function SideMenu({ collapsed, setCollapsed }: { collapsed: boolean; setCollapsed: (c: boolean) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const menuItems = useMenuItems(collapsed);

  const selected = SCREENS.filter((s) =>
    s.path === '/' ? location.pathname === '/' : location.pathname.startsWith(s.path),
  ).map((s) => s.path);

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith('external:')) {
      const link = EXTERNAL_LINKS.find((l) => `external:${l.key}` === key);
      if (link) void openExternal(link.href);
      return;
    }
    navigate(key);
  };

  return (
    <Sider
      collapsible
      collapsed={collapsed}
      onCollapse={setCollapsed}
      breakpoint="lg"
      width={236}
      style={{ background: '#0b2f57' }}
    >
      <div className="hotline-brand">
        <strong>{collapsed ? '0269' : HOTLINE_DISPLAY}</strong>
        {!collapsed && <span>{t('app.subtitle')}</span>}
      </div>
      <Menu
        theme="dark"
        mode="inline"
        items={menuItems}
        selectedKeys={selected}
        onClick={onMenuClick}
        style={{ background: 'transparent' }}
      />
    </Sider>
  );
}

/** The title, the connection, the announcements, the language and my menu. */
function TopBar({ onChangePassword }: { onChangePassword: () => void }) {
  const { t, lang, setLang } = useI18n();
  const user = useCurrentUser();
  return (
    <Header
      style={{
        background: '#fff',
        padding: '0 16px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 12,
        borderBottom: '1px solid #e8ecf1',
      }}
    >
      <Typography.Text strong style={{ fontSize: 16 }}>
        {t('app.title')}
      </Typography.Text>
      <Space size="middle" align="center">
        <ConnectionDot />
        <AnnouncementBell />
        <Segmented<Lang>
          size="small"
          value={lang}
          onChange={setLang}
          options={[
            { label: 'VI', value: 'vi' },
            { label: 'EN', value: 'en' },
          ]}
          aria-label={t('app.language')}
        />
        <UserMenu user={user} onChangePassword={onChangePassword} />
      </Space>
    </Header>
  );
}

export function AppShell() {
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  // Role, name or office may have changed since the login: the server's view wins.
  useEffect(() => {
    api.get<UserView>('/auth/me').then(
      (me) => sessionStore.setUser(me),
      () => undefined,
    );
  }, []);

  return (
    <RealtimeProvider>
      <AnnouncementNotifier />
      <Layout style={{ minHeight: '100vh' }}>
        <SideMenu collapsed={collapsed} setCollapsed={setCollapsed} />
        <Layout>
          <TopBar onChangePassword={() => setChangingPassword(true)} />
          <ConnectionBanner />
          <Content style={{ padding: 24 }}>
            <Outlet />
          </Content>
        </Layout>
      </Layout>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </RealtimeProvider>
  );
}
