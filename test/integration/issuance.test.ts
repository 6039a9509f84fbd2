import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertificateView, IssuanceList } from '../../src-shared/api/issuance';
import type { ExportResult } from '../../src-shared/api/packages';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { IssuanceDecisionsPayload } from '../../src-shared/domain/issuance-kinds';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { certificateNumberOf } from '../tools/platform/answer-issuance';
import { issuePackage } from '../tools/platform/issue-package';
import { issuanceListFor, issuanceRecordId } from '../tools/platform/platform-issuance';
import { addUser, auditCount, call, callError, callJob, PRINCIPAL } from '../helpers/app';
import { pdfImageCount, pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp-dir';
import { importIssuanceList, issuanceApp, logisticsCertificate, scoredApp, uploadSeal } from '../fixtures/issuance-fixtures';
import { zipEntries } from '../fixtures/package-fixtures';
import { agreeingResults } from '../fixtures/scored-store';
import { blankSignature, drawnSignature, goodSeal } from '../fixtures/seal-images';
import { importFile, INSTITUTION_CODE, TODAY } from '../fixtures/site-fixtures';

const LISTED_AT = '2026-06-12T02:00:00.000Z';

async function decideInput(recordIds: string[], over: Record<string, unknown> = {}) {
  return { recordIds, decision: 'confirmed', password: PRINCIPAL.password, signaturePng: (await drawnSignature()).toString('base64'), ...over };
}

const list = (app: Parameters<typeof call>[0], session: string, input: Record<string, unknown> = {}) => call<IssuanceList>(app, 'issuance.list', input, session);
const count = (app: Parameters<typeof call>[0], table: string) => app.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

// Catalog imports and package round trips run jobs in worker threads: slow on a loaded 2-core machine.
describe('证书发放', { timeout: 240_000 }, () => {
  it('takes the platform’s 发放名单 beside the app’s own results: the passes listed, confirmable; a pass not listed yet counted', async () => {
    const { app, principal, platform, plans, idNumbers } = await scoredApp();
    // Before any list: three passes of 初级 the platform has not listed yet.
    expect((await list(app, principal)).unlisted).toEqual([{ planCode: plans.logistics, planName: '物流管理2019年12月第2次考核', count: 3 }]);
    await importIssuanceList(app, principal, platform, agreeingResults(app.store, plans.logistics, LISTED_AT));
    const view = await list(app, principal);
    expect(view.counts).toEqual({ all: 3, waiting: 3, confirmed: 0, refused: 0 });
    expect(view.unlisted).toEqual([]);
    expect(view.rows.map((r) => [r.idNumber.slice(0, 6), r.level, r.platformComposite, r.local?.passed, r.local?.composite, r.confirmable, r.status])).toEqual(
      [0, 1, 3]
        .map((i) => idNumbers[i]!)
        .sort()
        .map((id) => {
          const composite = { [idNumbers[0]!]: 80, [idNumbers[1]!]: 60, [idNumbers[3]!]: 63 }[id];
          return [id.slice(0, 6), '初级', composite, true, composite, true, 'waiting'];
        }),
    );
    expect(view.rows[0]!.idNumber).toMatch(/^\d{6}\*{5}\d{3}[\dX]$/);
    expect(
      view.rows.every(
        (r) =>
          r.recordId === issuanceRecordId(plans.logistics, { idNumber: idNumbers.find((id) => id.endsWith(r.idNumber.slice(-4)))!, certificateCode: 'ZS2019003', level: '初级' }),
      ),
    ).toBe(true);
    // The same list again changes nothing.
    const again = join(tempDir(), 'again.zip');
    await issuePackage(
      platform,
      { 'issuance-list': issuanceListFor(agreeingResults(app.store, plans.logistics, LISTED_AT)) },
      { institutionCode: INSTITUTION_CODE, out: again, now: TODAY },
    );
    expect((await importFile(app, principal, again)).counts['issuance-list']).toEqual({ new: 0, changed: 0, unchanged: 3 });
  });

  it('refuses a 发放名单 naming someone who is not this institution’s candidate of that certificate, or moving a record id to another person', async () => {
    const { app, principal, platform, plans, idNumbers } = await scoredApp();
    const stranger = agreeingResults(app.store, plans.logistics, LISTED_AT);
    stranger.results[0]!.entries.push({ idNumber: '110101199003070017', name: '外校考生', certificateCode: 'ZS2019003', level: '初级', composite: 70, passed: true });
    const path = join(tempDir(), 'stranger.zip');
    await issuePackage(platform, { 'issuance-list': issuanceListFor(stranger) }, { institutionCode: INSTITUTION_CODE, out: path, now: TODAY });
    await expect(importFile(app, principal, path)).rejects.toThrow('外校考生（110101*****0017） 不是本院校报考该计划 ZS2019003（初级）的考生');
    expect(count(app, 'issuance_records')).toBe(0);

    await importIssuanceList(app, principal, platform, agreeingResults(app.store, plans.logistics, LISTED_AT));
    const moved = issuanceListFor(agreeingResults(app.store, plans.logistics, LISTED_AT));
    const [a, b] = moved.lists[0]!.entries;
    a!.recordId = b!.recordId;
    moved.lists[0]!.entries = [a!];
    const movedPath = join(tempDir(), 'moved.zip');
    await issuePackage(platform, { 'issuance-list': moved }, { institutionCode: INSTITUTION_CODE, out: movedPath, now: TODAY });
    await expect(importFile(app, principal, movedPath)).rejects.toThrow('不能改为另一位考生或证书');
    expect(idNumbers).toHaveLength(4);
  });

  it('confirms a batch in one sitting after the password and a drawn signature; a wrong password, an empty pad, a refusal without reason decide nothing', async () => {
    const { app, principal } = await issuanceApp();
    const ids = (await list(app, principal)).rows.map((r) => r.recordId);
    const audits = auditCount(app);

    const wrong = await callError(app, 'issuance.decide', await decideInput(ids, { password: 'not-the-password' }), principal);
    expect(wrong).toMatchObject({ code: 'VALIDATION', message: '密码错误，未作任何签发决定。' });
    const blank = await callError(app, 'issuance.decide', await decideInput(ids, { signaturePng: (await blankSignature()).toString('base64') }), principal);
    expect(blank.message).toBe('签名为空：请在签名板上手写签名后再确认。');
    expect((await callError(app, 'issuance.decide', await decideInput(ids, { signaturePng: '' }), principal)).message).toContain('请先在签名板上手写签名');
    expect((await callError(app, 'issuance.decide', await decideInput(ids, { decision: 'refused' }), principal)).message).toContain('不予签发须写明原因');
    expect((await callError(app, 'issuance.decide', await decideInput(ids, { decision: 'refused', reason: '  ' }), principal)).message).toContain('不予签发须写明原因');
    expect((await callError(app, 'issuance.decide', await decideInput(ids, { decision: 'refused', reason: '原'.repeat(201) }), principal)).message).toContain(
      '不能超过 200 个字符',
    );
    expect(count(app, 'issuance_sittings') + count(app, 'issuance_decisions')).toBe(0);
    // Only the failed password is in the log.
    expect(auditCount(app)).toBe(audits + 1);
    expect((await list(app, principal)).counts.waiting).toBe(3);

    const done = await call<{ decided: number; decision: string }>(app, 'issuance.decide', await decideInput(ids), principal);
    expect(done).toMatchObject({ decided: 3, decision: 'confirmed' });
    const after = await list(app, principal);
    expect(after.counts).toEqual({ all: 3, waiting: 0, confirmed: 3, refused: 0 });
    expect(after.rows.every((r) => r.decision?.signer === '赵校长' && r.decision.decidedAt === TODAY.toISOString() && !r.confirmable)).toBe(true);
    expect(after.unsent).toBe(3);
    const sitting = app.store.db.prepare('SELECT signer_id, signer_name, signature_png, length(seal_sha256) AS seal FROM issuance_sittings').all() as { signature_png: Buffer }[];
    expect(sitting).toHaveLength(1);
    expect(sitting[0]).toMatchObject({ signer_id: 1, signer_name: '赵校长', seal: 64 });
    expect(sitting[0]!.signature_png.equals(await drawnSignature())).toBe(true);
    const audit = JSON.parse(app.store.db.prepare("SELECT after_json FROM audit_log WHERE operation = 'issuance.decide'").pluck().get() as string) as {
      count: number;
      changes: unknown[];
    };
    expect(audit.count).toBe(3);
    expect(audit.changes).toHaveLength(3);

    // Decided is decided: no second decision, by any call.
    const twice = await callError(app, 'issuance.decide', await decideInput([ids[0]!], { decision: 'refused', reason: '重复操作' }), principal);
    expect(twice).toMatchObject({ code: 'STATE', message: expect.stringContaining('已作出签发决定，不可更改') });
  });

  it('holds decisions irreversible in the database itself: raw UPDATE and DELETE, a second decision, a changed sitting or decided record are refused by SQLite', async () => {
    const { app, principal } = await issuanceApp();
    const ids = (await list(app, principal)).rows.map((r) => r.recordId);
    await call(app, 'issuance.decide', await decideInput([ids[0]!]), principal);
    const db = app.store.db;
    expect(() => db.prepare("UPDATE issuance_decisions SET decision = 'refused', reason = '改主意'").run()).toThrow('an issuance decision is final');
    expect(() => db.prepare('DELETE FROM issuance_decisions').run()).toThrow('an issuance decision is final');
    expect(() => db.prepare("INSERT INTO issuance_decisions (record_id, sitting_id, decision, reason) VALUES (?, 1, 'refused', '再来一次')").run(ids[0])).toThrow(
      'an issuance record is decided once',
    );
    expect(() => db.prepare("UPDATE issuance_sittings SET signer_name = '别人'").run()).toThrow('an issuance sitting is final');
    expect(() => db.prepare('DELETE FROM issuance_sittings').run()).toThrow('an issuance sitting is final');
    expect(() => db.prepare("UPDATE issuance_records SET name = '改名' WHERE record_id = ?").run(ids[0])).toThrow('a decided issuance record is final');
    expect(() => db.prepare('DELETE FROM issuance_records WHERE record_id = ?').run(ids[0])).toThrow('a decided issuance record is final');
    // An undecided record may still be updated by a later list.
    expect(db.prepare('UPDATE issuance_records SET name = name WHERE record_id = ?').run(ids[1]).changes).toBe(1);
    expect(db.prepare('SELECT decision FROM issuance_decisions').pluck().all()).toEqual(['confirmed']);
  });

  it('will not confirm a record the app finds not passed, nor without a seal; refusing it, with a reason, is allowed', async () => {
    const { app, principal, platform, plans, idNumbers } = await scoredApp();
    // The platform passes candidate 2 (50.0 here): a disagreement.
    await importIssuanceList(app, principal, platform, agreeingResults(app.store, plans.logistics, LISTED_AT, [idNumbers[2]!]));
    const rows = (await list(app, principal)).rows;
    const failed = rows.find((r) => r.local?.passed === false)!;
    expect(failed).toMatchObject({ confirmable: false, local: { composite: 50, reasons: ['综合成绩 50.0 低于合格分数 60'] } });
    const passed = rows.filter((r) => r !== failed).map((r) => r.recordId);

    expect((await callError(app, 'issuance.decide', await decideInput(passed), principal)).message).toContain('尚未上传签名章');
    await uploadSeal(app, principal, await goodSeal());
    const refusal = await callError(app, 'issuance.decide', await decideInput([...passed, failed.recordId]), principal);
    expect(refusal).toMatchObject({ code: 'STATE', details: { recordIds: [failed.recordId] } });
    expect(refusal.message).toContain('按本地成绩计算未通过（或成绩未齐），不能确认签发');
    expect(count(app, 'issuance_decisions')).toBe(0);

    await call(app, 'issuance.decide', await decideInput([failed.recordId], { decision: 'refused', reason: '本校核对成绩为 50.0 分，未达到合格分数' }), principal);
    const after = await list(app, principal, { status: 'refused' });
    expect(after.rows.map((r) => [r.recordId, r.decision?.reason])).toEqual([[failed.recordId, '本校核对成绩为 50.0 分，未达到合格分数']]);
    expect(after.counts).toEqual({ all: 4, waiting: 3, confirmed: 0, refused: 1 });
  });

  it('sends the decisions with signer, time and the sitting’s signature but never the seal; the organisation’s certificates are looked up by number and ID number', async () => {
    const { app, principal, platform, idNumbers } = await issuanceApp();
    const rows = (await list(app, principal)).rows;
    await call(app, 'issuance.decide', await decideInput(rows.slice(0, 2).map((r) => r.recordId)), principal);
    await call(app, 'issuance.decide', await decideInput([rows[2]!.recordId], { decision: 'refused', reason: '考生信息有误，待培训评价组织核实' }), principal);

    const exported = await callJob<ExportResult>(app, 'packages.export', { kinds: ['issuance-decisions'] }, principal);
    expect(exported.counts).toEqual({ 'issuance-decisions': 3 });
    const outbound = await readOutbound(exported.path, 'out.zip');
    const payload = outbound.payloads['issuance-decisions'] as IssuanceDecisionsPayload;
    expect(payload.sittings).toHaveLength(2);
    expect(Buffer.from(payload.sittings[0]!.signaturePng, 'base64').equals(await drawnSignature())).toBe(true);
    expect(payload.decisions.map((d) => [d.recordId, d.decision, d.reason, d.signer, d.decidedAt])).toEqual([
      [rows[0]!.recordId, 'confirmed', null, '赵校长', TODAY.toISOString()],
      [rows[1]!.recordId, 'confirmed', null, '赵校长', TODAY.toISOString()],
      [rows[2]!.recordId, 'refused', '考生信息有误，待培训评价组织核实', '赵校长', TODAY.toISOString()],
    ]);
    expect(payload.decisions.every((d) => idNumbers.includes(d.idNumber))).toBe(true);
    // The seal's bytes, raw or base64, are in no file of the package.
    const seal = await goodSeal();
    for (const entry of await zipEntries(exported.path)) {
      expect(entry.data.includes(seal.subarray(16, 80)), entry.name).toBe(false);
      expect(entry.data.includes(Buffer.from(seal.toString('base64').slice(40, 120))), entry.name).toBe(false);
    }
    expect((await list(app, principal)).unsent).toBe(0);
    expect((await callJob(app, 'packages.export', { kinds: ['issuance-decisions'] }, principal).catch((e: Error) => e)) as Error).toMatchObject({
      message: expect.stringContaining('没有待报送的签发决定'),
    });

    const reply = join(tempDir(), 'certificates.zip');
    const answered = await answerPackage(platform, outbound, reply, TODAY);
    expect(answered.answer.answered).toEqual(['issuance-decisions']);
    expect((await importFile(app, principal, reply)).counts.certificates).toEqual({ new: 2, changed: 0, unchanged: 0 });
    const issued = await list(app, principal, { status: 'confirmed' });
    const first = issued.rows[0]!;
    const number = certificateNumberOf({ recordId: first.recordId, certificateCode: 'ZS2019003', level: '初级', decidedAt: TODAY.toISOString() });
    expect(first.certificateNumber).toBe(number);
    expect((await list(app, principal, { status: 'refused' })).rows[0]!.certificateNumber).toBeNull();

    const holder = idNumbers.find((id) => id.endsWith(first.idNumber.slice(-4)))!;
    const found = await call<CertificateView>(app, 'certificates.lookup', { number, idNumber: holder }, principal);
    expect(found).toEqual({
      number,
      name: first.name,
      idNumber: first.idNumber,
      certificateCode: 'ZS2019003',
      certificateName: '物流管理职业技能等级证书',
      level: '初级',
      orgName: '北京中物联物流采购培训中心',
      issuedOn: '2026-06-15',
      planCode: first.planCode,
      planName: '物流管理2019年12月第2次考核',
    });
    // A wrong ID number and a number that does not exist answer alike.
    const other = idNumbers.find((id) => id !== holder)!;
    const wrongId = await callError(app, 'certificates.lookup', { number, idNumber: other }, principal);
    const wrongNumber = await callError(app, 'certificates.lookup', { number: 'ZS2019003120269999999', idNumber: holder }, principal);
    expect(wrongId).toEqual({ code: 'NOT_FOUND', message: '未查到证书：请核对证书编号和身份证号是否正确。' });
    expect(wrongNumber).toEqual(wrongId);

    await callJob(app, 'certificates.pdf', { number, idNumber: holder }, principal);
    const job = (await call<JobInfo[]>(app, 'jobs.list', {}, principal)).find((j) => j.kind === 'certificate-pdf')!;
    const pdf = app.jobs.fileOf(job.id, 'pdf');
    const text = pdfText(pdf).flat;
    expect(text).toContain(`证书编号${number}`);
    expect(text).toContain(`姓名${first.name}`);
    expect(text).not.toContain('样张');
    // The ID number printed masked, as on every sheet the app prints.
    expect(text).toContain(`证件号码${first.idNumber}`);
    expect(text).not.toContain(holder);
    expect(pdfImageCount(pdf)).toBe(1);

    // Coordinators follow the list and look certificates up; signing and the sealed PDF stay the principal's.
    const coordinator = await addUser(app, principal, 'coordinator', 'coordinator');
    expect((await list(app, coordinator)).counts.all).toBe(3);
    expect((await call<CertificateView>(app, 'certificates.lookup', { number, idNumber: holder }, coordinator)).number).toBe(number);
    expect((await callError(app, 'certificates.pdf', { number, idNumber: holder }, coordinator)).code).toBe('FORBIDDEN');
    expect((await callError(app, 'issuance.decide', await decideInput([rows[0]!.recordId]), coordinator)).code).toBe('FORBIDDEN');
    expect((await callError(app, 'jobs.file', { id: job.id, key: 'pdf' }, coordinator)).code).toBe('FORBIDDEN');
  });

  it('refuses certificates for a record not confirmed here, and a certificate number given twice', async () => {
    const { app, principal, platform, plans } = await issuanceApp();
    const rows = (await list(app, principal)).rows;
    await call(app, 'issuance.decide', await decideInput([rows[0]!.recordId]), principal);
    const certificate = (recordId: string, number: string) => logisticsCertificate(app, plans.logistics, recordId, number);
    const send = async (certs: ReturnType<typeof certificate>[]) => {
      const path = join(tempDir(), 'certs.zip');
      await issuePackage(platform, { certificates: { certificates: certs } }, { institutionCode: INSTITUTION_CODE, out: path, now: TODAY });
      return importFile(app, principal, path);
    };
    await expect(send([certificate(rows[1]!.recordId, 'ZS201900312026000001')])).rejects.toThrow('本院校尚未确认签发，不能发放证书 ZS201900312026000001');
    await send([certificate(rows[0]!.recordId, 'ZS201900312026000002')]);
    await expect(send([certificate(rows[0]!.recordId, 'ZS201900312026000003')])).rejects.toThrow('已发放证书 ZS201900312026000002，不能再发证书 ZS201900312026000003');
    expect(() => app.store.db.prepare("UPDATE issued_certificates SET name = '别人'").run()).toThrow('an issued certificate is final');
  });
});
