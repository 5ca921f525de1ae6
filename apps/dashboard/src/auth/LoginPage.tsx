import { useEffect, useState } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Typography, type FormInstance } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ERROR_CODES } from '@hotline/contracts';
import { HOTLINE_DISPLAY } from '../lib/brand';
import { type Lang, useI18n } from '../i18n/i18n';
import { ApiError, authClient } from '../lib/api-client';
import { describeError, formatWait } from '../lib/errors';
import { sessionStore } from '../lib/session-store';
import { useSession } from './session';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-app paths are followed after login (no open redirect through ?next=). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginForm>();
  const { submitting, error, locked, lockMessage, onFinish } = useLogin(form);
  const [endReason] = useState(() => sessionStore.takeEndReason());

  if (session)
    return (
      <Navigate to={session.user.mustChangePassword ? '/change-password' : safeNext(params.get('next'))} replace />
    );

  const notice =
    endReason === 'expired' ? t('auth.sessionExpired') : endReason === 'disabled' ? t('error.userDisabled') : null;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg, #0b2f57 0%, #0b5cab 55%, #e9f1fb 55%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 12px 32px rgba(11,47,87,.25)' }}>
        <LoginHeader />
        {notice && !error && !locked && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {(error || lockMessage) && (
          <Alert
            type="error"
            showIcon
            title={lockMessage ?? error}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            role="alert"
          />
        )}
        <LoginFields form={form} onFinish={onFinish} locked={locked} submitting={submitting} />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/tra-cuu" data-testid="public-lookup-link">
            {t('catalog.login.lookupLink')}
          </Link>
        </div>
      </Card>
    </div>
  );
}

/** Logs in; too many attempts lock the form until the server's Retry-After has passed (counted down each second). */
function useLogin(form: FormInstance<LoginForm>) {
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (!lockedUntil) return;
    const timer = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= lockedUntil) {
        setLockedUntil(null);
        setError(null);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [lockedUntil]);

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await authClient.login(values.username.trim(), values.password);
    } catch (err) {
      if (err instanceof ApiError && err.code === ERROR_CODES.TOO_MANY_REQUESTS) {
        const wait = err.retryAfterSeconds ?? 60;
        setLockedUntil(Date.now() + wait * 1000);
        setNow(Date.now());
      } else {
        setError(describeError(t, err));
        form.setFieldValue('password', '');
      }
    } finally {
      setSubmitting(false);
    }
  };

  const locked = lockedUntil !== null && now < lockedUntil;
  const lockMessage = locked ? t('auth.lockedOut', { wait: formatWait(t, (lockedUntil - now) / 1000) }) : null;
  return { submitting, error, locked, lockMessage, onFinish };
}

/** The language switch, the hotline number and the application's name. */
function LoginHeader() {
  const { t, lang, setLang } = useI18n();
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Segmented<Lang>
          size="small"
          value={lang}
          onChange={setLang}
          options={[
            { label: 'Tiếng Việt', value: 'vi' },
            { label: 'English', value: 'en' },
          ]}
        />
      </div>
      <div style={{ textAlign: 'center', margin: '12px 0 20px' }}>
        <Typography.Title level={3} style={{ margin: 0, color: '#0b5cab' }}>
          {HOTLINE_DISPLAY}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.title')}</Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('app.subtitle')}
        </Typography.Text>
      </div>
    </>
  );
}

function LoginFields({
  form,
  onFinish,
  locked,
  submitting,
}: {
  form: FormInstance<LoginForm>;
  onFinish: (values: LoginForm) => Promise<void>;
  locked: boolean;
  submitting: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form<LoginForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={locked}>
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
        {t('auth.login')}
      </Button>
    </Form>
  );
}
