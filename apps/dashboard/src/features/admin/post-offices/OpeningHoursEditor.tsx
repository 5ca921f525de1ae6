import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OpeningHours, Weekday } from '@hotline/contracts';
import { type MessageKey, useT } from '../../../i18n/i18n';

/** Monday first, as on Vietnamese opening-hours signs (T2 … CN). */
const DAYS: Array<[Weekday, MessageKey, MessageKey]> = [
  ['mon', 'weekday.mon', 'weekday.short.mon'],
  ['tue', 'weekday.tue', 'weekday.short.tue'],
  ['wed', 'weekday.wed', 'weekday.short.wed'],
  ['thu', 'weekday.thu', 'weekday.short.thu'],
  ['fri', 'weekday.fri', 'weekday.short.fri'],
  ['sat', 'weekday.sat', 'weekday.short.sat'],
  ['sun', 'weekday.sun', 'weekday.short.sun'],
];
const WORKDAYS: Weekday[] = ['tue', 'wed', 'thu', 'fri'];
const NEW_PERIOD: [string, string] = ['07:00', '11:30'];

const toDayjs = (hhmm: string): Dayjs => {
  const [h, m] = hhmm.split(':').map(Number);
  return dayjs().hour(h).minute(m).second(0).millisecond(0);
};

type Period = [string, string];

function PeriodPicker({
  period,
  onChange,
  onDelete,
}: {
  period: Period;
  onChange: (p: Period) => void;
  onDelete: () => void;
}) {
  const t = useT();
  return (
    <Space size={4}>
      <TimePicker.RangePicker
        format="HH:mm"
        minuteStep={5}
        allowClear={false}
        needConfirm={false}
        value={[toDayjs(period[0]), toDayjs(period[1])]}
        onChange={(range) => {
          if (range?.[0] && range[1]) onChange([range[0].format('HH:mm'), range[1].format('HH:mm')]);
        }}
      />
      <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={onDelete} />
    </Space>
  );
}

const DAY_ROW_STYLE = {
  display: 'flex',
  alignItems: 'flex-start',
  gap: 8,
  padding: '4px 0',
  borderBottom: '1px dashed #eef1f5',
} as const;

/** One weekday: its periods (none: closed), each editable and removable, and a button to add one. */
function DayRow({
  label,
  periods,
  onChange,
}: {
  label: MessageKey;
  periods: Period[];
  onChange: (p: Period[]) => void;
}) {
  const t = useT();
  const replace = (i: number, p: Period) => onChange(periods.map((x, j) => (j === i ? p : [x[0], x[1]])));
  return (
    <div style={DAY_ROW_STYLE}>
      <Typography.Text strong style={{ width: 84, paddingTop: 5, flex: 'none' }}>
        {t(label)}
      </Typography.Text>
      <Space orientation="vertical" size={4} style={{ flex: 1 }}>
        {periods.length === 0 && (
          <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
            {t('postOffice.closed')}
          </Typography.Text>
        )}
        {periods.map((p, i) => (
          <PeriodPicker
            key={i}
            period={p}
            onChange={(next) => replace(i, next)}
            onDelete={() => onChange(periods.filter((_, j) => j !== i))}
          />
        ))}
      </Space>
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 4 }}
        onClick={() => onChange([...periods, periods.length ? ['13:30', '17:00'] : NEW_PERIOD])}
      >
        {t('postOffice.addPeriod')}
      </Button>
    </div>
  );
}

/** Local-time periods per weekday (Vietnam time); a day without periods is closed. Works as a Form.Item control. */
export function OpeningHoursEditor({
  value,
  onChange,
}: {
  value?: OpeningHours;
  onChange?: (v: OpeningHours) => void;
}) {
  const t = useT();
  const hours = value ?? {};
  const setDay = (day: Weekday, periods: Period[]) => {
    const next: OpeningHours = { ...hours };
    if (periods.length) next[day] = periods;
    else delete next[day];
    onChange?.(next);
  };
  const copyMonday = () => {
    const next: OpeningHours = { ...hours };
    for (const d of WORKDAYS) {
      if (hours.mon?.length) next[d] = hours.mon.map((p) => [p[0], p[1]] as Period);
      else delete next[d];
    }
    onChange?.(next);
  };
  return (
    <div>
      {DAYS.map(([day, label]) => (
        <DayRow key={day} label={label} periods={hours[day] ?? []} onChange={(p) => setDay(day, p)} />
      ))}
      <Button type="link" size="small" onClick={copyMonday} style={{ paddingLeft: 0 }}>
        {t('postOffice.copyMonday')}
      </Button>
    </div>
  );
}

/** `T2–T6 07:00–11:30, 13:30–17:00 · T7 07:00–11:30`: consecutive days with the same periods are grouped. */
export function summarizeOpeningHours(hours: OpeningHours, t: (key: MessageKey) => string): string {
  const groups: Array<{ from: number; to: number; text: string }> = [];
  DAYS.forEach(([day], i) => {
    const periods = hours[day];
    if (!periods?.length) return;
    const text = periods.map((p) => `${p[0]}–${p[1]}`).join(', ');
    const last = groups[groups.length - 1];
    if (last && last.to === i - 1 && last.text === text) last.to = i;
    else groups.push({ from: i, to: i, text });
  });
  return groups.map((g) => `${t(DAYS[g.from][2])}${g.to > g.from ? `–${t(DAYS[g.to][2])}` : ''} ${g.text}`).join(' · ');
}
