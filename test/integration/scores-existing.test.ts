import { describe, expect, it } from 'vitest';
import type { ScoresPayload } from '../../src-shared/domain/score-kinds';
import { scoresInbound } from '../../src-main/core/scores/inbound-scores';
import { statsApp } from '../fixtures/stats-fixtures';
import { paymentPlans } from '../fixtures/seeded-enrollments';

const block = (planCode: string) => ({ planCode, subjectCode: '098694', issuedAt: '2026-06-10T10:00:00+08:00', entries: [] });
const payload = (...plans: string[]): ScoresPayload => ({ scores: plans.map(block) });

describe('科目成绩: what an import compares with', () => {
  it('reads the stored scores of the plans the package names, each as the preview shows it, and none of the other plans the store has kept', async () => {
    const { app, plan } = await statsApp();
    const other = paymentPlans(app.store).python;
    const stored = app.store.db.prepare('SELECT count(*) FROM scores WHERE plan_code = ?').pluck().get(plan) as number;
    expect(stored).toBeGreaterThan(10);

    const named = scoresInbound.scores.existing(app.store, payload(plan));
    expect(named.size).toBe(stored);
    const [key, fields] = [...named].find(([k]) => k.startsWith(`score:${plan}/098694/`))!;
    expect(key).toMatch(/^score:K\d+\/098694\/\d{17}[\dX]$/);
    expect(fields).toEqual({ 成绩: expect.stringMatching(/^(\d+\.\d|缺考)$/), 发布时间: '2026-06-10 10:00:00' });

    expect(scoresInbound.scores.existing(app.store, payload(other)).size).toBe(0);
    expect(scoresInbound.scores.existing(app.store, payload(other, plan, plan)).size).toBe(stored);
  });
});
