import { Cascader } from 'antd';
import { REGION_TREE, type RegionNode } from '../../src-shared/regions';

export interface RegionValue {
  province: string;
  city: string;
  district: string;
}

const FIELD_NAMES = { label: 'name', value: 'name', children: 'children' } as const;

/** Province → city → district from the GB/T 2260 data, searchable by typing a name. */
export function RegionCascader({ value, onChange, id }: { value?: RegionValue; onChange?: (v: RegionValue | undefined) => void; id?: string }) {
  const path = value ? [value.province, value.city, value.district] : undefined;
  return (
    <Cascader<RegionNode>
      id={id}
      options={REGION_TREE as RegionNode[]}
      fieldNames={FIELD_NAMES}
      value={path}
      placeholder="选择省 / 市 / 区县"
      showSearch={{ filter: (input, options) => options.some((o) => o.name.includes(input)) }}
      onChange={(v) => {
        const [province, city, district] = (v ?? []) as string[];
        onChange?.(province && city && district ? { province, city, district } : undefined);
      }}
      style={{ width: '100%' }}
    />
  );
}
