export const ROLES = ['principal', 'coordinator', 'invigilator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  principal: '试点院校负责人',
  coordinator: '业务管理员',
  invigilator: '监考/巡考',
};

/**
 * Who may call an operation: `public` needs only the launch token (first-run and login),
 * `user` any logged-in, unlocked account, otherwise the listed roles.
 */
export type Access = 'public' | 'user' | readonly Role[];

export const STAFF: readonly Role[] = ['principal', 'coordinator'];
export const PRINCIPAL_ONLY: readonly Role[] = ['principal'];

export function roleAllowed(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  if (access === 'user') return true;
  return access.includes(role);
}
