import { useState } from 'react';
import { Tabs } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { AgenciesTab } from './AgenciesTab';
import { CategoriesTab } from './CategoriesTab';

/** Feedback categories (lĩnh vực) and the competent agencies tickets are forwarded to, with their contact email. */
export default function FeedbackListsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('categories');
  return (
    <>
      <PageHeader title={t('catalog.nav.feedbackLists')} subtitle={t('catalog.fb.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'categories', label: t('catalog.fb.categories'), children: <CategoriesTab /> },
          { key: 'agencies', label: t('catalog.fb.agencies'), children: <AgenciesTab /> },
        ]}
      />
    </>
  );
}
