import type { PlanStats } from '../../../src-shared/api/stats';
import { DIMENSION_LABELS, type RateTable } from '../../../src-shared/domain/score-stats';
import { writeRowsWorkbook, type RowsSheet } from '../../pipelines/xlsx/rows-workbook';

const undecidedHeader = (basis: RateTable['basis']) => (basis === 'subject' ? '未出成绩' : '成绩未齐');

/** The code column of a dimension whose rows stand for a coded thing, written as text (098694 keeps its 0). */
const CODE_HEADERS: Partial<Record<RateTable['dimension'], string>> = { plan: '计划编号', certificate: '证书编号', certificateLevel: '证书编号', subject: '科目编号' };
/** A certificate level's key is `code|level`. */
const codeOf = (key: string) => key.split('|')[0]!;

function rateSheet(table: RateTable, stats: PlanStats): RowsSheet {
  const codeHeader = CODE_HEADERS[table.dimension];
  const passMarks = new Map(stats.histograms.map((h) => [h.subjectCode, h]));
  const subject = table.dimension === 'subject';
  return {
    name: table.title,
    columns: [
      { header: DIMENSION_LABELS[table.dimension], width: 34 },
      ...(codeHeader ? [{ header: codeHeader, width: 16, text: true }] : []),
      ...(subject
        ? [
            { header: '所属证书', width: 24 },
            { header: '合格分数', width: 10 },
          ]
        : []),
      { header: '报考', width: 10 },
      { header: '应考', width: 10 },
      { header: '通过', width: 10 },
      { header: '缺考', width: 10 },
      { header: undecidedHeader(table.basis), width: 10 },
      { header: '通过率（%）', width: 12 },
      ...(subject
        ? [
            { header: '平均分', width: 10 },
            { header: '最高分', width: 10 },
            { header: '最低分', width: 10 },
          ]
        : []),
    ],
    rows: table.rows.map((r) => {
      const h = passMarks.get(r.key);
      return [
        r.label,
        ...(codeHeader ? [codeOf(r.key)] : []),
        ...(subject ? [h?.certificateLabel ?? null, h?.passScore ?? null] : []),
        r.enrolled,
        r.decided,
        r.passed,
        r.absent,
        r.undecided,
        r.rate,
        ...(subject ? [h?.mean ?? null, h?.max ?? null, h?.min ?? null] : []),
      ];
    }),
  };
}

function binsSheet(stats: PlanStats): RowsSheet {
  return {
    name: '成绩分布',
    columns: [
      { header: '科目编号', width: 12, text: true },
      { header: '科目名称', width: 24 },
      { header: '所属证书', width: 24 },
      { header: '合格分数', width: 10 },
      { header: '分数段', width: 14 },
      { header: '下限（含）', width: 10 },
      { header: '上限', width: 10 },
      { header: '含上限', width: 8 },
      { header: '人数', width: 8 },
    ],
    rows: stats.histograms.flatMap((h) =>
      h.bins.map((b) => [h.subjectCode, h.subjectName, h.certificateLabel, h.passScore, b.label, b.from, b.to, b.closed ? '是' : '否', b.count]),
    ),
  };
}

/**
 * 统计分析 as an xlsx: a sheet per dimension (按证书等级, 按专业…, each row with the counts behind
 * its rate) and one of every subject's score bins. Codes are text; names from the platform or
 * a spreadsheet that look like formulas stay text (writeRowsWorkbook).
 */
export async function writeStatsWorkbook(stats: PlanStats, path: string): Promise<void> {
  await writeRowsWorkbook(path, [...stats.tables.map((t) => rateSheet(t, stats)), binsSheet(stats)]);
}
