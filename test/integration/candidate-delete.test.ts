import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CandidateRow } from '../../src-shared/api/candidates';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { auditCount, call, callError, setUpApp } from '../helpers/app';

/**
 * Plan P1 with subject S1, and the candidate enrolled in it. The registration workflow is not
 * built yet: its rows are written as it will write them.
 */
function enrol(db: Database, candidateId: number): void {
  db.prepare(
    "INSERT INTO exam_plans (code, name, org_code, status, windows_json, registration_start, publicity_end) VALUES ('P1', '2026年物流管理考试', 'ORG', '已发布', '{}', '2026-01-01', '2026-12-31')",
  ).run();
  db.prepare("INSERT INTO exam_subjects (code, name, method, certificate_code, level, target, status) VALUES ('S1', '理论知识', '机考', 'C1', '初级', '所有考生', '启用')").run();
  db.prepare("INSERT INTO enrollments (candidate_id, plan_code, subject_code, created_at) VALUES (?, 'P1', 'S1', 'now')").run(candidateId);
}

describe('deleting a candidate', () => {
  it('is refused while the candidate is enrolled, and leaves candidate, photo and enrolment in place', async () => {
    const { app, principal } = await setUpApp();
    const [a, b] = fakePeople(2, 77);
    const create = (p: typeof a) =>
      call<CandidateRow>(
        app,
        'candidates.create',
        { kind: 'school', name: p!.name, idNumber: p!.idNumber, phone: p!.phone, major: p!.major, majorLevel: p!.majorLevel, entryYear: p!.entryYear },
        principal,
      );
    const enrolled = await create(a);
    const free = await create(b);
    const db = app.store.db;
    db.prepare(
      "INSERT INTO candidate_photos (candidate_id, data, format, width, height, size, sha256, background, updated_at) VALUES (?, x'ffd8ffd9', 'jpeg', 295, 413, 4, 'x', 'red', 'now')",
    ).run(enrolled.id);
    enrol(db, enrolled.id);
    const audits = auditCount(app);

    const error = await callError(app, 'candidates.delete', { id: enrolled.id }, principal);
    expect(error.code).toBe('STATE');
    expect(error.message).toBe(`考生“${enrolled.name}”已有报考记录，不能删除。`);
    expect(db.prepare('SELECT count(*) AS n FROM candidates WHERE id = ?').get(enrolled.id)).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM candidate_photos WHERE candidate_id = ?').get(enrolled.id)).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM enrollments').get()).toEqual({ n: 1 });
    expect(auditCount(app)).toBe(audits);

    // Someone without enrolments goes, with the photo, and the deletion is audited.
    await call(app, 'candidates.delete', { id: free.id }, principal);
    expect(db.prepare('SELECT count(*) AS n FROM candidates WHERE id = ?').get(free.id)).toEqual({ n: 0 });
    expect(auditCount(app)).toBe(audits + 1);
    const entry = db.prepare('SELECT operation, before_json FROM audit_log ORDER BY id DESC LIMIT 1').get() as { operation: string; before_json: string };
    expect(entry.operation).toBe('candidates.delete');
    expect(JSON.parse(entry.before_json)).toMatchObject({ idNumber: free.idNumber, name: free.name });
  });

  it('keeps the plan and subject a candidate is enrolled in', async () => {
    const { app, principal } = await setUpApp();
    const [p] = fakePeople(1, 78);
    const row = await call<CandidateRow>(
      app,
      'candidates.create',
      { kind: 'school', name: p!.name, idNumber: p!.idNumber, phone: p!.phone, major: p!.major, majorLevel: p!.majorLevel, entryYear: p!.entryYear },
      principal,
    );
    const db = app.store.db;
    enrol(db, row.id);
    expect(() => db.prepare("DELETE FROM exam_plans WHERE code = 'P1'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("DELETE FROM exam_subjects WHERE code = 'S1'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO enrollments (candidate_id, plan_code, subject_code, created_at) VALUES (?, 'P1', 'S1', 'now')").run(row.id)).toThrow(/UNIQUE/);
  });
});
