import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PACKAGE_KINDS, type PackageKind } from '../../../src-shared/domain/package-kinds';
import { AppError } from '../../../src-shared/errors';
import type { AttendancePayload } from '../../../src-shared/domain/attendance-kinds';
import { scoresFor } from './answer-attendance';
import { answerPackage, readOutbound } from './answer-package';
import { readScores } from './read-scores';
import { issueResultsPackage, PLATFORM_ROUNDING } from './platform-results';
import { issueSchedulePackage, scheduleEnrollmentsFile } from './answer-schedule';
import { describeWritten, issueCatalogPackage, issuePackage } from './issue-package';
import { DEFAULT_KEYS_DIR, PUBLIC_KEY_FILE } from './keys';
import { openPlatform } from './platform';
import { startPlatformServer } from './server';
import { TLS_CERT_FILE } from './tls';

/**
 * The platform simulator's command line (npm run platform -- …): test and demo tooling, never
 * part of the app. Conventions of the app's CLI: messages on stderr in Chinese, a one-line
 * summary on stdout, exit 0 done, 1 input refused, 2 usage error.
 */
class UsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;

interface Command {
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: number;
  /** Returns the stdout summary line. */
  run(values: Values, positionals: string[]): Promise<string>;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

function required(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`缺少参数 --${name}`);
  return v;
}

/**
 * An ISO 8601 instant. `--now` is when the platform acts (its packages' time; the day its plans
 * are dated from): a test whose app runs on a moved clock answers on the app's days.
 */
function instant(values: Values, name: string): Date | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const at = new Date(String(v));
  if (typeof v !== 'string' || Number.isNaN(at.getTime())) throw new UsageError(`--${name} 应为 ISO 8601 时间，如 2026-06-15T10:00:00+08:00`);
  return at;
}

function day(values: Values, name: string, what: string): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--${name} 应为 YYYY-MM-DD（${what}）`);
  return v;
}

function integer(values: Values, name: string, min: number, max: number): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`--${name} 应为 ${min}～${max} 的整数`);
  return Number(v);
}

const platformOf = (values: Values) => openPlatform({ keysDir: values.keys as string | undefined, scenarioPath: values.scenario as string | undefined });

const signatureText = (signed: boolean, keyId: string) => (signed ? `已签名（密钥 ${keyId}）` : '未签名');

const catalog: Command = {
  name: 'catalog',
  usage: 'catalog --institution 院校代码 --out 文件.zip [--keys 目录] [--scenario 场景.json] [--sequence N] [--unsigned] [--now 时间]',
  options: {
    institution: { type: 'string' },
    out: { type: 'string' },
    keys: { type: 'string' },
    scenario: { type: 'string' },
    sequence: { type: 'string' },
    unsigned: { type: 'boolean' },
    now: { type: 'string' },
  },
  positionals: 0,
  async run(values) {
    const institutionCode = required(values, 'institution');
    if (!/^\d{10}$/.test(institutionCode)) throw new UsageError('--institution 应为 10 位学校标识码');
    const out = required(values, 'out');
    const sequence = integer(values, 'sequence', 1, Number.MAX_SAFE_INTEGER);
    const now = instant(values, 'now');
    const platform = platformOf(values);
    const unsigned = values.unsigned === true;
    const issued = await issueCatalogPackage(platform, { institutionCode, out, unsigned, ...(sequence ? { sequence } : {}), ...(now ? { now } : {}) });
    if (!issued.province) say(`提示：无法从院校代码 ${institutionCode} 得出所在省份（学校标识码应以 4 开头，第 3、4 位为省份代码），目录中不含该省的申报计划。`);
    const { catalog: c, 'exam-subjects': s, 'exam-plans': p, 'declaration-plans': d } = issued.kinds;
    say(
      `目录：${c.organisations.length} 个培训评价组织，${c.certificates.length} 个证书，${c.majors.length} 个专业，${s.subjects.length} 个科目，${p.plans.length} 个考试计划，${d.plans.length} 个申报计划。`,
    );
    return `已生成目录数据包 ${describeWritten(issued.written)}，${signatureText(!unsigned, platform.keys.keyId)}`;
  },
};

const answer: Command = {
  name: 'answer',
  usage: 'answer 院校数据包.zip --out 回复.zip [--keys 目录] [--scenario 场景.json] [--now 时间] [--catalog-day YYYY-MM-DD]',
  options: { out: { type: 'string' }, keys: { type: 'string' }, scenario: { type: 'string' }, now: { type: 'string' }, 'catalog-day': { type: 'string' } },
  positionals: 1,
  async run(values, [input]) {
    const out = required(values, 'out');
    const now = instant(values, 'now') ?? new Date();
    const catalogDay = day(values, 'catalog-day', '发布目录的那一天');
    const platform = platformOf(values);
    const incoming = await readOutbound(input!, basename(input!));
    const { manifest } = incoming;
    say(`收到院校 ${manifest.institutionCode} 的数据包：序号 ${manifest.sequence}，${manifest.kinds.map((k) => PACKAGE_KINDS[k as PackageKind].label).join('、')}。`);
    const result = await answerPackage(platform, incoming, out, now, catalogDay);
    if (result.answer.unanswered.length) say(`平台模拟器暂不回应：${result.answer.unanswered.map((k) => PACKAGE_KINDS[k].label).join('、')}。`);
    if (!result.written) throw new AppError('BAD_FILE', `平台模拟器还不会回应这个数据包中的数据（${manifest.kinds.join('、')}），没有生成回复。`);
    return `已生成回复数据包 ${describeWritten(result.written)}，${signatureText(true, platform.keys.keyId)}`;
  },
};

const serve: Command = {
  name: 'serve',
  usage: 'serve --port N [--keys 目录] [--scenario 场景.json]',
  options: { port: { type: 'string' }, keys: { type: 'string' }, scenario: { type: 'string' } },
  positionals: 0,
  async run(values) {
    const port = integer(values, 'port', 0, 65535) ?? 0;
    const server = await startPlatformServer({ port, keysDir: values.keys as string | undefined, scenario: values.scenario as string | undefined, log: say });
    say(`平台模拟器已在 ${server.url} 提供 HTTPS 服务（Ctrl+C 停止）。`);
    say(`签名公钥：${join(server.keysDir, PUBLIC_KEY_FILE)}；HTTPS 证书（填入设置的平台 CA 证书）：${join(server.keysDir, TLS_CERT_FILE)}`);
    // The URL line goes out now, while serving: scripts read it to know the port.
    process.stdout.write(`${server.url}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    say('平台模拟器已停止。');
    return '';
  },
};

const schedule: Command = {
  name: 'schedule',
  usage:
    'schedule 考场信息数据包.zip --plan 考试计划 --enrollments 报考.json --out 排考.zip [--keys 目录] [--scenario 场景.json] [--catalog-day YYYY-MM-DD] [--issued-at 时间] [--seed N]',
  options: {
    plan: { type: 'string' },
    enrollments: { type: 'string' },
    out: { type: 'string' },
    keys: { type: 'string' },
    scenario: { type: 'string' },
    'catalog-day': { type: 'string' },
    'issued-at': { type: 'string' },
    seed: { type: 'string' },
  },
  positionals: 1,
  async run(values, [input]) {
    const planCode = required(values, 'plan');
    const out = required(values, 'out');
    const file = required(values, 'enrollments');
    const issuedAt = instant(values, 'issued-at');
    const seed = integer(values, 'seed', 0, 2 ** 32 - 1);
    const catalogDay = day(values, 'catalog-day', '发布目录的那一天');
    let enrollments;
    try {
      enrollments = scheduleEnrollmentsFile.parse(JSON.parse(readFileSync(file, 'utf8'))).enrollments;
    } catch (e) {
      throw new AppError(
        'BAD_FILE',
        `${file} 不是报考记录文件（{"enrollments": [{"planCode", "idNumber", "subjectCode", "group"}]}）：${e instanceof Error ? e.message.slice(0, 300) : String(e)}`,
      );
    }
    const platform = platformOf(values);
    const incoming = await readOutbound(input!, basename(input!));
    const rooms = (incoming.payloads.rooms as { rooms: Parameters<typeof issueSchedulePackage>[1]['rooms'] } | undefined)?.rooms;
    if (!rooms) throw new AppError('BAD_FILE', `${basename(input!)} 中没有考场信息（rooms），平台无法排考。`);
    const issued = await issueSchedulePackage(platform, {
      institutionCode: incoming.manifest.institutionCode,
      planCode,
      rooms,
      enrollments,
      out,
      ...(issuedAt ? { issuedAt } : {}),
      ...(seed === undefined ? {} : { seed }),
      ...(catalogDay === undefined ? {} : { catalogDay }),
    });
    for (const s of issued.shortfalls) say(`注意：${s}`);
    const seats = issued.schedule.sessions.reduce((n, x) => n + x.rooms.reduce((m, r) => m + r.seats.length, 0), 0);
    say(`排考：${issued.schedule.sessions.length} 个场次，${seats} 个座位。`);
    return `已生成排考数据包 ${describeWritten(issued.written)}，${signatureText(true, platform.keys.keyId)}`;
  },
};

const results: Command = {
  name: 'results',
  usage: 'results 成绩.zip|成绩.json --out 考证结果.zip [--institution 院校代码] [--keys 目录] [--scenario 场景.json] [--issued-at 时间]',
  options: { out: { type: 'string' }, institution: { type: 'string' }, keys: { type: 'string' }, scenario: { type: 'string' }, 'issued-at': { type: 'string' } },
  positionals: 1,
  async run(values, [input]) {
    const out = required(values, 'out');
    const issuedAt = values['issued-at'] === undefined ? undefined : new Date(String(values['issued-at']));
    if (issuedAt && Number.isNaN(issuedAt.getTime())) throw new UsageError('--issued-at 应为 ISO 8601 时间，如 2026-07-01T10:00:00+08:00');
    const institution = values.institution === undefined ? undefined : String(values.institution);
    if (institution !== undefined && !/^\d{10}$/.test(institution)) throw new UsageError('--institution 应为 10 位学校标识码');
    const platform = platformOf(values);
    const scores = await readScores(platform, input!, institution);
    const issued = await issueResultsPackage(platform, {
      institutionCode: scores.institutionCode,
      scores: scores.payload,
      out,
      ...(issuedAt ? { issuedAt: issuedAt.toISOString() } : {}),
    });
    for (const r of issued.results.results) say(`考试计划 ${r.planCode}：${r.entries.length} 项考证结果，通过 ${r.entries.filter((e) => e.passed).length} 项。`);
    say(`注意：${PLATFORM_ROUNDING}，与院校按“四舍五入”计算的综合成绩可能相差 0.1 分。`);
    return `已生成考证结果数据包 ${describeWritten(issued.written)}，${signatureText(true, platform.keys.keyId)}`;
  },
};

const scores: Command = {
  name: 'scores',
  usage: 'scores 考勤.zip --out 科目成绩.zip [--subject 科目代码] [--keys 目录] [--scenario 场景.json] [--now 时间]',
  options: { out: { type: 'string' }, subject: { type: 'string' }, keys: { type: 'string' }, scenario: { type: 'string' }, now: { type: 'string' } },
  positionals: 1,
  async run(values, [input]) {
    const out = required(values, 'out');
    const now = instant(values, 'now') ?? new Date();
    const subject = values.subject === undefined ? undefined : String(values.subject);
    if (subject !== undefined && !/^[\w-]{1,20}$/.test(subject)) throw new UsageError('--subject 应为科目代码，如 512801');
    const platform = platformOf(values);
    const file = basename(input!);
    const incoming = await readOutbound(input!, file);
    const attendance = incoming.payloads.attendance as AttendancePayload | undefined;
    if (!attendance) throw new AppError('BAD_FILE', `${file} 中没有考勤数据：科目成绩按院校报送的考勤发布。`, { file });
    const all = scoresFor(attendance, platform.scenario, now).scores;
    const blocks = subject === undefined ? all : all.filter((b) => b.subjectCode === subject);
    if (!blocks.length)
      throw new AppError('BAD_FILE', subject === undefined ? `${file} 的考勤中没有考场座位，没有可发布的成绩。` : `${file} 的考勤中没有科目 ${subject}。`, { file });
    const written = await issuePackage(platform, { scores: { scores: blocks } }, { institutionCode: incoming.manifest.institutionCode, out, now });
    for (const b of blocks) say(`考试计划 ${b.planCode} 科目 ${b.subjectCode}：${b.entries.length} 条成绩，缺考 ${b.entries.filter((e) => e.absent).length} 条。`);
    return `已生成科目成绩数据包 ${describeWritten(written)}，${signatureText(true, platform.keys.keyId)}`;
  },
};

const COMMANDS = [catalog, answer, schedule, results, scores, serve];

function help(): string {
  return `平台模拟器（npm run platform -- <命令>）：扮演省级教育行政部门与培训评价组织，签发数据包、回复院校数据包、提供在线交换。\n\n${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}\n\n--keys 目录默认为 ${DEFAULT_KEYS_DIR}（签名密钥、HTTPS 证书与序号状态，缺少时自动生成）。\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stderr.write(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`未知命令：${name}\n\n${help()}`);
    return 2;
  }
  const usage = `用法：npm run platform -- ${command.usage}\n`;
  try {
    const parsed = parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      process.stderr.write(usage);
      return 0;
    }
    if (parsed.positionals.length !== command.positionals)
      throw new UsageError(command.positionals ? `需要 ${command.positionals} 个文件参数` : `多余的参数：${parsed.positionals.join(' ')}`);
    const summary = await command.run(parsed.values, parsed.positionals);
    if (summary) process.stdout.write(`${summary}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n${usage}`);
      return 2;
    }
    if (!(e instanceof AppError)) process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.stderr.write(`错误：${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
