import type { Actor } from '../../src-shared/actor';
import type { AppCore } from './app-core';
import type { Session } from './auth/sessions';

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
