import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AttendancePayload } from '../../src-shared/domain/attendance-kinds';
import { formatTicketQr } from '../../src-shared/domain/ticket-qr';
import { readOutbound } from '../tools/platform/answer-package';
import { INVIGILATOR } from '../fixtures/exam-day-store';
import { run } from './candidate-helpers';
import { outcome, scan } from './exam-day-helpers';
import { expect, login, PRINCIPAL, serve, shot, test } from './fixtures';
import { workDir } from './page-helpers';

// A lab PC's screen.
test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

interface Setup {
  planCode: string;
  examDay: string;
  room: string;
  start: string;
  seats: { seat: number; ticket: string; name: string; qr: string }[];
}

test('exam day: the invigilator checks candidates in by scanned QR text and by seat number, refuses a forged code and a double scan, marks one absent; the coordinator exports the attendance package', async ({
  page,
  freshDataDir,
}) => {
  test.setTimeout(360_000);
  const dir = workDir('attendance');
  // The store is built before it is served: the platform's schedule, with today the plan's first exam day.
  const setup = JSON.parse(run('test/e2e/exam-day-setup.ts', [freshDataDir, dir])) as Setup;
  expect(setup.seats.length).toBeGreaterThanOrEqual(6);
  const { url, child, errors } = await serve(freshDataDir);
  try {
    await page.goto(url);
    await login(page, INVIGILATOR.username, INVIGILATOR.password);
    // 考试当天 is the invigilator's landing page: only its own room.
    await expect(page.getByRole('heading', { name: '考试当天', level: 3 })).toBeVisible();
    await expect(page).toHaveURL(/\/exam-day$/);
    await expect(page.getByText(`${setup.examDay} 的考场 · 监考人员：王芳`)).toBeVisible();
    const cards = page.getByRole('button', { name: /^进入 .* 签到$/ });
    await expect(cards).toHaveCount(1);
    await shot(page, 'attendance-01-exam-day', { window: true });
    await page.getByRole('button', { name: `进入 ${setup.room} ${setup.start} 签到` }).click();
    await expect(page.getByRole('heading', { name: `${setup.room} 签到`, level: 3 })).toBeVisible();

    const field = page.getByLabel('扫描准考证二维码，或输入座位号、身份证号后四位，按回车');
    await expect(field).toBeFocused();
    const totals = page.getByRole('group', { name: '签到统计' });
    await expect(totals).toContainText(`应考人数${setup.seats.length}`);
    const [a, b, c, d, e] = setup.seats as [Setup['seats'][0], Setup['seats'][0], Setup['seats'][0], Setup['seats'][0], Setup['seats'][0]];

    // A scan: the candidate large for the face check, Enter again confirms 已到.
    await scan(page, a.qr);
    await expect(outcome(page)).toContainText('请核对照片与本人');
    await expect(page.getByLabel('考生姓名')).toHaveText(a.name);
    await expect(page.getByRole('img', { name: `${a.name}的照片` }).first()).toBeVisible();
    await expect(page.getByText(a.ticket).first()).toBeVisible();
    await shot(page, 'attendance-02-found', { window: true });
    await page.keyboard.press('Enter');
    await expect(outcome(page)).toContainText(`${a.name}（${a.seat} 号座位）：已到`);
    await expect(totals).toContainText('实考人数1');

    // The next scan follows at once, confirmed with F2.
    await scan(page, b.qr);
    await expect(page.getByLabel('考生姓名')).toHaveText(b.name);
    await page.keyboard.press('F2');
    await expect(outcome(page)).toContainText(`${b.name}（${b.seat} 号座位）：已到`);

    // By the keyboard: the seat number.
    await scan(page, String(c.seat));
    await expect(page.getByLabel('考生姓名')).toHaveText(c.name);
    await page.keyboard.press('Enter');
    await expect(outcome(page)).toContainText(`${c.name}（${c.seat} 号座位）：已到`);
    await expect(totals).toContainText('实考人数3');

    // A forged check code, and a ticket scanned twice: each refused in its own words, nothing recorded.
    const code = d.qr.slice(-8);
    await scan(page, formatTicketQr(d.ticket, code === 'ABCD2345' ? 'ABCD2346' : 'ABCD2345'));
    await expect(outcome(page)).toContainText('校验码不符');
    await expect(outcome(page)).toContainText(`准考证 ${d.ticket} 的校验码不符：这张准考证不是本考点打印的，或已被改动。`);
    await shot(page, 'attendance-03-forged', { window: true });
    await scan(page, a.qr);
    await expect(outcome(page)).toContainText('已经签到过');
    await expect(outcome(page)).toContainText(`${a.name}（${a.seat} 号座位）已于`);
    await page.keyboard.press('Enter');
    await expect(totals).toContainText('实考人数3');
    // Not a ticket of ours at all.
    await scan(page, 'HTTPS://WEIXIN.QQ.COM/R/ABC');
    await expect(outcome(page)).toContainText('这不是本考点打印的准考证二维码');
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('');

    // 人证不符 with F4 on the next one; 缺考 from the roster.
    await scan(page, d.qr);
    await expect(page.getByLabel('考生姓名')).toHaveText(d.name);
    await page.keyboard.press('F4');
    await expect(outcome(page)).toContainText(`已记录 ${d.name}（${d.seat} 号座位）人证不符`);
    // Two scans back to back, the second typed while the first is still being looked up: not a key lost.
    const f = setup.seats[5]!;
    await scan(page, e.qr);
    await scan(page, f.qr);
    await expect(page.getByLabel('考生姓名')).toHaveText(f.name);
    await expect(outcome(page)).toContainText(`${f.name}，${f.seat} 号座位：照片与本人相符后确认已到。`);
    await page.keyboard.press('Enter');
    await expect(outcome(page)).toContainText(`${f.name}（${f.seat} 号座位）：已到`);
    await expect(totals).toContainText('实考人数4');

    // Pressed as long as a hand presses a mouse (the row is below the fold): the field taking the
    // focus back between press and release once scrolled the page and the click was lost.
    await page.getByRole('button', { name: `${e.seat} 号 ${e.name} 缺考` }).click({ delay: 120 });
    await page.getByRole('button', { name: '记为缺考' }).click();
    await expect(totals).toContainText('缺考人数1');
    await expect(page.getByRole('row').filter({ hasText: e.name })).toContainText('缺考');
    await expect(page.getByRole('row').filter({ hasText: d.name })).toContainText('人证不符 1 次');
    await expect(totals).toContainText(`未签到${setup.seats.length - 5}`);
    // 违纪 with its note, from the roster; the field has the focus back afterwards.
    await page.getByRole('button', { name: `${c.seat} 号 ${c.name} 违纪` }).click({ delay: 120 });
    await page.getByRole('button', { name: '记为违纪' }).click();
    await expect(page.getByText('请填写违纪说明')).toBeVisible();
    await page.getByLabel('违纪说明').fill('考试中与邻座交谈，经提醒后停止');
    await shot(page, 'attendance-04-irregular', { window: true });
    await page.getByRole('button', { name: '记为违纪' }).click();
    await expect(page.getByRole('row').filter({ hasText: c.name })).toContainText('违纪考试中与邻座交谈，经提醒后停止');
    await expect(totals).toContainText('违纪1');
    await expect(totals).toContainText('实考人数4');
    await expect(field).toBeFocused();
    await shot(page, 'attendance-05-roster', { window: true });
    await shot(page, 'attendance-06-check-in-page');

    // The coordinator sees the totals and sends the attendance package.
    await page.getByRole('button', { name: '账号菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await login(page, PRINCIPAL.username, PRINCIPAL.password);
    await page.getByRole('menu', { name: '主导航' }).getByRole('link', { name: '考试当天' }).click();
    await expect(page.getByRole('heading', { name: '考试当天', level: 3 })).toBeVisible();
    await expect(page.getByRole('button', { name: /^进入 .* 签到$/ }).first()).toBeVisible();
    await shot(page, 'attendance-07-coordinator-day', { window: true });
    await page.getByRole('menu', { name: '主导航' }).getByRole('link', { name: '生成数据包' }).click();
    await page.getByRole('checkbox', { name: '考勤' }).check();
    const usb = join(dir, 'usb');
    mkdirSync(usb, { recursive: true });
    await page.getByLabel('保存到文件夹').fill(usb);
    await page.getByRole('button', { name: /生\s*成$/ }).click();
    await expect(page.getByText('数据包已生成')).toBeVisible();
    await shot(page, 'attendance-08-exported', { window: true });
    const [zip] = readdirSync(usb).filter((f) => f.endsWith('.zip'));
    const payload = (await readOutbound(join(usb, zip!), zip!)).payloads.attendance as AttendancePayload;
    const room = payload.plans[0]!.sessions.find((s) => s.date === setup.examDay && s.start === setup.start)!.rooms.find((r) => r.roomName === setup.room)!;
    expect(room.totals).toEqual({ expected: setup.seats.length, present: 3, absent: 1, irregular: 1, pending: setup.seats.length - 5 });
    expect(room.seats.find((s) => s.seat === c.seat)).toMatchObject({ status: 'irregular', note: '考试中与邻座交谈，经提醒后停止' });
    expect(room.seats.find((s) => s.seat === d.seat)).toMatchObject({ status: 'pending', mismatchFlags: 1 });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  expect(errors).toEqual([]);
});
