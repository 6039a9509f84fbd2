import { CANDIDATE_KIND_LABELS } from '../../../src-shared/domain/candidate';
import { CERT_LEVELS } from '../../../src-shared/domain/catalog';
import type { EnrollField } from '../../../src-shared/domain/enrollment-columns';
import { quotaOverflow, registrationRefusal, targetAllows, type EnrollMode } from '../../../src-shared/domain/enrollment';
import { checkIdNumber } from '../../../src-shared/domain/id-number';
import { excerpt } from '../../../src-shared/excerpt';
import { pairKey, type CandidateInfo, type EnrollBook, type PlanInfo, type SubjectInfo } from './enroll-book';

/**
 * The rules of 报考, request by request: no I/O here (the book holds what the store says), so a
 * sheet's check, its commit, the list's dialog and the tests judge the same way. A request is
 * one sheet row or one candidate of a selection; its issues name the field they are about.
 */
export interface RuleIssue {
  field: EnrollField;
  code: string;
  message: string;
}

/** A cell as the sheet gave it: its text, and its number when it held one (an ID number Excel turned into a number). */
export interface RequestValue {
  text: string;
  number?: number;
}

export interface EnrollRequest {
  ref: number;
  idNumber: RequestValue;
  name: string;
  plan: string;
  mode: EnrollMode;
  certificate: string;
  level: string;
  subjects: RequestValue[];
  /** Issues found before the rules (a cell that cannot be read). */
  issues?: RuleIssue[];
}

export interface SubjectGroup {
  key: string;
  cert: string;
  level: string;
  subjects: SubjectInfo[];
}

export interface EnrollJudged {
  ref: number;
  errors: RuleIssue[];
  warnings: RuleIssue[];
  candidate: CandidateInfo | null;
  plan: PlanInfo | null;
  mode: EnrollMode;
  /** The subjects this request would enroll, by certificate and level (`key`: pairKey of them). */
  groups: SubjectGroup[];
}

const levelOf = (text: string) => (CERT_LEVELS as readonly string[]).find((l) => l === text.replace(/\s/g, ''));

/** An exam plan by its code, by the drop-down's "code name", or by its exact name. */
export function resolvePlan(book: EnrollBook, text: string): PlanInfo | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const token = t.split(/\s+/)[0]!;
  return book.plans.get(t) ?? book.plans.get(token) ?? book.plansByName.get(t);
}

function resolveCertificate(book: EnrollBook, text: string) {
  const t = text.trim();
  const token = t.split(/\s+/)[0]!;
  return book.certificates.get(t) ?? book.certificates.get(token) ?? book.certificatesByName.get(t);
}

/**
 * A subject by code (or "code name"), or by name within the plan. A code Excel turned into a
 * number (098694 → 98694) is found again when exactly one of the plan's subjects has that value.
 */
function resolveSubject(book: EnrollBook, value: RequestValue, plan: PlanInfo | null): { subject?: SubjectInfo; warning?: string } {
  const t = value.text.trim();
  const token = t.split(/\s+/)[0]!;
  const direct = book.subjects.get(t) ?? book.subjects.get(token);
  if (direct) return { subject: direct };
  const inPlan = plan
    ? [...plan.certificates.values()]
        .flat()
        .map((c) => book.subjects.get(c)!)
        .filter(Boolean)
    : [];
  if (value.number !== undefined) {
    const same = inPlan.filter((s) => /^\d+$/.test(s.code) && Number(s.code) === value.number);
    if (same.length === 1)
      return { subject: same[0], warning: `科目编号被 Excel 当成了数字（${value.number}），前面的 0 已丢失，已按 ${same[0]!.code} 处理；请把该列设为“文本”格式` };
  }
  const named = inPlan.filter((s) => s.name === t);
  return named.length === 1 ? { subject: named[0] } : {};
}

function resolveCandidate(book: EnrollBook, r: { idNumber: RequestValue; name: string }, today: string, errors: RuleIssue[]): CandidateInfo | null {
  const issue = (field: EnrollField, code: string, message: string) => errors.push({ field, code, message });
  if (!r.idNumber.text) {
    issue('idNumber', 'REQUIRED', '身份证号不能为空');
    return null;
  }
  // Today given: checking a number asks the clock otherwise, a time-zone conversion per row.
  const id = checkIdNumber(r.idNumber.number ?? r.idNumber.text, today);
  if (!id.ok) {
    issue('idNumber', id.problem.code, id.problem.message);
    return null;
  }
  const c = book.candidate(id.value);
  if (!c) {
    issue('idNumber', 'NO_CANDIDATE', `没有身份证号为 ${id.value} 的考生，请先在“考生名单”中导入该考生`);
    return null;
  }
  const name = r.name.replace(/[\s\u3000]/g, '');
  if (name && name !== c.name) {
    issue('name', 'NAME_MISMATCH', `姓名“${excerpt(name, 30)}”与身份证号对应的考生“${c.name}”不一致，请核对身份证号`);
    return null;
  }
  return c;
}

function resolvePlanField(book: EnrollBook, text: string, errors: RuleIssue[]): PlanInfo | null {
  if (!text.trim()) {
    errors.push({ field: 'plan', code: 'REQUIRED', message: '考试计划不能为空' });
    return null;
  }
  const plan = resolvePlan(book, text);
  if (!plan) errors.push({ field: 'plan', code: 'PLAN_UNKNOWN', message: `没有“${excerpt(text.trim(), 40)}”这个考试计划（请先导入平台的考试计划）` });
  return plan ?? null;
}

/** The certificate and level a request names, as one of the plan's: its subjects, or why not. */
function planCertificate(
  book: EnrollBook,
  plan: PlanInfo | null,
  certText: string,
  levelText: string,
  errors: RuleIssue[],
): { cert: string; level: string; subjects: string[] } | null {
  if (!certText.trim()) {
    errors.push({ field: 'certificate', code: 'REQUIRED', message: '证书不能为空' });
    return null;
  }
  const cert = resolveCertificate(book, certText);
  if (!cert) {
    errors.push({ field: 'certificate', code: 'CERT_UNKNOWN', message: `证书目录中没有“${excerpt(certText.trim(), 40)}”` });
    return null;
  }
  const level = levelOf(levelText);
  if (!level) {
    errors.push({
      field: 'level',
      code: levelText.trim() ? 'LEVEL_UNKNOWN' : 'REQUIRED',
      message: levelText.trim() ? `证书等级“${excerpt(levelText.trim())}”应为初级、中级或高级` : '证书等级不能为空',
    });
    return null;
  }
  if (!plan) return null;
  const subjects = plan.certificates.get(pairKey(cert.code, level));
  if (!subjects) {
    errors.push({ field: 'certificate', code: 'CERT_NOT_IN_PLAN', message: `考试计划“${excerpt(plan.name, 40)}”不考核“${cert.name}”${level}` });
    return null;
  }
  return { cert: cert.code, level, subjects };
}

/** The subjects a request names, each one of the plan's. */
function planSubjects(book: EnrollBook, plan: PlanInfo | null, values: RequestValue[], errors: RuleIssue[], warnings: RuleIssue[]): SubjectInfo[] {
  const found: SubjectInfo[] = [];
  if (!values.some((v) => v.text.trim())) {
    errors.push({ field: 'subject', code: 'REQUIRED', message: '考试科目不能为空' });
    return found;
  }
  for (const v of values) {
    if (!v.text.trim()) continue;
    const { subject, warning } = resolveSubject(book, v, plan);
    if (!subject) {
      errors.push({ field: 'subject', code: 'SUBJECT_UNKNOWN', message: `没有“${excerpt(v.text.trim(), 40)}”这个考试科目` });
      continue;
    }
    if (warning) warnings.push({ field: 'subject', code: 'SUBJECT_AS_NUMBER', message: warning });
    if (plan && !plan.certificates.get(pairKey(subject.certificateCode, subject.level))?.includes(subject.code)) {
      errors.push({ field: 'subject', code: 'SUBJECT_NOT_IN_PLAN', message: `科目“${subject.name}”（${subject.code}）不在考试计划“${excerpt(plan.name, 40)}”中` });
      continue;
    }
    if (subject.status === '已停用') {
      errors.push({ field: 'subject', code: 'SUBJECT_DISABLED', message: `科目“${subject.name}”（${subject.code}）已停用` });
      continue;
    }
    if (!found.includes(subject)) found.push(subject);
  }
  return found;
}

/**
 * One request by every rule but the quota (which needs the whole batch): the candidate (known,
 * complete), the plan (known, its registration open today), the certificate and subjects (in
 * the plan, 参考对象 matching, approved for the year), not enrolled already.
 */
export function judgeEnroll(book: EnrollBook, r: EnrollRequest, today: string): EnrollJudged {
  const errors: RuleIssue[] = [...(r.issues ?? [])];
  const warnings: RuleIssue[] = [];
  const out: EnrollJudged = { ref: r.ref, errors, warnings, candidate: null, plan: null, mode: r.mode, groups: [] };
  const candidate = resolveCandidate(book, r, today, errors);
  if (candidate && !candidate.complete)
    errors.push({ field: 'idNumber', code: 'INCOMPLETE', message: `考生“${candidate.name}”的信息不完整（${book.missingOf(candidate).join('、')}），补齐后才能报考` });
  const plan = resolvePlanField(book, r.plan, errors);
  const closed = plan ? registrationRefusal(plan, today) : null;
  if (closed) errors.push({ field: 'plan', code: 'WINDOW_CLOSED', message: `${closed}，不能报考` });

  let subjects: SubjectInfo[] = [];
  if (r.mode === 'certificate') {
    const pc = planCertificate(book, plan, r.certificate, r.level, errors);
    if (pc) subjects = book.activeSubjects(plan!, pc.cert, pc.level);
  } else subjects = planSubjects(book, plan, r.subjects, errors, warnings);

  if (candidate) {
    for (const s of subjects)
      if (!targetAllows(s.target, candidate.kind))
        errors.push({
          field: r.mode === 'certificate' ? 'certificate' : 'subject',
          code: 'TARGET_MISMATCH',
          message: `科目“${s.name}”（${s.code}）的参考对象为${s.target}，该考生是${CANDIDATE_KIND_LABELS[candidate.kind]}${r.mode === 'certificate' ? '；这个证书的科目按考生类别区分，请按科目报考' : ''}`,
        });
  }
  // Most requests name one certificate: a short list, not a map per request.
  const groups: SubjectGroup[] = [];
  for (const s of subjects) {
    let g = groups.find((x) => x.cert === s.certificateCode && x.level === s.level);
    if (!g) groups.push((g = { key: pairKey(s.certificateCode, s.level), cert: s.certificateCode, level: s.level, subjects: [] }));
    g.subjects.push(s);
  }
  if (plan)
    for (const g of groups)
      if (book.approvedCount(plan.year, g.cert, g.level) === null) {
        const name = book.certificates.get(g.cert)?.name ?? g.cert;
        errors.push({
          field: r.mode === 'certificate' ? 'certificate' : 'subject',
          code: 'NOT_APPROVED',
          message: `本院校 ${plan.year} 年度没有审核通过的“${name}”${g.level}证书试点申报，不能报考（报考指标来自审核通过的申报）`,
        });
      }

  if (candidate && plan && !errors.length) {
    const enrolled = book.enrolledIn(plan.code).get(candidate.id);
    for (const g of enrolled ? groups : []) {
      const already = g.subjects.filter((s) => enrolled!.has(s.code));
      if (!already.length) continue;
      const names = already.map((s) => `“${s.name}”（${s.code}）`).join('、');
      if (already.length === g.subjects.length)
        errors.push({ field: r.mode === 'certificate' ? 'certificate' : 'subject', code: 'ALREADY_ENROLLED', message: `该考生已报考过本计划的科目${names}` });
      else {
        warnings.push({
          field: 'certificate',
          code: 'PARTLY_ENROLLED',
          message: `该考生已报考过本计划的科目${names}，本次只报考其余 ${g.subjects.length - already.length} 个科目`,
        });
        g.subjects = g.subjects.filter((s) => !already.includes(s));
      }
    }
  }
  out.candidate = candidate;
  out.plan = plan;
  out.groups = errors.length ? [] : groups;
  return out;
}

/**
 * The batch rules: the same candidate, plan and subject twice (the second is refused, naming
 * the first), then each certificate and level's quota for the year, counting what is already
 * enrolled: over it, every request of that certificate and level is refused, with the numbers.
 */
export function judgeBatch(book: EnrollBook, judged: EnrollJudged[], describe: (ref: number) => string): void {
  // Keyed by the plan's and subject's own objects: no key is spelled out per row.
  const seen = new Map<PlanInfo, Map<SubjectInfo, Map<number, number>>>();
  for (const j of judged) {
    if (j.errors.length || !j.candidate || !j.plan) continue;
    let bySubject = seen.get(j.plan);
    if (!bySubject) seen.set(j.plan, (bySubject = new Map()));
    for (const g of j.groups)
      for (const s of g.subjects) {
        let byCandidate = bySubject.get(s);
        if (!byCandidate) bySubject.set(s, (byCandidate = new Map()));
        const first = byCandidate.get(j.candidate.id);
        if (first === undefined) byCandidate.set(j.candidate.id, j.ref);
        else if (first !== j.ref)
          j.errors.push({
            field: j.mode === 'certificate' ? 'certificate' : 'subject',
            code: 'DUPLICATE_IN_FILE',
            message: `与${describe(first)}重复（同一考生、同一考试计划、同一科目“${s.name}”）`,
          });
      }
    if (j.errors.length) j.groups = [];
  }

  interface Adding {
    year: number;
    cert: string;
    level: string;
    /** The candidates this batch adds to the quota, per plan (one count per candidate and plan). */
    pairs: Map<PlanInfo, Set<number>>;
    requests: EnrollJudged[];
  }
  const adding = new Map<number, Map<string, Adding>>();
  for (const j of judged) {
    if (j.errors.length || !j.candidate || !j.plan) continue;
    let byPair = adding.get(j.plan.year);
    if (!byPair) adding.set(j.plan.year, (byPair = new Map()));
    for (const g of j.groups) {
      let entry = byPair.get(g.key);
      if (!entry) byPair.set(g.key, (entry = { year: j.plan.year, cert: g.cert, level: g.level, pairs: new Map(), requests: [] }));
      entry.requests.push(j);
      if (book.counted(j.plan.code, j.candidate.id, g.cert, g.level)) continue;
      let people = entry.pairs.get(j.plan);
      if (!people) entry.pairs.set(j.plan, (people = new Set()));
      people.add(j.candidate.id);
    }
  }
  for (const a of [...adding.values()].flatMap((m) => [...m.values()])) {
    const message = quotaOverflow({
      certificate: book.certificates.get(a.cert)?.shortName ?? a.cert,
      level: a.level,
      approved: book.approvedCount(a.year, a.cert, a.level) ?? 0,
      used: book.usedCount(a.year, a.cert, a.level),
      adding: [...a.pairs.values()].reduce((n, set) => n + set.size, 0),
    });
    if (!message) continue;
    for (const j of a.requests) {
      j.errors.push({ field: j.mode === 'certificate' ? 'certificate' : 'subject', code: 'QUOTA_EXCEEDED', message });
      j.groups = [];
    }
  }
}

export interface DeleteRequest {
  ref: number;
  idNumber: RequestValue;
  name: string;
  plan: string;
  certificate: string;
  level: string;
  subject: RequestValue;
  issues?: RuleIssue[];
}

export interface DeleteJudged {
  ref: number;
  errors: RuleIssue[];
  warnings: RuleIssue[];
  candidate: CandidateInfo | null;
  plan: PlanInfo | null;
  /** The enrolled subjects this request removes. */
  subjects: SubjectInfo[];
}

/**
 * 批量删除报考, one request: the candidate and plan known, the plan's registration open (the
 * manual: outside it neither enrolling nor deleting), and the named subject, or every subject of
 * the named certificate and level, enrolled. A subject in a confirmed payment order is refused
 * by the database when the deletion is tried.
 */
export function judgeDelete(book: EnrollBook, r: DeleteRequest, today: string): DeleteJudged {
  const errors: RuleIssue[] = [...(r.issues ?? [])];
  const warnings: RuleIssue[] = [];
  const candidate = resolveCandidate(book, r, today, errors);
  const plan = resolvePlanField(book, r.plan, errors);
  const closed = plan ? registrationRefusal(plan, today) : null;
  if (closed) errors.push({ field: 'plan', code: 'WINDOW_CLOSED', message: `${closed}，不能删除报考` });
  let subjects: SubjectInfo[] = [];
  if (r.subject.text.trim()) subjects = planSubjects(book, plan, [r.subject], errors, warnings);
  else if (r.certificate.trim() || r.level.trim()) {
    const pc = planCertificate(book, plan, r.certificate, r.level, errors);
    if (pc) subjects = pc.subjects.map((s) => book.subjects.get(s)).filter((s): s is SubjectInfo => s !== undefined);
  } else errors.push({ field: 'certificate', code: 'REQUIRED', message: '请填写要删除的证书和证书等级，或者要删除的考试科目' });

  if (candidate && plan && !errors.length) {
    const enrolled = book.enrolledIn(plan.code).get(candidate.id);
    const mine = subjects.filter((s) => enrolled?.has(s.code));
    if (!mine.length) {
      const what = r.subject.text.trim()
        ? `科目“${subjects[0]!.name}”（${subjects[0]!.code}）`
        : `“${book.certificates.get(subjects[0]?.certificateCode ?? '')?.name ?? r.certificate.trim()}”${levelOf(r.level) ?? ''}的科目`;
      errors.push({ field: r.subject.text.trim() ? 'subject' : 'certificate', code: 'NOT_ENROLLED', message: `该考生没有报考本计划的${what}` });
    }
    subjects = mine;
  }
  return { ref: r.ref, errors, warnings, candidate, plan, subjects: errors.length ? [] : subjects };
}

/** The same enrollment named twice in one sheet: the second row is refused, naming the first. */
export function judgeDeleteBatch(judged: DeleteJudged[], describe: (ref: number) => string): void {
  const seen = new Map<string, number>();
  for (const j of judged) {
    if (j.errors.length || !j.candidate || !j.plan) continue;
    for (const s of j.subjects) {
      const key = `${j.candidate.id}/${j.plan.code}/${s.code}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, j.ref);
      else if (first !== j.ref) j.errors.push({ field: 'subject', code: 'DUPLICATE_IN_FILE', message: `与${describe(first)}重复（同一考生、同一考试计划、同一科目“${s.name}”）` });
    }
    if (j.errors.length) j.subjects = [];
  }
}
