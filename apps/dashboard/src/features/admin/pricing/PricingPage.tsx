import { useState } from 'react';
import { Tabs } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { PromotionsTab } from './PromotionsTab';
import { TariffsTab } from './TariffsTab';

export { SERVICE_LEVEL_LABELS } from './pricing-shared';

/** Tariffs and promotion rules (admins edit, everyone reads): the two tabs of one screen. */
export default function PricingPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('tariffs');
  return (
    <>
      <PageHeader title={t('catalog.nav.pricing')} subtitle={t('catalog.pricing.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'tariffs', label: t('catalog.tariff.tab'), children: <TariffsTab /> },
          { key: 'promotions', label: t('catalog.promo.tab'), children: <PromotionsTab /> },
        ]}
      />
    </>
  );
}
