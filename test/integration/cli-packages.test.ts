import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../src-main/pipelines/packages/signing';
import { platformPackage, rezip } from '../fixtures/package-fixtures';
import { cli, INIT_ARGS } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

function initialised(): { data: string; dir: string; key: ReturnType<typeof generateSigningKey> } {
  const data = tempDir();
  const dir = tempDir();
  expect(cli(['init', '--data-dir', data, ...INIT_ARGS], { EXAMSITE_PASSWORD: 'cli-pass-123' }).code).toBe(0);
  const key = generateSigningKey();
  writeFileSync(join(dir, 'platform-public.pem'), key.publicPem);
  const trust = cli(['platform-key', 'add', join(dir, 'platform-public.pem'), '--data-dir', data, '--json']);
  expect(trust.json()).toEqual({ keyId: key.keyId, trustedKeys: 1 });
  return { data, dir, key };
}

describe('CLI: plans and packages', () => {
  it('imports a package (dry run first), lists the plans, and reports the same package as not applied', async () => {
    const { data, dir, key } = initialised();
    await platformPackage(join(dir, 'catalog.zip'), { signingKeyPem: key.privatePem });

    const dry = cli(['package', 'import', join(dir, 'catalog.zip'), '--dry-run', '--data-dir', data, '--json']);
    expect(dry.code).toBe(0);
    expect(dry.json()).toEqual({
      applied: false,
      counts: {
        catalog: { new: 3, changed: 0, unchanged: 0 },
        'declaration-plans': { new: 1, changed: 0, unchanged: 0 },
        'exam-subjects': { new: 2, changed: 0, unchanged: 0 },
        'exam-plans': { new: 1, changed: 0, unchanged: 0 },
      },
    });
    expect(cli(['plans', 'list', '--data-dir', data, '--json']).json()).toEqual({ plans: [] });

    const real = cli(['package', 'import', join(dir, 'catalog.zip'), '--data-dir', data, '--json']);
    expect(real.json()).toMatchObject({ applied: true, counts: { 'exam-plans': { new: 1 } } });
    expect(cli(['plans', 'list', '--data-dir', data, '--json']).json()).toEqual({
      plans: [{ code: 'K202005229994', name: '物流管理2019年12月第2次考核', organisation: '北京中物联物流采购培训中心', phase: '已结束' }],
    });
    const text = cli(['plans', 'list', '--data-dir', data]);
    expect(text.stdout).toContain('K202005229994');

    const again = cli(['package', 'import', join(dir, 'catalog.zip'), '--data-dir', data, '--json']);
    expect(again.code).toBe(0);
    expect(again.json()).toEqual({
      applied: false,
      counts: {
        catalog: { new: 0, changed: 0, unchanged: 3 },
        'declaration-plans': { new: 0, changed: 0, unchanged: 1 },
        'exam-subjects': { new: 0, changed: 0, unchanged: 2 },
        'exam-plans': { new: 0, changed: 0, unchanged: 1 },
      },
    });
    expect(again.stderr).toContain('不会改变任何数据');
  });

  it('refuses a tampered package with exit 1 and the refused shape', async () => {
    const { data, dir, key } = initialised();
    await platformPackage(join(dir, 'good.zip'), { signingKeyPem: key.privatePem });
    await rezip(join(dir, 'good.zip'), join(dir, 'bad.zip'), (es) =>
      es.map((e) => (e.name === 'payload/catalog.json' ? { name: e.name, data: Buffer.from(e.data.toString().replace('物流', '货运')) } : e)),
    );
    const r = cli(['package', 'import', join(dir, 'bad.zip'), '--data-dir', data, '--json']);
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({ refused: { code: 'BAD_FILE', message: '文件 payload/catalog.json 的校验和与清单不符，数据包可能已被篡改或损坏。', file: 'payload/catalog.json' } });
    expect(r.stderr).toContain('校验和与清单不符');
    expect(cli(['package', 'import', '--data-dir', data]).code).toBe(2);
  });

  it('exports an institution package to a file', () => {
    const { data, dir } = initialised();
    const out = join(dir, 'out', 'institution.zip');
    // --out's missing folder is made, as scripts expect; a file where a folder should be is refused.
    writeFileSync(join(dir, 'a-file'), '');
    expect(cli(['package', 'export', '--kinds', 'institution', '--out', join(dir, 'a-file', 'x.zip'), '--data-dir', data]).stderr).toContain('中有一段不是文件夹');
    const r = cli(['package', 'export', '--kinds', 'institution', '--out', out, '--data-dir', data, '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ file: out, sequence: 1, counts: { institution: 1 } });
    const refused = cli(['package', 'export', '--kinds', 'institution,catalog', '--out', out, '--data-dir', data, '--json']);
    expect(refused.code).toBe(1);
    expect(refused.json<{ refused: { message: string } }>().refused.message).toContain('“catalog”不是可以发出的数据类型');
    expect(cli(['package', 'export', '--out', out, '--data-dir', data]).code).toBe(2);
  });
});
