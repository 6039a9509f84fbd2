import { REGION_TREE } from '../../../src-shared/regions';

export interface Province {
  code: string;
  name: string;
}

/**
 * Where an institution is. Its own package says so by name; otherwise the 学校标识码 tells:
 * it reads 41, then the GB/T 2260 province and city codes, then a serial — 4137014320 is
 * 37 山东省, 4111010001 is 11 北京市.
 */
export function provinceOf(institutionCode: string, declaredName?: string): Province | null {
  const byName = declaredName ? REGION_TREE.find((p) => p.name === declaredName) : undefined;
  if (byName) return { code: byName.code, name: byName.name };
  if (!/^4\d{9}$/.test(institutionCode)) return null;
  const node = REGION_TREE.find((p) => p.code === institutionCode.slice(2, 4));
  return node ? { code: node.code, name: node.name } : null;
}
