import { CLI_ACTOR } from '../../../src-shared/actor';
import type { DeclarationPlanRow } from '../../../src-shared/api/declarations';
import { MAJOR_LEVELS } from '../../../src-shared/domain/catalog';
import type { AppCore } from '../app-core';
import { invokeAs } from '../dispatch';
import { exportJob } from '../packages/export-job';
import { applyPackageFile } from '../packages/import-service';
import { DEMO_MAJORS } from './fake-people';

export interface DemoDeclarations {
  approved: number;
  rejected: number;
  drafts: number;
}

const TEACHERS = [
  { name: '孙建国', title: '副教授', certificates: '物流管理职业技能等级证书（中级）考评员' },
  { name: '李晓梅', title: '讲师', certificates: '物流管理职业技能等级证书（高级）' },
];
const FACILITIES = [{ name: '现代物流实训中心', seats: 60, equipment: '智能仓储沙盘 20 套，WMS 实训软件 60 点' }];

/**
 * 完善院校基础信息 and the year's declarations, as a coordinator would: the profile and majors,
 * two declarations submitted and reviewed by the simulated province (one approved, one rejected
 * with its reason), and one left as a draft.
 */
export async function addDemoDeclarations(app: AppCore, answer: (outbound: string) => Promise<string>, say: (m: string) => void): Promise<DemoDeclarations | null> {
  const as = <K extends Parameters<typeof invokeAs>[2]>(name: K, input: Parameters<typeof invokeAs<K>>[3]) => invokeAs(app, CLI_ACTOR, name, input);
  say('完善院校基础信息和开设专业…');
  const inst = await as('institution.get', {});
  await as('institution.update', {
    name: inst.name,
    region: { province: inst.province, city: inst.city, district: inst.district },
    address: inst.address ?? '滨海中路2018号',
    contactName: inst.contactName ?? '孙老师',
    contactPhone: '13805356927',
    contactEmail: inst.contactEmail ?? 'jwc@ytvc.edu.cn',
    schoolType: '高等职业学校（专科）',
  });
  const catalog = await as('catalog.majors', {});
  const majors = DEMO_MAJORS.flatMap((m) => catalog.filter((c) => c.name === m.name && c.level === m.level));
  for (const m of majors) {
    const level = MAJOR_LEVELS.find((l) => l === m.level);
    if (level) await as('majors.save', { code: m.code, name: m.name, level });
  }
  const code = (name: string) => majors.find((m) => m.name === name)!.code;

  const plan = (await as('declarations.plans', {})).find((p: DeclarationPlanRow) => p.open);
  if (!plan) return null;
  say(`证书试点申报（${plan.batch}）…`);
  const base = { planCode: plan.code, teachers: TEACHERS, facilities: FACILITIES, notes: '' };
  const logistics = await as('declarations.create', { ...base, certificateCode: 'ZS2019003', level: '初级', majors: [code('物流管理')], proposedCount: 200 });
  const python = await as('declarations.create', { ...base, certificateCode: 'ZS2020062', level: '初级', majors: [code('计算机应用技术'), code('软件技术')], proposedCount: 120 });
  await as('declarations.create', { ...base, certificateCode: 'ZS2019005', level: '初级', majors: [code('汽车检测与维修技术')], proposedCount: 60 });
  for (const d of [logistics, python]) await as('declarations.submit', { id: d.id, confirm: true });
  const exported = await app.jobs.run(exportJob, { kinds: ['declarations'] }, { title: '生成数据包', actor: CLI_ACTOR, owner: null });
  await applyPackageFile(app, CLI_ACTOR, await answer(exported.path));
  const { counts } = await as('declarations.list', { tab: 'all' });
  return { approved: counts.approved, rejected: counts.rejected, drafts: counts.draft };
}
