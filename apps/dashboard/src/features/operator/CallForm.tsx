import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type RefObject } from 'react';
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Select, Space, Tag, Typography, type GetRef } from 'antd';
import type { CallOutcome, CallView } from '@hotline/contracts';
import { ERROR_CODES } from '@hotline/contracts';
import { useI18n } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api-client';
import { describeError } from '../../lib/errors';
import { MANUAL_OUTCOMES, outcomeKey, useTopics } from './calls-data';

type SelectRef = GetRef<typeof Select>;
type TextAreaRef = GetRef<typeof Input.TextArea>;

interface Values {
  topicId?: string;
  notes?: string;
  outcome?: CallOutcome;
}

export interface CallFormHandle {
  save: () => void;
  focus: (field: 'topic' | 'notes' | 'outcome') => void;
}

/** PATCH /calls/:id with the version last seen; a 409 (somebody changed the call) says so and reloads it. */
function useCallSave(call: CallView, onSaved: (call: CallView) => void, onConflict: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.patch<CallView>(`/calls/${call.id}`, {
        topicId: v.topicId,
        notes: v.notes?.trim() ? v.notes.trim() : undefined,
        outcome: v.outcome,
        version: call.version,
      });
      onSaved(saved);
      void message.success(t('op.form.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code !== ERROR_CODES.VALIDATION_FAILED) {
        setError(t('op.form.conflict'));
        onConflict();
      } else setError(describeError(t, err));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, save };
}

interface FieldRefs {
  topic: RefObject<SelectRef | null>;
  notes: RefObject<TextAreaRef | null>;
  outcome: RefObject<SelectRef | null>;
}

/** The three fields; an outcome set by the PBX (missed, abandoned) or by another module is shown but not offered. */
function CallFields({ call, refs }: { call: CallView; refs: FieldRefs }) {
  const { t } = useI18n();
  const topics = useTopics();
  const outcomes: CallOutcome[] = [...MANUAL_OUTCOMES];
  if (call.outcome && !outcomes.includes(call.outcome)) outcomes.push(call.outcome);
  const required = [{ required: true, message: t('form.required') }];
  return (
    <>
      <Form.Item name="topicId" label={t('op.form.topic')} rules={required}>
        <Select
          ref={refs.topic}
          data-testid="call-topic"
          loading={topics.loading}
          placeholder={t('op.form.pickTopic')}
          options={topics.active.map((tp) => ({ value: tp.id, label: tp.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('op.form.notes')}>
        <Input.TextArea
          ref={refs.notes}
          rows={4}
          maxLength={5000}
          showCount
          placeholder={t('op.form.notesPlaceholder')}
          data-testid="call-notes"
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('op.form.outcome')} rules={required}>
        <Select
          ref={refs.outcome}
          data-testid="call-outcome"
          placeholder={t('op.form.pickOutcome')}
          options={outcomes.map((o) => ({ value: o, label: t(outcomeKey(o)), disabled: !MANUAL_OUTCOMES.includes(o) }))}
        />
      </Form.Item>
    </>
  );
}

/** Topic, notes and outcome of one call, saved with PATCH /calls/:id (optimistic locking on the version last seen). */
export const CallForm = forwardRef<
  CallFormHandle,
  { call: CallView; onSaved: (call: CallView) => void; onConflict: () => void }
>(function CallForm({ call, onSaved, onConflict }, ref) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useCallSave(call, onSaved, onConflict);
  const refs: FieldRefs = {
    topic: useRef<SelectRef>(null),
    notes: useRef<TextAreaRef>(null),
    outcome: useRef<SelectRef>(null),
  };

  useImperativeHandle(ref, () => ({
    save: () => form.submit(),
    focus: (field) => refs[field].current?.focus(),
  }));

  // A request or ticket created from this call sets its outcome on the server: show it unless the operator chose one.
  useEffect(() => {
    if (call.outcome && !form.getFieldValue('outcome')) form.setFieldValue('outcome', call.outcome);
  }, [call.outcome, form]);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="call-form"
      data-testid="call-form"
      initialValues={{
        topicId: call.topicId ?? undefined,
        notes: call.notes ?? '',
        outcome: call.outcome ?? undefined,
      }}
      onFinish={save}
      requiredMark={false}
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="call-form-error" />
      )}
      <CallFields call={call} refs={refs} />
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="call-save">
          {t('common.save')}{' '}
          <Typography.Text keyboard style={{ color: 'inherit' }}>
            Alt+S
          </Typography.Text>
        </Button>
      </Space>
    </Form>
  );
});

/** The console's keyboard shortcuts, always on screen. */
export function ShortcutHelp() {
  const { t } = useI18n();
  return (
    <div data-testid="shortcut-help" style={{ fontSize: 12, marginTop: 12 }}>
      <Typography.Text type="secondary">{t('op.shortcuts')}: </Typography.Text>
      {(
        [
          'op.shortcut.save',
          'op.shortcut.topic',
          'op.shortcut.notes',
          'op.shortcut.outcome',
          'op.shortcut.status',
        ] as const
      ).map((k) => (
        <Tag key={k} style={{ marginInlineEnd: 4 }}>
          {t(k)}
        </Tag>
      ))}
    </div>
  );
}
