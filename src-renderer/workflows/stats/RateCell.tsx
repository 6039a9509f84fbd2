import { Button, Popover, Typography } from 'antd';
import { countsText, formatRate, type RateRow, type RateTable } from '../../../src-shared/domain/score-stats';

/** The counts behind a rate, as the popover and the chart's note say them. */
export function RateCounts({ row, basis }: { row: RateRow; basis: RateTable['basis'] }) {
  const undecided = basis === 'subject' ? '未出成绩' : '成绩未齐';
  return (
    <div style={{ maxWidth: 320 }}>
      <Typography.Text strong>{countsText(row, basis)}</Typography.Text>
      <ul style={{ margin: '8px 0 0', paddingInlineStart: 18 }}>
        <li>
          报考 {row.enrolled}：应考 {row.decided}
          {row.undecided ? `，${undecided} ${row.undecided}（不计入通过率）` : ''}
        </li>
        <li>
          应考 {row.decided} 中缺考 {row.absent}，缺考不算通过
        </li>
        <li>
          通过率 = 通过 {row.passed} ÷ 应考 {row.decided} = {formatRate(row.rate)}
        </li>
      </ul>
    </div>
  );
}

/** A rate that, clicked, shows the numbers it is made of (通过 x / 应考 y). */
export function RateCell({ row, basis, title }: { row: RateRow; basis: RateTable['basis']; title: string }) {
  return (
    <Popover trigger="click" title={title} content={<RateCounts row={row} basis={basis} />}>
      <Button type="link" size="small" style={{ padding: 0 }} aria-label={`${title}的通过率 ${formatRate(row.rate)}，点击查看人数`}>
        {formatRate(row.rate)}
      </Button>
    </Popover>
  );
}
