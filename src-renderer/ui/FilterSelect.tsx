import { Select } from 'antd';

/** Drops the filters left empty, so the query key (and the server's WHERE) holds only what is set. */
export function cleanFilter<F extends object>(f: F): F {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as F;
}

/**
 * One filter of a list: its label is both the placeholder and the accessible name, clearing it
 * drops the filter; `searchable` for long choice lists (plans, majors).
 */
export function FilterSelect<V extends string | number>({
  label,
  placeholder = label,
  width,
  value,
  onChange,
  options,
  searchable,
}: {
  label: string;
  placeholder?: string;
  width: number;
  value: V | undefined;
  onChange: (v: V | undefined) => void;
  options: { value: V; label: string }[] | undefined;
  searchable?: boolean;
}) {
  return (
    <Select<V>
      allowClear
      {...(searchable ? { showSearch: { optionFilterProp: 'label' as const } } : {})}
      placeholder={placeholder}
      aria-label={label}
      style={{ width }}
      value={value}
      onChange={(v?: V) => onChange(v)}
      options={options}
    />
  );
}

/** A yes/no filter (有照片 / 无照片): undefined while not set. */
export function YesNoSelect({
  label,
  placeholder,
  yes,
  no,
  width,
  value,
  onChange,
}: {
  label: string;
  placeholder?: string;
  yes: string;
  no: string;
  width: number;
  value: boolean | undefined;
  onChange: (v: boolean | undefined) => void;
}) {
  return (
    <FilterSelect<'yes' | 'no'>
      label={label}
      placeholder={placeholder ?? label}
      width={width}
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onChange={(v) => onChange(v === undefined ? undefined : v === 'yes')}
      options={[
        { value: 'yes', label: yes },
        { value: 'no', label: no },
      ]}
    />
  );
}
