import { contract } from '../../../src-shared/api';

/** Audit rows name operations by their contract name; people read the contract's summary. */
export const OPERATION_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(contract).map(([name, def]) => [name, def.summary])),
  'auth.loginFailed': '登录失败',
  'auth.loginDisabled': '已停用的账号尝试登录',
  'candidates.import': '导入考生',
  'photos.import': '导入考生照片',
  'photos.replace': '替换考生照片',
  'majors.create': '添加开设专业',
  'majors.update': '修改开设专业',
  'majors.import': '导入开设专业',
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
  declaration: '证书试点申报',
  major: '开设专业',
  'major-import': '开设专业导入',
};

export const ACTOR_LABELS: Record<string, string> = {
  cli: '命令行',
  setup: '首次设置向导',
  system: '系统',
  anonymous: '未登录',
};
