import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { storePath } from '../../src-main/core/paths';
import { Store } from '../../src-main/store/store';
import { addCandidates } from '../fixtures/candidates';
import { writeXlsx } from '../fixtures/candidate-sheets';
import { candidateIds, enroll, paymentPlans, planSubjects } from '../fixtures/seeded-enrollments';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { expect, SCREENSHOTS, shot, test } from './fixtures';
import { importThroughPage, startWithCatalog } from './package-helpers';
import { open, pickOption, saveDownload, workDir } from './page-helpers';

// A lab PC's screen.
test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

/**
 * Enrollments as the enrollment workflow would leave them, written into the served app's store
 * (its own workflow is built and tested elsewhere): four candidates in 物流管理 初级 of the
 * earlier 物流管理 plan, two of them in 中级 too; two in Python 初级.
 */
function seedEnrollments(dataDir: string) {
  const store = new Store(storePath(dataDir));
  try {
    const plans = paymentPlans(store);
    addCandidates(store, 4);
    const ids = candidateIds(store);
    enroll(store, plans.logistics, ids, planSubjects(store, plans.logistics, 'ZS2019003', '初级'));
    enroll(store, plans.logistics, ids.slice(0, 2), planSubjects(store, plans.logistics, 'ZS2019003', '中级'));
    enroll(store, plans.python, ids.slice(2), planSubjects(store, plans.python, 'ZS2020062', '初级'));
    const people = store.db.prepare('SELECT id_number AS idNumber, name FROM candidates ORDER BY id').all() as { idNumber: string; name: string }[];
    const pythonName = store.db.prepare('SELECT name FROM exam_plans WHERE code = ?').pluck().get(plans.python) as string;
    return { ...plans, pythonName, people };
  } finally {
    store.close();
  }
}

test('缴费管理: fees, an order by subject previewed and made, printed, an order by import, sent, confirmed by the organisation, enrollments paid, a confirmed order cannot be deleted', async ({
  page,
  served,
}) => {
  test.setTimeout(420_000);
  const { dir, platform } = await startWithCatalog(page, served.url, 'payments');
  const seeded = seedEnrollments(served.dataDir);

  // 1. No order yet; 生成缴费单 first asks for the fees.
  await open(page, '缴费管理');
  await expect(page.getByText('还没有缴费单')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('还有 22 条未缴费的报考记录没有生成缴费单。');
  await page.getByRole('button', { name: '生成缴费单' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '生成缴费单' });
  await drawer.getByLabel('考试计划').click();
  await pickOption(page, '物流管理2019年12月第2次考核（未生成缴费单 18 条）');
  await expect(drawer.getByText('以下项目还没有设置收费标准，设置后才能生成缴费单')).toBeVisible();
  await expect(drawer.getByRole('button', { name: '生成缴费单' })).toBeDisabled();
  await shot(page, '60-payment-create-no-fees', { window: true });
  await drawer.getByRole('link', { name: '去设置收费标准' }).click();

  // 2. 收费标准: per subject for 物流管理, per certificate for Python.
  await expect(page.getByRole('heading', { name: '收费标准', level: 3 })).toBeVisible();
  await page.getByRole('tab', { name: '按报考科目收费' }).click();
  for (const [subject, fee] of [
    ['物流管理职业技能等级证书（初级） · 基础考核（098694）', '100'],
    ['物流管理职业技能等级证书（初级） · 实操考核（609371）', '100'],
    ['物流管理职业技能等级证书（初级） · 综合应用考核（794690）', '100'],
    ['物流管理职业技能等级证书（中级） · 基础考核（043194）', '120'],
    ['物流管理职业技能等级证书（中级） · 实操考核（577875）', '120'],
    ['物流管理职业技能等级证书（中级） · 综合应用考核（338994）', '120'],
  ] as const)
    await page.getByLabel(`${subject}的收费标准`).fill(fee);
  await page.getByRole('tab', { name: '按报考证书收费' }).click();
  await page.getByLabel('Python程序开发职业技能等级证书（初级）的收费标准').fill('300');
  await shot(page, '61-payment-fees', { window: true });
  await page.getByRole('button', { name: '保存（7 项）' }).click();
  await expect(page.getByText('已保存 7 项收费标准')).toBeVisible();

  // 3. The order by subject, previewed, then made.
  await open(page, '缴费管理');
  await page.getByRole('button', { name: '生成缴费单' }).click();
  await drawer.getByLabel('考试计划').click();
  await pickOption(page, '物流管理2019年12月第2次考核（未生成缴费单 18 条）');
  const preview = drawer.getByRole('region', { name: '缴费单预览' });
  await expect(preview.getByRole('row').filter({ hasText: '基础考核（098694）' })).toContainText('4 科次');
  await expect(drawer.getByText('共 18 科次，应缴金额 ¥1,920.00 元')).toBeVisible();
  await shot(page, '62-payment-create-preview', { window: true });
  await drawer.getByRole('button', { name: '生成缴费单' }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '缴费明细' });
  await expect(detail).toContainText('壹仟玖佰贰拾元整');
  const first = (await detail.locator('.ant-drawer-title').textContent())!.replace('缴费单 ', '').trim();
  expect(first).toMatch(/^JF4137014320\d{8}0001$/);
  await expect(detail.getByRole('row').filter({ hasText: '未缴费' })).toHaveCount(18);
  await shot(page, '63-payment-order-detail', { window: true });

  // 4. Printed: the PDF holds the order number and the total.
  await detail.getByRole('button', { name: '打印' }).click();
  const downloading = page.waitForEvent('download');
  const printModal = page.getByRole('dialog').filter({ hasText: `打印缴费单 ${first}` });
  const pdf = await saveDownload(downloading, dir);
  expect(pdf.name).toBe(`缴费申请单-${first}.pdf`);
  await expect(printModal.getByText('缴费申请单已生成')).toBeVisible();
  const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain(`缴费单号：${first}`);
  expect(text).toContain('合计18科次1,920.00');
  expect(text).toContain('试点院校（盖章）');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf.path, join(SCREENSHOTS, '64-payment-order-pdf-page1')]);
  await shot(page, '64-payment-print', { window: true });
  // Escape closes the dialog, then the drawer under it.
  await page.keyboard.press('Escape');
  await expect(printModal).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // 5. The Python order by import of the platform's template, one row refused.
  await page.getByRole('button', { name: '导入缴费单' }).click();
  await expect(page.getByRole('heading', { name: '导入缴费单', level: 3 })).toBeVisible();
  await page.getByLabel('考试计划').click();
  await pickOption(page, `${seeded.pythonName}（未生成缴费单 4 条）`);
  await page
    .locator('label')
    .filter({ hasText: /^按报考证书$/ })
    .click();
  await expect(page.getByRole('radio', { name: '按报考证书' })).toBeChecked();
  await shot(page, '65-payment-import-choose', { window: true });
  const sheet = join(dir, '缴费单-Python.xlsx');
  const [a, , c, d] = seeded.people;
  await writeXlsx(sheet, [
    ['身份证号', '姓名', '报考证书', '证书等级'],
    [c!.idNumber, c!.name, 'Python程序开发职业技能等级证书', '初级'],
    [d!.idNumber, d!.name, 'Python程序开发', '初级'],
    [a!.idNumber, a!.name, 'Python程序开发职业技能等级证书', '初级'],
  ]);
  await page.locator('input[type="file"]').setInputFiles(sheet);
  await expect(page.getByText('有 1 行有错误，不会写入缴费单')).toBeVisible();
  await expect(page.getByText('将生成一张缴费单：2 人，应缴金额 ¥600.00 元；退回的 1 行不会写入。')).toBeVisible();
  await page.getByRole('tab', { name: '错误（1）' }).click();
  await expect(page.getByRole('row').filter({ hasText: '第 4 行' })).toContainText('该考生没有报考本考试计划的“Python程序开发职业技能等级证书（初级）”');
  await shot(page, '66-payment-import-preview', { window: true });
  await page.getByRole('button', { name: '生成缴费单' }).click();
  await expect(page.getByText(/^已生成缴费单 JF4137014320\d{8}0002$/)).toBeVisible();
  await page.getByRole('button', { name: '返回缴费管理' }).click();
  await expect(page.getByRole('heading', { name: '缴费管理', level: 3 })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('所有未缴费的报考记录都已生成缴费单。');

  // 6. Both orders to the organisation, and its answer back: the first confirmed, the last still waiting.
  const usb = workDir('usb');
  await open(page, '生成数据包');
  await page.getByRole('checkbox', { name: '缴费申请单' }).check();
  await page.getByLabel('保存到文件夹').fill(usb);
  await page.getByRole('button', { name: /生\s*成$/ }).click();
  await expect(page.getByText('数据包已生成')).toBeVisible();
  const outbound = join(
    usb,
    readdirSync(usb).find((f) => f.endsWith('.zip'))!,
  );
  const reply = join(dir, '缴费确认.zip');
  await answerPackage(platform, await readOutbound(outbound, 'out.zip'), reply);
  await importThroughPage(page, reply);

  await open(page, '缴费管理');
  const confirmedRow = page.getByRole('row').filter({ hasText: first });
  await expect(confirmedRow).toContainText('已确认缴费');
  const pendingRow = page.getByRole('row').filter({ hasText: /JF4137014320\d{8}0002/ });
  await expect(pendingRow).toContainText('待确认缴费');
  // A confirmed order cannot be deleted: no 删除, in the list or its view; the waiting one still can be.
  await expect(confirmedRow.getByRole('button', { name: '删除' })).toHaveCount(0);
  await expect(pendingRow.getByRole('button', { name: '删除' })).toBeVisible();
  await shot(page, '67-payments-list-confirmed', { window: true });
  await confirmedRow.getByRole('button', { name: '查看' }).click();
  await expect(detail.getByRole('row').filter({ hasText: '已缴费' })).toHaveCount(18);
  await expect(detail.getByRole('row').filter({ hasText: '未缴费' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: '删除' })).toHaveCount(0);
  await shot(page, '68-payment-order-confirmed', { window: true });
  await detail.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await shot(page, '69-payment-order-lines-paid', { window: true });
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
});
