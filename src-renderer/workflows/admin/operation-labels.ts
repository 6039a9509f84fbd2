import { contract } from '../../../src-shared/api';

/** Audit rows name operations by their contract name; people read the contract's summary. */
export const OPERATION_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(contract).map(([name, def]) => [name, def.summary])),
  'auth.loginFailed': '登录失败',
};
