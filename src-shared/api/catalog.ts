import { z } from 'zod';
import { empty, op } from './contract';
import type { CertLevel, DeclarationPlan, ExamPlan, ExamSession, PlanWindowKey } from '../domain/catalog';
import type { PlanPhase } from '../domain/plan-phase';

export interface CertificateRow {
  code: string;
  name: string;
  shortName: string;
  orgCode: string;
  orgName: string;
  levels: CertLevel[];
}

/** The manual's 考试科目 columns. */
export interface SubjectRow {
  code: string;
  name: string;
  method: string;
  certificateCode: string;
  certificateName: string;
  level: string;
  orgName: string;
  target: string;
  status: string;
}

export interface MajorRow {
  code: string;
  name: string;
  level: string;
}

export interface PlanListRow {
  code: string;
  name: string;
  orgCode: string;
  orgName: string;
  status: string;
  subjectCount: number;
  windows: ExamPlan['windows'];
  phase: PlanPhase;
}

export interface PlanSubjectDetail {
  subjectCode: string;
  subjectName: string;
  method: string;
  passScore: number;
  weight: number;
  sessions: ExamSession[];
  durationMinutes: number;
}

export interface PlanCertificateDetail {
  certificateCode: string;
  certificateName: string;
  level: string;
  compositePassScore: number | null;
  allSubjectsPass: boolean;
  subjects: PlanSubjectDetail[];
}

export interface PlanDetail extends PlanListRow {
  openWindows: PlanWindowKey[];
  certificates: PlanCertificateDetail[];
}

export const catalogOps = {
  'catalog.certificates': op<CertificateRow[]>()({ input: empty, access: 'user', summary: '证书目录' }),
  'catalog.subjects': op<SubjectRow[]>()({ input: empty, access: 'user', summary: '考试科目' }),
  'catalog.majors': op<MajorRow[]>()({ input: empty, access: 'user', summary: '专业目录' }),
  'catalog.declarationPlans': op<DeclarationPlan[]>()({ input: empty, access: 'user', summary: '申报计划' }),
  'plans.list': op<PlanListRow[]>()({ input: empty, access: 'user', summary: '考试计划' }),
  'plans.get': op<PlanDetail>()({ input: z.object({ code: z.string().min(1).max(40) }).strict(), access: 'user', summary: '查看考试计划' }),
};
