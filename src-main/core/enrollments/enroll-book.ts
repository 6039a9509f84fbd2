import { missingForEnrollment, type CandidateKind, type RealnameStatus } from '../../../src-shared/domain/candidate';
import type { ExamMethod, ExamPlan, PlanSubject } from '../../../src-shared/domain/catalog';
import { quotaYear } from '../../../src-shared/domain/declaration';
import type { Store } from '../../store/store';

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
  /** What keeps them from enrolling (missingForEnrollment); empty when complete. */
  missing: string[];
}

export const pairKey = (cert: string, level: string) => `${cert}/${level}`;

interface CandidateRecord {
  id: number;
  id_number: string;
  name: string;
  kind: CandidateKind;
  name_pinyin: string;
  phone: string | null;
  major: string | null;
  major_level: string | null;
  entry_year: number | null;
  realname_status: RealnameStatus;
  has_photo: 0 | 1;
}

const CANDIDATE_SQL = `SELECT c.id, c.id_number, c.name, c.kind, c.name_pinyin, c.phone, c.major, c.major_level, c.entry_year, c.realname_status,
  p.candidate_id IS NOT NULL AS has_photo FROM candidates c LEFT JOIN candidate_photos p ON p.candidate_id = c.id`;

function toInfo(r: CandidateRecord): CandidateInfo {
  const missing = missingForEnrollment({
    kind: r.kind,
    phone: r.phone,
    namePinyin: r.name_pinyin,
    major: r.major,
    majorLevel: r.major_level,
    entryYear: r.entry_year,
    hasPhoto: r.has_photo === 1,
    realnameStatus: r.realname_status,
  });
  return { id: r.id, idNumber: r.id_number, name: r.name, kind: r.kind, missing };
}

/**
 * What 报考 is judged against, read once per check or commit: the catalog (plans, subjects,
 * certificates), the year's approved quota and its use, the candidates and who is enrolled where.
 * Read inside the commit's transaction, so the judgement and the writes see the same store.
 */
export class EnrollBook {
  readonly plans: Map<string, PlanInfo>;
  readonly subjects: Map<string, SubjectInfo>;
  readonly certificates: Map<string, CertificateInfo>;
  private readonly approved: Map<string, number>;
  private readonly used = new Map<number, Map<string, number>>();
  private readonly enrolledByPlan = new Map<string, Map<number, Set<string>>>();
  private candidatesByNumber: Map<string, CandidateInfo> | null = null;

  constructor(private readonly store: Store) {
    this.subjects = new Map(
      store.all(store.q.selectFrom('exam_subjects').selectAll()).map((s) => [
        s.code,
        { code: s.code, name: s.name, method: s.method, certificateCode: s.certificate_code, level: s.level, target: s.target, status: s.status },
      ]),
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
    if (!this.candidatesByNumber) this.candidatesByNumber = new Map((this.store.prepare(CANDIDATE_SQL).all() as CandidateRecord[]).map((r) => [r.id_number, toInfo(r)]));
    return this.candidatesByNumber.get(idNumber);
  }

  /** Only these candidates (a selection on the list): read in slices, the others never. */
  useCandidates(ids: readonly number[]): CandidateInfo[] {
    const found: CandidateInfo[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const slice = ids.slice(i, i + 500);
      found.push(...(this.store.prepare(`${CANDIDATE_SQL} WHERE c.id IN (${slice.map(() => '?').join(',')})`).all(...slice) as CandidateRecord[]).map(toInfo));
    }
    this.candidatesByNumber = new Map(found.map((c) => [c.idNumber, c]));
    return found;
  }
}
