import type { InvigilatorsPayload } from '../../../src-shared/domain/schedule-kinds';
import { AppError } from '../../../src-shared/errors';
import type { OutboundModules, OutboundPart } from '../packages/kind-module';
import { roomRows } from './schedule-views';

const person = (p: { name: string; phone: string }) => ({ name: p.name, phone: p.phone });
const people = (list: { name: string }[]) => list.map((p) => p.name).join('、');

/**
 * 监考安排 for the platform: per plan it scheduled, each room's invigilators and each site's patrol
 * staff, sitting by sitting. A draft's duties stay at the site: the platform knows only its own
 * schedule's rooms and sessions.
 */
export const invigilatorsOutbound: OutboundModules<'invigilators'> = {
  invigilators: {
    build(store): OutboundPart<'invigilators'> {
      const plans = store
        .prepare("SELECT p.plan_code, e.name FROM schedule_plans p JOIN exam_plans e ON e.code = p.plan_code WHERE p.source = 'platform' ORDER BY p.plan_code")
        .all() as { plan_code: string; name: string }[];
      const payload: InvigilatorsPayload = { plans: [] };
      for (const plan of plans) {
        const rows = roomRows(store, plan.plan_code, { all: true });
        const rooms = rows
          .filter((r) => r.invigilators.length)
          .map((r) => ({
            date: r.date,
            start: r.start,
            end: r.end,
            subjectCode: r.subjectCode,
            subjectName: r.subjectName,
            siteId: r.siteId,
            siteName: r.siteName,
            roomName: r.roomName,
            invigilators: r.invigilators.map(person),
          }));
        const patrols = [...new Map(rows.filter((r) => r.patrol.length).map((r) => [`${r.sessionId}/${r.siteId}`, r])).values()].map((r) => ({
          date: r.date,
          start: r.start,
          end: r.end,
          subjectCode: r.subjectCode,
          subjectName: r.subjectName,
          siteId: r.siteId,
          siteName: r.siteName,
          staff: r.patrol.map(person),
        }));
        if (rooms.length || patrols.length) payload.plans.push({ planCode: plan.plan_code, planName: plan.name, rooms, patrols });
      }
      if (!payload.plans.length) throw new AppError('STATE', '还没有可报送的监考安排：请先导入平台的排考，并在“考场编排”中安排监考和巡考。');
      const when = (x: { date: string; start: string; end: string }) => `${x.date} ${x.start}–${x.end}`;
      return {
        payload,
        count: payload.plans.reduce((n, p) => n + p.rooms.length + p.patrols.length, 0),
        sheet: {
          title: '监考安排',
          columns: ['考试计划', '考试时间', '考试科目', '考核站点', '考场名称', '监考老师', '巡考老师'],
          rows: payload.plans.flatMap((p) => [
            ...p.rooms.map((r) => [`${p.planName}（${p.planCode}）`, when(r), r.subjectName, r.siteName, r.roomName, people(r.invigilators), '']),
            ...p.patrols.map((r) => [`${p.planName}（${p.planCode}）`, when(r), r.subjectName, r.siteName, '（巡考）', '', people(r.staff)]),
          ]),
        },
      };
    },
  },
};
