import { describe, expect, it } from 'vitest';
import type { EntityChange } from '../../src-shared/api/packages';
import { displayValue, fieldValue, organisationNames } from '../../src-renderer/workflows/sync/package-labels';

const plan: EntityChange = {
  kind: 'exam-plans',
  entity: '考试计划',
  key: 'plan:K1',
  title: 'K1 物流管理第2次考核',
  status: 'changed',
  changes: [{ field: '考核单位', old: 'PJ001', new: 'PJ002' }],
};
const newOrg: EntityChange = {
  kind: 'catalog',
  entity: '培训评价组织',
  key: 'org:PJ002',
  title: '北京中物联物流采购培训中心',
  status: 'new',
  changes: [{ field: '名称', old: null, new: '北京中物联物流采购培训中心' }],
};

describe('the package preview names organisations', () => {
  it('by the name the package brings, else the store’s, else the code', () => {
    const names = organisationNames([plan, newOrg], [{ orgCode: 'PJ001', orgName: '北京中德物流采购培训中心' }], [{ orgCode: 'PJ003', orgName: 'PJ003' }]);
    expect(displayValue(fieldValue('考核单位', 'PJ001', names))).toBe('北京中德物流采购培训中心');
    expect(displayValue(fieldValue('考核单位', 'PJ002', names))).toBe('北京中物联物流采购培训中心');
    expect(displayValue(fieldValue('培训评价组织', 'PJ002', names))).toBe('北京中物联物流采购培训中心');
    // The store knows PJ003 only by its code: the code it stays.
    expect(displayValue(fieldValue('考核单位', 'PJ003', names))).toBe('PJ003');
  });

  it('lets a renamed organisation in the package win over the store’s old name', () => {
    const renamed = { ...newOrg, status: 'changed' as const, changes: [{ field: '名称', old: '旧名称', new: '新名称' }] };
    expect(organisationNames([renamed], [{ orgCode: 'PJ002', orgName: '旧名称' }]).get('PJ002')).toBe('新名称');
  });

  it('leaves other fields alone, even when they hold an organisation’s code', () => {
    const names = organisationNames([newOrg]);
    expect(fieldValue('计划名称', 'PJ002', names)).toBe('PJ002');
  });
});
