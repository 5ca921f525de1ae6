import { useState } from 'react';
import { Alert, Button, Form, Input, Space, type FormInstance } from 'antd';
import type { UserView } from '@hotline/contracts';
import { useT } from '../i18n/i18n';
import { api } from '../lib/api-client';
import { describeError, errorField } from '../lib/errors';
import { PASSWORD_PATTERN } from '../lib/password';
import { sessionStore } from '../lib/session-store';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change my own password. The server ends my other sessions; this one goes on. */
export function ChangePasswordForm({
  onDone,
  onCancel,
  cancelLabel,
}: {
  onDone: () => void;
  onCancel?: () => void;
  cancelLabel?: string;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submitting, error, onFinish } = useChangePassword(form, onDone);

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <PasswordFields />
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        {onCancel && <Button onClick={onCancel}>{cancelLabel ?? t('common.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('auth.changePassword')}
        </Button>
      </Space>
    </Form>
  );
}

/** Current password, new password (the house rule) and its confirmation. */
function PasswordFields() {
  const t = useT();
  return (
    <>
      <Form.Item
        name="currentPassword"
        label={t('auth.currentPassword')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        extra={t('auth.passwordRule')}
        rules={[
          { required: true, message: t('form.required') },
          { pattern: PASSWORD_PATTERN, message: t('auth.passwordRule') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** Changes the password, re-reads me (the flag to change it is gone) and says what the server refused under its field. */
function useChangePassword(form: FormInstance<Values>, onDone: () => void) {
  const t = useT();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await api.post('/auth/change-password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      const me = await api.get<UserView>('/auth/me');
      sessionStore.setUser(me);
      form.resetFields();
      onDone();
    } catch (err) {
      if (errorField(err) === 'currentPassword')
        form.setFields([{ name: 'currentPassword', errors: [t('auth.currentPasswordWrong')] }]);
      else if (errorField(err) === 'newPassword')
        form.setFields([{ name: 'newPassword', errors: [t('auth.newPasswordSame')] }]);
      else setError(describeError(t, err));
    } finally {
      setSubmitting(false);
    }
  };
  return { submitting, error, onFinish };
}
