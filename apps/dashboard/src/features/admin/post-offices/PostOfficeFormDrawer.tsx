import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import type { PostOfficeView } from '@hotline/contracts';
import { useT } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { showFormErrors } from '../../../lib/errors';
import { formValuesOf, OFFICE_FIELDS, officeBody, type PostOfficeFormValues } from './post-office-form';
import { PostOfficeFormFields } from './PostOfficeFormFields';

function usePostOfficeForm(office: PostOfficeView | null, open: boolean, onSaved: (o: PostOfficeView) => void) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostOfficeFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(formValuesOf(office));
  }, [open, office, form]);

  const onFinish = async (v: PostOfficeFormValues) => {
    setSaving(true);
    setError(null);
    const body = officeBody(v);
    try {
      const saved = office
        ? await api.patch<PostOfficeView>(`/post-offices/${office.id}`, body)
        : await api.post<PostOfficeView>('/post-offices', { code: v.code.trim(), ...body });
      void message.success(t('postOffice.saved', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      setError(showFormErrors(t, form, err, OFFICE_FIELDS));
    } finally {
      setSaving(false);
    }
  };
  return { form, saving, error, onFinish };
}

export function PostOfficeFormDrawer({
  office,
  open,
  onClose,
  onSaved,
}: {
  office: PostOfficeView | null;
  open: boolean;
  onClose: () => void;
  onSaved: (o: PostOfficeView) => void;
}) {
  const t = useT();
  const { form, saving, error, onFinish } = usePostOfficeForm(office, open, onSaved);
  const editing = office !== null;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={editing ? t('postOffice.editTitle', { code: office.code }) : t('postOffice.createTitle')}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {office?.isDemo && <Alert type="info" showIcon title={t('postOffice.demoNotice')} style={{ marginBottom: 16 }} />}
      <Form<PostOfficeFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark="optional"
        name="post-office-form"
      >
        <PostOfficeFormFields form={form} editing={editing} />
      </Form>
    </Drawer>
  );
}
