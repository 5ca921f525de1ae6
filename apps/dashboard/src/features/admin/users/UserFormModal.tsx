import { useEffect, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { ROLES, type Role, type UserView } from '@hotline/contracts';
import { PostOfficeSelect } from '../../../components/PostOfficeSelect';
import { useI18n } from '../../../i18n/i18n';
import { ApiError, api } from '../../../lib/api-client';
import { showFormErrors } from '../../../lib/errors';
import { generatePassword, PASSWORD_PATTERN } from '../../../lib/password';

interface Values {
  username: string;
  fullName: string;
  password?: string;
  role: Role;
  postOfficeId?: string | null;
  extension?: string;
}

/** The form fields a 409 may be about: the server names them in its message only (see the report). */
const CONFLICT_FIELDS: Array<[RegExp, keyof Values, 'user.usernameTaken' | 'user.extensionTaken']> = [
  [/username/i, 'username', 'user.usernameTaken'],
  [/extension/i, 'extension', 'user.extensionTaken'],
];

/** Fields a refused save may name (the api's property names are the form's). */
const USER_FIELDS: ReadonlyArray<keyof Values> = [
  'username',
  'fullName',
  'password',
  'role',
  'postOfficeId',
  'extension',
];

export function UserFormModal({
  user,
  open,
  onClose,
  onSaved,
}: {
  user: UserView | null;
  open: boolean;
  onClose: () => void;
  onSaved: (u: UserView) => void;
}) {
  const { t, roleLabel } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = user !== null;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (user)
      form.setFieldsValue({
        username: user.username,
        fullName: user.fullName,
        role: user.role,
        postOfficeId: user.postOfficeId,
        extension: user.extension ?? '',
      });
    else form.setFieldsValue({ role: 'operator', password: generatePassword() });
  }, [open, user, form]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    setError(null);
    const postOfficeId = v.role === 'dispatcher' ? (v.postOfficeId ?? null) : null;
    const extension = v.extension?.trim() ? v.extension.trim() : null;
    try {
      const saved = editing
        ? await api.patch<UserView>(`/users/${user.id}`, {
            fullName: v.fullName.trim(),
            role: v.role,
            postOfficeId,
            extension,
          })
        : await api.post<UserView>('/users', {
            username: v.username.trim().toLowerCase(),
            fullName: v.fullName.trim(),
            password: v.password,
            role: v.role,
            ...(postOfficeId ? { postOfficeId } : {}),
            ...(extension ? { extension } : {}),
          });
      void message.success(
        editing ? t('user.saved', { name: saved.fullName }) : t('user.created', { username: saved.username }),
      );
      onSaved(saved);
    } catch (err) {
      const conflict =
        err instanceof ApiError && err.status === 409
          ? CONFLICT_FIELDS.find(([re]) => re.test(err.message))
          : undefined;
      if (conflict) form.setFields([{ name: conflict[1], errors: [t(conflict[2])] }]);
      else setError(showFormErrors(t, form, err, USER_FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('user.editTitle', { username: user.username }) : t('user.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? t('common.save') : t('user.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark="optional" name="user-form">
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={editing ? undefined : t('user.usernameRule')}
          rules={[
            { required: true, message: t('form.required') },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, message: t('user.usernameRule') },
          ]}
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('user.fullName')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { min: 2, max: 120, message: t('user.fullNameRule') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        {!editing && (
          <Form.Item label={t('user.initialPassword')} extra={t('user.initialPasswordHint')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="password"
                noStyle
                rules={[
                  { required: true, message: t('form.required') },
                  { pattern: PASSWORD_PATTERN, message: t('auth.passwordRule') },
                ]}
              >
                <Input autoComplete="new-password" />
              </Form.Item>
              <Button
                icon={<ReloadOutlined />}
                onClick={() => form.setFieldValue('password', generatePassword())}
                title={t('user.generatePassword')}
              />
            </Space.Compact>
          </Form.Item>
        )}
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('form.required') }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} />
        </Form.Item>
        {role === 'dispatcher' && (
          <Form.Item
            name="postOfficeId"
            label={t('user.postOffice')}
            extra={t('user.postOfficeHint')}
            rules={[{ required: true, message: t('user.postOfficeRequired') }]}
          >
            <PostOfficeSelect activeOnly />
          </Form.Item>
        )}
        <Form.Item
          name="extension"
          label={t('user.extension')}
          extra={t('user.extensionHint')}
          rules={[{ pattern: /^\d{2,10}$/, message: t('user.extensionRule') }]}
        >
          <Input inputMode="numeric" autoComplete="off" style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
