import type { QuotaReport } from '../../../src-shared/api/declarations';
import type { StepState, YearBoard, YearStep } from '../../../src-shared/api/yearboard';
import type { ExamPlan } from '../../../src-shared/domain/catalog';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';
import { candidateSummary } from '../candidates/candidates-service';
import { quotaReport } from '../declarations/declarations-service';

const count = (store: Store, sql: string, ...params: unknown[]) => (store.db.prepare(sql).get(...params) as { n: number }).n;

interface PlanWindows {
  code: string;
  name: string;
  windows: ExamPlan['windows'];
}

/** This year's exam plans (their registration opens in it), soonest first. */
function plansOf(store: Store, year: number): PlanWindows[] {
  return store
    .all(store.q.selectFrom('exam_plans').select(['code', 'name', 'windows_json', 'registration_start']).orderBy('registration_start'))
    .filter((p) => p.registration_start.startsWith(String(year)))
    .map((p) => ({ code: p.code, name: p.name, windows: JSON.parse(p.windows_json) as ExamPlan['windows'] }));
}

function declarationStep(store: Store, year: number, today: string, pilot: boolean): YearStep {
  const byStatus = store.db.prepare('SELECT status, count(*) AS n FROM declarations WHERE year = ? GROUP BY status').all(year) as { status: string; n: number }[];
  const n = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
  const pending = n('submitted') + n('city_approved');
  const open = store.db.prepare('SELECT batch, window_end FROM declaration_plans WHERE window_start <= ? AND ? <= window_end ORDER BY window_end').get(today, today) as
    { batch: string; window_end: string } | undefined;
  const parts = [
    n('approved') && `审核通过 ${n('approved')}`,
    pending && `待审核 ${pending}`,
    n('draft') && `待提交 ${n('draft')}`,
    n('rejected') && `审核不通过 ${n('rejected')}`,
  ].filter(Boolean);
  const state: StepState = pilot ? 'done' : pending ? 'waiting' : open ? 'todo' : byStatus.length ? 'overdue' : 'idle';
  const hint = pilot
    ? '本年度已是试点院校'
    : pending
      ? '等待主管教育行政部门审核：导出“证书试点申报”数据包报送，再导入审核结果'
      : open
        ? `“${open.batch}”申报中，截止 ${open.window_end} 23:59`
        : byStatus.length
          ? '本年度的申报未获批准，需等待下一批次'
          : '本省尚未发布本年度的申报计划';
  return { key: 'declaration', title: '证书申报', state, summary: parts.join('，') || '尚未申报', hint, link: '/declarations' };
}

function siteStep(store: Store): YearStep {
  const rows = store.db.prepare('SELECT status, count(*) AS n FROM exam_sites GROUP BY status').all() as { status: string; n: number }[];
  const n = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  const state: StepState = n('approved') + n('borrowed') ? 'done' : n('submitted') ? 'waiting' : 'todo';
  const summary = [
    n('approved') && `审核通过 ${n('approved')}`,
    n('borrowed') && `借考 ${n('borrowed')}`,
    n('submitted') && `待审核 ${n('submitted')}`,
    n('draft') && `待提交 ${n('draft')}`,
    n('rejected') && `审核不通过 ${n('rejected')}`,
  ]
    .filter(Boolean)
    .join('，');
  const hint = state === 'done' ? null : n('submitted') ? '等待培训评价组织审核考点' : '向培训评价组织申报考核站点';
  return { key: 'site', title: '考点申报', state, summary: summary || '尚未申报', hint, link: '/sites' };
}

function roomsStep(store: Store, plans: PlanWindows[], today: string): YearStep {
  const upcoming = plans.filter((p) => today <= p.windows.exam.end);
  const withRooms = upcoming.filter((p) => count(store, 'SELECT count(*) AS n FROM exam_rooms WHERE plan_code = ?', p.code) > 0);
  const missing = upcoming.filter((p) => !withRooms.includes(p));
  const state: StepState = !upcoming.length ? 'idle' : missing.length === 0 ? 'done' : missing.some((p) => p.windows.registration.end < today) ? 'overdue' : 'todo';
  return {
    key: 'rooms',
    title: '考场设置',
    state,
    summary: upcoming.length ? `${withRooms.length} / ${upcoming.length} 个考试计划已设置考场` : '本年度暂无待考的考试计划',
    hint: missing.length ? `为“${missing[0]!.name}”设置考场` : null,
    link: '/rooms',
  };
}

function candidatesStep(store: Store): YearStep {
  const s = candidateSummary(store);
  const total = s.school.total + s.social.total;
  const incomplete = s.school.incomplete + s.social.incomplete;
  return {
    key: 'candidates',
    title: '考生管理',
    state: total === 0 ? 'todo' : incomplete ? 'active' : 'done',
    summary: total ? `考生 ${total} 人，信息不完整 ${incomplete} 人` : '尚未导入考生',
    hint: total === 0 ? '导入考生名单和照片' : incomplete ? '补齐照片和实名认证后才能报考' : null,
    link: incomplete || !total ? '/candidates/completeness' : '/candidates',
  };
}

/**
 * 报考: this year's plans that examine a certificate the institution is approved for, and what is
 * enrolled in them — people (once each), subjects, and the quota left. A plan of such a
 * certificate whose registration closed with nobody enrolled is overdue.
 */
function enrollmentStep(store: Store, plans: PlanWindows[], today: string, quota: QuotaReport): YearStep {
  const approved = new Set(quota.rows.map((r) => `${r.certificateCode}/${r.level}`));
  const certs = store.prepare('SELECT certificate_code AS c, level AS l FROM exam_plan_certificates WHERE plan_code = ?');
  const relevant = plans.filter((p) => (certs.all(p.code) as { c: string; l: string }[]).some((r) => approved.has(`${r.c}/${r.l}`)));
  const codes = relevant.map((p) => p.code);
  const inPlans = `plan_code IN (${codes.map(() => '?').join(',') || "''"})`;
  const { people, subjects } = store.prepare(`SELECT count(DISTINCT candidate_id) AS people, count(*) AS subjects FROM enrollments WHERE ${inPlans}`).get(...codes) as {
    people: number;
    subjects: number;
  };
  const enrolledIn = new Set((store.prepare(`SELECT DISTINCT plan_code AS p FROM enrollments WHERE ${inPlans}`).all(...codes) as { p: string }[]).map((r) => r.p));
  const open = relevant.find((p) => p.windows.registration.start <= today && today <= p.windows.registration.end);
  const missed = relevant.find((p) => p.windows.registration.end < today && !enrolledIn.has(p.code));
  const left = quota.rows.reduce((n, r) => n + r.left, 0);
  const state: StepState = open ? 'active' : missed ? 'overdue' : people ? 'done' : 'idle';
  const hint = open
    ? `“${open.name}”报名中，截止 ${open.windows.registration.end}；本年度指标剩余 ${left} 人`
    : missed
      ? `“${missed.name}”的报名已于 ${missed.windows.registration.end} 结束，没有报考`
      : !quota.pilot
        ? '证书试点申报审核通过后才能报考'
        : null;
  return {
    key: 'enrollment',
    title: '报考',
    state,
    summary: people ? `已报考 ${people} 人，共 ${subjects} 个科目` : '尚未报考',
    hint,
    link: '/enrollments',
  };
}

/**
 * 缴费: what this year's enrollments owe — paid, in an order awaiting the organisation's confirmation,
 * in an order not yet sent, or in none — with the orders by status.
 */
function paymentStep(store: Store, plans: PlanWindows[]): YearStep {
  const codes = plans.map((p) => p.code);
  const inPlans = `e.plan_code IN (${codes.map(() => '?').join(',') || "''"})`;
  const e = store.db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(e.paid), 0) AS paid,
        coalesce(sum(o.status = 'sent' AND NOT e.paid), 0) AS sent, coalesce(sum(o.status = 'pending'), 0) AS pending
       FROM enrollments e LEFT JOIN payment_order_enrollments pe ON pe.enrollment_id = e.id
       LEFT JOIN payment_order_lines l ON l.id = pe.line_id LEFT JOIN payment_orders o ON o.id = l.order_id WHERE ${inPlans}`,
    )
    .get(...codes) as { total: number; paid: number; sent: number; pending: number };
  const unordered = e.total - e.paid - e.sent - e.pending;
  const state: StepState = !e.total ? 'idle' : e.paid === e.total ? 'done' : unordered || e.pending ? 'todo' : 'waiting';
  const summary = e.total
    ? [`已缴费 ${e.paid} / ${e.total} 个报考科目`, e.sent && `待确认 ${e.sent}`, e.pending && `缴费单未报送 ${e.pending}`, unordered && `未生成缴费单 ${unordered}`]
        .filter(Boolean)
        .join('，')
    : '尚无报考';
  const hint = !e.total
    ? null
    : unordered
      ? '为未缴费的报考生成缴费申请单'
      : e.pending
        ? '导出“缴费申请单”数据包报送培训评价组织'
        : e.sent
          ? '等待培训评价组织确认缴费，再导入确认结果'
          : null;
  return { key: 'payment', title: '缴费', state, summary, hint, link: e.total ? '/payments' : null };
}

/** A later step: what its plan window says, until its workflow fills it in. */
function windowStep(key: YearStep['key'], title: string, plans: PlanWindows[], today: string, window: keyof ExamPlan['windows']): YearStep {
  const open = plans.find((p) => p.windows[window].start <= today && today <= p.windows[window].end);
  const next = plans.find((p) => today < p.windows[window].start);
  return {
    key,
    title,
    state: 'idle',
    summary: '尚未开始',
    hint: open ? `“${open.name}”进行中（${open.windows[window].start} ~ ${open.windows[window].end}）` : next ? `下一次：${next.windows[window].start}` : null,
    link: null,
  };
}

/** The manual's year as steps, each with its state, counts and the next action. */
export function yearBoard(call: CallContext): YearBoard {
  const { store } = call.app;
  const today = institutionDate(call.app.now());
  const year = Number(today.slice(0, 4));
  const quota = quotaReport(store, year);
  const pilot = quota.pilot;
  const plans = plansOf(store, year);
  return {
    year,
    pilot,
    steps: [
      declarationStep(store, year, today, pilot),
      siteStep(store),
      roomsStep(store, plans, today),
      candidatesStep(store),
      enrollmentStep(store, plans, today, quota),
      paymentStep(store, plans),
      windowStep('schedule', '排考', plans, today, 'ticketPrint'),
      windowStep('exam', '考试', plans, today, 'exam'),
      windowStep('scores', '成绩', plans, today, 'scoreEntry'),
      windowStep('issuance', '发证', plans, today, 'publicity'),
    ],
  };
}
