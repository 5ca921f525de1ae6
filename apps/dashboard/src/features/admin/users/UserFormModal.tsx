import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import type { UserView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { ApiError, api } from '../../../lib/api-client';
import { showFormErrors } from '../../../lib/errors';
import { generatePassword } from '../../../lib/password';
import { USER_FIELDS, UserFormFields, type UserFormValues } from './UserFormFields';

/** The form fields a 409 may be about: the server names them in its message only (see the report). */
const CONFLICT_FIELDS: Array<[RegExp, keyof UserFormValues, 'user.usernameTaken' | 'user.extensionTaken']> = [
  [/username/i, 'username', 'user.usernameTaken'],
  [/extension/i, 'extension', 'user.extensionTaken'],
];

/** The PATCH (editing) or POST body of the form. */
function saveUser(user: UserView | null, v: UserFormValues): Promise<UserView> {
  const postOfficeId = v.role === 'dispatcher' ? (v.postOfficeId ?? null) : null;
  const extension = v.extension?.trim() ? v.extension.trim() : null;
  if (user)
    return api.patch<UserView>(`/users/${user.id}`, {
      fullName: v.fullName.trim(),
      role: v.role,
      postOfficeId,
      extension,
    });
  return api.post<UserView>('/users', {
    username: v.username.trim().toLowerCase(),
    fullName: v.fullName.trim(),
    password: v.password,
    role: v.role,
    ...(postOfficeId ? { postOfficeId } : {}),
    ...(extension ? { extension } : {}),
  });
}

function useResetOnOpen(form: FormInstance<UserFormValues>, open: boolean, user: UserView | null) {
  useEffect(() => {
    if (!open) return;
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
}

function useUserForm(user: UserView | null, open: boolean, onSaved: (u: UserView) => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useResetOnOpen(form, open, user);
  useEffect(() => setError(null), [open]);
  const onFinish = async (v: UserFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await saveUser(user, v);
      void message.success(
        user ? t('user.saved', { name: saved.fullName }) : t('user.created', { username: saved.username }),
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
  return { form, saving, error, onFinish };
}

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
  const { t } = useI18n();
  const { form, saving, error, onFinish } = useUserForm(user, open, onSaved);
  const editing = user !== null;
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
      <Form<UserFormValues> form={form} layout="vertical" onFinish={onFinish} requiredMark="optional" name="user-form">
        <UserFormFields form={form} editing={editing} />
      </Form>
    </Modal>
  );
}
