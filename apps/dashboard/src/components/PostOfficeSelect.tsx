import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useT } from '../i18n/i18n';
import { foldedIncludes, useAllPostOffices } from '../lib/reference-data';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption' | 'loading'> & {
  activeOnly?: boolean;
};

/** A post office by name or code (accents optional). */
export function PostOfficeSelect({ activeOnly, ...props }: Props) {
  const t = useT();
  const { data, loading } = useAllPostOffices();
  const options = (data ?? [])
    .filter((o) => !activeOnly || o.active || o.id === props.value)
    .map((o) => ({ value: o.id, label: `${o.name} (${o.code})`, search: `${o.name} ${o.code} ${o.address}` }));
  return (
    <Select
      placeholder={t('postOffice.pick')}
      {...props}
      loading={loading}
      options={options}
      showSearch={{ filterOption: (input, option) => foldedIncludes((option as { search: string }).search, input) }}
    />
  );
}
