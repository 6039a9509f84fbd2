import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH, formatTicketQr, parseTicketQr, TICKET_NUMBER_PATTERN, type TicketQrErrorKind } from '../../../src-shared/domain/ticket-qr';
import type { Store } from '../../store/store';
import { storeSecret } from '../settings/settings-service';

/**
 * The check code printed in an admission ticket's QR code: 8 characters from an HMAC-SHA256
 * of the ticket number under this store's secret. Anyone can print a QR code holding a ticket
 * number; only this store can make the code that goes with it, so a home-made ticket (or one
 * from another exam site's app) is refused at check-in.
 */

const CONTEXT = 'examsite-desk/ticket-check-code/v1\0';
const RADIX = BigInt(CHECK_CODE_ALPHABET.length);

export function ticketSecret(store: Store): Buffer {
  return storeSecret(store, 'secret.ticketCheckCode');
}

export function checkCodeFor(secret: Buffer, ticketNumber: string): string {
  if (!TICKET_NUMBER_PATTERN.test(ticketNumber)) throw new Error(`not a ticket number: ${ticketNumber}`);
  const mac = createHmac('sha256', secret).update(CONTEXT).update(ticketNumber).digest();
  // 64 bits into 8 base-31 digits (31^8 ≈ 2^39.6): the modulo's bias is below one in ten million.
  let n = mac.readBigUInt64BE(0);
  let code = '';
  for (let i = 0; i < CHECK_CODE_LENGTH; i++) {
    code += CHECK_CODE_ALPHABET[Number(n % RADIX)];
    n /= RADIX;
  }
  return code;
}

/** The whole QR text for a ticket: what the lead's store code puts into `AdmissionTicket.qrText`. */
export function ticketQrText(secret: Buffer, ticketNumber: string): string {
  return formatTicketQr(ticketNumber, checkCodeFor(secret, ticketNumber));
}

/** Compares in constant time: how many leading characters of a forged code were right shows in no timing. */
export function checkCodeMatches(secret: Buffer, ticketNumber: string, code: string): boolean {
  const expected = Buffer.from(checkCodeFor(secret, ticketNumber));
  const given = Buffer.from(code);
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, given);
}

export type TicketScan = { ok: true; ticketNumber: string } | { ok: false; kind: TicketQrErrorKind | 'forged'; message: string };

/**
 * A scanned text checked as a ticket of this store: the shape first (`parseTicketQr`), then the
 * code. Whether the ticket belongs to this room and session, or was scanned already, is the
 * check-in's question.
 */
export function verifyTicketQr(secret: Buffer, raw: string): TicketScan {
  const parsed = parseTicketQr(raw);
  if (!parsed.ok) return parsed;
  const { ticketNumber, checkCode } = parsed.value;
  if (!checkCodeMatches(secret, ticketNumber, checkCode))
    return { ok: false, kind: 'forged', message: `准考证 ${ticketNumber} 的校验码不符：这张准考证不是本考点打印的，或已被改动。请核对考生身份证件。` };
  return { ok: true, ticketNumber };
}
