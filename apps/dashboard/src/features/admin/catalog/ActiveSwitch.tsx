import { useState } from 'react';
import { App, Space, Switch, Tag } from 'antd';
import { useT } from '../../../i18n/i18n';
import { describeError } from '../../../lib/errors';

/** Enable/disable an entry in place; `save` resolves with the success message (the list is refreshed by the caller). */
export function ActiveSwitch({
  checked,
  save,
  label,
}: {
  checked: boolean;
  save: (next: boolean) => Promise<string>;
  label: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const toggle = async (next: boolean) => {
    setBusy(true);
    try {
      void message.success(await save(next));
    } catch (err) {
      void message.error(describeError(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={6}>
      <Switch size="small" checked={checked} loading={busy} onChange={(v) => void toggle(v)} aria-label={label} />
      {checked ? <Tag color="green">{t('catalog.active')}</Tag> : <Tag>{t('catalog.inactive')}</Tag>}
    </Space>
  );
}
