import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CandidateScores, ScoreChange, ScorePage, ScorePlanRow, ScoreRow } from '../../src-shared/api/scores';
import type { YearBoard } from '../../src-shared/api/yearboard';
import type { ScoresPayload } from '../../src-shared/domain/score-kinds';
import { addUser, call, callError, callJobError } from '../helpers/app';
import { addDays, INSTITUTION_CODE, INVIGILATOR } from '../fixtures/exam-day-store';
import { correctionsOfDisputes, importPackage, scoresApp } from '../fixtures/score-fixtures';
import { issuePackage } from '../tools/platform/issue-package';

type Setup = Awaited<ReturnType<typeof scoresApp>>;

const list = (s: Setup, session = s.principal, input: Record<string, unknown> = {}) =>
  call<ScorePage>(s.app, 'scores.list', { planCode: s.planCode, limit: 500, ...input }, session);
const rowOf = async (s: Setup, scoreId: number | null, session = s.principal) => (await list(s, session)).rows.find((r) => r.scoreId === scoreId)!;
const audits = (s: Setup, operation: string) =>
  s.app.store.db.prepare('SELECT actor, entity_type, after_json FROM audit_log WHERE operation = ? ORDER BY id').all(operation) as {
    actor: string;
    entity_type: string;
    after_json: string;
  }[];

// The exam day, its attendance and the packages both ways run jobs in worker threads: slow on a loaded 2-core machine.
describe('科目成绩: 有异议 and the lock after 公示', { timeout: 600_000 }, () => {
  it('flags a score with a note, withdraws, sends the open flags once, and closes them as 已更正 when the corrected score arrives', async () => {
    const s = await scoresApp();
    await importPackage(s.app, s.principal, s.scoresZip);
    const scored = (await list(s)).rows.filter((r) => !r.absent);
    const [a, b] = scored as [ScoreRow, ScoreRow];

    expect((await callError(s.app, 'scores.flag', { scoreId: a.scoreId, note: ' ' }, s.principal)).message).toContain('请填写异议说明');
    expect((await callError(s.app, 'scores.flag', { scoreId: a.scoreId, note: '分'.repeat(201) }, s.principal)).message).toContain('异议说明不能超过 200 个字符');
    const flagged = await call<ScoreChange>(s.app, 'scores.flag', { scoreId: a.scoreId, note: '考生反映实操步骤已全部完成' }, s.principal);
    expect(flagged.row.dispute).toMatchObject({ open: true, note: '考生反映实操步骤已全部完成', flaggedBy: '赵校长', sentAt: null, closedReason: null });
    expect(flagged.message).toContain('有异议');
    expect((await callError(s.app, 'scores.flag', { scoreId: a.scoreId, note: '再次' }, s.principal)).code).toBe('CONFLICT');
    expect(audits(s, 'scores.flag')).toEqual([{ actor: 'principal', entity_type: 'score-dispute', after_json: expect.stringContaining('考生反映实操步骤已全部完成') }]);

    // A coordinator flags and withdraws too; withdrawn, the score may be flagged again.
    const coordinator = await addUser(s.app, s.principal, 'zhangwei', 'coordinator');
    await call(s.app, 'scores.flag', { scoreId: b.scoreId, note: '登分有误' }, coordinator);
    const withdrawn = await call<ScoreChange>(s.app, 'scores.withdraw', { scoreId: b.scoreId }, coordinator);
    expect(withdrawn.row.dispute).toMatchObject({ open: false, closedReason: 'withdrawn' });
    expect((await callError(s.app, 'scores.withdraw', { scoreId: b.scoreId }, coordinator)).code).toBe('CONFLICT');
    await call(s.app, 'scores.flag', { scoreId: b.scoreId, note: '登分有误，请核对' }, coordinator);
    expect(audits(s, 'scores.withdraw')).toHaveLength(1);
    expect((await list(s, coordinator, { disputed: true })).rows.map((r) => r.scoreId).sort()).toEqual([a.scoreId, b.scoreId].sort());

    // An invigilator is refused all of it.
    const invigilator = (await call<{ sessionToken: string }>(s.app, 'auth.login', { username: INVIGILATOR.username, password: INVIGILATOR.password })).sessionToken;
    for (const [op, input] of [
      ['scores.plans', {}],
      ['scores.list', { planCode: s.planCode }],
      ['scores.candidate', { planCode: s.planCode, candidateId: a.candidateId }],
      ['scores.flag', { scoreId: a.scoreId, note: '监考老师' }],
      ['scores.withdraw', { scoreId: a.scoreId }],
    ] as const)
      expect((await callError(s.app, op, input, invigilator)).code, op).toBe('FORBIDDEN');

    const step = async (session: string) => (await call<YearBoard>(s.app, 'yearboard.get', {}, session)).steps.find((x) => x.key === 'scores');
    expect(await step(s.principal)).toMatchObject({ state: 'todo', summary: '已出成绩 90 / 90 个报考科目，有异议 2', hint: '生成“成绩异议”数据包报送平台' });
    const plan = (await call<ScorePlanRow[]>(s.app, 'scores.plans', {}, s.principal)).find((p) => p.code === s.planCode)!;
    expect(plan).toMatchObject({ disputesOpen: 2, disputesUnsent: 2 });
    const drawer = await call<CandidateScores>(s.app, 'scores.candidate', { planCode: s.planCode, candidateId: a.candidateId }, s.principal);
    expect(drawer.rows.map((r) => r.subjectCode)).toEqual(['098694', '609371', '794690']);
    expect(drawer.rows.find((r) => r.scoreId === a.scoreId)!.dispute).toMatchObject({ open: true });

    // 成绩异议 out: both open flags, marked sent; nothing left for a second package.
    const reply = await correctionsOfDisputes(s.app, s.principal, s.platform, s.workDir, new Date(s.clock.now.getTime() + 3_600_000));
    const corrected = reply.scores.scores.flatMap((x) => x.entries);
    expect(corrected).toHaveLength(2);
    expect((await rowOf(s, a.scoreId)).dispute!.sentAt).not.toBeNull();
    expect((await call<ScorePlanRow[]>(s.app, 'scores.plans', {}, s.principal)).find((p) => p.code === s.planCode)).toMatchObject({ disputesOpen: 2, disputesUnsent: 0 });
    expect((await callJobError(s.app, 'packages.export', { kinds: ['score-disputes'] }, s.principal)).message).toContain('没有待报送的成绩异议');

    // The corrected scores replace the flagged ones, which stay in the history; the flags close as 已更正.
    const { preview } = await importPackage(s.app, s.principal, reply.path);
    expect(preview.counts.scores).toEqual({ new: 0, changed: 2, unchanged: 0 });
    expect(preview.changes[0]!.changes.find((f) => f.field === '异议')).toEqual({ field: '异议', old: '有异议', new: '已更正' });
    const after = await rowOf(s, a.scoreId);
    expect(after.score).toBe(Math.min(100, Math.round((a.score! + 5) * 10) / 10));
    expect(after.history).toMatchObject([{ score: a.score, absent: false }]);
    expect(after.dispute).toMatchObject({ open: false, closedReason: 'corrected' });

    // The first read after 公示 locks the plan, once, as the system, closing the flags still open: later reads find it locked.
    const c = scored[2]!;
    await call(s.app, 'scores.flag', { scoreId: c.scoreId, note: '公示期间提出' }, coordinator);
    const later = await s.at(`${addDays(s.days.publicityEnd, 1)}T00:05:00`);
    expect((await list(s, later)).rows.every((r) => r.status === '已锁定')).toBe(true);
    await list(s, later);
    expect(audits(s, 'scores.lock')).toMatchObject([{ actor: 'system', entity_type: 'score-lock' }]);
    expect(JSON.parse(audits(s, 'scores.lock')[0]!.after_json)).toMatchObject({ closedDisputes: 1 });
    expect((await rowOf(s, c.scoreId, later)).dispute).toMatchObject({ open: false, closedReason: 'locked' });
    expect((await rowOf(s, b.scoreId, later)).dispute).toMatchObject({ open: false, closedReason: 'corrected' });
    expect(await step(later)).toMatchObject({ state: 'done', summary: '已出成绩 90 / 90 个报考科目，已锁定 1 个考试计划' });
  });

  it('locks the plan once its 公示 has ended — at the package that meets it first, audited as the system — and the store refuses every write of it', async () => {
    const s = await scoresApp();
    await importPackage(s.app, s.principal, s.scoresZip);
    const row = (await list(s)).rows.find((r) => !r.absent)!;
    await call(s.app, 'scores.flag', { scoreId: row.scoreId, note: '待核对' }, s.principal);

    let principal = await s.at(`${s.days.publicityEnd}T23:59:00`);
    expect((await list(s, principal)).rows[0]!.status).toBe('公示中');
    expect(s.app.store.db.prepare('SELECT count(*) FROM score_locks').pluck().get()).toBe(0);

    // The next day a newer package arrives: refused, and the plan is locked by its arrival.
    principal = await s.at(`${addDays(s.days.publicityEnd, 1)}T08:00:00`);
    const newer = structuredClone(s.scores) as ScoresPayload;
    newer.scores.forEach((b) => (b.issuedAt = s.clock.now.toISOString()));
    newer.scores[0]!.entries.forEach((e) => (e.absent ? null : (e.score = 100)));
    const out = join(s.workDir, 'late.zip');
    await issuePackage(s.platform, { scores: newer }, { institutionCode: INSTITUTION_CODE, out, now: s.clock.now });
    const fileId = s.app.files.register(out, 'late.zip', { name: 'principal', id: 1, role: 'principal' }).fileId;
    expect((await callJobError(s.app, 'packages.inspect', { fileId }, principal)).message).toBe(
      `payload/scores.json 的内容不符合格式：scores[0]：考试计划“物流管理2026年6月第1次考核”（${s.planCode}）的成绩公示已于 ${s.days.publicityEnd} 结束，成绩已永久锁定，不能再更改，这个成绩数据包已拒绝`,
    );
    expect(s.app.store.db.prepare('SELECT plan_code FROM score_locks').pluck().all()).toEqual([s.planCode]);
    const [lock] = audits(s, 'scores.lock');
    expect(lock).toMatchObject({ actor: 'system', entity_type: 'score-lock' });
    expect(JSON.parse(lock!.after_json)).toMatchObject({ publicityEnd: s.days.publicityEnd, closedDisputes: 1 });

    const locked = await rowOf(s, row.scoreId, principal);
    expect(locked).toMatchObject({ status: '已锁定', score: row.score, dispute: { open: false, closedReason: 'locked' } });
    expect((await call<ScorePlanRow[]>(s.app, 'scores.plans', {}, principal)).find((p) => p.code === s.planCode)).toMatchObject({ stage: 'locked', lockedAt: expect.any(String) });
    const refused = await callError(s.app, 'scores.flag', { scoreId: row.scoreId, note: '再核对' }, principal);
    expect(refused).toMatchObject({ code: 'STATE', message: expect.stringContaining('成绩已永久锁定') });
    expect(audits(s, 'scores.lock')).toHaveLength(1);

    // Whatever path a write takes, the database refuses it.
    const db = s.app.store.db;
    const enrollment = db.prepare('SELECT enrollment_id FROM scores WHERE id = ?').pluck().get(row.scoreId) as number;
    const raw =
      (sql: string, ...params: unknown[]) =>
      () =>
        db.prepare(sql).run(...params);
    expect(raw('UPDATE scores SET score = 99 WHERE id = ?', row.scoreId)).toThrow('the plan scores are locked');
    expect(raw('DELETE FROM scores WHERE id = ?', row.scoreId)).toThrow('the plan scores are locked');
    expect(raw('INSERT INTO score_revisions (score_id, score, absent, issued_at, received_at, replaced_at) VALUES (?, 1, 0, ?, ?, ?)', row.scoreId, 'x', 'x', 'x')).toThrow(
      'the plan scores are locked',
    );
    expect(raw("INSERT INTO score_disputes (score_id, note, flagged_at, flagged_by_name) VALUES (?, 'x', 'x', 'x')", row.scoreId)).toThrow('the plan scores are locked');
    expect(raw('UPDATE score_locks SET locked_at = ?', 'x')).toThrow('stay locked');
    expect(raw('DELETE FROM score_locks')).toThrow('stay locked');
    // A score for an enrollment the plan had none for (its own row removed first would already be refused).
    const fresh = db
      .prepare("INSERT INTO enrollments (candidate_id, plan_code, subject_code, created_at) SELECT candidate_id, plan_code, '043194', 'x' FROM enrollments WHERE id = ?")
      .run(enrollment);
    expect(
      raw(
        "INSERT INTO scores (enrollment_id, plan_code, subject_code, score, absent, issued_at, received_at) VALUES (?, ?, '043194', 50, 0, 'x', 'x')",
        fresh.lastInsertRowid,
        s.planCode,
      ),
    ).toThrow('the plan scores are locked');
    db.prepare('DELETE FROM enrollments WHERE id = ?').run(fresh.lastInsertRowid);
    expect((await rowOf(s, row.scoreId, principal)).score).toBe(row.score);
  });
});
