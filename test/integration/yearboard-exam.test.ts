import { describe, expect, it } from 'vitest';
import type { StaffRow } from '../../src-shared/api/schedule';
import type { YearBoard } from '../../src-shared/api/yearboard';
import { call, callJob, LOGIN } from '../helpers/app';
import { addDays } from '../fixtures/exam-day-store';
import { examDayApp, seatsOf } from '../fixtures/attendance-fixtures';

describe('the year board’s 排考 and 考试 steps', { timeout: 240_000 }, () => {
  it('follow the platform’s schedule, its invigilators, the rooms’ attendance and its package', async () => {
    const s = await examDayApp({ candidates: 12 });
    let session = s.principal;
    const steps = async () => {
      const board = await call<YearBoard>(s.app, 'yearboard.get', {}, session);
      return { schedule: board.steps.find((x) => x.key === 'schedule')!, exam: board.steps.find((x) => x.key === 'exam')! };
    };
    const sittings = s.rooms.length;
    const seats = s.app.store.db.prepare('SELECT count(*) FROM schedule_seats').pluck().get() as number;

    let now = await steps();
    expect(now.schedule).toMatchObject({
      state: 'todo',
      summary: `已排考 1 / 1 个考试计划，考场场次 ${sittings} 个，监考已安排 0 个`,
      hint: `为其余 ${sittings} 个考场场次安排监考老师`,
      link: '/schedule',
    });
    expect(now.exam).toMatchObject({ state: 'todo', summary: `${seats} 个座位待考`, hint: `下一场考试 ${s.examDays[0]}：考前打印签到表、桌贴、门贴和准考证`, link: '/exam-day' });

    // One teacher of their own for each sitting, so nobody is in two rooms at once.
    await call(s.app, 'invigilation.setMinimum', { planCode: s.planCode, minimum: 1 }, session);
    for (const [i, room] of s.rooms.entries()) {
      const staff = i === 0 ? s.staff : await call<StaffRow>(s.app, 'staff.create', { name: `监考${i}`, phone: `1390535${String(1000 + i)}` }, session);
      await call(s.app, 'invigilation.setRoom', { scheduleRoomId: room.scheduleRoomId, staffIds: [staff.id] }, session);
    }
    now = await steps();
    expect(now.schedule).toMatchObject({ state: 'done', summary: `已排考 1 / 1 个考试计划，考场场次 ${sittings} 个，监考已安排 ${sittings} 个`, hint: null });

    const relogin = async () => (session = (await call<{ sessionToken: string }>(s.app, 'auth.login', LOGIN)).sessionToken);
    s.clock.now = new Date(`${s.examDays[0]}T07:30:00+08:00`);
    await relogin();
    expect((await steps()).exam).toMatchObject({ state: 'active', hint: '今天有考试：在“考试当天”打印签到表并扫码签到' });

    // Both exam days over, nothing recorded: the coordinator is told to catch up.
    s.clock.now = new Date(`${addDays(s.examDays[1], 1)}T09:00:00+08:00`);
    await relogin();
    expect((await steps()).exam).toMatchObject({ state: 'todo', hint: `${seats} 个已考座位没有记录考勤：由业务管理员在“考试当天”补记` });

    const [first, ...others] = s.rooms;
    const firstSeats = seatsOf(s.app, first!.scheduleRoomId);
    await call(s.app, 'attendance.markAbsent', { scheduleRoomId: first!.scheduleRoomId, seatId: firstSeats[0]!.id }, session);
    for (const seat of firstSeats.slice(1)) await call(s.app, 'attendance.confirm', { scheduleRoomId: first!.scheduleRoomId, seatId: seat.id }, session);
    expect((await steps()).exam).toMatchObject({ state: 'todo', summary: `已记录考勤 ${firstSeats.length} / ${seats} 个座位（实到 ${firstSeats.length - 1}，缺考 1）` });
    for (const room of others)
      for (const seat of seatsOf(s.app, room.scheduleRoomId)) await call(s.app, 'attendance.confirm', { scheduleRoomId: room.scheduleRoomId, seatId: seat.id }, session);
    expect((await steps()).exam).toMatchObject({ state: 'todo', hint: '导出“考勤”数据包报送培训评价组织' });

    await callJob(s.app, 'packages.export', { kinds: ['attendance'] }, session);
    expect((await steps()).exam).toMatchObject({ state: 'done', summary: `已记录考勤 ${seats} / ${seats} 个座位（实到 ${seats - 1}，缺考 1）`, hint: null });
  });
});
