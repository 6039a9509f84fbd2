import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssuanceList } from '../../src-shared/api/issuance';
import type { ExportResult } from '../../src-shared/api/packages';
import type { YearBoard } from '../../src-shared/api/yearboard';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { call, callJob, LOGIN, PRINCIPAL } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';
import { importIssuanceList, scoredApp, uploadSeal } from '../fixtures/issuance-fixtures';
import { agreeingResults } from '../fixtures/scored-store';
import { drawnSignature, goodSeal } from '../fixtures/seal-images';
import { importFile } from '../fixtures/site-fixtures';

describe('the year board’s 发证 step', { timeout: 240_000 }, () => {
  it('follows the 发放名单, the principal’s seal and decisions, their package and the organisation’s certificates; an open record stays on next year’s board', async () => {
    // The earlier 物流管理 plan: registered in December 2019, its 公示 2020-02-21 ~ 2020-02-22.
    const clock = { now: new Date('2020-02-21T02:00:00Z') };
    const { app, principal, platform, plans } = await scoredApp({ now: () => clock.now });
    let session = principal;
    const step = async () => (await call<YearBoard>(app, 'yearboard.get', {}, session)).steps.find((s) => s.key === 'issuance')!;
    const decide = async (recordIds: string[], over: Record<string, unknown> = {}) =>
      call(app, 'issuance.decide', { recordIds, decision: 'confirmed', password: PRINCIPAL.password, signaturePng: (await drawnSignature()).toString('base64'), ...over }, session);

    // Scores in, three passes by the app's own rule, no list from the organisation yet.
    expect(await step()).toMatchObject({
      state: 'waiting',
      summary: '本地计算合格 3 人，尚未收到证书发放名单',
      hint: '成绩公示结束后，等待培训评价组织下发“证书发放名单”数据包，再导入',
      link: '/issuance',
    });

    await importIssuanceList(app, session, platform, agreeingResults(app.store, plans.logistics, '2020-02-21T01:00:00.000Z'));
    expect(await step()).toMatchObject({ state: 'todo', summary: '证书发放名单 3 条，待签发 3，已发证 0', hint: '校长先在“签名章”上传签名章，再在“证书发放管理”确认签发' });
    // Listed during 公示: the signer is told the scores may still change.
    const inPublicity = [{ planCode: plans.logistics, planName: '物流管理2019年12月第2次考核', end: '2020-02-22' }];
    expect((await call<IssuanceList>(app, 'issuance.list', {}, session)).inPublicity).toEqual(inPublicity);
    await uploadSeal(app, session, await goodSeal());
    expect((await step()).hint).toBe('校长在“证书发放管理”确认签发 3 条记录（输入密码并手写签名）');

    const at = async (iso: string) => {
      clock.now = new Date(iso);
      session = (await call<{ sessionToken: string }>(app, 'auth.login', LOGIN)).sessionToken;
    };
    // Still open at the turn of the year: the next year's board keeps it.
    await at('2021-01-04T02:00:00Z');
    expect(await step()).toMatchObject({ state: 'todo', summary: '证书发放名单 3 条，待签发 3，已发证 0' });
    // After 公示 the scores are locked and the warning goes.
    await at('2020-02-25T02:00:00Z');
    expect((await call<IssuanceList>(app, 'issuance.list', {}, session)).inPublicity).toEqual([]);

    const rows = (await call<IssuanceList>(app, 'issuance.list', {}, session)).rows;
    await decide(rows.slice(0, 2).map((r) => r.recordId));
    await decide([rows[2]!.recordId], { decision: 'refused', reason: '考生信息有误，待培训评价组织核实' });
    expect(await step()).toMatchObject({
      state: 'todo',
      summary: '证书发放名单 3 条，已确认签发 2，不予签发 1，已发证 0',
      hint: '导出“签发决定”数据包报送培训评价组织',
    });

    const exported = await callJob<ExportResult>(app, 'packages.export', { kinds: ['issuance-decisions'] }, session);
    expect(await step()).toMatchObject({ state: 'waiting', hint: '等待培训评价组织发放电子证书，再导入“电子证书”数据包' });

    const reply = join(tempDir(), 'certificates.zip');
    await answerPackage(platform, await readOutbound(exported.path, 'out.zip'), reply, clock.now);
    await importFile(app, session, reply);
    expect(await step()).toMatchObject({ state: 'done', summary: '证书发放名单 3 条，已确认签发 2，不予签发 1，已发证 2', hint: null, link: '/issuance' });

    // Done, and of last year's plans: next year's board starts over from the plan windows.
    await at('2021-01-04T02:00:00Z');
    expect(await step()).toMatchObject({ state: 'idle', summary: '尚未开始', link: '/issuance' });
  });

  it('counts a pass the list leaves out beside the records it lists, and only while its plan is of this year', async () => {
    const clock = { now: new Date('2020-02-21T02:00:00Z') };
    const { app, principal, platform, plans } = await scoredApp({ now: () => clock.now });
    let session = principal;
    const step = async () => (await call<YearBoard>(app, 'yearboard.get', {}, session)).steps.find((s) => s.key === 'issuance')!;
    const passes = agreeingResults(app.store, plans.logistics, '2020-02-21T01:00:00.000Z');
    // The organisation lists two of the three passes.
    const listed = { results: passes.results.map((r) => ({ ...r, entries: r.entries.filter((e) => e.passed).slice(0, 2) })) };
    await importIssuanceList(app, session, platform, listed);
    expect(await step()).toMatchObject({ state: 'todo', summary: '证书发放名单 2 条，待签发 2，已发证 0，本地合格未列入名单 1' });

    // Next year the two records are still open; the pass left out is last year's plan's, which 证书发放管理 still shows.
    clock.now = new Date('2021-01-04T02:00:00Z');
    session = (await call<{ sessionToken: string }>(app, 'auth.login', LOGIN)).sessionToken;
    expect(await step()).toMatchObject({ state: 'todo', summary: '证书发放名单 2 条，待签发 2，已发证 0' });
    expect((await call<IssuanceList>(app, 'issuance.list', {}, session)).unlisted).toEqual([{ planCode: plans.logistics, planName: '物流管理2019年12月第2次考核', count: 1 }]);
  });
});
