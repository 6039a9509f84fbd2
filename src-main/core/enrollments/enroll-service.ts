import type { CandidateIssue, EnrollInput, EnrollPlanRow, EnrollPreview, EnrollResult } from '../../../src-shared/api/enrollments';
import { registrationRefusal } from '../../../src-shared/domain/enrollment';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import type { Actor } from '../../../src-shared/actor';
import type { Store } from '../../store/store';
import { insertAudit, type AuditRowRecord } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { allCandidates } from '../candidates/candidates-service';
import { EnrollBook } from './enroll-book';
import { judgeBatch, judgeEnroll, type EnrollJudged, type RuleIssue } from './enroll-rules';
import { insertEnrollments, type NewEnrollment } from './enrollment-store';

/** The exam plans the 报考 dialog and the templates offer: open ones first, each certificate with its subjects and quota. */
export function enrollPlans(store: Store, today: string): EnrollPlanRow[] {
  const book = new EnrollBook(store);
  return [...book.plans.values()]
    .map((p): EnrollPlanRow => {
      const closedReason = registrationRefusal(p, today);
      return {
        code: p.code,
        name: p.name,
        registration: p.windows.registration,
        open: closedReason === null,
        closedReason,
        year: p.year,
        certificates: [...p.certificates].map(([, subjects]) => {
          const first = book.subjects.get(subjects[0] ?? '');
          const code = first?.certificateCode ?? '';
          const level = first?.level ?? '';
          const cert = book.certificates.get(code);
          const approved = book.approvedCount(p.year, code, level);
          const used = book.usedCount(p.year, code, level);
          return {
            code,
            name: cert?.name ?? code,
            shortName: cert?.shortName ?? code,
            level,
            subjects: subjects.flatMap((s) => {
              const info = book.subjects.get(s);
              return info ? [{ code: info.code, name: info.name, method: info.method, target: info.target }] : [];
            }),
            quota: approved === null ? null : { approved, used, left: Math.max(0, approved - used) },
          };
        }),
      };
    })
    .sort((a, b) => Number(b.open) - Number(a.open) || b.registration.start.localeCompare(a.registration.start) || a.code.localeCompare(b.code));
}

/** What is about the request as a whole rather than one person: shown once, and nothing is enrolled while it stands. */
const REQUEST_CODES = new Set([
  'PLAN_UNKNOWN',
  'WINDOW_CLOSED',
  'CERT_UNKNOWN',
  'LEVEL_UNKNOWN',
  'CERT_NOT_IN_PLAN',
  'SUBJECT_UNKNOWN',
  'SUBJECT_NOT_IN_PLAN',
  'SUBJECT_DISABLED',
  'NOT_APPROVED',
  'QUOTA_EXCEEDED',
  'REQUIRED',
]);

interface Judgement {
  preview: EnrollPreview;
  judged: EnrollJudged[];
  /** The plan's registration is not open today. */
  closed: boolean;
}

function selectedIds(store: Store, input: EnrollInput): number[] {
  if ('ids' in input.candidates) return [...new Set(input.candidates.ids)];
  return allCandidates(store, input.candidates.filter).map((c) => c.id);
}

function judgeSelection(store: Store, input: EnrollInput, today: string): Judgement {
  const book = new EnrollBook(store);
  const ids = selectedIds(store, input);
  const found = book.useCandidates(ids);
  if (found.length < ids.length) throw new AppError('NOT_FOUND', `选择的考生中有 ${ids.length - found.length} 名已被删除，请刷新考生名单后重新选择。`);
  const judged = found.map((c) =>
    judgeEnroll(
      book,
      {
        ref: c.id,
        idNumber: { text: c.idNumber },
        name: '',
        plan: input.planCode,
        mode: input.mode,
        certificate: input.certificateCode ?? '',
        level: input.level ?? '',
        subjects: (input.subjectCodes ?? []).map((text) => ({ text })),
      },
      today,
    ),
  );
  const names = new Map(found.map((c) => [c.id, c]));
  judgeBatch(book, judged, (ref) => `考生“${names.get(ref)?.name ?? ref}”`);
  const problems = [...new Set(judged.flatMap((j) => j.errors.filter((e) => REQUEST_CODES.has(e.code)).map((e) => e.message)))];
  const issue = (j: EnrollJudged, e: RuleIssue): CandidateIssue => {
    const c = names.get(j.ref)!;
    return { candidateId: c.id, name: c.name, idNumber: c.idNumber, code: e.code, message: e.message };
  };
  const refusals = problems.length ? [] : judged.flatMap((j) => j.errors.slice(0, 1).map((e) => issue(j, e)));
  const accepted = problems.length ? [] : judged.filter((j) => !j.errors.length);
  const plan = book.plans.get(input.planCode);
  return {
    judged: accepted,
    closed: judged.some((j) => j.errors.some((e) => e.code === 'WINDOW_CLOSED')),
    preview: {
      plan: { code: input.planCode, name: plan?.name ?? input.planCode },
      counts: {
        candidates: found.length,
        accepted: accepted.length,
        refused: found.length - accepted.length,
        enrollments: accepted.reduce((n, j) => n + j.groups.reduce((m, g) => m + g.subjects.length, 0), 0),
      },
      problems,
      refusals,
      warnings: accepted.flatMap((j) => j.warnings.map((w) => issue(j, w))),
    },
  };
}

/** 报考 from the candidate list, checked: who would be enrolled in what, and who not and why. Nothing is written. */
export function previewEnroll(call: CallContext, input: EnrollInput): EnrollPreview {
  return judgeSelection(call.app.store, input, institutionDate(call.app.now())).preview;
}

/**
 * 报考 from the candidate list: judged again inside the transaction that writes, so the quota
 * counts what is enrolled at that moment. The accepted candidates are enrolled; the refused ones
 * are left out; a problem of the request as a whole (the window, the quota) enrolls no one.
 */
export function enrollSelection(call: CallContext, input: EnrollInput): EnrollResult {
  return enrollAs(call.app.store, call.actor, call.app.now(), input, () => call.audited++);
}

/** The same, for a caller with its own clock (the demo enrolls as it would have inside a plan's window). */
export function enrollAs(store: Store, actor: Actor, now: Date, input: EnrollInput, audited: () => void = () => {}): EnrollResult {
  return store.tx(() => {
    const { preview, judged, closed } = judgeSelection(store, input, institutionDate(now));
    if (preview.problems.length) throw new AppError(closed ? 'OUT_OF_WINDOW' : 'STATE', preview.problems.join('；'));
    if (!judged.length) throw new AppError('STATE', `选择的 ${preview.counts.candidates} 名考生都不能报考：${preview.refusals[0]?.message ?? ''}`);
    const rows: AuditRowRecord[] = [];
    const adding: NewEnrollment[] = [];
    for (const j of judged) {
      const subjects = j.groups.flatMap((g) => g.subjects);
      for (const s of subjects) adding.push({ candidateId: j.candidate!.id, idNumber: j.candidate!.idNumber, planCode: j.plan!.code, subjectCode: s.code, mode: input.mode });
      rows.push({
        entity: '报考',
        key: `${j.candidate!.idNumber}/${j.plan!.code}`,
        title: j.candidate!.name,
        status: 'new',
        changes: [{ field: `科目（${j.plan!.name}）`, old: null, new: subjects.map((s) => `${s.code} ${s.name}`).join('、') }],
      });
    }
    insertEnrollments(store, adding, now.toISOString());
    insertAudit(
      store,
      actor,
      {
        operation: 'enrollments.enroll',
        entityType: 'enrollment',
        entityId: input.planCode,
        after: {
          planCode: input.planCode,
          mode: input.mode,
          certificateCode: input.certificateCode,
          level: input.level,
          subjectCodes: input.subjectCodes,
          counts: preview.counts,
          changes: rows,
        },
      },
      now,
    );
    audited();
    return { counts: preview.counts, written: adding.length };
  });
}
