import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { EnrollImportPreview, EnrollImportResult, EnrollmentExportInput, enrollImportInput } from '../../../src-shared/api/enrollments';
import type { FileRef } from '../../../src-shared/api/files';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { CERT_LEVELS } from '../../../src-shared/domain/catalog';
import { choiceLabel, ENROLL_COLUMNS } from '../../../src-shared/domain/enrollment-columns';
import { ENROLL_SHEET_LABELS, type EnrollSheet } from '../../../src-shared/domain/enrollment';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../files/private-fs';
import { templateWorkbook } from '../../pipelines/xlsx/template-workbook';
import type { CallContext } from '../call-context';
import { exportsDir } from '../paths';
import { enrollPlans } from './enroll-service';
import { enrollmentExportJob } from './export-job';
import { enrollCheckJob, enrollCommitJob, type EnrollImportInput } from './import-job';

const NOTES: Record<EnrollSheet, string[]> = {
  certificate: [
    '按证书报考：每行一名考生报考一个证书等级，系统按考试计划为其报考该证书等级的全部科目。',
    '若某证书要求不同专业方向或类别的考生选报不同科目，请不要用这个模板，请用“按科目报考”模板。',
  ],
  subject: ['按科目报考：每行一名考生报考一个科目；同一考生报考多个科目时，每个科目填一行。'],
  delete: ['删除报考：每行删除一名考生在一个考试计划中的一个证书等级（填证书和证书等级）或一个科目（填考试科目）。', '已在已确认的缴费单中的报考不能删除。'],
};
const COMMON_NOTES = [
  '报考和删除报考都必须在考试计划的报名时间内完成。考生须信息完整、有照片并已通过实名认证。',
  '下拉列表来自本机导入的考试计划；“可报考的计划与科目”页列出每个计划的证书、科目、参考对象和本年度剩余指标。',
  '请不要合并单元格、不要插入公式；身份证号和各编号列已设为文本格式，请勿改成数字。',
];

/** 下载模板: the template of one sheet kind, its drop-downs filled from the plans this PC holds (those not yet past their registration first). */
export async function enrollTemplateFile(call: CallContext, sheet: EnrollSheet): Promise<FileRef> {
  const today = institutionDate(call.app.now());
  const all = enrollPlans(call.app.store, today);
  const current = all.filter((p) => p.registration.end >= today);
  const plans = current.length ? current : all;
  const certificates = [...new Map(plans.flatMap((p) => p.certificates).map((c) => [c.code, choiceLabel(c.code, c.name)])).values()];
  const subjects = [
    ...new Map(
      plans.flatMap((p) => p.certificates.flatMap((c) => c.subjects.map((s) => [s.code, `${choiceLabel(s.code, s.name)}（${c.shortName} ${c.level}）`] as const))),
    ).values(),
  ];
  const choices: Record<string, readonly string[]> = {
    plan: plans.map((p) => choiceLabel(p.code, p.name)),
    certificate: certificates,
    level: CERT_LEVELS,
    subject: subjects,
  };
  const file = await templateWorkbook({
    sheetName: ENROLL_SHEET_LABELS[sheet],
    columns: ENROLL_COLUMNS[sheet].map((c) => ({
      header: c.header,
      required: c.required,
      rule: c.rule,
      ...(c.text ? { text: true } : {}),
      ...(choices[c.field]?.length ? { choices: choices[c.field]! } : {}),
      ...(c.field === 'plan' || c.field === 'subject' || c.field === 'certificate' ? { width: 36 } : {}),
    })),
    notes: [...NOTES[sheet], ...COMMON_NOTES],
    reference: {
      name: '可报考的计划与科目',
      columns: [
        { header: '考试计划编号', width: 18 },
        { header: '考试计划', width: 32 },
        { header: '报名时间', width: 24 },
        { header: '证书', width: 32 },
        { header: '证书等级', width: 10 },
        { header: '科目编号', width: 12 },
        { header: '考试科目', width: 20 },
        { header: '考试方式', width: 10 },
        { header: '参考对象', width: 10 },
        { header: '本年度剩余指标', width: 14 },
      ],
      rows: plans.flatMap((p) =>
        p.certificates.flatMap((c) =>
          c.subjects.map((s) => [
            p.code,
            p.name,
            `${p.registration.start} ~ ${p.registration.end}`,
            c.name,
            c.level,
            s.code,
            s.name,
            s.method,
            s.target,
            c.quota ? String(c.quota.left) : '未获批',
          ]),
        ),
      ),
    },
  });
  const dir = exportsDir(call.app.dataDir);
  makePrivateDir(dir);
  const name = `${ENROLL_SHEET_LABELS[sheet]}导入模板.xlsx`;
  const path = join(dir, `${Date.now()}-${name}`);
  writeFileSync(path, file, { mode: PRIVATE_FILE_MODE });
  return call.app.files.register(path, name, call.actor);
}

function importInputOf(call: CallContext, input: z.output<typeof enrollImportInput>): EnrollImportInput {
  const file = call.app.files.resolve(input.fileId, call.actor);
  return { path: file.path, fileName: file.name, sheet: input.sheet };
}

const TITLES: Record<EnrollSheet, string> = { certificate: '按证书报考', subject: '按科目报考', delete: '删除报考' };

export function startEnrollCheck(call: CallContext, input: z.output<typeof enrollImportInput>): JobInfo<EnrollImportPreview> {
  return call.app.jobs.start(enrollCheckJob, importInputOf(call, input), { title: `检查${TITLES[input.sheet]}表格`, actor: call.actor, owner: call.sessionToken });
}

export function startEnrollCommit(call: CallContext, input: z.output<typeof enrollImportInput> & { fileHash: string }): JobInfo<EnrollImportResult> {
  return call.app.jobs.start(
    enrollCommitJob,
    { ...importInputOf(call, input), commitHash: input.fileHash },
    { title: TITLES[input.sheet], actor: call.actor, owner: call.sessionToken },
  );
}

export function startEnrollmentExport(call: CallContext, view: EnrollmentExportInput): JobInfo<{ count: number; exportFile: 'export' }> {
  return call.app.jobs.start(enrollmentExportJob, view, { title: '导出报考', actor: call.actor, owner: call.sessionToken });
}
