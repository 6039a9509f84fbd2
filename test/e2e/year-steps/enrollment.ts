import { expect, shot } from '../fixtures';
import { expectBoard } from './year-board';
import { CERTIFICATE, roundTrip, type YearRun } from './year-run';
import { choose, open } from '../page-helpers';

const PYTHON = /^Python程序开发\d{4}年\d+月考核（/;

/** 报考 by certificate: every candidate ticked in 考生名单, the Python plan's 初级, both its subjects. */
export async function enroll(run: YearRun): Promise<void> {
  const { page } = run;
  const n = run.people.length;
  await open(page, '考生名单');
  await expect(page.getByTestId('candidate-count')).toHaveText(`共 ${n} 名`);
  await page.getByRole('checkbox', { name: '选择筛选出的全部考生' }).check();
  await expect(page.getByTestId('candidate-selection')).toHaveText(`已选择筛选出的全部 ${n} 名`);
  await page.getByRole('button', { name: /报\s*考$/ }).click();
  const dialog = page.getByRole('dialog', { name: `报考（已选 ${n} 名考生）` });
  await choose(page, '考试计划', PYTHON);
  await choose(page, '证书等级', `${CERTIFICATE.name} ${CERTIFICATE.level}`);
  await dialog.getByRole('button', { name: /检\s*查$/ }).click();
  await expect(dialog.getByText(`可以为 ${n} 名考生报考 ${2 * n} 个科目`)).toBeVisible();
  await shot(page, 'year-09-enroll', { window: true });
  await dialog.getByRole('button', { name: `报考 ${n} 名考生` }).click();
  await expect(page.getByText(`已为 ${n} 名考生报考 ${2 * n} 个科目`)).toBeVisible();
  // Registration is open until D+9: the step goes on.
  await expectBoard(page, { 报考: '进行中', 缴费: '待办' }, { says: { 报考: `已报考 ${n} 人，共 ${2 * n} 个科目` } });
}

/** 缴费 by certificate: the fee, one order for the plan, sent, confirmed by the organisation. */
export async function payment(run: YearRun): Promise<void> {
  const { page } = run;
  const n = run.people.length;
  await open(page, '缴费管理');
  await page.getByRole('button', { name: '生成缴费单' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '生成缴费单' });
  await choose(page, '考试计划', PYTHON);
  await drawer
    .locator('label')
    .filter({ hasText: /^按报考证书$/ })
    .click();
  await drawer.getByRole('link', { name: '去设置收费标准' }).click();
  await page.getByRole('tab', { name: '按报考证书收费' }).click();
  await page.getByLabel(`${CERTIFICATE.name}（${CERTIFICATE.level}）的收费标准`).fill('300');
  await page.getByRole('button', { name: '保存（1 项）' }).click();
  await expect(page.getByText('已保存 1 项收费标准')).toBeVisible();

  await open(page, '缴费管理');
  await page.getByRole('button', { name: '生成缴费单' }).click();
  await choose(page, '考试计划', PYTHON);
  await drawer
    .locator('label')
    .filter({ hasText: /^按报考证书$/ })
    .click();
  await expect(drawer.getByText(`共 ${n} 人，应缴金额 ¥${(300 * n).toLocaleString('en-US')}.00 元`)).toBeVisible();
  await drawer.getByRole('button', { name: '生成缴费单' }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '缴费明细' });
  const orderNo = (await detail.locator('.ant-drawer-title').textContent())!.replace('缴费单 ', '').trim();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expectBoard(page, { 缴费: '待办' }, { says: { 缴费: `缴费单未报送 ${2 * n}` } });

  await roundTrip(run, ['缴费申请单'], '缴费申请单');
  await open(page, '缴费管理');
  await expect(page.getByRole('row').filter({ hasText: orderNo })).toContainText('已确认缴费');
  await shot(page, 'year-10-payment-confirmed');
  await expectBoard(page, { 缴费: '已完成' }, { says: { 缴费: `已缴费 ${2 * n} / ${2 * n} 个报考科目` } });
}
