import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import type { ScoreDisputesPayload } from '../../../src-shared/domain/score-kinds';
import { formatScore } from '../../../src-shared/domain/scores';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import type { OutboundModules, OutboundPart } from '../packages/kind-module';
import { planScoreState } from './score-lock';
import { markDisputesSent } from './score-store';

interface OpenDispute {
  id: number;
  plan_code: string;
  plan_name: string;
  subject_code: string;
  subject_name: string;
  id_number: string;
  name: string;
  ticket_number: string | null;
  score: number | null;
  absent: number;
  note: string;
  flagged_at: string;
  flagged_by_name: string;
}

/** The open 有异议 flags not yet sent, by plan, subject and ticket. */
function openUnsent(store: Store): OpenDispute[] {
  return store
    .prepare(
      `SELECT d.id, s.plan_code, p.name AS plan_name, s.subject_code, x.name AS subject_name, c.id_number, c.name, t.ticket_number, s.score, s.absent,
              d.note, d.flagged_at, d.flagged_by_name
         FROM score_disputes d JOIN scores s ON s.id = d.score_id JOIN enrollments e ON e.id = s.enrollment_id JOIN candidates c ON c.id = e.candidate_id
         JOIN exam_plans p ON p.code = s.plan_code JOIN exam_subjects x ON x.code = s.subject_code LEFT JOIN schedule_seats t ON t.enrollment_id = e.id
        WHERE d.closed_at IS NULL AND d.sent_at IS NULL ORDER BY s.plan_code, s.subject_code, t.ticket_number, c.id_number`,
    )
    .all() as OpenDispute[];
}

const keyOf = (d: { planCode: string; subjectCode: string; idNumber: string; flaggedAt: string }) => `${d.planCode}/${d.subjectCode}/${d.idNumber}/${d.flaggedAt}`;

/**
 * 成绩异议 for the platform: every open 有异议 flag not sent yet, with the value flagged and why.
 * A plan whose 公示 ended meanwhile is locked first, which closes its flags: they are not sent.
 * Once the package is written they count as sent.
 */
export const scoreDisputesOutbound: OutboundModules<'score-disputes'> = {
  'score-disputes': {
    build(store, ctx): OutboundPart<'score-disputes'> {
      for (const code of new Set(openUnsent(store).map((d) => d.plan_code))) planScoreState(store, code, ctx.now);
      const open = openUnsent(store);
      if (!open.length) throw new AppError('STATE', '没有待报送的成绩异议：在“科目成绩”页面把成绩标记为有异议后，再生成成绩异议数据包。');
      const payload: ScoreDisputesPayload = {
        disputes: open.map((d) => ({
          planCode: d.plan_code,
          subjectCode: d.subject_code,
          idNumber: d.id_number,
          name: d.name,
          ticketNumber: d.ticket_number,
          score: d.absent ? null : d.score,
          absent: d.absent === 1,
          note: d.note,
          flaggedAt: d.flagged_at,
          flaggedBy: d.flagged_by_name,
        })),
      };
      return {
        payload,
        count: open.length,
        sheet: {
          title: '成绩异议',
          columns: ['考试计划', '考试科目', '准考证号', '学生姓名', '身份证号码', '成绩', '异议说明', '标记人', '标记时间'],
          rows: open.map((d) => [
            `${d.plan_name}（${d.plan_code}）`,
            `${d.subject_name}（${d.subject_code}）`,
            d.ticket_number ?? '',
            d.name,
            maskIdNumber(d.id_number),
            formatScore(d.score, d.absent === 1),
            d.note,
            d.flagged_by_name,
            institutionDateTime(new Date(d.flagged_at)),
          ]),
        },
      };
    },
    onSent(store, part, now) {
      // By what was sent, not by what is open now: a flag raised while the package was written waits for the next one.
      const ids = new Map(openUnsent(store).map((d) => [keyOf({ planCode: d.plan_code, subjectCode: d.subject_code, idNumber: d.id_number, flaggedAt: d.flagged_at }), d.id]));
      markDisputesSent(
        store,
        part.payload.disputes.flatMap((d) => ids.get(keyOf(d)) ?? []),
        now.toISOString(),
      );
    },
  },
};
