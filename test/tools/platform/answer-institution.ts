import type { z } from 'zod';
import type { institutionPayload } from '../../../src-shared/domain/institution-kinds';
import { catalogKinds } from './catalog-kinds';
import { issueDayOf } from './dates';
import { checkCatalogKinds } from './load-scenario';
import { provinceOf } from './province';
import type { Answerer } from './answerers';

/**
 * An institution that sends its particulars gets the platform's current catalog back: the
 * certificates, subjects and exam plans, and the declaration plans of the province it says
 * it is in (its code's province when the name is not one the platform knows).
 */
export const answerInstitution: Answerer = (payload, ctx) => {
  const institution = payload as z.infer<typeof institutionPayload>;
  const province = provinceOf(ctx.manifest.institutionCode, institution.province);
  return { ...checkCatalogKinds(catalogKinds(ctx.platform.scenario, { province, issueDay: issueDayOf(ctx.now) }), ctx.platform.scenarioFile) };
};
