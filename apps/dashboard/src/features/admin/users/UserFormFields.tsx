import { ReloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { ROLES, type Role } from '@hotline/contracts';
import { PostOfficeSelect } from '../../../components/PostOfficeSelect';
import { useI18n, useT } from '../../../i18n/i18n';
import { generatePassword, PASSWORD_PATTERN } from '../../../lib/password';

export interface UserFormValues {
  username: string;
  fullName: string;
  password?: string;
  role: Role;
  postOfficeId?: string | null;
  extension?: string;
}

/** Fields a refused save may name (the api's property names are the form's). */
export const USER_FIELDS: ReadonlyArray<keyof UserFormValues> = [
  'username',
  'fullName',
  'password',
  'role',
  'postOfficeId',
  'extension',
];

function InitialPassword({ form }: { form: FormInstance<UserFormValues> }) {
  const t = useT();
  return (
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
  );
}

function NameFields({ editing }: { editing: boolean }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

/** The role, the post office for a dispatcher, the PBX extension. */
function WorkFields({ form }: { form: FormInstance<UserFormValues> }) {
  const { t, roleLabel } = useI18n();
  const role = Form.useWatch('role', form);
  return (
    <>
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
    </>
  );
}

export function UserFormFields({ form, editing }: { form: FormInstance<UserFormValues>; editing: boolean }) {
  return (
    <>
      <NameFields editing={editing} />
      {!editing && <InitialPassword form={form} />}
      <WorkFields form={form} />
    </>
  );
}
