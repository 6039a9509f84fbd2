import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src-shared/api/packages';
import type { ScheduleSummary } from '../../src-shared/api/schedule';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { call, callJob } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';
import { TODAY } from '../fixtures/site-fixtures';
import { importFile, PLAN, scheduleApp } from '../fixtures/schedule-fixtures';

// Export, answer and import run as jobs in worker threads: slow on a loaded 2-core machine.
describe('the platform answers 报考信息 with its schedule', { timeout: 240_000 }, () => {
  it('seats the enrollments sent with the rooms; sent without rooms, they are only taken note of', async () => {
    const { app, principal, platform } = await scheduleApp();
    const send = async (kinds: string[]) => {
      const exported = await callJob<ExportResult>(app, 'packages.export', { kinds }, principal);
      return answerPackage(platform, await readOutbound(exported.path, 'out.zip'), join(tempDir(), 'reply.zip'), TODAY);
    };

    const alone = await send(['enrollments']);
    expect(alone.written).toBeNull();

    // Sent once, the enrollments go again only with new ones: make them unsent as a fresh site's are.
    app.store.db.prepare('UPDATE enrollments SET sent_at = NULL').run();
    const withRooms = await send(['rooms', 'enrollments']);
    expect(withRooms.answer.answered).toEqual(['enrollments']);
    expect(withRooms.written).not.toBeNull();
    await importFile(app, principal, withRooms.written!.path);
    const summary = await call<ScheduleSummary>(app, 'schedule.summary', { planCode: PLAN }, principal);
    expect(summary).toMatchObject({ source: 'platform', enrolled: 270 });
    expect(summary.seated).toBeGreaterThan(0);
  });
});
