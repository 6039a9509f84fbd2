import { existingMap, refuseReference, type EntityRecord, type InboundModule } from '../../packages/kind-module';
import { certificateLevels } from '../catalog-lookups';
import { upsertExamSubject } from '../catalog-store';

/** 考试科目: each subject belongs to a certificate and one of its levels. */
export const examSubjectsKind: InboundModule<'exam-subjects'> = {
  dependsOn: ['catalog'],
  checkReferences(p, ctx) {
    const levels = certificateLevels(ctx);
    p.subjects.forEach((s, i) => {
      const certLevels = levels.get(s.certificateCode);
      if (!certLevels) refuseReference('exam-subjects', `subjects[${i}].certificateCode`, `证书 ${s.certificateCode} 不存在`);
      if (!certLevels.includes(s.level)) refuseReference('exam-subjects', `subjects[${i}].level`, `证书 ${s.certificateCode} 没有“${s.level}”等级`);
    });
  },
  records: (p): EntityRecord[] =>
    p.subjects.map((x) => ({
      kind: 'exam-subjects',
      entity: '考试科目',
      key: `subject:${x.code}`,
      title: `${x.code} ${x.name}`,
      fields: { 科目名称: x.name, 考试方式: x.method, 证书: x.certificateCode, 等级: x.level, 参考对象: x.target, 科目状态: x.status },
      write: (s) => upsertExamSubject(s, x),
    })),
  existing: (store) =>
    existingMap(
      store.all(store.q.selectFrom('exam_subjects').selectAll()),
      (x) => `subject:${x.code}`,
      (x) => ({ 科目名称: x.name, 考试方式: x.method, 证书: x.certificate_code, 等级: x.level, 参考对象: x.target, 科目状态: x.status }),
    ),
};
