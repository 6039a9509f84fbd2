import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'ExamSiteDesk';

/** The OS per-user app-data folder, where Electron's `userData` would also point. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

export function storePath(dataDir: string): string {
  return join(dataDir, 'examsite.db');
}

/** Work files of the data folder's own (a photo check's accepted photos): never user-visible. */
export function stagingDir(dataDir: string): string {
  return join(dataDir, 'staging');
}

/** Files the app writes for the person to save elsewhere (exports, refused rows). */
export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports');
}
