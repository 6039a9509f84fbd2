import { describe, expect, it } from 'vitest';
import { describeExtra, redactText } from '../../src-main/logging/redact';

const ID = '37061120070312351X';

describe('log redaction', () => {
  it('masks 18-character ID numbers wherever they sit', () => {
    expect(redactText(`考生 ${ID} 已导入`)).toBe('考生 370611*****351X 已导入');
    expect(redactText(`photos/${ID}.jpg`)).toBe('photos/370611*****351X.jpg');
    expect(redactText(`{"idNumber":"${ID.toLowerCase()}"}`)).toBe('{"idNumber":"370611*****351x"}');
    expect(redactText(`row${ID}col`)).toBe('row370611*****351Xcol');
    // A wrong check digit is still somebody's number.
    expect(redactText('370611200703123518')).toBe('370611*****3518');
    // Shorter runs (timestamps, counts) stay as they are.
    expect(redactText('1767225600000-export.xlsx 12345678901234567')).toBe('1767225600000-export.xlsx 12345678901234567');
  });

  it('hides secret values written as key and value, in text and in JSON inside text', () => {
    expect(redactText('login password=hunter2 ok')).toBe('login password=[已隐去] ok');
    expect(redactText('{"username":"a","newPassword":"hun\\"ter2","x":1}')).toBe('{"username":"a","newPassword":"[已隐去]","x":1}');
    expect(redactText('{"body":"{\\"password\\":\\"hunter2\\"}"}')).toBe('{"body":"{\\"password\\":\\"[已隐去]\\"}"}');
    expect(redactText("currentPassword: 'hunter2'")).toBe("currentPassword: '[已隐去]'");
    expect(redactText('sessionToken=abc123&x=1')).toBe('sessionToken=[已隐去]&x=1');
    expect(redactText('初始密码：hunter2')).toBe('初始密码：[已隐去]');
    expect(redactText('hash scrypt$131072$8$1$c2FsdHNhbHQ=$aGFzaGhhc2g=')).toBe('hash scrypt$[已隐去]');
    // Words that merely mention passwords are kept.
    expect(redactText('operation auth.changePassword failed at password.ts:20:5')).toBe('operation auth.changePassword failed at password.ts:20:5');
  });

  it('drops secret keys from logged objects, at any depth', () => {
    const text = describeExtra({ user: 'zhaoxz', password: 'p1', nested: [{ passwordHash: 'p2', password_hash: 'p3', oldPassword: 'p4', token: 'p5' }] });
    expect(JSON.parse(text)).toEqual({
      user: 'zhaoxz',
      password: '[已隐去]',
      nested: [{ passwordHash: '[已隐去]', password_hash: '[已隐去]', oldPassword: '[已隐去]', token: '[已隐去]' }],
    });
  });

  it('describes an error by its stack, its own fields and its cause; survives cycles and bigints', () => {
    const cause = new Error('disk full');
    const e = Object.assign(new Error('write failed', { cause }), { details: { file: 'a.xlsx', password: 'p1' } });
    const text = describeExtra(e);
    expect(text).toMatch(/^Error: write failed\n\s+at /);
    expect(text).toContain('{"details":{"file":"a.xlsx","password":"[已隐去]"}}');
    expect(text).toMatch(/\nCaused by: Error: disk full\n\s+at /);
    const loop: Record<string, unknown> = { n: 1n };
    loop.self = loop;
    expect(describeExtra(loop)).toBe('{"n":"1","self":"[circular]"}');
  });
});
