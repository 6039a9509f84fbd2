import { missingForEnrollment, type CandidateKind, type RealnameStatus } from '../../../src-shared/domain/candidate';
import type { ExamMethod, ExamPlan, PlanSubject } from '../../../src-shared/domain/catalog';
import { quotaYear } from '../../../src-shared/domain/declaration';
import type { Store } from '../../store/store';
import { COMPLETE_SQL } from '../candidates/candidates-service';

export interface PlanInfo {
  code: string;
  name: string;
  windows: ExamPlan['windows'];
  /** The year its enrollments count against (the quota's year). */
  year: number;
  /** The plan's subjects of each certificate and level, keyed `cert/level`, in the plan's order. */
  certificates: Map<string, string[]>;
}

export interface SubjectInfo {
  code: string;
  name: string;
  method: ExamMethod;
  certificateCode: string;
  level: string;
  target: string;
  status: string;
}

export interface CertificateInfo {
  code: string;
  name: string;
  shortName: string;
  levels: string[];
}

export interface CandidateInfo {
  id: number;
  idNumber: string;
  name: string;
  kind: CandidateKind;
  /** Nothing keeps them from enrolling (missingForEnrollment is empty); `missingOf` says what does. */
  complete: boolean;
}

export const pairKey = (cert: string, level: string) => `${cert}/${level}`;

interface CandidateRecord {
  kind: CandidateKind;
  name_pinyin: string;
  phone: string | null;
  major: string | null;
  major_level: string | null;
  entry_year: number | null;
  realname_status: RealnameStatus;
  has_photo: 0 | 1;
}

// Rows as arrays, completeness in SQL: a sheet of 10,000 reads 10,000 candidates, and objects
// and arrays for each were most of the check's time in garbage collection.
const CANDIDATES_SQL = `SELECT c.id, c.id_number, c.name, c.kind, ${COMPLETE_SQL} AS complete FROM candidates c LEFT JOIN candidate_photos p ON p.candidate_id = c.id`;
const MISSING_SQL = `SELECT c.kind, c.name_pinyin, c.phone, c.major, c.major_level, c.entry_year, c.realname_status, p.candidate_id IS NOT NULL AS has_photo
  FROM candidates c LEFT JOIN candidate_photos p ON p.candidate_id = c.id WHERE c.id = ?`;

type CandidateTuple = [number, string, string, CandidateKind, 0 | 1];
const toInfo = (r: CandidateTuple): CandidateInfo => ({ id: r[0], idNumber: r[1], name: r[2], kind: r[3], complete: r[4] === 1 });

/**
 * What 报考 is judged against, read once per check or commit: the catalog (plans, subjects,
 * certificates), the year's approved quota and its use, the candidates and who is enrolled where.
 * Read inside the commit's transaction, so the judgement and the writes see the same store.
 */
export class EnrollBook {
  readonly plans: Map<string, PlanInfo>;
  readonly subjects: Map<string, SubjectInfo>;
  readonly certificates: Map<string, CertificateInfo>;
  /** By 证书名称 and 证书简称, and plans by name: what people write instead of a code. */
  readonly certificatesByName = new Map<string, CertificateInfo>();
  readonly plansByName = new Map<string, PlanInfo>();
  private readonly approved: Map<string, number>;
  private readonly used = new Map<number, Map<string, number>>();
  private readonly enrolledByPlan = new Map<string, Map<number, Set<string>>>();
  private candidatesByNumber: Map<string, CandidateInfo> | null = null;
  private readonly active = new Map<string, SubjectInfo[]>();

  constructor(private readonly store: Store) {
    this.subjects = new Map(
      store
        .all(store.q.selectFrom('exam_subjects').selectAll())
        .map((s) => [s.code, { code: s.code, name: s.name, method: s.method, certificateCode: s.certificate_code, level: s.level, target: s.target, status: s.status }]),
    );
    this.certificates = new Map(
      store
        .all(store.q.selectFrom('certificates').select(['code', 'name', 'short_name', 'levels_json']))
        .map((c) => [c.code, { code: c.code, name: c.name, shortName: c.short_name, levels: JSON.parse(c.levels_json) as string[] }]),
    );
    const certs = new Map<string, Map<string, string[]>>();
    for (const c of store.all(store.q.selectFrom('exam_plan_certificates').select(['plan_code', 'certificate_code', 'level', 'subjects_json']))) {
      const map = certs.get(c.plan_code) ?? new Map<string, string[]>();
      map.set(
        pairKey(c.certificate_code, c.level),
        (JSON.parse(c.subjects_json) as PlanSubject[]).map((s) => s.subjectCode),
      );
      certs.set(c.plan_code, map);
    }
    this.plans = new Map(
      store.all(store.q.selectFrom('exam_plans').select(['code', 'name', 'windows_json'])).map((p) => {
        const windows = JSON.parse(p.windows_json) as ExamPlan['windows'];
        return [p.code, { code: p.code, name: p.name, windows, year: quotaYear(windows.registration.start), certificates: certs.get(p.code) ?? new Map() }];
      }),
    );
    for (const c of this.certificates.values()) for (const n of [c.shortName, c.name]) this.certificatesByName.set(n, c);
    for (const p of this.plans.values()) if (!this.plansByName.has(p.name)) this.plansByName.set(p.name, p);
    const approved = store.db
      .prepare("SELECT year, certificate_code AS code, level, SUM(approved_count) AS n FROM declarations WHERE status = 'approved' GROUP BY year, certificate_code, level")
      .all() as { year: number; code: string; level: string; n: number }[];
    this.approved = new Map(approved.map((a) => [`${a.year}/${a.code}/${a.level}`, a.n]));
  }

  /** The year's approved count for a certificate and level, or null when no declaration of it was approved. */
  approvedCount(year: number, cert: string, level: string): number | null {
    return this.approved.get(`${year}/${cert}/${level}`) ?? null;
  }

  /** 已用: the year's enrollments of a certificate and level, one per candidate and plan (as the quota page counts them). */
  usedCount(year: number, cert: string, level: string): number {
    let byPair = this.used.get(year);
    if (!byPair) {
      const rows = this.store.db
        .prepare(
          `SELECT s.certificate_code AS code, s.level AS level, COUNT(DISTINCT e.candidate_id || '/' || e.plan_code) AS n
           FROM enrollments e JOIN exam_subjects s ON s.code = e.subject_code JOIN exam_plans p ON p.code = e.plan_code
           WHERE p.registration_start >= ? AND p.registration_start < ? GROUP BY 1, 2`,
        )
        .all(`${year}-`, `${year + 1}-`) as { code: string; level: string; n: number }[];
      byPair = new Map(rows.map((r) => [pairKey(r.code, r.level), r.n]));
      this.used.set(year, byPair);
    }
    return byPair.get(pairKey(cert, level)) ?? 0;
  }

  /** The subjects each candidate is enrolled in, in one plan. */
  enrolledIn(planCode: string): Map<number, Set<string>> {
    let byCandidate = this.enrolledByPlan.get(planCode);
    if (!byCandidate) {
      byCandidate = new Map();
      for (const r of this.store.prepare('SELECT candidate_id AS c, subject_code AS s FROM enrollments WHERE plan_code = ?').all(planCode) as { c: number; s: string }[]) {
        const set = byCandidate.get(r.c) ?? new Set<string>();
        set.add(r.s);
        byCandidate.set(r.c, set);
      }
      this.enrolledByPlan.set(planCode, byCandidate);
    }
    return byCandidate;
  }

  /** A plan's subjects of a certificate and level that are in use (the platform may have stopped one). */
  activeSubjects(plan: PlanInfo, cert: string, level: string): SubjectInfo[] {
    const key = `${plan.code}/${pairKey(cert, level)}`;
    let list = this.active.get(key);
    if (!list) {
      list = (plan.certificates.get(pairKey(cert, level)) ?? []).map((s) => this.subjects.get(s)).filter((s): s is SubjectInfo => s !== undefined && s.status !== '已停用');
      this.active.set(key, list);
    }
    return list;
  }

  /** Whether a candidate already counts against the quota of a certificate and level through this plan. */
  counted(planCode: string, candidateId: number, cert: string, level: string): boolean {
    const subjects = this.enrolledIn(planCode).get(candidateId);
    if (!subjects) return false;
    for (const s of subjects) {
      const info = this.subjects.get(s);
      if (info?.certificateCode === cert && info.level === level) return true;
    }
    return false;
  }

  /** A candidate by ID number: every candidate is read at the first question (a sheet names any of them). */
  candidate(idNumber: string): CandidateInfo | undefined {
    if (!this.candidatesByNumber) {
      const rows = this.store.prepare(CANDIDATES_SQL).raw(true).all() as CandidateTuple[];
      this.candidatesByNumber = new Map(rows.map((r) => [r[1], toInfo(r)]));
    }
    return this.candidatesByNumber.get(idNumber);
  }

  /** What keeps an incomplete candidate from enrolling, in the words of the candidate list. */
  missingOf(c: CandidateInfo): string[] {
    const r = this.store.prepare(MISSING_SQL).get(c.id) as CandidateRecord;
    return missingForEnrollment({
      kind: r.kind,
      phone: r.phone,
      namePinyin: r.name_pinyin,
      major: r.major,
      majorLevel: r.major_level,
      entryYear: r.entry_year,
      hasPhoto: r.has_photo === 1,
      realnameStatus: r.realname_status,
    });
  }

  /** Only these candidates (a selection on the list): read in slices, the others never. */
  useCandidates(ids: readonly number[]): CandidateInfo[] {
    const found: CandidateInfo[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const slice = ids.slice(i, i + 500);
      found.push(
        ...(
          this.store
            .prepare(`${CANDIDATES_SQL} WHERE c.id IN (${slice.map(() => '?').join(',')})`)
            .raw(true)
            .all(...slice) as CandidateTuple[]
        ).map(toInfo),
      );
    }
    this.candidatesByNumber = new Map(found.map((c) => [c.idNumber, c]));
    return found;
  }
}
