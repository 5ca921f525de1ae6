import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useT } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api-client';
import { describeError, validationFields } from '../../../lib/errors';
import { fieldErrors } from './server-errors';

export interface CatalogFormModalProps<V extends object> {
  open: boolean;
  title: ReactNode;
  okText: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  /** Form fields the api's messages may name. */
  fields: readonly string[];
  /** Where a 409 (duplicate) is shown. */
  conflictField?: string;
  /** What a 409 on that field means, in the UI language (the api's conflict messages are English). */
  conflictText?: string;
  /** An api property shown by another form field (startsOn → window). */
  aliases?: Record<string, string>;
  /** Resolves with the success message. */
  onSubmit: (values: V) => Promise<string>;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  width?: number;
}

/**
 * One modal form for every catalogue entry (tariff, promotion, policy, topic...): fills the form when it opens, saves
 * through `onSubmit`, and when the api refuses puts each rule, in the UI language, under the field it is about (the rest
 * in a banner).
 * Nothing is closed or reset on a refusal, so the admin corrects and saves again.
 */
export function CatalogFormModal<V extends object>(props: CatalogFormModalProps<V>) {
  const { open, title, okText, form, onClose, children, testId, width } = props;
  const t = useT();
  const { saving, error, setError, finish } = useCatalogSubmit(props);

  // initialValues is built by the caller on each render: the dialog is filled once per opening, with the values then.
  const fill = useEffectEvent(() => {
    setError(null);
    form.resetFields();
    form.setFieldsValue(props.initialValues as never);
  });
  useEffect(() => {
    if (open) fill();
  }, [open, form]);

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      width={width}
      forceRender
      destroyOnHidden={false}
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />
      )}
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={finish}
        requiredMark="optional"
        name={testId}
        data-testid={testId}
      >
        {children}
      </Form>
    </Modal>
  );
}

/** Saves through `onSubmit`; a refusal puts each rule under its field (a 409 says `conflictText`) and the rest in `error`. */
function useCatalogSubmit<V extends object>(props: CatalogFormModalProps<V>) {
  const { form, fields, conflictField, conflictText, aliases, onSubmit, onClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const finish = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      void message.success(await onSubmit(values));
      onClose();
    } catch (err) {
      const { byField, other } = fieldErrors(err, fields, { conflictField, aliases, t });
      const conflict = err instanceof ApiError && err.status === 409;
      // Rules the api named (details.fields) arrive translated; a bare server message says it is the server's.
      const said = (e: string) => (validationFields(err).length ? e : t('catalog.serverRefused', { message: e }));
      if (byField.size)
        form.setFields(
          [...byField].map(([name, errors]) => ({
            name: name as never,
            errors: conflict && conflictText ? [conflictText] : errors.map(said),
          })),
        );
      if (other.length || !byField.size)
        setError(other.length ? t('error.validation', { message: other.join('; ') }) : describeError(t, err));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, finish };
}
