import { useState, useSyncExternalStore } from 'react';
import { SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  List,
  Radio,
  Row,
  Select,
  Tag,
  type FormInstance,
} from 'antd';
import { ROLES, type AnnouncementEvent, type Role, type RoomName, type UserView } from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { PostOfficeSelect } from '../../components/PostOfficeSelect';
import { useI18n } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { fetchAllPages } from '../../lib/pages';
import { foldedIncludes, useAllPostOffices } from '../../lib/reference-data';
import { useResource } from '../../lib/resource';

type AudienceKind = 'all' | 'role' | 'office' | 'user';

interface Values {
  kind: AudienceKind;
  role?: Role;
  officeId?: string;
  userId?: string;
  message: string;
}

const MAX_MESSAGE = 500;

/** Announcements sent from this tab, kept while the tab lives (the server keeps no history yet). */
let sent: AnnouncementEvent[] = [];
const sentListeners = new Set<() => void>();
const subscribeSent = (l: () => void) => {
  sentListeners.add(l);
  return () => sentListeners.delete(l);
};

function audienceOf(v: Values): RoomName | 'all' | null {
  if (v.kind === 'all') return 'all';
  if (v.kind === 'role') return v.role ? `role:${v.role}` : null;
  if (v.kind === 'office') return v.officeId ? `office:${v.officeId}` : null;
  return v.userId ? `user:${v.userId}` : null;
}

/** Says an audience as a person would ("every operator", "Bưu điện Pleiku"...). */
function useDescribeAudience(users: UserView[] | undefined) {
  const { t, roleLabel } = useI18n();
  const offices = useAllPostOffices();
  return (a: RoomName | 'all'): string => {
    if (a === 'all') return t('announce.all');
    const [kindPart, id] = a.split(/:(.*)/s) as [string, string];
    if (kindPart === 'role') return t('announce.toRole', { role: roleLabel(id as Role) });
    if (kindPart === 'office') return t('announce.toOffice', { office: offices.byId.get(id)?.name ?? id });
    return t('announce.toUser', { user: users?.find((u) => u.id === id)?.fullName ?? id });
  };
}

/** Sends the announcement, keeps it in this tab's history and clears the message. */
function useSend(form: FormInstance<Values>, describeAudience: (a: RoomName | 'all') => string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: Values) => {
    const audience = audienceOf(v);
    if (!audience) return;
    setSending(true);
    setError(null);
    try {
      const event = await api.post<AnnouncementEvent>('/announcements', { audience, message: v.message.trim() });
      sent = [event, ...sent].slice(0, 50);
      sentListeners.forEach((l) => l());
      form.setFieldValue('message', '');
      void message.success(t('announce.sent', { audience: describeAudience(audience) }));
    } catch (err) {
      setError(describeError(t, err));
    } finally {
      setSending(false);
    }
  };
  return { sending, error, onFinish };
}

export default function AnnouncementsPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  // Listing users is an admin right; supervisors address roles and offices.
  const canPickUser = me.role === 'admin';
  const users = useResource<UserView[]>(canPickUser ? 'users/all' : null, () => fetchAllPages<UserView>('/users'));
  const describeAudience = useDescribeAudience(users.data);
  const { sending, error, onFinish } = useSend(form, describeAudience);

  return (
    <>
      <PageHeader title={t('nav.announcements')} subtitle={t('announce.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}>
          <Card>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{ kind: 'all', message: '' }}
              onFinish={onFinish}
              requiredMark={false}
              name="announcement-form"
            >
              <AudienceFields form={form} canPickUser={canPickUser} users={users} />
              <Form.Item
                name="message"
                label={t('announce.message')}
                rules={[{ required: true, whitespace: true, message: t('form.required') }]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={MAX_MESSAGE}
                  showCount
                  placeholder={t('announce.placeholder')}
                  data-testid="announce-message"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SendOutlined />}
                loading={sending}
                data-testid="announce-send"
              >
                {t('announce.send')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <SentHistory describeAudience={describeAudience} />
        </Col>
      </Row>
    </>
  );
}

/** Everyone, a role, an office, or (for an admin) one user. */
function AudienceFields({
  form,
  canPickUser,
  users,
}: {
  form: FormInstance<Values>;
  canPickUser: boolean;
  users: { data?: UserView[]; loading: boolean };
}) {
  const { t, roleLabel } = useI18n();
  const kind = Form.useWatch('kind', form);
  return (
    <>
      <Form.Item name="kind" label={t('announce.audience')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'all', label: t('announce.kind.all') },
            { value: 'role', label: t('announce.kind.role') },
            { value: 'office', label: t('announce.kind.office') },
            ...(canPickUser ? [{ value: 'user', label: t('announce.kind.user') }] : []),
          ]}
        />
      </Form.Item>
      {kind === 'role' && (
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('form.required') }]}>
          <Select<Role>
            placeholder={t('announce.pickRole')}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
            data-testid="announce-role"
          />
        </Form.Item>
      )}
      {kind === 'office' && (
        <Form.Item
          name="officeId"
          label={t('user.postOffice')}
          extra={t('announce.officeHint')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <PostOfficeSelect />
        </Form.Item>
      )}
      {kind === 'user' && canPickUser && <UserPicker users={users} />}
    </>
  );
}

/** What this tab sent, newest first. */
function SentHistory({ describeAudience }: { describeAudience: (a: RoomName | 'all') => string }) {
  const { t } = useI18n();
  const history = useSyncExternalStore(subscribeSent, () => sent);
  return (
    <Card title={t('announce.history')}>
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('announce.historyEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={history}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <List.Item.Meta
                title={
                  <>
                    <Tag color="blue">{describeAudience(a.audience)}</Tag> {formatDateTime(a.sentAt)}
                  </>
                }
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{a.message}</span>}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** One active user, searched by name, username or role. */
function UserPicker({ users }: { users: { data?: UserView[]; loading: boolean } }) {
  const { t, roleLabel } = useI18n();
  return (
    <Form.Item name="userId" label={t('announce.kind.user')} rules={[{ required: true, message: t('form.required') }]}>
      <Select
        loading={users.loading}
        placeholder={t('announce.pickUser')}
        showSearch={{ filterOption: (input, o) => foldedIncludes(String(o?.label ?? ''), input) }}
        options={(users.data ?? [])
          .filter((u) => !u.disabled)
          .map((u) => ({ value: u.id, label: `${u.fullName} (${u.username}) · ${roleLabel(u.role)}` }))}
      />
    </Form.Item>
  );
}
