import { join } from 'node:path';
import type { EnrollmentExportInput } from '../../../src-shared/api/enrollments';
import { CANDIDATE_KIND_LABELS } from '../../../src-shared/domain/candidate';
import { ENROLL_MODE_LABELS } from '../../../src-shared/domain/enrollment';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import { defineJob } from '../../jobs/define-job';
import { writeRowsWorkbook } from '../../pipelines/xlsx/rows-workbook';
import { exportsDir } from '../paths';
import { allEnrollments, countEnrollments } from './enrollment-list';

/** 导出当前视图: the enrollments of the list as filtered, in its order, one subject a row. */
export const enrollmentExportJob = defineJob<EnrollmentExportInput & { outFile?: string | undefined }, { count: number; exportFile: 'export' }>(
  'enrollment-export',
  async (ctx, input) => {
    const { outFile, ...view } = input;
    const store = ctx.store();
    const total = countEnrollments(store, view);
    const path = outFile ?? join(exportsDir(ctx.dataDir), `${Date.now()}-报考信息-${total}条.xlsx`);
    ctx.progress('写入表格', 0, total);
    let count = 0;
    const rows = function* () {
      for (const r of allEnrollments(store, view)) {
        if (++count % 1000 === 0) ctx.progress('写入表格', count, total);
        yield [
          r.planCode,
          r.planName,
          r.name,
          r.idNumber,
          CANDIDATE_KIND_LABELS[r.kind],
          r.major ?? '',
          r.entryYear ?? '',
          r.certificateName,
          r.level,
          r.subjectCode,
          r.subjectName,
          r.method,
          ENROLL_MODE_LABELS[r.mode],
          r.paid ? '已缴费' : '未缴费',
          r.sentAt ? '已报送' : '未报送',
          institutionDateTime(new Date(r.createdAt)),
        ];
      }
    };
    await writeRowsWorkbook(path, [
      {
        name: '报考信息',
        columns: [
          { header: '考试计划编号', width: 18, text: true },
          { header: '考试计划', width: 30 },
          { header: '姓名', width: 10 },
          { header: '身份证号', width: 22, text: true },
          { header: '考生类别', width: 10 },
          { header: '就读专业', width: 18 },
          { header: '入学年份', width: 10 },
          { header: '证书', width: 30 },
          { header: '证书等级', width: 10 },
          { header: '科目编号', width: 12, text: true },
          { header: '考试科目', width: 18 },
          { header: '考试方式', width: 10 },
          { header: '报考方式', width: 10 },
          { header: '缴费状态', width: 10 },
          { header: '报送状态', width: 10 },
          { header: '报考时间', width: 20 },
        ],
        rows: rows(),
      },
    ]);
    ctx.progress('写入表格', total, total);
    ctx.outputFile('export', path);
    return { count, exportFile: 'export' as const };
  },
);
