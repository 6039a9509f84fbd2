import { describe, expect, it } from 'vitest';
import { CHECK_CODE_ALPHABET, formatTicketQr, parseTicketQr, TICKET_QR_MAX_LENGTH } from '../../src-shared/domain/ticket-qr';

const TICKET = '20600002253700400057';
const CODE = 'K7M2Q9AB';
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('admission ticket QR text', () => {
  it('is versioned, short, and holds the ticket number and check code only', () => {
    const text = formatTicketQr(TICKET, CODE);
    expect(text).toBe(`1X1-${TICKET}-${CODE}`);
    expect(text.length).toBeLessThanOrEqual(TICKET_QR_MAX_LENGTH);
    expect(parseTicketQr(text)).toEqual({ ok: true, value: { version: 1, ticketNumber: TICKET, checkCode: CODE } });
  });

  it('refuses to make a text from a bad ticket number or code', () => {
    expect(() => formatTicketQr('2060000225370040005X', CODE)).toThrow();
    expect(() => formatTicketQr(TICKET, 'K7M2Q9A0')).toThrow();
    expect(() => formatTicketQr(TICKET, 'K7M2Q9A')).toThrow();
  });

  it('reads what keyboards and scanners change without loss: spaces, line ends, full-width forms, Caps Lock', () => {
    for (const typed of [` 1X1-${TICKET}-${CODE}\r\n`, `1x1-${TICKET}-${CODE.toLowerCase()}`, fullWidth(`1X1-${TICKET}-${CODE}`), `\u30001X1-${TICKET}-${CODE}`])
      expect(parseTicketQr(typed), typed).toEqual({ ok: true, value: { version: 1, ticketNumber: TICKET, checkCode: CODE } });
  });

  it('says "not our code" for other texts: a URL, a seat number, an ID number, nothing', () => {
    for (const other of ['https://weixin.qq.com/x', '57', '370285200001015910', '', '   ', 'X1-206-ABC', '1Y1-20600002253700400057-K7M2Q9AB'])
      expect(parseTicketQr(other), other).toMatchObject({ ok: false, kind: 'foreign' });
  });

  it('says "newer version" for our mark with another format number', () => {
    expect(parseTicketQr(`1X2-${TICKET}-${CODE}`)).toMatchObject({ ok: false, kind: 'version', message: expect.stringContaining('第 2 版') });
  });

  it('says "bad shape" for our mark with anything cut, added or mangled', () => {
    const bad = [
      `1X1-${TICKET}`,
      `1X1-${TICKET}-`,
      `1X1-${TICKET}-${CODE.slice(0, 7)}`,
      `1X1-${TICKET}-${CODE}A`,
      `1X1-${TICKET}-K7M2Q9A0`, // 0 is not in the alphabet
      `1X1-${TICKET}-K7M2Q9AI`,
      `1X1-2060000225370040005-${CODE}`.replace('2060000225370040005', '12345'), // too short a ticket number
      `1X1-${'9'.repeat(25)}-${CODE}`,
      `1X1-${TICKET}-${CODE}-${CODE}`,
      `1X1${TICKET}${CODE}`, // a scanner that drops the dashes
      `1X1-${TICKET.slice(0, 10)}A${TICKET.slice(11)}-${CODE}`,
      `1X1-${TICKET}-${CODE}${' '.repeat(3)}${'A'.repeat(50)}`,
    ];
    for (const b of bad) expect(parseTicketQr(b), b).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('uses an alphabet without look-alikes', () => {
    for (const c of '01OIL') expect(CHECK_CODE_ALPHABET).not.toContain(c);
    expect(new Set(CHECK_CODE_ALPHABET).size).toBe(CHECK_CODE_ALPHABET.length);
  });
});
