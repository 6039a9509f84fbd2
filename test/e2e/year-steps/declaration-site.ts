import { expect, shot } from '../fixtures';
import { declare, submitDeclaration } from '../declaration-helpers';
import { addRoom } from '../site-helpers';
import { expectBoard } from './year-board';
import { CERTIFICATE, MAJOR, roundTrip, SITE, type YearRun } from './year-run';
import { open, pickOption } from '../page-helpers';

const DECLARED = `${CERTIFICATE.name}（${CERTIFICATE.level}）`;

/** 证书试点申报: Python 初级 for 计算机应用技术, submitted, sent to the province, its approval imported: the year's quota. */
export async function declaration(run: YearRun): Promise<void> {
  const { page } = run;
  await open(page, '证书试点申报');
  await declare(page, `${CERTIFICATE.name}（${CERTIFICATE.org}）`, CERTIFICATE.level, MAJOR.name, 40, 'year-04-declaration-form');
  await submitDeclaration(page, DECLARED);
  await expectBoard(page, { 证书申报: '等待平台' }, { says: { 证书申报: '待审核 1' } });

  await roundTrip(run, ['证书试点申报'], '证书试点申报');
  await open(page, '证书试点申报');
  await expect(page.getByRole('row').filter({ hasText: DECLARED })).toContainText('审核通过');
  await shot(page, 'year-05-declaration-approved');
  // A pilot now: the Python plan asks for its rooms.
  await expectBoard(page, { 证书申报: '已完成', 考场设置: '待办' }, { says: { 证书申报: '审核通过 1', 考场设置: '0 / 1 个考试计划已设置考场' } });
  await expect(page.getByText('本年度试点院校')).toBeVisible();
}

/** 考点申报: the site for the Python certificate, submitted, sent to the organisation, approved. */
export async function site(run: YearRun): Promise<void> {
  const { page } = run;
  await open(page, '申报考点');
  await page.getByRole('button', { name: '申报考核站点' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '申报考核站点' });
  await drawer.getByLabel('申报对象').click();
  await pickOption(page, CERTIFICATE.org);
  await drawer.getByLabel('选择证书').click();
  await pickOption(page, DECLARED);
  await drawer.getByRole('button', { name: '确认添加' }).click();
  // 学校名称 + 证书简称 + 考核站点.
  await expect(drawer.getByLabel('站点名称')).toHaveValue(SITE.name);
  await drawer.getByLabel('详细地址').fill(SITE.address);
  await drawer.getByLabel('考点简介').fill('本站点设有标准化机房 2 间，配备考试专用计算机 80 台、监控设备和备用电源，考务人员 6 名均已参加评价组织的考务培训。');
  await drawer.getByLabel('联系人姓名').fill('孙老师');
  await drawer.getByLabel('联系人手机').fill('13805351234');
  await drawer.getByLabel('联系人邮箱').fill('jwc@ytvc.edu.cn');
  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText(`已保存“${SITE.name}”`)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: SITE.name });
  await row.getByRole('button', { name: '提交' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '提交后不能修改' })
    .getByRole('button', { name: /^提\s*交$/ })
    .click();
  await expect(row).toContainText('待审核');
  await expectBoard(page, { 考点申报: '等待平台' });

  await roundTrip(run, ['考核站点申报'], '考核站点申报');
  await open(page, '申报考点');
  await expect(row).toContainText('审核通过');
  await shot(page, 'year-06-site-approved');
  await expectBoard(page, { 考点申报: '已完成' });
}

/** 考场设置: two computer rooms of the site for the Python plan. */
export async function rooms(run: YearRun): Promise<void> {
  const { page } = run;
  await open(page, '考场管理');
  const plan = page.getByLabel('考试计划');
  await plan.click();
  await plan.fill(run.planCode);
  await plan.press('Enter');
  await expect(page.getByText('本考试计划还没有考场')).toBeVisible();
  await addRoom(page, { name: '13号机房', type: '机考', seats: 30, siteAddress: SITE.address });
  await addRoom(page, { name: '14号机房', type: '机考', seats: 20, siteAddress: SITE.address });
  await expect(page.getByRole('row').filter({ hasText: SITE.name })).toHaveCount(2);
  await shot(page, 'year-07-rooms');
  await expectBoard(page, { 考场设置: '已完成' }, { says: { 考场设置: '1 / 1 个考试计划已设置考场' } });
}
