import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult, ImportResult } from '../../src-shared/api/packages';
import type { ScheduleSummary } from '../../src-shared/api/schedule';
import type { ExamPlan } from '../../src-shared/domain/catalog';
import { readPackage } from '../../src-main/pipelines/packages/read-package';
import { addCandidates } from '../fixtures/candidates';
import { enroll, ROOMS, SUBJECTS } from '../fixtures/schedule-fixtures';
import { approvedSite, importFile, INSTITUTION_CODE } from '../fixtures/site-fixtures';
import { addDays, issueDayOf } from '../tools/platform/dates';
import { openPlatform } from '../tools/platform/platform';
import { call, callJob, setUpApp } from '../helpers/app';
import { simulator } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

/**
 * The year's end-to-end test runs the app on a clock moved ahead of the real one (an offset, so
 * the days it needs can pass), and the simulator must act on the app's days: `--now` on
 * `catalog` and `answer`. Without it the simulator dates the plans from the real day, and a
 * schedule answered from those dates does not match the plan the app holds.
 */

// Forty days after the real time, at 09:00 in Beijing: another day than the real one, whatever today is.
const AHEAD = new Date(`${addDays(issueDayOf(new Date()), 40)}T09:00:00+08:00`);
const AHEAD_DAY = issueDayOf(AHEAD);

describe('platform simulator on a moved clock (--now)', { timeout: 300_000 }, () => {
  it('dates the catalog’s plans from the day of --now, and stamps the package with it', async () => {
    const keys = tempDir();
    const out = join(keys, 'catalog.zip');
    const r = simulator(['catalog', '--institution', INSTITUTION_CODE, '--out', out, '--keys', keys, '--now', AHEAD.toISOString()]);
    expect(r.code, r.stderr).toBe(0);
    const pkg = await readPackage(out, 'catalog.zip', {
      institutionCode: INSTITUTION_CODE,
      trustedKeys: [openPlatform({ keysDir: keys }).keys.publicPem],
      allowUnsigned: false,
      direction: 'in',
    });
    expect(pkg.manifest.createdAt).toBe(AHEAD.toISOString());
    const python = (pkg.payloads['exam-plans'] as { plans: ExamPlan[] }).plans.find((p) => p.code === `K${AHEAD_DAY.slice(0, 4)}31000001`);
    // default-scenario.json: registration D-5 ~ D+9.
    expect(python?.windows.registration).toEqual({ start: addDays(AHEAD_DAY, -5), end: addDays(AHEAD_DAY, 9) });

    const bad = simulator(['catalog', '--institution', INSTITUTION_CODE, '--out', out, '--keys', keys, '--now', '明天']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--now 应为 ISO 8601 时间');
  });

  it('answers 报考信息 with rooms by a schedule the app on that clock accepts; answered on the real day, the same schedule is refused', async () => {
    const { app, principal } = await setUpApp({ now: () => AHEAD });
    const platform = openPlatform({ keysDir: tempDir() });
    await call(app, 'settings.update', { platformPublicKeys: [platform.keys.publicPem] }, principal);
    const catalog = join(tempDir(), 'catalog.zip');
    expect(simulator(['catalog', '--institution', INSTITUTION_CODE, '--out', catalog, '--keys', platform.keys.dir, '--now', AHEAD.toISOString()]).code).toBe(0);
    await importFile(app, principal, catalog);
    const site = await approvedSite(app, principal, platform);
    // 物流管理 第1次: its exams four and five days after the catalog's day.
    const plan = `K${AHEAD_DAY.slice(0, 4)}31000002`;
    for (const room of ROOMS)
      await call(
        app,
        'rooms.create',
        { planCode: plan, siteId: site.id, region: { province: '山东省', city: '烟台市', district: '莱山区' }, address: '滨海中路2018号实训楼', certificates: [], ...room },
        principal,
      );
    addCandidates(app.store, 20, 13);
    enroll(app.store, plan, SUBJECTS, app.store.db.prepare('SELECT id FROM candidates ORDER BY id').pluck().all() as number[], AHEAD.toISOString());
    const sent = await callJob<ExportResult>(app, 'packages.export', { kinds: ['rooms', 'enrollments'] }, principal);

    // On the real day the simulator knows other plans: the plan is not one of them (another year's
    // codes), or its sessions fall on other days than the app's plan has.
    const realDay = join(tempDir(), 'schedule-real-day.zip');
    const real = simulator(['answer', sent.path, '--out', realDay, '--keys', platform.keys.dir]);
    const refusal =
      real.code !== 0
        ? real.stderr
        : await importFile(app, principal, realDay).then(
            () => '',
            (e: Error) => e.message,
          );
    expect(refusal).toMatch(new RegExp(`平台没有考试计划 ${plan}|没有 \\d{4}-\\d{2}-\\d{2} .* 的场次`));

    const onTheClock = join(tempDir(), 'schedule.zip');
    const r = simulator(['answer', sent.path, '--out', onTheClock, '--keys', platform.keys.dir, '--now', AHEAD.toISOString()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^已生成回复数据包 .*数据 schedule/);
    const imported: ImportResult = await importFile(app, principal, onTheClock);
    expect(imported.applied).toBe(true);
    expect((await call<ScheduleSummary>(app, 'schedule.summary', { planCode: plan }, principal)).source).toBe('platform');

    // Answered days later (as scores come after the exam), the plans are still those of the catalog's day.
    const later = join(tempDir(), 'later.zip');
    const lateAnswer = simulator([
      'answer',
      sent.path,
      '--out',
      later,
      '--keys',
      platform.keys.dir,
      '--now',
      `${addDays(AHEAD_DAY, 3)}T09:00:00+08:00`,
      '--catalog-day',
      AHEAD_DAY,
    ]);
    expect(lateAnswer.code, lateAnswer.stderr).toBe(0);
    expect((await importFile(app, principal, later)).applied).toBe(true);
    const bad = simulator(['answer', sent.path, '--out', later, '--keys', platform.keys.dir, '--catalog-day', '2026-6-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--catalog-day 应为 YYYY-MM-DD');
  });
});
