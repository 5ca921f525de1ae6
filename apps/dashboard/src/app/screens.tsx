import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DollarOutlined,
  FileTextOutlined,
  PhoneOutlined,
  ProfileOutlined,
  TagsOutlined,
  InboxOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  MailOutlined,
  NotificationOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '@hotline/contracts';
import type { MessageKey } from '../i18n/i18n';

/** Menu groups, in menu order. Later issues add the operator console and dispatcher inbox under 'work'. */
export const NAV_GROUPS = ['work', 'supervision', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export const GROUP_LABELS: Record<NavGroup, MessageKey> = {
  work: 'nav.group.work',
  supervision: 'nav.group.supervision',
  admin: 'nav.group.admin',
};

/**
 * Every screen of the dashboard, one row each: the route, who may open it, where it sits in the menu. Routes, the
 * menu and the role guard are all built from this table, so a new screen (operator console, dispatcher inbox, SLA
 * lists) is one row plus its lazily loaded component: each screen is its own chunk.
 */
export interface ScreenDef {
  key: string;
  path: string;
  roles: readonly Role[];
  label: MessageKey;
  icon: ReactNode;
  group: NavGroup | null;
  component: LazyExoticComponent<ComponentType>;
}

export const ALL_ROLES: readonly Role[] = ['operator', 'dispatcher', 'supervisor', 'admin'];

export const SCREENS: ScreenDef[] = [
  {
    key: 'home',
    path: '/',
    roles: ALL_ROLES,
    label: 'nav.home',
    icon: <HomeOutlined />,
    group: null,
    component: lazy(() => import('../features/home/HomePage')),
  },
  {
    key: 'operator-console',
    path: '/operator',
    roles: ['operator', 'supervisor'],
    label: 'nav.operatorConsole',
    icon: <CustomerServiceOutlined />,
    group: 'work',
    component: lazy(() => import('../features/operator/OperatorConsolePage')),
  },
  {
    key: 'tickets',
    path: '/tickets',
    roles: ['operator', 'supervisor', 'admin'],
    label: 'tickets.nav',
    icon: <FileTextOutlined />,
    group: 'work',
    component: lazy(() => import('../features/tickets/TicketsPage')),
  },
  {
    key: 'dispatcher-inbox',
    path: '/dispatcher',
    roles: ['dispatcher'],
    label: 'nav.dispatcherInbox',
    icon: <InboxOutlined />,
    group: 'work',
    component: lazy(() => import('../features/dispatcher/DispatcherInboxPage')),
  },
  {
    key: 'live-supervision',
    path: '/supervisor/live',
    roles: ['supervisor'],
    label: 'sup.nav.live',
    icon: <DashboardOutlined />,
    group: 'supervision',
    component: lazy(() => import('../features/supervisor/live/LiveSupervisionPage')),
  },
  {
    key: 'map',
    path: '/supervisor/map',
    roles: ['supervisor', 'admin'],
    label: 'nav.map',
    icon: <EnvironmentOutlined />,
    group: 'supervision',
    component: lazy(() => import('../features/supervisor/SupervisorMapPage')),
  },
  {
    key: 'announcements',
    path: '/supervisor/announcements',
    roles: ['supervisor', 'admin'],
    label: 'nav.announcements',
    icon: <NotificationOutlined />,
    group: 'supervision',
    component: lazy(() => import('../features/supervisor/AnnouncementsPage')),
  },
  {
    key: 'mail-outbox',
    path: '/supervisor/outbox',
    roles: ['supervisor', 'admin'],
    label: 'outbox.nav',
    icon: <MailOutlined />,
    group: 'supervision',
    component: lazy(() => import('../features/supervisor/outbox/OutboxPage')),
  },
  {
    key: 'users',
    path: '/admin/users',
    roles: ['admin'],
    label: 'nav.users',
    icon: <TeamOutlined />,
    group: 'admin',
    component: lazy(() => import('../features/admin/users/UsersPage')),
  },
  {
    key: 'post-offices',
    path: '/admin/post-offices',
    roles: ['admin'],
    label: 'nav.postOffices',
    icon: <ShopOutlined />,
    group: 'admin',
    component: lazy(() => import('../features/admin/post-offices/PostOfficesPage')),
  },
  {
    key: 'communes',
    path: '/admin/communes',
    roles: ['admin'],
    label: 'nav.communes',
    icon: <ApartmentOutlined />,
    group: 'admin',
    component: lazy(() => import('../features/admin/communes/CommunesPage')),
  },
  // ---- catalogue screens (issue 6): pricing, SLA, calendars, topics, feedback lists, telephony
  {
    key: 'pricing',
    path: '/admin/pricing',
    roles: ['admin'],
    label: 'catalog.nav.pricing',
    icon: <DollarOutlined />,
    group: 'admin',
    component: lazy(() => import('../features/admin/pricing/PricingPage')),
  },
  {
    key: 'sla-policies',
    path: '/admin/sla-policies',
    roles: ['admin'],
    label: 'catalog.nav.slaPolicies',
    icon: <ClockCircleOutlined />,
    group: 'admin',
    component: lazy(() => import('../features/admin/sla-policies/SlaPoliciesPage')),
  },
  {
    key: 'calendars',
    path: '/admin/calendars',
    roles: ['admin'],
    label: 'catalog.nav.calendars',
    icon: <CalendarOutlined />,
    group: 'admin',
    component: lazy(() => import('../features/admin/calendars/CalendarsPage')),
  },
  {
    key: 'call-topics',
    path: '/admin/call-topics',
    roles: ['admin'],
    label: 'catalog.nav.callTopics',
    icon: <TagsOutlined />,
    group: 'admin',
    component: lazy(() => import('../features/admin/call-topics/CallTopicsPage')),
  },
  {
    key: 'feedback-lists',
    path: '/admin/feedback-lists',
    roles: ['admin'],
    label: 'catalog.nav.feedbackLists',
    icon: <ProfileOutlined />,
    group: 'admin',
    component: lazy(() => import('../features/admin/feedback-lists/FeedbackListsPage')),
  },
  {
    key: 'telephony',
    path: '/admin/telephony',
    roles: ['admin'],
    label: 'catalog.nav.telephony',
    icon: <PhoneOutlined />,
    group: 'admin',
    component: lazy(() => import('../features/admin/telephony/TelephonyPage')),
  },
];

/** Links that leave the single-page app (server-rendered tools). */
export interface ExternalLinkDef {
  key: string;
  roles: readonly Role[];
  label: MessageKey;
  icon: ReactNode;
  group: NavGroup;
  /** Built on click with a fresh access token (a browser cannot send a bearer header on navigation). */
  href: (accessToken: string) => string;
}

export const EXTERNAL_LINKS: ExternalLinkDef[] = [
  {
    key: 'queues',
    roles: ['admin'],
    label: 'nav.queues',
    icon: <DatabaseOutlined />,
    group: 'admin',
    href: (token) => `/admin/queues?token=${encodeURIComponent(token)}`,
  },
];

export function screensFor(role: Role): ScreenDef[] {
  return SCREENS.filter((s) => s.roles.includes(role));
}
