import { catalogPayload, declarationPlansPayload, examPlansPayload, examSubjectsPayload } from './catalog';
import type { KindDef } from './package';

/** What the platform publishes: the catalog, the province's declaration plans, subjects and exam plans. */
export const catalogKinds = {
  catalog: { label: '证书目录', direction: 'in', file: 'payload/catalog.json', payload: catalogPayload },
  'declaration-plans': { label: '申报计划', direction: 'in', file: 'payload/declaration-plans.json', payload: declarationPlansPayload },
  'exam-subjects': { label: '考试科目', direction: 'in', file: 'payload/exam-subjects.json', payload: examSubjectsPayload },
  'exam-plans': { label: '考试计划', direction: 'in', file: 'payload/exam-plans.json', payload: examPlansPayload },
} as const satisfies Record<string, KindDef>;
