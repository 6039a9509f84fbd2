import type { StepState, YearBoard, YearStep } from '../../../src-shared/api/yearboard';
import type { ExamPlan } from '../../../src-shared/domain/catalog';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';
import { candidateSummary } from '../candidates/candidates-service';
import { yearQuota, type YearQuota } from '../declarations/declarations-service';
import { examStep, scheduleStep } from './exam-steps';
import { issuanceStep } from './issuance-step';
import { windowStep, type PlanWindows } from './window-step';

const count = (store: Store, sql: string, ...params: unknown[]) => (store.db.prepare(sql).get(...params) as { n: number }).n;

function allPlans(store: Store): PlanWindows[] {
  return store
    .all(store.q.selectFrom('exam_plans').select(['code', 'name', 'windows_json', 'registration_start']).orderBy('registration_start'))
    .map((p) => ({ code: p.code, name: p.name, windows: JSON.parse(p.windows_json) as ExamPlan['windows'] }));
}

/** This year's exam plans (their registration opens in it), soonest first. */
const plansOf = (all: PlanWindows[], year: number) => all.filter((p) => p.windows.registration.start.startsWith(String(year)));

/** …and for 发证, last December's too: their certificates are issued this year, once 公示 ends. */
const issuingPlans = (all: PlanWindows[], year: number) => all.filter((p) => [p.windows.registration.start, p.windows.publicity.end].some((d) => d.startsWith(String(year))));

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

/** This year's plans that examine a certificate the institution is approved for: the ones it takes part in. */
function ownPlans(store: Store, plans: PlanWindows[], quota: YearQuota): PlanWindows[] {
  const approved = new Set(quota.rows.map((r) => `${r.certificateCode}/${r.level}`));
  const certs = store.prepare('SELECT certificate_code AS c, level AS l FROM exam_plan_certificates WHERE plan_code = ?');
  return plans.filter((p) => (certs.all(p.code) as { c: string; l: string }[]).some((r) => approved.has(`${r.c}/${r.l}`)));
}

/**
 * 考场设置: the plans the institution takes part in that are still to be examined, or were with
 * rooms set — a plan of a certificate it never declared asks for none, and one examined stays done.
 */
function roomsStep(store: Store, own: PlanWindows[], today: string, pilot: boolean): YearStep {
  const hasRooms = (p: PlanWindows) => count(store, 'SELECT count(*) AS n FROM exam_rooms WHERE plan_code = ?', p.code) > 0;
  const counted = own.filter((p) => today <= p.windows.exam.end || hasRooms(p));
  const missing = counted.filter((p) => !hasRooms(p));
  const state: StepState = !counted.length ? 'idle' : missing.length === 0 ? 'done' : missing.some((p) => p.windows.registration.end < today) ? 'overdue' : 'todo';
  return {
    key: 'rooms',
    title: '考场设置',
    state,
    summary: counted.length ? `${counted.length - missing.length} / ${counted.length} 个考试计划已设置考场` : '本年度暂无待考的考试计划',
    hint: missing.length ? `为“${missing[0]!.name}”设置考场` : pilot ? null : '证书试点申报审核通过后，为本校参加的考试计划设置考场',
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
function enrollmentStep(store: Store, relevant: PlanWindows[], today: string, quota: YearQuota): YearStep {
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

/**
 * 成绩: this year's plans whose exams are over with anyone enrolled — their scores received, the
 * 有异议 flags still to send, and whether 公示 has ended (the scores locked for good).
 */
function scoresStep(store: Store, plans: PlanWindows[], today: string): YearStep {
  const counts = store.prepare(
    `SELECT count(*) AS enrolled, count(s.id) AS scored, count(d.id) AS open, coalesce(sum(d.id IS NOT NULL AND d.sent_at IS NULL), 0) AS unsent
       FROM enrollments e LEFT JOIN scores s ON s.enrollment_id = e.id LEFT JOIN score_disputes d ON d.score_id = s.id AND d.closed_at IS NULL WHERE e.plan_code = ?`,
  );
  const examined = plans
    .filter((p) => p.windows.exam.end < today)
    .map((p) => ({ ...p, ...(counts.get(p.code) as { enrolled: number; scored: number; open: number; unsent: number }) }))
    .filter((p) => p.enrolled > 0);
  if (!examined.length) return { ...windowStep('scores', '成绩', plans, today, 'scoreEntry'), link: '/scores' };
  const sum = (k: 'enrolled' | 'scored' | 'open' | 'unsent') => examined.reduce((n, p) => n + p[k], 0);
  const locked = examined.filter((p) => p.windows.publicity.end < today);
  const publicity = examined.find((p) => p.windows.publicity.start <= today && today <= p.windows.publicity.end);
  const entry = examined.find((p) => p.scored > 0 && today < p.windows.publicity.start);
  const state: StepState = sum('unsent') ? 'todo' : locked.length === examined.length ? 'done' : sum('scored') === 0 ? 'waiting' : 'active';
  const summary = [`已出成绩 ${sum('scored')} / ${sum('enrolled')} 个报考科目`, sum('open') && `有异议 ${sum('open')}`, locked.length && `已锁定 ${locked.length} 个考试计划`]
    .filter(Boolean)
    .join('，');
  const hint = sum('unsent')
    ? '生成“成绩异议”数据包报送平台'
    : state === 'waiting'
      ? '报送考勤后，等待平台发布成绩，再导入“科目成绩”数据包'
      : publicity
        ? `“${publicity.name}”成绩公示中，${publicity.windows.publicity.end} 后永久锁定`
        : entry
          ? `“${entry.name}”成绩登记中，${entry.windows.publicity.start} 起公示，${entry.windows.publicity.end} 后永久锁定`
          : null;
  return { key: 'scores', title: '成绩', state, summary, hint, link: '/scores' };
}

/** The manual's year as steps, each with its state, counts and the next action. */
export function yearBoard(call: CallContext): YearBoard {
  const { store } = call.app;
  const today = institutionDate(call.app.now());
  const year = Number(today.slice(0, 4));
  const quota = yearQuota(store, year);
  const pilot = quota.pilot;
  const all = allPlans(store);
  const plans = plansOf(all, year);
  const own = ownPlans(store, plans, quota);
  return {
    year,
    pilot,
    steps: [
      declarationStep(store, year, today, pilot),
      siteStep(store),
      roomsStep(store, own, today, pilot),
      candidatesStep(store),
      enrollmentStep(store, own, today, quota),
      paymentStep(store, plans),
      scheduleStep(store, plans, today),
      examStep(store, plans, today),
      scoresStep(store, plans, today),
      issuanceStep(store, issuingPlans(all, year), today),
    ],
  };
}
