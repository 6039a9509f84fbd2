import { z } from 'zod';

/**
 * 缴费管理 (the manual's 2.2.8): a payment order (缴费申请单) asks the evaluation organisation
 * for the fee of an exam plan's enrollments, either per enrolled certificate (按报考证书) or
 * per enrolled subject (按报考科目). The school pays offline, writing the order number on the
 * transfer; the organisation confirms the payment, after which the order never changes again.
 */
export const PAYMENT_BASES = ['certificate', 'subject'] as const;
export type PaymentBasis = (typeof PAYMENT_BASES)[number];

export const PAYMENT_BASIS_LABELS: Record<PaymentBasis, string> = {
  certificate: '按报考证书',
  subject: '按报考科目',
};

/** pending: made, not yet sent; sent: in a payment-orders package, waiting for the organisation; confirmed: paid, final. */
export const PAYMENT_STATUSES = ['pending', 'sent', 'confirmed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  pending: '待报送',
  sent: '待确认缴费',
  confirmed: '已确认缴费',
};

/** The manual: 缴费单如果导入错了，可以点缴费单后面的删除按钮删除……若缴费单已经确认缴费了，不允许做任何修改。 */
export function canDeleteOrder(status: PaymentStatus): boolean {
  return status !== 'confirmed';
}

/** A fee is 0.01 to 10,000 yuan, kept in fen (分) so sums are exact. */
export const FEE_LIMITS = { minFen: 1, maxFen: 1_000_000 } as const;

export const feeFen = z
  .number({ error: '收费标准必须是数字' })
  .int({ error: '收费标准最多保留两位小数（精确到分）' })
  .min(FEE_LIMITS.minFen, { error: '收费标准应在 0.01 元到 10,000 元之间' })
  .max(FEE_LIMITS.maxFen, { error: '收费标准应在 0.01 元到 10,000 元之间' });

/** Yuan as a number (12.5 for 1250 fen): what the command line reports. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** 123456 → "1,234.56": an amount as a person reads it, always with its two decimals. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan typed into a form (up to two decimals) as fen; null when it is not such an amount. */
export function yuanToFen(yuan: number): number | null {
  if (!Number.isFinite(yuan)) return null;
  const fen = Math.round(yuan * 100);
  return Math.abs(fen - yuan * 100) < 1e-6 ? fen : null;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** One group of four digits (0–9999) in capitals, zeros inside read once: 1005 → 壹仟零伍. */
function fourDigits(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + SMALL_UNITS[i]!;
  }
  return out;
}

/**
 * 人民币大写, as a bank or a finance office writes an amount: 123456 fen → 壹仟贰佰叁拾肆元伍角陆分,
 * 100000 → 壹仟元整, 1005 → 壹拾元零伍分. Up to 9,999,999,999,999.99 yuan.
 */
export function chineseAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let whole = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
    let pendingZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const value = groups[g]!;
      if (value === 0) {
        pendingZero = whole.length > 0;
        continue;
      }
      // A group below 1000 after a higher one reads with a zero: 1,0005 → 壹万零伍.
      if (whole && (pendingZero || value < 1000)) whole += '零';
      pendingZero = false;
      whole += fourDigits(value) + BIG_UNITS[g]!;
    }
    whole += '元';
  }
  if (jiao === 0 && fenDigit === 0) return `${whole}整`;
  let tail = '';
  if (jiao > 0) tail += `${DIGITS[jiao]}角`;
  else if (yuan > 0) tail += '零';
  if (fenDigit > 0) tail += `${DIGITS[fenDigit]}分`;
  return whole + tail;
}

/**
 * 缴费单号: JF, the institution's 10-digit code, the Beijing date it was made (YYYYMMDD) and a
 * sequence number of the institution's own, at least 4 digits and never used twice, even after
 * an order is deleted (a deleted number may already be written on a transfer). Letters and
 * digits only, so a bank's remark field keeps it whole.
 */
export function paymentOrderNumber(institutionCode: string, beijingDate: string, sequence: number): string {
  return `JF${institutionCode}${beijingDate.replaceAll('-', '')}${String(sequence).padStart(4, '0')}`;
}

export const PAYMENT_ORDER_NUMBER = /^JF\d{10}\d{8}\d{4,9}$/;

/** One group of an order's lines: a certificate and level (by certificate) or a subject (by subject), at one fee. */
export interface PaymentGroup {
  key: string;
  certificateCode: string;
  certificateName: string;
  level: string;
  subjectCode: string | null;
  subjectName: string | null;
  count: number;
  feeFen: number;
  subtotalFen: number;
}

/** A group's name as the order prints it: 物流管理职业技能等级证书（初级） or …（初级）· 基础考核（098694）. */
export function groupLabel(g: Pick<PaymentGroup, 'certificateName' | 'level' | 'subjectCode' | 'subjectName'>): string {
  const certificate = `${g.certificateName}（${g.level}）`;
  return g.subjectCode ? `${certificate} · ${g.subjectName ?? ''}（${g.subjectCode}）` : certificate;
}
