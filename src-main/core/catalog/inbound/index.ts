import type { catalogKinds } from '../../../../src-shared/domain/catalog-kinds';
import type { InboundModules } from '../../packages/kind-module';
import { catalogKind } from './catalog';
import { declarationPlansKind } from './declaration-plans';
import { examPlansKind } from './exam-plans';
import { examSubjectsKind } from './exam-subjects';

/** The catalog workflow's inbound kinds, for the registry. */
export const catalogInbound: InboundModules<keyof typeof catalogKinds> = {
  catalog: catalogKind,
  'declaration-plans': declarationPlansKind,
  'exam-subjects': examSubjectsKind,
  'exam-plans': examPlansKind,
};
