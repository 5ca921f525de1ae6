import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useT } from '../i18n/i18n';
import { foldedIncludes, useCommunes } from '../lib/reference-data';

type Props = Omit<SelectProps<string | string[]>, 'options' | 'showSearch' | 'filterOption' | 'loading'>;

/** One commune (or several with mode="multiple"), searchable with or without accents, by name or code. */
export function CommuneSelect(props: Props) {
  const t = useT();
  const { data, loading } = useCommunes();
  const options = (data ?? []).map((u) => ({
    value: u.code,
    label: `${u.name} (${u.code})`,
    search: `${u.name} ${u.nameAscii} ${u.code}`,
  }));
  return (
    <Select
      placeholder={t('commune.pick')}
      {...props}
      loading={loading}
      options={options}
      showSearch={{ filterOption: (input, option) => foldedIncludes((option as { search: string }).search, input) }}
    />
  );
}
