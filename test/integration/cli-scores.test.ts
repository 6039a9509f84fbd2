import { describe, expect, it } from 'vitest';
import type { ScorePage } from '../../src-shared/api/scores';
import { institutionDate } from '../../src-shared/domain/institution-time';
import type { ScoresListJson } from '../../src-main/cli/score-commands';
import { call } from '../helpers/app';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { addDays } from '../fixtures/exam-day-store';
import { correctionsOfDisputes, importPackage, scoresApp } from '../fixtures/score-fixtures';

// The exam day, its packages and three CLI processes: slow on a loaded 2-core machine.
describe('CLI: scores list', { timeout: 600_000 }, () => {
  it('lists a plan’s scores as a table or as JSON, one subject with --subject, with each score’s history and 有异议', async () => {
    const data = tempDir();
    // The command runs on the real clock: issued 25 days ago, the plan is in 成绩登记 today.
    const s = await scoresApp({ dataDir: data, issueDay: addDays(institutionDate(new Date()), -25) });
    await importPackage(s.app, s.principal, s.scoresZip);
    const rows = (await call<ScorePage>(s.app, 'scores.list', { planCode: s.planCode, subjectCode: '098694', limit: 500 }, s.principal)).rows.filter((r) => !r.absent);
    const [corrected, doubted] = rows as [ScorePage['rows'][0], ScorePage['rows'][0]];
    await call(s.app, 'scores.flag', { scoreId: corrected.scoreId, note: '请核对' }, s.principal);
    const reply = await correctionsOfDisputes(s.app, s.principal, s.platform, s.workDir, new Date(s.clock.now.getTime() + 60_000));
    await importPackage(s.app, s.principal, reply.path);
    await call(s.app, 'scores.flag', { scoreId: doubted.scoreId, note: '登分有误' }, s.principal);

    const json = cli(['scores', 'list', '--plan', s.planCode, '--data-dir', data, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const report = json.json<ScoresListJson>();
    expect(Object.keys(report)).toEqual(['plan', 'scores']);
    expect(report.plan).toEqual({ code: s.planCode, name: expect.stringMatching(/^物流管理/), stage: '成绩登记中' });
    expect(report.scores).toHaveLength(90);
    expect(Object.keys(report.scores[0]!)).toEqual(['name', 'idNumber', 'ticketNumber', 'subjectCode', 'subject', 'score', 'absent', 'status', 'issuedAt', 'disputed', 'history']);
    const byTicket = new Map(report.scores.map((r) => [`${r.subjectCode}/${r.ticketNumber}`, r]));
    const was = byTicket.get(`098694/${corrected.ticketNumber}`)!;
    expect(was).toMatchObject({ subject: '基础考核', status: '成绩登记中', disputed: false, history: [{ score: corrected.score, absent: false }] });
    expect(was.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(byTicket.get(`098694/${doubted.ticketNumber}`)).toMatchObject({ score: doubted.score, disputed: true, history: [] });
    expect(report.scores.filter((r) => r.absent).every((r) => r.score === null)).toBe(true);

    const one = cli(['scores', 'list', '--plan', s.planCode, '--subject', '609371', '--data-dir', data, '--json']);
    expect(one.json<ScoresListJson>().scores.map((r) => r.subjectCode)).toEqual(Array(30).fill('609371'));
    const table = cli(['scores', 'list', '--plan', s.planCode, '--subject', '098694', '--data-dir', data]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`（${s.planCode}）· 成绩登记中：30 个报考科目，已出成绩 30，缺考`);
    expect(table.stdout).toMatch(
      new RegExp(`${corrected.ticketNumber}  \\d{17}[\\dX]  ${corrected.name}  098694 基础考核  ${was.score!.toFixed(1)}  成绩登记中  原成绩 ${corrected.score!.toFixed(1)}（`),
    );

    expect(cli(['scores', 'list', '--plan', 'K000', '--data-dir', data, '--json']).json()).toEqual({
      refused: { code: 'NOT_FOUND', message: '找不到考试计划 K000。', file: null },
    });
    const subject = cli(['scores', 'list', '--plan', s.planCode, '--subject', '703908', '--data-dir', data, '--json']);
    expect(subject.code).toBe(1);
    expect(subject.stderr).toContain(`科目 703908 不是考试计划 ${s.planCode} 的科目`);
    expect(cli(['scores', 'list', '--data-dir', data]).code).toBe(2);
  });
});
