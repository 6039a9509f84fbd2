import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src-shared/api/packages';
import { call, callJob, LOGIN } from '../helpers/app';
import { simulator } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { examDayApp } from '../fixtures/attendance-fixtures';
import { addDays } from '../fixtures/exam-day-store';
import { recordAttendance } from '../fixtures/score-store';
import { importFile } from '../fixtures/site-fixtures';
import { scoresFor } from '../tools/platform/answer-attendance';
import { readOutbound } from '../tools/platform/answer-package';

// A store template, an export job and three simulator processes: slow on a loaded 2-core machine.
describe('the simulator’s scores command', { timeout: 240_000 }, () => {
  it('issues 科目成绩 of an institution’s 考勤 on demand, one subject or all, and refuses a package without attendance naming the file', async () => {
    const s = await examDayApp({ candidates: 12 });
    s.clock.now = new Date(`${addDays(s.examDays[1], 1)}T09:00:00+08:00`);
    const session = (await call<{ sessionToken: string }>(s.app, 'auth.login', LOGIN)).sessionToken;
    await recordAttendance(s.app, session, s.planCode);
    const sent = await callJob<ExportResult>(s.app, 'packages.export', { kinds: ['attendance'] }, session);
    const attendance = (await readOutbound(sent.path, 'out.zip')).payloads.attendance;
    const now = new Date(`${addDays(s.examDays[1], 16)}T10:00:00+08:00`);
    const expected = scoresFor(attendance as Parameters<typeof scoresFor>[0], s.platform.scenario, now).scores;
    expect(expected.length).toBeGreaterThan(1);
    const [first] = expected;

    const dir = tempDir();
    const one = join(dir, '科目成绩-一科.zip');
    const r = simulator(['scores', sent.path, '--out', one, '--subject', first!.subjectCode, '--keys', s.platform.keys.dir, '--now', now.toISOString()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^已生成科目成绩数据包 .*数据 scores/);
    const absent = first!.entries.filter((e) => e.absent).length;
    expect(r.stderr).toContain(`考试计划 ${s.planCode} 科目 ${first!.subjectCode}：${first!.entries.length} 条成绩，缺考 ${absent} 条。`);
    s.clock.now = now;
    const admin = (await call<{ sessionToken: string }>(s.app, 'auth.login', LOGIN)).sessionToken;
    expect((await importFile(s.app, admin, one)).counts.scores).toEqual({ new: first!.entries.length, changed: 0, unchanged: 0 });

    // All subjects: the one already in is unchanged, the rest new.
    const all = join(dir, '科目成绩-全部.zip');
    expect(simulator(['scores', sent.path, '--out', all, '--keys', s.platform.keys.dir, '--now', now.toISOString()]).code).toBe(0);
    const rest = expected.slice(1).reduce((n, b) => n + b.entries.length, 0);
    expect((await importFile(s.app, admin, all)).counts.scores).toEqual({ new: rest, changed: 0, unchanged: first!.entries.length });

    const unknown = simulator(['scores', sent.path, '--out', join(dir, 'x.zip'), '--subject', '999999', '--keys', s.platform.keys.dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('的考勤中没有科目 999999');
    // Its own answer is the platform's package, not an institution's: said plainly.
    const wrongWay = simulator(['scores', all, '--out', join(dir, 'y.zip'), '--keys', s.platform.keys.dir]);
    expect(wrongWay.code).toBe(1);
    expect(wrongWay.stderr).toContain('是平台发给院校的数据包');
    const profile = await callJob<ExportResult>(s.app, 'packages.export', { kinds: ['institution'] }, admin);
    const noAttendance = simulator(['scores', profile.path, '--out', join(dir, 'z.zip'), '--keys', s.platform.keys.dir]);
    expect(noAttendance.code).toBe(1);
    expect(noAttendance.stderr).toContain('中没有考勤数据');
  });
});
