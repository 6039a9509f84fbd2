import { userOps } from '../../../src-shared/api/users';
import { handlersFor } from '../handler-kit';
import { createUser, listUsers, resetPassword, updateUser } from './users-service';

export const userHandlers = handlersFor(userOps)({
  'users.list': listUsers,
  'users.create': createUser,
  'users.update': updateUser,
  'users.resetPassword': resetPassword,
});
