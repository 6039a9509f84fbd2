import { mkdirSync } from 'node:fs';
import type { AppInfo } from '../../src-shared/api/app';
import { institutionDateTime } from '../../src-shared/domain/institution-time';
import { AppError } from '../../src-shared/errors';
import { createBackup } from '../store/backup';
import { migrate } from '../store/migrate';
import { MIGRATIONS, type Migration } from '../store/migrations';
import { Store } from '../store/store';
import { JobRunner, type JobRunnerOptions } from '../jobs/runner';
import { SessionManager } from './auth/sessions';
import { FileRegistry } from './files/file-registry';
import { DAY_MS, sweepDir } from './files/sweep-dir';
import { createLogger } from './logger';
import { stagingDir, storePath } from './paths';
import { readSettings } from './settings/settings-service';
import { APP_VERSION } from './version';

export interface AppOptions {
  dataDir: string;
  transport: AppInfo['transport'];
  /** Tests move the clock; everything dated asks this, never `new Date()` directly. */
  now?: () => Date;
  jobs?: Omit<JobRunnerOptions, 'dataDir'>;
}

const log = createLogger('app');

/** The running application: its store, sessions and jobs. Transports and the CLI sit on it. */
export class AppCore {
  readonly dataDir: string;
  readonly transport: AppInfo['transport'];
  readonly sessions: SessionManager;
  readonly jobs: JobRunner;
  readonly files: FileRegistry;
  readonly now: () => Date;
  /** Set while a restore swaps the store: calls wait on nothing and are refused instead. */
  busyReason: string | null = null;
  /** Operations that wrote without an audit entry (a bug, logged as one); the tests require none. */
  readonly unauditedOperations: string[] = [];
  private current: Store;

  private constructor(options: AppOptions, store: Store) {
    this.dataDir = options.dataDir;
    this.transport = options.transport;
    this.now = options.now ?? (() => new Date());
    this.current = store;
    this.sessions = new SessionManager(() => this.now().getTime());
    this.jobs = new JobRunner({ ...options.jobs, dataDir: options.dataDir, now: this.now });
    this.files = new FileRegistry(options.dataDir);
    this.files.sweep();
    // A photo check nobody committed leaves its accepted photos behind; a day later they go.
    sweepDir(stagingDir(options.dataDir), DAY_MS);
  }

  static async open(options: AppOptions): Promise<AppCore> {
    mkdirSync(options.dataDir, { recursive: true });
    const store = await openAndMigrate(options.dataDir);
    log.debug(`store open: ${store.path} (schema ${store.schemaVersion})`);
    return new AppCore(options, store);
  }

  get store(): Store {
    return this.current;
  }

  /** Swaps in a freshly opened store (after a restore); every session must log in again. */
  replaceStore(store: Store): void {
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
