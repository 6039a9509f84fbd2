import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import type { AttendancePayload } from '../../../src-shared/domain/attendance-kinds';
import { decodeQr, pagePng, pdfInfo, pdfText } from '../../helpers/pdf';
import { readOutbound } from '../../tools/platform/answer-package';
import { changeFirstPassword, expect, login, logout, shot } from '../fixtures';
import { outcome, scan } from '../exam-day-helpers';
import { exportPackage } from '../package-helpers';
import { allDoneBut, expectBoard } from './year-board';
import { COORDINATOR, folder, INVIGILATOR, type Ticket, type YearRun } from './year-run';
import { open } from '../page-helpers';

const ROOM = '13号机房';
/** Python 初级's sittings (default-scenario.json): 理论知识 in the morning, 实操技能 in the afternoon, both on D+17. */
const EXAM_DAY = 17;
const SITTINGS = { morning: '09:00', afternoon: '13:30' } as const;

/** A document printed from a page: the job's modal, the PDF saved from it (the tab it opens as it is done, closed). */
async function printed(run: YearRun, button: Locator, title: string, file: string): Promise<string> {
  const { page } = run;
  await button.click();
  const modal = page.getByRole('dialog', { name: title });
  // The sign-in sheet asks first whether to print the photos (含照片); the others start at once.
  if (title.startsWith('打印签到表')) await modal.getByRole('button', { name: '生成签到表' }).click();
  await expect(modal).toContainText('文档已生成');
  const download = page.waitForEvent('download');
  await modal.getByRole('button', { name: '下载 PDF' }).click();
  const path = join(run.dir, file);
  await (await download).saveAs(path);
  for (const tab of page.context().pages()) if (tab !== page) await tab.close();
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();
  return path;
}

/** The tickets as the invigilator's scanner will read them: each page's QR code, and the name printed beside it. */
async function readTickets(run: YearRun, pdf: string): Promise<Ticket[]> {
  pagePng(pdf, 'year-14a-ticket');
  const pages = pdfInfo(pdf).pages;
  // Every page at once, as pdftoppm names them: ticket-1.png … (padded to the last page's digits).
  execFileSync('pdftoppm', ['-png', '-r', '150', pdf, join(run.dir, 'ticket')]);
  const tickets: Ticket[] = [];
  for (let p = 1; p <= pages; p++) {
    const qr = await decodeQr(join(run.dir, `ticket-${String(p).padStart(String(pages).length, '0')}.png`));
    const text = pdfText(pdf, { first: p, last: p }).flat;
    const person = run.people.find((x) => text.includes(x.name));
    if (!qr || !person) throw new Error(`ticket page ${p}: QR ${qr}, name ${person?.name}`);
    tickets.push({ name: person.name, ticketNumber: qr.split('-')[1]!, qr });
  }
  return tickets;
}

/** 准考证 printed in the plan's 准考证打印 window (D+10 ~ D+16), and the room's 签到表 for the first sitting. */
export async function tickets(run: YearRun): Promise<void> {
  const { page } = run;
  await logout(page);
  await run.clock.moveTo(page, 10, '09:00');
  await login(page, COORDINATOR.username, COORDINATOR.password);
  await expectBoard(page, { 考试: '待办' }, { says: { 考试: `下一场考试 ${run.clock.day(EXAM_DAY)}` } });

  await open(page, '排考查看');
  await page.getByRole('tab', { name: '考场编排' }).click();
  const pdf = await printed(run, page.getByRole('button', { name: '准考证 PDF' }), '打印准考证（整个计划）', '准考证.pdf');
  run.tickets = await readTickets(run, pdf);
  expect(run.tickets.map((t) => t.name).sort()).toEqual(run.people.map((p) => p.name).sort());

  const day = run.clock.day(EXAM_DAY);
  const sheet = await printed(
    run,
    page.getByRole('button', { name: `打印签到表 ${ROOM} ${day} ${SITTINGS.morning}` }),
    `打印签到表（${ROOM} ${day} ${SITTINGS.morning}）`,
    '签到表.pdf',
  );
  const text = pdfText(sheet).flat;
  expect(text).toContain('考场签到表');
  for (const t of run.tickets) expect(text).toContain(t.name);
  await shot(page, 'year-14-tickets-printed');
}

/** One room's sitting at the check-in page: everyone but `absent` by the scanner (one of them by seat number), `absent` marked 缺考. */
async function checkInSitting(run: YearRun, start: string, absent: Ticket, bySeat: Ticket, screenshot: string): Promise<void> {
  const { page } = run;
  const n = run.tickets.length;
  await page.getByRole('button', { name: `进入 ${ROOM} ${start} 签到` }).click();
  await expect(page.getByRole('heading', { name: `${ROOM} 签到`, level: 3 })).toBeVisible();
  await expect(page.getByLabel('扫描准考证二维码，或输入座位号、身份证号后四位，按回车')).toBeFocused();
  const totals = page.getByRole('group', { name: '签到统计' });
  await expect(totals).toContainText(`应考人数${n}`);
  const absentButton = (name: string) => page.getByRole('button', { name: new RegExp(`^\\d+ 号 ${name} 缺考$`) });
  for (const t of run.tickets) {
    if (t === absent) continue;
    const seat = t === bySeat ? /^(\d+) 号/.exec((await absentButton(t.name).getAttribute('aria-label'))!)![1]! : null;
    await scan(page, seat ?? t.qr);
    await expect(page.getByLabel('考生姓名')).toHaveText(t.name);
    await page.keyboard.press('Enter');
    await expect(outcome(page)).toContainText(new RegExp(`${t.name}（\\d+ 号座位）：已到`));
  }
  await absentButton(absent.name).click();
  await page.getByRole('button', { name: '记为缺考' }).click();
  await expect(totals).toContainText('缺考人数1');
  await expect(totals).toContainText(`实考人数${n - 1}`);
  await expect(totals).toContainText('未签到0');
  await shot(page, screenshot);
}

/**
 * 考试当天 (D+17): the invigilator's first login, each sitting of her room checked in while it
 * runs; the last ticket's candidate does not come.
 */
export async function checkIn(run: YearRun): Promise<void> {
  const { page } = run;
  const absent = run.tickets.at(-1)!;
  const bySeat = run.tickets[1]!;
  await logout(page);
  await run.clock.moveTo(page, EXAM_DAY, '09:05');
  await login(page, INVIGILATOR.username, INVIGILATOR.initial);
  await changeFirstPassword(page, INVIGILATOR.initial, INVIGILATOR.password);
  await expect(page.getByRole('heading', { name: '考试当天', level: 3 })).toBeVisible();
  await expect(page.getByText(`${run.clock.day(EXAM_DAY)} 的考场 · 监考人员：${INVIGILATOR.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: /^进入 .* 签到$/ })).toHaveCount(2);
  await shot(page, 'year-15-exam-day', { window: true });
  await checkInSitting(run, SITTINGS.morning, absent, bySeat, 'year-16-check-in-morning');

  await logout(page);
  await run.clock.moveTo(page, EXAM_DAY, '13:35');
  await login(page, INVIGILATOR.username, INVIGILATOR.password);
  await checkInSitting(run, SITTINGS.afternoon, absent, bySeat, 'year-17-check-in-afternoon');
}

/** The day after: the coordinator sends 考勤 of the plan to the organisation. */
export async function attendance(run: YearRun): Promise<void> {
  const { page } = run;
  const n = run.tickets.length;
  await logout(page);
  await run.clock.moveTo(page, EXAM_DAY + 1, '09:00');
  await login(page, COORDINATOR.username, COORDINATOR.password);
  await expectBoard(page, { 考试: '待办' }, { says: { 考试: '导出“考勤”数据包报送培训评价组织' } });

  run.attendancePackage = await exportPackage(page, ['考勤'], folder(run, '考勤'));
  const sent = (await readOutbound(run.attendancePackage, '考勤.zip')).payloads.attendance as AttendancePayload;
  const plan = sent.plans.find((p) => p.planCode === run.planCode)!;
  expect(plan.sessions.map((s) => [s.start, s.rooms.map((r) => [r.roomName, r.totals])])).toEqual(
    Object.values(SITTINGS).map((start) => [start, [[ROOM, { expected: n, present: n - 1, absent: 1, irregular: 0, pending: 0 }]]]),
  );
  await shot(page, 'year-18-attendance-sent');
  // Every step up to the exam is done. 成绩 now waits on the platform's scores (the 考勤 has gone);
  // 发证 follows the plan's windows until the issuance step counts it.
  await expectBoard(page, allDoneBut({ 成绩: '等待平台', 发证: '尚未开始' }), {
    says: { 考试: `已记录考勤 ${2 * n} / ${2 * n} 个座位（实到 ${2 * (n - 1)}，缺考 2）` },
    screenshot: 'year-19-board-after-exam',
  });
}
