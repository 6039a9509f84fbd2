import { describe, expect, it } from 'vitest';
import type { YearBoard } from '../../src-shared/api/yearboard';
import { call, LOGIN } from '../helpers/app';
import { approveQuota, completeProfile } from '../fixtures/declaration-fixtures';
import { PLAN } from '../fixtures/schedule-fixtures';
import { approvedSite, siteApp, TODAY } from '../fixtures/site-fixtures';

describe('the year board’s 考场设置 step', { timeout: 240_000 }, () => {
  it('asks rooms only for the plans of the certificates the institution is approved for, and stays done after their exam', async () => {
    const clock = { now: TODAY };
    const { app, principal, platform } = await siteApp({ now: () => clock.now });
    let session = principal;
    const rooms = async () => (await call<YearBoard>(app, 'yearboard.get', {}, session)).steps.find((s) => s.key === 'rooms')!;

    // The catalog has plans of three certificates this year; none is the institution's yet.
    expect(await rooms()).toMatchObject({ state: 'idle', summary: '本年度暂无待考的考试计划', hint: '证书试点申报审核通过后，为本校参加的考试计划设置考场' });

    await completeProfile(app, principal);
    await approveQuota(app, principal, platform, { planCode: 'SB37202601', certificateCode: 'ZS2019003', level: '初级', count: 100 }, TODAY);
    // 物流管理 初级 this year: 第1次 (registration closed four days ago, exams in four days) — and 第2次, examined weeks ago without rooms, which asks nothing now.
    expect(await rooms()).toMatchObject({ state: 'overdue', summary: '0 / 1 个考试计划已设置考场', hint: '为“物流管理2026年6月第1次考核”设置考场' });

    const site = await approvedSite(app, principal, platform);
    await call(
      app,
      'rooms.create',
      {
        planCode: PLAN,
        siteId: site.id,
        region: { province: '山东省', city: '烟台市', district: '莱山区' },
        address: '滨海中路2018号实训楼',
        certificates: [],
        name: '13号机房',
        type: '机考',
        seats: 60,
      },
      principal,
    );
    // The Python and 汽车 plans of the year have no rooms, and need none here.
    expect(await rooms()).toMatchObject({ state: 'done', summary: '1 / 1 个考试计划已设置考场', hint: null });

    clock.now = new Date('2026-06-25T02:00:00Z');
    session = (await call<{ sessionToken: string }>(app, 'auth.login', LOGIN)).sessionToken;
    expect(await rooms()).toMatchObject({ state: 'done', summary: '1 / 1 个考试计划已设置考场', hint: null });
  });
});
