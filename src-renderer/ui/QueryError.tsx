import { Alert } from 'antd';

/** A failed read, said plainly above the table it was meant to fill. */
export function QueryError({ error }: { error: Error | null }) {
  if (!error) return null;
  return <Alert type="error" showIcon title="读取失败" description={error.message} style={{ marginBottom: 16 }} />;
}
