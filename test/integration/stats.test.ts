import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../src-shared/api/files';
import type { PlanStats, StatsExportResult, StatsPlanRow } from '../../src-shared/api/stats';
import type { RateTable } from '../../src-shared/domain/score-stats';
import { STATS_PLAN_NAME, statsApp } from '../fixtures/stats-fixtures';
import { addUser, call, callError, callJob } from '../helpers/app';
import { pagePng, pdfFonts, pdfImageCount, pdfInfo, pdfText } from '../helpers/pdf';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

const rows = (stats: PlanStats, dimension: RateTable['dimension']) => stats.tables.find((t) => t.dimension === dimension)!.rows;
/** [label, passed, decided, absent, undecided, rate] */
const brief = (r: RateTable['rows']) => r.map((x) => [x.label, x.passed, x.decided, x.absent, x.undecided, x.rate]);

describe('统计分析', { timeout: 240_000 }, () => {
  it('matches the numbers worked out by hand from the fixture’s scores (see stats-scores.ts)', async () => {
    const { app, principal, plan } = await statsApp();
    const stats = await call<PlanStats>(app, 'stats.plan', { planCode: plan }, principal);
    expect(stats.plan).toMatchObject({ code: plan, name: STATS_PLAN_NAME, orgName: '北京中物联物流采购培训中心', phase: '已结束' });
    expect(stats.binWidth).toBe(10);
    // 6 × 3 初级 + 3 × 3 中级 subjects enrolled; 23 scored (#5 lacks one 初级 score, #3 every 中级 one), 4 of them absent.
    expect(stats.scores).toEqual({ enrolled: 27, scored: 23, absent: 4, latestAt: '2026-06-10T02:00:00.000Z', locked: false });

    // Certificate results from the plan's rule (localResults): 初级 pass #1, #3 (59.99 → 60.0); fail #2, #4, #6; #5 undecided.
    expect(brief(rows(stats, 'plan'))).toEqual([[STATS_PLAN_NAME, 4, 7, 1, 2, 57.1]]);
    expect(brief(rows(stats, 'certificate'))).toEqual([['物流管理', 4, 7, 1, 2, 57.1]]);
    expect(brief(rows(stats, 'certificateLevel'))).toEqual([
      ['物流管理（初级）', 2, 5, 1, 1, 40],
      ['物流管理（中级）', 2, 2, 0, 1, 100],
    ]);
    expect(brief(rows(stats, 'level'))).toEqual([
      ['初级', 2, 5, 1, 1, 40],
      ['中级', 2, 2, 0, 1, 100],
    ]);
    expect(brief(rows(stats, 'major'))).toEqual([
      ['电子商务', 1, 2, 0, 1, 50],
      ['物流管理', 3, 4, 0, 1, 75],
      ['（无专业）', 0, 1, 1, 0, 0],
    ]);
    expect(brief(rows(stats, 'entryYear'))).toEqual([
      ['2023 级', 1, 2, 0, 2, 50],
      ['2024 级', 3, 4, 0, 0, 75],
      ['（无入学年份）', 0, 1, 1, 0, 0],
    ]);
    // Subjects against their pass mark 60: 60 passes, 59.9 does not, absent counts as not passed.
    expect(brief(rows(stats, 'subject'))).toEqual([
      ['基础考核（098694）', 3, 6, 2, 0, 50],
      ['综合应用考核（794690）', 4, 6, 1, 0, 66.7],
      ['实操考核（609371）', 3, 5, 1, 1, 60],
      ['基础考核（043194）', 2, 2, 0, 1, 100],
      ['综合应用考核（338994）', 1, 2, 0, 1, 50],
      ['实操考核（577875）', 2, 2, 0, 1, 100],
    ]);

    const basic = stats.histograms[0]!;
    expect(basic).toMatchObject({ subjectCode: '098694', certificateLabel: '物流管理（初级）', passScore: 60, scored: 4, absent: 2, passed: 3, mean: 75, min: 59.9, max: 100 });
    expect(basic.bins.filter((b) => b.count).map((b) => [b.label, b.count])).toEqual([
      ['[50, 60)', 1],
      ['[60, 70)', 1],
      ['[80, 90)', 1],
      ['[90, 100]', 1],
    ]);
    const fives = await call<PlanStats>(app, 'stats.plan', { planCode: plan, binWidth: 5 }, principal);
    expect(fives.histograms[0]!.bins.filter((b) => b.count).map((b) => b.label)).toEqual(['[55, 60)', '[60, 65)', '[80, 85)', '[95, 100]']);
    expect(fives.histograms[0]!.bins).toHaveLength(20);

    const plans = await call<StatsPlanRow[]>(app, 'stats.plans', {}, principal);
    expect(plans.find((p) => p.code === plan)).toEqual({ code: plan, name: STATS_PLAN_NAME, phase: '已结束', enrolled: 27, scored: 23 });
    expect(plans.filter((p) => p.code !== plan).every((p) => p.scored === 0)).toBe(true);
  });

  it('says when the scores are locked, and refuses an unknown plan, a bin width other than 5 or 10, and an invigilator', async () => {
    const { app, principal, plan } = await statsApp();
    app.store.db.prepare('INSERT INTO score_locks (plan_code, locked_at) VALUES (?, ?)').run(plan, '2026-06-12T00:00:00.000Z');
    expect((await call<PlanStats>(app, 'stats.plan', { planCode: plan }, principal)).scores.locked).toBe(true);

    expect(await callError(app, 'stats.plan', { planCode: 'K-NONE' }, principal)).toMatchObject({ code: 'NOT_FOUND', message: '找不到考试计划 K-NONE。' });
    expect(await callError(app, 'stats.export', { planCode: 'K-NONE', format: 'pdf' }, principal)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await callError(app, 'stats.plan', { planCode: plan, binWidth: 7 }, principal)).message).toContain('分数段宽度只能是 10 或 5 分');
    expect((await callError(app, 'stats.export', { planCode: plan, format: 'docx' }, principal)).message).toContain('导出格式只能是 xlsx 或 pdf');

    const coordinator = await addUser(app, principal, 'lina', 'coordinator');
    expect((await call<PlanStats>(app, 'stats.plan', { planCode: plan }, coordinator)).plan.code).toBe(plan);
    const invigilator = await addUser(app, principal, 'wangfang', 'invigilator');
    for (const [name, input] of [
      ['stats.plans', {}],
      ['stats.plan', { planCode: plan }],
      ['stats.export', { planCode: plan, format: 'xlsx' }],
    ] as const)
      expect((await callError(app, name, input, invigilator)).code, name).toBe('FORBIDDEN');
  });

  it('exports an xlsx: a sheet per dimension with the counts behind each rate, and the bins; codes as text', async () => {
    const { app, principal, plan } = await statsApp();
    const result = await callJob<StatsExportResult>(app, 'stats.export', { planCode: plan, format: 'xlsx' }, principal);
    expect(result).toEqual({ format: 'xlsx', fileName: `成绩统计-${plan}.xlsx`, exportFile: 'export', pages: null });
    const jobs = await call<{ id: string; kind: string }[]>(app, 'jobs.list', {}, principal);
    const ref = await call<FileRef>(app, 'jobs.file', { id: jobs.find((j) => j.kind === 'stats-export')!.id, key: 'export' }, principal);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(app.files.resolve(ref.fileId, ACTOR).path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按考试计划', '按证书', '按证书等级', '按等级', '按专业', '按入学年份', '按科目', '成绩分布']);
    const values = (sheet: string, row: number) => (wb.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);
    expect(values('按证书等级', 1)).toEqual(['证书等级', '证书编号', '报考', '应考', '通过', '缺考', '成绩未齐', '通过率（%）']);
    expect(values('按证书等级', 2)).toEqual(['物流管理（初级）', 'ZS2019003', 6, 5, 2, 1, 1, 40]);
    expect(values('按专业', 4)).toEqual(['（无专业）', 1, 1, 0, 1, 0, 0]);
    expect(values('按科目', 1)).toEqual(['科目', '科目编号', '所属证书', '合格分数', '报考', '应考', '通过', '缺考', '未出成绩', '通过率（%）', '平均分', '最高分', '最低分']);
    expect(values('按科目', 3)).toEqual(['综合应用考核（794690）', '794690', '物流管理（初级）', 60, 6, 6, 4, 1, 0, 66.7, 76, 100, 59.9]);
    // 098694 keeps its leading 0: a text cell, not the number 98694.
    const code = wb.getWorksheet('成绩分布')!.getCell('A2');
    expect([code.value, code.type]).toEqual(['098694', ExcelJS.ValueType.String]);
    expect(values('成绩分布', 1)).toEqual(['科目编号', '科目名称', '所属证书', '合格分数', '分数段', '下限（含）', '上限', '含上限', '人数']);
    expect(values('成绩分布', 8)).toEqual(['098694', '基础考核', '物流管理（初级）', 60, '[60, 70)', 60, 70, '否', 1]);
    expect(values('成绩分布', 11)).toEqual(['098694', '基础考核', '物流管理（初级）', 60, '[90, 100]', 90, 100, '是', 1]);
    expect(wb.getWorksheet('成绩分布')!.rowCount).toBe(1 + 6 * 10);
  });

  it('prints an A4 report: the charts as images in the npm font, the tables beneath, Chinese throughout', async () => {
    const { app, principal, plan } = await statsApp();
    const job = await call<{ id: string }>(app, 'stats.export', { planCode: plan, format: 'pdf' }, principal);
    const done = await app.jobs.wait(job.id);
    expect(done.state, done.error?.message).toBe('done');
    const result = done.result as StatsExportResult;
    expect(result).toMatchObject({ format: 'pdf', fileName: `成绩统计-${plan}.pdf`, exportFile: 'export' });
    const ref = await call<FileRef>(app, 'jobs.file', { id: job.id, key: 'export' }, principal);
    const pdf = app.files.resolve(ref.fileId, ACTOR).path;
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const info = pdfInfo(pdf);
    expect(info.pageSize).toMatch(/595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(result.pages).toBe(info.pages);
    expect(pdfFonts(pdf)).toMatch(/NotoSansHans-Regular.*yes\s+yes/);
    // A rate chart per dimension but the one-row total (证书, 证书等级, 等级, 专业, 入学年份, 科目) and a histogram per subject.
    expect(pdfImageCount(pdf)).toBe(12);

    const { flat } = pdfText(pdf);
    for (const expected of [
      '成绩统计报告',
      `${STATS_PLAN_NAME}（${plan}）`,
      '试点院校：烟台职业学院',
      '培训评价组织：北京中物联物流采购培训中心',
      '成绩状态：尚未锁定，成绩可能更正',
      '报考科次：27（已出成绩23，其中缺考4）',
      '通过率=通过÷应考',
      '一、总体通过率',
      `${STATS_PLAN_NAME}9741257.1%`,
      '三、按证书等级统计（考证结果）',
      '物流管理（初级）6521140.0%',
      '物流管理（中级）32201100.0%',
      '（无专业）110100.0%',
      '七、按科目统计（科目成绩）',
      '综合应用考核（794690）物流管理（初级）6641066.7%',
      '八、各科目成绩分布（每10分一段）',
      '基础考核（098694）·物流管理（初级）',
      '合格分数60实考4人通过3人缺考2人平均分75.0最高分100.0最低分59.9',
      '[90,100]',
    ])
      expect(flat, expected).toContain(expected);
    const page = pagePng(pdf, 'stats-report-page1', { dpi: 100 });
    for (const p of [page, pagePng(pdf, 'stats-report-page2', { dpi: 100, page: 2 }), pagePng(pdf, 'stats-report-page4', { dpi: 100, page: 4 })])
      expect(readFileSync(p).length, p).toBeGreaterThan(20_000);
  });
});
