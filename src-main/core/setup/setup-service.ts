import type { z } from 'zod';
import type { AppInfo, setupInput } from '../../../src-shared/api/app';
import { AppError } from '../../../src-shared/errors';
import { writeAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password';
import type { CallContext } from '../call-context';
import { insertInstitution } from '../institution/institution-store';
import { readInstitution } from '../institution/institution-service';
import { insertUser } from '../users/user-store';

const ALREADY = () => new AppError('STATE', '首次设置已经完成：院校和负责人账号只能创建一次。');

/** The first-run wizard: the institution and its one principal, together or not at all. */
export async function createInstitution(call: CallContext, input: z.output<typeof setupInput>): Promise<AppInfo> {
  const { app } = call;
  if (readInstitution(app.store)) throw ALREADY();
  // Nobody is logged in yet: the audit names the wizard (or the CLI, which brings its own actor).
  if (call.actor.name === 'anonymous') call.actor = { name: 'setup', id: null, role: null };
  const hash = await hashPassword(input.principal.password, app.passwordCost);
  const now = app.now().toISOString();
  const i = input.institution;
  app.store.tx(() => {
    if (readInstitution(app.store)) throw ALREADY();
    insertInstitution(app.store, i, now);
    // The principal chose this password themselves.
    const userId = insertUser(
      app.store,
      { username: input.principal.username, displayName: input.principal.displayName, role: 'principal', passwordHash: hash, phone: null, mustChangePassword: false },
      now,
    );
    writeAudit(call, { operation: 'setup.create', entityType: 'institution', entityId: i.code, after: readInstitution(app.store) });
    writeAudit(call, {
      operation: 'users.create',
      entityType: 'user',
      entityId: userId,
      after: { username: input.principal.username, displayName: input.principal.displayName, role: 'principal' },
    });
  });
  return app.info();
}
