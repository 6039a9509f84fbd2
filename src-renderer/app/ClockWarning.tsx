import { Alert } from 'antd';
import { useOp } from '../api/hooks';

/** DESIGN.md §4: every dated action trusts this PC's clock, so a clock behind the platform's is shown. */
export function ClockWarning() {
  const info = useOp('app.info', {}, { refetchInterval: 60_000 });
  const warning = info.data?.clockWarning;
  if (!warning) return null;
  return <Alert type="warning" showIcon banner title="请检查电脑的日期和时间" description={warning} style={{ marginBottom: 16 }} role="alert" />;
}
