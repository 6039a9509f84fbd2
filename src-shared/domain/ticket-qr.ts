/**
 * The text in an admission ticket's QR code, which a USB scanner types into the check-in field
 * on exam day: `1X1-20600002253700400057-K7M2Q9AB` — our mark and format version, the 准考证号,
 * and a check code made from it with the store's secret (src-main/core/tickets/check-code.ts).
 * No name and no ID number: a photo of the ticket tells a stranger nothing about its holder.
 *
 * Only digits, capitals and `-`: what every keyboard layout types the same (a scanner in
 * keyboard mode "presses keys"), all in the QR code's alphanumeric mode, which keeps the code
 * small (version 2, 25×25 modules, at error correction M).
 */

export const TICKET_QR_MARK = '1X';
export const TICKET_QR_VERSION = 1;
/** 准考证号: the platform's are 20 digits (20600002253700400057); a little room either way. */
export const TICKET_NUMBER_PATTERN = /^\d{6,24}$/;
/** No 0/O, no 1/I/L: a person reading a code off a worn ticket cannot mistake one for another. */
export const CHECK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CHECK_CODE_LENGTH = 8;
/** Anything longer is not one of ours (the longest is 2 + 1 + 1 + 24 + 1 + 8 = 37). */
export const TICKET_QR_MAX_LENGTH = 40;

const CHECK_CODE_PATTERN = new RegExp(`^[${CHECK_CODE_ALPHABET}]{${CHECK_CODE_LENGTH}}$`);
const OURS = /^1X\d/;
const VERSION = /^1X(\d{1,3})-/;

export interface TicketQr {
  version: typeof TICKET_QR_VERSION;
  ticketNumber: string;
  checkCode: string;
}

/**
 * Why a scanned text is not a ticket's: `foreign` — not our mark at all (another QR code, a
 * seat number typed by hand); `version` — ours, from a newer format this version cannot read;
 * `malformed` — ours, but cut short or mangled (a smudged print, a scanner dropping keys).
 */
export type TicketQrErrorKind = 'foreign' | 'version' | 'malformed';

export type TicketQrParse = { ok: true; value: TicketQr } | { ok: false; kind: TicketQrErrorKind; message: string };

export function formatTicketQr(ticketNumber: string, checkCode: string): string {
  if (!TICKET_NUMBER_PATTERN.test(ticketNumber)) throw new Error(`not a ticket number: ${ticketNumber}`);
  if (!CHECK_CODE_PATTERN.test(checkCode)) throw new Error(`not a check code: ${checkCode}`);
  return `${TICKET_QR_MARK}${TICKET_QR_VERSION}-${ticketNumber}-${checkCode}`;
}

/**
 * What a scanner or a person typed, as a ticket's QR text. Forgiving only where keyboards
 * differ and nothing is lost: surrounding spaces and line ends, full-width characters (a
 * Chinese input method left on), lower case (Caps Lock). Strict about everything else.
 */
export function parseTicketQr(raw: string): TicketQrParse {
  const text = normaliseTyped(raw);
  if (!OURS.test(text)) return { ok: false, kind: 'foreign', message: '这不是本考点打印的准考证二维码。' };
  const version = VERSION.exec(text)?.[1];
  if (version !== undefined && version !== String(TICKET_QR_VERSION))
    return { ok: false, kind: 'version', message: `这张准考证的二维码是较新版本（第 ${version} 版）生成的，请升级考点助手后再扫，或手动输入座位号。` };
  const malformed = { ok: false, kind: 'malformed', message: '准考证二维码读取不完整或已损坏，请重新扫描，或手动输入座位号。' } as const;
  if (text.length > TICKET_QR_MAX_LENGTH) return malformed;
  const parts = text.split('-');
  if (parts.length !== 3) return malformed;
  const [, ticketNumber, checkCode] = parts as [string, string, string];
  if (!TICKET_NUMBER_PATTERN.test(ticketNumber) || !CHECK_CODE_PATTERN.test(checkCode)) return malformed;
  return { ok: true, value: { version: TICKET_QR_VERSION, ticketNumber, checkCode } };
}

function normaliseTyped(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim()
    .toUpperCase();
}
