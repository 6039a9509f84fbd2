import { contract } from '../api';
import { ROLE_LABELS } from '../roles';
import { CANDIDATE_KIND_LABELS, REALNAME_LABELS } from './candidate';
import { ENROLL_MODE_LABELS, ENROLL_SHEET_LABELS } from './enrollment';
import { ISSUANCE_DECISION_LABELS } from './issuance';
import { describeIdMaskRule, maskIdNumber, type IdMaskRule } from './id-number';
import { PACKAGE_KINDS } from './package-kinds';
import { PAYMENT_BASIS_LABELS, PAYMENT_STATUS_LABELS } from './payment';

/**
 * How the audit log reads to a person: operations, entities, actors and fields by their Chinese
 * names, values as people write them. The core builds the audit view (and its export) with
 * these; the page uses the same names for its filters.
 */

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
  'payments.import': '导入生成缴费单',
  'enrollments.import': '批量导入报考',
  'enrollments.deleteImport': '批量删除报考',
  'scores.lock': '公示结束，成绩锁定',
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
  'exam-site': '考核站点',
  'exam-room': '考场',
  capacity: '考位检查',
  'major-import': '开设专业导入',
  'payment-order': '缴费单',
  fee: '收费标准',
  enrollment: '报考',
  'enrollment-import': '报考导入',
  schedule: '排考',
  staff: '监考人员',
  invigilation: '监考安排',
  attendance: '考勤',
  'signature-seal': '签名章',
  'issuance-sitting': '证书签发',
  'score-dispute': '成绩异议',
  'score-lock': '成绩锁定',
};

export const ACTOR_LABELS: Record<string, string> = {
  cli: '命令行',
  setup: '首次设置向导',
  system: '系统',
  anonymous: '未登录',
};

const PHOTO_FIELDS = { sha256: '照片指纹', size: '文件大小', width: '宽（像素）', height: '高（像素）', format: '格式', file: '照片文件', fixed: '已自动调整尺寸' };

/** Field names per entity type; a field not listed is shown by its own name (import rows already use the sheet's headers). */
const FIELD_LABELS: Record<string, Record<string, string>> = {
  candidate: {
    kind: '考生类别',
    name: '姓名',
    namePinyin: '姓名拼音',
    idNumber: '身份证号',
    phone: '手机号',
    major: '专业',
    majorLevel: '专业层次',
    entryYear: '入学年份',
    education: '最高学历',
    employer: '工作单位',
    hasPhoto: '照片',
    realnameStatus: '实名认证',
    realnameReason: '实名认证说明',
    reason: '实名认证说明',
    createdAt: '登记时间',
    updatedAt: '修改时间',
    ...PHOTO_FIELDS,
  },
  user: {
    username: '用户名',
    displayName: '姓名',
    role: '角色',
    phone: '手机号',
    disabled: '已停用',
    failedAttempts: '连续登录失败次数',
    createdAt: '创建时间',
    lastLoginAt: '最近登录',
  },
  institution: {
    code: '院校代码',
    name: '院校名称',
    province: '省份',
    city: '城市',
    district: '区县',
    address: '详细地址',
    contactName: '联系人',
    contactPhone: '联系电话',
    contactEmail: '电子邮箱',
    schoolType: '院校类型',
    updatedAt: '修改时间',
  },
  declaration: {
    planCode: '申报批次',
    certificateCode: '证书',
    level: '证书等级',
    majors: '专业',
    proposedCount: '拟申报培训人数',
    teachers: '师资（人）',
    facilities: '场地（处）',
    status: '状态',
  },
  major: { code: '专业代码', name: '专业名称', level: '专业层次' },
  'payment-order': { orderNo: '缴费单号', planCode: '考试计划', basis: '生成方式', lineCount: '条数', amount: '应缴金额', status: '状态', file: '文件', counts: '结果' },
  staff: { name: '姓名', phone: '手机号', department: '所在部门', account: '关联账号' },
  'signature-seal': { sha256: '图片 SHA-256', size: '大小', width: '宽（像素）', height: '高（像素）', file: '文件', authorisationVersion: '授权委托书版本' },
  'issuance-sitting': { decision: '决定', reason: '不予签发原因', count: '记录数', signatureSha256: '手写签名 SHA-256', sealSha256: '签名章 SHA-256' },
  attendance: { name: '考生', place: '考场与座位', status: '考勤', note: '说明', late: '考后更正' },
  invigilation: { place: '考场与场次', invigilators: '监考老师', patrol: '巡考老师', minInvigilators: '每个考场的监考人数' },
  schedule: { plan: '考试计划', sessions: '场次', rooms: '考场安排', seats: '考生座位', shortfalls: '座位缺口', keptDuties: '保留的监考安排', droppedDuties: '取消的监考安排' },
  settings: {
    idleLockMinutes: '空闲自动锁定（分钟）',
    platformPublicKeys: '平台公钥',
    allowUnsignedPackages: '允许导入未签名的数据包',
    onlineExchange: '在线交换',
    platformUrl: '平台地址',
    platformCaPem: '平台 CA 证书',
    idMaskRule: '身份证号打印方式',
  },
  backup: { name: '备份文件', createdAt: '备份时间', size: '大小', reason: '类型', schemaVersion: '数据版本', safety: '恢复前自动备份' },
  package: { file: '文件', fileName: '文件', sequence: '序号', kinds: '数据类型', counts: '数量', path: '保存位置', uploaded: '已上传' },
  'candidate-import': { file: '文件', kind: '考生类别', mode: '方式', counts: '结果' },
  'photo-import': { file: '文件', fix: '自动调整尺寸', replaceExisting: '替换已有照片', counts: '检查结果', written: '写入照片', replaced: '替换照片' },
  enrollment: { planCode: '考试计划', mode: '报考方式', certificateCode: '证书', level: '证书等级', subjectCodes: '考试科目', counts: '结果' },
  'enrollment-import': { file: '文件', sheet: '表格类型', counts: '结果' },
  'score-dispute': { candidate: '考生', idNumber: '身份证号', plan: '考试计划', subject: '科目', score: '成绩', note: '异议说明', sent: '已报送平台' },
  'score-lock': { plan: '考试计划', publicityEnd: '公示结束日期', lockedAt: '锁定时间', closedDisputes: '关闭的异议' },
};

/** Fields never shown: internal keys, or what another field already says. */
const HIDDEN_FIELDS = new Set(['id', 'fileHash', 'changes', 'added', 'idNumbers']);

export function isShownField(field: string): boolean {
  return !HIDDEN_FIELDS.has(field);
}

export function fieldLabel(entityType: string, field: string): string {
  return FIELD_LABELS[entityType]?.[field] ?? FIELD_LABELS.candidate![field] ?? field;
}

export const CHANGE_STATUS_LABELS: Record<string, string> = { new: '新增', changed: '修改', replaced: '替换' };

const IMPORT_COUNT_LABELS: Record<string, string> = {
  new: '新增',
  updated: '更新',
  changed: '更新',
  unchanged: '未变',
  refused: '退回',
  accepted: '合格',
  ignored: '忽略',
  replacing: '其中替换',
  candidates: '考生',
  enrollments: '科目',
};

const MODE_LABELS: Record<string, string> = { create: '批量导入', update: '批量修改', ...ENROLL_MODE_LABELS };

/** 18 characters that read as an ID number, not inside a longer run of letters and digits (a hash). */
const ID_NUMBER_RUN = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

const SEVENTEEN_DIGITS = /\d{17}/;

/** Every ID number in a text masked as on printed sheets: 370285*****5910. */
export function maskIdNumbersIn(text: string): string {
  // Most texts hold none: a plain search for a run of digits first is several times cheaper.
  if (text.length < 18 || !SEVENTEEN_DIGITS.test(text)) return text;
  return text.replace(ID_NUMBER_RUN, (id) => maskIdNumber(id.toUpperCase()));
}

/** The ID numbers a text holds, upper-cased: what an entry is about beyond its own entity. */
export function idNumbersIn(text: string): string[] {
  return [...text.matchAll(ID_NUMBER_RUN)].map((m) => m[0].toUpperCase());
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** An instant as Beijing time, 2026-11-29 10:26:00: the log is read in China whatever the PC's zone. */
export function beijingTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const kindLabel = (k: string) => PACKAGE_KINDS[k as keyof typeof PACKAGE_KINDS]?.label;

/** An import's counts, 新增 3，更新 1; a package's per kind, 证书目录：新增 3，未变 2；考试计划：…  */
function countsText(value: Record<string, unknown>): string {
  const perKind = Object.values(value).some((v) => v !== null && typeof v === 'object');
  return Object.entries(value)
    .map(([k, v]) =>
      v !== null && typeof v === 'object' ? `${kindLabel(k) ?? k}：${countsText(v as Record<string, unknown>)}` : `${IMPORT_COUNT_LABELS[k] ?? kindLabel(k) ?? k} ${String(v)}`,
    )
    .join(perKind ? '；' : '，');
}

/**
 * A recorded value as a person reads it (null: nothing there). Masks ID numbers; the caller
 * masks everything else it shows as well, so this is one of two guards, not the only one.
 */
export function formatAuditValue(entityType: string, field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return field === 'hasPhoto' ? (value ? '有' : '无') : value ? '是' : '否';
  if (typeof value === 'number') return field === 'size' ? bytes(value) : String(value);
  if (Array.isArray(value)) {
    if (field === 'kinds') return value.map((k) => kindLabel(String(k)) ?? String(k)).join('、');
    if (field === 'platformPublicKeys') return value.length ? `${value.length} 个公钥` : null;
    return value.map((v) => formatAuditValue(entityType, field, v) ?? '').join('、');
  }
  if (typeof value === 'object') {
    if (field === 'counts') return countsText(value as Record<string, unknown>);
    if (field === 'idMaskRule') return describeIdMaskRule(value as IdMaskRule);
    return maskIdNumbersIn(JSON.stringify(value));
  }
  const text = String(value);
  if (field === 'role') return ROLE_LABELS[text as keyof typeof ROLE_LABELS] ?? text;
  if (field === 'kind' && entityType !== 'package') return CANDIDATE_KIND_LABELS[text as keyof typeof CANDIDATE_KIND_LABELS] ?? text;
  if (field === 'realnameStatus') return REALNAME_LABELS[text as keyof typeof REALNAME_LABELS] ?? text;
  if (field === 'mode') return MODE_LABELS[text] ?? text;
  if (entityType === 'payment-order' && field === 'basis') return PAYMENT_BASIS_LABELS[text as keyof typeof PAYMENT_BASIS_LABELS] ?? text;
  if (entityType === 'payment-order' && field === 'status') return PAYMENT_STATUS_LABELS[text as keyof typeof PAYMENT_STATUS_LABELS] ?? text;
  if (entityType === 'issuance-sitting' && field === 'decision') return ISSUANCE_DECISION_LABELS[text as keyof typeof ISSUANCE_DECISION_LABELS] ?? text;
  if (field === 'sheet') return ENROLL_SHEET_LABELS[text as keyof typeof ENROLL_SHEET_LABELS] ?? text;
  if (field === 'platformCaPem') return '已设置';
  if (ISO_INSTANT.test(text)) return beijingTime(text);
  return maskIdNumbersIn(text);
}
