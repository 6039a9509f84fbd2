import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssuanceList } from '../../src-shared/api/issuance';
import { issuePackage } from '../tools/platform/issue-package';
import { call, PRINCIPAL } from '../helpers/app';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { issuanceApp, logisticsCertificate } from '../fixtures/issuance-fixtures';
import { drawnSignature } from '../fixtures/seal-images';
import { importFile, INSTITUTION_CODE, TODAY } from '../fixtures/site-fixtures';

// A catalog import, a package round trip and three CLI processes: slow on a loaded 2-core machine.
describe('CLI: certificates lookup', { timeout: 300_000 }, () => {
  it('finds a certificate by number and ID number in the documented shape, and says 未查到 (exit 1) for a wrong pair', async () => {
    const { app, principal, platform, plans } = await issuanceApp();
    const record = (await call<IssuanceList>(app, 'issuance.list', {}, principal)).rows[0]!;
    await call(
      app,
      'issuance.decide',
      { recordIds: [record.recordId], decision: 'confirmed', password: PRINCIPAL.password, signaturePng: (await drawnSignature()).toString('base64') },
      principal,
    );
    const number = 'ZS20190031202600000042';
    const path = join(tempDir(), 'certs.zip');
    const certificate = logisticsCertificate(app, plans.logistics, record.recordId, number);
    const { idNumber } = certificate;
    await issuePackage(platform, { certificates: { certificates: [certificate] } }, { institutionCode: INSTITUTION_CODE, out: path, now: TODAY });
    await importFile(app, principal, path);

    const found = cli(['certificates', 'lookup', '--number', number, '--id', idNumber, '--data-dir', app.dataDir, '--json']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.json()).toEqual({
      number,
      name: record.name,
      idNumber: record.idNumber,
      certificate: '物流管理职业技能等级证书',
      certificateCode: 'ZS2019003',
      level: '初级',
      organisation: '北京中物联物流采购培训中心',
      issuedOn: '2026-06-15',
      plan: plans.logistics,
    });
    expect(record.idNumber).toMatch(/\*{5}/);
    // Lower-case x and spaces are what people type.
    const text = cli(['certificates', 'lookup', '--number', ` ${number} `, '--id', idNumber.toLowerCase(), '--data-dir', app.dataDir]);
    expect(text.stdout).toContain(`证书编号：${number}\n姓名：${record.name}`);

    const wrong = cli(['certificates', 'lookup', '--number', number, '--id', '110101199003070017', '--data-dir', app.dataDir, '--json']);
    expect(wrong.code).toBe(1);
    expect(wrong.json()).toEqual({ refused: { code: 'NOT_FOUND', message: '未查到证书：请核对证书编号和身份证号是否正确。', file: null } });
    expect(wrong.stderr).toContain('错误：未查到证书');
    expect(cli(['certificates', 'lookup', '--number', number, '--data-dir', app.dataDir]).code).toBe(2);
  });
});
