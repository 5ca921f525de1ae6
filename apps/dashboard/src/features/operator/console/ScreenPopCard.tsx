import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Typography } from 'antd';
import type { CallView, CallerLookupView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { formatPhone } from '../../../lib/format';
import { CallerPanel } from '../CallerPanel';

/** Who is calling: the selected call's caller, and the other calls ringing meanwhile. */
export function ScreenPopCard(props: {
  selected: CallView | undefined;
  caller: CallerLookupView | undefined;
  answeredElsewhere: boolean;
  ringing: CallView[];
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const { selected, ringing } = props;
  const title = (
    <Space>
      <PhoneOutlined />
      {t('op.pop.title')}
    </Space>
  );
  return (
    <Card title={title} data-testid="screen-pop-card">
      {ringing.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="ringing-list">
          <Typography.Text type="secondary">{t('op.pop.alsoRinging')}</Typography.Text>
          {ringing.map((c) => (
            <Button key={c.id} size="small" onClick={() => props.onSelect(c.id)} icon={<PhoneOutlined />}>
              {c.withheld ? t('op.pop.withheld') : formatPhone(c.phone)}
            </Button>
          ))}
        </Space>
      )}
      {selected ? (
        <CallerPanel call={selected} caller={props.caller} answeredElsewhere={props.answeredElsewhere} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('op.pop.empty')} data-testid="screen-pop-empty" />
      )}
    </Card>
  );
}
