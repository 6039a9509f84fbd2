import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src-shared/api/settings';
import { formatTicketQr } from '../../src-shared/domain/ticket-qr';
import { AppCore } from '../../src-main/core/app-core';
import { checkCodeFor, checkCodeMatches, ticketQrText, ticketSecret, verifyTicketQr } from '../../src-main/core/tickets/check-code';
import { call, callError, setUpApp, TEST_PASSWORD_COST } from '../helpers/app';

const TICKETS = ['20600002253700400057', '20600002253700400058', '20600002253700400059'];

describe('admission ticket check codes', () => {
  it('accepts the tickets its own store printed and refuses a forged code', async () => {
    const { app } = await setUpApp();
    const secret = ticketSecret(app.store);
    for (const t of TICKETS) {
      const text = ticketQrText(secret, t);
      expect(text).toMatch(new RegExp(`^1X1-${t}-[2-9A-HJKMNP-Z]{8}$`));
      expect(verifyTicketQr(secret, text)).toEqual({ ok: true, ticketNumber: t });
    }
    // Neighbouring tickets get unrelated codes: one cannot be guessed from the next.
    const codes = TICKETS.map((t) => checkCodeFor(secret, t));
    expect(new Set(codes).size).toBe(codes.length);

    const real = checkCodeFor(secret, TICKETS[0]!);
    const forged = real.startsWith('A') ? `B${real.slice(1)}` : `A${real.slice(1)}`;
    expect(verifyTicketQr(secret, formatTicketQr(TICKETS[0]!, forged))).toMatchObject({ ok: false, kind: 'forged', message: expect.stringContaining(TICKETS[0]!) });
    // Another ticket's genuine code on this ticket number is just as forged.
    expect(verifyTicketQr(secret, formatTicketQr(TICKETS[0]!, codes[1]!))).toMatchObject({ ok: false, kind: 'forged' });
    expect(checkCodeMatches(secret, TICKETS[0]!, real.slice(0, 7))).toBe(false);
    expect(verifyTicketQr(secret, 'https://example.com/')).toMatchObject({ ok: false, kind: 'foreign' });
    expect(verifyTicketQr(secret, `1X1-${TICKETS[0]}-`)).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('refuses a ticket printed by another store, whose secret is its own', async () => {
    const one = await setUpApp();
    const other = await setUpApp();
    const theirs = ticketQrText(ticketSecret(other.app.store), TICKETS[0]!);
    expect(verifyTicketQr(ticketSecret(other.app.store), theirs).ok).toBe(true);
    expect(verifyTicketQr(ticketSecret(one.app.store), theirs)).toMatchObject({ ok: false, kind: 'forged' });
  });

  it('makes the secret once, keeps it across restarts, and never shows or takes it through the settings', async () => {
    const { app, principal } = await setUpApp();
    const rows = () => app.store.db.prepare("SELECT value FROM settings WHERE key LIKE 'secret.%'").all() as { value: string }[];
    expect(rows()).toEqual([]);
    const secret = ticketSecret(app.store);
    expect(secret.length).toBe(32);
    expect(ticketSecret(app.store).equals(secret)).toBe(true);
    expect(rows()).toHaveLength(1);

    const settings = await call<Settings>(app, 'settings.get', {}, principal);
    expect(JSON.stringify(settings)).not.toContain(secret.toString('base64'));
    expect(Object.keys(settings)).not.toContain('secret.ticketCheckCode');
    expect((await callError(app, 'settings.update', { 'secret.ticketCheckCode': 'AAAA' }, principal)).code).toBe('VALIDATION');
    await call(app, 'settings.update', { idleLockMinutes: 20 }, principal);
    expect(ticketSecret(app.store).equals(secret)).toBe(true);

    const dataDir = app.dataDir;
    await app.close();
    const reopened = await AppCore.open({ dataDir, transport: 'browser', passwordCost: TEST_PASSWORD_COST });
    try {
      expect(ticketSecret(reopened.store).equals(secret)).toBe(true);
    } finally {
      await reopened.close();
    }
  });

  it('refuses to work with a damaged secret rather than print codes nobody can check', async () => {
    const { app } = await setUpApp();
    app.store.db.prepare("INSERT INTO settings (key, value) VALUES ('secret.ticketCheckCode', '\"c2hvcnQ=\"')").run();
    expect(() => ticketSecret(app.store)).toThrow(/密钥已损坏/);
  });
});

describe('the ID masking setting', () => {
  it('is read and written through the settings with validation and an audit entry', async () => {
    const { app, principal } = await setUpApp();
    expect((await call<Settings>(app, 'settings.get', {}, principal)).idMaskRule).toEqual({ keepFirst: 6, keepLast: 4, stars: 5 });
    const after = await call<Settings>(app, 'settings.update', { idMaskRule: { keepFirst: 4, keepLast: 4, stars: 6 } }, principal);
    expect(after.idMaskRule).toEqual({ keepFirst: 4, keepLast: 4, stars: 6 });
    const refused = await callError(app, 'settings.update', { idMaskRule: { keepFirst: 8, keepLast: 4, stars: 5 } }, principal);
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('最多显示 10 位');
    expect((await call<Settings>(app, 'settings.get', {}, principal)).idMaskRule).toEqual({ keepFirst: 4, keepLast: 4, stars: 6 });
    // A value a newer version (or a hand edit) left behind falls back to the default, not to printing more.
    app.store.db.prepare("UPDATE settings SET value = ? WHERE key = 'idMaskRule'").run(JSON.stringify({ keepFirst: 9, keepLast: 9, stars: 5 }));
    expect((await call<Settings>(app, 'settings.get', {}, principal)).idMaskRule).toEqual({ keepFirst: 6, keepLast: 4, stars: 5 });
  });
});
