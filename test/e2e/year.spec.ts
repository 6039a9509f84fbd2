import { expect, test } from './fixtures';
import { candidates } from './year-steps/candidates';
import { declaration, rooms, site } from './year-steps/declaration-site';
import { enroll, payment } from './year-steps/enrollment';
import { attendance, checkIn, tickets } from './year-steps/exam-day';
import { accounts, catalog, firstRun, profile } from './year-steps/institution';
import { invigilation, schedule } from './year-steps/schedule';
import { issuance, publicity, results, scores, yearDone } from './year-steps/year-end';
import { startYear, stopYear } from './year-steps/year-run';

// A lab PC's screen.
// Actions as long as assertions: on a loaded machine a click can wait seconds for the page's main thread.
test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 45_000 });

/**
 * The manual's year in one run, through the pages only, on a fresh data folder: the principal
 * sets up the institution, a coordinator works the year, an invigilator checks candidates in on
 * exam day; the platform simulator answers every outbound package it has an answer for. The
 * server's clock (and the browser's) is moved from the catalog's issue day D — the Python plan of
 * default-scenario.json, 报名中 on D — to its 准考证打印 window, its exam day D+17 and the day after,
 * its 成绩登记 (D+25), 公示 (D+36) and the day after 公示 (D+46), when the principal signs.
 * Each step ends with the home page's year board in the state the step leaves it.
 */
test('the whole year: declaration, site, rooms, candidates, enrollment, payment, schedule, invigilation, tickets, exam day, attendance, scores, results, issuance and a certificate looked up', async ({
  page,
  freshDataDir,
}) => {
  // About four minutes on a quiet machine; a 2-core one shared with other work can take three times as long.
  test.setTimeout(900_000);
  const run = await startYear(page, freshDataDir);
  let errors: string[] = [];
  try {
    await test.step('首次设置：院校与负责人', () => firstRun(run));
    await test.step('平台公钥与目录数据包', () => catalog(run));
    await test.step('院校信息与开设专业', () => profile(run));
    await test.step('账号：业务管理员与监考老师', () => accounts(run));
    await test.step('证书试点申报，审核结果', () => declaration(run));
    await test.step('考点申报，审核结果', () => site(run));
    await test.step('考场设置', () => rooms(run));
    await test.step('考生、照片、实名认证', () => candidates(run));
    await test.step('报考（按证书）', () => enroll(run));
    await test.step('缴费：缴费单、报送、确认', () => payment(run));
    await test.step('报考信息与考场信息报送，平台排考', () => schedule(run));
    await test.step('监考安排', () => invigilation(run));
    await test.step('准考证与签到表（准考证打印时间内）', () => tickets(run));
    await test.step('考试当天：扫码签到与缺考', () => checkIn(run));
    await test.step('考勤报送（考后一天）', () => attendance(run));
    await test.step('成绩登记：导入平台的科目成绩（考后第 25 天）', () => scores(run));
    await test.step('成绩公示，公示结束后永久锁定', () => publicity(run));
    await test.step('考证结果：本院校计算与平台核对', () => results(run));
    await test.step('签名章、确认签发、电子证书与证书查验', () => issuance(run));
    await test.step('本年度工作全部完成', () => yearDone(run));
  } finally {
    errors = await stopYear(run);
  }
  expect(errors).toEqual([]);
});
