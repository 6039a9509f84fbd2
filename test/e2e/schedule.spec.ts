import { run } from './candidate-helpers';
import { expect, login, logout, PRINCIPAL, serve, shot, test } from './fixtures';
import { addStaff, choosePeople } from './schedule-helpers';
import { nav, open, workDir } from './page-helpers';

// A lab PC's screen.
test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

test('schedule: the draft, the platform’s schedule imported, its three views, invigilators assigned with a clash refused, and the invigilator sees only their room', async ({
  page,
  freshDataDir,
}) => {
  test.setTimeout(360_000);
  const dir = workDir('schedule');
  const setup = JSON.parse(run('test/e2e/schedule-setup.ts', [freshDataDir, dir, PRINCIPAL.password])) as { planCode: string; schedule: string; sessions: number };
  const { url, child, errors } = await serve(freshDataDir);
  try {
    await page.goto(url);
    await login(page, PRINCIPAL.username, PRINCIPAL.password);

    // 1. Before the platform's schedule: the site's own draft, marked as one, with what it could not seat.
    await open(page, '排考查看');
    await expect(page.getByText('平台还没有下发排考')).toBeVisible();
    await page.getByRole('button', { name: '生成排考草稿' }).click();
    await expect(page.getByText(/^已生成排考草稿：6 个场次/)).toBeVisible();
    const draft = page.getByRole('alert').filter({ hasText: '草稿：这是本校按自己的考场和报考排出的预排方案' });
    await expect(draft).toBeVisible();
    await expect(draft.getByRole('list', { name: '座位不足' })).toContainText('实操考核 （2 个场次）：实操考场座位 80，报考 150，缺 70');
    await shot(page, '13-01-schedule-draft');

    // 2. The platform's schedule, imported as its package.
    await open(page, '导入数据包');
    await page.locator('input[type="file"]').setInputFiles(setup.schedule);
    await expect(page.getByText('排考信息').first()).toBeVisible();
    await shot(page, '13-02-schedule-package-preview');
    await page.getByRole('button', { name: /^导\s*入$/ }).click();
    await expect(page.getByText(/^数据包已导入/)).toBeVisible();

    // 3. The three views of the manual.
    await open(page, '排考查看');
    await expect(page.getByText('平台排考', { exact: true })).toBeVisible();
    await expect(draft).toHaveCount(0);
    const overview = page.getByRole('table').first();
    await expect(overview).toContainText('基础考核');
    await shot(page, '13-03-overview');

    await page.getByRole('tab', { name: '考场编排' }).click();
    const roomPlan = page.getByRole('tabpanel', { name: '考场编排' });
    await expect(roomPlan.getByRole('row').filter({ hasText: '13号机房' }).first()).toContainText('未安排');
    await shot(page, '13-04-room-plan');

    await page.getByRole('tab', { name: '排考明细' }).click();
    const seats = page.getByRole('tabpanel', { name: '排考明细' });
    await expect(seats.getByText(/^共 \d+ 名考生$/)).toBeVisible();
    const first = seats.getByRole('row').nth(1);
    // Masked as the platform prints it; a 20-digit ticket number ending in the seat.
    await expect(first.getByRole('cell').nth(2)).toHaveText(/^\d{6}\*{5}[\dX]{4}$/);
    await expect(first.getByRole('cell').nth(3)).toHaveText(/^\d{20}$/);
    await shot(page, '13-05-seats');

    // 4. 监考安排: the staff list, 王芳 linked to her invigilator account.
    await open(page, '监考安排');
    await page.getByRole('tab', { name: /^监考人员/ }).click();
    await addStaff(page, { name: '王芳', phone: '137 0535 3456', department: '物流系', account: '王芳（wangfang）' });
    await addStaff(page, { name: '刘洋', phone: '13605354567', department: '物流系' });
    await addStaff(page, { name: '陈静', phone: '13505355678', department: '物流系' }, '13-06-staff-form');
    const staffTable = page.getByRole('table').filter({ hasText: '手机号' });
    await expect(staffTable.getByRole('row').filter({ hasText: '王芳' })).toContainText('13705353456');
    await expect(staffTable.getByRole('row').filter({ hasText: '王芳' })).toContainText('王芳（wangfang）');
    await shot(page, '13-07-staff');

    // 5. Two invigilators for one room's sitting; 王芳 in the other room at the same time is refused.
    await page.getByRole('tab', { name: '考场监考与巡考' }).click();
    const rooms = page.getByRole('table').filter({ hasText: '监考老师' }).first();
    const sitting = rooms.getByRole('row').filter({ hasText: '基础考核' });
    const [room1, room2] = [sitting.filter({ hasText: '13号机房' }).first(), sitting.filter({ hasText: '14号机房' }).first()];
    await room1.getByRole('button', { name: /^安排监考/ }).click();
    let dialog = page.getByRole('dialog', { name: /^安排监考：13号机房/ });
    await choosePeople(page, dialog, ['王芳', '刘洋']);
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(page.getByText('已保存监考安排')).toBeVisible();
    await expect(room1).toContainText('刘洋、王芳');

    await room2.getByRole('button', { name: /^安排监考/ }).click();
    dialog = page.getByRole('dialog', { name: /^安排监考：14号机房/ });
    await choosePeople(page, dialog, ['陈静', '王芳']);
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(dialog.getByText(/^王芳 在 \d{4}-\d{2}-\d{2} 08:30–10:00 已安排在 13号机房（基础考核）监考，不能同时在 14号机房（基础考核）监考/)).toBeVisible();
    await shot(page, '13-08-clash-refused', { window: true });
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    await expect(room2).toContainText('未安排');

    // 陈静 patrols the site in that sitting.
    const patrol = page.getByRole('table').filter({ hasText: '巡考老师' }).last().getByRole('row').filter({ hasText: '基础考核' }).first();
    await patrol.getByRole('button', { name: /^安排巡考/ }).click();
    dialog = page.getByRole('dialog', { name: /^安排巡考：/ });
    await choosePeople(page, dialog, ['陈静'], '巡考老师');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(patrol).toContainText('陈静');
    await expect(room1).toContainText('陈静');
    await shot(page, '13-09-invigilation');

    // The 监考安排 package is one click away, its kind already chosen.
    await page.getByRole('button', { name: '报送监考安排' }).click();
    await expect(page.getByRole('checkbox', { name: '监考安排' })).toBeChecked();
    await page.getByRole('button', { name: /生\s*成$/ }).click();
    await expect(page.getByText('数据包已生成')).toBeVisible();
    await expect(page.getByText('监考安排 2 条')).toBeVisible();

    // 6. 王芳 logs in: only her room and sitting, nothing to arrange.
    await logout(page);
    await login(page, 'wangfang', 'wangfang-pass-1');
    await expect(nav(page).getByRole('link', { name: '监考安排' })).toHaveCount(0);
    await open(page, '排考查看');
    await expect(page.getByText('王芳老师，这里只列出安排给您监考或巡考的考场和场次。')).toBeVisible();
    await expect(page.getByRole('button', { name: /生成排考草稿/ })).toHaveCount(0);
    await page.getByRole('tab', { name: '考场编排' }).click();
    const mine = page.getByRole('tabpanel', { name: '考场编排' }).getByRole('row');
    // The header and her one room.
    await expect(mine).toHaveCount(2);
    await expect(mine.nth(1)).toContainText('13号机房');
    await expect(mine.nth(1)).toContainText('刘洋、王芳');
    await expect(mine.nth(1)).toContainText('陈静');
    await shot(page, '13-10-invigilator-rooms');
    await page.getByRole('tab', { name: '排考明细' }).click();
    await expect(page.getByRole('tabpanel', { name: '排考明细' }).getByRole('row').nth(1)).toContainText('13号机房');
    await shot(page, '13-11-invigilator-seats');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  expect(errors).toEqual([]);
});
