import { totalsOf, type AttendanceStatus, type AttendanceTotals } from '../../src-shared/domain/attendance';
import { CLI_ACTOR } from '../../src-shared/actor';
import { AppError } from '../../src-shared/errors';
import { exportJob } from '../core/packages/export-job';
import { outFileOf, requireString, withApp, type CliCommand } from './cli-kit';

export interface AttendanceExportOutput {
  file: string;
  plan: string;
  sequence: number;
  /** Seats in the package, and what they recorded (pending: 未签到). */
  seats: number;
  totals: AttendanceTotals;
  fileHash: string;
  size: number;
}

export const attendanceExportCommand: CliCommand = {
  name: 'attendance export',
  usage: 'attendance export --plan 考试计划 --out 文件.zip [--data-dir 目录] [--json]（考勤数据包：该计划平台排考的每个座位及其考勤）',
  options: { plan: { type: 'string' }, out: { type: 'string' } },
  async run({ values, io }) {
    const planCode = requireString(values, 'plan');
    const outFile = outFileOf(values);
    return withApp(values, async (app): Promise<AttendanceExportOutput> => {
      if (!app.store.prepare('SELECT 1 FROM exam_plans WHERE code = ?').get(planCode)) throw new AppError('NOT_FOUND', `找不到考试计划 ${planCode.slice(0, 40)}。`);
      const result = await app.jobs.run(exportJob, { kinds: ['attendance'], outFile, options: { planCode } }, { title: '生成考勤数据包', actor: CLI_ACTOR, owner: null });
      const statuses = app.store
        .prepare(
          `SELECT coalesce(a.status, 'pending') FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id
             LEFT JOIN attendance a ON a.seat_id = t.id WHERE s.plan_code = ?`,
        )
        .pluck()
        .all(planCode) as AttendanceStatus[];
      const totals = totalsOf(statuses);
      io.say(
        `已生成 ${result.path}（序号 ${result.sequence}）：${totals.expected} 个座位，已到 ${totals.present}，缺考 ${totals.absent}，违纪 ${totals.irregular}，未签到 ${totals.pending}。`,
      );
      return {
        file: result.path,
        plan: planCode,
        sequence: result.sequence,
        seats: result.counts.attendance ?? statuses.length,
        totals,
        fileHash: result.fileHash,
        size: result.size,
      };
    });
  },
  render: (r: AttendanceExportOutput) => r.file,
};
