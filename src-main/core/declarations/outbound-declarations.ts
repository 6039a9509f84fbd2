import { AppError } from '../../../src-shared/errors';
import type { OutboundModules } from '../packages/kind-module';
import { loadDeclarations, markSent } from './declaration-store';

/**
 * 证书试点申报 for the province's review: every declaration submitted and still waiting. A
 * declaration is marked sent with the package's history row, so a review can only answer what
 * was really sent.
 */
export const declarationOutbound: OutboundModules<'declarations'> = {
  declarations: {
    build(store) {
      const waiting = loadDeclarations(store, { statuses: ['submitted', 'city_approved'] });
      if (!waiting.length) throw new AppError('STATE', '没有已提交、等待审核的证书试点申报：请先在“证书试点申报”中提交审核。');
      const plans = new Map(store.all(store.q.selectFrom('declaration_plans').select(['code', 'province', 'batch', 'city_approval'])).map((p) => [p.code, p]));
      const certs = new Map(store.all(store.q.selectFrom('certificates').select(['code', 'name'])).map((c) => [c.code, c.name]));
      const declarations = waiting.map((d) => ({
        id: d.id,
        planCode: d.planCode,
        province: plans.get(d.planCode)?.province ?? '',
        batch: plans.get(d.planCode)?.batch ?? d.planCode,
        cityApproval: plans.get(d.planCode)?.city_approval === 1,
        year: d.year,
        certificateCode: d.certificateCode,
        certificateName: certs.get(d.certificateCode) ?? d.certificateCode,
        level: d.level as '初级' | '中级' | '高级',
        majors: d.majors,
        proposedCount: d.proposedCount,
        teachers: d.teachers,
        facilities: d.facilities,
        notes: d.notes,
        submittedAt: d.submittedAt!,
      }));
      return {
        payload: { declarations },
        count: declarations.length,
        sheet: {
          title: '证书试点申报',
          columns: ['申报编号', '申报批次', '证书名称', '证书等级', '拟申报培训人数', '专业', '师资（人）', '场地（处）', '提交时间'],
          rows: declarations.map((d) => [
            d.id,
            d.batch,
            d.certificateName,
            d.level,
            d.proposedCount,
            d.majors.map((m) => m.name).join('、'),
            d.teachers.length,
            d.facilities.length,
            d.submittedAt,
          ]),
        },
      };
    },
    onSent(store, part, now) {
      markSent(
        store,
        part.payload.declarations.map((d) => d.id),
        now.toISOString(),
      );
    },
  },
};
