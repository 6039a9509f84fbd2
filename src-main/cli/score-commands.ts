import { CLI_ACTOR } from '../../src-shared/actor';
import type { PlanSubject } from '../../src-shared/domain/catalog';
import { institutionDateTime } from '../../src-shared/domain/institution-time';
import { formatScore, SCORE_STAGE_LABELS } from '../../src-shared/domain/scores';
import { AppError } from '../../src-shared/errors';
import { actorCall } from '../core/call-context';
import { allScores } from '../core/scores/score-views';
import { requireString, withApp, type CliCommand } from './cli-kit';

export interface ScoresListJson {
  plan: { code: string; name: string; stage: string };
  scores: {
    name: string;
    idNumber: string;
    ticketNumber: string | null;
    subjectCode: string;
    subject: string;
    /** One decimal; null when absent or not scored yet. */
    score: number | null;
    absent: boolean;
    /** 成绩登记中, 公示中, 已锁定, 未到成绩登记, or 未出成绩 while the platform has sent none. */
    status: string;
    issuedAt: string | null;
    /** Flagged 有异议 and still open. */
    disputed: boolean;
    history: { score: number | null; absent: boolean; issuedAt: string; replacedAt: string }[];
  }[];
}

export const scoresListCommand: CliCommand = {
  name: 'scores list',
  usage: 'scores list --plan 考试计划编号 [--subject 科目编号] [--data-dir 目录] [--json]',
  options: { plan: { type: 'string' }, subject: { type: 'string' } },
  async run({ values }): Promise<ScoresListJson> {
    const planCode = requireString(values, 'plan').trim();
    const subject = typeof values.subject === 'string' ? values.subject.trim() : undefined;
    return withApp(values, async (app) => {
      const call = actorCall(app, CLI_ACTOR);
      if (!app.store.prepare('SELECT 1 FROM exam_plans WHERE code = ?').get(planCode)) throw new AppError('NOT_FOUND', `找不到考试计划 ${planCode.slice(0, 40)}。`);
      if (subject !== undefined) {
        const subjects = (app.store.prepare('SELECT subjects_json FROM exam_plan_certificates WHERE plan_code = ?').pluck().all(planCode) as string[]).flatMap((j) =>
          (JSON.parse(j) as PlanSubject[]).map((s) => s.subjectCode),
        );
        if (!subjects.includes(subject)) throw new AppError('NOT_FOUND', `科目 ${subject.slice(0, 40)} 不是考试计划 ${planCode} 的科目。`);
      }
      const { plan, rows } = allScores(call, planCode, subject);
      return {
        plan: { code: plan.code, name: plan.name, stage: SCORE_STAGE_LABELS[plan.stage] },
        scores: rows.map((r) => ({
          name: r.name,
          idNumber: r.fullIdNumber,
          ticketNumber: r.ticketNumber,
          subjectCode: r.subjectCode,
          subject: r.subjectName,
          score: r.score,
          absent: r.absent,
          status: r.status,
          issuedAt: r.issuedAt,
          disputed: r.dispute?.open ?? false,
          history: r.history,
        })),
      };
    });
  },
  render: (r: ScoresListJson) => {
    const scored = r.scores.filter((s) => s.status !== '未出成绩');
    const head = `${r.plan.name}（${r.plan.code}）· ${r.plan.stage}：${r.scores.length} 个报考科目，已出成绩 ${scored.length}，缺考 ${scored.filter((s) => s.absent).length}`;
    if (!r.scores.length) return `${r.plan.name}（${r.plan.code}）还没有报考。`;
    const earlier = (s: ScoresListJson['scores'][number]) =>
      s.history.length ? `  原成绩 ${s.history.map((h) => `${formatScore(h.score, h.absent)}（${institutionDateTime(new Date(h.issuedAt))} 发布）`).join('、')}` : '';
    return [
      head,
      '准考证号  身份证号  姓名  科目  成绩  状态',
      ...r.scores.map(
        (s) =>
          `${s.ticketNumber ?? '—'}  ${s.idNumber}  ${s.name}  ${s.subjectCode} ${s.subject}  ${s.status === '未出成绩' ? '—' : formatScore(s.score, s.absent)}  ${s.status}${s.disputed ? '  有异议' : ''}${earlier(s)}`,
      ),
    ].join('\n');
  },
};
