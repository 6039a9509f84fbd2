import { run } from './candidate-helpers';
import { expect, login, PRINCIPAL, serve, shot, test } from './fixtures';
import { open, workDir } from './page-helpers';

// A lab PC's screen.
test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

interface Person {
  name: string;
  idNumber: string;
}
interface Setup {
  planCode: string;
  a: Person;
  c: Person;
  d: Person;
  rows: number;
}

test('考证结果: the platform’s disagreeing results beside the app’s own, both figures shown, and how each composite was made', async ({ page, freshDataDir }) => {
  test.setTimeout(300_000);
  // The store is built before it is served: scores, and the simulator's results package of them imported.
  const setup = JSON.parse(run('test/e2e/results-setup.ts', [freshDataDir, workDir('results')])) as Setup;
  const { url, child, errors } = await serve(freshDataDir);
  try {
    await page.goto(url);
    await login(page, PRINCIPAL.username, PRINCIPAL.password);
    await open(page, '考证结果');

    // The plan with the platform's results is the one shown; the counts and the rule are stated above the table.
    await expect(page.locator('.ant-select').filter({ has: page.locator('#results-plan') })).toContainText(`（${setup.planCode}）· 成绩登记 · 平台结果 59 项`);
    const stats = page.getByRole('group', { name: '考证结果统计' });
    await expect(stats).toContainText(`本院校计算${setup.rows}项`);
    await expect(stats).toContainText('与平台不一致3项');
    await expect(page.getByText('综合成绩保留一位小数，四舍五入').first()).toBeVisible();
    await expect(page.getByText('物流管理（初级）：综合成绩不低于 60 分；基础考核 40%（合格 60 分）、综合应用考核 30%（合格 60 分）、实操考核 30%（合格 60 分）')).toBeVisible();
    await expect(page.getByText(/^有 3 项与平台不一致（平台结果发布于 .*）：两边的数字都保留，不自动采用任何一方/)).toBeVisible();
    const table = page.getByRole('table', { name: '考证结果' });
    await expect(page.getByText(`共 ${setup.rows} 项`)).toBeVisible();
    await shot(page, 'results-01-plan', { window: true });

    // Only the disagreements: A (60.0 通过 here, 59.9 未通过 there), C (70.2 / 70.1), D's 中级 (the platform has none).
    await page.getByRole('radiogroup', { name: '显示' }).getByText('与平台不一致').click();
    await expect(page.getByText('共 3 项')).toBeVisible();
    const rowA = table.getByRole('row').filter({ hasText: setup.a.idNumber });
    await expect(rowA).toContainText('60.0');
    await expect(rowA).toContainText('通过');
    await expect(rowA).toContainText('未通过59.9');
    await expect(rowA).toContainText('不一致');
    await expect(table.getByRole('row').filter({ hasText: setup.c.idNumber })).toContainText('70.2');
    await expect(table.getByRole('row').filter({ hasText: setup.c.idNumber })).toContainText('通过70.1');
    await expect(table.getByRole('row').filter({ hasText: '物流管理（中级）' })).toContainText('未收到');
    await shot(page, 'results-02-disagreements', { window: true });

    // A opened: every number of its composite with its source, the rounding, and both verdicts side by side.
    await rowA.getByRole('button', { name: /展开行|Expand row/ }).click();
    const detail = page.getByRole('region', { name: `${setup.a.name} 物流管理（初级） 的计算过程` });
    await expect(detail).toContainText('结果不一致：本院校计算为通过，平台为未通过');
    await expect(detail).toContainText('综合成绩不一致：本院校计算为 60.0，平台为 59.9');
    await expect(detail).toContainText('综合成绩 = 59.9 × 40% + 60.0 × 30% + 60.0 × 30% = 23.96 + 18.00 + 18.00 = 59.96，综合成绩保留一位小数，四舍五入 → 60.0');
    const making = detail.getByRole('table', { name: '综合成绩的计算' });
    await expect(making.getByRole('row').filter({ hasText: '基础考核（098694）' })).toContainText('59.940%23.9660否');
    await expect(detail).toContainText('考核通过条件综合成绩不低于 60 分');
    await expect(detail).toContainText(/平台考证结果未通过综合成绩 59\.9，平台于 .* 发布/);
    await shot(page, 'results-03-making');

    // D's 中级: 缺考 counts 0, one subject still without a score — 成绩未齐, and why.
    const rowD = table.getByRole('row').filter({ hasText: '物流管理（中级）' });
    await rowD.getByRole('button', { name: /展开行|Expand row/ }).click();
    const detailD = page.getByRole('region', { name: `${setup.d.name} 物流管理（中级） 的计算过程` });
    await expect(detailD).toContainText('成绩未齐：实操考核（577875） 尚无成绩');
    await expect(detailD.getByRole('table', { name: '综合成绩的计算' })).toContainText('缺考（计 0 分）');
    await expect(detailD).toContainText('平台没有发来这项考证结果');
    await shot(page, 'results-04-undecided');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  expect(errors).toEqual([]);
});
