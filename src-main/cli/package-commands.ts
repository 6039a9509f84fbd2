import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { PlanListRow } from '../../src-shared/api/catalog';
import type { KindCounts } from '../../src-shared/api/packages';
import { isOutboundKind, OUTBOUND_KINDS, PACKAGE_KINDS, type PackageKind } from '../../src-shared/domain/package-kinds';
import { AppError } from '../../src-shared/errors';
import { CLI_ACTOR } from '../../src-shared/actor';
import { actorCall } from '../core/call-context';
import { listPlans } from '../core/catalog/catalog-service';
import { exportJob } from '../core/packages/export-job';
import { packageImportJob, packageInspectJob } from '../core/packages/inbound-jobs';
import { hashFile } from '../pipelines/hash-file';
import { readSettings, updateSettings } from '../core/settings/settings-service';
import { parsePublicKey } from '../pipelines/packages/signing';
import { outFileOf, UsageError, withApp, type CliCommand } from './cli-kit';
import type { AppCore } from '../core/app-core';

const cliCall = (app: AppCore) => actorCall(app, CLI_ACTOR);

export const plansListCommand: CliCommand = {
  name: 'plans list',
  usage: 'plans list [--data-dir 目录] [--json]',
  options: {},
  async run({ values }) {
    const plans = await withApp(values, async (app) => listPlans(cliCall(app)));
    return { plans: plans.map((p: PlanListRow) => ({ code: p.code, name: p.name, organisation: p.orgName, phase: p.phase })) };
  },
  render: (r: { plans: { code: string; name: string; organisation: string; phase: string }[] }) =>
    r.plans.length ? r.plans.map((p) => `${p.code}  ${p.phase.padEnd(6, '　')}  ${p.name}（${p.organisation}）`).join('\n') : '还没有考试计划：请先导入平台的数据包。',
};

export interface ImportReport {
  applied: boolean;
  counts: KindCounts;
}

export const packageImportCommand: CliCommand = {
  name: 'package import',
  usage: 'package import 文件.zip [--data-dir 目录] [--dry-run] [--json]',
  options: { 'dry-run': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, io }) {
    const path = resolve(positionals[0]!);
    return withApp(values, async (app): Promise<ImportReport> => {
      const file = app.files.register(path, basename(path), CLI_ACTOR);
      const input = { path, fileName: file.name, fileId: file.fileId };
      const options = { actor: CLI_ACTOR, owner: null };
      if (values['dry-run']) {
        const preview = await app.jobs.run(packageInspectJob, input, { ...options, title: '检查数据包' });
        io.say(preview.alreadyApplied ? `这个数据包已于 ${preview.alreadyApplied.at} 导入过。` : `检查通过（试运行，未写入）：${describe(preview.counts)}`);
        return { applied: false, counts: preview.counts };
      }
      const result = await app.jobs.run(packageImportJob, { ...input, expectedHash: await hashFile(path) }, { ...options, title: '导入数据包' });
      io.say(result.message);
      return { applied: result.applied, counts: result.counts };
    });
  },
  render: (r: ImportReport) => describe(r.counts),
};

function describe(counts: KindCounts): string {
  return Object.entries(counts)
    .map(([k, c]) => `${PACKAGE_KINDS[k as PackageKind]?.label ?? k}：新增 ${c.new}，变更 ${c.changed}，未变 ${c.unchanged}`)
    .join('\n');
}

export const packageExportCommand: CliCommand = {
  name: 'package export',
  usage: `package export --kinds 类型1,类型2 --out 文件.zip [--include-incomplete] [--data-dir 目录] [--json]（类型：${OUTBOUND_KINDS.join(', ')}）`,
  options: { kinds: { type: 'string' }, out: { type: 'string' }, 'include-incomplete': { type: 'boolean' } },
  async run({ values, io }) {
    if (typeof values.kinds !== 'string' || !values.kinds.trim()) throw new UsageError('缺少参数 --kinds');
    if (typeof values.out !== 'string' || !values.out.trim()) throw new UsageError('缺少参数 --out');
    const kinds = [
      ...new Set(
        values.kinds
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      ),
    ];
    const bad = kinds.find((k) => !isOutboundKind(k));
    if (bad) throw new AppError('VALIDATION', `“${bad.slice(0, 40)}”不是可以发出的数据类型（可选：${OUTBOUND_KINDS.join(', ')}）。`);
    const outFile = outFileOf(values);
    return withApp(values, async (app) => {
      const result = await app.jobs.run(
        exportJob,
        { kinds: kinds.filter(isOutboundKind), outFile, options: { includeIncomplete: values['include-incomplete'] === true } },
        { title: '生成数据包', actor: CLI_ACTOR, owner: null },
      );
      io.say(`已生成 ${result.path}（序号 ${result.sequence}）`);
      return { file: result.path, sequence: result.sequence, counts: result.counts, fileHash: result.fileHash, size: result.size };
    });
  },
  render: (r: { file: string }) => r.file,
};

export const platformKeyCommand: CliCommand = {
  name: 'platform-key add',
  usage: 'platform-key add 公钥.pem [--data-dir 目录] [--json]（信任平台的签名公钥）',
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }) {
    const pem = readFileSync(resolve(positionals[0]!), 'utf8').trim();
    const parsed = parsePublicKey(pem);
    if (!parsed) throw new AppError('VALIDATION', `${positionals[0]} 不是 Ed25519 公钥（PEM）。`, { file: positionals[0] });
    return withApp(values, async (app) => {
      const current = readSettings(app.store).platformPublicKeys;
      const keys = current.some((k) => parsePublicKey(k)?.keyId === parsed.keyId) ? current : [...current, pem];
      updateSettings(cliCall(app), { platformPublicKeys: keys });
      return { keyId: parsed.keyId, trustedKeys: keys.length };
    });
  },
  render: (r: { keyId: string }) => `已信任平台公钥 ${r.keyId}`,
};
