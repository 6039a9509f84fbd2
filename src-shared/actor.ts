import type { Role } from './roles';

/** Who did it, as the audit log records it. `cli` and `system` act without an account. */
export interface Actor {
  name: string;
  id: number | null;
  role: Role | null;
}

export const CLI_ACTOR: Actor = { name: 'cli', id: null, role: null };
export const SYSTEM_ACTOR: Actor = { name: 'system', id: null, role: null };
