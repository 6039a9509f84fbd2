import { completeSetup, expect, login, PRINCIPAL, shot, test } from './fixtures';

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
  await expect(page.getByText(served.dataDir)).toBeVisible();
  await shot(page, '11-about');

  await page.getByRole('button', { name: '账号菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, 'zhangwei', 'coordinator-pass-1');
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
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
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
