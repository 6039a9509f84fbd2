import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { issueDayOf } from '../tools/platform/dates';
import { issueCatalogPackage } from '../tools/platform/issue-package';
import { openPlatform } from '../tools/platform/platform';
import { trustPlatformKey } from './candidate-helpers';
import { completeSetup, expect, login, PRINCIPAL, SCREENSHOTS, shot, test } from './fixtures';
import { importThroughPage } from './package-helpers';
import { addRoom } from './site-helpers';
import { open, pickOption, workDir } from './page-helpers';

const INSTITUTION = '4137014320';
// A lab PC's screen.
test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

/** A small, well-formed PDF: what a school scans its site's floor plan into. */
function pdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj ${o} endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Picks an option of an antd Select by typing (the keyboard way): its search, then Enter. */
async function choose(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.getByLabel(label).fill(text);
  await page.getByLabel(label).press('Enter');
}

test('exam sites and rooms: declare with a PDF, submit, send, approved by the platform, rooms for a plan, copied to the next, the capacity check', async ({ page, served }) => {
  test.setTimeout(360_000);
  const dir = workDir('sites');
  const platform = openPlatform({ keysDir: join(dir, 'keys') });
  const catalogZip = join(dir, '目录数据包.zip');
  await issueCatalogPackage(platform, { institutionCode: INSTITUTION, out: catalogZip });
  const year = issueDayOf(new Date()).slice(0, 4);
  // 物流管理's two plans of the default scenario: one examined weeks ago, the next one in a few days.
  const earlier = `K${year}31000004`;
  const next = `K${year}31000002`;

  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await trustPlatformKey(page, platform.keys.publicPem);
  await importThroughPage(page, catalogZip);

  // 1. The manual's form.
  await open(page, '申报考点');
  await expect(page.getByText('还没有申报考核站点')).toBeVisible();
  await page.getByRole('button', { name: '申报考核站点' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '申报考核站点' });
  await expect(drawer.getByLabel('站点名称')).toHaveValue('烟台职业学院考核站点');
  await expect(drawer.getByText('山东省 / 烟台市 / 莱山区')).toBeVisible();
  await expect(drawer.getByLabel('详细地址')).toHaveValue('烟台市莱山区滨海中路2018号');
  await drawer.getByLabel('申报对象').click();
  await pickOption(page, '北京中物联物流采购培训中心');
  await drawer.getByLabel('选择证书').click();
  await pickOption(page, '物流管理职业技能等级证书（初级）');
  await drawer.getByRole('button', { name: '确认添加' }).click();
  await drawer.getByLabel('选择证书').click();
  await pickOption(page, '物流管理职业技能等级证书（中级）');
  await drawer.getByRole('button', { name: '确认添加' }).click();
  const certRows = drawer.getByRole('row').filter({ hasText: 'ZS2019003' });
  await expect(certRows).toHaveCount(2);
  // The suggested name follows the certificates: 学校名称 + 证书简称 + 考核站点.
  await expect(drawer.getByLabel('站点名称')).toHaveValue('烟台职业学院物流管理证书考核站点');
  await drawer.getByLabel('详细地址').fill('滨海中路2018号实训楼');
  await drawer
    .getByLabel('考点简介')
    .fill('本站点设有标准化机房 3 间、物流实训室 2 间，配备考试专用计算机 160 台、仓储沙盘 20 套和监控设备，考务人员 12 名均已参加评价组织的考务培训。');

  // A text file renamed to .pdf is refused by its content; a real PDF is taken.
  const fake = join(dir, '场地平面图.pdf');
  writeFileSync(fake, '这只是一段文字，被改名为 pdf。');
  const upload = drawer.locator('input[type="file"]');
  await upload.setInputFiles(fake);
  await expect(drawer.getByText('文件“场地平面图.pdf”是文本文件，不是 PDF 或 Word 文档；请上传 pdf、doc 或 docx 格式的文档。')).toBeVisible();
  const real = join(dir, '考点场地说明.pdf');
  writeFileSync(real, pdf());
  await upload.setInputFiles(real);
  await expect(drawer.getByRole('row').filter({ hasText: '考点场地说明.pdf' })).toContainText('待保存');

  await drawer.getByLabel('联系人姓名').fill('孙老师');
  await drawer.getByLabel('联系人手机').fill('0535-1234567');
  await drawer.getByLabel('联系人邮箱').fill('jwc@ytvc');
  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(drawer.getByText('手机号“0535-1234567”不是 11 位中国大陆手机号')).toBeVisible();
  await expect(drawer.getByText('联系人邮箱格式不正确')).toBeVisible();
  await drawer.getByLabel('联系人手机').fill('138 0535 1234');
  await drawer.getByLabel('联系人邮箱').fill('jwc@ytvc.edu.cn');
  await expect(drawer.getByText('联系人邮箱格式不正确')).toBeHidden();
  await drawer.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, 0));
  await shot(page, '4x-01-site-form', { window: true });
  await drawer.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await shot(page, '4x-02-site-form-bottom', { window: true });
  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText('已保存“烟台职业学院物流管理证书考核站点”')).toBeVisible();

  // 2. Submit, with the confirmation.
  const row = page.getByRole('row').filter({ hasText: '烟台职业学院物流管理证书考核站点' });
  await expect(row).toContainText('待提交');
  await row.getByRole('button', { name: '提交' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '提交后不能修改' });
  await confirm.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect(row).toContainText('待审核');
  await expect(row).toContainText('尚未报送平台');
  await expect(row.getByRole('button', { name: '修改' })).toHaveCount(0);

  // 3. The package to the platform, its answer back.
  const usb = workDir('usb');
  await open(page, '生成数据包');
  await page.getByRole('checkbox', { name: '考核站点申报' }).check();
  await page.getByLabel('保存到文件夹').fill(usb);
  await page.getByRole('button', { name: /生\s*成$/ }).click();
  await expect(page.getByText('数据包已生成')).toBeVisible();
  const outbound = join(
    usb,
    readdirSync(usb).find((f) => f.endsWith('.zip'))!,
  );
  const reply = join(dir, '考点审核结果.zip');
  const answered = await answerPackage(platform, await readOutbound(outbound, 'out.zip'), reply);
  expect(answered.answer.answered).toEqual(['site-declaration']);
  await importThroughPage(page, reply);

  await open(page, '申报考点');
  await expect(row).toContainText('审核通过');
  await row.getByRole('button', { name: '查看' }).click();
  const approvedView = page.getByRole('dialog').filter({ hasText: '可以在“考场管理”中为考试计划设置本站点的考场' });
  await expect(approvedView.getByText('北京中物联物流采购培训中心')).toBeVisible();
  const download = page.waitForEvent('download');
  await approvedView.getByRole('button', { name: '下载 考点场地说明.pdf' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('考点场地说明.pdf');
  const back = join(dir, 'back.pdf');
  await saved.saveAs(back);
  expect(readFileSync(back)).toEqual(readFileSync(real));
  await approvedView.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, 0));
  await shot(page, '4x-03-site-approved', { window: true });
  await page.keyboard.press('Escape');
  await expect(approvedView).toBeHidden();

  // 4. Rooms for the earlier plan (October's exam).
  await open(page, '考场管理');
  await choose(page, '考试计划', earlier);
  await expect(page.getByText('本考试计划还没有考场')).toBeVisible();
  // Out of range first: the form says so and stays open.
  await page.getByRole('button', { name: '添加考场' }).click();
  const roomForm = page.getByRole('dialog').filter({ hasText: '设置考场' });
  await roomForm.getByLabel('考场名称').fill('13号机房');
  await roomForm.getByLabel('考场座位数').fill('1000');
  await roomForm.getByLabel('考场座位数').press('Enter');
  await expect(roomForm.getByText('考场座位数不能超过 999')).toBeVisible();
  await shot(page, '4x-04-room-form', { window: true });
  await roomForm.getByRole('button', { name: /^取\s*消$/ }).click();
  await addRoom(page, { name: '13号机房', type: '机考', seats: 60, siteAddress: '滨海中路2018号实训楼' });
  await addRoom(page, { name: '物流实训室', type: '实操', seats: 30, siteAddress: '滨海中路2018号实训楼' });
  const rooms = page.getByRole('row').filter({ hasText: '物流管理证书考核站点' });
  await expect(rooms).toHaveCount(2);

  // 5. 考场沿用 into the next plan (December's), with its preview.
  await choose(page, '考试计划', next);
  await expect(page.getByText('本考试计划还没有考场')).toBeVisible();
  await page.getByRole('button', { name: '沿用考场' }).click();
  const copy = page.getByRole('dialog').filter({ hasText: '沿用哪个考试计划的考场' });
  await expect(copy.getByText('将沿用 2 个考场')).toBeVisible();
  await expect(copy.getByRole('row').filter({ hasText: '13号机房' })).toContainText('60');
  await shot(page, '4x-05-rooms-copy-preview', { window: true });
  await copy.getByRole('button', { name: '沿用 2 个考场' }).click();
  await expect(page.getByText('已沿用 2 个考场')).toBeVisible();
  await expect(rooms).toHaveCount(2);

  // 6. The capacity check: 157 expected for 基础考核 against 60 seats × 2 sessions.
  const panel = page.getByRole('region', { name: '考位检查' });
  await expect(panel.getByText('还没有考生人数')).toBeVisible();
  const basic = panel.getByRole('row').filter({ hasText: '098694' });
  await expect(basic).toContainText('60 × 2 = 120');
  await basic.getByLabel('098694 预计人数').fill('157');
  await basic.getByLabel('098694 预计人数').press('Enter');
  await expect(panel.getByText('物流管理职业技能等级证书（初级）基础考核（098694）：机考考场还缺 37 个座位（考生 157 人，2 个场次共 120 个座位）')).toBeVisible();
  await expect(basic).toContainText('缺 37');
  await expect(basic).toContainText('预计人数');
  // 高级 is not approved at the site: its subjects have no seat, and say so only once someone is expected.
  await expect(panel.getByRole('row').filter({ hasText: '780059' })).toContainText('0 × 2 = 0');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot(page, '4x-06-rooms', { window: true });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(SCREENSHOTS, '4x-07-capacity-panel.png') });
});
