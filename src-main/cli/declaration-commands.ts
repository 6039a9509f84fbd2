import type { DeclarationList, QuotaReport } from '../../src-shared/api/declarations';
import { CLI_ACTOR } from '../../src-shared/actor';
import { invokeAs } from '../core/dispatch';
import { UsageError, withApp, type CliCommand } from './cli-kit';

interface DeclarationsJson {
  declarations: { id: number; batch: string; certificate: string; certificateCode: string; level: string; proposed: number; approved: number | null; status: string }[];
}

export const declarationsListCommand: CliCommand = {
  name: 'declarations list',
  usage: 'declarations list [--data-dir 目录] [--json]',
  options: {},
  async run({ values }): Promise<DeclarationsJson> {
    const list = await withApp(values, (app): Promise<DeclarationList> => invokeAs(app, CLI_ACTOR, 'declarations.list', { tab: 'all' }));
    return {
      declarations: list.rows.map((d) => ({
        id: d.id,
        batch: d.batch,
        certificate: d.certificateName,
        certificateCode: d.certificateCode,
        level: d.level,
        proposed: d.proposedCount,
        approved: d.approvedCount,
        status: d.statusLabel,
      })),
    };
  },
  render: (r: DeclarationsJson) =>
    r.declarations.length
      ? r.declarations.map((d) => `${d.id}  ${d.batch}  ${d.certificate} ${d.level}  拟申报 ${d.proposed}  已批准 ${d.approved ?? '—'}  ${d.status}`).join('\n')
      : '还没有证书试点申报。',
};

interface QuotaJson {
  year: number;
  pilot: boolean;
  quota: { certificate: string; certificateCode: string; level: string; approved: number; used: number; left: number }[];
}

export const quotaCommand: CliCommand = {
  name: 'quota',
  usage: 'quota [--year 年份] [--data-dir 目录] [--json]',
  options: { year: { type: 'string' } },
  async run({ values }): Promise<QuotaJson> {
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw new UsageError('--year 应为四位年份，如 2026');
    const report = await withApp(values, (app): Promise<QuotaReport> => invokeAs(app, CLI_ACTOR, 'quota.get', year === undefined ? {} : { year }));
    return {
      year: report.year,
      pilot: report.pilot,
      quota: report.rows.map((r) => ({ certificate: r.certificateName, certificateCode: r.certificateCode, level: r.level, approved: r.approved, used: r.used, left: r.left })),
    };
  },
  render: (r: QuotaJson) =>
    [
      `${r.year} 年度：${r.pilot ? '试点院校' : '尚不是试点院校（没有审核通过的申报）'}`,
      ...r.quota.map((q) => `${q.certificate} ${q.level}：指标 ${q.approved}，已用 ${q.used}，剩余 ${q.left}`),
    ].join('\n'),
};
