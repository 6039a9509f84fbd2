import type { ScoreChange } from '../../../src-shared/api/scores';
import { formatScore } from '../../../src-shared/domain/scores';
import { AppError } from '../../../src-shared/errors';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { lockedMessage } from './score-lock';
import { closeOpenDispute, insertDispute } from './score-store';
import { scorePlan, scoreRow } from './score-views';

interface Scored {
  id: number;
  plan_code: string;
  subject_code: string;
  subject_name: string;
  name: string;
  id_number: string;
  score: number | null;
  absent: number;
  open_dispute: number | null;
}

function loadScored(call: CallContext, scoreId: number): Scored {
  const row = call.app.store
    .prepare(
      `SELECT s.id, s.plan_code, s.subject_code, x.name AS subject_name, c.name, c.id_number, s.score, s.absent,
              (SELECT d.id FROM score_disputes d WHERE d.score_id = s.id AND d.closed_at IS NULL) AS open_dispute
         FROM scores s JOIN enrollments e ON e.id = s.enrollment_id JOIN candidates c ON c.id = e.candidate_id JOIN exam_subjects x ON x.code = s.subject_code
        WHERE s.id = ?`,
    )
    .get(scoreId) as Scored | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到这条成绩，请刷新页面。');
  return row;
}

/** Who flags, as the record keeps it: the account's display name. */
function flagger(call: CallContext): { id: number | null; name: string } {
  const name = call.actor.id === null ? undefined : (call.app.store.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(call.actor.id) as string | undefined);
  return { id: call.actor.id, name: (name ?? call.actor.name).slice(0, 60) };
}

/**
 * The score and its plan for a change to its 有异议 flag: the plan is locked first when its 公示
 * has ended (in its own transaction, so the lock stays when the change is refused for it).
 */
function open(call: CallContext, scoreId: number) {
  const s = loadScored(call, scoreId);
  const plan = scorePlan(call, s.plan_code);
  if (plan.stage === 'locked') throw new AppError('STATE', `${lockedMessage(plan)}，也不能再标记或撤回异议。`);
  const what = { candidate: s.name, idNumber: s.id_number, plan: `${plan.name}（${plan.code}）`, subject: `${s.subject_name}（${s.subject_code}）` };
  return { s, plan, what, score: formatScore(s.score, s.absent === 1) };
}

/** 有异议: a coordinator (or the principal) doubts a score, and says why; it goes to the platform in the next 成绩异议 package. */
export function flagScore(call: CallContext, input: { scoreId: number; note: string }): ScoreChange {
  const { s, plan, what, score } = open(call, input.scoreId);
  const { store } = call.app;
  return store.tx(() => {
    if (loadScored(call, input.scoreId).open_dispute !== null)
      throw new AppError('CONFLICT', `${s.name}的${s.subject_name}成绩已经标记有异议，请等待平台更正，或先撤回再重新标记。`);
    const id = insertDispute(store, s.id, { note: input.note, by: flagger(call) }, call.app.now().toISOString());
    writeAudit(call, { operation: 'scores.flag', entityType: 'score-dispute', entityId: id, after: { ...what, score, note: input.note } });
    return { row: scoreRow(store, s.id, plan.stage)!, message: `已标记${s.name}的${s.subject_name}成绩（${score}）有异议。请生成“成绩异议”数据包报送平台。` };
  });
}

/** Withdraws the score's open flag (sent or not: the platform is told nothing more). */
export function withdrawDispute(call: CallContext, input: { scoreId: number }): ScoreChange {
  const { s, plan, what, score } = open(call, input.scoreId);
  const { store } = call.app;
  return store.tx(() => {
    const disputeId = loadScored(call, input.scoreId).open_dispute;
    if (disputeId === null) throw new AppError('CONFLICT', `${s.name}的${s.subject_name}成绩没有未关闭的异议。`);
    const sent = store.prepare('SELECT sent_at FROM score_disputes WHERE id = ?').pluck().get(disputeId) as string | null;
    closeOpenDispute(store, s.id, 'withdrawn', call.app.now().toISOString());
    writeAudit(call, { operation: 'scores.withdraw', entityType: 'score-dispute', entityId: disputeId, after: { ...what, score, sent: sent !== null } });
    const told = sent ? '这条异议已报送平台，如不再需要更正，请告知培训评价组织。' : '';
    return { row: scoreRow(store, s.id, plan.stage)!, message: `已撤回${s.name}的${s.subject_name}成绩的异议。${told}` };
  });
}
