import { Alert, Card, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import { logout, useSession } from './session';

/** Shown instead of everything else while the account still has the temporary password an admin gave it. */
export function ForcedPasswordChangePage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  if (session && !session.user.mustChangePassword) return <Navigate to="/" replace />;
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3f5f8', padding: 16 }}>
      <Card style={{ width: 460, maxWidth: '100%' }}>
        <Typography.Title level={4}>{t('auth.forcedTitle')}</Typography.Title>
        <Alert
          type="warning"
          showIcon
          title={t('auth.forcedText', { name: session?.user.fullName ?? '' })}
          style={{ marginBottom: 16 }}
        />
        <ChangePasswordForm
          onDone={() => navigate('/', { replace: true })}
          onCancel={() => void logout().then(() => navigate('/login', { replace: true }))}
          cancelLabel={t('auth.logout')}
        />
      </Card>
    </div>
  );
}
