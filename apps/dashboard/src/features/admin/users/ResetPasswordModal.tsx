import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import type { UserView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { generatePassword, PASSWORD_PATTERN } from '../../../lib/password';
import { invalidate } from '../../../lib/resource';

function useResetPassword(user: UserView | null) {
  const t = useI18n().t;
  const [password, setPassword] = useState('');
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
  const restart = () => {
    setPassword(generatePassword());
    setDone(false);
    setError(null);
  };
  return { password, setPassword, saving, done, error, submit, restart, valid: PASSWORD_PATTERN.test(password) };
}

function TemporaryPassword({ password }: { password: string }) {
  const t = useI18n().t;
  const { message } = App.useApp();
  return (
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
  );
}

function PasswordInput({ reset }: { reset: ReturnType<typeof useResetPassword> }) {
  const t = useI18n().t;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>{t('user.resetText')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={reset.password}
          onChange={(e) => reset.setPassword(e.target.value)}
          status={reset.valid ? undefined : 'error'}
        />
        <Button onClick={() => reset.setPassword(generatePassword())}>{t('user.generatePassword')}</Button>
      </Space.Compact>
      {!reset.valid && <Typography.Text type="danger">{t('auth.passwordRule')}</Typography.Text>}
    </Space>
  );
}

/** An admin sets a temporary password (generated, editable) and reads it back once to hand it over. */
export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const t = useI18n().t;
  const reset = useResetPassword(user);
  const footer = reset.done
    ? [
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          loading={reset.saving}
          disabled={!reset.valid}
          onClick={() => void reset.submit()}
        >
          {t('user.resetPassword')}
        </Button>,
      ];
  return (
    <Modal
      open={user !== null}
      title={user ? t('user.resetTitle', { name: user.fullName }) : ''}
      onCancel={onClose}
      afterOpenChange={(open) => open && reset.restart()}
      footer={footer}
    >
      {reset.error && <Alert type="error" showIcon title={reset.error} style={{ marginBottom: 12 }} />}
      {reset.done ? <TemporaryPassword password={reset.password} /> : <PasswordInput reset={reset} />}
    </Modal>
  );
}
