import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storePath } from '../../src-main/core/paths';
import { Store } from '../../src-main/store/store';
import { addCandidates } from '../fixtures/candidates';
import { agreeingResults, BASIC_SCORES, seedScores } from '../fixtures/scored-store';
import { goodSeal, opaqueBackgroundSeal } from '../fixtures/seal-images';
import { candidateIds, enroll, paymentPlans, planSubjects } from '../fixtures/seeded-enrollments';
import { pdfText } from '../helpers/pdf';
import { certificateNumberOf } from '../tools/platform/answer-issuance';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { issuePackage } from '../tools/platform/issue-package';
import { issuanceListFor } from '../tools/platform/platform-issuance';
import { expect, PRINCIPAL, shot, test } from './fixtures';
import { checkPdf, sign } from './issuance-helpers';
import { importThroughPage, startWithCatalog } from './package-helpers';
import { open, workDir } from './page-helpers';

const INSTITUTION = '4137014320';
// A lab PC's screen.
test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

/** Four candidates in 物流管理 初级 of the earlier plan, scored straight into the served store (the scores workflow is another's): three pass. */
function seedScoredPlan(dataDir: string) {
  const store = new Store(storePath(dataDir));
  try {
    const { logistics } = paymentPlans(store);
    addCandidates(store, 4);
    const subjects = planSubjects(store, logistics, 'ZS2019003', '初级');
    enroll(store, logistics, candidateIds(store), subjects);
    const idNumbers = seedScores(store, logistics, subjects, BASIC_SCORES);
    const names = store.db.prepare('SELECT name FROM candidates ORDER BY id').pluck().all() as string[];
    return { logistics, idNumbers, names, results: agreeingResults(store, logistics, new Date().toISOString()) };
  } finally {
    store.close();
  }
}

test('签名章 and 证书发放: a seal uploaded with the 授权委托书 ticked and previewed, the 发放名单 imported, a batch confirmed with the password and a drawn signature, the decisions sent, the certificates imported and one looked up and opened', async ({
  page,
  served,
}) => {
  test.setTimeout(480_000);
  const { dir, platform } = await startWithCatalog(page, served.url, 'issuance');
  const seeded = seedScoredPlan(served.dataDir);

  // 1. 签名章: a seal with a white background is refused in words; the good one needs the 授权委托书 ticked.
  await open(page, '签名章');
  await expect(page.getByText('尚未上传签名章')).toBeVisible();
  const opaque = join(dir, '白底签名章.png');
  writeFileSync(opaque, await opaqueBackgroundSeal());
  const good = join(dir, '签名章.png');
  writeFileSync(good, await goodSeal());
  const input = page.locator('input[type="file"]');
  await input.setInputFiles(opaque);
  const save = page.getByRole('button', { name: '保存签名章' });
  await expect(save).toBeDisabled();
  await page.getByRole('checkbox', { name: '我已认真阅读《电子签名章使用授权委托书》，确认无误并同意授权' }).check();
  await save.click();
  await expect(page.getByRole('alert').filter({ hasText: '签名章未通过检查' })).toContainText('图片有底色：四周边缘不透明。');
  await shot(page, 'issuance-01-seal-refused', { window: true });
  await input.setInputFiles(good);
  await save.click();
  await expect(page.getByText('签名章已保存')).toBeVisible();
  await expect(page.getByText('已同意（版本 2026-01')).toBeVisible();
  await expect(page.getByRole('img', { name: '灰白格为透明部分' })).toBeVisible();
  await shot(page, 'issuance-02-seal-saved', { window: true });

  // 2. 预览效果: the mock-up certificate with the seal, in a new tab.
  const previewTab = page.context().waitForEvent('page');
  await page.getByRole('button', { name: '预览效果' }).click();
  const preview = await previewTab;
  await expect(page.getByRole('dialog')).toContainText('证书样张-签名章预览.pdf');
  const previewPdf = join(dir, 'preview.pdf');
  await checkPdf(page, preview, previewPdf, 'issuance-03-preview-pdf');
  expect(pdfText(previewPdf).flat).toContain('样张：仅用于预览签名章的加盖效果');
  await page.keyboard.press('Escape');

  // 3. The organisation's 发放名单 arrives as a package.
  const listZip = join(dir, '证书发放名单.zip');
  await issuePackage(platform, { 'issuance-list': issuanceListFor(seeded.results) }, { institutionCode: INSTITUTION, out: listZip });
  await importThroughPage(page, listZip);
  await open(page, '证书发放管理');
  const table = page.locator('.ant-table');
  await expect(table.getByRole('row')).toHaveCount(4);
  for (const i of [0, 1, 3]) await expect(table).toContainText(seeded.names[i]!);
  await expect(table).toContainText('通过 60.0');
  await shot(page, 'issuance-04-list', { window: true });

  // 4. 批量确认签发: all three, a wrong password first (nothing decided), then the right one and a signature.
  await table.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: '批量确认签发（3）' }).click();
  const dialog = page.getByRole('dialog', { name: '签发证书' });
  await expect(dialog).toContainText('已选 3 条');
  await dialog.getByLabel('再次输入负责人登录密码').fill('wrong-password');
  await dialog.getByRole('button', { name: '确认签发' }).click();
  await expect(dialog).toContainText('请先在签名板上手写签名');
  await sign(page);
  await shot(page, 'issuance-05-sign', { window: true });
  await dialog.getByRole('button', { name: '确认签发' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确认签发 3 条证书发放记录？' });
  await expect(confirm).toContainText('一旦完成操作，不可撤回');
  await shot(page, 'issuance-06-irreversible', { window: true });
  await confirm.getByRole('button', { name: '确定确认签发' }).click();
  await expect(dialog.getByText('密码错误，未作任何签发决定。')).toBeVisible();
  await dialog.getByLabel('再次输入负责人登录密码').fill(PRINCIPAL.password);
  await dialog.getByRole('button', { name: '确认签发' }).click();
  await confirm.getByRole('button', { name: '确定确认签发' }).click();
  await expect(page.getByText('已确认签发 3 条记录')).toBeVisible();
  await expect(table).toContainText('没有待签发的记录');
  await page
    .locator('.ant-segmented')
    .getByText(/^已确认签发 3$/)
    .click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).toContainText(`${PRINCIPAL.name}`);
  await expect(page.getByText('有 3 条签发决定尚未报送平台。')).toBeVisible();
  await shot(page, 'issuance-07-confirmed', { window: true });

  // 5. The decisions to the platform (the page's link chooses the kind), and the certificates back.
  await page.getByRole('button', { name: '生成数据包' }).click();
  await expect(page.getByRole('checkbox', { name: '签发决定' })).toBeChecked();
  const usb = workDir('usb');
  await page.getByLabel('保存到文件夹').fill(usb);
  await page.getByRole('button', { name: /生\s*成$/ }).click();
  await expect(page.getByText('数据包已生成')).toBeVisible();
  const outbound = join(
    usb,
    readdirSync(usb).find((f) => f.endsWith('.zip'))!,
  );
  const reply = join(dir, '电子证书.zip');
  const answered = await answerPackage(platform, await readOutbound(outbound, 'out.zip'), reply);
  const decisions = answered.incoming.payloads['issuance-decisions'] as { decisions: { recordId: string; idNumber: string; decidedAt: string; signer: string }[] };
  expect(decisions.decisions.every((d) => d.signer === PRINCIPAL.name)).toBe(true);
  await importThroughPage(page, reply);

  // 6. 证书查验: a wrong pair says only 未查到; the right one shows the certificate and opens its PDF with the seal.
  const first = decisions.decisions[0]!;
  const number = certificateNumberOf({ recordId: first.recordId, certificateCode: 'ZS2019003', level: '初级', decidedAt: first.decidedAt });
  const holder = seeded.names[seeded.idNumbers.indexOf(first.idNumber)]!;
  await open(page, '证书查验');
  await page.getByLabel('证书编号').fill(number);
  await page.getByLabel('身份证号').fill(seeded.idNumbers[2]!);
  await page.getByRole('button', { name: '查验' }).click();
  await expect(page.getByRole('alert')).toHaveText('未查到证书：请核对证书编号和身份证号是否正确。');
  await page.getByLabel('身份证号').fill(first.idNumber);
  await page.getByRole('button', { name: '查验' }).click();
  const card = page.locator('.ant-card').filter({ hasText: '证书信息' });
  await expect(card).toContainText(number);
  await expect(card).toContainText(holder);
  await expect(card).toContainText('物流管理职业技能等级证书');
  await shot(page, 'issuance-08-lookup', { window: true });
  const certificateTab = page.context().waitForEvent('page');
  await card.getByRole('button', { name: '查看电子证书' }).click();
  const certificate = await certificateTab;
  const certificatePdf = join(dir, 'certificate.pdf');
  await checkPdf(page, certificate, certificatePdf, 'issuance-09-certificate-pdf');
  const text = pdfText(certificatePdf).flat;
  expect(text).toContain(`证书编号${number}`);
  expect(text).toContain(`姓名${holder}`);
  expect(text).toContain('北京中物联物流采购培训中心');
  expect(text).toContain(`证件号码${first.idNumber.slice(0, 6)}*****${first.idNumber.slice(-4)}`);
});
