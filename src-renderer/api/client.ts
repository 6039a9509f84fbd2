import type { Contract, OpName } from '../../src-shared/api';
import type { InputOf, OutputOf } from '../../src-shared/api/contract';
import type { ServerEvent } from '../../src-shared/api/jobs';
import type { FileRef } from '../../src-shared/api/files';
import { AppError } from '../../src-shared/errors';
import { httpTransport } from './http-transport';
import type { Transport } from './transport';

const SESSION_KEY = 'examsite.session';
/** Where UNAUTHENTICATED means a wrong password typed, not a session that ended. */
const PASSWORD_CHECKS = new Set<string>(['auth.login', 'auth.unlock', 'auth.changePassword']);

/**
 * The renderer's one way to the core. Pages call `api.call('users.list', {})` and never learn
 * whether Electron IPC or the loopback bridge carried it.
 */
export class ApiClient {
  private session: string | null;
  private readonly authListeners = new Set<(code: 'UNAUTHENTICATED' | 'SESSION_LOCKED') => void>();

  constructor(readonly transport: Transport) {
    this.session = sessionStorage.getItem(SESSION_KEY);
  }

  async call<K extends OpName>(name: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>> {
    const result = await this.transport.invoke(name, input, this.session);
    if (result.ok) return result.data as OutputOf<Contract[K]>;
    const { code } = result.error;
    if ((code === 'UNAUTHENTICATED' && this.session && !PASSWORD_CHECKS.has(name)) || code === 'SESSION_LOCKED') for (const l of this.authListeners) l(code);
    throw AppError.from(result.error);
  }

  async upload(file: File): Promise<FileRef> {
    const result = await this.transport.upload(file, this.session);
    if (!result.ok) throw AppError.from(result.error);
    return result.data;
  }

  async saveFile(file: FileRef): Promise<{ saved: boolean; path?: string }> {
    const result = await this.transport.saveFile(file, this.session);
    if (!result.ok) throw AppError.from(result.error);
    return result.data;
  }

  /** Opens the file for printing where the transport can (the browser mode: a new tab); elsewhere offers it to save. */
  async openFile(file: FileRef): Promise<{ opened: boolean }> {
    if (!this.transport.openFile) {
      await this.saveFile(file);
      return { opened: false };
    }
    const result = await this.transport.openFile(file, this.session);
    if (!result.ok) throw AppError.from(result.error);
    return result.data;
  }

  setSession(token: string | null): void {
    this.session = token;
    if (token) sessionStorage.setItem(SESSION_KEY, token);
    else sessionStorage.removeItem(SESSION_KEY);
  }

  hasSession(): boolean {
    return this.session !== null;
  }

  /** Told when a call finds the session ended or locked, so the shell can show login or the lock. */
  onAuthProblem(listener: (code: 'UNAUTHENTICATED' | 'SESSION_LOCKED') => void): () => void {
    this.authListeners.add(listener);
    return () => this.authListeners.delete(listener);
  }

  subscribe(onEvent: (event: ServerEvent) => void): () => void {
    return this.transport.subscribe(this.session, onEvent);
  }
}

/** Electron when the preload put its bridge on window, otherwise the loopback bridge. */
export function pickTransport(): Transport {
  const bridge = window.examsite;
  if (bridge)
    return { kind: 'electron', ...bridge, saveFile: (file, session) => bridge.saveFile(file.fileId, session), openFile: (file, session) => bridge.openFile(file.fileId, session) };
  const token = document.querySelector<HTMLMetaElement>('meta[name="examsite-token"]')?.content ?? '';
  return httpTransport(token);
}
