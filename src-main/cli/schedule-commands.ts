import type { DraftResult } from '../../src-shared/api/schedule';
import { CLI_ACTOR } from '../../src-shared/actor';
import { invokeAs } from '../core/dispatch';
import { requireString, withApp, type CliCommand } from './cli-kit';

export interface DraftOutput {
  plan: string;
  /** Sittings drafted (a subject at a date and time). */
  sessions: number;
  /** Room assignments: a room in one sitting. */
  rooms: number;
  shortfalls: string[];
}

export const scheduleDraftCommand: CliCommand = {
  name: 'schedule draft',
  usage: 'schedule draft --plan 考试计划 [--data-dir 目录] [--json]（排考草稿：用本校的考场和报考记录生成，平台排考到达前使用）',
  options: { plan: { type: 'string' } },
  async run({ values, io }) {
    const planCode = requireString(values, 'plan');
    const r: DraftResult = await withApp(values, (app) => invokeAs(app, CLI_ACTOR, 'schedule.draft', { planCode }));
    io.say(`已生成排考草稿：${r.sessions} 个场次，${r.rooms} 个考场安排，${r.seats} 个座位。`);
    for (const s of r.shortfalls) io.say(`注意：${s}`);
    return { plan: r.plan, sessions: r.sessions, rooms: r.rooms, shortfalls: r.shortfalls } satisfies DraftOutput;
  },
  render: (r: DraftOutput) => [`${r.plan}  场次 ${r.sessions}  考场安排 ${r.rooms}`, ...r.shortfalls.map((s) => `缺口  ${s}`)].join('\n'),
};
