import { expect, shot } from '../fixtures';
import { addStaff, choosePeople } from '../schedule-helpers';
import { expectBoard } from './year-board';
import { folder, INVIGILATOR, roundTrip, SECOND_INVIGILATOR, type YearRun } from './year-run';
import { open } from '../page-helpers';

/** 报考信息 with 考场信息 to the platform; its schedule (排考) back, seen in 排考查看. */
export async function schedule(run: YearRun): Promise<void> {
  const { page } = run;
  await expectBoard(page, { 排考: '等待平台' });
  await roundTrip(run, ['考场信息', '报考信息'], '报考与考场');
  await open(page, '排考查看');
  await expect(page.getByText('平台排考', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '考场编排' }).click();
  const sittings = page.getByRole('tabpanel', { name: '考场编排' }).getByRole('row').filter({ hasText: '13号机房' });
  await expect(sittings).toHaveCount(2);
  await shot(page, 'year-11-schedule');
  await expectBoard(page, { 排考: '待办' }, { says: { 排考: '为其余 2 个考场场次安排监考老师' } });
}

/** 监考安排: the staff list (王芳 linked to her account), two invigilators in each sitting, the 监考安排 package to the platform. */
export async function invigilation(run: YearRun): Promise<void> {
  const { page } = run;
  await open(page, '监考安排');
  await page.getByRole('tab', { name: /^监考人员/ }).click();
  await addStaff(page, { name: INVIGILATOR.name, phone: INVIGILATOR.phone, department: '信息工程系', account: `${INVIGILATOR.name}（${INVIGILATOR.username}）` });
  await addStaff(page, { name: SECOND_INVIGILATOR.name, phone: SECOND_INVIGILATOR.phone, department: '信息工程系' });

  await page.getByRole('tab', { name: '考场监考与巡考' }).click();
  const rooms = page.getByRole('table').filter({ hasText: '监考老师' }).first();
  for (const subject of ['理论知识', '实操技能']) {
    const sitting = rooms.getByRole('row').filter({ hasText: subject }).filter({ hasText: '13号机房' });
    await sitting.getByRole('button', { name: /^安排监考/ }).click();
    const dialog = page.getByRole('dialog', { name: /^安排监考：13号机房/ });
    await choosePeople(page, dialog, [INVIGILATOR.name, SECOND_INVIGILATOR.name]);
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(sitting).toContainText(`${SECOND_INVIGILATOR.name}、${INVIGILATOR.name}`);
  }
  await shot(page, 'year-12-invigilation');
  // The platform takes note of the invigilators: the simulator has no answer to them.
  await page.getByRole('button', { name: '报送监考安排' }).click();
  await expect(page.getByRole('checkbox', { name: '监考安排' })).toBeChecked();
  await page.getByLabel('保存到文件夹').fill(folder(run, '监考安排'));
  await page.getByRole('button', { name: /生\s*成$/ }).click();
  await expect(page.getByText('监考安排 2 条')).toBeVisible();
  await expectBoard(page, { 排考: '已完成' }, { says: { 排考: '考场场次 2 个，监考已安排 2 个' }, screenshot: 'year-13-board-scheduled' });
}
