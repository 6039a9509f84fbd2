import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ListColumn } from './list-columns';

const storageKey = (scope: string) => `examsite.columns.${scope}`;

function readHidden(scope: string, columns: ListColumn[]): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(scope)) ?? 'null') as unknown;
    if (Array.isArray(saved) && saved.every((k) => typeof k === 'string')) return saved;
  } catch {
    // A damaged entry is as good as none.
  }
  return columns.filter((c) => c.hiddenByDefault).map((c) => c.key);
}

/** Which columns a table shows, remembered on this PC per `scope` (localStorage). */
export function useColumnChoice(scope: string, columns: ListColumn[]) {
  const [state, setState] = useState(() => ({ scope, hidden: readHidden(scope, columns) }));
  const hidden = state.scope === scope ? state.hidden : readHidden(scope, columns);
  const setHidden = (next: string[]) => {
    localStorage.setItem(storageKey(scope), JSON.stringify(next));
    setState({ scope, hidden: next });
  };
  const visible = useMemo(() => columns.filter((c) => c.fixed || !hidden.includes(c.key)), [columns, hidden]);
  return { visible, hidden, setHidden };
}

export function ColumnChooser({ columns, hidden, onChange }: { columns: ListColumn[]; hidden: string[]; onChange: (hidden: string[]) => void }) {
  const choosable = columns.filter((c) => !c.fixed);
  const shown = choosable.filter((c) => !hidden.includes(c.key)).map((c) => c.key);
  const content = (
    <Flex vertical gap={8} style={{ minWidth: 160 }}>
      <Checkbox.Group
        value={shown}
        onChange={(keys) => onChange(choosable.map((c) => c.key).filter((k) => !keys.includes(k)))}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={choosable.map((c) => ({ value: c.key, label: c.title }))}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          姓名、身份证号始终显示
        </Typography.Text>
        <Button size="small" type="link" onClick={() => onChange(columns.filter((c) => c.hiddenByDefault).map((c) => c.key))}>
          恢复默认
        </Button>
      </Flex>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="显示的列" content={content}>
      <Button icon={<SettingOutlined />}>显示列</Button>
    </Popover>
  );
}
