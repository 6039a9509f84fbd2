import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_ACTOR } from '../../../src-shared/actor';
import type { Contract, OpName } from '../../../src-shared/api';
import type { InputOf } from '../../../src-shared/api/contract';
import type { AppCore } from '../app-core';
import { invokeAs } from '../dispatch';
import { exportJob } from '../packages/export-job';
import { applyPackageFile } from '../packages/import-service';

export interface DemoSites {
  approved: number;
  rejected: number;
  borrowed: number;
  rooms: number;
}

/** A one-page PDF, as a school scans its site's floor plan into. */
function floorPlanPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj ${o} endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return Buffer.from(`${body}trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1');
}

const REGION = { province: '山东省', city: '烟台市', district: '莱山区' };
const CONTACT = { contactName: '孙老师', contactPhone: '13805351234', contactEmail: 'jwc@ytvc.edu.cn' };

/**
 * Three exam sites, one for each answer the simulated organisations give (answer-sites.ts): 物流管理
 * approved, Python rejected for its thin 考点简介, 汽车运用与维修 sent to another school (借考); then
 * the rooms of the earlier 物流管理 plan, carried over (考场沿用) to the next, whose capacity
 * check shows a shortfall and a 笔试 room no subject needs.
 */
export async function addDemoSites(app: AppCore, answer: (outbound: string) => Promise<string>, say: (m: string) => void): Promise<DemoSites> {
  const call = <K extends OpName>(name: K, input: InputOf<Contract[K]>) => invokeAs(app, CLI_ACTOR, name, input);
  const dir = join(app.dataDir, 'tmp', 'demo-sites');
  mkdirSync(dir, { recursive: true });
  say('申报考核站点，向平台报送并取回审核结果…');
  const pdf = join(dir, '考点场地平面图.pdf');
  writeFileSync(pdf, floorPlanPdf());
  const sites = [
    await call('sites.create', {
      name: '烟台职业学院物流管理证书考核站点',
      region: REGION,
      address: '滨海中路2018号实训楼',
      orgCode: 'PJ001',
      certificates: [
        { certificateCode: 'ZS2019003', level: '初级' },
        { certificateCode: 'ZS2019003', level: '中级' },
      ],
      description: '本站点设有标准化机房 3 间、物流实训室 2 间，配备考试专用计算机 160 台、仓储沙盘 20 套和监控设备，考务人员 12 名均已参加评价组织的考务培训。',
      ...CONTACT,
      addFiles: [app.files.register(pdf, '考点场地平面图.pdf', CLI_ACTOR).fileId],
    }),
    await call('sites.create', {
      name: '烟台职业学院Python程序开发证书考核站点',
      region: REGION,
      address: '滨海中路2018号信息楼',
      orgCode: 'PJ003',
      certificates: [{ certificateCode: 'ZS2020062', level: '初级' }],
      description: '有机房，可以考试。',
      ...CONTACT,
    }),
    await call('sites.create', {
      name: '烟台职业学院汽车运用与维修证书考核站点',
      region: REGION,
      address: '滨海中路2018号汽车实训中心',
      orgCode: 'PJ002',
      certificates: [{ certificateCode: 'ZS2019005', level: '初级' }],
      description: '汽车实训中心有举升机 4 台、发动机拆装台架 6 套，考务人员 6 名；整车故障诊断设备尚在采购中。',
      ...CONTACT,
    }),
  ];
  for (const s of sites) await call('sites.submit', { id: s.id, confirm: true });
  const exported = await app.jobs.run(exportJob, { kinds: ['site-declaration'] }, { title: '生成数据包', actor: CLI_ACTOR, owner: null });
  await applyPackageFile(app, CLI_ACTOR, await answer(exported.path));
  rmSync(dir, { recursive: true, force: true });
  const { counts } = await call('sites.list', {});

  // The two most recent 物流管理 plans still running: the earlier one's rooms carried into the next.
  const plans = [];
  for (const p of await call('rooms.plans', {})) if (p.phase !== '已结束' && (await call('rooms.list', { planCode: p.code })).sites.length) plans.push(p);
  const [next, earlier] = plans;
  let rooms = 0;
  if (next) {
    say('设置考场，沿用到下一次考试，并做考位检查…');
    const site = (await call('rooms.list', { planCode: next.code })).sites[0]!;
    const target = earlier ?? next;
    const room = { planCode: target.code, siteId: site.id, region: REGION, address: '滨海中路2018号实训楼', certificates: [] };
    await call('rooms.create', { ...room, name: '13号机房', type: '机考', seats: 60 });
    await call('rooms.create', { ...room, name: '14号机房', type: '机考', seats: 50 });
    await call('rooms.create', { ...room, name: '物流实训室', type: '实操', seats: 40 });
    await call('rooms.create', { ...room, name: '107室', type: '笔试', seats: 45 });
    if (earlier) await call('rooms.copy', { from: earlier.code, to: next.code });
    const subject = (await call('capacity.get', { planCode: next.code })).subjects.find((s) => s.method === '机考');
    if (subject) await call('capacity.setExpected', { planCode: next.code, subjectCode: subject.code, expected: 110 * subject.sessions + 37 });
    rooms = (await call('rooms.list', { planCode: next.code })).rooms.length;
  }
  return { approved: counts.approved, rejected: counts.rejected, borrowed: counts.borrowed, rooms };
}
