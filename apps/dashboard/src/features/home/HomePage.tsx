import { Card, Col, Descriptions, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useOffice } from '../../app/AppShell';
import { SCREENS } from '../../app/screens';
import { useCurrentUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, formatPhone } from '../../lib/format';
import { useAnnouncements } from '../../realtime/announcements';
import { useConnectionState } from '../../realtime/RealtimeProvider';

export default function HomePage() {
  const { t } = useI18n();
  const user = useCurrentUser();

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-greeting">
        {t('home.greeting', { name: user.fullName })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <ProfileCard />
          <ScreensCard />
        </Col>
        <Col xs={24} lg={14}>
          <AnnouncementsCard />
        </Col>
      </Row>
    </>
  );
}

/** Who I am: username, role, my post office, extension, last login, and whether the live connection is up. */
function ProfileCard() {
  const { t, roleLabel } = useI18n();
  const user = useCurrentUser();
  const state = useConnectionState();
  return (
    <Card title={t('home.profile')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('auth.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('user.role')}>{roleLabel(user.role)}</Descriptions.Item>
        {user.postOfficeId && (
          <Descriptions.Item label={t('user.postOffice')}>
            <OfficeSummary id={user.postOfficeId} />
          </Descriptions.Item>
        )}
        {user.extension && <Descriptions.Item label={t('user.extension')}>{user.extension}</Descriptions.Item>}
        <Descriptions.Item label={t('user.lastLogin')}>{formatDateTime(user.lastLoginAt)}</Descriptions.Item>
        <Descriptions.Item label={t('home.realtime')}>
          {state === 'online' ? (
            <Tag color="green">{t('realtime.online')}</Tag>
          ) : (
            <Tag color="orange">{t('realtime.lost')}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function OfficeSummary({ id }: { id: string }) {
  const office = useOffice(id);
  if (!office.data) return <>…</>;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {office.data.name} ({office.data.code})
      </span>
      <Typography.Text type="secondary">
        {office.data.address}
        {office.data.phone ? ` · ${formatPhone(office.data.phone)}` : ''}
      </Typography.Text>
    </Space>
  );
}

/** Links to the screens my role opens (the home screen aside). */
function ScreensCard() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const screens = SCREENS.filter((s) => s.key !== 'home' && s.roles.includes(user.role));
  if (!screens.length) return null;
  return (
    <Card title={t('home.screens')} style={{ marginTop: 16 }}>
      <Space wrap>
        {screens.map((s) => (
          <Link key={s.key} to={s.path}>
            <Tag icon={s.icon} style={{ padding: '4px 10px', fontSize: 14 }}>
              {t(s.label)}
            </Tag>
          </Link>
        ))}
      </Space>
    </Card>
  );
}

/** The supervisors' announcements received in this session. */
function AnnouncementsCard() {
  const { t } = useI18n();
  const { feed } = useAnnouncements();
  return (
    <Card title={t('announcement.received')}>
      <div data-testid="home-announcements">
        {feed.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('announcement.noneYet')} />
        ) : (
          <List
            dataSource={feed}
            renderItem={(a) => (
              <List.Item key={a.id}>
                <List.Item.Meta
                  title={`${a.from.fullName} · ${formatDateTime(a.sentAt)}`}
                  description={<span style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,.88)' }}>{a.message}</span>}
                />
              </List.Item>
            )}
          />
        )}
      </div>
    </Card>
  );
}
