import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { catalogPayload, declarationPlansPayload, examPlansPayload, examSubjectsPayload, weightProblems } from '../../../src-shared/domain/catalog';
import { AppError } from '../../../src-shared/errors';
import { catalogKinds, type CatalogKinds } from './catalog-kinds';
import { issueDayOf } from './dates';
import { scenarioSchema, type Scenario } from './scenario-schema';

export const DEFAULT_SCENARIO_PATH = join(import.meta.dirname, 'default-scenario.json');

function refuse(file: string, message: string): never {
  throw new AppError('BAD_FILE', `场景文件 ${file} 有误：${message}`, { file });
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/**
 * Reads and checks a scenario completely, so a mistake in it shows here, naming the place,
 * rather than as a refusal in the app under test: the file's own shape, unique codes, every
 * reference, and the payloads it makes today against the very schemas the app reads with.
 */
export function loadScenario(path: string = DEFAULT_SCENARIO_PATH): Scenario {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    refuse(file, `无法读取或不是合法的 JSON（${e instanceof Error ? e.message : String(e)}）`);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    refuse(file, `${pathText(issue.path)}：${issue.message}`);
  }
  const scenario = parsed.data;
  const problem = referenceProblem(scenario);
  if (problem) refuse(file, problem);
  checkCatalogKinds(catalogKinds(scenario, { province: { code: '11', name: '北京市' }, issueDay: issueDayOf(new Date()) }), file);
  return scenario;
}

function firstDuplicate(values: string[]): string | undefined {
  const seen = new Set<string>();
  return values.find((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

function referenceProblem(s: Scenario): string | null {
  const duplicates: [string, string[]][] = [
    ['培训评价组织编码', s.organisations.map((o) => o.code)],
    ['证书编号', s.certificates.map((c) => c.code)],
    ['专业代码', s.majors.map((m) => m.code)],
    ['科目编号', s.subjects.map((x) => x.code)],
    ['考核方案（证书+等级）', s.assessments.map((a) => `${a.certificateCode} ${a.level}`)],
  ];
  for (const [label, values] of duplicates) {
    const d = firstDuplicate(values);
    if (d) return `${label}“${d}”重复`;
  }
  const orgs = new Set(s.organisations.map((o) => o.code));
  const levels = new Map(s.certificates.map((c) => [c.code, c.levels as string[]]));
  const hasLevel = (code: string, level: string) => levels.get(code)?.includes(level) ?? false;
  for (const c of s.certificates) if (!orgs.has(c.orgCode)) return `证书 ${c.code} 的培训评价组织 ${c.orgCode} 不存在`;
  for (const x of s.subjects) if (!hasLevel(x.certificateCode, x.level)) return `科目 ${x.code} 的证书 ${x.certificateCode}（${x.level}）不存在`;
  const subjects = new Map(s.subjects.map((x) => [x.code, x]));
  for (const a of s.assessments) {
    if (!hasLevel(a.certificateCode, a.level)) return `考核方案的证书 ${a.certificateCode}（${a.level}）不存在`;
    for (const sub of a.subjects) {
      const subject = subjects.get(sub.subjectCode);
      if (!subject) return `考核方案 ${a.certificateCode}（${a.level}）的科目 ${sub.subjectCode} 不存在`;
      if (subject.certificateCode !== a.certificateCode || subject.level !== a.level)
        return `科目 ${sub.subjectCode} 属于 ${subject.certificateCode}（${subject.level}），不能用在 ${a.certificateCode}（${a.level}）的考核方案中`;
    }
  }
  for (const b of s.borrowedSites) if (!levels.has(b.certificateCode)) return `借考安排（borrowedSites）的证书 ${b.certificateCode} 不存在`;
  for (const p of s.examPlans) {
    if (!orgs.has(p.orgCode)) return `考试计划 ${p.code} 的考核单位 ${p.orgCode} 不存在`;
    for (const c of p.certificates)
      if (!s.assessments.some((a) => a.certificateCode === c.certificateCode && a.level === c.level))
        return `考试计划 ${p.code} 考核的 ${c.certificateCode}（${c.level}）没有考核方案（assessments）`;
  }
  return null;
}

function checkPayload<T>(schema: z.ZodType<T>, value: unknown, label: string, file: string): void {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    refuse(file, `生成的${label}不符合格式：${pathText(issue.path)}：${issue.message}`);
  }
}

/** The payloads as the app will read them: schemas, weights, unique codes, no unfilled {placeholder}. */
export function checkCatalogKinds(kinds: CatalogKinds, file: string): CatalogKinds {
  checkPayload(catalogPayload, kinds.catalog, '证书目录', file);
  checkPayload(declarationPlansPayload, kinds['declaration-plans'], '申报计划', file);
  checkPayload(examSubjectsPayload, kinds['exam-subjects'], '考试科目', file);
  checkPayload(examPlansPayload, kinds['exam-plans'], '考试计划', file);
  const weights = kinds['exam-plans'].plans.flatMap(weightProblems);
  if (weights.length) refuse(file, weights[0]!);
  const plans = kinds['exam-plans'].plans;
  const declarations = kinds['declaration-plans'].plans;
  const dupPlan = firstDuplicate(plans.map((p) => p.code)) ?? firstDuplicate(declarations.map((d) => d.code));
  if (dupPlan) refuse(file, `计划编号“${dupPlan}”重复`);
  const texts = [...plans.flatMap((p) => [p.code, p.name]), ...declarations.flatMap((d) => [d.code, d.batch])];
  const unfilled = texts.find((t) => /\{\w+\}/.test(t));
  if (unfilled) refuse(file, `“${unfilled}”中有无法识别的占位符（可用 {year}、{provinceCode}、{examYear}、{examMonth}）`);
  return kinds;
}
