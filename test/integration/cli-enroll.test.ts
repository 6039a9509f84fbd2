import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { writeXlsx } from '../fixtures/candidate-sheets';
import { buildWorldTemplate, type WorldTemplate } from '../fixtures/enrollment-fixtures';

// The command line runs on the real clock: the world is built around today.
let template: WorldTemplate;
beforeAll(async () => {
  template = await buildWorldTemplate({ now: new Date() });
}, 300_000);
afterAll(() => template.remove());

interface SheetJson {
  counts: { accepted: number; refused: number; enrollments: number };
  errors: { row: number; column: string; code: string; message: string }[];
  warnings: unknown[];
}

// Each command is a process that opens the store and runs its jobs in a worker: slow on a loaded 2-core machine.
describe('CLI: enroll import, delete and list', { timeout: 300_000 }, () => {
  it('checks by default, writes with --commit (exit 1 when rows were refused), lists a plan, deletes, and refuses bad usage', async () => {
    const data = template.dir;
    const { school } = template.world;
    const sheet = join(tempDir(), '按科目报考.xlsx');
    await writeXlsx(sheet, [
      ['姓名', '身份证号', '考试计划', '考试科目'],
      [school[0]!.name, school[0]!.idNumber, 'OPEN', '512801'],
      [school[1]!.name, school[1]!.idNumber, 'OPEN', '512801'],
      [school[2]!.name, school[2]!.idNumber, 'OVER', '098694'],
    ]);
    const dry = cli(['enroll', 'import', sheet, '--mode', 'subject', '--data-dir', data, '--json']);
    expect(dry.code).toBe(0);
    const report = dry.json<SheetJson>();
    expect(Object.keys(report)).toEqual(['counts', 'errors', 'warnings']);
    expect(report.counts).toEqual({ accepted: 2, refused: 1, enrollments: 2 });
    expect(report.errors).toEqual([{ row: 4, column: '考试计划', code: 'WINDOW_CLOSED', message: expect.stringContaining('的报名已经结束') }]);
    expect(dry.stderr).toContain('检查完毕（未写入）');
    expect(cli(['enroll', 'list', '--plan', 'OPEN', '--data-dir', data, '--json']).json<{ enrollments: unknown[] }>().enrollments).toEqual([]);

    const real = cli(['enroll', 'import', sheet, '--mode', 'subject', '--commit', '--data-dir', data, '--json']);
    expect(real.code).toBe(1);
    expect(real.json<SheetJson>().counts).toEqual({ accepted: 2, refused: 1, enrollments: 2 });
    const list = cli(['enroll', 'list', '--plan', 'OPEN', '--data-dir', data, '--json']);
    expect(list.code).toBe(0);
    const listed = list.json<{ plan: { code: string; name: string }; enrollments: Record<string, unknown>[] }>();
    expect(listed.plan).toEqual({ code: 'OPEN', name: '物流与Python本月考核' });
    expect(listed.enrollments).toEqual(
      [school[0]!, school[1]!]
        .sort((a, b) => a.idNumber.localeCompare(b.idNumber))
        .map((p) => ({
          name: p.name,
          idNumber: p.idNumber,
          certificate: 'Python程序开发职业技能等级证书',
          certificateCode: 'CERT-PY',
          level: '初级',
          subject: '理论知识',
          subjectCode: '512801',
          mode: 'subject',
          paid: false,
          sent: false,
        })),
    );

    const byCertificate = join(tempDir(), '按证书报考.xlsx');
    await writeXlsx(byCertificate, [
      ['身份证号', '考试计划', '证书', '证书等级'],
      [school[3]!.idNumber, 'OPEN', 'CERT-WL', '初级'],
    ]);
    const cert = cli(['enroll', 'import', byCertificate, '--mode', 'certificate', '--commit', '--data-dir', data, '--json']);
    expect(cert.code).toBe(0);
    expect(cert.json<SheetJson>()).toEqual({ counts: { accepted: 1, refused: 0, enrollments: 2 }, errors: [], warnings: [] });

    const removal = join(tempDir(), '删除报考.xlsx');
    await writeXlsx(removal, [
      ['身份证号', '考试计划', '考试科目'],
      [school[0]!.idNumber, 'OPEN', '512801'],
    ]);
    const deleted = cli(['enroll', 'delete', removal, '--commit', '--data-dir', data, '--json']);
    expect(deleted.code).toBe(0);
    expect(deleted.json<SheetJson>().counts).toEqual({ accepted: 1, refused: 0, enrollments: 1 });
    expect(cli(['enroll', 'list', '--plan', 'OPEN', '--data-dir', data, '--json']).json<{ enrollments: unknown[] }>().enrollments).toHaveLength(3);

    expect(cli(['enroll', 'import', sheet, '--data-dir', data]).code).toBe(2);
    expect(cli(['enroll', 'import', sheet, '--mode', 'everything', '--data-dir', data]).code).toBe(2);
    expect(cli(['enroll', 'list', '--data-dir', data]).code).toBe(2);
    const unknown = cli(['enroll', 'list', '--plan', 'NOPE', '--data-dir', data, '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toEqual({ refused: { code: 'NOT_FOUND', message: '没有编号为 NOPE 的考试计划。', file: null } });
  });
});
