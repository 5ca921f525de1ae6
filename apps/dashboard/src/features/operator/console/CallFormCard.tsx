import type { RefObject } from 'react';
import { Card, Empty, Typography } from 'antd';
import type { CallView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { formatDateTime, formatPhone } from '../../../lib/format';
import { invalidate } from '../../../lib/resource';
import { KEYS } from '../calls-data';
import { CallForm, ShortcutHelp, type CallFormHandle } from '../CallForm';

/** The notes of the selected call (topic, notes, outcome), for the operator who has it (or a supervisor). */
export function CallFormCard(props: {
  selected: CallView | undefined;
  editable: boolean;
  formRef: RefObject<CallFormHandle | null>;
  remember: (c: CallView) => void;
  replace: (c: CallView) => void;
}) {
  const { t } = useI18n();
  const { selected } = props;
  const extra = selected && (
    <Typography.Text type="secondary">
      {t('op.form.callOf', {
        phone: selected.withheld ? t('op.pop.withheld') : formatPhone(selected.phone),
        time: formatDateTime(selected.startedAt),
      })}
    </Typography.Text>
  );
  return (
    <Card title={t('op.form.title')} style={{ marginTop: 16 }} extra={extra}>
      {selected && props.editable ? (
        <CallForm
          key={`${selected.id}`}
          ref={props.formRef}
          call={selected}
          onSaved={(c) => {
            props.remember(c);
            invalidate('calls/today');
            if (c.phone) invalidate(KEYS.lookup(c.phone));
          }}
          onConflict={() => {
            invalidate('calls/today');
            void api.get<CallView>(`/calls/${selected.id}`).then(props.replace);
          }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('op.form.none')} />
      )}
      <ShortcutHelp />
    </Card>
  );
}
