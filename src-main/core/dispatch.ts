import type { z } from 'zod';
import { contract, isOpName, type OpName } from '../../src-shared/api';
import type { InputOf, OutputOf } from '../../src-shared/api/contract';
import { AppError, type CallResult } from '../../src-shared/errors';
import { roleAllowed } from '../../src-shared/roles';
import { classifySqliteError } from '../store/store';
import type { AppCore } from './app-core';
import { type Actor } from '../../src-shared/actor';
import { actorCall, actorOf, type CallContext } from './call-context';
import { handlers } from './registry/handlers';
import { createLogger } from '../logging/logger';
import { describeZodError, zodIssueDetails } from './zod-messages';

const log = createLogger('dispatch');

/** Calls that a locked session may still make: to see it is locked, to unlock, to leave. */
const ALLOWED_WHILE_LOCKED = new Set<string>(['auth.session', 'auth.unlock', 'auth.logout', 'app.info']);
/**
 * Calls that a session whose password the principal chose may make: to see why, to change it, to
 * leave; the idle lock goes on working meanwhile.
 */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<string>(['auth.session', 'auth.logout', 'auth.changePassword', 'auth.lock', 'auth.unlock', 'auth.touch', 'app.info']);
const passwordChangeRequired = () => new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码。');
/** Calls that do not count as the person being at the keyboard. */
const NOT_ACTIVITY = new Set<string>(['auth.session', 'jobs.get', 'jobs.list', 'app.info']);

/**
 * The one entry point both transports use: unknown operation, session, role and input are all
 * checked here, before any handler runs; every failure becomes a typed error, never a crash.
 */
export async function dispatch(app: AppCore, name: string, rawInput: unknown, sessionToken: string | null): Promise<CallResult<unknown>> {
  try {
    if (!isOpName(name)) throw new AppError('UNKNOWN_OPERATION', `未知的操作：${name.slice(0, 80)}`);
    const def = contract[name];
    const session = app.sessions.get(sessionToken, app.idleLockMinutes);
    if (session?.locked && !ALLOWED_WHILE_LOCKED.has(name)) throw new AppError('SESSION_LOCKED', '已锁定：请输入密码解锁。');
    if (def.access !== 'public' && !session) throw new AppError('UNAUTHENTICATED', '请先登录。');
    if (session?.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(name)) throw passwordChangeRequired();
    if (!roleAllowed(def.access, session?.user.role)) throw new AppError('FORBIDDEN', '您的角色无权执行此操作。');
    if (def.mutates) app.assertNotBusy();
    const call: CallContext = {
      app,
      actor: session ? actorOf(session) : { name: 'anonymous', id: null, role: null },
      session,
      sessionToken,
      audited: 0,
    };
    const data = await run(call, name, rawInput);
    if (session && !NOT_ACTIVITY.has(name)) app.sessions.touch(session);
    return { ok: true, data };
  } catch (e) {
    return { ok: false, error: toAppError(e, name, app).toInfo() };
  }
}

/**
 * For the transports' file doors (upload, download, save) and event streams: a logged-in,
 * unlocked session with no password to change first, or the typed error to answer with. Opening
 * a stream is not the person at the keyboard (`touch: false`).
 */
export function requireActor(app: AppCore, sessionToken: string | null, options: { touch?: boolean } = {}): Actor {
  const session = app.sessions.get(sessionToken, app.idleLockMinutes);
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录。');
  if (session.locked) throw new AppError('SESSION_LOCKED', '已锁定：请输入密码解锁。');
  if (session.user.mustChangePassword) throw passwordChangeRequired();
  if (options.touch ?? true) app.sessions.touch(session);
  return actorOf(session);
}

/** The same services for the CLI: input validated, audited as the given actor, no session. */
export async function invokeAs<K extends OpName>(app: AppCore, actor: Actor, name: K, input: InputOf<(typeof contract)[K]>): Promise<OutputOf<(typeof contract)[K]>> {
  try {
    return (await run(actorCall(app, actor), name, input)) as OutputOf<(typeof contract)[K]>;
  } catch (e) {
    throw toAppError(e, name, app);
  }
}

async function run(call: CallContext, name: OpName, rawInput: unknown): Promise<unknown> {
  const def = contract[name];
  const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {});
  if (!parsed.success) throw new AppError('VALIDATION', describeZodError(parsed.error), zodIssueDetails(parsed.error));
  const handler = handlers[name] as (call: CallContext, input: unknown) => unknown;
  const changesBefore = totalChanges(call);
  const result = await handler(call, parsed.data);
  // Jobs write (and audit) on their own connection; here only this connection's writes count.
  if (totalChanges(call) > changesBefore && call.audited === 0) {
    log.error(`operation ${name} changed the store without an audit entry`);
    call.app.unauditedOperations.push(name);
  }
  return result;
}

function totalChanges(call: CallContext): number {
  return call.app.store.prepare('SELECT total_changes()').pluck().get() as number;
}

function toAppError(e: unknown, operation: string, app: AppCore): AppError {
  if (e instanceof AppError) return e;
  if (String((e as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return busy(app);
  if (typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('SQLITE')) return classifySqliteError(e, operation);
  log.error(`operation ${operation} failed`, e);
  return new AppError('INTERNAL', `操作失败（${operation}）：程序内部错误，详情已写入日志。`);
}

/**
 * A write that found the store's lock held: this process never waits for it (the window would
 * freeze), so the person is told what holds it and to try again in a moment.
 */
function busy(app: AppCore): AppError {
  const job = app.jobs.runningJob();
  const what = job ? `正在${job.title}` : '数据文件正被另一个程序写入（例如命令行导入）';
  return new AppError('CONFLICT', `${what}，请稍候再试。`, { busy: true, ...(job ? { job: job.id } : {}) });
}
