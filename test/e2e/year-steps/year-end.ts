import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readPackage } from '../../../src-main/pipelines/packages/read-package';
import type { IssuanceDecisionsPayload } from '../../../src-shared/domain/issuance-kinds';
import { goodSeal } from '../../fixtures/seal-images';
import { pdfImageCount, pdfText } from '../../helpers/pdf';
import { certificateNumberOf } from '../../tools/platform/answer-issuance';
import { claimedSender, readOutbound } from '../../tools/platform/answer-package';
import { expect, login, logout, PRINCIPAL, shot } from '../fixtures';
import { checkPdf, sign } from '../issuance-helpers';
import { answerPackage, importThroughPage } from '../package-helpers';
import { allDoneBut, expectBoard } from './year-board';
import { COORDINATOR, roundTrip, type ScoresAnswer, type YearRun } from './year-run';
import { open } from '../page-helpers';

/** The Python plan's windows after the exam (default-scenario.json): 成绩登记 D+25 ~ D+35, 公示 D+36 ~ D+45. */
const SCORE_ENTRY = 25;
const PUBLICITY = { start: 36, end: 45 };

/** The reply as the app would read it: signed by the simulator's key, each payload checked by its schema. */
async function readAnswer(run: YearRun, zip: string): Promise<ScoresAnswer> {
  const file = basename(zip);
  const { institutionCode } = await claimedSender(zip, file);
  const trustedKeys = [readFileSync(join(run.dir, 'keys', 'platform-public.pem'), 'utf8')];
  const { payloads } = await readPackage(zip, file, { institutionCode, trustedKeys, allowUnsigned: false, direction: 'in' });
  const kinds = payloads as Record<string, unknown>;
  return { scores: kinds.scores as ScoresAnswer['scores'], results: kinds.results as ScoresAnswer['results'], list: kinds['issuance-list'] as ScoresAnswer['list'] };
}

function answered(run: YearRun): ScoresAnswer {
  if (!run.scoresAnswer) throw new Error('the 成绩登记 step has not run');
  return run.scoresAnswer;
}

/**
 * 成绩登记 (D+25): the organisation's answer to the 考勤 sent after the exam — 科目成绩 of both
 * subjects, its 考证结果 and the 证书发放名单 — imported; 科目成绩 shows every seat's score, the
 * absent candidate 缺考 in both.
 */
export async function scores(run: YearRun): Promise<void> {
  const { page } = run;
  const n = run.tickets.length;
  await logout(page);
  await run.clock.moveTo(page, SCORE_ENTRY, '09:00');
  await login(page, COORDINATOR.username, COORDINATOR.password);
  const reply = join(run.dir, '考勤-回复.zip');
  answerPackage(run.dir, run.attendancePackage!, reply, run.clock.answerArgs());
  const answer = (run.scoresAnswer = await readAnswer(run, reply));
  expect(answer.scores.scores.map((b) => [b.planCode, b.entries.length])).toEqual([
    [run.planCode, n],
    [run.planCode, n],
  ]);
  await importThroughPage(page, reply);

  await open(page, '科目成绩');
  await expect(page.locator('.ant-select').filter({ has: page.locator('#scores-plan') })).toContainText(run.planCode);
  await expect(page.getByTestId('score-counts')).toHaveText(`${2 * n} / ${2 * n}（缺考 2）`);
  const grid = page.getByRole('grid', { name: '科目成绩' });
  await expect(grid.getByRole('row').nth(1)).toContainText('成绩登记中');
  // One present candidate's two scores, as the organisation issued them.
  const present = run.tickets[0]!;
  await page.getByRole('textbox', { name: '搜索考生' }).fill(present.name);
  await expect(page.getByTestId('score-count')).toHaveText('筛选出 2 条');
  for (const block of answer.scores.scores) {
    const entry = block.entries.find((e) => e.name === present.name)!;
    await expect(grid).toContainText(entry.score!.toFixed(1));
  }
  await shot(page, 'year-20-scores', { window: true });
  await expectBoard(page, { 成绩: '进行中', 发证: '待办' }, { says: { 成绩: `已出成绩 ${2 * n} / ${2 * n} 个报考科目` } });
  // The 发放名单 came with the scores: before 公示 ends, whoever opens it is told the scores may still change.
  await open(page, '证书发放管理');
  await expect(page.getByText(`成绩公示至 ${run.clock.day(PUBLICITY.end)} 结束，公示期内成绩仍可能更正，请核对后再确认签发。`)).toBeVisible();
  await shot(page, 'year-20b-issuance-in-publicity', { window: true });
}

/** 公示 (D+36 ~ D+45), then the day after: the scores locked for good, the board's 成绩 step done. */
export async function publicity(run: YearRun): Promise<void> {
  const { page } = run;
  await logout(page);
  await run.clock.moveTo(page, PUBLICITY.start, '09:00');
  await login(page, COORDINATOR.username, COORDINATOR.password);
  await expectBoard(page, { 成绩: '进行中' }, { says: { 成绩: `成绩公示中，${run.clock.day(PUBLICITY.end)} 后永久锁定` } });

  await logout(page);
  await run.clock.moveTo(page, PUBLICITY.end + 1, '09:00');
  await login(page, COORDINATOR.username, COORDINATOR.password);
  await open(page, '科目成绩');
  await expect(page.getByRole('grid', { name: '科目成绩' }).getByRole('row').nth(1)).toContainText('已锁定');
  await expect(page.getByText(`${run.clock.day(PUBLICITY.start)} ~ ${run.clock.day(PUBLICITY.end)}（已锁定）`)).toBeVisible();
  await shot(page, 'year-21-scores-locked', { window: true });
  await expectBoard(page, { 成绩: '已完成' }, { says: { 成绩: '已锁定 1 个考试计划' } });
}

/**
 * 考证结果: every candidate's result computed here beside the platform's, the disagreements (the
 * platform truncates its composites) listed with both figures; one passing candidate's composite
 * made from the very scores 科目成绩 shows.
 */
export async function results(run: YearRun): Promise<void> {
  const { page } = run;
  const { scores: issued, results: platform } = answered(run);
  const n = run.tickets.length;
  await open(page, '考证结果');
  const stats = page.getByRole('group', { name: '考证结果统计' });
  await expect(stats).toContainText(`本院校计算${n}项`);
  const entries = platform.results.flatMap((r) => r.entries);
  await expect(stats).toContainText(`平台结果${entries.length}项`);
  const count = async (label: string | RegExp) => Number((await stats.locator('.ant-card').filter({ hasText: label }).innerText()).replace(/\D/g, ''));
  const agree = await count('与平台一致');
  const disagree = await count('与平台不一致');
  expect(agree + disagree).toBe(n);
  await shot(page, 'year-22-results', { window: true });

  const holder = entries.find((e) => e.passed)!;
  const table = page.getByRole('table', { name: '考证结果' });
  const row = table.getByRole('row').filter({ hasText: holder.name });
  await row.getByRole('button', { name: /展开行|Expand row/ }).click();
  const detail = page.getByRole('region', { name: new RegExp(`^${holder.name} .* 的计算过程$`) });
  for (const block of issued.scores) {
    const score = block.entries.find((e) => e.idNumber === holder.idNumber)!.score!;
    await expect(detail.getByRole('table', { name: '综合成绩的计算' })).toContainText(score.toFixed(1));
  }
  await expect(detail).toContainText('综合成绩保留一位小数，四舍五入');
  await shot(page, 'year-23-result-making');

  // 统计分析: the plan's pass rate, and the counts it is made of, are the ones above.
  const passed = await count(/^通过/);
  const rate = ((passed / n) * 100).toFixed(1);
  await open(page, '统计分析');
  await page.getByRole('button', { name: `考证通过率的通过率 ${rate}%，点击查看人数` }).click();
  await expect(page.locator('.ant-popover:visible')).toContainText(`通过率 = 通过 ${passed} ÷ 应考 ${n} = ${rate}%`);
  await shot(page, 'year-23b-stats', { window: true });
  await page.keyboard.press('Escape');
}

/**
 * 签名章 and 证书发放 by the principal: the seal uploaded with the 授权委托书 accepted, every
 * record the app finds passed confirmed in one sitting (password and a drawn signature), the
 * 签发决定 sent and the organisation's 电子证书 imported; then 证书查验 of one of them.
 */
export async function issuance(run: YearRun): Promise<void> {
  const { page } = run;
  const { list } = answered(run);
  const listed = list.lists.flatMap((l) => l.entries);
  // The marks follow from the ticket numbers (scoreFor): a year whose numbers pass nobody would have nothing to sign.
  expect(listed.length, 'the organisation passes at least one of the year’s candidates').toBeGreaterThan(0);
  await logout(page);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await expectBoard(page, { 发证: '待办' }, { says: { 发证: `证书发放名单 ${listed.length} 条，待签发 ${listed.length}，已发证 0` } });

  await open(page, '签名章');
  const seal = join(run.dir, '签名章.png');
  writeFileSync(seal, await goodSeal());
  await page.locator('input[type="file"]').setInputFiles(seal);
  await page.getByRole('checkbox', { name: '我已认真阅读《电子签名章使用授权委托书》，确认无误并同意授权' }).check();
  await page.getByRole('button', { name: '保存签名章' }).click();
  await expect(page.getByText('签名章已保存')).toBeVisible();

  await open(page, '证书发放管理');
  const table = page.locator('.ant-table');
  await expect(table.getByRole('row')).toHaveCount(listed.length + 1);
  // 公示 is over: no warning that the scores may still change.
  await expect(page.getByText(/公示期内成绩仍可能更正/)).toHaveCount(0);
  await table.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: `批量确认签发（${listed.length}）` }).click();
  const dialog = page.getByRole('dialog', { name: '签发证书' });
  await dialog.getByLabel('再次输入负责人登录密码').fill(PRINCIPAL.password);
  await sign(page);
  await shot(page, 'year-24-sign', { window: true });
  await dialog.getByRole('button', { name: '确认签发' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: `确认签发 ${listed.length} 条证书发放记录？` })
    .getByRole('button', { name: '确定确认签发' })
    .click();
  await expect(page.getByText(`已确认签发 ${listed.length} 条记录`)).toBeVisible();
  await expectBoard(page, { 发证: '待办' }, { says: { 发证: `已确认签发 ${listed.length}` } });

  const outbound = await roundTrip(run, ['签发决定'], '签发决定');
  const sent = (await readOutbound(outbound, '签发决定.zip')).payloads['issuance-decisions'] as IssuanceDecisionsPayload;
  expect(sent.sittings).toHaveLength(1);
  expect(sent.decisions.map((d) => [d.decision, d.signer])).toEqual(listed.map(() => ['confirmed', PRINCIPAL.name]));

  // 证书查验 of the first certificate, by its number and the holder's ID number.
  const first = sent.decisions[0]!;
  const entry = listed.find((e) => e.recordId === first.recordId)!;
  const number = certificateNumberOf({ recordId: first.recordId, certificateCode: entry.certificateCode, level: entry.level, decidedAt: first.decidedAt });
  await open(page, '证书查验');
  await page.getByLabel('证书编号').fill(number);
  await page.getByLabel('身份证号').fill(first.idNumber);
  await page.getByRole('button', { name: '查验' }).click();
  const card = page.locator('.ant-card').filter({ hasText: '证书信息' });
  await expect(card).toContainText(number);
  await expect(card).toContainText(entry.name);
  await expect(card).toContainText('Python程序开发职业技能等级证书');
  await shot(page, 'year-25-certificate-lookup', { window: true });
  // Its electronic certificate, with the principal's seal on it.
  const tab = page.context().waitForEvent('page');
  await card.getByRole('button', { name: '查看电子证书' }).click();
  const pdf = join(run.dir, '电子证书.pdf');
  await checkPdf(page, await tab, pdf, 'year-26-certificate-pdf');
  expect(pdfText(pdf).flat).toContain(`证书编号${number}`);
  expect(pdfImageCount(pdf)).toBe(1);
  await page.keyboard.press('Escape');
}

/** The year done: every step of the home page's board, as the principal sees it at the end. */
export async function yearDone(run: YearRun): Promise<void> {
  const listed = answered(run).list.lists.flatMap((l) => l.entries).length;
  await expectBoard(run.page, allDoneBut(), { says: { 发证: `证书发放名单 ${listed} 条，已确认签发 ${listed}，已发证 ${listed}` }, screenshot: 'year-27-board-done' });
}
