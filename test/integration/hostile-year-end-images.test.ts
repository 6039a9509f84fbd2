import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { IssuanceList } from '../../src-shared/api/issuance';
import { SEAL_AUTHORISATION } from '../../src-shared/domain/seal-authorisation';
import { SEAL_RULE_TEXT } from '../../src-shared/domain/seal';
import { call, callError, PRINCIPAL, setUpApp } from '../helpers/app';
import { issuanceApp, sealFile } from '../fixtures/issuance-fixtures';
import { drawnSignature, goodSeal } from '../fixtures/seal-images';
import { animated, bomb, stuffed } from '../fixtures/png-chunk-fixtures';

const upload = (fileId: string) => ({ fileId, authorisationVersion: SEAL_AUTHORISATION.version, accepted: true });

describe('hostile year-end images: seal and signature', { timeout: 300_000 }, () => {
  it('refuses an animated seal, one stuffed with text and a bomb, each with its own message, and saves nothing', async () => {
    const { app, principal } = await setUpApp();
    const good = await goodSeal();
    const cases: [string, Buffer, string, string][] = [
      ['APNG', animated(good), 'ANIMATED', '签名章图片是动画（APNG）：签名章须为静态图片、不得为动画'],
      ['text chunks', stuffed(good, 600 * 1024), 'TEXT_CHUNKS', '签名章图片夹带了'],
      ['bomb', bomb(good, 100_000), 'TOO_MANY_PIXELS', '签名章图片声明的尺寸为 100000×100000 像素，过大'],
    ];
    for (const [what, png, code, message] of cases) {
      expect(png.length, what).toBeLessThan(1024 * 1024);
      const e = await callError(app, 'seal.upload', upload(sealFile(app, png)), principal);
      expect(e.code, what).toBe('BAD_FILE');
      expect(e.message, what).toContain(message);
      expect(e.details?.problems, what).toEqual([{ code, message: expect.any(String) }]);
    }
    expect(app.store.db.prepare('SELECT count(*) FROM seal_authorisations').pluck().get()).toBe(0);
    expect(SEAL_RULE_TEXT[0]).toContain('静态图片、不得为动画');
    // A few KB of an editor's metadata is no reason to refuse.
    await expect(call(app, 'seal.upload', upload(sealFile(app, stuffed(good, 2048))), principal)).resolves.toMatchObject({ seal: { width: 95 } });
  });

  it('refuses an animated, text-stuffed, enormous or opaque drawn signature, each in its own words, and decides nothing', async () => {
    const { app, principal } = await issuanceApp();
    const recordId = (await call<IssuanceList>(app, 'issuance.list', {}, principal)).rows[0]!.recordId;
    const signature = await drawnSignature();
    const opaque = await sharp(signature).flatten({ background: '#ffffff' }).ensureAlpha().png().toBuffer();
    const cases: [string, Buffer, string][] = [
      ['APNG', animated(signature), '签名图片是动画（APNG）'],
      ['text chunks', stuffed(signature, 200 * 1024), '签名图片夹带了大量文字信息'],
      ['bomb', bomb(signature, 60_000), '签名图片的尺寸为 60000×60000 像素，过大'],
      ['opaque', opaque, '签名图片有底色'],
    ];
    for (const [what, png, message] of cases) {
      const e = await callError(
        app,
        'issuance.decide',
        { recordIds: [recordId], decision: 'confirmed', password: PRINCIPAL.password, signaturePng: png.toString('base64') },
        principal,
      );
      expect(e.message, what).toContain(message);
    }
    expect(app.store.db.prepare('SELECT count(*) FROM issuance_decisions').pluck().get()).toBe(0);
  });
});
