import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { generateSigningKey } from '../../src-main/pipelines/packages/signing';
import { changeFirstPassword, completeSetup, expect, login, PRINCIPAL, shot, test } from './fixtures';

test('first run → principal → coordinator account → coordinator sees only what the role allows', async ({ page, served }) => {
  await completeSetup(page, served.url, { screenshots: true });

  await expect(page.getByRole('heading', { name: '考点助手' })).toBeVisible();
  await shot(page, '04-login');
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await expect(page.getByRole('heading', { name: `您好，${PRINCIPAL.name}` })).toBeVisible();
  await expect(page.getByText('山东省 烟台市 莱山区')).toBeVisible();
  await shot(page, '05-home-principal');

  const nav = page.getByRole('menu', { name: '主导航' });
  await nav.getByRole('link', { name: '账号管理' }).click();
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByLabel('姓名').fill('张伟');
  await dialog.getByLabel('用户名').fill('zhangwei');
  await dialog.getByLabel('初始密码').fill('coordinator-pass-1');
  await dialog.getByLabel('手机号').fill('13805351234');
  await shot(page, '06-users-create');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByRole('cell', { name: 'zhangwei' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '业务管理员' })).toBeVisible();
  await expect(page.getByRole('row', { name: /zhangwei/ }).getByText('待本人修改密码')).toBeVisible();
  await shot(page, '07-users-list');

  await nav.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('cell', { name: '新建账号' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '首次设置：创建院校和负责人' })).toBeVisible();
  await shot(page, '08-audit');

  await nav.getByRole('link', { name: '院校信息' }).click();
  // The audit page names the institution too: wait until it has given way.
  await expect(page.getByRole('heading', { name: '院校信息', level: 3 })).toBeVisible();
  await expect(page.getByText('4137014320')).toBeVisible();
  await shot(page, '09-institution');

  await nav.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '数据备份' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.locator('[data-job-state="done"]')).toBeVisible();
  await expect(page.getByRole('cell', { name: '手动' })).toBeVisible();
  await shot(page, '10-settings-backup');

  await nav.getByRole('link', { name: '关于' }).click();
  await expect(page.getByText(served.dataDir, { exact: true })).toBeVisible();
  await expect(page.getByText(join(served.dataDir, 'logs'), { exact: true })).toBeVisible();
  await shot(page, '11-about');
  // For support: the day's log file, zipped, as a download.
  const logs = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出日志' }).click();
  const download = await logs;
  expect(download.suggestedFilename()).toMatch(/^考点助手日志-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const [today] = Object.keys(zip.files);
  expect(today).toMatch(/^examsite-\d{4}-\d{2}-\d{2}\.log$/);
  expect(await zip.file(today!)!.async('string')).toContain('INFO [bridge] bridge listening on');

  await page.getByRole('button', { name: '账号菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, 'zhangwei', 'coordinator-pass-1');
  // The principal's password opens only the 修改密码 screen: the new one must follow the rules, twice, and differ.
  const first = page.getByRole('main', { name: '修改密码' });
  await expect(first.getByText('这是负责人为您设置的初始密码，首次登录请修改为只有您自己知道的密码。')).toBeVisible();
  await expect(page).toHaveTitle('修改密码 - 考点助手');
  await expect(nav).toHaveCount(0);
  await shot(page, '12a-first-login-password');
  await first.getByLabel('原密码').fill('coordinator-pass-1');
  await first.getByLabel('新密码', { exact: true }).fill('short');
  await first.getByLabel('再次输入新密码').fill('shorter');
  await first.getByRole('button', { name: /^修改密码$/ }).click();
  await expect(first.getByText('密码至少 8 个字符')).toBeVisible();
  await expect(first.getByText('两次输入的密码不一致')).toBeVisible();
  await first.getByLabel('新密码', { exact: true }).fill('coordinator-pass-1');
  await expect(first.getByText('新密码不能与原密码相同')).toBeVisible();
  await shot(page, '12b-first-login-password-rules');
  await first.getByLabel('原密码').fill('not-what-was-given');
  await first.getByLabel('新密码', { exact: true }).fill('zhangwei-own-pass-1');
  await first.getByLabel('再次输入新密码').fill('zhangwei-own-pass-1');
  await first.getByRole('button', { name: /^修改密码$/ }).click();
  await expect(first.getByRole('alert')).toHaveText('原密码错误。');
  await changeFirstPassword(page, 'coordinator-pass-1', 'zhangwei-own-pass-1');
  await expect(page.getByRole('heading', { name: '您好，张伟' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '院校信息' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '账号管理' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: '审计日志' })).toHaveCount(0);
  await shot(page, '12-home-coordinator');

  // Typed in by hand, the page still refuses; and the API answers 403 to this session.
  await page.goto(`${served.url}#/users`);
  await expect(page.getByText('无权访问')).toBeVisible();
  await shot(page, '13-coordinator-forbidden');
  const statuses = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="examsite-token"]')!.content;
    const session = sessionStorage.getItem('examsite.session')!;
    const ask = (op: string) =>
      fetch(`/api/call/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-examsite-token': token, 'x-examsite-session': session }, body: '{}' }).then(
        (r) => r.status,
      );
    return { users: await ask('users.list'), audit: await ask('audit.list'), backups: await ask('backup.list'), institution: await ask('institution.get') };
  });
  expect(statuses).toEqual({ users: 403, audit: 403, backups: 403, institution: 200 });
});

test('lock and unlock; a wrong password is told plainly', async ({ page, served }) => {
  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, 'wrong-password');
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await page.getByRole('button', { name: '账号菜单' }).click();
  await page.getByRole('menuitem', { name: '锁定' }).click();
  await expect(page.getByText('已锁定')).toBeVisible();
  await shot(page, '14-locked');
  await page.getByPlaceholder('密码').fill('not-the-password');
  await page.getByRole('button', { name: /解\s*锁/ }).click();
  // No username is asked here: the answer speaks of the password alone.
  await expect(page.getByRole('alert')).toHaveText('密码错误。');
  await page.getByPlaceholder('密码').fill(PRINCIPAL.password);
  await page.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(page.getByRole('heading', { name: `您好，${PRINCIPAL.name}` })).toBeVisible();
  // A reload keeps the session (it lives in this tab only).
  await page.reload();
  await expect(page.getByRole('heading', { name: `您好，${PRINCIPAL.name}` })).toBeVisible();
});

test('restore from a backup asks for a typed confirmation, then everyone logs in again', async ({ page, served }) => {
  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  const nav = page.getByRole('menu', { name: '主导航' });
  await nav.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '数据备份' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.locator('[data-job-state="done"]')).toBeVisible();

  await page.getByRole('tab', { name: '安全' }).click();
  await page.getByLabel('空闲多久后自动锁定（分钟）').fill('42');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存，下次登录起生效')).toBeVisible();

  await page.getByRole('tab', { name: '数据备份' }).click();
  await page.getByRole('row', { name: /手动/ }).getByText('恢复').click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(dialog.getByRole('button', { name: /恢\s*复/ })).toBeDisabled();
  await dialog.getByLabel('确认文字').fill('恢复');
  await shot(page, '15-restore-confirm');
  await dialog.getByRole('button', { name: /恢\s*复/ }).click();
  await expect(page.locator('.ant-modal-confirm-title', { hasText: '已从备份恢复' })).toBeVisible();
  await page.getByRole('button', { name: '重新登录' }).click();
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await nav.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '安全' }).click();
  await expect(page.getByLabel('空闲多久后自动锁定（分钟）')).toHaveValue('15');
  await page.getByRole('tab', { name: '数据备份' }).click();
  await expect(page.getByRole('cell', { name: '恢复前' })).toBeVisible();
});

test('the shell on a 1366×768 screen: the menu by the manual’s areas scrolls on its own, collapses, and is remembered; breadcrumbs and the window title', async ({
  page,
  served,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await expect(page.getByRole('heading', { name: `您好，${PRINCIPAL.name}` })).toBeVisible();
  await expect(page).toHaveTitle('工作台 - 考点助手');

  const nav = page.getByRole('menu', { name: '主导航' });
  const header = page.getByRole('button', { name: '账号菜单' });
  await expect(nav.getByRole('menuitem').first()).toHaveText('工作台');
  for (const group of ['证书申报', '考务管理', '考生管理', '成绩与发证', '数据交换', '机构管理', '系统'])
    await expect(nav.getByRole('menuitem', { name: group, exact: true })).toBeVisible();
  await shot(page, '16-menu-1366x768', { window: true });

  // The menu is longer than the window: it scrolls in its own column; the header stays.
  const last = nav.getByRole('link', { name: '关于' });
  await expect(last).not.toBeInViewport();
  await nav.hover();
  await page.mouse.wheel(0, 2000);
  await expect(last).toBeInViewport();
  await expect(header).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await shot(page, '17-menu-scrolled', { window: true });
  await last.click();
  await expect(page.getByRole('heading', { name: '关于', level: 3 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '当前位置' })).toHaveText(/^系统\s*\/\s*关于$/);
  await expect(page).toHaveTitle('关于 - 考点助手');

  // The page scrolls under the header, not the window.
  await nav.getByRole('link', { name: '工作台' }).click();
  await page.getByRole('main').hover();
  // The home page fills in as its queries answer: a wheel while it is still shorter than the window scrolls nothing, so wheel again until it is long enough.
  await expect(async () => {
    await page.mouse.wheel(0, 600);
    expect(await page.getByRole('main').evaluate((m) => m.scrollTop)).toBeGreaterThan(0);
  }).toPass();
  await expect(header).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await nav.getByRole('link', { name: '账号管理' }).click();
  await expect(page.getByRole('navigation', { name: '当前位置' })).toHaveText(/^机构管理\s*\/\s*账号管理$/);
  await expect(page).toHaveTitle('账号管理 - 考点助手');
  await shot(page, '18-breadcrumb-users');

  // A closed group stays closed after a reload; so does a collapsed menu.
  await nav.getByRole('menuitem', { name: '考生管理', exact: true }).click();
  await expect(nav.getByRole('link', { name: '考生名单' })).toBeHidden();
  const siderWidth = async () => (await page.getByRole('complementary').boundingBox())?.width;
  expect(await siderWidth()).toBe(208);
  await page.getByRole('button', { name: '收起菜单' }).click();
  await expect.poll(siderWidth).toBe(64);
  await shot(page, '19-menu-collapsed', { window: true });
  await page.reload();
  await expect(page.getByRole('heading', { name: '账号管理', level: 3 })).toBeVisible();
  expect(await siderWidth()).toBe(64);
  await page.getByRole('button', { name: '展开菜单' }).click();
  await expect.poll(siderWidth).toBe(208);
  await expect(nav.getByRole('link', { name: '账号管理' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '考生名单' })).toBeHidden();
  await nav.getByRole('menuitem', { name: '考生管理', exact: true }).click();
  await nav.getByRole('link', { name: '考生名单' }).click();
  await expect(page.getByRole('navigation', { name: '当前位置' })).toHaveText(/^考生管理\s*\/\s*考生名单$/);
});

test('keyboard: Tab reaches a row’s 编辑, Enter and Space press it; a changed dialog asks 放弃修改？', async ({ page, served }) => {
  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await page.getByRole('menu', { name: '主导航' }).getByRole('link', { name: '账号管理' }).click();
  const edit = page.getByRole('row', { name: new RegExp(PRINCIPAL.username) }).getByRole('button', { name: '编辑' });
  await expect(edit).toBeVisible();
  await page.getByRole('button', { name: '新建账号' }).focus();
  for (let i = 0; i < 12 && !(await edit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(edit).toBeFocused();
  await shot(page, '20-users-keyboard');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `编辑账号 ${PRINCIPAL.username}` });
  await expect(dialog).toBeVisible();

  // Nothing changed: it closes at once. Changed: it asks first.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await edit.focus();
  await page.keyboard.press('Space');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('手机号').fill('13805350000');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: '放弃修改？' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(dialog.getByLabel('手机号')).toHaveValue('13805350000');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await ask.getByRole('button', { name: '放弃修改' }).click();
  await expect(dialog).toBeHidden();
});

test('unsaved edits: a changed candidate drawer asks 放弃修改？, leaving the page asks too, and the idle lock keeps the edit', async ({ page, served }) => {
  // The page's clock, so the idle lock (15 minutes) can be reached without waiting for it.
  await page.clock.install();
  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  const nav = page.getByRole('menu', { name: '主导航' });
  await nav.getByRole('link', { name: '考生名单' }).click();
  await page.getByRole('button', { name: '新增考生' }).click();
  const drawer = page.getByRole('dialog', { name: '新增院校考生' });
  await drawer.getByLabel('姓名', { exact: true }).fill('王芳');
  await drawer.getByLabel('手机号').fill('13805351234');

  const ask = page.getByRole('dialog', { name: '放弃修改？' });
  await drawer.getByRole('button', { name: /取\s*消/ }).click();
  await expect(ask).toBeVisible();
  await shot(page, '21-drawer-discard');
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(ask).toBeHidden();
  await expect(drawer.getByLabel('姓名', { exact: true })).toHaveValue('王芳');

  await page.clock.fastForward('16:00');
  const lock = page.getByRole('dialog', { name: '已锁定' });
  await expect(lock).toBeVisible();
  await expect(page).toHaveTitle('已锁定 - 考点助手');
  await shot(page, '22-locked-over-drawer');
  await lock.getByPlaceholder('密码').fill(PRINCIPAL.password);
  await lock.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(lock).toBeHidden();
  await expect(drawer.getByLabel('姓名', { exact: true })).toHaveValue('王芳');
  await expect(drawer.getByLabel('姓名拼音')).toHaveValue('wang fang');
  await expect(page).toHaveTitle('考生名单 - 考点助手');

  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: '放弃修改' }).click();
  await expect(drawer).toBeHidden();

  // A changed page's form: the menu leads away only after 放弃修改.
  await nav.getByRole('link', { name: '院校信息' }).click();
  await expect(page.getByRole('heading', { name: '院校信息', level: 3 })).toBeVisible();
  await page.getByRole('button', { name: /^修\s*改$/ }).click();
  await page.getByLabel('联系人').fill('刘老师');
  await nav.getByRole('link', { name: '关于' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(page.getByRole('heading', { name: '院校信息', level: 3 })).toBeVisible();
  await expect(page.getByLabel('联系人')).toHaveValue('刘老师');
  await nav.getByRole('link', { name: '关于' }).click();
  await ask.getByRole('button', { name: '放弃修改' }).click();
  await expect(page.getByRole('heading', { name: '关于', level: 3 })).toBeVisible();
});

test('backups off the PC: to a folder, downloaded, and restored from the downloaded file', async ({ page, served }) => {
  const work = test.info().outputPath('usb');
  mkdirSync(work, { recursive: true });
  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  const nav = page.getByRole('menu', { name: '主导航' });
  await nav.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '安全' }).click();
  await page.getByLabel('空闲多久后自动锁定（分钟）').fill('33');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存，下次登录起生效')).toBeVisible();

  // 备份到 U 盘: a folder that is not there is named; the real one gets the file.
  await page.getByRole('tab', { name: '数据备份' }).click();
  await page.getByRole('button', { name: '备份到文件夹…' }).click();
  const toFolder = page.getByRole('dialog', { name: '备份到文件夹' });
  const missing = join(work, '不存在');
  await toFolder.getByLabel('文件夹').fill(missing);
  await toFolder.getByRole('button', { name: /备\s*份/ }).click();
  await expect(toFolder.getByText(`文件夹 ${missing} 不存在。`)).toBeVisible();
  await toFolder.getByLabel('文件夹').fill(work);
  await toFolder.getByRole('button', { name: /备\s*份/ }).click();
  // The job's own line says where the file went and stays; the toast may be gone on a loaded machine.
  const progress = page.getByRole('group', { name: '备份数据进度' });
  await expect(progress).toHaveAttribute('data-job-state', 'done', { timeout: 90_000 });
  await expect(progress.getByText(`备份完成，已写到 ${work}`)).toBeVisible();
  const [written] = readdirSync(work);
  expect(written).toMatch(/^examsite-\d{8}T\d{6}-manual\.db$/);
  await expect(page.getByRole('cell', { name: written! })).toBeVisible();
  await shot(page, '26-backup-panel');

  // 下载: the browser's own save.
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('row', { name: new RegExp(written!) })
    .getByRole('button', { name: '下载' })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(written);
  const downloaded = join(work, `下载-${written}`);
  await download.saveAs(downloaded);
  expect(readFileSync(downloaded).equals(readFileSync(join(work, written!)))).toBe(true);

  await page.getByRole('tab', { name: '安全' }).click();
  await page.getByLabel('空闲多久后自动锁定（分钟）').fill('44');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存，下次登录起生效').last()).toBeVisible();

  // A ZIP renamed .db is refused, naming it, before any confirmation is asked.
  const zipped = join(work, '数据包改名.db');
  writeFileSync(zipped, Buffer.from('504b0304140000000000', 'hex'));
  await page.getByRole('tab', { name: '数据备份' }).click();
  await page.getByRole('button', { name: '从备份文件恢复…' }).click();
  const fromFile = page.getByRole('dialog', { name: '从备份文件恢复' });
  await fromFile.locator('input[type="file"]').setInputFiles(zipped);
  await expect(fromFile.getByText('文件“数据包改名.db”是 ZIP 压缩包，不是数据备份')).toBeVisible();
  await expect(fromFile.getByLabel('确认文字')).toHaveCount(0);
  await shot(page, '27-restore-file-refused');

  await fromFile.locator('input[type="file"]').setInputFiles(downloaded);
  await expect(fromFile.getByText('烟台职业学院（4137014320）')).toBeVisible();
  await expect(fromFile.getByRole('button', { name: /^恢\s*复$/ })).toBeDisabled();
  await fromFile.getByLabel('确认文字').fill('恢复');
  await shot(page, '28-restore-file-confirm');
  await fromFile.getByRole('button', { name: /^恢\s*复$/ }).click();
  await expect(page.locator('.ant-modal-confirm-title', { hasText: '已从备份恢复' })).toBeVisible();
  await page.getByRole('button', { name: '重新登录' }).click();
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await nav.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '安全' }).click();
  await expect(page.getByLabel('空闲多久后自动锁定（分钟）')).toHaveValue('33');
  await page.getByRole('tab', { name: '数据备份' }).click();
  await expect(page.getByRole('cell', { name: '导入' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '恢复前' })).toBeVisible();
});

test('the platform key from a .pem file; a coordinator sees whom the site trusts', async ({ page, served }) => {
  const dir = test.info().outputPath('keys');
  mkdirSync(dir, { recursive: true });
  const key = generateSigningKey();
  writeFileSync(join(dir, 'platform-public.pem'), key.publicPem);
  writeFileSync(join(dir, 'platform-private.pem'), key.privatePem);
  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await expect(page.getByRole('heading', { name: `您好，${PRINCIPAL.name}` })).toBeVisible();
  const created = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="examsite-token"]')!.content;
    const session = sessionStorage.getItem('examsite.session')!;
    const body = JSON.stringify({ username: 'zhangwei', displayName: '张伟', role: 'coordinator', password: 'coordinator-pass-1' });
    return (
      await fetch('/api/call/users.create', { method: 'POST', headers: { 'content-type': 'application/json', 'x-examsite-token': token, 'x-examsite-session': session }, body })
    ).status;
  });
  expect(created).toBe(200);
  const nav = page.getByRole('menu', { name: '主导航' });
  const switchTo = async (username: string, password: string) => {
    await page.getByRole('button', { name: '账号菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await login(page, username, password);
    await nav.getByRole('link', { name: '设置' }).click();
    await page.getByRole('tab', { name: '数据交换' }).click();
  };

  await page.getByRole('button', { name: '账号菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, 'zhangwei', 'coordinator-pass-1');
  await changeFirstPassword(page, 'coordinator-pass-1', 'zhangwei-own-pass-1');
  await nav.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '数据交换' }).click();
  await expect(page.getByText('请联系试点院校负责人在此添加平台公钥。')).toBeVisible();
  await expect(page.getByRole('button', { name: /保\s*存/ })).toHaveCount(0);
  await shot(page, '29-exchange-coordinator-no-key');

  await switchTo(PRINCIPAL.username, PRINCIPAL.password);
  const picker = page.locator('input[type="file"]');
  await picker.setInputFiles(join(dir, 'platform-private.pem'));
  await expect(page.getByText('platform-private.pem：平台公钥应为 PEM 格式')).toBeVisible();
  await picker.setInputFiles(join(dir, 'platform-public.pem'));
  await expect(page.getByText(`平台公钥 1（密钥编号 ${key.keyId}）`)).toBeVisible();
  await expect(page.getByRole('textbox', { name: '平台公钥 1' })).toHaveValue(key.publicPem.trim());
  await shot(page, '30-exchange-principal-key-from-file');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText('数据交换设置已保存')).toBeVisible();

  await switchTo('zhangwei', 'zhangwei-own-pass-1');
  await expect(page.getByText(`密钥编号 ${key.keyId}`)).toBeVisible();
  await expect(page.getByText('请联系试点院校负责人')).toHaveCount(0);
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await shot(page, '31-exchange-coordinator');
});
