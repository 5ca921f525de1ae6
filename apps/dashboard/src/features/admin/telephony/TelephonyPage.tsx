import { useState } from 'react';
import { Tabs } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { BlockedTab } from './BlockedTab';
import { TokensTab } from './TokensTab';

/** The PBXs allowed to post call events (a token each, shown once) and the numbers whose calls are refused. */
export default function TelephonyPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('tokens');
  return (
    <>
      <PageHeader title={t('catalog.nav.telephony')} subtitle={t('catalog.tel.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'tokens', label: t('catalog.tel.tokens'), children: <TokensTab /> },
          { key: 'blocked', label: t('catalog.tel.blocked'), children: <BlockedTab /> },
        ]}
      />
    </>
  );
}
