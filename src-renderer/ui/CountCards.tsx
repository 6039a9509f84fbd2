import { Card, Col, Row, Statistic } from 'antd';
import type { CSSProperties } from 'react';

export interface CountCard {
  key: string;
  label: string;
  value: number;
  /** The number's colour when it is not zero (a zero stays plain: nothing to look at). */
  color?: string;
}

/** A check's outcome at a glance: one card per count, four to a row. */
export function CountCards({ items, unit, style }: { items: CountCard[]; unit: string; style?: CSSProperties }) {
  return (
    <Row gutter={16} style={style} role="group" aria-label="检查结果">
      {items.map((c) => (
        <Col span={6} key={c.key}>
          <Card size="small">
            <Statistic title={c.label} value={c.value} suffix={unit} styles={{ content: { color: c.value ? c.color : undefined } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
