import type { AppInfo } from '../../src-shared/api/app';
import { institutionDateTime } from '../../src-shared/domain/institution-time';
import { AppError } from '../../src-shared/errors';
import { createBackup } from '../store/backup';
import { migrate } from '../store/migrate';
import { MIGRATIONS, type Migration } from '../store/migrations';
import { Store } from '../store/store';
import { JobRunner, type JobRunnerOptions } from '../jobs/runner';
import { JOBS } from './registry/jobs';
import { UnknownNameThrottle } from './auth/login-throttle';
import { SessionManager } from './auth/sessions';
import { FileRegistry } from './files/file-registry';
import { makeDataDirPrivate } from '../files/private-fs';
import { DAY_MS, sweepDir } from './files/sweep-dir';
import { attachLogFile, createLogger } from '../logging/logger';
import { logsDir, pruneLogs } from '../logging/log-files';
import { PASSWORD_COST, type PasswordCost } from './auth/password';
import { stagingDir, storePath } from './paths';
import { readSettings } from './settings/settings-service';
import { APP_VERSION } from './version';

export interface AppOptions {
  dataDir: string;
  transport: AppInfo['transport'];
  /** Tests move the clock; everything dated asks this, never `new Date()` directly. */
  now?: () => Date;
  /** Tests run their own jobs (a registry and the worker module that hands it over). */
  jobs?: Partial<Pick<JobRunnerOptions, 'registry' | 'workerEntry' | 'cancelGraceMs'>>;
  /**
   * How long this process's own connection waits for another's write lock. The window's process
   * never waits (0): a write that finds a job holding the store is answered at once, "请稍候再试".
   * A one-shot command line may wait a little for the app's writes to finish.
   */
  busyTimeoutMs?: number;
  /**
   * The scrypt cost of new password hashes (and of the unknown-user decoy). Only tests pass it,
   * to set up accounts in milliseconds; the shipped app never does, and reads no setting for it.
   */
  passwordCost?: PasswordCost;
}

/** The worker module beside this one: TypeScript from the sources, the bundled .mjs in dist/main. */
const WORKER_ENTRY = import.meta.url.endsWith('.ts') ? new URL('./registry/job-worker.ts', import.meta.url) : new URL('./job-worker.mjs', import.meta.url);

// Opening is told by the caller (the CLI, the server, Electron) in its own words: the file alone keeps the details.
const fileLog = createLogger('app', { fileOnly: true });
const log = createLogger('app');

/** The running application: its store, sessions and jobs. Transports and the CLI sit on it. */
export class AppCore {
  readonly dataDir: string;
  readonly transport: AppInfo['transport'];
  readonly sessions: SessionManager;
  readonly jobs: JobRunner;
  readonly files: FileRegistry;
  /** Failed logins for names without an account (an account's own count is in the store). */
  readonly unknownNames = new UnknownNameThrottle();
  readonly now: () => Date;
  readonly passwordCost: PasswordCost;
  /** Set while a restore swaps the store: calls wait on nothing and are refused instead. */
  busyReason: string | null = null;
  /** Operations that wrote without an audit entry (a bug, logged as one); the tests require none. */
  readonly unauditedOperations: string[] = [];
  private current: Store;
  private readonly busyTimeoutMs: number;
  private readonly detachLog: () => void;

  private constructor(options: AppOptions, store: Store, detachLog: () => void) {
    this.dataDir = options.dataDir;
    this.transport = options.transport;
    this.now = options.now ?? (() => new Date());
    this.busyTimeoutMs = options.busyTimeoutMs ?? 0;
    this.passwordCost = options.passwordCost ?? PASSWORD_COST;
    this.detachLog = detachLog;
    this.current = store;
    store.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    this.sessions = new SessionManager(() => this.now().getTime());
    this.jobs = new JobRunner({
      registry: JOBS,
      workerEntry: WORKER_ENTRY,
      ...options.jobs,
      dataDir: options.dataDir,
      storePath: storePath(options.dataDir),
      now: this.now,
      onCrash: (kind, e) => log.error(`job ${kind} crashed`, e),
    });
    this.files = new FileRegistry(options.dataDir, () => this.jobs.isBusy());
    this.files.sweep();
    this.sessions.onEnd((token) => this.files.releaseSession(token));
    // A photo check nobody committed leaves its accepted photos behind; a day later they go.
    sweepDir(stagingDir(options.dataDir), DAY_MS);
  }

  static async open(options: AppOptions): Promise<AppCore> {
    makeDataDirPrivate(options.dataDir);
    // Before the store: a migration that fails is the first thing support wants to read.
    const detachLog = attachLogFile(options.dataDir);
    pruneLogs(logsDir(options.dataDir));
    let store: Store;
    try {
      store = await openAndMigrate(options.dataDir);
    } catch (e) {
      fileLog.error(`could not open the store in ${options.dataDir}`, e);
      detachLog();
      throw e;
    }
    fileLog.info(`考点助手 ${APP_VERSION} opened ${store.path} (schema ${store.schemaVersion}, ${options.transport}, Node ${process.versions.node}, ${process.platform})`);
    return new AppCore(options, store, detachLog);
  }

  get logsDir(): string {
    return logsDir(this.dataDir);
  }

  get store(): Store {
    return this.current;
  }

  /** Swaps in a freshly opened store (after a restore); every session must log in again. */
  replaceStore(store: Store): void {
    store.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    this.current = store;
    this.sessions.endAll();
  }

  get idleLockMinutes(): number {
    return readSettings(this.store).idleLockMinutes;
  }

  info(): AppInfo {
    const inst = this.store.get(this.store.q.selectFrom('institution').select(['code', 'name']));
    return {
      name: '考点助手',
      version: APP_VERSION,
      schemaVersion: this.store.schemaVersion,
      dataDir: this.dataDir,
      logsDir: this.logsDir,
      transport: this.transport,
      needsSetup: !inst,
      institution: inst ?? null,
      clockWarning: this.clockWarning(),
    };
  }

  /** DESIGN.md §4: warn when the clock is earlier than the newest package the app has seen. */
  private clockWarning(): string | null {
    const newest = this.store.get(
      this.store.q
        .selectFrom('package_history')
        .select((eb) => eb.fn.max('package_created_at').as('at'))
        .where('direction', '=', 'in'),
    )?.at;
    const now = this.now();
    if (!newest || now.getTime() >= new Date(newest).getTime()) return null;
    return `本机的日期时间（${institutionDateTime(now)}）早于最近收到的平台数据包的生成时间（${institutionDateTime(new Date(newest))}）。报名、考试等时间窗口都以本机时钟为准，请先校正电脑的日期和时间。`;
  }

  assertNotBusy(): void {
    if (this.busyReason) throw new AppError('STATE', `${this.busyReason}，请稍候再试。`);
  }

  async close(): Promise<void> {
    await this.jobs.shutdown();
    this.current.close();
    this.detachLog();
  }
}

/** Opens the store at its path and migrates it, backing an existing store up first. */
export async function openAndMigrate(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Promise<Store> {
  const store = new Store(storePath(dataDir));
  try {
    await migrate(
      store.db,
      async (from) => {
        const b = await createBackup(store.db, dataDir, 'pre-migrate');
        log.info(`backed up schema ${from} before migrating: ${b.name}`);
      },
      migrations,
    );
  } catch (e) {
    store.close();
    throw e;
  }
  return store;
}
