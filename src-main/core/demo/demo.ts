import { AppError } from '../../../src-shared/errors';
import type { AppCore } from '../app-core';
import { CLI_ACTOR } from '../../../src-shared/actor';
import { invokeAs } from '../dispatch';
import { readInstitution } from '../institution/institution-service';
import { applyPackageFile } from '../packages/import-service';
import { addDemoCandidates, type DemoCandidates } from './demo-candidates';
import { addDemoDeclarations, type DemoDeclarations } from './demo-declarations';
import { addDemoEnrollments, type DemoEnrollments } from './demo-enrollments';
import { addDemoPayments, type DemoPayments } from './demo-payments';
import { addDemoSchedule, type DemoSchedule, type IssueSchedule } from './demo-schedule';
import { addDemoSites, type DemoSites } from './demo-sites';
import { addDemoYearEnd, type DemoYearEnd } from './demo-year-end';

export const DEMO_PASSWORD_ENV = 'EXAMSITE_PASSWORD';
export const DEFAULT_DEMO_PASSWORD = 'demo-2026';

/**
 * The simulated platform the demo takes its catalog from. It is test tooling (never in the app
 * bundle), so the CLI hands it in rather than the core importing it.
 */
export interface DemoPlatform {
  publicKeyPem: string;
  /** Writes the platform's catalog package for the institution; returns its path. */
  issueCatalog(institutionCode: string): Promise<string>;
  /** Writes the platform's reply to an outbound package; returns its path. */
  answer(outboundPath: string): Promise<string>;
  /** Writes the platform's schedule of a plan (排考) for the rooms package given. */
  issueSchedule: IssueSchedule;
}

export interface DemoReport {
  dataDir: string;
  institution: { code: string; name: string };
  password: string;
  accounts: { username: string; displayName: string; role: string }[];
  catalog: { plans: number; subjects: number } | null;
  candidates: DemoCandidates | null;
  declarations: DemoDeclarations | null;
  sites: DemoSites | null;
  enrollments: DemoEnrollments | null;
  payments: DemoPayments | null;
  /** Null without a platform, or while no plan has enrollments. */
  schedule: DemoSchedule | null;
  /** The examined plan's scores, results and certificates; null while no plan has been examined. */
  yearEnd: DemoYearEnd | null;
}

const STAFF = [
  { username: 'zhangwei', displayName: '张伟', role: 'coordinator', phone: '13805351234' },
  { username: 'lina', displayName: '李娜', role: 'coordinator', phone: '13905352345' },
  { username: 'wangfang', displayName: '王芳', role: 'invigilator', phone: '13705353456' },
  { username: 'liuyang', displayName: '刘洋', role: 'invigilator', phone: '13605354567' },
  { username: 'chenjing', displayName: '陈静', role: 'invigilator', phone: '13505355678' },
] as const;

/**
 * A realistic workspace to look around in: a vocational college, its principal and staff.
 * Each capability adds its own step here (catalog, candidates, rooms, …), through the same
 * services a person would use.
 */
export async function createDemoWorkspace(app: AppCore, options: { password?: string | undefined; say?: (m: string) => void; platform?: DemoPlatform }): Promise<DemoReport> {
  if (readInstitution(app.store)) throw new AppError('STATE', `数据目录 ${app.dataDir} 中已有院校数据；演示工作区需要一个空的数据目录。`);
  const password = options.password || DEFAULT_DEMO_PASSWORD;
  const say = options.say ?? (() => {});

  say('创建院校和负责人账号…');
  await invokeAs(app, CLI_ACTOR, 'setup.create', {
    institution: {
      code: '4137014320',
      name: '烟台职业学院',
      region: { province: '山东省', city: '烟台市', district: '莱山区' },
      address: '烟台市莱山区滨海中路2018号',
      contactName: '孙老师',
      contactPhone: '0535-6927000',
      contactEmail: 'jwc@ytvc.edu.cn',
    },
    principal: { username: 'admin', displayName: '赵校长', password },
  });
  say('创建业务管理员和监考老师账号…');
  for (const s of STAFF) await invokeAs(app, CLI_ACTOR, 'users.create', { ...s, password });

  let catalog: DemoReport['catalog'] = null;
  if (options.platform) {
    say('导入平台的证书目录和考试计划…');
    await invokeAs(app, CLI_ACTOR, 'settings.update', { platformPublicKeys: [options.platform.publicKeyPem] });
    const path = await options.platform.issueCatalog('4137014320');
    const result = await applyPackageFile(app, CLI_ACTOR, path);
    catalog = { plans: result.counts['exam-plans']?.new ?? 0, subjects: result.counts['exam-subjects']?.new ?? 0 };
  }

  const declarations = options.platform ? await addDemoDeclarations(app, options.platform.answer, say) : null;
  const candidates = options.platform ? await addDemoCandidates(app, options.platform.answer, say) : null;
  const sites = options.platform ? await addDemoSites(app, options.platform.answer, say) : null;
  const enrollments = options.platform ? await addDemoEnrollments(app, say) : null;
  // After the enrollment step: it orders whatever enrollments are unpaid then.
  const payments = options.platform ? await addDemoPayments(app, options.platform.answer, say) : null;
  // After enrollments and payments: the platform schedules what is enrolled.
  const schedule = options.platform ? await addDemoSchedule(app, options.platform.issueSchedule, say) : null;
  // After the examined plan's attendance: the organisation answers it with scores, results and the issuance list.
  const examined = schedule?.attendance?.plan;
  const yearEnd = options.platform && examined ? await addDemoYearEnd(app, examined, { username: 'admin', password }, options.platform.answer, say) : null;

  const inst = readInstitution(app.store)!;
  return {
    catalog,
    candidates,
    declarations,
    sites,
    enrollments,
    payments,
    schedule,
    yearEnd,
    dataDir: app.dataDir,
    institution: { code: inst.code, name: inst.name },
    password,
    accounts: [{ username: 'admin', displayName: '赵校长', role: 'principal' }, ...STAFF.map(({ username, displayName, role }) => ({ username, displayName, role }))],
  };
}
