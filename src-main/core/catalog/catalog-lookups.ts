import type { ReferenceContext } from '../packages/kind-module';

/**
 * What the catalog's references resolve against: the store, overlaid with what arrives in the
 * same package (a new certificate's subjects may come with it).
 */
export function certificateLevels(ctx: ReferenceContext): Map<string, string[]> {
  const { store } = ctx;
  const levels = new Map<string, string[]>(
    store.all(store.q.selectFrom('certificates').select(['code', 'levels_json'])).map((c) => [c.code, JSON.parse(c.levels_json) as string[]]),
  );
  for (const c of ctx.payloads.catalog?.certificates ?? []) levels.set(c.code, c.levels);
  return levels;
}

export function organisationCodes(ctx: ReferenceContext): Set<string> {
  const { store } = ctx;
  const orgs = new Set(store.all(store.q.selectFrom('organisations').select('code')).map((o) => o.code));
  for (const o of ctx.payloads.catalog?.organisations ?? []) orgs.add(o.code);
  return orgs;
}

export function subjectOwners(ctx: ReferenceContext): Map<string, { certificateCode: string; level: string }> {
  const { store } = ctx;
  const subjects = new Map<string, { certificateCode: string; level: string }>(
    store.all(store.q.selectFrom('exam_subjects').select(['code', 'certificate_code', 'level'])).map((s) => [s.code, { certificateCode: s.certificate_code, level: s.level }]),
  );
  for (const s of ctx.payloads['exam-subjects']?.subjects ?? []) subjects.set(s.code, { certificateCode: s.certificateCode, level: s.level });
  return subjects;
}
