import type { z } from 'zod';
import type { catalogPayload, examPlansPayload, examSubjectsPayload } from '../../../src-shared/domain/catalog';
import { PACKAGE_KINDS, type PackageKind } from '../../../src-shared/domain/package';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';

function refuse(kind: PackageKind, path: string, message: string): never {
  const file = PACKAGE_KINDS[kind].file;
  throw new AppError('BAD_FILE', `${file} 的内容不符合格式：${path}：${message}`, { file, path });
}

/**
 * What a package refers to must exist, in the store or in the same package: a subject's
 * certificate and level, a plan's organisation, certificates and subjects.
 */
export function checkReferences(store: Store, payloads: Partial<Record<PackageKind, unknown>>): void {
  const catalog = payloads.catalog as z.infer<typeof catalogPayload> | undefined;
  const certLevels = new Map<string, string[]>(
    store.all(store.q.selectFrom('certificates').select(['code', 'levels_json'])).map((c) => [c.code, JSON.parse(c.levels_json) as string[]]),
  );
  for (const c of catalog?.certificates ?? []) certLevels.set(c.code, c.levels);
  const orgs = new Set(store.all(store.q.selectFrom('organisations').select('code')).map((o) => o.code));
  for (const o of catalog?.organisations ?? []) orgs.add(o.code);
  catalog?.certificates.forEach((c, i) => {
    if (!orgs.has(c.orgCode)) refuse('catalog', `certificates[${i}].orgCode`, `培训评价组织 ${c.orgCode} 不存在`);
  });

  const subjects = new Map<string, { certificateCode: string; level: string }>(
    store.all(store.q.selectFrom('exam_subjects').select(['code', 'certificate_code', 'level'])).map((s) => [s.code, { certificateCode: s.certificate_code, level: s.level }]),
  );
  const subjectPayload = payloads['exam-subjects'] as z.infer<typeof examSubjectsPayload> | undefined;
  subjectPayload?.subjects.forEach((s, i) => {
    const levels = certLevels.get(s.certificateCode);
    if (!levels) refuse('exam-subjects', `subjects[${i}].certificateCode`, `证书 ${s.certificateCode} 不存在`);
    if (!levels.includes(s.level)) refuse('exam-subjects', `subjects[${i}].level`, `证书 ${s.certificateCode} 没有“${s.level}”等级`);
    subjects.set(s.code, { certificateCode: s.certificateCode, level: s.level });
  });

  const plans = payloads['exam-plans'] as z.infer<typeof examPlansPayload> | undefined;
  plans?.plans.forEach((plan, i) => {
    if (!orgs.has(plan.orgCode)) refuse('exam-plans', `plans[${i}].orgCode`, `考核单位 ${plan.orgCode} 不存在`);
    plan.certificates.forEach((c, j) => {
      const levels = certLevels.get(c.certificateCode);
      if (!levels) refuse('exam-plans', `plans[${i}].certificates[${j}].certificateCode`, `证书 ${c.certificateCode} 不存在`);
      if (!levels.includes(c.level)) refuse('exam-plans', `plans[${i}].certificates[${j}].level`, `证书 ${c.certificateCode} 没有“${c.level}”等级`);
      c.subjects.forEach((s, k) => {
        const subject = subjects.get(s.subjectCode);
        const path = `plans[${i}].certificates[${j}].subjects[${k}].subjectCode`;
        if (!subject) refuse('exam-plans', path, `科目 ${s.subjectCode} 不存在`);
        if (subject.certificateCode !== c.certificateCode || subject.level !== c.level)
          refuse('exam-plans', path, `科目 ${s.subjectCode} 属于证书 ${subject.certificateCode}（${subject.level}），不属于 ${c.certificateCode}（${c.level}）`);
      });
    });
  });
}
