import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssuanceList } from '../../src-shared/api/issuance';
import { maskIdNumber } from '../../src-shared/domain/id-number';
import { MANIFEST_FILE, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, SIGNATURE_FILE, type Manifest } from '../../src-shared/domain/package';
import type { ScoresPayload } from '../../src-shared/domain/score-kinds';
import { nameDisagreement } from '../../src-main/core/packages/kind-module';
import { generateSigningKey, signManifest } from '../../src-main/pipelines/packages/signing';
import { call, callJobError, PRINCIPAL, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';
import { issuanceApp, logisticsCertificate } from '../fixtures/issuance-fixtures';
import { platformPackage, smallCatalog, writeZip } from '../fixtures/package-fixtures';
import { drawnSignature } from '../fixtures/seal-images';
import { scoresApp } from '../fixtures/score-fixtures';
import { INSTITUTION_CODE as SITE_INSTITUTION, TODAY } from '../fixtures/site-fixtures';
import { INSTITUTION_CODE } from '../fixtures/exam-day-store';
import { takeSequence } from '../tools/platform/keys';
import type { Platform } from '../tools/platform/platform';
import { issuePackage } from '../tools/platform/issue-package';
import { platformResults } from '../tools/platform/platform-results';

type App = Parameters<typeof call>[0];

/**
 * A package signed by the simulator's key with exactly these files and kinds, the bytes as given
 * (broken JSON, numbers JSON.stringify cannot write): what a hostile or damaged sender makes.
 */
async function craft(
  platform: Platform,
  institutionCode: string,
  files: { name: string; data: Buffer }[],
  kinds: string[],
  over: Partial<Manifest> = {},
  unlisted: { name: string; data: Buffer }[] = [],
): Promise<string> {
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    kinds,
    sender: { type: 'platform', id: platform.scenario.platform.id, name: platform.scenario.platform.name },
    institutionCode,
    sequence: takeSequence(platform.keys, institutionCode),
    createdAt: '2026-07-06T02:00:00.000Z',
    files: files.map((f) => ({ path: f.name, sha256: createHash('sha256').update(f.data).digest('hex'), size: f.data.length })),
    ...over,
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  const path = join(tempDir(), 'crafted.zip');
  await writeZip(path, [
    { name: MANIFEST_FILE, data: bytes },
    { name: SIGNATURE_FILE, data: Buffer.from(JSON.stringify(signManifest(bytes, platform.keys.privatePem))) },
    ...files,
    ...unlisted,
  ]);
  return path;
}

async function refusal(app: App, session: string, path: string): Promise<string> {
  const fileId = app.files.register(path, 'in.zip', { name: 'principal', id: 1, role: 'principal' }).fileId;
  return (await callJobError(app, 'packages.inspect', { fileId }, session)).message;
}

/** What an import may touch, all of it: a refusal leaves every table as it was. */
function snapshot(app: App): string {
  const tables = ['scores', 'score_revisions', 'platform_results', 'issuance_records', 'issued_certificates', 'package_history', 'candidates'];
  return JSON.stringify(tables.map((t) => app.store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('hostile year-end packages: scores and results', { timeout: 600_000 }, () => {
  it('refuses a plan whose pass mark no score can reach (over 100)', async () => {
    const { app, principal } = await setUpApp();
    const key = generateSigningKey();
    await call(app, 'settings.update', { platformPublicKeys: [key.publicPem], allowUnsignedPackages: false }, principal);
    const catalog = smallCatalog();
    catalog['exam-plans'].plans[0]!.certificates[0]!.subjects[1]!.passScore = 150;
    const path = join(tempDir(), 'catalog.zip');
    await platformPackage(path, { signingKeyPem: key.privatePem, kinds: catalog as never });
    expect(await refusal(app, principal, path)).toBe('payload/exam-plans.json 的内容不符合格式：plans[0].certificates[0].subjects[1].passScore：合格分数不能超过 100 分');
  });

  it('compares names as both sides may spell them: width, spaces and the middle dot aside, nothing else', () => {
    const id = '370285200601011234';
    expect(nameDisagreement('买买提•艾力', '买买提·艾力', id)).toBeNull();
    expect(nameDisagreement('ＡＢＣ 张', 'ABC张', id)).toBeNull();
    expect(nameDisagreement('张三', '张叁', id)).toBe(`姓名“张三”与本院校身份证号 ${maskIdNumber(id)} 的考生“张叁”不一致`);
  });

  it('refuses each hostile scores or results package in Chinese, naming the file and the entry, and writes nothing', async () => {
    const s = await scoresApp();
    const before = snapshot(s.app);
    const good = s.scores;
    const block = good.scores[0]!;
    const scored = block.entries.findIndex((e) => !e.absent);
    const one = (edit: (p: ScoresPayload) => void): ScoresPayload => {
      const p = structuredClone(good);
      edit(p);
      return p;
    };
    const send = async (payload: unknown, over: Partial<Manifest> = {}, extra: { name: string; data: Buffer }[] = [], kinds = ['scores']) =>
      refusal(
        s.app,
        s.principal,
        await craft(s.platform, INSTITUTION_CODE, [{ name: 'payload/scores.json', data: Buffer.isBuffer(payload) ? payload : json(payload) }, ...extra], kinds, over),
      );

    // zod's own messages (a boolean that is not one) come out in Chinese inside the job's worker thread too.
    const notBoolean = await send(one((p) => Object.assign(p.scores[0]!.entries[0]!, { absent: 'no' })));
    expect(notBoolean).toMatch(/^payload\/scores\.json 的内容不符合格式：scores\[0\]\.entries\[0\]\.absent：考试计划 .* 第 1 条（.*）：无效输入/);
    expect(notBoolean).not.toMatch(/Invalid|expected/);

    // A payload the manifest lists but does not declare as a kind: never carried along unchecked.
    const results = platformResults(good, s.platform.scenario);
    expect(await send(good, {}, [{ name: 'payload/results.json', data: json(results) }])).toBe(
      '数据包中的 payload/results.json 是“考证结果”的数据，但清单的 kinds 没有声明它，已拒绝。',
    );
    expect(await send(good, {}, [{ name: 'notes.txt', data: Buffer.from('x') }])).toBe('数据包中的 notes.txt 不属于清单声明的任何数据类型，已拒绝。');

    // An entry the manifest does not list, its name 5,000 characters with control characters in it: named, but shortened and made plain.
    const long = await refusal(
      s.app,
      s.principal,
      await craft(s.platform, INSTITUTION_CODE, [{ name: 'payload/scores.json', data: json(good) }], ['scores'], {}, [
        { name: `x\u0007${'长'.repeat(5000)}`, data: Buffer.from('x') },
      ]),
    );
    expect(long).toBe(`数据包中多出了清单没有列出的文件 x?${'长'.repeat(118)}…，已拒绝。`);

    // Broken JSON: Chinese, the file named, where it breaks; never JSON.parse's English.
    expect(await send(Buffer.from('{"scores": [\n  {"planCode": }\n]}'))).toBe('payload/scores.json 不是合法的 JSON：出现了不应有的字符“}”，数据包可能已损坏或被改动。');
    expect(await send(Buffer.from('{"scores": []\n "x": 1}'))).toBe('payload/scores.json 不是合法的 JSON：第 2 行第 2 列有语法错误，数据包可能已损坏或被改动。');
    expect(await send(Buffer.from('{"scores": ['))).toBe('payload/scores.json 不是合法的 JSON：内容在文件末尾意外结束，数据包可能已损坏或被改动。');
    expect(await send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toBe('payload/scores.json 不是 UTF-8 编码的文本，数据包可能已损坏。');

    // Scores: 0–100, one decimal, finite; a number JSON cannot hold as a double (1e999) is not a score.
    const at = (j: number) => `scores[0].entries[${j}].score：考试计划 ${s.planCode} 科目 ${block.subjectCode} 第 ${j + 1} 条（${block.entries[j]!.name}）`;
    expect(await send(one((p) => (p.scores[0]!.entries[scored]!.score = 100.5)))).toBe(`payload/scores.json 的内容不符合格式：${at(scored)}：成绩不能超过 100 分`);
    expect(await send(one((p) => (p.scores[0]!.entries[scored]!.score = -0.5)))).toContain(`${at(scored)}：成绩不能为负`);
    const infinite = json(good).toString().replace(`"score":${block.entries[scored]!.score}`, '"score":1e999');
    expect(await send(Buffer.from(infinite))).toContain(`${at(scored)}：成绩必须是数字`);

    // Names: no control characters, at most 60 characters, and the stored candidate's name.
    expect(await send(one((p) => (p.scores[0]!.entries[0]!.name = '张\u0000三')))).toContain('scores[0].entries[0].name：考试计划');
    expect(await send(one((p) => (p.scores[0]!.entries[0]!.name = '张'.repeat(61))))).toContain('不能超过 60 个字符');
    const first = block.entries[0]!;
    expect(await send(one((p) => (p.scores[0]!.entries[0]!.name = '冒名者')))).toContain(
      `scores[0].entries[0].name：考试计划“物流管理2026年6月第1次考核”（${s.planCode}）科目 基础考核（098694）第 1 条：姓名“冒名者”与本院校身份证号 ${maskIdNumber(first.idNumber)} 的考生“${first.name}”不一致`,
    );

    // A ticket number that is not the one the platform's schedule gave this enrollment.
    const second = block.entries[1]!;
    expect(await send(one((p) => (p.scores[0]!.entries[0]!.ticketNumber = second.ticketNumber)))).toContain(
      `scores[0].entries[0].ticketNumber：考试计划“物流管理2026年6月第1次考核”（${s.planCode}）科目 基础考核（098694）第 1 条（${first.name}）：准考证号 ${second.ticketNumber} 与本院校排考记录中的准考证号 ${first.ticketNumber} 不一致`,
    );

    // The package's own date: 2000–2099; nothing in it issued after it was made.
    expect(await send(good, { createdAt: '1999-12-31T16:00:00.000Z' })).toBe('manifest.json 的内容不符合格式：createdAt：数据包的生成时间应在 2000–2099 年之间');
    expect(await send(good, { createdAt: '2100-01-01T00:00:00.000Z' })).toContain('数据包的生成时间应在 2000–2099 年之间');
    expect(await send(one((p) => (p.scores[0]!.issuedAt = '2026-07-06T02:00:01.000Z')))).toBe(
      'payload/scores.json 的内容不符合格式：scores[0].issuedAt：时间 2026-07-06T02:00:01.000Z 晚于数据包的生成时间 2026-07-06T02:00:00.000Z。',
    );

    expect(await send(one((p) => (p.scores[0]!.issuedAt = '1970-01-01T00:00:00.000Z')))).toBe(
      'payload/scores.json 的内容不符合格式：scores[0].issuedAt：时间 1970-01-01T00:00:00.000Z 早于 2000 年。',
    );

    // 考证结果: an entry whose name is not its candidate's is refused, naming the entry.
    const misnamed = structuredClone(results);
    const r0 = misnamed.results[0]!.entries[0]!;
    const stored = r0.name;
    r0.name = '冒名者';
    const resultsZip = join(tempDir(), 'results.zip');
    await issuePackage(s.platform, { results: misnamed }, { institutionCode: INSTITUTION_CODE, out: resultsZip, now: s.clock.now });
    expect(await refusal(s.app, s.principal, resultsZip)).toContain(
      `results[0].entries[0].name：考试计划“物流管理2026年6月第1次考核”第 1 条：姓名“冒名者”与本院校身份证号 ${maskIdNumber(r0.idNumber)} 的考生“${stored}”不一致`,
    );

    expect(snapshot(s.app)).toBe(before);
  });
});

describe('hostile year-end packages: 证书发放名单 and 电子证书', { timeout: 600_000 }, () => {
  it('refuses a misnamed list entry, a record given two certificates, an impossible or future date and a holder not the record’s', async () => {
    const { app, principal, platform, plans } = await issuanceApp();
    const rows = (await call<IssuanceList>(app, 'issuance.list', {}, principal)).rows;
    await call(
      app,
      'issuance.decide',
      { recordIds: [rows[0]!.recordId], decision: 'confirmed', password: PRINCIPAL.password, signaturePng: (await drawnSignature()).toString('base64') },
      principal,
    );
    const before = snapshot(app);
    const certificate = (over: Record<string, unknown> = {}) => logisticsCertificate(app, plans.logistics, rows[0]!.recordId, 'ZS201900312026000001', over);
    const send = async (kinds: Record<string, unknown>) => {
      const path = join(tempDir(), 'in.zip');
      await issuePackage(platform, kinds, { institutionCode: SITE_INSTITUTION, out: path, now: TODAY });
      return refusal(app, principal, path);
    };
    const certs = (...c: unknown[]) => ({ certificates: { certificates: c } });

    expect(await send(certs(certificate(), certificate({ number: 'ZS201900312026000002' })))).toBe(
      `payload/certificates.json 的内容不符合格式：certificates[1].recordId：发放记录 ${rows[0]!.recordId} 在同一个数据包中发了两张证书`,
    );
    expect(await send(certs(certificate({ issuedOn: '2026-02-30' })))).toBe(
      'payload/certificates.json 的内容不符合格式：certificates[0].issuedOn：发证日期应为实际存在的日期，格式 YYYY-MM-DD',
    );
    // TODAY is 2026-06-15 10:00 in Beijing: a certificate dated the next day was not issued yet.
    expect(await send(certs(certificate({ issuedOn: '2026-06-16' })))).toBe(
      'payload/certificates.json 的内容不符合格式：certificates[0].issuedOn：时间 2026-06-16 晚于数据包的生成时间 2026-06-15T02:00:00.000Z。',
    );
    expect(await send(certs(certificate({ name: '冒名者' })))).toBe(
      `payload/certificates.json 的内容不符合格式：certificates[0]：证书 ZS201900312026000001 的持证人姓名“冒名者”与发放记录 ${rows[0]!.recordId} 的考生“${certificate().name}”不一致`,
    );

    // The list: an entry's name must be its candidate's.
    const listEntry = app.store.db
      .prepare('SELECT record_id AS recordId, id_number AS idNumber, name, certificate_code AS certificateCode, level, composite FROM issuance_records WHERE record_id = ?')
      .get(rows[1]!.recordId) as Record<string, unknown>;
    const list = { lists: [{ planCode: plans.logistics, issuedAt: '2026-06-12T02:00:00.000Z', entries: [{ ...listEntry, name: '冒名者' }] }] };
    expect(await send({ 'issuance-list': list })).toBe(
      `payload/issuance-list.json 的内容不符合格式：lists[0].entries[0]：发放记录 ${rows[1]!.recordId}：姓名“冒名者”与本院校身份证号 ${maskIdNumber(listEntry.idNumber as string)} 的考生“${listEntry.name as string}”不一致`,
    );
    // One candidate's certificate under two record ids in one list: refused, not left to the store's UNIQUE.
    const twice = { lists: [{ ...list.lists[0]!, entries: [listEntry, { ...listEntry, recordId: 'TWIN-1' }] }] };
    expect(await send({ 'issuance-list': twice })).toContain(
      `lists[0].entries[1].recordId：${listEntry.name as string}（${maskIdNumber(listEntry.idNumber as string)}） 的 ZS2019003（初级）在同一个数据包中有两条发放记录（${rows[1]!.recordId} 和 TWIN-1）`,
    );
    const late = { lists: [{ ...list.lists[0]!, issuedAt: '2026-06-15T02:00:00.001Z', entries: [listEntry] }] };
    expect(await send({ 'issuance-list': late })).toContain('lists[0].issuedAt：时间 2026-06-15T02:00:00.001Z 晚于数据包的生成时间');
    expect(await send({ 'issuance-list': { lists: [{ ...list.lists[0]!, entries: [{ ...listEntry, composite: 100.1 }] }] } })).toContain(
      'lists[0].entries[0].composite：成绩不能超过 100 分',
    );

    expect(snapshot(app)).toBe(before);
  });
});
