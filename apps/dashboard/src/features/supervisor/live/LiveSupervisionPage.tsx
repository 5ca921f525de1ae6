import { BarChartOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { CallbacksWaitingCard, LiveCallsCard, OperatorsCard } from './CallsCards';
import { SlaRiskCard } from './SlaRiskCard';
import { useNow } from './supervision-data';
import { UnroutableLegsCard } from './UnroutableLegsCard';

/**
 * "Giám sát trực tuyến": SLA risk, live calls, callbacks waiting, operators' status and unroutable legs, each a REST list
 * patched by socket events (a reconnect re-fetches them all). One clock drives every countdown and age on the page.
 */
export default function LiveSupervisionPage() {
  const { t } = useI18n();
  const now = useNow(1000);
  return (
    <>
      <PageHeader title={t('sup.nav.live')} subtitle={t('sup.live.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          {/* Reserved for the wallboard numbers and the report downloads (a later issue): nothing is faked here. */}
          <Card
            size="small"
            data-testid="wallboard-placeholder"
            style={{ borderStyle: 'dashed', background: '#fafafa' }}
          >
            <Typography.Text type="secondary">
              <BarChartOutlined style={{ marginRight: 8 }} />
              {t('sup.live.wallboardPlaceholder')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <SlaRiskCard now={now} />
        </Col>
        <Col xs={24} xl={10}>
          <UnroutableLegsCard now={now} />
        </Col>
        <Col xs={24} xl={12}>
          <LiveCallsCard now={now} />
        </Col>
        <Col xs={24} xl={12}>
          <OperatorsCard now={now} />
        </Col>
        <Col xs={24}>
          <CallbacksWaitingCard now={now} />
        </Col>
      </Row>
    </>
  );
}
