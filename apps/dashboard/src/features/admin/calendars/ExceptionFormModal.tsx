import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CalendarExceptionKindDto, CalendarExceptionView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { invalidate } from '../../../lib/resource';
import { parsePeriods } from '../catalog/business-time';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { localDateVN } from '../catalog/dates';
import { CALENDARS_KEY } from '../catalog/labels';

interface ExceptionValues {
  date: Dayjs;
  kind: CalendarExceptionKindDto;
  name?: string;
  periods?: string;
}

/** A dated exception: a day off, or a working day (with its own hours, else the calendar's usual ones). */
export function ExceptionFormModal({
  open,
  calendarId,
  calendarName,
  onClose,
}: {
  open: boolean;
  calendarId: string | undefined;
  calendarName: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ExceptionValues>();
  const kind = Form.useWatch('kind', form);

  const submit = async (v: ExceptionValues) =>
    t('catalog.cal.added', { date: localDateVN(await addException(calendarId, v)) });

  return (
    <CatalogFormModal<ExceptionValues>
      open={open}
      title={t('catalog.cal.addExceptionTo', { name: calendarName })}
      okText={t('catalog.cal.addException')}
      form={form}
      initialValues={{ kind: 'day_off' }}
      fields={['date', 'kind', 'name', 'periods']}
      conflictField="date"
      conflictText={t('catalog.cal.dateTaken')}
      onSubmit={submit}
      onClose={onClose}
      testId="exception-form"
    >
      <Form.Item name="date" label={t('catalog.cal.date')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="kind" label={t('catalog.cal.kind')} rules={[{ required: true, message: t('form.required') }]}>
        <Radio.Group
          options={[
            { value: 'day_off', label: t('catalog.cal.dayOff') },
            { value: 'working_day', label: t('catalog.cal.workingDay') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('catalog.cal.exceptionName')}
        rules={[{ max: 150, message: t('form.length', { min: 1, max: 150 }) }]}
      >
        <Input placeholder={t('catalog.cal.namePlaceholder')} autoComplete="off" />
      </Form.Item>
      {kind === 'working_day' && <PeriodsField />}
    </CatalogFormModal>
  );
}

function PeriodsField() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="periods"
      label={t('catalog.cal.periods')}
      extra={t('catalog.cal.periodsHint')}
      rules={[
        {
          validator: async (_, v?: string) =>
            !v?.trim() || parsePeriods(v) ? undefined : Promise.reject(new Error(t('catalog.cal.periodsInvalid'))),
        },
      ]}
    >
      <Input placeholder="07:00-11:30, 13:30-17:00" autoComplete="off" />
    </Form.Item>
  );
}

/** Adds the exception; its date (YYYY-MM-DD). */
async function addException(calendarId: string | undefined, v: ExceptionValues): Promise<string> {
  const periods = v.kind === 'working_day' && v.periods?.trim() ? parsePeriods(v.periods) : null;
  const body = {
    date: v.date.format('YYYY-MM-DD'),
    kind: v.kind,
    ...(v.name?.trim() ? { name: v.name.trim() } : {}),
    ...(periods && periods.length ? { periods } : {}),
  };
  await api.post<CalendarExceptionView>(`/sla/calendars/${calendarId}/exceptions`, body);
  invalidate(`${CALENDARS_KEY}/${calendarId}`);
  return body.date;
}
