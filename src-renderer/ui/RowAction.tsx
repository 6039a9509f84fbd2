import { Button } from 'antd';
import type { ReactNode } from 'react';

/**
 * A table row's action (编辑, 恢复, 下载…): a real button that looks like a link, so Tab reaches
 * it and Enter or Space presses it, which an `<a>` without href never did.
 */
export function RowAction({ children, onClick, danger }: { children: ReactNode; onClick: () => void; danger?: boolean }) {
  return (
    <Button type="link" size="small" autoInsertSpace={false} danger={danger} onClick={onClick} style={{ paddingInline: 0 }}>
      {children}
    </Button>
  );
}
