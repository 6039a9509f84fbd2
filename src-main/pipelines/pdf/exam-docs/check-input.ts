import { ID_MASK_MAX_SHOWN } from '../../../../src-shared/domain/id-number';
import { AppError } from '../../../../src-shared/errors';
import type { AdmissionTicket, ExamRoomSheet, ExamSession } from './types';

/**
 * General limits on what a document is printed from, so a bug upstream makes a clear refusal
 * naming the room or ticket rather than a 5,000-page PDF or a half-written one. And the one
 * rule that matters most: no ID number reaches paper unmasked, whoever forgot to mask it.
 */
export const DOC_LIMITS = { text: 200, longText: 500, seatsPerRoom: 2_000, seatNumber: 9_999, subjects: 20, rules: 40, qrText: 200 } as const;

/** More digits than the masking rule may ever show: an ID number that was not masked. */
const MAX_DIGITS_SHOWN = ID_MASK_MAX_SHOWN;

function refuse(where: string, what: string): never {
  throw new AppError('VALIDATION', `${where}：${what}，无法生成文档。`);
}

function text(where: string, label: string, value: unknown, { required = true, max = DOC_LIMITS.text as number } = {}): void {
  if (value === undefined || value === null || value === '') {
    if (required) refuse(where, `缺少${label}`);
    return;
  }
  if (typeof value !== 'string') refuse(where, `${label}不是文本`);
  if (value.length > max) refuse(where, `${label}超过 ${max} 个字`);
}

function session(where: string, s: ExamSession | undefined): void {
  if (!s) refuse(where, '缺少考试时间');
  text(where, '考试日期', s.date, { max: 20 });
  text(where, '开始时间', s.start, { max: 10 });
  text(where, '结束时间', s.end, { max: 10 });
}

function masked(where: string, value: string): void {
  text(where, '身份证号', value, { max: 40 });
  if ((value.match(/[\dXx]/g)?.length ?? 0) > MAX_DIGITS_SHOWN) refuse(where, '身份证号没有打码（打印的文档上只能出现打码后的身份证号）');
}

function seatNumber(where: string, n: unknown): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > DOC_LIMITS.seatNumber) refuse(where, `座位号 ${String(n)} 应为 1–${DOC_LIMITS.seatNumber} 的整数`);
}

export function checkRoomSheet(r: ExamRoomSheet, index: number): void {
  const where = `第 ${index + 1} 个考场（${String(r.roomName ?? '').slice(0, 40)}）`;
  text(where, '考场名称', r.roomName);
  text(where, '考核站点', r.siteName);
  text(where, '考点地址', r.siteAddress, { required: false, max: DOC_LIMITS.longText });
  text(where, '所属院校', r.institutionName);
  text(where, '考场位置', r.roomAddress, { required: false, max: DOC_LIMITS.longText });
  text(where, '考试科目', r.subjectName);
  text(where, '考试证书', r.certificateName);
  text(where, '证书等级', r.level, { max: 20 });
  session(where, r.session);
  for (const [label, list] of [
    ['监考老师', r.invigilators],
    ['巡考老师', r.patrolStaff],
  ] as const) {
    if (!Array.isArray(list) || list.length > 20) refuse(where, `${label}名单应为至多 20 人`);
    for (const name of list) text(where, label, name, { max: 40 });
  }
  if (!Array.isArray(r.seats) || r.seats.length > DOC_LIMITS.seatsPerRoom) refuse(where, `考生应为至多 ${DOC_LIMITS.seatsPerRoom} 人`);
  const seen = new Set<number>();
  r.seats.forEach((s, i) => {
    const at = `${where}第 ${i + 1} 位考生`;
    text(at, '姓名', s.name, { max: 60 });
    masked(at, s.maskedIdNumber);
    text(at, '准考证号', s.ticketNumber, { max: 32 });
    text(at, '所属院校', s.institutionName);
    text(at, '违纪说明', s.note, { required: false });
    seatNumber(at, s.seatNumber);
    if (seen.has(s.seatNumber)) refuse(at, `座位号 ${s.seatNumber} 重复`);
    seen.add(s.seatNumber);
  });
}

export function checkTicket(t: AdmissionTicket, index: number): void {
  const where = `第 ${index + 1} 张准考证（${String(t.ticketNumber ?? '').slice(0, 32)}）`;
  text(where, '准考证号', t.ticketNumber, { max: 32 });
  if (!/^[0-9A-Za-z]+$/.test(t.ticketNumber)) refuse(where, '准考证号只能由数字和字母组成');
  text(where, '姓名', t.name, { max: 60 });
  masked(where, t.maskedIdNumber);
  text(where, '所属院校', t.institutionName);
  text(where, '考试证书', t.certificateName);
  text(where, '证书等级', t.level, { max: 20 });
  text(where, '考试计划', t.planName, { required: false });
  text(where, '二维码内容', t.qrText, { max: DOC_LIMITS.qrText });
  if (!Array.isArray(t.subjects) || t.subjects.length === 0 || t.subjects.length > DOC_LIMITS.subjects) refuse(where, `考试科目应为 1–${DOC_LIMITS.subjects} 个`);
  t.subjects.forEach((s, i) => {
    const at = `${where}第 ${i + 1} 个科目`;
    text(at, '考试科目', s.subjectName);
    session(at, s.session);
    text(at, '考核站点', s.siteName);
    text(at, '考场', s.roomName);
    text(at, '考场地址', s.roomAddress, { max: DOC_LIMITS.longText });
    seatNumber(at, s.seatNumber);
  });
  if (!Array.isArray(t.rules) || t.rules.length > DOC_LIMITS.rules) refuse(where, `考生须知应为至多 ${DOC_LIMITS.rules} 条`);
  for (const rule of t.rules) text(where, '考生须知', rule, { max: DOC_LIMITS.longText });
}
