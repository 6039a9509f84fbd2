import { contract } from '../../../src-shared/api';

/** Audit rows name operations by their contract name; people read the contract's summary. */
export const OPERATION_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(contract).map(([name, def]) => [name, def.summary])),
  'auth.loginFailed': '登录失败',
  'auth.loginDisabled': '已停用的账号尝试登录',
  'candidates.import': '导入考生',
  'photos.import': '导入考生照片',
  'photos.replace': '替换考生照片',
};

export const ENTITY_LABELS: Record<string, string> = {
  user: '账号',
  institution: '院校',
  settings: '设置',
  backup: '备份',
  package: '数据包',
  candidate: '考生',
  'candidate-import': '考生导入',
  'photo-import': '照片导入',
  'exam-site': '考核站点',
  'exam-room': '考场',
  capacity: '考位检查',
};

export const ACTOR_LABELS: Record<string, string> = {
  cli: '命令行',
  setup: '首次设置向导',
  system: '系统',
  anonymous: '未登录',
};
