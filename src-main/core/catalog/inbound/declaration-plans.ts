import { existingMap, type EntityRecord, type InboundModule } from '../../packages/kind-module';
import { upsertDeclarationPlan } from '../catalog-store';

const yesNo = (b: boolean) => (b ? '是' : '否');

/** 申报计划: the province's declaration batches and their windows. */
export const declarationPlansKind: InboundModule<'declaration-plans'> = {
  dependsOn: [],
  records: (p): EntityRecord[] =>
    p.plans.map((d) => ({
      kind: 'declaration-plans',
      entity: '申报计划',
      key: `decl:${d.code}`,
      title: `${d.province} ${d.batch}`,
      fields: {
        省份: d.province,
        申报批次: d.batch,
        申报时间: `${d.windowStart} ~ ${d.windowEnd}`,
        按专业填报: yesNo(d.byMajor),
        需地市审批: yesNo(d.cityApproval),
        状态: d.status,
      },
      write: (s) => upsertDeclarationPlan(s, d),
    })),
  existing: (store) =>
    existingMap(
      store.all(store.q.selectFrom('declaration_plans').selectAll()),
      (d) => `decl:${d.code}`,
      (d) => ({
        省份: d.province,
        申报批次: d.batch,
        申报时间: `${d.window_start} ~ ${d.window_end}`,
        按专业填报: yesNo(d.by_major === 1),
        需地市审批: yesNo(d.city_approval === 1),
        状态: d.status,
      }),
    ),
};
