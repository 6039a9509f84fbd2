import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScorePage, ScorePlanRow } from '../../src-shared/api/scores';
import type { YearBoard } from '../../src-shared/api/yearboard';
import { maskIdNumber } from '../../src-shared/domain/id-number';
import type { ScoresPayload } from '../../src-shared/domain/score-kinds';
import { call, callJobError } from '../helpers/app';
import { addCandidates } from '../fixtures/candidates';
import { importPackage, scoresApp } from '../fixtures/score-fixtures';
import { INSTITUTION_CODE } from '../fixtures/exam-day-store';
import { passMarksOf, scoreFor } from '../tools/platform/answer-attendance';
import { issuePackage } from '../tools/platform/issue-package';

type Setup = Awaited<ReturnType<typeof scoresApp>>;

/** A 科目成绩 package of `payload` from the simulator, issued now. */
async function issued(s: Setup, payload: ScoresPayload, name: string): Promise<string> {
  const out = join(s.workDir, name);
  await issuePackage(s.platform, { scores: payload }, { institutionCode: INSTITUTION_CODE, out, now: s.clock.now });
  return out;
}

const copy = (p: ScoresPayload): ScoresPayload => structuredClone(p);
const list = (s: Setup, input: Record<string, unknown> = {}) => call<ScorePage>(s.app, 'scores.list', { planCode: s.planCode, limit: 500, ...input }, s.principal);
const stored = (s: Setup) => s.app.store.db.prepare('SELECT enrollment_id, score, absent, issued_at FROM scores ORDER BY enrollment_id').all();
const revisions = (s: Setup) => s.app.store.db.prepare('SELECT score_id, score, absent, issued_at FROM score_revisions ORDER BY id').all();

/** A snapshot of what an import may touch: a refusal must leave all of it as it was. */
const snapshot = (s: Setup) =>
  JSON.stringify([
    stored(s),
    revisions(s),
    s.app.store.db.prepare('SELECT count(*) FROM package_history').pluck().get(),
    s.app.store.db.prepare('SELECT * FROM score_locks').all(),
  ]);

async function refusal(s: Setup, path: string): Promise<string> {
  const fileId = s.app.files.register(path, 'in.zip', { name: 'principal', id: 1, role: 'principal' }).fileId;
  return (await callJobError(s.app, 'packages.inspect', { fileId }, s.principal)).message;
}

// The site round trip, the schedule and attendance packages and their answers run jobs in worker threads: slow on a loaded 2-core machine.
describe('科目成绩: the scores package', { timeout: 600_000 }, () => {
  it('matches each entry to its enrollment, shows 缺考 and the plan’s stage, changes nothing the second time, and keeps a replaced value as history', async () => {
    const s = await scoresApp();
    const entries = s.scores.scores.flatMap((b) => b.entries);
    expect(s.scores.scores.map((b) => b.subjectCode)).toEqual(['098694', '609371', '794690']);
    expect(entries).toHaveLength(90);
    // The simulator marks from the ticket number: every side of the pass mark, and the 缺考 recorded on the day.
    expect(entries.filter((e) => e.absent)).toHaveLength(12);
    expect(entries.some((e) => e.score === 60) && entries.some((e) => e.score === 59.9)).toBe(true);
    expect(entries.find((e) => !e.absent)!.score).toBe(scoreFor(entries.find((e) => !e.absent)!.ticketNumber!, passMarksOf(s.platform.scenario)('098694')));

    const { preview, result } = await importPackage(s.app, s.principal, s.scoresZip);
    expect(preview.counts.scores).toEqual({ new: 90, changed: 0, unchanged: 0 });
    expect(preview.changes.find((c) => c.entity === '科目成绩')).toMatchObject({ entity: '科目成绩', status: 'new', changes: [{ field: '成绩' }, { field: '发布时间' }] });
    // The organisation answers 考勤 with its 考证结果 of these scores (and the 证书发放名单 of its passes) in the same package.
    expect(Object.keys(preview.counts)).toEqual(expect.arrayContaining(['scores', 'results']));
    const added = Object.values(preview.counts).reduce((n, c) => n + c.new, 0);
    expect(result).toMatchObject({ applied: true, message: `数据包已导入：新增 ${added} 项，更新 0 项。` });

    const page = await list(s);
    expect(page.total).toBe(90);
    const block = s.scores.scores[0]!;
    const first = block.entries[0]!;
    const row = page.rows.find((r) => r.subjectCode === block.subjectCode && r.ticketNumber === first.ticketNumber)!;
    expect(row).toMatchObject({
      name: first.name,
      idNumber: maskIdNumber(first.idNumber),
      score: first.score,
      absent: first.absent,
      status: '成绩登记中',
      dispute: null,
      history: [],
    });
    const absent = page.rows.find((r) => r.absent)!;
    expect(absent).toMatchObject({ score: null, scoreId: expect.any(Number) });
    const board = await call<YearBoard>(s.app, 'yearboard.get', {}, s.principal);
    expect(board.steps.find((x) => x.key === 'scores')).toMatchObject({
      state: 'active',
      summary: '已出成绩 90 / 90 个报考科目',
      hint: expect.stringMatching(new RegExp(`”成绩登记中，${s.days.publicity} 起公示，${s.days.publicityEnd} 后永久锁定$`)),
      link: '/scores',
    });
    const plans = await call<ScorePlanRow[]>(s.app, 'scores.plans', {}, s.principal);
    expect(plans.find((p) => p.code === s.planCode)).toMatchObject({ stage: 'entry', stageLabel: '成绩登记中', enrolled: 90, scored: 90, absent: 12, lockedAt: null });

    // Filters: a subject, a candidate by name or by part of the ticket number.
    expect((await list(s, { subjectCode: '609371' })).total).toBe(30);
    expect((await list(s, { search: first.name })).rows.every((r) => r.name.includes(first.name))).toBe(true);
    expect((await list(s, { search: first.ticketNumber!.slice(-6) })).rows.map((r) => r.ticketNumber)).toContain(first.ticketNumber);
    expect((await list(s, { sort: 'score', order: 'desc', limit: 1 })).rows[0]!.score).toBe(Math.max(...entries.map((e) => e.score ?? 0)));

    const before = snapshot(s);
    const again = await importPackage(s.app, s.principal, s.scoresZip);
    expect(again.result).toMatchObject({ applied: false });
    // The same scores in another package (a later sequence, the same time of issue) change nothing either.
    const same = await importPackage(s.app, s.principal, await issued(s, s.scores, 'same.zip'));
    expect(same.result.counts.scores).toEqual({ new: 0, changed: 0, unchanged: 90 });
    expect(JSON.stringify([stored(s), revisions(s)])).toBe(JSON.stringify(JSON.parse(before).slice(0, 2)));

    // A newer issue replaces a value and keeps the old one as history; an older one never replaces it.
    const target = block.entries.find((e) => !e.absent && e.score! < 90)!;
    const steady = block.entries.find((e) => !e.absent && e !== target)!;

    const newer = copy(s.scores);
    newer.scores = [
      {
        ...newer.scores[0]!,
        issuedAt: '2026-07-06T01:00:00.000Z',
        entries: newer.scores[0]!.entries.filter((e) => e.idNumber === target.idNumber || e.idNumber === steady.idNumber),
      },
    ];
    newer.scores[0]!.entries.find((e) => e.idNumber === target.idNumber)!.score = target.score! + 10;
    const { preview: replacing } = await importPackage(s.app, s.principal, await issued(s, newer, 'newer.zip'));
    expect(replacing.counts.scores).toEqual({ new: 0, changed: 2, unchanged: 0 });
    const change = replacing.changes.find((c) => c.changes.some((f) => f.field === '成绩'))!;
    expect(change.changes.find((f) => f.field === '成绩')).toEqual({ field: '成绩', old: target.score!.toFixed(1), new: (target.score! + 10).toFixed(1) });
    // The same value issued again only moves its time of issue: no history for it.
    expect(replacing.changes.find((c) => c !== change)!.changes.map((f) => f.field)).toEqual(['发布时间']);

    const replaced = (await list(s, { subjectCode: block.subjectCode, search: target.ticketNumber! })).rows[0]!;
    expect(replaced).toMatchObject({ score: target.score! + 10, issuedAt: '2026-07-06T01:00:00.000Z' });
    // The job's clock runs on from the app's: replaced at the import, a moment after 10:00.
    expect(replaced.history).toEqual([{ score: target.score, absent: false, issuedAt: block.issuedAt, replacedAt: expect.stringMatching(/^2026-07-06T02:00:/) }]);

    // An issue older than the newer one — even if sent later, with another value — changes nothing.
    const older = copy(newer);
    older.scores[0]!.issuedAt = '2026-07-05T01:00:00.000Z';
    older.scores[0]!.entries.find((e) => e.idNumber === target.idNumber)!.score = 12.5;
    const ignored = await importPackage(s.app, s.principal, await issued(s, older, 'older.zip'));
    expect(ignored.preview.counts.scores).toEqual({ new: 0, changed: 0, unchanged: 2 });
    expect((await list(s, { subjectCode: block.subjectCode, search: target.ticketNumber! })).rows[0]).toMatchObject({
      score: target.score! + 10,
      history: [{ score: target.score }],
    });
    expect(revisions(s)).toHaveLength(1);
  });

  it('refuses a package naming the plan, subject and row of its first problem, and writes none of it', async () => {
    const s = await scoresApp();
    await importPackage(s.app, s.principal, s.scoresZip);
    const before = snapshot(s);
    const block = s.scores.scores[0]!;
    const name = '物流管理2026年6月第1次考核';
    const place = `考试计划“${name}”（${s.planCode}）科目 基础考核（098694）`;
    const variant = async (edit: (p: ScoresPayload) => void, file: string) => {
      const p = copy(s.scores);
      p.scores.forEach((b) => (b.issuedAt = '2026-07-06T01:00:00.000Z'));
      edit(p);
      return refusal(s, await issued(s, p, file));
    };

    expect(await variant((p) => (p.scores[0]!.entries[4]!.score = 59.95), 'decimal.zip')).toBe(
      `payload/scores.json 的内容不符合格式：scores[0].entries[4].score：考试计划 ${s.planCode} 科目 098694 第 5 条（${block.entries[4]!.name}）：成绩最多保留一位小数`,
    );
    expect(await variant((p) => Object.assign(p.scores[0]!.entries[2]!, { absent: true }), 'absent.zip')).toContain(
      `科目 098694 第 3 条（${block.entries[2]!.name}）：缺考的考生不应有成绩`,
    );
    expect(await variant((p) => (p.scores[1]!.planCode = 'K000000000'), 'plan.zip')).toBe(
      'payload/scores.json 的内容不符合格式：scores[1].planCode：考试计划 K000000000 不存在，请先导入平台的考试计划',
    );
    // 703908 is a subject of 汽车运用与维修, not of this 物流管理 plan.
    expect(await variant((p) => (p.scores[1]!.subjectCode = '703908'), 'subject.zip')).toContain(`scores[1].subjectCode：科目 703908 不是考试计划“${name}”（${s.planCode}）的科目`);
    const stranger = '370285200601011234';
    expect(await variant((p) => Object.assign(p.scores[0]!.entries[7]!, { idNumber: stranger }), 'stranger.zip')).toBe(
      `payload/scores.json 的内容不符合格式：scores[0].entries[7].idNumber：${place}第 8 条：本院校没有身份证号为 ${maskIdNumber(stranger)} 的考生（${block.entries[7]!.name}）`,
    );
    // A candidate of the store, not enrolled in this plan.
    const outsider = addCandidates(s.app.store, 1, 77)[0]!;
    expect(await variant((p) => Object.assign(p.scores[0]!.entries[7]!, { idNumber: outsider.idNumber, name: outsider.name }), 'outsider.zip')).toBe(
      `payload/scores.json 的内容不符合格式：scores[0].entries[7].idNumber：${place}第 8 条：身份证号 ${maskIdNumber(outsider.idNumber)} 的考生（${outsider.name}）没有报考这个科目`,
    );
    expect(await variant((p) => p.scores.push(p.scores[0]!), 'twice.zip')).toContain(`scores[3]：${place}的成绩在数据包中出现了两次`);
    expect(await variant((p) => (p.scores[0]!.entries[1]!.idNumber = p.scores[0]!.entries[0]!.idNumber), 'same-person.zip')).toContain(`${place}第 2 条与第 1 条是同一位考生`);
    // Another value with the very time of issue the store holds: the platform contradicting itself.
    const clash = copy(s.scores);
    const scored = clash.scores[0]!.entries.findIndex((e) => !e.absent);
    clash.scores[0]!.entries[scored]!.score = 100;
    expect(await refusal(s, await issued(s, clash, 'clash.zip'))).toContain(
      `scores[0].entries[${scored}].score：${place}第 ${scored + 1} 条（${block.entries[scored]!.name}）：已导入同一发布时间`,
    );
    expect(snapshot(s)).toBe(before);
  });
});
