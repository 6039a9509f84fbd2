import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../src-shared/errors';
import { AppCore } from '../core/app-core';
import { defaultDataDir } from '../core/paths';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

export class UsageError extends Error {}

export interface CliIo {
  json: boolean;
  /** stderr: logs and Chinese messages; stdout stays clean for `--json`. */
  say(message: string): void;
}

export interface CliCommand {
  name: string;
  usage: string;
  options: ParseArgsOptionsConfig;
  positionals?: { min: number; max: number };
  /** Returns the report: printed as one JSON object with --json, else as text by `render`. */
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[]; io: CliIo }): Promise<unknown>;
  render?(report: never): string;
  /** The exit code of a report that is not plain success (`results check` with disagreements); default 0. */
  exitCode?(report: never): number;
}

export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`缺少参数 --${name}`);
  return v;
}

/**
 * The file an `--out` names, whole: missing folders on its way are made (scripts have always
 * relied on `package export --out new/dir/x.zip`), but a file standing where a folder should be,
 * or `--out` naming a folder, is refused before any work starts.
 */
export function outFileOf(values: Record<string, unknown>, name = 'out'): string {
  const file = resolve(requireString(values, name));
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    // EEXIST/ENOTDIR: a file stands where a folder of the path should be.
    throw new UsageError(`--${name} 的路径 ${folder} 中有一段不是文件夹`);
  }
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--${name} 应为文件名，但 ${file} 是一个文件夹`);
  return file;
}

/** parseArgs' refusals (English) in the words of the rest of the command line. */
function argumentError(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' <]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知的参数 ${option.slice(0, 80)}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /does not take/.test(message) ? `参数 ${option} 不带取值` : `参数 ${option} 缺少取值`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return '多余的参数';
  return e instanceof UsageError ? message : `参数有误：${message.slice(0, 200)}`;
}

/** An option given twice (`--plan A --plan B`) would silently take the last: refused, naming it. */
function refuseRepeated(tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>, options: ParseArgsOptionsConfig): void {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || options[t.name]?.multiple) continue;
    if (seen.has(t.name)) throw new UsageError(`参数 --${t.name} 给了不止一次：每个参数只能给一次`);
    seen.add(t.name);
  }
}

export function dataDirOf(values: Record<string, unknown>): string {
  return typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir();
}

export async function withApp<T>(values: Record<string, unknown>, fn: (app: AppCore) => Promise<T>): Promise<T> {
  // A one-shot command may wait a little for the app's own writes; the app's window never waits.
  const app = await AppCore.open({ dataDir: dataDirOf(values), transport: 'browser', busyTimeoutMs: 5000 });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/**
 * Runs one command: exit 0 on success, 1 when the input was refused (the Chinese reason on
 * stderr, and with --json `{"refused": …}` on stdout), 2 on a usage error.
 */
export async function runCli(argv: string[], commands: CliCommand[]): Promise<number> {
  const name = argv[0];
  const command = commands.filter((c) => c.name.split(' ').every((word, i) => argv[i] === word)).sort((a, b) => b.name.length - a.name.length)[0];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stderr.write(helpText(commands));
    return name ? 0 : 2;
  }
  if (!command) {
    process.stderr.write(`未知命令：${argv.slice(0, 2).join(' ')}\n\n${helpText(commands)}`);
    return 2;
  }
  const words = command.name.split(' ').length;
  const args = argv.slice(words);
  const json = args.includes('--json');
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options = { ...COMMON_OPTIONS, ...command.options };
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
    refuseRepeated(parsed.tokens ?? [], options);
    const { min, max } = command.positionals ?? { min: 0, max: 0 };
    if (parsed.positionals.length < min || parsed.positionals.length > max) throw new UsageError('参数个数不对');
  } catch (e) {
    process.stderr.write(`${argumentError(e)}\n用法：npm run cli -- ${command.usage}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stderr.write(`用法：npm run cli -- ${command.usage}\n`);
    return 0;
  }
  const io: CliIo = { json, say: (m) => process.stderr.write(`${m}\n`) };
  try {
    const report = await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals, io });
    if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else if (command.render) process.stdout.write(`${(command.render as (r: unknown) => string)(report)}\n`);
    return command.exitCode ? (command.exitCode as (r: unknown) => number)(report) : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n用法：npm run cli -- ${command.usage}\n`);
      return 2;
    }
    const error = e instanceof AppError ? e : new AppError('INTERNAL', `命令失败：${e instanceof Error ? e.message : String(e)}`);
    if (!(e instanceof AppError) && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    process.stderr.write(`错误：${error.message}\n`);
    // A command that already printed its own report (rows refused after a commit) adds nothing.
    if (json && !error.details?.alreadyPrinted)
      process.stdout.write(`${JSON.stringify({ refused: { code: error.code, message: error.message, file: (error.details?.file as string | undefined) ?? null } })}\n`);
    return 1;
  }
}

function helpText(commands: CliCommand[]): string {
  return `考点助手命令行（npm run cli -- <命令>）\n\n${commands.map((c) => `  ${c.usage}`).join('\n')}\n\n共同参数：--data-dir 目录（默认为系统的用户数据目录），--json 输出一个 JSON 对象\n`;
}
