import type { z } from 'zod';
import type { catalogPayload, declarationPlansPayload, examPlansPayload, examSubjectsPayload } from '../../../src-shared/domain/catalog';
import { PLAN_WINDOW_LABELS, PLAN_WINDOWS } from '../../../src-shared/domain/catalog';
import { maskIdNumber as maskId } from '../../../src-shared/domain/id-number';
import type { realnameResultsPayload } from '../../../src-shared/domain/realname';
import type { PackageKind } from '../../../src-shared/domain/package';
import type { Store } from '../../store/store';

/**
 * One thing a package would put in the store: its fields as a person reads them (for the
 * preview's old → new), and how to write it. Inbound imports are upserts: the platform sends
 * what it knows; nothing is deleted because a package left it out.
 */
export interface EntityRecord {
  kind: PackageKind;
  entity: string;
  key: string;
  title: string;
  fields: Record<string, unknown>;
  write(store: Store): void;
}

type Fields = Record<string, unknown>;

const yesNo = (b: boolean) => (b ? '是' : '否');

function existingMap<T>(rows: T[], key: (r: T) => string, fields: (r: T) => Fields): Map<string, Fields> {
  return new Map(rows.map((r) => [key(r), fields(r)]));
}

interface InboundKind<P> {
  /** The store is there for kinds that only touch what exists (real-name results). */
  records(payload: P, store: Store): EntityRecord[];
  existing(store: Store): Map<string, Fields>;
}

const catalog: InboundKind<z.infer<typeof catalogPayload>> = {
  records: (p) => [
    ...p.organisations.map((o) => ({
      kind: 'catalog' as const,
      entity: '培训评价组织',
      key: `org:${o.code}`,
      title: o.name,
      fields: { 名称: o.name },
      write: (s: Store) => s.prepare('INSERT INTO organisations (code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name').run(o.code, o.name),
    })),
    ...p.certificates.map((c) => ({
      kind: 'catalog' as const,
      entity: '证书',
      key: `cert:${c.code}`,
      title: c.name,
      fields: { 名称: c.name, 简称: c.shortName, 培训评价组织: c.orgCode, 等级: c.levels.join('、') },
      write: (s: Store) =>
        s
          .prepare(
            `INSERT INTO certificates (code, name, short_name, org_code, levels_json) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, org_code = excluded.org_code, levels_json = excluded.levels_json`,
          )
          .run(c.code, c.name, c.shortName, c.orgCode, JSON.stringify(c.levels)),
    })),
    ...p.majors.map((m) => ({
      kind: 'catalog' as const,
      entity: '专业',
      key: `major:${m.code}`,
      title: `${m.name}（${m.level}）`,
      fields: { 名称: m.name, 层次: m.level },
      write: (s: Store) =>
        s
          .prepare('INSERT INTO majors (code, name, level) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level')
          .run(m.code, m.name, m.level),
    })),
  ],
  existing: (store) =>
    new Map([
      ...existingMap(
        store.all(store.q.selectFrom('organisations').selectAll()),
        (o) => `org:${o.code}`,
        (o) => ({ 名称: o.name }),
      ),
      ...existingMap(
        store.all(store.q.selectFrom('certificates').selectAll()),
        (c) => `cert:${c.code}`,
        (c) => ({ 名称: c.name, 简称: c.short_name, 培训评价组织: c.org_code, 等级: (JSON.parse(c.levels_json) as string[]).join('、') }),
      ),
      ...existingMap(
        store.all(store.q.selectFrom('majors').selectAll()),
        (m) => `major:${m.code}`,
        (m) => ({ 名称: m.name, 层次: m.level }),
      ),
    ]),
};

const declarationPlans: InboundKind<z.infer<typeof declarationPlansPayload>> = {
  records: (p) =>
    p.plans.map((d) => ({
      kind: 'declaration-plans' as const,
      entity: '申报计划',
      key: `decl:${d.code}`,
      title: `${d.province} ${d.batch}`,
      fields: {
        省份: d.province,
        申报批次: d.batch,
        申报时间: `${d.windowStart} ~ ${d.windowEnd}`,
        按专业填报: yesNo(d.byMajor),
        需地市审批: yesNo(d.cityApproval),
        状态: d.status,
      },
      write: (s: Store) =>
        s
          .prepare(
            `INSERT INTO declaration_plans (code, province, batch, window_start, window_end, by_major, city_approval, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(code) DO UPDATE SET province = excluded.province, batch = excluded.batch, window_start = excluded.window_start,
               window_end = excluded.window_end, by_major = excluded.by_major, city_approval = excluded.city_approval, status = excluded.status`,
          )
          .run(d.code, d.province, d.batch, d.windowStart, d.windowEnd, d.byMajor ? 1 : 0, d.cityApproval ? 1 : 0, d.status),
    })),
  existing: (store) =>
    existingMap(
      store.all(store.q.selectFrom('declaration_plans').selectAll()),
      (d) => `decl:${d.code}`,
      (d) => ({
        省份: d.province,
        申报批次: d.batch,
        申报时间: `${d.window_start} ~ ${d.window_end}`,
        按专业填报: yesNo(d.by_major === 1),
        需地市审批: yesNo(d.city_approval === 1),
        状态: d.status,
      }),
    ),
};

const examSubjects: InboundKind<z.infer<typeof examSubjectsPayload>> = {
  records: (p) =>
    p.subjects.map((x) => ({
      kind: 'exam-subjects' as const,
      entity: '考试科目',
      key: `subject:${x.code}`,
      title: `${x.code} ${x.name}`,
      fields: { 科目名称: x.name, 考试方式: x.method, 证书: x.certificateCode, 等级: x.level, 参考对象: x.target, 科目状态: x.status },
      write: (s: Store) =>
        s
          .prepare(
            `INSERT INTO exam_subjects (code, name, method, certificate_code, level, target, status) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(code) DO UPDATE SET name = excluded.name, method = excluded.method, certificate_code = excluded.certificate_code,
               level = excluded.level, target = excluded.target, status = excluded.status`,
          )
          .run(x.code, x.name, x.method, x.certificateCode, x.level, x.target, x.status),
    })),
  existing: (store) =>
    existingMap(
      store.all(store.q.selectFrom('exam_subjects').selectAll()),
      (x) => `subject:${x.code}`,
      (x) => ({ 科目名称: x.name, 考试方式: x.method, 证书: x.certificate_code, 等级: x.level, 参考对象: x.target, 科目状态: x.status }),
    ),
};

type PlanCert = z.infer<typeof examPlansPayload>['plans'][number]['certificates'][number];

function certificatesField(certs: { certificateCode: string; level: string; compositePassScore: number | null; allSubjectsPass: boolean; subjects: unknown[] }[]): string {
  return JSON.stringify(
    [...certs]
      .sort((a, b) => `${a.certificateCode}${a.level}`.localeCompare(`${b.certificateCode}${b.level}`))
      .map((c) => ({ 证书: c.certificateCode, 等级: c.level, 综合成绩合格分数: c.compositePassScore, 各科均需合格: c.allSubjectsPass, 科目: c.subjects })),
  );
}

const examPlans: InboundKind<z.infer<typeof examPlansPayload>> = {
  records: (p) =>
    p.plans.map((plan) => ({
      kind: 'exam-plans' as const,
      entity: '考试计划',
      key: `plan:${plan.code}`,
      title: `${plan.code} ${plan.name}`,
      fields: {
        计划名称: plan.name,
        考核单位: plan.orgCode,
        状态: plan.status,
        ...Object.fromEntries(PLAN_WINDOWS.map((k) => [`${PLAN_WINDOW_LABELS[k]}时间`, `${plan.windows[k].start} ~ ${plan.windows[k].end}`])),
        考核证书与科目: certificatesField(
          plan.certificates.map((c: PlanCert) => ({
            certificateCode: c.certificateCode,
            level: c.level,
            compositePassScore: c.passRule.compositePassScore,
            allSubjectsPass: c.passRule.allSubjectsPass,
            subjects: c.subjects,
          })),
        ),
      },
      write: (s: Store) => {
        s.prepare(
          `INSERT INTO exam_plans (code, name, org_code, status, windows_json, registration_start, publicity_end) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(code) DO UPDATE SET name = excluded.name, org_code = excluded.org_code, status = excluded.status,
             windows_json = excluded.windows_json, registration_start = excluded.registration_start, publicity_end = excluded.publicity_end`,
        ).run(plan.code, plan.name, plan.orgCode, plan.status, JSON.stringify(plan.windows), plan.windows.registration.start, plan.windows.publicity.end);
        s.prepare('DELETE FROM exam_plan_certificates WHERE plan_code = ?').run(plan.code);
        const insert = s.prepare(
          'INSERT INTO exam_plan_certificates (plan_code, certificate_code, level, composite_pass_score, all_subjects_pass, subjects_json) VALUES (?, ?, ?, ?, ?, ?)',
        );
        for (const c of plan.certificates)
          insert.run(plan.code, c.certificateCode, c.level, c.passRule.compositePassScore, c.passRule.allSubjectsPass ? 1 : 0, JSON.stringify(c.subjects));
      },
    })),
  existing: (store) => {
    const certs = new Map<string, Parameters<typeof certificatesField>[0]>();
    for (const c of store.all(store.q.selectFrom('exam_plan_certificates').selectAll())) {
      const list = certs.get(c.plan_code) ?? [];
      list.push({
        certificateCode: c.certificate_code,
        level: c.level,
        compositePassScore: c.composite_pass_score,
        allSubjectsPass: c.all_subjects_pass === 1,
        subjects: JSON.parse(c.subjects_json) as unknown[],
      });
      certs.set(c.plan_code, list);
    }
    return existingMap(
      store.all(store.q.selectFrom('exam_plans').selectAll()),
      (p) => `plan:${p.code}`,
      (p) => {
        const windows = JSON.parse(p.windows_json) as Record<string, { start: string; end: string }>;
        return {
          计划名称: p.name,
          考核单位: p.org_code,
          状态: p.status,
          ...Object.fromEntries(PLAN_WINDOWS.map((k) => [`${PLAN_WINDOW_LABELS[k]}时间`, `${windows[k]!.start} ~ ${windows[k]!.end}`])),
          考核证书与科目: certificatesField(certs.get(p.code) ?? []),
        };
      },
    );
  },
};

const REALNAME_STATUS_LABELS: Record<string, string> = { unverified: '未认证', verified: '已认证', failed: '认证失败', confirmed: '人工确认' };

/**
 * 实名认证结果: updates candidates we sent. A result for someone no longer in the store is passed
 * over; a failure never undoes a school's 人工确认 (the same package again must change nothing).
 */
const realnameResults: InboundKind<z.infer<typeof realnameResultsPayload>> = {
  records: (p, store) => {
    const known = new Map(
      (store.db.prepare('SELECT id_number, realname_status FROM candidates').all() as { id_number: string; realname_status: string }[]).map((r) => [
        r.id_number,
        r.realname_status,
      ]),
    );
    return p.results
      .filter((r) => known.has(r.idNumber))
      .map((r) => {
        const keepConfirmed = r.status === 'failed' && known.get(r.idNumber) === 'confirmed';
        const status = keepConfirmed ? 'confirmed' : r.status;
        const reason = keepConfirmed ? null : r.status === 'failed' ? (r.reason ?? '认证未通过') : null;
        return {
          kind: 'realname-results' as const,
          entity: '实名认证',
          key: `realname:${r.idNumber}`,
          title: `${r.name}（${maskId(r.idNumber)}）`,
          fields: { 认证状态: REALNAME_STATUS_LABELS[status], 原因: reason },
          write: (s: Store) => s.prepare('UPDATE candidates SET realname_status = ?, realname_reason = ? WHERE id_number = ?').run(status, reason, r.idNumber),
        };
      });
  },
  existing: (store) =>
    existingMap(
      store.db.prepare('SELECT id_number, realname_status, realname_reason FROM candidates').all() as {
        id_number: string;
        realname_status: string;
        realname_reason: string | null;
      }[],
      (c) => `realname:${c.id_number}`,
      (c) => ({ 认证状态: REALNAME_STATUS_LABELS[c.realname_status], 原因: c.realname_reason }),
    ),
};

/** The handlers of every inbound kind, by kind. */
export const INBOUND: Partial<Record<PackageKind, InboundKind<never>>> = {
  catalog: catalog as InboundKind<never>,
  'declaration-plans': declarationPlans as InboundKind<never>,
  'exam-subjects': examSubjects as InboundKind<never>,
  'exam-plans': examPlans as InboundKind<never>,
  'realname-results': realnameResults as InboundKind<never>,
};
