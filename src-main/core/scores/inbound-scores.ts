import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import type { ScoresPayload } from '../../../src-shared/domain/score-kinds';
import { formatScore, sameScore } from '../../../src-shared/domain/scores';
import type { Store } from '../../store/store';
import { planInfo } from '../catalog/plan-certificates';
import { issuedAfterPackage, nameDisagreement, refuseReference, type EntityRecord, type Fields, type InboundModules } from '../packages/kind-module';
import { lockedMessage, planScoreState } from './score-lock';
import { closeOpenDispute, insertScore, reissueScore, replaceScore, type StoredScore } from './score-store';

type Block = ScoresPayload['scores'][number];
type Entry = Block['entries'][number];

function refuse(path: string, message: string): never {
  return refuseReference('scores', path, message);
}

/** The plan's subjects by code, with their names: what a scores block may name. */
function planSubjects(store: Store, planCode: string): Map<string, string> {
  return new Map((planInfo(store, planCode)?.certificates ?? []).flatMap((c) => c.subjects.map((s) => [s.subjectCode, s.name] as const)));
}

interface Enrolled {
  enrollmentId: number;
  name: string;
  /** 准考证号 of the platform's schedule; null before it (or for a plan scheduled elsewhere). */
  ticketNumber: string | null;
  current: (StoredScore & { disputed: boolean }) | undefined;
}

/** A plan subject's enrollments by ID number, each with its current score and whether it is flagged 有异议. */
function enrolledIn(store: Store, planCode: string, subjectCode: string): Map<string, Enrolled> {
  const rows = store
    .prepare(
      `SELECT e.id AS enrollmentId, c.id_number AS idNumber, c.name, ss.ticket_number AS ticketNumber, s.id, s.score, s.absent, s.issued_at AS issuedAt, s.received_at AS receivedAt,
              EXISTS (SELECT 1 FROM score_disputes d WHERE d.score_id = s.id AND d.closed_at IS NULL) AS disputed
         FROM enrollments e JOIN candidates c ON c.id = e.candidate_id LEFT JOIN scores s ON s.enrollment_id = e.id
         LEFT JOIN schedule_seats ss ON ss.enrollment_id = e.id
        WHERE e.plan_code = ? AND e.subject_code = ?`,
    )
    .all(planCode, subjectCode) as {
    enrollmentId: number;
    idNumber: string;
    name: string;
    ticketNumber: string | null;
    id: number | null;
    score: number | null;
    absent: number | null;
    issuedAt: string | null;
    receivedAt: string | null;
    disputed: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.idNumber,
      {
        enrollmentId: r.enrollmentId,
        name: r.name,
        ticketNumber: r.ticketNumber,
        current:
          r.id === null
            ? undefined
            : { id: r.id, enrollmentId: r.enrollmentId, score: r.score, absent: r.absent === 1, issuedAt: r.issuedAt!, receivedAt: r.receivedAt!, disputed: r.disputed === 1 },
      },
    ]),
  );
}

const instant = (iso: string) => new Date(iso).getTime();

function fieldsOf(v: { score: number | null; absent: boolean }, issuedAt: string, dispute: string | null): Fields {
  return { 成绩: formatScore(v.score, v.absent), 发布时间: institutionDateTime(new Date(issuedAt)), ...(dispute ? { 异议: dispute } : {}) };
}

const currentFields = (c: StoredScore & { disputed: boolean }) => fieldsOf(c, c.issuedAt, c.disputed ? '有异议' : null);

const where = (planName: string, planCode: string, subjectName: string, subjectCode: string) => `考试计划“${planName}”（${planCode}）科目 ${subjectName}（${subjectCode}）`;

/**
 * Each block must name a plan and one of its subjects, once, for a plan whose scores are not
 * locked; each entry an enrollment of that subject, once; and a value issued at the same time as
 * the one the store holds must be that value. The first problem refuses the whole package.
 */
function checkBlock(store: Store, block: Block, i: number, now: Date, seen: Set<string>): void {
  const at = `scores[${i}]`;
  const plan = planScoreState(store, block.planCode, now);
  if (!plan) refuse(`${at}.planCode`, `考试计划 ${block.planCode} 不存在，请先导入平台的考试计划`);
  const subjectName = planSubjects(store, plan.code).get(block.subjectCode);
  if (subjectName === undefined) refuse(`${at}.subjectCode`, `科目 ${block.subjectCode} 不是考试计划“${plan.name}”（${plan.code}）的科目`);
  const place = where(plan.name, plan.code, subjectName, block.subjectCode);
  const key = `${block.planCode}/${block.subjectCode}`;
  if (seen.has(key)) refuse(at, `${place}的成绩在数据包中出现了两次`);
  seen.add(key);
  if (plan.stage === 'locked') refuse(at, `${lockedMessage(plan)}，这个成绩数据包已拒绝`);
  const enrolled = enrolledIn(store, plan.code, block.subjectCode);
  const rowOf = new Map<string, number>();
  block.entries.forEach((e, j) => {
    const row = `${at}.entries[${j}]`;
    const who = `${place}第 ${j + 1} 条`;
    const earlier = rowOf.get(e.idNumber);
    if (earlier !== undefined) refuse(`${row}.idNumber`, `${who}与第 ${earlier + 1} 条是同一位考生（身份证号 ${maskIdNumber(e.idNumber)}）`);
    rowOf.set(e.idNumber, j);
    const hit = enrolled.get(e.idNumber);
    if (!hit) {
      const known = store.prepare('SELECT 1 FROM candidates WHERE id_number = ?').get(e.idNumber);
      refuse(
        `${row}.idNumber`,
        known ? `${who}：身份证号 ${maskIdNumber(e.idNumber)} 的考生（${e.name}）没有报考这个科目` : `${who}：本院校没有身份证号为 ${maskIdNumber(e.idNumber)} 的考生（${e.name}）`,
      );
    }
    const misnamed = nameDisagreement(e.name, hit.name, e.idNumber);
    if (misnamed) refuse(`${row}.name`, `${who}：${misnamed}`);
    if (e.ticketNumber !== null && hit.ticketNumber !== null && e.ticketNumber !== hit.ticketNumber)
      refuse(`${row}.ticketNumber`, `${who}（${hit.name}）：准考证号 ${e.ticketNumber} 与本院校排考记录中的准考证号 ${hit.ticketNumber} 不一致`);
    const cur = hit.current;
    if (cur && instant(cur.issuedAt) === instant(block.issuedAt) && !sameScore(cur, e))
      refuse(
        `${row}.score`,
        `${who}（${hit.name}）：已导入同一发布时间（${institutionDateTime(new Date(block.issuedAt))}）的成绩 ${formatScore(cur.score, cur.absent)}，这里却是 ${formatScore(e.score, e.absent)}`,
      );
  });
}

/** What one entry does to the store: a first score, a newer value (the old one into history), the same value issued later, or nothing. */
function recordOf(block: Block, e: Entry, hit: Enrolled, subjectName: string, now: string): EntityRecord {
  const base = { kind: 'scores' as const, entity: '科目成绩', key: `score:${block.planCode}/${block.subjectCode}/${e.idNumber}`, title: `${hit.name} · ${subjectName}` };
  const issuedAt = new Date(block.issuedAt).toISOString();
  const value = { score: e.absent ? null : e.score, absent: e.absent, issuedAt };
  const cur = hit.current;
  if (!cur)
    return {
      ...base,
      fields: fieldsOf(value, issuedAt, null),
      write: (s) => void insertScore(s, { ...hit, planCode: block.planCode, subjectCode: block.subjectCode }, value, now),
    };
  // An older issue never replaces a newer one, and the same issue again changes nothing.
  if (instant(issuedAt) <= instant(cur.issuedAt)) return { ...base, fields: currentFields(cur), write: () => {} };
  if (sameScore(cur, value)) return { ...base, fields: fieldsOf(value, issuedAt, cur.disputed ? '有异议' : null), write: (s) => reissueScore(s, cur.id, issuedAt) };
  return {
    ...base,
    fields: fieldsOf(value, issuedAt, cur.disputed ? '已更正' : null),
    write: (s) => {
      replaceScore(s, cur, value, now);
      closeOpenDispute(s, cur.id, 'corrected', now);
    },
  };
}

/**
 * 科目成绩: the organisation's scores of a plan's subject, one entry an enrolled candidate,
 * matched to the enrollment by plan, subject and ID number. A later issue replaces a value and
 * keeps the old one as the score's history (closing its 有异议 flag as 已更正); an older one never
 * replaces a newer. A package for a plan whose 公示 has ended is refused: its scores are locked.
 */
export const scoresInbound: InboundModules<'scores'> = {
  scores: {
    dependsOn: ['exam-plans'],
    validate: (p, manifest) =>
      issuedAfterPackage(
        'scores',
        manifest,
        p.scores.map((b, i) => ({ path: `scores[${i}].issuedAt`, at: b.issuedAt })),
      ),
    checkReferences(p, ctx) {
      const seen = new Set<string>();
      p.scores.forEach((block, i) => checkBlock(ctx.store, block, i, ctx.now, seen));
    },
    records(p, store, now): EntityRecord[] {
      const at = now.toISOString();
      return p.scores.flatMap((block) => {
        const subjectName = planSubjects(store, block.planCode).get(block.subjectCode) ?? block.subjectCode;
        const enrolled = enrolledIn(store, block.planCode, block.subjectCode);
        return block.entries.flatMap((e) => {
          const hit = enrolled.get(e.idNumber);
          return hit ? [recordOf(block, e, hit, subjectName, at)] : [];
        });
      });
    },
    // The plans the package names, not every score the store has kept over the years.
    existing(store, p) {
      const rows = store
        .prepare(
          `SELECT s.plan_code, s.subject_code, c.id_number, s.score, s.absent, s.issued_at,
                  EXISTS (SELECT 1 FROM score_disputes d WHERE d.score_id = s.id AND d.closed_at IS NULL) AS disputed
             FROM scores s JOIN enrollments e ON e.id = s.enrollment_id JOIN candidates c ON c.id = e.candidate_id
            WHERE s.plan_code IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify([...new Set(p.scores.map((b) => b.planCode))])) as {
        plan_code: string;
        subject_code: string;
        id_number: string;
        score: number | null;
        absent: number;
        issued_at: string;
        disputed: number;
      }[];
      return new Map(
        rows.map((r) => [`score:${r.plan_code}/${r.subject_code}/${r.id_number}`, fieldsOf({ score: r.score, absent: r.absent === 1 }, r.issued_at, r.disputed ? '有异议' : null)]),
      );
    },
  },
};
