import type { Role } from '../../src-shared/roles';
import type { AppCore } from './app-core';
import type { Session } from './auth/sessions';

/** Who did it, as the audit log records it. `cli` and `system` act without an account. */
export interface Actor {
  name: string;
  id: number | null;
  role: Role | null;
}

export const CLI_ACTOR: Actor = { name: 'cli', id: null, role: null };
export const SYSTEM_ACTOR: Actor = { name: 'system', id: null, role: null };

export interface CallContext {
  app: AppCore;
  actor: Actor;
  session: Session | null;
  /** The raw session token the caller presented (login/logout/unlock need it). */
  sessionToken: string | null;
  /** Counts audit entries written by this call: the dispatcher checks mutations wrote one. */
  audited: number;
}

export function actorOf(session: Session): Actor {
  return { name: session.user.username, id: session.user.id, role: session.user.role };
}

/** A call made by the app itself on behalf of an actor (the CLI, the demo): no session. */
export function actorCall(app: AppCore, actor: Actor): CallContext {
  return { app, actor, session: null, sessionToken: null, audited: 0 };
}
