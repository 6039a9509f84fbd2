import type { CapacityReport, RoomCopyReport } from '../../src-shared/api/sites';
import { CLI_ACTOR } from '../../src-shared/actor';
import { invokeAs } from '../core/dispatch';
import { requireString, withApp, type CliCommand } from './cli-kit';

export interface RoomCopyOutput {
  plan: string;
  copied: { name: string; site: string; type: string; seats: number }[];
  skipped: { name: string; site: string; reason: string }[];
}

export const roomsCopyCommand: CliCommand = {
  name: 'rooms copy',
  usage: 'rooms copy --from 考试计划 --to 考试计划 [--dry-run] [--data-dir 目录] [--json]（考场沿用：把前一个考试计划的考场复制到本计划）',
  options: { from: { type: 'string' }, to: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run({ values, io }) {
    const input = { from: requireString(values, 'from'), to: requireString(values, 'to') };
    const report = await withApp(values, (app) => invokeAs(app, CLI_ACTOR, values['dry-run'] ? 'rooms.copyPreview' : 'rooms.copy', input));
    io.say(`${values['dry-run'] ? '试运行（未写入）：将' : '已'}沿用 ${report.copied.length} 个考场，跳过 ${report.skipped.length} 个。`);
    return copyOutput(report);
  },
  render: (r: RoomCopyOutput) =>
    [...r.copied.map((c) => `沿用  ${c.site}  ${c.name}（${c.type}，${c.seats} 座）`), ...r.skipped.map((s) => `跳过  ${s.site}  ${s.name}：${s.reason}`)].join('\n') ||
    '没有考场。',
};

function copyOutput(r: RoomCopyReport): RoomCopyOutput {
  return {
    plan: r.to,
    copied: r.copied.map((c) => ({ name: c.name, site: c.siteName, type: c.type, seats: c.seats })),
    skipped: r.skipped.map((s) => ({ name: s.name, site: s.siteName, reason: s.reason })),
  };
}

export interface CapacityOutput {
  plan: string;
  subjects: { code: string; method: string; candidates: number; seats: number; shortfall: number }[];
}

export const capacityCommand: CliCommand = {
  name: 'capacity',
  usage: 'capacity --plan 考试计划 [--data-dir 目录] [--json]（考位检查：每个科目的考生人数与对应类型考场的座位数）',
  options: { plan: { type: 'string' } },
  async run({ values, io }) {
    const planCode = requireString(values, 'plan');
    const report: CapacityReport = await withApp(values, (app) => invokeAs(app, CLI_ACTOR, 'capacity.get', { planCode }));
    for (const w of report.warnings) io.say(`注意：${w}`);
    return {
      plan: report.plan,
      subjects: report.subjects.map((s) => ({ code: s.code, method: s.method, candidates: s.candidates, seats: s.seats, shortfall: s.shortfall })),
    } satisfies CapacityOutput;
  },
  render: (r: CapacityOutput) =>
    r.subjects.map((s) => `${s.code}  ${s.method}  考生 ${s.candidates}  座位 ${s.seats}  ${s.shortfall ? `缺 ${s.shortfall}` : '足够'}`).join('\n') || '本计划没有科目。',
};
