import type { ResultDisagreement, ResultsCheck } from '../../src-shared/api/results';
import { CLI_ACTOR } from '../../src-shared/actor';
import { compositeText, verdictLabel } from '../../src-shared/domain/certificate-results';
import { invokeAs } from '../core/dispatch';
import { requireString, withApp, type CliCommand } from './cli-kit';

/** Exit code of `results check` when it lists disagreements: a script can tell them from a refusal (1) and a usage error (2). */
export const DISAGREEMENT_EXIT_CODE = 3;

const side = (figures: { composite: number | null; passed: boolean | null } | null) => (figures ? `${compositeText(figures.composite)} ${verdictLabel(figures.passed)}` : '无结果');

function line(d: ResultDisagreement): string {
  const inputs = d.inputs.subjects.map((s) => `${s.name} ${s.absent ? '缺考' : s.score === null ? '无成绩' : s.score.toFixed(1)}×${s.weight}%（合格 ${s.passScore}）`).join('，');
  return `${d.candidate.idNumber}  ${d.candidate.name}  ${d.certificate} ${d.level}  本院校 ${side(d.local)}  平台 ${side(d.platform)}  ${inputs}`;
}

export const resultsCheckCommand: CliCommand = {
  name: 'results check',
  usage: 'results check --plan 考试计划 [--data-dir 目录] [--json]（考证结果核对：本院校按考核规则计算的结果与平台下发的考证结果逐项比对）',
  options: { plan: { type: 'string' } },
  async run({ values, io }) {
    const planCode = requireString(values, 'plan');
    const r: ResultsCheck = await withApp(values, (app) => invokeAs(app, CLI_ACTOR, 'results.check', { planCode }));
    io.say(`考试计划 ${r.plan}：本院校计算 ${r.computed} 项，平台考证结果 ${r.platform} 项，一致 ${r.agree} 项，不一致 ${r.disagreements.length} 项。`);
    if (r.platform === 0) io.say('注意：平台还没有发来这个考试计划的考证结果，暂无可核对的内容。');
    return r;
  },
  render: (r: ResultsCheck) => (r.disagreements.length ? r.disagreements.map(line).join('\n') : r.platform ? '本院校的计算与平台的考证结果全部一致。' : '没有可核对的考证结果。'),
  exitCode: (r: ResultsCheck) => (r.disagreements.length ? DISAGREEMENT_EXIT_CODE : 0),
};
